//! The app's own save format ("sahel-risk"): one JSON object
//!
//! ```text
//! {"format":"sahel-risk","version":1,"count":N,"incidents":[
//! {...one Incident per line...},
//! ...
//! ]}
//! ```
//!
//! Each incident is the serde form of [`Incident`], so every field, every
//! claim (user-added ones included) and every extra round-trips exactly;
//! coordinates are written as strings of the shortest exact `f64` form.
//! Loading goes through [`crate::import::import_path`] (format detected from
//! the header); a bad record is rejected on its own, the rest still loads.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde_json::Value;

use super::error::{ImportError, RowError, SaveError};
use super::json_stream::{json_error, stream};
use super::sink::Sink;
use crate::model::Incident;

pub const FORMAT_NAME: &str = "sahel-risk";
/// Newest version this build writes and reads.
pub const VERSION: u64 = 1;

/// Writes `incidents` to `w` in the native format. `file` names the
/// destination in error messages.
pub fn write<W: Write>(w: W, file: &str, incidents: &[Incident]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        file: file.to_string(),
        source,
    };
    let mut w = BufWriter::new(w);
    write!(
        w,
        "{{\"format\":\"{FORMAT_NAME}\",\"version\":{VERSION},\"count\":{},\"incidents\":[",
        incidents.len()
    )
    .map_err(io)?;
    for (i, inc) in incidents.iter().enumerate() {
        w.write_all(if i == 0 { b"\n" } else { b",\n" })
            .map_err(io)?;
        serde_json::to_writer(&mut w, inc).map_err(|e| {
            if e.is_io() {
                io(e.into())
            } else {
                SaveError::Encode {
                    file: file.to_string(),
                    id: inc.id.to_string(),
                    message: e.to_string(),
                }
            }
        })?;
    }
    w.write_all(b"\n]}\n").map_err(io)?;
    w.flush().map_err(io)
}

/// Saves to `path` through a temporary file renamed into place, so a failed
/// save never leaves a half-written file behind.
pub fn save(path: &Path, incidents: &[Incident]) -> Result<(), SaveError> {
    let file = path.display().to_string();
    let io = |source| SaveError::Io {
        file: file.clone(),
        source,
    };
    let mut tmp_name = path.as_os_str().to_owned();
    tmp_name.push(".partial");
    let tmp = Path::new(&tmp_name);
    let result = File::create(tmp)
        .map_err(io)
        .and_then(|f| write(f, &file, incidents))
        .and_then(|()| std::fs::rename(tmp, path).map_err(io));
    if result.is_err() {
        let _ = std::fs::remove_file(tmp);
    }
    result
}

pub(crate) fn import<R: Read>(
    reader: R,
    file: &str,
    sink: &mut Sink,
    cancel: &AtomicBool,
) -> Result<(), ImportError> {
    let mut found_version = None;
    let mut before = |m: &serde_json::Map<String, Value>| {
        if m.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
            return Err("missing \"format\":\"sahel-risk\" before the incidents".to_string());
        }
        let v = m.get("version").and_then(Value::as_u64).unwrap_or(0);
        found_version = Some(v);
        if v > VERSION || v == 0 {
            return Err(format!("unsupported version {v}"));
        }
        Ok(())
    };
    let mut n = 0u64;
    let mut on_item = |v: Value| {
        n += 1;
        let result = serde_json::from_value::<Incident>(v)
            .map_err(|e| RowError::new(n, "incident", format!("not a valid incident: {e}")));
        sink.row(n, None, |_| result);
    };
    let top = stream(reader, "incidents", &mut before, &mut on_item);
    if let Some(v) = found_version.filter(|&v| v > VERSION) {
        return Err(ImportError::UnsupportedVersion {
            file: file.to_string(),
            found: v,
            supported: VERSION,
        });
    }
    let top = top.map_err(|e| json_error(e, file, cancel))?;
    if !top.found {
        return Err(ImportError::Malformed {
            file: file.to_string(),
            line: None,
            field: Some("incidents".into()),
            message: "no incidents array".into(),
        });
    }
    for inc in &mut sink.incidents {
        inc.intern_with(&mut sink.interner);
    }
    Ok(())
}
