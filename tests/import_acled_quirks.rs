//! ACLED CSV quirks: partial columns, mixed dates, NA, BOM + CRLF, full
//! quoting, inter codes, bad coordinates.
mod common;

use common::{by_id, error_lines, import};
use sahel_risk::model::ActorKind;

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn partial_columns() {
    let imp = import("acled_partial.csv");
    let r = &imp.report;
    assert_eq!((r.rows, r.events, r.rejected, r.fatalities), (4, 3, 1, 5));
    assert_eq!(error_lines(&imp), [4]);
    assert!(
        r.warnings[0].starts_with("missing columns: event_id_cnty, time_precision, event_type")
    );
    let gao = by_id(&imp, "acled_partial.csv:2");
    assert_eq!(gao.location.as_deref(), Some("Gao"));
    assert_eq!(
        by_id(&imp, "acled_partial.csv:3").coded_fatalities(),
        None,
        "NA fatalities"
    );
}

#[test]
fn no_coordinates_means_no_events() {
    let imp = import("acled_no_coords.csv");
    let r = &imp.report;
    assert_eq!((r.rows, r.events, r.rejected), (2, 0, 2));
    assert_eq!(error_lines(&imp), [2, 3]);
    assert!(r.errors.iter().all(|e| e.field == "latitude"));
    assert!(
        r.warnings
            .iter()
            .any(|w| w == "no latitude column: no row can be placed on the map")
    );
    assert_eq!((r.date_min, r.date_max), (None, None));
}

#[test]
fn mixed_dates_na_and_coordinate_checks() {
    let imp = import("acled_mixed_dates.csv");
    let r = &imp.report;
    assert_eq!((r.rows, r.events, r.rejected), (16, 13, 3));
    assert_eq!(r.fatalities, 84);
    let errs: Vec<(u64, &str)> = r
        .errors
        .iter()
        .map(|e| (e.line, e.field.as_str()))
        .collect();
    assert_eq!(
        errs,
        [(12, "event_date"), (13, "event_date"), (14, "latitude")]
    );
    assert_eq!(r.errors[1].message, "unreadable date \"32-Jan-21\"");
    let want = [
        ("MD1", "2020-12-31"),
        ("MD2", "2024-01-01"),
        ("MD3", "2021-02-16"),
        ("MD4", "2024-08-05"),
        ("MD5", "2022-09-12"),
        ("MD6", "2022-07-15"),
        ("MD7", "2015-01-01"),
        ("MD8", "1997-02-16"),
        ("MD9", "2022-07-15"),
        ("MD10", "2023-03-03"),
    ];
    for (id, d) in want {
        assert_eq!(by_id(&imp, id).date.start, date(d), "{id}");
    }
    let w = &r.warnings;
    assert!(
        w.contains(&"2 rows: date disagrees with year column (first at line 10)".to_string()),
        "{w:?}"
    );
    assert!(w.contains(
        &"1 row: latitude and longitude apparently swapped (swapped back) (line 15)".to_string()
    ));
    assert!(w.iter().any(
        |s| s.starts_with("1 row: coordinates outside the region") && s.ends_with("(line 16)")
    ));
    let niono = by_id(&imp, "MD14");
    assert_eq!((niono.lat, niono.lon), (14.25054, -5.98679));
    let nairobi = by_id(&imp, "MD15");
    assert_eq!((nairobi.lat, nairobi.lon), (-1.28333, 36.81667));
    let na = by_id(&imp, "MD16");
    assert!(na.actor1.is_none(), "NA actor is missing");
    assert_eq!(na.coded_fatalities(), None);
    assert_eq!(
        (r.date_min, r.date_max),
        (Some(date("1997-02-16")), Some(date("2024-08-05")))
    );
}

#[test]
fn bom_crlf_fully_quoted() {
    let imp = import("acled_bom_crlf_quoted.csv");
    let r = &imp.report;
    assert_eq!((r.rows, r.events, r.rejected, r.fatalities), (3, 2, 1, 20));
    assert_eq!(
        error_lines(&imp),
        [6],
        "CRLF inside quotes counts as a line"
    );
    assert_eq!(r.errors[0].field, "longitude");
    let second = by_id(&imp, "MLI9002");
    let notes = second.notes.as_deref().unwrap();
    assert!(
        notes.contains("with comma\r\nsecond line with \"quotes\"\r\nthird"),
        "{notes:?}"
    );
    assert_eq!(by_id(&imp, "MLI9001").claims.len(), 3);
}

#[test]
fn inter_codes_numeric_and_text() {
    let imp = import("acled_inter_codes.csv");
    let kinds = |id: &str| {
        let i = by_id(&imp, id);
        (
            i.actor1.as_ref().and_then(|a| a.kind),
            i.actor2.as_ref().and_then(|a| a.kind),
        )
    };
    use ActorKind as K;
    assert_eq!(kinds("BFO1"), (Some(K::StateForces), Some(K::RebelGroup)));
    assert_eq!(kinds("BFO2"), (Some(K::StateForces), Some(K::RebelGroup)));
    assert_eq!(
        kinds("BFO3"),
        (Some(K::ExternalOtherForces), Some(K::IdentityMilitia))
    );
    assert_eq!(kinds("BFO4"), (Some(K::Rioters), None));
    assert_eq!(
        kinds("BFO5"),
        (Some(K::IdentityMilitia), Some(K::ExternalOtherForces))
    );
    assert_eq!(by_id(&imp, "BFO1").interaction.as_deref(), Some("12"));
    assert_eq!(
        by_id(&imp, "BFO4").interaction.as_deref(),
        Some("Rioters only")
    );
    assert_eq!(imp.report.fatalities, 6);
}
