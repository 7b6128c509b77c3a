//! The +/-, home and legend buttons over the map's top-right corner.

use egui::{Button, Ui, vec2};

use crate::map::occupancy::Occupancy;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    ZoomIn,
    ZoomOut,
    Home,
    ToggleLegend,
}

/// Draw the controls inside the map's rectangle; returns what was clicked.
pub fn show(ui: &mut Ui) -> Action {
    let rect = ui.max_rect();
    let size = vec2(28.0, 28.0);
    let x = rect.max.x - size.x - 10.0;
    let mut action = Action::None;
    let mut column = egui::Rect::NOTHING;
    let buttons = [
        ("+", Action::ZoomIn, "Zoom in (+)"),
        ("-", Action::ZoomOut, "Zoom out (-)"),
        ("Fit", Action::Home, "Back to the opening view"),
        ("Key", Action::ToggleLegend, "Show or hide the legends"),
    ];
    for (i, (label, a, tip)) in buttons.into_iter().enumerate() {
        let r = egui::Rect::from_min_size(
            egui::pos2(x, rect.min.y + 10.0 + i as f32 * (size.y + 4.0)),
            size,
        );
        column = column.union(r);
        let text = egui::RichText::new(label)
            .size(if label.len() > 1 { 11.0 } else { 16.0 })
            .color(egui::Color32::from_gray(40));
        let button = Button::new(text)
            .wrap_mode(egui::TextWrapMode::Extend)
            .fill(egui::Color32::from_white_alpha(240))
            .stroke(egui::Stroke::new(1.0, egui::Color32::from_gray(150)));
        if ui.put(r, button).on_hover_text(tip).clicked() {
            action = a;
        }
    }
    Occupancy::update(ui.ctx(), rect, |o| o.fix("buttons", column));
    action
}
