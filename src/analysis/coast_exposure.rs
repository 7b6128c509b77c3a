//! Coastal exposure of a unit: its risk score combined with how close it lies to the sea.
//!
//! `exposure = score × proximity`, `proximity = 1 − min(d, REACH_KM) / REACH_KM`, with `d` the
//! geodesic distance (km) from the unit's interior point to the sea. A unit on the coast keeps
//! its whole score, one 500 km inland half of it, one beyond 1,000 km none: the shading shows
//! where violence and nearness to the Gulf of Guinea coincide. Classes are quantiles of the
//! positive exposures, as for the risk score (units without events stay in class 1).

use geo::InteriorPoint;

use super::coast::CoastIndex;
use super::risk::{ClassMethod, RiskTable, UnitSet, breaks, class_of};

/// Distance at which proximity reaches 0, km.
pub const REACH_KM: f64 = 1000.0;

pub fn proximity(coast_km: f64) -> f64 {
    if coast_km.is_finite() {
        1.0 - coast_km.clamp(0.0, REACH_KM) / REACH_KM
    } else {
        0.0
    }
}

pub fn exposure(score: f64, coast_km: f64) -> f64 {
    score * proximity(coast_km)
}

/// Each unit's distance to the sea (from its interior point), km, in parallel.
pub fn unit_distances(units: &UnitSet, sea: &CoastIndex) -> Vec<f64> {
    let points: Vec<[f64; 2]> = units
        .units()
        .iter()
        .map(|u| {
            u.shape
                .interior_point()
                .map_or([f64::NAN, f64::NAN], |p| [p.x(), p.y()])
        })
        .collect();
    sea.distance_km_many(&points)
}

/// Per unit (by unit index): exposure and class 1..=5, and the class breaks.
pub fn exposure_classes(table: &RiskTable, distances: &[f64]) -> (Vec<f64>, Vec<u8>, [f64; 4]) {
    let mut values = vec![0.0; distances.len()];
    for r in &table.rows {
        values[r.unit] = exposure(r.score, distances.get(r.unit).copied().unwrap_or(f64::NAN));
    }
    let b = breaks(&ClassMethod::Quantile, &values);
    let classes = values.iter().map(|&v| class_of(v, &b)).collect();
    (values, classes, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proximity_and_exposure_by_hand() {
        assert_eq!(proximity(0.0), 1.0);
        assert_eq!(proximity(250.0), 0.75);
        assert_eq!(proximity(1500.0), 0.0);
        assert_eq!(proximity(f64::NAN), 0.0);
        assert_eq!(exposure(80.0, 500.0), 40.0);
        assert_eq!(exposure(0.0, 10.0), 0.0);
    }
}
