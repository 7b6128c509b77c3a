//! The About box: what the map shows, where its data comes from, what it lacks.

use crate::geodata::{GeoData, Origin};

pub const BOUNDARY_NOTE: &str = "Administrative boundaries are Natural Earth's (v4.1). Mali's Ménaka and \
Taoudénit regions (created by law; Mali now has 19 regions) are not in this source and are still inside \
Gao and Timbuktu here. Burkina Faso's 2025 reorganisation is not reflected: it is shown with its 13 \
regions and 45 provinces.";

pub fn window(ctx: &egui::Context, geo: &GeoData, open: &mut bool) {
    egui::Window::new("About Sahel Risk Map")
        .open(open)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label("An offline map of conflict incidents in the Sahel and coastal West Africa. Everything shown here is bundled: no network is used.");
            ui.add_space(6.0);
            ui.label(egui::RichText::new("Geodata").strong());
            ui.label(&geo.attribution);
            ui.add_space(4.0);
            ui.label(BOUNDARY_NOTE);
            ui.add_space(6.0);
            ui.label(egui::RichText::new("Files in use").strong());
            for (name, origin) in &geo.origins {
                let from = match origin {
                    Origin::Embedded => "embedded".to_owned(),
                    Origin::Override(p) => p.display().to_string(),
                };
                ui.monospace(format!("{name}: {from}"));
            }
        });
}
