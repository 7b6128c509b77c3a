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
