//! The incident legend over the map's top-left corner.

use egui::{Color32, Stroke, Ui, pos2, vec2};

use crate::map::incidents_layer::legend_entries;

pub fn show(ui: &mut Ui, sample: bool) {
    let rect = ui.max_rect();
    let area =
        egui::Rect::from_min_size(pos2(rect.min.x + 10.0, rect.min.y + 10.0), vec2(210.0, 0.0));
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(area.with_max_y(rect.max.y)));
    egui::Frame::new()
        .fill(Color32::from_white_alpha(225))
        .stroke(Stroke::new(1.0, Color32::from_gray(170)))
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(&mut child, |ui| {
            ui.spacing_mut().item_spacing.y = 2.0;
            ui.label(
                egui::RichText::new("Incidents by type")
                    .strong()
                    .size(12.0)
                    .color(Color32::from_gray(30)),
            );
            for (name, color) in legend_entries() {
                ui.horizontal(|ui| {
                    let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter()
                        .circle(r.center(), 4.5, color, Stroke::new(0.7, Color32::WHITE));
                    ui.label(
                        egui::RichText::new(name)
                            .size(11.0)
                            .color(Color32::from_gray(40)),
                    );
                });
            }
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter().circle_stroke(
                    r.center(),
                    4.0,
                    Stroke::new(1.6, Color32::from_gray(90)),
                );
                ui.label(
                    egui::RichText::new("hollow: located only to district/region")
                        .size(11.0)
                        .color(Color32::from_gray(40)),
                );
            });
            if sample {
                ui.label(
                    egui::RichText::new(crate::sample::SAMPLE_LABEL)
                        .size(11.0)
                        .strong()
                        .color(Color32::from_rgb(0xA0, 0x3A, 0x2A)),
                );
            }
        });
}
