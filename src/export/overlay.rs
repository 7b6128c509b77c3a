//! What a briefing image adds over the map: title block (title, subtitle, date range, data as
//! of), the legend of every visible layer, north arrow, scale bar, the attribution of the
//! geodata and of the incident sources with the time it was made, an optional handling
//! marking, and a "SAMPLE DATA – synthetic" watermark over the sample.

use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, Ui, pos2, vec2};

use crate::map::furniture::{Attribution, BarGeometry, ScaleBar};
use crate::map::occupancy::Occupancy;
use crate::map::view::View;

/// The texts of the composition.
#[derive(Debug, Clone, Default)]
pub struct OverlayText {
    pub title: String,
    pub subtitle: String,
    /// "Incidents 2019-01-01 to 2025-09-30 · data as of 2025-09-30".
    pub dates: String,
    /// Geodata attribution, incident sources, time made.
    pub attribution: String,
    pub marking: Option<String>,
    pub sample: bool,
}

/// Everything of the overlay goes above every map layer.
fn overlay_layer() -> egui::LayerId {
    egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("export-overlay"))
}

const INK: Color32 = Color32::from_rgb(25, 25, 30);
const SAMPLE_RED: Color32 = Color32::from_rgb(0xA0, 0x3A, 0x2A);

/// Title block in the top-left corner; returns its rectangle.
fn title_block(ui: &mut Ui, rect: Rect, t: &OverlayText, top: f32) -> Rect {
    let area = Rect::from_min_size(rect.min + vec2(10.0, top), vec2(rect.width() * 0.55, 0.0));
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .layer_id(overlay_layer())
            .max_rect(area.with_max_y(rect.max.y)),
    );
    egui::Frame::new()
        .fill(Color32::from_white_alpha(235))
        .stroke(Stroke::new(1.0, Color32::from_gray(150)))
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(&mut child, |ui| {
            ui.spacing_mut().item_spacing.y = 3.0;
            ui.label(egui::RichText::new(&t.title).size(19.0).strong().color(INK));
            if !t.subtitle.is_empty() {
                ui.label(egui::RichText::new(&t.subtitle).size(12.5).color(INK));
            }
            ui.label(
                egui::RichText::new(&t.dates)
                    .size(11.0)
                    .color(Color32::from_gray(60)),
            );
            if t.sample {
                ui.label(
                    egui::RichText::new(crate::sample::SAMPLE_LABEL)
                        .size(11.5)
                        .strong()
                        .color(SAMPLE_RED),
                );
            }
        })
        .response
        .rect
}

/// The north arrow in the top-right corner; returns the rectangle it covers.
fn north_arrow(painter: &egui::Painter, rect: Rect, top: f32) -> Rect {
    let c = pos2(rect.max.x - 30.0, rect.min.y + top + 34.0);
    painter.circle_filled(c, 20.0, Color32::from_white_alpha(220));
    let tip = c - vec2(0.0, 15.0);
    let left = c + vec2(-8.0, 10.0);
    let right = c + vec2(8.0, 10.0);
    let mid = c + vec2(0.0, 5.0);
    painter.add(egui::Shape::convex_polygon(
        vec![tip, mid, left],
        INK,
        Stroke::NONE,
    ));
    painter.add(egui::Shape::convex_polygon(
        vec![tip, right, mid],
        Color32::WHITE,
        Stroke::new(1.0, INK),
    ));
    painter.text(
        c - vec2(0.0, 25.0),
        Align2::CENTER_BOTTOM,
        "N",
        FontId::proportional(12.0),
        INK,
    );
    Rect::from_min_max(c - vec2(20.0, 40.0), c + vec2(20.0, 20.0))
}

/// A handling marking line; returns its rectangle.
fn marking(painter: &egui::Painter, at: Pos2, text: &str, align: Align2) -> Rect {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(13.0), SAMPLE_RED);
    let r = align.anchor_size(at, galley.size()).expand(3.0);
    painter.rect_filled(r, 2.0, Color32::WHITE);
    painter.galley(r.min + vec2(3.0, 3.0), galley, SAMPLE_RED);
    r
}

fn watermark(painter: &egui::Painter, rect: Rect) {
    let size = (rect.width() / 14.0).clamp(18.0, 90.0);
    let galley = painter.layout_no_wrap(
        crate::sample::SAMPLE_LABEL.to_owned(),
        FontId::proportional(size),
        Color32::from_rgba_unmultiplied(0xA0, 0x3A, 0x2A, 70),
    );
    let angle = -0.32f32;
    let (w, h) = (galley.size().x, galley.size().y);
    // Rotate about the galley's top-left; place so its centre is the map's centre.
    let (s, c) = angle.sin_cos();
    let centre_offset = vec2(w / 2.0 * c - h / 2.0 * s, w / 2.0 * s + h / 2.0 * c);
    let pos = rect.center() - centre_offset;
    painter.add(egui::epaint::TextShape::new(pos, galley, Color32::TRANSPARENT).with_angle(angle));
}

/// Draw everything over the map in `rect`; `legend` draws the layers' legend into the given
/// ui. Returns where the scale bar is and what it measures.
pub fn draw(
    ui: &mut Ui,
    view: &View,
    text: &OverlayText,
    legend: impl FnOnce(&mut Ui),
) -> BarGeometry {
    let rect = view.rect;
    let painter = ui.ctx().layer_painter(overlay_layer()).with_clip_rect(rect);
    if text.sample {
        watermark(&painter, rect);
    }
    let top = if text.marking.is_some() { 26.0 } else { 0.0 };
    let ctx = ui.ctx().clone();
    let fix = |name, r: Rect| Occupancy::update(&ctx, rect, |o| o.fix(name, r));
    if let Some(m) = &text.marking {
        fix(
            "marking",
            marking(
                &painter,
                pos2(rect.center().x, rect.min.y + 4.0),
                m,
                Align2::CENTER_TOP,
            ),
        );
    }
    fix("title", title_block(ui, rect, text, top + 10.0));
    fix("north arrow", north_arrow(&painter, rect, top));
    // The furniture first (the scale bar and attribution record themselves), then the legends
    // where they hide the least.
    let bottom = bottom_view(view, text.marking.is_some());
    Attribution {
        text: &text.attribution,
        scale: 1.0,
    }
    .draw(&painter, &bottom);
    let bar = ScaleBar { scale: 1.0 }.draw(&painter, &bottom);
    if let Some(m) = &text.marking {
        fix(
            "marking",
            marking(
                &painter,
                pos2(rect.center().x, rect.max.y - 4.0),
                m,
                Align2::CENTER_BOTTOM,
            ),
        );
    }
    let mut legend_ui = ui.new_child(
        egui::UiBuilder::new()
            .layer_id(overlay_layer())
            .max_rect(rect),
    );
    legend(&mut legend_ui);
    bar
}

/// The view with its bottom raised above the bottom marking line, if any.
fn bottom_view(view: &View, marked: bool) -> View {
    let mut v = *view;
    if marked {
        v.rect.max.y -= 26.0;
    }
    v
}
