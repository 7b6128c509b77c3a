//! The status bar: pointer coordinates, zoom, hovered region, geodata notices.

use egui::Ui;

use crate::geodata::GeoData;
use crate::map::SelectionState;

/// "12.609°N 7.975°W"
pub fn format_lonlat(lon: f64, lat: f64) -> String {
    let ns = if lat >= 0.0 { 'N' } else { 'S' };
    let ew = if lon >= 0.0 { 'E' } else { 'W' };
    format!("{:.3}°{ns} {:.3}°{ew}", lat.abs(), lon.abs())
}

pub fn show(ui: &mut Ui, geo: &GeoData, selection: &SelectionState, zoom: f64) {
    ui.horizontal(|ui| {
        match selection.pointer {
            Some((lon, lat)) => ui.monospace(format_lonlat(lon, lat)),
            None => ui.monospace("—"),
        };
        ui.separator();
        ui.label(format!("zoom {zoom:.1}"));
        if let Some(region) = selection.hovered.and_then(|r| r.get(geo)) {
            ui.separator();
            ui.label(format!("{}, {}", region.name, region.country_name));
        }
        for notice in &geo.notices {
            ui.separator();
            ui.colored_label(
                egui::Color32::from_rgb(0xB0, 0x5A, 0x00),
                format!("⚠ {notice}"),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn hemispheres() {
        assert_eq!(super::format_lonlat(-7.97522, 12.60915), "12.609°N 7.975°W");
        assert_eq!(super::format_lonlat(2.41833, -6.0), "6.000°S 2.418°E");
    }
}
