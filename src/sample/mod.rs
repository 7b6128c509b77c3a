//! The bundled synthetic sample (placeholder until the generator lands).

/// Shown wherever the sample appears.
pub const SAMPLE_LABEL: &str = "SAMPLE DATA – synthetic";
