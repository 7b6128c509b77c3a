//! The status bar: pointer coordinates, zoom, hovered region, what is loaded, notices.

use egui::{Color32, Ui};

use super::app::SahelApp;

/// "12.609°N 7.975°W"
pub fn format_lonlat(lon: f64, lat: f64) -> String {
    let ns = if lat >= 0.0 { 'N' } else { 'S' };
    let ew = if lon >= 0.0 { 'E' } else { 'W' };
    format!("{:.3}°{ns} {:.3}°{ew}", lat.abs(), lon.abs())
}

pub fn show(ui: &mut Ui, app: &SahelApp) {
    let warn = Color32::from_rgb(0xB0, 0x5A, 0x00);
    ui.horizontal(|ui| {
        match app.selection.pointer {
            Some((lon, lat)) => ui.monospace(format_lonlat(lon, lat)),
            None => ui.monospace("—"),
        };
        ui.separator();
        ui.label(format!("zoom {:.1}", app.camera.zoom()));
        if let Some(region) = app.selection.hovered.and_then(|r| r.get(&app.geo)) {
            ui.separator();
            ui.label(format!("{}, {}", region.name, region.country_name));
        }
        let inc = &app.incidents;
        if !inc.store.is_empty() {
            ui.separator();
            if inc.sample {
                ui.colored_label(
                    Color32::from_rgb(0xA0, 0x3A, 0x2A),
                    crate::sample::SAMPLE_LABEL,
                );
            }
            ui.label(super::filters_panel::totals_text(inc));
            if let (Some(a), Some(b)) = (inc.columns.date_min, inc.columns.date_max) {
                ui.label(format!("data {a} to {b}"));
            }
            let clustered = app.cluster_ui.enabled && app.clusters.current.is_some();
            if app.show_incidents && clustered {
                ui.label(format!(
                    "{} events in {} clusters in view",
                    app.marker_stats.in_view, app.marker_stats.drawn
                ));
            }
            if app.show_incidents && app.cluster_ui.enabled && app.clusters.building() {
                ui.spinner();
                ui.label("clustering…");
            }
            if app.show_incidents && !clustered && app.marker_stats.thinned() {
                ui.colored_label(
                    warn,
                    format!(
                        "markers thinned: {} of {} in view drawn",
                        app.marker_stats.drawn, app.marker_stats.in_view
                    ),
                );
            }
        }
        if app.export_dialog.busy() {
            ui.separator();
            ui.spinner();
            ui.label("exporting…");
        } else if let Some(m) = &app.export_dialog.message {
            ui.separator();
            ui.label(m);
        }
        for notice in &app.geo.notices {
            ui.separator();
            ui.colored_label(warn, format!("⚠ {notice}"));
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
