//! `sahel-risk inspect FILE... [--json]`: import each file and print its report.
//!
//! Contract (scripts depend on it): with `--json`, one JSON object per line and per file with
//! keys `file`, `format`, `rows`, `events`, `merged`, `rejected`, `fatalities`, `date_min`,
//! `date_max`, `warnings`, `errors` (`{"line", "field", "message"}`). Exit code 0 when every
//! file was read (even with rejected rows), 1 when any file could not be read at all.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use sahel_risk::import::{ImportError, import_path};
use serde_json::json;

/// The JSON line for a file that could not be read at all.
fn failure_json(file: &str, error: &ImportError) -> serde_json::Value {
    let (line, field) = match error {
        ImportError::Malformed { line, field, .. } => (*line, field.clone().unwrap_or_default()),
        _ => (None, String::new()),
    };
    json!({
        "file": file,
        "format": null,
        "rows": 0,
        "events": 0,
        "merged": 0,
        "rejected": 0,
        "fatalities": 0,
        "date_min": null,
        "date_max": null,
        "warnings": [],
        "errors": [{"line": line, "field": field, "message": error.to_string()}],
    })
}

/// Run the command; returns the process exit code.
pub fn run(files: &[PathBuf], as_json: bool) -> anyhow::Result<i32> {
    let cancel = AtomicBool::new(false);
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in files {
        let label = path.display().to_string();
        match import_path(path, &|_, _| {}, &cancel) {
            Ok(imported) => {
                if as_json {
                    writeln!(out, "{}", imported.report.to_json_value())?;
                } else {
                    writeln!(out, "{}", imported.report)?;
                }
            }
            Err(e) => {
                failed = true;
                if as_json {
                    writeln!(out, "{}", failure_json(&label, &e))?;
                } else {
                    writeln!(out, "{label}: could not be read: {e}\n")?;
                }
            }
        }
    }
    Ok(if failed { 1 } else { 0 })
}
