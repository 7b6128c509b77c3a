//! The `clusters` command-line contract: one JSON object with `events`, `build_ms` and a
//! `zooms` array for zoom 0..=Z, single events counting as clusters of one.

mod common;

use std::process::Output;

use common::{assert_refused, run_cli as run};
use serde_json::Value;

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(
        text.lines().count(),
        1,
        "one JSON object on one line: {text}"
    );
    serde_json::from_str(&text).unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn file_contract_with_defaults() {
    let v = json(&run(&["clusters", &fixture("acled_current.csv"), "--json"]));
    let events = v["events"].as_u64().unwrap();
    assert!(events > 0);
    assert!(v["build_ms"].as_f64().unwrap() >= 0.0);
    let zooms = v["zooms"].as_array().unwrap();
    // Default max zoom 16: zooms 0..=16 in order.
    assert_eq!(zooms.len(), 17);
    let mut previous = 0;
    for (z, entry) in zooms.iter().enumerate() {
        assert_eq!(entry["zoom"].as_u64().unwrap(), z as u64);
        let n = entry["clusters"].as_u64().unwrap();
        // Never more clusters than events, never fewer as the zoom deepens.
        assert!(n >= 1 && n <= events && n >= previous, "zoom {z}: {n}");
        previous = n;
    }
}

#[test]
fn radius_and_max_zoom_are_honoured() {
    let dir = std::env::temp_dir().join(format!("sahel-clusters-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Two points 0.01° apart (~1.1 km) and one far away: one cluster at zoom 0, three at
    // zoom 14, where a 60 px radius is 60/512/2^14 of the world's width (~0.3 km here).
    let csv = dir.join("pts.csv");
    std::fs::write(&csv, "lon,lat\n-1.50,12.30\n-1.51,12.30\n4.0,16.0\n").unwrap();
    let v = json(&run(&[
        "clusters",
        "--points",
        csv.to_str().unwrap(),
        "--radius",
        "60",
        "--max-zoom",
        "14",
        "--json",
    ]));
    assert_eq!(v["events"], 3);
    let zooms = v["zooms"].as_array().unwrap();
    assert_eq!(zooms.len(), 15);
    assert_eq!(zooms[0]["clusters"], 1);
    assert_eq!(zooms[14]["clusters"], 3);
    // A tiny radius separates them at every zoom but the lowest ones.
    let v = json(&run(&[
        "clusters",
        "--points",
        csv.to_str().unwrap(),
        "--radius",
        "0.001",
        "--max-zoom",
        "3",
        "--json",
    ]));
    assert_eq!(v["zooms"][3]["clusters"], 3);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn without_file_it_clusters_the_sample() {
    let v = json(&run(&["clusters", "--max-zoom", "2", "--json"]));
    assert!(v["events"].as_u64().unwrap() > 10_000);
    assert_eq!(v["zooms"].as_array().unwrap().len(), 3);
}

#[test]
fn bad_input_is_one_clear_error() {
    for (args, needle) in [
        (vec!["clusters", "--radius", "0"], "--radius"),
        (vec!["clusters", "--max-zoom", "31"], "--max-zoom"),
        (vec!["clusters", "/nonexistent/x.csv"], "cannot read"),
        (
            vec!["clusters", &fixture("not_incident.json")],
            "not incident data",
        ),
    ] {
        let err = assert_refused(&run(&args), &args, needle);
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn reps_report_the_same_clusters_and_zero_is_refused() {
    let once = json(&run(&["clusters", "--max-zoom", "8", "--json"]));
    let thrice = json(&run(&[
        "clusters",
        "--max-zoom",
        "8",
        "--json",
        "--reps",
        "3",
    ]));
    assert_eq!(once["events"], thrice["events"]);
    assert_eq!(once["zooms"], thrice["zooms"]);
    assert!(thrice["build_ms"].as_f64().unwrap() > 0.0);
    let out = run(&["clusters", "--reps", "0", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--reps"));
    assert!(out.stdout.is_empty());
}

#[test]
fn write_points_gives_the_events_positions() {
    let out_csv = std::env::temp_dir().join(format!("sahel-points-{}.csv", std::process::id()));
    let out = run(&[
        "clusters",
        &fixture("acled_current.csv"),
        "--write-points",
        out_csv.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&out_csv).unwrap();
    let events = json(&run(&["clusters", &fixture("acled_current.csv"), "--json"]))["events"]
        .as_u64()
        .unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("lon,lat"));
    assert_eq!(lines.clone().count() as u64, events);
    // The same points give the same clusters through --points.
    let a = json(&run(&["clusters", &fixture("acled_current.csv"), "--json"]));
    let b = json(&run(&[
        "clusters",
        "--points",
        out_csv.to_str().unwrap(),
        "--json",
    ]));
    assert_eq!(a["zooms"], b["zooms"]);
    std::fs::remove_file(&out_csv).ok();
}
