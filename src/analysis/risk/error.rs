//! Error type of the risk module.

/// Everything that can go wrong while building units, assigning events or scoring.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RiskError {
    /// The caller raised the cancel flag; partial results are discarded.
    #[error("risk computation cancelled")]
    Cancelled,
    /// The event columns are inconsistent (lengths, CSR offsets, selection indices).
    #[error("invalid event columns: {0}")]
    InvalidEvents(String),
    /// A parameter is out of range (window, half-life, weights, breaks, resolution).
    #[error("invalid risk parameters: {0}")]
    InvalidParams(String),
    /// Unit geometry or names cannot be used (non-finite coordinates, H3 tiling failure).
    #[error("invalid units: {0}")]
    InvalidUnits(String),
    /// The assignment was built for other data (event count or diffusion resolution).
    #[error("assignment does not match: {0}")]
    Mismatch(String),
}
