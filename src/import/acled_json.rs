//! ACLED API JSON: `{"status":200,"success":true,"last_update":..,
//! "count":..,"messages":[],"data":[{...}]}`, every value a string and ""
//! for missing. Records go through the same mapping as ACLED CSV rows.

use std::io::Read;
use std::sync::atomic::AtomicBool;

use serde_json::Value;

use super::acled_map;
use super::error::{ImportError, RowError};
use super::fields::JsonRow;
use super::json_stream::{json_error, stream};
use super::sink::Sink;

/// "data as of" text from `last_update` (Unix seconds or text).
fn as_of(v: &Value) -> Option<String> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    match text.parse::<i64>() {
        Ok(secs) => chrono::DateTime::from_timestamp(secs, 0)
            .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string()),
        Err(_) => (!text.is_empty()).then_some(text),
    }
}

pub(crate) fn import<R: Read>(
    reader: R,
    file: &str,
    sink: &mut Sink,
    cancel: &AtomicBool,
) -> Result<(), ImportError> {
    let mut n = 0u64;
    let mut first = true;
    let mut on_item = |v: Value| {
        n += 1;
        let Value::Object(obj) = v else {
            sink.report.rows += 1;
            sink.reject(RowError::new(n, "data", "record is not a JSON object"));
            return;
        };
        let row = JsonRow::from_object(&obj, &acled_map::SCHEMA);
        let present = row.present();
        if std::mem::take(&mut first) {
            let missing = acled_map::SCHEMA.missing_expected(&present);
            if !missing.is_empty() {
                sink.file_warning(format!("missing fields: {}", missing.join(", ")));
            }
        }
        sink.row(n, Some(&present), |ctx| acled_map::map_row(&row, n, ctx));
    };
    let top = stream(reader, "data", &mut |_| Ok(()), &mut on_item)
        .map_err(|e| json_error(e, file, cancel))?;
    let m = &top.members;
    let failed = m.get("success") == Some(&Value::Bool(false))
        || m.get("status")
            .and_then(Value::as_i64)
            .is_some_and(|s| s != 200);
    if failed || !top.found {
        let msgs = m.get("messages").or(m.get("error")).map(Value::to_string);
        return Err(ImportError::NotIncidentData {
            file: file.to_string(),
            reason: format!(
                "an ACLED API response without data (status {}, messages {})",
                m.get("status").map_or("?".into(), Value::to_string),
                msgs.unwrap_or_else(|| "none".into())
            ),
        });
    }
    sink.report.data_as_of = m.get("last_update").and_then(as_of);
    let count = m
        .get("count")
        .and_then(|c| c.as_u64().or_else(|| c.as_str()?.trim().parse().ok()));
    if let Some(count) = count.filter(|&c| c != n) {
        sink.file_warning(format!(
            "the response says count {count} but holds {n} records"
        ));
    }
    Ok(())
}
