//! Exploring incidents in the window: import on a worker, markers, table, filters, claims.

use std::path::PathBuf;
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_risk::geodata::GeoData;
use sahel_risk::map::view::View;
use sahel_risk::model::Claimant;
use sahel_risk::ui::SahelApp;
use walkers::lon_lat;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The app with `files` imported through the same worker the File menu uses.
fn harness(files: &[&str]) -> Harness<'static, SahelApp> {
    let mut app = SahelApp::new(Arc::new(GeoData::embedded()));
    let ctx = egui::Context::default();
    app.open_files(files.iter().map(|f| fixture(f)).collect(), &ctx);
    app.finish_import_blocking();
    app.show_messages = false;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), app);
    h.run_steps(2);
    h
}

#[test]
fn imported_files_are_counted_per_dataset_and_listed() {
    let mut h = harness(&["acled_current.csv", "ucdp_ged.csv"]);
    let inc = &h.state().incidents;
    assert_eq!(inc.store.len(), 12);
    assert_eq!(inc.reports.len(), 2);
    // ACLED and UCDP are never added: one dataset at a time, the larger first.
    let acled = inc.columns.dataset_counts[sahel_risk::model::Dataset::Acled as usize];
    let ucdp = inc.columns.dataset_counts[sahel_risk::model::Dataset::Ucdp as usize];
    assert_eq!(acled + ucdp, 12);
    assert!(acled >= ucdp, "{acled} {ucdp}");
    assert_eq!(inc.result.indices.len() as u64, acled);
    assert!(
        h.query_all_by_label_contains("47 fatalities (ACLED, best)")
            .count()
            >= 1
    );
    assert_eq!(
        h.query_all_by_label_contains("fatalities (UCDP GED, best)")
            .count(),
        0
    );
    h.get_by_label("Molodo");
    // The dataset picker switches to UCDP: its own figure, alone.
    h.get_by_label(&format!("UCDP GED ({ucdp})")).click();
    h.run_steps(2);
    assert_eq!(h.state().incidents.result.indices.len() as u64, ucdp);
    assert!(
        h.query_all_by_label_contains("14 fatalities (UCDP GED, best)")
            .count()
            >= 1
    );
    assert_eq!(
        h.query_all_by_label_contains("fatalities (ACLED, best)")
            .count(),
        0
    );
    h.run_steps(1);
}

#[test]
fn a_bad_file_leaves_what_was_loaded() {
    let mut h = harness(&["acled_current.csv"]);
    let ctx = h.ctx.clone();
    h.state_mut()
        .open_files(vec![fixture("not_incident.png")], &ctx);
    h.state_mut().finish_import_blocking();
    h.run_steps(2);
    assert_eq!(h.state().incidents.store.len(), 9);
    assert!(
        h.state()
            .messages
            .iter()
            .any(|m| m.contains("not incident data") && m.contains("Nothing already loaded"))
    );
}

#[test]
fn clicking_a_marker_opens_the_incident_with_both_claims() {
    let mut h = harness(&["acled_current.csv"]);
    h.state_mut().camera.set(lon_lat(-10.5, 14.8), 8.0);
    h.state_mut().skip_initial_fit();
    h.run_steps(2);
    let app = h.state();
    let c = app.camera.center();
    let view = View::new(app.map_rect.unwrap(), c.x(), c.y(), app.camera.zoom());
    let at = view.lonlat_to_screen(-11.44393, 14.44776); // Kayes
    h.hover_at(at);
    h.run_steps(2);
    assert!(h.state().hovered_incident.is_some(), "a marker at Kayes");
    h.drag_at(at);
    h.step();
    h.drop_at(at);
    h.run_steps(2);
    let inc = h.state().incidents.selected_incident().expect("selected");
    assert_eq!(inc.location.as_deref(), Some("Kayes"));
    let claimants: Vec<Claimant> = inc.claims.iter().map(|c| c.claimant).collect();
    assert!(
        claimants.contains(&Claimant::Government) && claimants.contains(&Claimant::ArmedGroup),
        "{claimants:?}"
    );
    h.get_by_label("Fatality claims (side by side, never merged)");
    assert!(
        h.query_all_by_label_contains("claimed it had taken several barracks")
            .count()
            >= 1
    );
}

#[test]
fn filters_update_counts_and_the_table() {
    let mut h = harness(&["acled_current.csv", "ucdp_ged.csv"]);
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Battles")
        .click();
    h.run_steps(2);
    let shown = h.state().incidents.columns.dataset_counts
        [sahel_risk::model::Dataset::Acled as usize] as usize;
    let n = h.state().incidents.result.indices.len();
    assert!(n < shown, "battles hidden: {n}");
    h.get_by_label("Reset filters").click();
    h.run_steps(2);
    assert_eq!(h.state().incidents.result.indices.len(), shown);
    h.get_by_label("high").click();
    h.run_steps(2);
    assert_eq!(
        h.state().incidents.filter.scenario,
        sahel_risk::model::Scenario::High
    );
    // The army's "more than 80" raises the high scenario above ACLED's coded 47.
    let acled_high = h.state().incidents.result.fatalities_by_dataset
        [sahel_risk::model::Dataset::Acled as usize];
    assert!(
        acled_high >= 47 + 80 - 12,
        "high scenario total {acled_high}"
    );
}

#[test]
fn table_row_click_selects_and_a_user_claim_can_be_added() {
    let mut h = harness(&["acled_current.csv"]);
    h.get_by_label("Molodo").click();
    h.run_steps(2);
    assert_eq!(
        h.state()
            .incidents
            .selected_incident()
            .unwrap()
            .location
            .as_deref(),
        Some("Molodo")
    );
    h.set_size(egui::vec2(1400.0, 1800.0));
    h.run_steps(2);
    h.get_by_label("Add a claim").click();
    h.run_steps(3);
    h.get_by_label("Add claim").click();
    h.run_steps(2);
    h.get_by_label_contains("source: say who reported it");
    let before = h
        .state()
        .incidents
        .selected_incident()
        .unwrap()
        .claims
        .len();
    let app = h.state_mut();
    let id = app.incidents.selected_incident().unwrap().id.clone();
    let mut claim =
        sahel_risk::model::Claim::new(Claimant::UnNgo, "OCHA Mali situation report", Some(9));
    claim.note = Some("OCHA figure".into());
    assert!(app.incidents.add_user_claim(&id, claim));
    h.run_steps(2);
    let inc = h.state().incidents.selected_incident().unwrap();
    assert_eq!(inc.claims.len(), before + 1);
    h.get_by_label_contains("(added by you)");
}
