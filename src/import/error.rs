//! Import and save errors. A bad row is a `RowError` in the report and never
//! stops the import; an `ImportError` stops the whole file.

use std::fmt;

use serde::Serialize;

/// Why a whole file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The reason is part of the message (not a `source`), so printing the error chain
    /// does not say it twice.
    #[error("{file}: cannot read: {error}")]
    Io { file: String, error: std::io::Error },
    /// The content is not a format this app reads (detected from content,
    /// never from the extension).
    #[error("{file}: not incident data: {reason}")]
    NotIncidentData { file: String, reason: String },
    /// The format was recognised but the file is broken beyond the row level
    /// (e.g. JSON syntax error).
    #[error("{file}{}{}: {message}", line_part(*.line), field_part(.field.as_deref()))]
    Malformed {
        file: String,
        line: Option<u64>,
        field: Option<String>,
        message: String,
    },
    #[error(
        "{file}: saved by a newer Sahel Risk Map (format version {found}; this build reads up to {supported})"
    )]
    UnsupportedVersion {
        file: String,
        found: u64,
        supported: u64,
    },
    #[error("import cancelled")]
    Cancelled,
}

fn line_part(line: Option<u64>) -> String {
    line.map(|l| format!(", line {l}")).unwrap_or_default()
}

fn field_part(field: Option<&str>) -> String {
    field.map(|f| format!(", field {f}")).unwrap_or_default()
}

/// Why saving failed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{file}: cannot write: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: cannot encode incident {id}: {message}")]
    Encode {
        file: String,
        id: String,
        message: String,
    },
}

/// One rejected row: the physical line where its record starts (1-based,
/// header = line 1; for JSON formats the 1-based record number), the field
/// at fault and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub line: u64,
    pub field: String,
    pub message: String,
}

impl RowError {
    pub fn new(line: u64, field: &str, message: impl Into<String>) -> Self {
        RowError {
            line,
            field: field.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, field {}: {}",
            self.line, self.field, self.message
        )
    }
}
