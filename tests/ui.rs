//! Driving the window like a user: search and fly, hover and click regions, keyboard and buttons.

use std::sync::Arc;

use egui::{Key, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_risk::geodata::{GeoData, RegionLevel, fold};
use sahel_risk::map::view::View;
use sahel_risk::ui::SahelApp;

fn harness() -> Harness<'static, SahelApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut SahelApp| app.show(ui),
            SahelApp::new(Arc::new(GeoData::embedded())),
        );
    h.run_steps(2);
    h
}

/// Screen position of a lon/lat in the harness's current frame.
fn screen(h: &Harness<'_, SahelApp>, lon: f64, lat: f64) -> Pos2 {
    let app = h.state();
    let c = app.camera.center();
    View::new(app.map_rect.unwrap(), c.x(), c.y(), app.camera.zoom()).lonlat_to_screen(lon, lat)
}

fn search(h: &mut Harness<'_, SahelApp>, text: &str) {
    h.get_by_role(egui::accesskit::Role::TextInput).focus();
    h.run_steps(1);
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text(text);
    h.run_steps(2);
}

fn settle(h: &mut Harness<'_, SahelApp>) {
    for _ in 0..90 {
        h.step();
    }
}

#[test]
fn searching_segou_without_accent_flies_there_and_selects_it() {
    let mut h = harness();
    search(&mut h, "segou");
    h.get_by_label_contains("Ségou — region, Mali").click();
    settle(&mut h);
    let app = h.state();
    let selected = app.selection.selected.expect("a region is selected");
    assert_eq!(selected.level, RegionLevel::Admin1);
    assert_eq!(fold(&selected.get(&app.geo).unwrap().name), "segou");
    let c = app.camera.center();
    let bbox = selected.get(&app.geo).unwrap().bbox;
    assert!(
        bbox.min().x <= c.x()
            && c.x() <= bbox.max().x
            && bbox.min().y <= c.y()
            && c.y() <= bbox.max().y
    );
    assert!(
        app.camera.zoom() > 6.0,
        "zoomed in to the region: {}",
        app.camera.zoom()
    );
}

#[test]
fn tombouctou_finds_timbuktu() {
    let mut h = harness();
    search(&mut h, "Tombouctou");
    h.get_by_label_contains("Timbuktu (Tombouctou) — region, Mali");
}

#[test]
fn searching_a_town_flies_to_it() {
    let mut h = harness();
    search(&mut h, "djibo");
    h.key_press(Key::Enter);
    settle(&mut h);
    let c = h.state().camera.center();
    assert!(
        (c.x() + 1.62665).abs() < 0.01 && (c.y() - 14.09864).abs() < 0.01,
        "{c:?}"
    );
}

#[test]
fn hovering_names_the_region_and_clicking_selects_it() {
    let mut h = harness();
    let at = screen(&h, -1.6, 14.1); // Djibo, Sahel region of Burkina Faso
    h.hover_at(at);
    h.run_steps(2);
    let hovered = h.state().selection.hovered.expect("hovered region");
    assert_eq!(hovered.get(&h.state().geo).unwrap().name, "Sahel");
    let (lon, lat) = h.state().selection.pointer.unwrap();
    assert!((lon + 1.6).abs() < 0.05 && (lat - 14.1).abs() < 0.05);
    // The status bar names it too.
    h.get_by_label_contains("Sahel, Burkina Faso");
    h.drag_at(at);
    h.step();
    h.drop_at(at);
    h.run_steps(2);
    assert_eq!(h.state().selection.selected, Some(hovered));
    h.get_by_label("Clear selection");
}

#[test]
fn provinces_layer_switches_hit_testing_to_provinces() {
    let mut h = harness();
    h.get_by_label("Burkina Faso provinces").click();
    h.run_steps(2);
    let at = screen(&h, -1.6, 14.1);
    h.hover_at(at);
    h.run_steps(2);
    let hovered = h.state().selection.hovered.unwrap();
    assert_eq!(hovered.level, RegionLevel::Province);
    assert_eq!(hovered.get(&h.state().geo).unwrap().name, "Soum");
}

#[test]
fn keyboard_and_buttons_move_the_map() {
    let mut h = harness();
    let z0 = h.state().camera.zoom();
    let c0 = h.state().camera.center();
    h.key_press(Key::ArrowRight);
    h.run_steps(2);
    assert!(h.state().camera.center().x() > c0.x());
    h.key_press(Key::Plus);
    h.run_steps(2);
    assert!((h.state().camera.zoom() - (z0 + 1.0)).abs() < 1e-6);
    h.get_by_label("-").click();
    h.run_steps(2);
    assert!((h.state().camera.zoom() - z0).abs() < 1e-6);
}

#[test]
fn layer_switches_toggle_layers() {
    let mut h = harness();
    assert!(h.state().layers.rivers);
    h.get_by_label("Rivers").click();
    h.run_steps(2);
    assert!(!h.state().layers.rivers);
}
