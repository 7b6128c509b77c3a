//! The layers panel and the selected region's details.

use egui::Ui;

use crate::geodata::GeoData;
use crate::map::{LayerVisibility, SelectionState};

pub fn show(ui: &mut Ui, layers: &mut LayerVisibility) {
    ui.label(egui::RichText::new("Basemap layers").strong());
    ui.checkbox(&mut layers.countries, "Country borders");
    ui.checkbox(&mut layers.admin1, "Regions (admin-1)");
    ui.checkbox(&mut layers.provinces, "Burkina Faso provinces");
    ui.checkbox(&mut layers.coastline, "Coastline");
    ui.checkbox(&mut layers.rivers, "Rivers");
    ui.checkbox(&mut layers.lakes, "Lakes");
    ui.checkbox(&mut layers.places, "Place names");
}

pub fn selected_region(ui: &mut Ui, geo: &GeoData, selection: &mut SelectionState) {
    ui.label(egui::RichText::new("Selected region").strong());
    let Some(region) = selection.selected.and_then(|r| r.get(geo)) else {
        ui.weak("Click a region on the map.");
        return;
    };
    egui::Grid::new("selected_region")
        .num_columns(2)
        .show(ui, |ui| {
            ui.label("Name");
            ui.label(&region.name);
            ui.end_row();
            ui.label("Level");
            ui.label(region.level.label());
            ui.end_row();
            if let Some(parent) = &region.parent {
                ui.label("Region");
                ui.label(parent);
                ui.end_row();
            }
            ui.label("Country");
            ui.label(format!("{} ({})", region.country_name, region.country));
            ui.end_row();
            if !region.alt_names.is_empty() {
                ui.label("Also");
                ui.label(region.alt_names.join(", "));
                ui.end_row();
            }
        });
    if ui.button("Clear selection").clicked() {
        selection.selected = None;
    }
}
