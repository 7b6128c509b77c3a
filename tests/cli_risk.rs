//! The `risk` command-line contract: one row per unit (units without events too) with the
//! contract columns, classes 1–5, highest score first; clear errors for bad arguments.

mod common;

use std::process::Output;

use common::{assert_refused, run_cli as run};
use serde_json::Value;

fn csv_rows(out: &Output) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut r = csv::Reader::from_reader(&out.stdout[..]);
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn admin1_csv_lists_every_unit_with_the_contract_columns() {
    let (header, rows) = csv_rows(&run(&["risk", "--level", "admin1", "--format", "csv"]));
    for col in [
        "unit_id",
        "name",
        "country",
        "events",
        "fatalities",
        "intensity",
        "deadliness",
        "civilians",
        "diffusion",
        "fragmentation",
        "score",
        "class",
    ] {
        assert!(header.iter().any(|h| h == col), "missing {col}: {header:?}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    // Mali, Burkina Faso (13 regions), Niger and the four coastal states: ~75 regions.
    assert!(rows.len() > 60 && rows.len() < 100, "{}", rows.len());
    let scores: Vec<f64> = rows
        .iter()
        .map(|r| r[col("score")].parse().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "highest first");
    for r in &rows {
        let class: u8 = r[col("class")].parse().unwrap();
        assert!((1..=5).contains(&class));
        if r[col("events")] == "0" {
            assert_eq!(
                class, 1,
                "a unit with no events is in the lowest class: {r:?}"
            );
        }
    }
    assert_eq!(rows[0][col("class")], "5");
    assert!(
        rows.iter().any(|r| r[col("events")] == "0"),
        "units without events listed"
    );
    let countries: std::collections::HashSet<&str> =
        rows.iter().map(|r| r[col("country")].as_str()).collect();
    assert_eq!(countries.len(), 7, "{countries:?}");
}

#[test]
fn json_lines_h3_and_provinces() {
    let out = run(&["risk", "--level", "h3:4", "--format", "json"]);
    assert!(out.status.success());
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() > 1000, "{}", rows.len());
    assert!(rows[0]["unit_id"].as_str().unwrap().len() == 15);
    assert!(rows[0]["score"].as_f64().unwrap() > 0.0);
    let (_, provinces) = csv_rows(&run(&["risk", "--level", "province"]));
    assert_eq!(provinces.len(), 45);
}

#[test]
fn as_of_and_half_life_change_the_counts() {
    let (h, late) = csv_rows(&run(&["risk"]));
    let (_, early) = csv_rows(&run(&[
        "risk",
        "--as-of",
        "2021-06-30",
        "--half-life",
        "30",
    ]));
    let events = |rows: &[Vec<String>]| -> u64 {
        let c = h.iter().position(|x| x == "events").unwrap();
        rows.iter().map(|r| r[c].parse::<u64>().unwrap()).sum()
    };
    // One year back from each date: the sample's events grow over time.
    assert!(
        events(&early) < events(&late),
        "{} {}",
        events(&early),
        events(&late)
    );
}

#[test]
fn own_boundary_file_as_units() {
    let dir = std::env::temp_dir().join(format!("sahel-risk-units-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("units.geojson");
    // Two OCHA-style units splitting Burkina Faso's centre at 1.5°W.
    std::fs::write(
        &file,
        r#"{"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"ADM1_PCODE":"BF13","ADM1_FR":"Ouest","ADM0_FR":"Burkina Faso"},
  "geometry":{"type":"Polygon","coordinates":[[[-3,11],[-1.5,11],[-1.5,14],[-3,14],[-3,11]]]}},
 {"type":"Feature","properties":{"ADM1_PCODE":"BF46","ADM1_FR":"Est","ADM0_FR":"Burkina Faso"},
  "geometry":{"type":"Polygon","coordinates":[[[-1.5,11],[0,11],[0,14],[-1.5,14],[-1.5,11]]]}}]}"#,
    )
    .unwrap();
    let (h, rows) = csv_rows(&run(&["risk", "--units", file.to_str().unwrap()]));
    assert_eq!(rows.len(), 2);
    let id = h.iter().position(|x| x == "unit_id").unwrap();
    let mut ids: Vec<&str> = rows.iter().map(|r| r[id].as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["BF13", "BF46"]);
    std::fs::write(&file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[0,0]}}]}").unwrap();
    let out = run(&["risk", "--units", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("units.geojson") && err.contains("Polygon"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_arguments_are_one_clear_error() {
    for (args, needle) in [
        (vec!["risk", "--level", "admin9"], "--level"),
        (vec!["risk", "--level", "h3:9"], "h3 resolution 9"),
        (vec!["risk", "--as-of", "30/06/2025"], "--as-of"),
        (vec!["risk", "--half-life", "0"], "--half-life"),
        (vec!["risk", "--format", "xml"], "--format"),
    ] {
        assert_refused(&run(&args), &args, needle);
    }
}
