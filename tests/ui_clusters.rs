//! Clusters in the window: built off the UI thread, hover summary, click to zoom in, and the
//! list of events that share one point.

use std::sync::Arc;

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sahel_risk::geodata::GeoData;
use sahel_risk::map::view::View;
use sahel_risk::ui::{Incidents, SahelApp};
use walkers::lon_lat;

fn harness() -> Harness<'static, SahelApp> {
    let geo = Arc::new(GeoData::embedded());
    let towns = sahel_risk::sample::gazetteer_towns(&geo);
    let incidents = Incidents::with_sample(sahel_risk::sample::sample(&towns));
    let app = SahelApp::with_incidents(geo, incidents);
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut SahelApp| app.show(ui), app);
    h.run_steps(2);
    h.state_mut().finish_background_work();
    h.run_steps(2);
    h
}

fn screen(h: &Harness<'_, SahelApp>, lon: f64, lat: f64) -> Pos2 {
    let app = h.state();
    let c = app.camera.center();
    View::new(app.map_rect.unwrap(), c.x(), c.y(), app.camera.zoom()).lonlat_to_screen(lon, lat)
}

fn click(h: &mut Harness<'_, SahelApp>, at: Pos2) {
    h.hover_at(at);
    h.run_steps(2);
    h.drag_at(at);
    h.step();
    h.drop_at(at);
    h.run_steps(2);
}

fn settle(h: &mut Harness<'_, SahelApp>) {
    for _ in 0..90 {
        h.step();
    }
}

#[test]
fn clusters_are_drawn_and_summarised_and_a_click_zooms_in() {
    let mut h = harness();
    let app = h.state();
    let clusters = app.clusters.current.clone().expect("built");
    assert_eq!(clusters.members.len(), app.incidents.result.indices.len());
    // Every filtered event is in exactly one item of the drawn level (the status bar's count).
    h.get_by_label_contains("clusters in view");
    // The largest cluster on screen.
    let z = app.camera.zoom();
    let level = sahel_risk::map::clusters_layer::level_for_zoom(z, &clusters);
    let big = *clusters
        .index
        .clusters_at(level)
        .iter()
        .max_by_key(|c| c.count)
        .unwrap();
    assert!(big.count > 100);
    let at = screen(&h, big.lon(), big.lat());
    h.hover_at(at);
    h.run_steps(2);
    let hovered = h.state().cluster_ui.hovered.expect("hovering the cluster");
    assert_eq!(hovered.id, big.id);
    let zoom_before = h.state().camera.zoom();
    click(&mut h, at);
    settle(&mut h);
    let expansion = f64::from(clusters.index.expansion_zoom(&big));
    let zoom_after = h.state().camera.zoom();
    assert!(
        zoom_after > zoom_before && zoom_after >= expansion + 1.0 - 1e-9,
        "{zoom_before} -> {zoom_after}, expansion {expansion}"
    );
    // At the new zoom the cluster has split: more than one item where it was.
    let level = sahel_risk::map::clusters_layer::level_for_zoom(zoom_after, &clusters);
    assert!(level > big.zoom);
}

#[test]
fn events_at_one_point_open_as_a_list_and_each_can_be_opened() {
    let mut h = harness();
    let clusters = h.state().clusters.current.clone().unwrap();
    let max = clusters.index.max_zoom();
    let stack = *clusters
        .index
        .clusters_at(max)
        .iter()
        .filter(|c| clusters.index.stacked_at_max_zoom(c))
        .max_by_key(|c| c.count)
        .expect("the sample stacks events on towns");
    h.state_mut()
        .camera
        .set(lon_lat(stack.lon(), stack.lat()), f64::from(max) + 1.5);
    h.run_steps(3);
    let at = screen(&h, stack.lon(), stack.lat());
    click(&mut h, at);
    let list = h.state().cluster_ui.stack.as_ref().expect("list opened");
    assert_eq!(list.incidents.len(), stack.count as usize);
    let title = format!("{} events at one point", stack.count);
    h.get_by_label(&title);
    // Pick the first (newest) event in the list.
    let first = list.incidents[0] as usize;
    let first_date = h.state().incidents.store.incidents()[first].date.start;
    // Only the list's rows read "DATE · TYPE · PLACE  ·  fatalities N" (nothing is selected yet).
    let label_start = format!("{first_date} · ");
    let row = h
        .query_all_by_label_contains(&label_start)
        .next()
        .expect("a row for the newest event");
    row.click();
    h.run_steps(2);
    let selected = h.state().incidents.selected.expect("selected");
    assert_eq!(
        h.state().incidents.store.incidents()[selected].date.start,
        first_date
    );
}

#[test]
fn turning_clustering_off_draws_single_markers() {
    let mut h = harness();
    h.get_by_label("Cluster nearby incidents").click();
    h.run_steps(2);
    assert!(!h.state().cluster_ui.enabled);
    assert!(h.query_by_label_contains("clusters in view").is_none());
    assert!(h.state().marker_stats.drawn > 1000);
}

#[test]
fn the_key_button_hides_and_shows_the_legends() {
    let mut h = harness();
    h.get_by_label("Incident clusters");
    h.get_by_label("Key").click();
    h.run_steps(2);
    assert!(h.query_by_label("Incident clusters").is_none());
    h.get_by_label("Key").click();
    h.run_steps(2);
    h.get_by_label("Incident clusters");
}

#[test]
fn the_compact_legend_names_every_severity_class() {
    let h = harness();
    // The classes are one row of dots with short labels; each dot still carries its full name.
    for name in sahel_risk::map::clusters_layer::SEVERITY_LABELS {
        h.get_by_label(name);
    }
    h.get_by_label("Size: number of events");
}

#[test]
fn the_legend_keeps_clear_of_the_buttons_the_furniture_and_the_clusters() {
    let h = harness();
    let o = sahel_risk::map::occupancy::Occupancy::last(&h.ctx).expect("a frame was recorded");
    let placed = o.furniture();
    let names: Vec<&str> = placed.iter().map(|(n, _)| *n).collect();
    for want in ["buttons", "scale bar", "attribution", "legend-incidents"] {
        assert!(names.contains(&want), "{want} in {names:?}");
    }
    let map = h.state().map_rect.unwrap();
    let (_, legend) = placed
        .iter()
        .find(|(n, _)| *n == "legend-incidents")
        .unwrap();
    assert!(map.contains_rect(*legend), "{legend:?} in {map:?}");
    for (name, r) in placed.iter().filter(|(n, _)| *n != "legend-incidents") {
        assert!(
            !legend.intersects(*r),
            "the legend {legend:?} covers {name} {r:?}"
        );
    }
    assert_eq!(o.weight_under(*legend), 0.0, "{placed:?}");
}
