//! The search box: places and regions, offline, accents and case ignored.

use egui::{Key, Ui};

use crate::geodata::{GeoData, SearchHit};

#[derive(Default)]
pub struct SearchBox {
    pub query: String,
    results: Vec<SearchHit>,
    searched: String,
}

impl SearchBox {
    /// Show the box and its results; returns the hit the user picked.
    pub fn show(&mut self, ui: &mut Ui, geo: &GeoData) -> Option<SearchHit> {
        ui.label(egui::RichText::new("Search").strong());
        let edit = ui.add(
            egui::TextEdit::singleline(&mut self.query)
                .hint_text("Place or region, e.g. Ségou")
                .desired_width(f32::INFINITY),
        );
        if self.query != self.searched {
            self.results = geo.search(&self.query, 8);
            self.searched = self.query.clone();
        }
        let mut picked = None;
        if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            picked = self.results.first().cloned();
        }
        if !self.query.trim().is_empty() {
            if self.results.is_empty() {
                ui.weak("No place or region by that name");
            }
            for hit in &self.results {
                let text = match &hit.matched_alias {
                    Some(alias) => format!("{} ({alias}) — {}", hit.name, hit.detail),
                    None => format!("{} — {}", hit.name, hit.detail),
                };
                if ui.selectable_label(false, text).clicked() {
                    picked = Some(hit.clone());
                }
            }
        }
        if picked.is_some() {
            self.query.clear();
            self.results.clear();
            self.searched.clear();
        }
        picked
    }
}
