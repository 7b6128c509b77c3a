//! Errors raised while reading a geodata file.

use std::path::PathBuf;

/// Why one geodata file could not be used. Always names the file.
#[derive(Debug, thiserror::Error)]
pub enum GeodataError {
    #[error("{file}: cannot read: {source}")]
    Io {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: not valid GeoJSON: {message}")]
    Json { file: PathBuf, message: String },
    #[error("{file}: feature {index}: {message}")]
    Feature {
        file: PathBuf,
        index: usize,
        message: String,
    },
    #[error("{file}: line {line}: {message}")]
    Csv {
        file: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{file}: {message}")]
    Empty { file: PathBuf, message: String },
}
