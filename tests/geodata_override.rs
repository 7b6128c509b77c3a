//! A geodata override folder: used when valid; a missing folder or a broken file is reported
//! (naming the file) and the embedded copy is used instead. Nothing panics.

use sahel_risk::geodata::{GeoData, Origin};
use tempfile::TempDir;

/// A fresh folder, removed when the test ends (pass or fail).
fn temp_dir(name: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("sahel-risk-test-{name}-"))
        .tempdir()
        .unwrap()
}

fn origin(geo: &GeoData, file: &str) -> Origin {
    geo.origins
        .iter()
        .find(|(n, _)| *n == file)
        .unwrap()
        .1
        .clone()
}

#[test]
fn missing_folder_falls_back_with_a_notice() {
    let geo = GeoData::load(Some(std::path::Path::new("/nonexistent/geodata-dir")));
    assert_eq!(geo.notices.len(), 1, "{:?}", geo.notices);
    assert!(geo.notices[0].contains("/nonexistent/geodata-dir"));
    assert!(geo.notices[0].contains("embedded"));
    assert_eq!(origin(&geo, "admin1.geojson"), Origin::Embedded);
    assert_eq!(
        geo.admin1.regions.len(),
        GeoData::embedded().admin1.regions.len()
    );
}

#[test]
fn corrupt_file_is_named_and_replaced_by_the_embedded_copy() {
    let tmp = temp_dir("corrupt");
    let dir = tmp.path();
    std::fs::write(
        dir.join("admin1.geojson"),
        b"{\"type\": \"FeatureCollection\", \"features\": [",
    )
    .unwrap();
    std::fs::write(
        dir.join("places.csv"),
        b"geonameid,name\nnot-a-number,Foo\n",
    )
    .unwrap();
    let geo = GeoData::load(Some(dir));
    let all = geo.notices.join("\n");
    assert!(
        all.contains("admin1.geojson") && all.contains("not valid GeoJSON"),
        "{all}"
    );
    assert!(
        all.contains("places.csv") && all.contains("line 2"),
        "{all}"
    );
    assert_eq!(origin(&geo, "admin1.geojson"), Origin::Embedded);
    assert_eq!(origin(&geo, "places.csv"), Origin::Embedded);
    assert!(geo.admin1.regions.len() > 100);
    assert!(geo.gazetteer.places.len() > 5000);
}

#[test]
fn feature_without_required_property_is_reported_with_its_index() {
    let tmp = temp_dir("noname");
    let dir = tmp.path();
    std::fs::write(
        dir.join("bfa_provinces.geojson"),
        br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"x","country":"BFA"},
        "geometry":{"type":"Polygon","coordinates":[[[0,11],[1,11],[1,12],[0,11]]]}}]}"#,
    )
    .unwrap();
    let geo = GeoData::load(Some(dir));
    let all = geo.notices.join("\n");
    assert!(
        all.contains("bfa_provinces.geojson: feature 0: missing property `name`"),
        "{all}"
    );
    assert_eq!(geo.provinces.regions.len(), 45);
}

#[test]
fn a_valid_override_is_used() {
    let tmp = temp_dir("valid");
    let dir = tmp.path();
    std::fs::write(
        dir.join("bfa_provinces.geojson"),
        br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"BFA-test","name":"Test Province","country":"BFA","region":"Sahel"},
        "geometry":{"type":"Polygon","coordinates":[[[-1,13],[0,13],[0,14],[-1,13]]]}}]}"#,
    )
    .unwrap();
    std::fs::write(dir.join("ATTRIBUTION.txt"), "My boundaries (OCHA COD-AB)\n").unwrap();
    let geo = GeoData::load(Some(dir));
    assert!(geo.notices.is_empty(), "{:?}", geo.notices);
    assert_eq!(
        origin(&geo, "bfa_provinces.geojson"),
        Origin::Override(dir.join("bfa_provinces.geojson"))
    );
    assert_eq!(geo.provinces.regions.len(), 1);
    assert_eq!(geo.provinces.regions[0].name, "Test Province");
    assert_eq!(geo.attribution, "My boundaries (OCHA COD-AB)");
    // Files not in the folder still come from the embedded copy.
    assert_eq!(origin(&geo, "admin1.geojson"), Origin::Embedded);
}
