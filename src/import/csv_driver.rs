//! The streaming CSV loop shared by the ACLED and UCDP importers: header ->
//! column map once, then one reused `ByteRecord` per row.

use std::io::Read;
use std::sync::atomic::AtomicBool;

use csv::{ByteRecord, ReaderBuilder};

use super::error::{ImportError, RowError};
use super::fields::{CsvRow, Schema};
use super::lines::line_log;
use super::mapping::MapCtx;
use super::progress::is_cancelled;
use super::sink::Sink;
use crate::model::Incident;

pub(crate) const WARN_LATIN1: &str = "text is not UTF-8; read as Latin-1";
pub(crate) const WARN_WIDTH: &str = "row has a different number of fields than the header";

/// How to read one CSV layout.
pub(crate) struct CsvLayout<'a> {
    pub file: &'a str,
    pub delimiter: u8,
    pub headerless: bool,
    pub schema: &'static Schema,
    /// (column, warning when the file lacks it).
    pub required: &'static [(usize, &'static str)],
}

fn next<R: Read>(
    rdr: &mut csv::Reader<R>,
    rec: &mut ByteRecord,
    file: &str,
    cancel: &AtomicBool,
) -> Result<bool, ImportError> {
    rdr.read_byte_record(rec).map_err(|e| {
        if is_cancelled(cancel) {
            return ImportError::Cancelled;
        }
        let line = e.position().map(|p| p.line());
        match e.into_kind() {
            csv::ErrorKind::Io(source) => ImportError::Io {
                file: file.to_string(),
                error: source,
            },
            other => ImportError::Malformed {
                file: file.to_string(),
                line,
                field: None,
                message: format!("{other:?}"),
            },
        }
    })
}

fn latin1(rec: &ByteRecord, out: &mut ByteRecord) {
    out.clear();
    for f in rec {
        let s: String = f.iter().map(|&b| char::from(b)).collect();
        out.push_field(s.as_bytes());
    }
    out.set_position(rec.position().cloned());
}

/// The column map and the number of fields of the header (the schema's
/// order without one), with the file warnings about missing columns.
pub(crate) fn column_map(
    layout: &CsvLayout,
    header: Option<&[&[u8]]>,
    sink: &mut Sink,
) -> (Vec<Option<usize>>, usize) {
    let schema = layout.schema;
    let (map, width) = match header {
        None => {
            sink.file_warning("no header row: columns taken in the standard UCDP GED order");
            let width = schema.names.len();
            ((0..width).map(Some).collect(), width)
        }
        Some(fields) => {
            let names: Vec<String> = fields
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            (
                schema.map_header(names.iter().map(String::as_str)),
                fields.len(),
            )
        }
    };
    let missing = schema.missing_expected(&map);
    if !missing.is_empty() {
        sink.file_warning(format!(
            "missing columns: {} (imported what is there)",
            missing.join(", ")
        ));
    }
    for &(col, msg) in layout.required {
        if map[col].is_none() {
            sink.file_warning(msg);
        }
    }
    (map, width)
}

/// Reads every row of a CSV file into `sink` through `map_row`, with the
/// csv crate on this thread (the reference for [`super::csv_parallel`]).
pub(crate) fn read<R: Read>(
    reader: R,
    layout: &CsvLayout,
    sink: &mut Sink,
    cancel: &AtomicBool,
    mut map_row: impl FnMut(&CsvRow, u64, &mut MapCtx) -> Result<Incident, RowError>,
) -> Result<Vec<Option<usize>>, ImportError> {
    let (logged, lines) = line_log(reader);
    let mut rdr = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(layout.delimiter)
        .from_reader(logged);
    let mut rec = ByteRecord::new();
    let header = if layout.headerless {
        None
    } else {
        if !next(&mut rdr, &mut rec, layout.file, cancel)? {
            return Ok(Vec::new());
        }
        Some(rec.iter().collect::<Vec<&[u8]>>())
    };
    let (map, width) = column_map(layout, header.as_deref(), sink);
    let mut converted = ByteRecord::new();
    while next(&mut rdr, &mut rec, layout.file, cancel)? {
        if rec.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let line = rec
            .position()
            .map_or(0, |p| lines.line_at(p.byte()).unwrap_or_else(|| p.line()));
        if rec.len() != width {
            sink.warnings.add(line, WARN_WIDTH);
        }
        let r = if std::str::from_utf8(rec.as_slice()).is_ok() {
            &rec
        } else {
            sink.warnings.add(line, WARN_LATIN1);
            latin1(&rec, &mut converted);
            &converted
        };
        let row = CsvRow { rec: r, map: &map };
        sink.row(line, Some(&map), |ctx| map_row(&row, line, ctx));
    }
    Ok(map)
}
