//! Map furniture: scale bar and attribution, drawn over the map in the window and exports.

use egui::{Align2, Color32, FontId, Response, Stroke, Ui, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::occupancy::Occupancy;
use super::style;
use super::view::View;

/// The largest "nice" distance (1, 2 or 5 times a power of ten, in metres) not above `max_m`.
pub fn nice_distance(max_m: f64) -> f64 {
    if max_m <= 0.0 || !max_m.is_finite() {
        return 0.0;
    }
    let pow = 10f64.powf(max_m.log10().floor());
    [5.0, 2.0, 1.0]
        .iter()
        .map(|m| m * pow)
        .find(|d| *d <= max_m)
        .unwrap_or(pow)
}

pub fn format_distance(m: f64) -> String {
    if m >= 1000.0 {
        format!("{} km", m / 1000.0)
    } else {
        format!("{m} m")
    }
}

/// A scale bar in the bottom-left corner, measured at the view's centre latitude.
pub struct ScaleBar {
    pub scale: f32,
}

/// Where a scale bar was drawn and what it says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarGeometry {
    pub metres: f64,
    /// Length in points.
    pub points: f32,
    /// Its left end.
    pub origin: egui::Pos2,
}

impl ScaleBar {
    /// Draw it; returns where and how long it is so callers and tests can check it.
    pub fn draw(&self, painter: &egui::Painter, view: &View) -> BarGeometry {
        let s = self.scale;
        let mpp = view.metres_per_pixel();
        let metres = nice_distance(mpp * 140.0 * s as f64);
        let px = (metres / mpp) as f32;
        let origin = pos2(view.rect.min.x + 14.0 * s, view.rect.max.y - 16.0 * s);
        let text = format_distance(metres);
        let galley = painter.layout_no_wrap(text, FontId::proportional(11.0 * s), style::LABEL);
        let bg = egui::Rect::from_min_max(
            pos2(origin.x - 6.0 * s, origin.y - 22.0 * s),
            pos2(
                origin.x + px.max(galley.size().x) + 8.0 * s,
                origin.y + 6.0 * s,
            ),
        );
        painter.rect_filled(bg, 3.0 * s, Color32::from_white_alpha(200));
        Occupancy::update(painter.ctx(), view.rect, |o| o.fix("scale bar", bg));
        let stroke = Stroke::new(1.5 * s, style::LABEL);
        let end = origin + vec2(px, 0.0);
        painter.line_segment([origin, end], stroke);
        painter.line_segment([origin, origin - vec2(0.0, 5.0 * s)], stroke);
        painter.line_segment([end, end - vec2(0.0, 5.0 * s)], stroke);
        painter.line_segment(
            [
                origin + vec2(px / 2.0, 0.0),
                origin + vec2(px / 2.0, -3.0 * s),
            ],
            stroke,
        );
        painter.galley(origin - vec2(0.0, 20.0 * s), galley, style::LABEL);
        BarGeometry {
            metres,
            points: px,
            origin,
        }
    }
}

impl Plugin for ScaleBar {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}

/// The attribution line, bottom-right, always visible.
pub struct Attribution<'a> {
    pub text: &'a str,
    pub scale: f32,
}

impl Attribution<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) -> egui::Rect {
        let s = self.scale;
        let max_width = (view.rect.width() - 200.0 * s).max(120.0 * s);
        let galley = painter.layout(
            self.text.to_owned(),
            FontId::proportional(10.0 * s),
            Color32::from_gray(50),
            max_width,
        );
        let rect = Align2::RIGHT_BOTTOM
            .anchor_size(view.rect.max - vec2(4.0 * s, 4.0 * s), galley.size())
            .expand(3.0 * s);
        painter.rect_filled(rect, 2.0 * s, Color32::from_white_alpha(210));
        Occupancy::update(painter.ctx(), view.rect, |o| o.fix("attribution", rect));
        painter.galley(
            rect.min + vec2(3.0 * s, 3.0 * s),
            galley,
            Color32::from_gray(50),
        );
        rect
    }
}

impl Plugin for Attribution<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_distances() {
        assert_eq!(nice_distance(140_000.0), 100_000.0);
        assert_eq!(nice_distance(260_000.0), 200_000.0);
        assert_eq!(nice_distance(999.0), 500.0);
        assert_eq!(format_distance(200_000.0), "200 km");
        assert_eq!(format_distance(500.0), "500 m");
    }
}
