//! The `inspect` command-line contract that scripts depend on.

use serde_json::Value;
use std::process::Command;

fn inspect(files: &[&str]) -> (Vec<Value>, i32) {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_sahel-risk"))
        .arg("inspect")
        .args(files.iter().map(|f| format!("{root}/tests/fixtures/{f}")))
        .arg("--json")
        .output()
        .unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    (lines, out.status.code().unwrap())
}

#[test]
fn one_json_object_per_file_with_the_contract_keys() {
    let (lines, code) = inspect(&["acled_monadic.csv", "ucdp_ged.csv", "acled_api.json"]);
    assert_eq!(code, 0);
    assert_eq!(lines.len(), 3);
    let keys = [
        "file",
        "format",
        "rows",
        "events",
        "merged",
        "rejected",
        "fatalities",
        "date_min",
        "date_max",
        "warnings",
        "errors",
    ];
    for l in &lines {
        for k in keys {
            assert!(l.get(k).is_some(), "missing {k} in {l}");
        }
    }
    let m = &lines[0];
    assert_eq!(m["format"], "acled-csv");
    assert_eq!(
        (
            m["rows"].as_u64(),
            m["events"].as_u64(),
            m["merged"].as_u64()
        ),
        (Some(7), Some(4), Some(3))
    );
    assert_eq!(m["fatalities"], 24, "monadic rows counted once");
    assert_eq!(m["date_min"], "2024-03-12");
    assert_eq!(lines[1]["format"], "ucdp-ged-csv");
    assert_eq!(lines[2]["format"], "acled-json");
}

#[test]
fn rejected_rows_keep_exit_zero_and_name_line_and_field() {
    let (lines, code) = inspect(&["acled_mixed_dates.csv"]);
    assert_eq!(code, 0);
    let errors = lines[0]["errors"].as_array().unwrap();
    assert!(!errors.is_empty());
    for e in errors {
        assert!(
            e["line"].as_u64().unwrap() > 1
                && !e["field"].as_str().unwrap().is_empty()
                && !e["message"].as_str().unwrap().is_empty()
        );
    }
}

#[test]
fn unreadable_file_exits_non_zero_but_reports_the_others() {
    let (lines, code) = inspect(&["not_incident.png", "acled_current.csv"]);
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not incident data")
    );
    assert_eq!(lines[1]["events"], 9);
}

#[test]
fn coast_point_contract_and_bad_input() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_sahel-risk"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["coast", "--point", "12.36566,-1.53388", "--json"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Ouagadougou: about 150 km north of the Ghana border, ~750 km from the sea.
    let (c, b) = (
        v["coast_km"].as_f64().unwrap(),
        v["border_km"].as_f64().unwrap(),
    );
    assert!(
        (650.0..850.0).contains(&c) && (100.0..200.0).contains(&b),
        "{v}"
    );
    let lome: Value =
        serde_json::from_slice(&run(&["coast", "--point", "6.12874,1.22154", "--json"]).stdout)
            .unwrap();
    assert!(
        lome["coast_km"].as_f64().unwrap() < 3.0 && lome["border_km"].as_f64().unwrap() < 0.0,
        "{lome}"
    );
    let bad = run(&["coast", "--point", "12.6,abc", "--json"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8(bad.stderr).unwrap();
    assert!(
        err.starts_with("error: --point: longitude \"abc\""),
        "{err}"
    );
    assert!(!err.contains("backtrace"), "{err}");
}

#[test]
fn coast_file_contract() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_sahel-risk"))
        .args([
            "coast",
            &format!("{root}/tests/fixtures/acled_current.csv"),
            "--json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), 9);
    let e = &v["events"][0];
    assert!(e["id"].is_string() && e["coast_km"].is_number() && e["border_km"].is_number());
    let bands: Vec<f64> = v["bands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["band_km"].as_f64().unwrap())
        .collect();
    assert_eq!(bands, [10.0, 50.0, 100.0]);
    // 8 JNIM events, all in the 2025 quarters.
    let quarters: Vec<&str> = v["frontier"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["quarter"].as_str().unwrap())
        .collect();
    assert_eq!(quarters, ["2025Q2", "2025Q3"]);
}

#[test]
fn coast_measures_the_sahel_border_unless_asked_for_the_whole_land_border() {
    let run = |args: &[&str]| -> Value {
        let out = Command::new(env!("CARGO_BIN_EXE_sahel-risk"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Kandi (Benin): 92 km inside the border with Niger; 66 km from Nigeria's.
    let sahel = run(&["coast", "--point", "11.13,2.94", "--json"]);
    let whole = run(&[
        "coast",
        "--point",
        "11.13,2.94",
        "--whole-land-border",
        "--json",
    ]);
    let km = |v: &Value| v["border_km"].as_f64().unwrap();
    assert!((-95.0..-89.0).contains(&km(&sahel)), "{sahel}");
    assert!((-69.0..-63.0).contains(&km(&whole)), "{whole}");
    assert_eq!(sahel["border"], "sahel");
    assert_eq!(whole["border"], "whole_land_border");
    // The file contract's added keys.
    let root = env!("CARGO_MANIFEST_DIR");
    let v = run(&[
        "coast",
        &format!("{root}/tests/fixtures/acled_current.csv"),
        "--json",
    ]);
    assert_eq!(v["border"], "sahel");
    for key in [
        "jihadist",
        "unidentified",
        "country_mismatch",
        "country_mismatch_jihadist",
    ] {
        assert!(v[key].is_u64(), "{key}: {v}");
    }
    assert!(v["country_mismatch_ids"].is_array() && v["inside"]["last_12m"].is_u64());
    assert!(v["events"][0]["country_mismatch"].is_boolean());
    let q = &v["frontier"][0];
    for key in ["min_coast_km", "median_coast_km", "p10_coast_km"] {
        assert!(q[key].is_number(), "{key}: {q}");
    }
    let (events, behind) = (
        q["events"].as_u64().unwrap(),
        q["n_behind_p10"].as_u64().unwrap(),
    );
    assert!(
        behind >= 1 && behind <= events && q["unidentified"].is_u64(),
        "{q}"
    );
    assert!(q["min_coast_km"].as_f64() <= q["p10_coast_km"].as_f64());
}
