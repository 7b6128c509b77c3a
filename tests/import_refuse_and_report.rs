//! Files that are not incident data, progress and cancel, the JSON report
//! contract.
mod common;

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use common::{fixture, import, import_bytes, try_import};
use sahel_risk::import::{ImportError, import_path, import_reader};
use serde_json::json;

fn refusal(name: &str) -> String {
    match try_import(name) {
        Err(e @ ImportError::NotIncidentData { .. }) => e.to_string(),
        other => panic!("{name}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn not_incident_data_is_refused_with_a_reason() {
    let stocks = refusal("not_incident_stocks.csv");
    assert!(
        stocks.contains(
            "not_incident_stocks.csv: not incident data: a table whose first line (date, open, high"
        ),
        "{stocks}"
    );
    assert!(refusal("not_incident.png").ends_with("not incident data: a PNG image"));
    assert!(refusal("empty.csv").ends_with("not incident data: the file is empty"));
    assert!(refusal("not_incident.json").contains("JSON without incident records"));
    let zip = import_bytes(b"PK\x03\x04\x14\x00rest")
        .unwrap_err()
        .to_string();
    assert!(zip.contains("ZIP archive"), "{zip}");
    let arr = import_bytes(b"[{\"a\":1}]").unwrap_err().to_string();
    assert!(arr.contains("a JSON array"), "{arr}");
}

#[test]
fn missing_file_and_directory_are_io_errors_naming_the_file() {
    let cancel = AtomicBool::new(false);
    let e = import_path(&fixture("nope.csv"), &|_, _| {}, &cancel).unwrap_err();
    assert!(matches!(e, ImportError::Io { .. }));
    assert!(e.to_string().contains("nope.csv: cannot read"), "{e}");
    let e = import_path(&fixture(""), &|_, _| {}, &cancel).unwrap_err();
    assert!(matches!(e, ImportError::Io { .. }), "{e:?}");
}

#[test]
fn malformed_json_names_file_and_line() {
    let e = import_bytes(
        b"{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",,}]}",
    )
    .unwrap_err();
    match &e {
        ImportError::Malformed { line, .. } => assert_eq!(*line, Some(3)),
        other => panic!("{other:?}"),
    }
    assert!(
        e.to_string().starts_with("mem.csv, line 3: malformed JSON"),
        "{e}"
    );
    let e = import_bytes(b"{\"status\":200,\"data\":[{\"event_date\":\"1 July 2025\"").unwrap_err();
    assert!(e.to_string().contains("truncated"), "{e}");
}

fn big_csv(rows: usize) -> Vec<u8> {
    let mut s = String::from("event_id_cnty,event_date,year,latitude,longitude,fatalities,notes\n");
    for i in 0..rows {
        s += &format!(
            "MLI{i},1 July 2025,2025,14.44776,-11.44393,1,\"padding, {}\"\n",
            "x".repeat(60)
        );
    }
    s.into_bytes()
}

#[test]
fn progress_about_every_megabyte_and_final() {
    let data = big_csv(40_000);
    let total = data.len() as u64;
    assert!(total > 3_000_000);
    let calls = RefCell::new(Vec::new());
    let progress = |read: u64, t: u64| calls.borrow_mut().push((read, t));
    let imp = import_reader(
        &data[..],
        "big.csv",
        total,
        &progress,
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(imp.report.events, 40_000);
    assert_eq!(imp.report.fatalities, 40_000);
    let calls = calls.into_inner();
    assert!(calls.len() >= 3, "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    assert!(calls.iter().all(|&(r, t)| r <= t && t == total));
    assert_eq!(calls.last(), Some(&(total, total)));
}

#[test]
fn cancel_stops_the_import() {
    let data = big_csv(40_000);
    let cancel = AtomicBool::new(false);
    let progress = |_: u64, _: u64| cancel.store(true, Ordering::Relaxed);
    let r = import_reader(&data[..], "big.csv", data.len() as u64, &progress, &cancel);
    assert!(matches!(r, Err(ImportError::Cancelled)), "{r:?}");
    let pre = AtomicBool::new(true);
    let r = import_reader(&data[..], "big.csv", 0, &|_, _| {}, &pre);
    assert!(matches!(r, Err(ImportError::Cancelled)));
}

#[test]
fn report_json_contract() {
    let imp = import("acled_mixed_dates.csv");
    let mut v = imp.report.to_json_value();
    let file = v["file"].as_str().unwrap().to_string();
    assert!(file.ends_with("tests/fixtures/acled_mixed_dates.csv"));
    v["file"] = json!("acled_mixed_dates.csv");
    let expected = json!({
        "file": "acled_mixed_dates.csv",
        "format": "acled-csv",
        "rows": 16,
        "events": 13,
        "merged": 0,
        "rejected": 3,
        "fatalities": 84,
        "date_min": "1997-02-16",
        "date_max": "2024-08-05",
        "warnings": [
            "missing columns: time_precision, assoc_actor_1, interaction, admin2, source (imported what is there)",
            "2 rows: date disagrees with year column (first at line 10)",
            "1 row: latitude and longitude apparently swapped (swapped back) (line 15)",
            "1 row: coordinates outside the region (lon -18..16, lat 3..26); imported anyway (line 16)"
        ],
        "errors": [
            {"line": 12, "field": "event_date", "message": "missing date"},
            {"line": 13, "field": "event_date", "message": "unreadable date \"32-Jan-21\""},
            {"line": 14, "field": "latitude", "message": "zero coordinates (0, 0): no real location"}
        ]
    });
    assert_eq!(v, expected);
    let text = imp.report.to_string();
    assert!(text.contains("rejected:     3"), "{text}");
    assert!(
        text.contains("line 14, field latitude: zero coordinates"),
        "{text}"
    );
    let formats: Vec<String> = ["acled_api.json", "ucdp_ged.csv", "geojson_acled.geojson"]
        .iter()
        .map(|f| {
            import(f).report.to_json_value()["format"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(formats, ["acled-json", "ucdp-ged-csv", "geojson"]);
}

#[test]
fn rejected_rows_are_counted_beyond_the_listed_ones() {
    let mut s = String::from("event_id_cnty,event_date,latitude,longitude,fatalities\n");
    for i in 0..1500 {
        s += &format!("X{i},1 July 2025,,,1\n");
    }
    let imp = import_bytes(s.as_bytes()).unwrap();
    assert_eq!(imp.report.rejected, 1500);
    assert_eq!(imp.report.errors.len(), 1000);
    assert_eq!(imp.report.errors[999].line, 1001);
    assert!(
        imp.report
            .warnings
            .contains(&"500 more rejected rows not listed (first 1000 shown)".to_string())
    );
}
