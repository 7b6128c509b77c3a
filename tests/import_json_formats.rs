//! ACLED API JSON and GeoJSON go through the same field mapping as CSV.
mod common;

use common::{by_id, error_lines, import};
use sahel_risk::import::Format;
use sahel_risk::model::{Claimant, Dataset, IStr};

#[test]
fn acled_api_json() {
    let imp = import("acled_api.json");
    let r = &imp.report;
    assert_eq!(r.format, Format::AcledJson);
    assert_eq!((r.rows, r.events, r.rejected, r.fatalities), (3, 2, 1, 19));
    assert_eq!(error_lines(&imp), [3], "JSON rows are numbered by record");
    assert_eq!(r.errors[0].field, "latitude");
    assert_eq!(r.data_as_of.as_deref(), Some("2025-07-08 00:00 UTC"));
    // "" is missing: the Kayes event equals the one read from CSV
    let csv = import("acled_current.csv");
    assert_eq!(by_id(&imp, "MLI36001"), by_id(&csv, "MLI36001"));
    assert_eq!(by_id(&imp, "BFO9001"), by_id(&csv, "BFO9001"));
    let kayes = by_id(&imp, "MLI36001");
    assert!(
        kayes
            .claims
            .iter()
            .any(|c| c.claimant == Claimant::Government)
    );
    assert!(
        kayes
            .claims
            .iter()
            .any(|c| c.claimant == Claimant::ArmedGroup)
    );
    assert!(kayes.tags.is_empty());
}

#[test]
fn geojson_acled_like() {
    let imp = import("geojson_acled.geojson");
    let r = &imp.report;
    assert_eq!(r.format, Format::GeoJson);
    assert_eq!((r.rows, r.events, r.rejected, r.fatalities), (3, 2, 1, 19));
    assert_eq!(r.errors[0].line, 3);
    assert_eq!(r.errors[0].field, "geometry");
    let csv = import("acled_current.csv");
    // coordinates come from the Point geometry
    assert_eq!(by_id(&imp, "MLI36001"), by_id(&csv, "MLI36001"));
    let djibo = by_id(&imp, "BFO9001");
    assert_eq!(djibo.tags, [IStr::from("drone"), "night".into()]);
    assert_eq!(djibo.coded_fatalities(), Some(7));
    assert_eq!((djibo.lat, djibo.lon), (14.09864, -1.62665));
}

#[test]
fn geojson_ucdp_like() {
    let imp = import("geojson_ucdp.geojson");
    let r = &imp.report;
    assert_eq!((r.rows, r.events, r.rejected, r.fatalities), (3, 3, 0, 14));
    let csv = import("ucdp_ged.csv");
    for id in ["ucdp:1001", "ucdp:1002", "ucdp:1003"] {
        assert_eq!(by_id(&imp, id), by_id(&csv, id), "{id}");
        assert_eq!(by_id(&imp, id).dataset, Dataset::Ucdp);
    }
}

#[test]
fn api_json_count_mismatch_and_error_response() {
    let body = br#"{"status":200,"success":true,"count":"5","messages":[],"data":[
        {"event_id_cnty":"MLI1","event_date":"2025-07-01","latitude":"14.44776","longitude":"-11.44393","fatalities":"2"}]}"#;
    let imp = common::import_bytes(body).unwrap();
    assert_eq!(imp.report.events, 1);
    assert!(
        imp.report
            .warnings
            .contains(&"the response says count 5 but holds 1 records".to_string())
    );
    let err = br#"{"status":403,"success":false,"messages":["Access denied"],"data":[]}"#;
    let e = common::import_bytes(err).unwrap_err().to_string();
    assert!(
        e.contains("not incident data: an ACLED API response without data (status 403"),
        "{e}"
    );
    assert!(e.contains("Access denied"), "{e}");
}
