//! The risk shading in the window: scored off the UI thread, a unit's explanation (components
//! adding up to its score), its incidents in the table, another unit level, the CSV export.

use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_risk::analysis::risk_units::UnitLevel;
use sahel_risk::geodata::GeoData;
use sahel_risk::map::view::View;
use sahel_risk::ui::{Incidents, RightTab, SahelApp};

fn harness() -> Harness<'static, SahelApp> {
    harness_sized(1400.0, 900.0)
}

fn harness_sized(w: f32, height: f32) -> Harness<'static, SahelApp> {
    let geo = Arc::new(GeoData::embedded());
    let towns = sahel_risk::sample::gazetteer_towns(&geo);
    let incidents = Incidents::with_sample(sahel_risk::sample::sample(&towns));
    let mut app = SahelApp::with_incidents(geo, incidents);
    app.risk_ui.show = true;
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, height))
        .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), app);
    h.run_steps(2);
    h.state_mut().finish_background_work();
    h.run_steps(2);
    h
}

#[test]
fn clicking_a_unit_explains_its_score_and_lists_its_incidents() {
    // Tall, so the whole explanation fits in the panel.
    let mut h = harness_sized(1400.0, 1700.0);
    h.state_mut().show_table = false;
    let table = h.state().risk.table.clone().expect("scored");
    let units = h.state().risk.units.clone().unwrap();
    assert_eq!(units.level, UnitLevel::Admin1);
    assert_eq!(table.rows.len(), units.units.len());
    // The top unit: click inside it on the map.
    let top = table.rows.iter().find(|r| r.rank == 1).unwrap();
    let unit = &units.units.units()[top.unit];
    let inside = geo::InteriorPoint::interior_point(&unit.shape).unwrap();
    // Keep clusters out of the way of the click.
    h.state_mut().cluster_ui.enabled = false;
    h.state_mut().show_incidents = false;
    h.run_steps(2);
    let app = h.state();
    let c = app.camera.center();
    let view = View::new(app.map_rect.unwrap(), c.x(), c.y(), app.camera.zoom());
    let at = view.lonlat_to_screen(inside.x(), inside.y());
    h.hover_at(at);
    h.run_steps(2);
    assert_eq!(h.state().risk_ui.hovered, Some(top.unit));
    h.drag_at(at);
    h.step();
    h.drop_at(at);
    h.run_steps(2);
    assert_eq!(h.state().risk_ui.selected, Some(top.unit));
    assert_eq!(h.state().right_tab, RightTab::Risk);
    h.get_by_label(&format!("{} ({})", unit.name, unit.country));
    h.get_by_label_contains(&format!("rank 1 of {}", table.rows.len()));
    // The contributions add up to the score.
    let sum: f64 = top.contribution.iter().sum();
    assert!((sum - top.score).abs() < 1e-9, "{sum} vs {}", top.score);
    // Its incidents in the table: every filtered incident located in the unit.
    h.get_by_label("Show its incidents in the table").click();
    h.run_steps(2);
    let restricted = h.state().table.restrict.as_ref().expect("restricted");
    let want = h
        .state()
        .incidents
        .result
        .indices
        .iter()
        .filter(|&&i| {
            let c = &h.state().incidents.columns;
            units.units.locate(c.lon[i as usize], c.lat[i as usize]) == Some(top.unit)
        })
        .count();
    assert_eq!(restricted.indices.len(), want);
    assert!(want >= top.events as usize);
    h.get_by_label_contains("(risk unit) (within the filter)");
}

#[test]
fn another_level_and_csv_export() {
    let mut h = harness();
    h.state_mut().risk.settings.level = UnitLevel::H3(4);
    h.state_mut().right_tab = RightTab::Risk;
    h.run_steps(1);
    h.state_mut().finish_background_work();
    h.run_steps(2);
    let units = h.state().risk.units.clone().unwrap();
    assert_eq!(units.level, UnitLevel::H3(4));
    assert!(units.units.len() > 1000);
    h.get_by_label_contains("Risk score, H3 hexagons, resolution 4");
    // No desktop file dialog under the test: the typed path is used.
    let out = std::env::temp_dir().join(format!("sahel-risk-{}.csv", std::process::id()));
    h.state_mut().risk_ui.path = out.display().to_string();
    h.run_steps(1);
    h.get_by_label("Export table as CSV…").click();
    h.run_steps(2);
    let text = std::fs::read_to_string(&out).expect("exported");
    assert!(text.starts_with("unit_id,name,country,events,fatalities,intensity"));
    assert_eq!(text.lines().count(), units.units.len() + 1);
    std::fs::remove_file(&out).ok();
}

#[test]
fn coastal_exposure_shading_weighs_the_score_by_nearness_to_the_sea() {
    let mut h = harness();
    h.state_mut().risk_ui.coastal = true;
    h.run_steps(2);
    h.state_mut().finish_background_work();
    h.run_steps(3);
    h.get_by_label_contains("Coastal exposure, admin-1 regions");
    let app = h.state();
    let table = app.risk.table.clone().unwrap();
    let units = app.risk.units.clone().unwrap();
    let tools = app.coast.tools.clone().unwrap();
    let d = sahel_risk::analysis::coast_exposure::unit_distances(&units.units, &tools.sea);
    let (values, classes, _) = sahel_risk::analysis::coast_exposure::exposure_classes(&table, &d);
    // A unit far from the sea keeps little of its score; one near it keeps most.
    for r in &table.rows {
        let v = values[r.unit];
        assert!(v <= r.score + 1e-9 && v >= 0.0);
        if d[r.unit] >= 1000.0 {
            assert_eq!(v, 0.0);
            assert_eq!(classes[r.unit], 1);
        }
    }
    let top_exposed = (0..values.len())
        .max_by(|&a, &b| values[a].total_cmp(&values[b]))
        .unwrap();
    assert_eq!(classes[top_exposed], 5);
    assert!(d[top_exposed] < 700.0, "{}", d[top_exposed]);
}

#[test]
fn the_risk_tab_says_how_well_the_score_forecast_this_data() {
    let geo = Arc::new(GeoData::embedded());
    let towns = sahel_risk::sample::gazetteer_towns(&geo);
    let incidents = Incidents::with_sample(sahel_risk::sample::sample(&towns));
    let mut app = SahelApp::with_incidents(geo, incidents);
    app.risk_ui.show = true;
    app.right_tab = RightTab::Risk;
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 1400.0))
        .wgpu()
        .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), app);
    h.run_steps(2);
    h.state_mut().finish_background_work();
    h.run_steps(3);
    let skill = h.state().risk.skill.clone();
    assert!(skill.len() >= 2, "{} origins", skill.len());
    // The sentence names the measures and the naive baselines, with this data's numbers.
    let auc = sahel_risk::analysis::risk::summarise(&skill).auc;
    let says = format!(
        "with AUC {:.2} (last year's count {:.2}, last quarter's {:.2})",
        auc[0], auc[2], auc[1]
    );
    assert_eq!(h.query_all_by_label_contains(&says).count(), 1, "{says}");
    assert!(h.query_all_by_label_contains("political violence").count() >= 1);
    let image = h.render().expect("render");
    image
        .save(std::env::temp_dir().join("sahel_risk_tab.png"))
        .unwrap();
}
