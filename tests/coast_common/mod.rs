//! The bundled layers as the coast tests use them: the embedded geodata.
#![allow(dead_code)]

use geo::{LineString, MultiPolygon};
use sahel_risk::geodata::GeoData;

pub fn coastline() -> Vec<LineString<f64>> {
    GeoData::embedded()
        .coastline
        .into_iter()
        .map(|l| l.line)
        .collect()
}

/// The countries: (iso3, MultiPolygon).
pub fn countries() -> Vec<(String, MultiPolygon<f64>)> {
    GeoData::embedded()
        .countries
        .regions
        .into_iter()
        .map(|r| (r.country, r.shape))
        .collect()
}
