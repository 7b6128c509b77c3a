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

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Σ events over the rows of `risk --format json`, and stderr.
fn total_events(args: &[&str]) -> (u64, String) {
    let out = run(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let total = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["events"]
                .as_u64()
                .unwrap()
        })
        .sum();
    (total, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn two_datasets_are_never_summed() {
    // The Boulkessi attack of 29 March 2017 is in both files; ACLED has one more event.
    let (a, u) = (
        fixture("acled_boulkessi.csv"),
        fixture("ucdp_boulkessi.csv"),
    );
    let base = ["risk", "--as-of", "2017-06-30", "--format", "json"];
    let mut args: Vec<&str> = base.to_vec();
    args.extend([a.as_str(), u.as_str()]);
    let (n, err) = total_events(&args);
    assert_eq!(n, 2, "ACLED's two events, not three: {err}");
    assert!(err.contains("UCDP GED 1 events left out"), "{err}");
    args.extend(["--dataset", "ucdp"]);
    let (n, _) = total_events(&args);
    assert_eq!(n, 1);
    // Files in the other order: the same choice (the dataset with the most events).
    let mut args: Vec<&str> = base.to_vec();
    args.extend([u.as_str(), a.as_str()]);
    assert_eq!(total_events(&args).0, 2);
}

#[test]
fn demonstrations_count_only_when_asked() {
    let (pv, err) = total_events(&["risk", "--format", "json"]);
    assert!(err.contains("of other types"), "{err}");
    let (all, _) = total_events(&["risk", "--format", "json", "--include-demonstrations"]);
    assert!(all > pv, "{all} {pv}");
}

#[test]
fn backtest_reports_skill_against_the_naive_counts() {
    let out = run(&[
        "backtest",
        "--level",
        "admin1",
        "--from",
        "2023-01-01",
        "--to",
        "2024-12-31",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let origins = doc["origins"].as_array().unwrap();
    // 2023-01-01 + k·90 days up to 2024-12-31: 9 origins.
    assert_eq!(origins.len(), 9);
    for key in [
        "auc_score",
        "auc_last_90_days",
        "auc_last_365_days",
        "top10_score",
        "top50_last_365_days",
        "coverage_80",
    ] {
        let v = doc["mean"][key].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&v), "{key} = {v}");
    }
    assert_eq!(origins[0]["origin"], "2023-01-01");
    // The score looks ahead better than last year's count on the sample's regions.
    assert!(doc["mean"]["auc_score"].as_f64() > doc["mean"]["auc_last_365_days"].as_f64());
    let csv = run(&[
        "backtest",
        "--format",
        "csv",
        "--from",
        "2024-01-01",
        "--to",
        "2024-06-30",
    ]);
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("origin,units,positives,horizon_events,auc_score"));
    assert!(text.lines().last().unwrap().starts_with("mean,"));
    for (args, needle) in [
        (vec!["backtest", "--step", "0"], "--step"),
        (
            vec!["backtest", "--from", "2025-01-01", "--to", "2024-01-01"],
            "--from",
        ),
        (vec!["backtest", "--format", "xml"], "--format"),
        (vec!["risk", "--weights", "1,2"], "--weights"),
        (vec!["risk", "--dataset", "gtd"], "--dataset"),
    ] {
        assert_refused(&run(&args), &args, needle);
    }
}
