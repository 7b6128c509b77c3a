//! Importers. One entry point, [`import_path`] (or [`import_reader`] for
//! in-memory data), detects the format from the content and streams the
//! file into incidents plus an [`ImportReport`].
//!
//! Formats: ACLED CSV (every layout), ACLED API JSON, UCDP GED CSV (with or
//! without header), GeoJSON FeatureCollections of ACLED- or UCDP-like
//! points, and the app's own save format (see [`native`]).

mod acled_csv;
mod acled_json;
mod acled_map;
mod claimants;
pub mod coords;
mod csv_driver;
mod csv_parallel;
mod csv_split;
pub mod dates;
pub mod error;
mod fields;
mod geojson;
mod json_stream;
mod lines;
mod mapping;
pub mod native;
pub mod notes;
mod progress;
pub mod report;
mod sink;
mod sniff;
mod ucdp_csv;
mod ucdp_map;

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::Path;
use std::sync::atomic::AtomicBool;

pub use error::{ImportError, RowError, SaveError};
pub use progress::PROGRESS_STEP;
pub use report::{Format, ImportReport, MAX_LISTED_ERRORS};

/// The columns of the current ACLED layout (since March 2023), in order: the ones the importer
/// reads first, and what the sample's ACLED-format writer produces.
pub fn acled_columns() -> &'static [&'static str] {
    &acled_map::SCHEMA.names[..=acled_map::TIMESTAMP]
}

use crate::model::Incident;
use progress::{ProgressReader, is_cancelled};
use sink::{SameId, Sink};
use sniff::Sniffed;

/// How an import runs. `ImportOptions::default()` is what [`import_path`]
/// and [`import_reader`] use; the result is the same whatever the options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// Threads parsing CSV rows while the calling thread reads the file and
    /// collects the rows: 0 = one per core (at most 8), 1 = everything on
    /// the calling thread.
    pub threads: usize,
    /// Bytes of CSV handed to a thread at a time (cut at a record start).
    pub chunk_bytes: usize,
    /// Read CSV row by row with the csv crate on the calling thread (the
    /// reference implementation; slower).
    pub sequential: bool,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            threads: 0,
            chunk_bytes: 2 << 20,
            sequential: false,
        }
    }
}

/// What an import produced.
#[derive(Clone, Debug)]
pub struct Imported {
    pub incidents: Vec<Incident>,
    pub report: ImportReport,
}

/// Imports a file. `progress(bytes_read, total_bytes)` is called about every
/// megabyte; raising `cancel` stops the import with
/// [`ImportError::Cancelled`]. Never panics on any input.
pub fn import_path(
    path: &Path,
    progress: &dyn Fn(u64, u64),
    cancel: &AtomicBool,
) -> Result<Imported, ImportError> {
    import_path_with(path, progress, cancel, &ImportOptions::default())
}

/// [`import_path`] with explicit [`ImportOptions`].
pub fn import_path_with(
    path: &Path,
    progress: &dyn Fn(u64, u64),
    cancel: &AtomicBool,
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    let label = path.display().to_string();
    let io = |source| ImportError::Io {
        file: label.clone(),
        error: source,
    };
    let file = File::open(path).map_err(io)?;
    let total = file.metadata().map_err(io)?.len();
    import_reader_with(file, &label, total, progress, cancel, opts)
}

/// Imports from any reader (in-memory data, a pipe). `file_label` names the
/// source in the report and errors; `total_bytes` is passed to `progress`
/// (0 when unknown).
pub fn import_reader<R: Read>(
    reader: R,
    file_label: &str,
    total_bytes: u64,
    progress: &dyn Fn(u64, u64),
    cancel: &AtomicBool,
) -> Result<Imported, ImportError> {
    import_reader_with(
        reader,
        file_label,
        total_bytes,
        progress,
        cancel,
        &ImportOptions::default(),
    )
}

/// [`import_reader`] with explicit [`ImportOptions`].
pub fn import_reader_with<R: Read>(
    reader: R,
    file_label: &str,
    total_bytes: u64,
    progress: &dyn Fn(u64, u64),
    cancel: &AtomicBool,
    opts: &ImportOptions,
) -> Result<Imported, ImportError> {
    let file = file_label;
    let io_err = |source| {
        if is_cancelled(cancel) {
            ImportError::Cancelled
        } else {
            ImportError::Io {
                file: file.to_string(),
                error: source,
            }
        }
    };
    let mut reader = ProgressReader::new(reader, total_bytes, progress, cancel);
    let mut head = Vec::with_capacity(sniff::HEAD_LEN);
    (&mut reader)
        .take(sniff::HEAD_LEN as u64)
        .read_to_end(&mut head)
        .map_err(io_err)?;
    if head.starts_with(b"\xEF\xBB\xBF") {
        head.drain(..3);
    }
    let sniffed = sniff::sniff(&head).map_err(|reason| ImportError::NotIncidentData {
        file: file.to_string(),
        reason,
    })?;
    // ACLED rows average 300-500 bytes; a low estimate avoids regrowing the
    // incident vector and id index on large files.
    let rows_hint = usize::try_from(total_bytes / 400)
        .unwrap_or(0)
        .min(4_000_000);
    let stream = Cursor::new(head).chain(reader);
    let sink = match sniffed {
        Sniffed::Csv {
            format: Format::UcdpGedCsv,
            delimiter,
            headerless,
        } => {
            let mut sink = Sink::new(file, Format::UcdpGedCsv, SameId::Newest);
            sink.reserve(rows_hint);
            ucdp_csv::import(stream, file, delimiter, headerless, &mut sink, cancel, opts)?;
            sink
        }
        Sniffed::Csv { delimiter, .. } => {
            let mut sink = Sink::new(file, Format::AcledCsv, SameId::CombineActors);
            sink.reserve(rows_hint);
            acled_csv::import(stream, file, delimiter, &mut sink, cancel, opts)?;
            sink
        }
        Sniffed::Json(format) => {
            let same_id = match format {
                Format::SahelRisk => SameId::Newest,
                _ => SameId::CombineActors,
            };
            let mut sink = Sink::new(file, format, same_id);
            let r = BufReader::with_capacity(64 * 1024, stream);
            match format {
                Format::SahelRisk => native::import(r, file, &mut sink, cancel)?,
                Format::GeoJson => geojson::import(r, file, &mut sink, cancel)?,
                _ => acled_json::import(r, file, &mut sink, cancel)?,
            }
            sink
        }
    };
    if is_cancelled(cancel) {
        return Err(ImportError::Cancelled);
    }
    if total_bytes > 0 {
        progress(total_bytes, total_bytes);
    }
    Ok(sink.finish())
}
