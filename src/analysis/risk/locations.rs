//! Grouping of events by identical coordinates.
//!
//! Real incident data stacks many events on the same gazetteer point (towns, district
//! centroids), so unit lookup and the comparatively slow H3 `LatLng -> cell` conversion
//! (~0.4 µs) run once per distinct location instead of once per event.

use super::RiskError;
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};

/// Events grouped by bit-identical (lon, lat).
#[derive(Debug, Clone)]
pub(super) struct Locations {
    /// One representative event per distinct location (ascending by coordinate bits).
    pub rep: Vec<u32>,
    /// Group index of every event.
    pub group_of: Vec<u32>,
}

/// Groups events by coordinates (`-0.0` and `0.0` are merged). Parallel sort, O(n log n).
pub(super) fn group_locations(
    lon: &[f64],
    lat: &[f64],
    cancel: &AtomicBool,
) -> Result<Locations, RiskError> {
    let mut keys: Vec<(u64, u64, u32)> = lon
        .par_iter()
        .zip(lat.par_iter())
        .enumerate()
        .map(|(i, (&x, &y))| ((x + 0.0).to_bits(), (y + 0.0).to_bits(), i as u32))
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return Err(RiskError::Cancelled);
    }
    keys.par_sort_unstable();
    if cancel.load(Ordering::Relaxed) {
        return Err(RiskError::Cancelled);
    }
    let mut rep = Vec::new();
    let mut group_of = vec![0u32; keys.len()];
    let mut last: Option<(u64, u64)> = None;
    for &(x, y, i) in &keys {
        if last != Some((x, y)) {
            rep.push(i);
            last = Some((x, y));
        }
        group_of[i as usize] = (rep.len() - 1) as u32;
    }
    Ok(Locations { rep, group_of })
}
