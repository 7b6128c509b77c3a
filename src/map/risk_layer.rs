//! Risk shading: every unit filled by its class on a colour-blind-safe sequential ramp
//! (ColorBrewer YlOrRd, 5 classes) at an adjustable opacity, the selected unit outlined, the
//! unit under the pointer reported for the tooltip and clicks.

use egui::{Color32, Response, Stroke, Ui};
use geo::MultiPolygon;
use walkers::{MapMemory, Plugin, Projector};

use super::pointer::hover_and_click;
use super::prepared::PreparedFill;
use super::view::View;

/// ColorBrewer YlOrRd, 5 classes (class 1 lowest).
pub const YLORRD: [Color32; 5] = [
    Color32::from_rgb(0xFF, 0xFF, 0xB2),
    Color32::from_rgb(0xFE, 0xCC, 0x5C),
    Color32::from_rgb(0xFD, 0x8D, 0x3C),
    Color32::from_rgb(0xF0, 0x3B, 0x20),
    Color32::from_rgb(0xBD, 0x00, 0x26),
];

/// The colour of class `class` (1..=5) at `opacity` (0..1).
pub fn class_colour(class: u8, opacity: f32) -> Color32 {
    let c = YLORRD[usize::from(class.clamp(1, 5)) - 1];
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), (opacity.clamp(0.0, 1.0) * 255.0) as u8)
}

pub struct RiskLayer<'a> {
    pub fill: &'a PreparedFill,
    /// Class of each unit (by unit index).
    pub classes: &'a [u8],
    pub opacity: f32,
    /// Outline of the selected unit.
    pub selected: Option<&'a MultiPolygon<f64>>,
    /// The unit under (lon, lat), for hover and click.
    pub locate: &'a (dyn Fn(f64, f64) -> Option<usize> + 'a),
    pub hovered: &'a mut Option<usize>,
    pub clicked: &'a mut Option<usize>,
    pub scale: f32,
}

impl RiskLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        self.fill.draw(painter, view, |unit| {
            self.classes
                .get(unit)
                .map_or(Color32::TRANSPARENT, |&c| class_colour(c, self.opacity))
        });
        if let Some(shape) = self.selected {
            for polygon in &shape.0 {
                let pts: Vec<egui::Pos2> = polygon
                    .exterior()
                    .0
                    .iter()
                    .map(|c| view.lonlat_to_screen(c.x, c.y))
                    .collect();
                painter.add(egui::Shape::closed_line(
                    pts.clone(),
                    Stroke::new(4.0 * self.scale, Color32::WHITE),
                ));
                painter.add(egui::Shape::closed_line(
                    pts,
                    Stroke::new(2.0 * self.scale, Color32::from_rgb(0x20, 0x20, 0x60)),
                ));
            }
        }
    }
}

impl Plugin for RiskLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let view = View::from_projector(projector);
        self.draw(ui.painter(), &view);
        let under = |p| {
            let (lon, lat) = view.screen_to_lonlat(p);
            (self.locate)(lon, lat)
        };
        hover_and_click(response, under, self.hovered, self.clicked);
    }
}
