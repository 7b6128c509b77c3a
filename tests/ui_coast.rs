//! The coast layers and panel: distances measured off the UI thread, the border-band counts
//! (checked against a separate count from the incidents themselves), the legend, the frontier
//! and the incident's distances.

use std::sync::Arc;

use chrono::{Datelike, Duration};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_risk::analysis::armed_groups::is_jihadist_incident;
use sahel_risk::geodata::GeoData;
use sahel_risk::model::Incident;
use sahel_risk::ui::{Incidents, RightTab, SahelApp};

fn harness() -> (Harness<'static, SahelApp>, Vec<Incident>, Arc<GeoData>) {
    let geo = Arc::new(GeoData::embedded());
    let towns = sahel_risk::sample::gazetteer_towns(&geo);
    let sample = sahel_risk::sample::sample(&towns);
    let app = SahelApp::with_incidents(geo.clone(), Incidents::with_sample(sample.clone()));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), app);
    h.run_steps(2);
    h.state_mut().finish_background_work();
    h.run_steps(2);
    (h, sample, geo)
}

#[test]
fn band_counts_match_a_count_from_the_incidents() {
    let (mut h, sample, geo) = harness();
    let readout = h.state().coast.readout.clone().expect("measured");
    // An independent count: jihadist incidents by name whose dataset country is Mali, Burkina
    // Faso or Niger, distance to the Sahel border per incident, the 12 months to the newest
    // event and the 12 before.
    let (_, border) = sahel_risk::analysis::coast::indexes_for(&geo);
    let as_of = sample.iter().map(|i| i.date.end).max().unwrap();
    let year = Duration::days(365);
    let count = |band: f64, from: chrono::NaiveDate, to: chrono::NaiveDate| {
        sample
            .iter()
            .filter(|i| is_jihadist_incident(i) && i.date.start > from && i.date.start <= to)
            .filter(|i| {
                matches!(
                    i.country.as_deref(),
                    Some("Mali" | "Burkina Faso" | "Niger")
                )
            })
            .filter(|i| {
                let d = border.signed_km(i.lon, i.lat).abs();
                d > 0.0 && d <= band
            })
            .count()
    };
    assert_eq!(readout.as_of, Some(as_of));
    assert_eq!(readout.bands.len(), 3);
    for b in &readout.bands {
        assert_eq!(b.last_12m, count(b.band_km, as_of - year, as_of), "{b:?}");
        assert_eq!(
            b.prior_12m,
            count(b.band_km, as_of - year - year, as_of - year)
        );
    }
    assert!(readout.bands[2].last_12m > readout.bands[0].last_12m);
    // The panel shows them; the layers' legend too.
    h.state_mut().right_tab = RightTab::Coast;
    h.run_steps(2);
    h.get_by_label("inside the coastal states");
    // The band field is drawn in the Sahel and coastal states only: near the Benin–Niger–Nigeria
    // tripoint, Nigeria has a positive distance under 100 km but no band.
    let tools = h.state().coast.tools.clone().expect("built");
    assert!(tools.border_field.at(3.9, 11.5).is_nan());
    let niger = tools.border_field.at(3.2, 12.1);
    assert!(niger > 0.0 && niger < 100.0, "{niger}");
    // The incidents whose dataset country is not the map's, and the unidentified ones.
    assert!(readout.country_mismatch > 0 && readout.unidentified > 0);
    h.get_by_label_contains(&format!(
        "Country differs from the map: {} incidents",
        readout.country_mismatch
    ));
    h.get_by_label_contains(&format!(
        "({} more by unidentified armed groups, not counted)",
        readout.unidentified
    ));
    for name in [
        "Distance to the sea (bands)",
        "Bands north of coastal states",
        "Southward frontier",
    ] {
        h.get_all_by_label(name).next().unwrap().click();
        h.run_steps(1);
    }
    h.run_steps(2);
    let b50 = &readout.bands[1];
    h.get_by_label(&format!("0–50 km: {} ({})", b50.last_12m, b50.prior_12m));
    h.get_by_label("0–100 km");
    h.get_by_label("border with Mali, Burkina Faso and Niger");
    let newest = readout.quarters.last().unwrap().quarter;
    let (y, q) = sahel_risk::analysis::coast::quarter_label(newest);
    h.get_by_label(&format!("jihadist frontier (10th percentile), {y} Q{q}"));
}

#[test]
fn frontier_cells_are_the_10th_percentile_and_details_show_distances() {
    let (mut h, _, _) = harness();
    let app = h.state();
    let readout = app.coast.readout.clone().unwrap();
    let columns = app.incidents.columns.clone();
    let d = app.coast.distances.clone().unwrap();
    // Every frontier cell is a jihadist incident of its band at the 10th percentile of the
    // band's latitudes (nearest rank, at least the second southernmost), counted here from the
    // incidents of that quarter and band.
    let quarter = |i: usize| {
        let day = sahel_risk::analysis::columns::date_from_day(columns.day_start[i]);
        sahel_risk::analysis::coast::quarter_index(day.year(), day.month())
    };
    assert!(readout.frontier.len() > 50, "{}", readout.frontier.len());
    for cell in readout.frontier.iter().step_by(7) {
        assert!(d.jihadist[cell.index]);
        assert!(cell.lon >= cell.west && cell.lon < cell.east);
        assert_eq!(columns.lat[cell.index], cell.lat);
        let lats: Vec<f64> = app
            .incidents
            .result
            .indices
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| d.jihadist[i] && quarter(i) == cell.quarter)
            .filter(|&i| (columns.lon[i] / 0.5).floor() as i64 == cell.band)
            .map(|i| columns.lat[i])
            .collect();
        let rank = lats.len().div_ceil(10).max(2);
        assert!(lats.len() >= 3 && lats.len() == cell.n, "{cell:?}");
        assert!(
            lats.iter().filter(|&&l| l < cell.lat).count() < rank,
            "{cell:?}"
        );
        let behind = lats.iter().filter(|&&l| l <= cell.lat).count();
        assert!(behind >= rank && behind == cell.n_behind, "{cell:?}");
    }
    // Distances reach the incident panel.
    let last = app.incidents.result.indices[0] as usize;
    h.state_mut().incidents.selected = Some(last);
    h.state_mut().right_tab = RightTab::Incident;
    h.run_steps(2);
    let coast_km = d.coast_km[last];
    h.get_by_label_contains(&format!("{coast_km:.0} km from the sea"));
}
