//! The coast readouts over the loaded incidents: each incident's distances (computed once per
//! store), and for a filtered set the border-band counts (last 12 months against the 12 before),
//! the frontier cells and the per-quarter distance statistics of the jihadist-attributed
//! incidents. The window and `sahel-risk coast` both use it.

use chrono::Datelike;

use super::{
    BorderIndex, CoastIndex, FrontierCell, FrontierPoint, QuarterStats, band_counts, frontier,
    quarter_index, quarter_stats,
};
use crate::analysis::armed_groups::is_jihadist_actor;
use crate::analysis::columns::{IncidentColumns, date_from_day};

/// The sea index and the coastal states' border index for the bundled (or overridden) geodata.
pub fn indexes_for(geo: &crate::geodata::GeoData) -> (CoastIndex, BorderIndex) {
    let sea = CoastIndex::new(geo.coastline.iter().map(|l| &l.line));
    let border = BorderIndex::new(
        geo.countries
            .regions
            .iter()
            .map(|r| (r.country.as_str(), &r.shape)),
        &super::COASTAL_STATES,
    );
    (sea, border)
}

/// Distances of every incident of a store (same order as its columns).
#[derive(Debug, Clone, Default)]
pub struct CoastDistances {
    /// Geodesic km to the sea.
    pub coast_km: Vec<f64>,
    /// Signed km to the coastal states' land border (negative inside them).
    pub border_km: Vec<f64>,
    /// Either side or an associate is a jihadist group.
    pub jihadist: Vec<bool>,
}

impl CoastDistances {
    pub fn compute(columns: &IncidentColumns, sea: &CoastIndex, border: &BorderIndex) -> Self {
        let points: Vec<[f64; 2]> = columns
            .lon
            .iter()
            .zip(&columns.lat)
            .map(|(&lon, &lat)| [lon, lat])
            .collect();
        CoastDistances {
            coast_km: sea.distance_km_many(&points),
            border_km: border.signed_km_many(&points),
            jihadist: jihadist_flags(columns),
        }
    }
}

/// Per incident: is any of its actors (or their associates) a jihadist group.
pub fn jihadist_flags(columns: &IncidentColumns) -> Vec<bool> {
    let by_actor: Vec<bool> = columns
        .actors
        .values
        .iter()
        .map(|a| is_jihadist_actor(a))
        .collect();
    (0..columns.len())
        .map(|i| columns.actors_of(i).iter().any(|&a| by_actor[a as usize]))
        .collect()
}

/// One border band's counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandRow {
    pub band_km: f64,
    pub last_12m: usize,
    pub prior_12m: usize,
}

/// What the coast panel, the frontier layer and the `coast` command show.
#[derive(Debug, Clone, Default)]
pub struct CoastReadout {
    /// The newest event of the set (end of the "last 12 months").
    pub as_of: Option<chrono::NaiveDate>,
    /// Jihadist-attributed incidents in the set.
    pub jihadist: usize,
    /// Per band: incidents outside the coastal states within that distance of their border.
    pub bands: Vec<BandRow>,
    /// Jihadist incidents inside the coastal states, last 12 months and the 12 before.
    pub inside: (usize, usize),
    /// Per quarter: closest and median distance to the sea.
    pub quarters: Vec<QuarterStats>,
    /// Per quarter and longitude band: the southernmost incident (its `index` is a store index).
    pub frontier: Vec<FrontierCell>,
}

/// Length of each window, days.
const YEAR_DAYS: i32 = 365;

impl CoastReadout {
    /// For the incidents `filtered` (store indices), with the distances of their store.
    pub fn compute(
        columns: &IncidentColumns,
        distances: &CoastDistances,
        filtered: &[u32],
        bands_km: &[f64],
        band_width_deg: f64,
    ) -> Self {
        let jihadist: Vec<usize> = filtered
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| distances.jihadist.get(i).copied().unwrap_or(false))
            .collect();
        let as_of_day = filtered.iter().map(|&i| columns.day_end[i as usize]).max();
        let mut out = CoastReadout {
            as_of: as_of_day.map(date_from_day),
            jihadist: jihadist.len(),
            ..Default::default()
        };
        if let Some(as_of) = as_of_day {
            let window = |from: i32, to: i32| -> Vec<f64> {
                jihadist
                    .iter()
                    .filter(|&&i| columns.day_start[i] > from && columns.day_start[i] <= to)
                    .map(|&i| distances.border_km[i])
                    .collect()
            };
            let last = window(as_of - YEAR_DAYS, as_of);
            let prior = window(as_of - 2 * YEAR_DAYS, as_of - YEAR_DAYS);
            let (l, p) = (band_counts(&last, bands_km), band_counts(&prior, bands_km));
            out.bands = bands_km
                .iter()
                .enumerate()
                .map(|(k, &band_km)| BandRow {
                    band_km,
                    last_12m: l[k],
                    prior_12m: p[k],
                })
                .collect();
            let inside = |v: &[f64]| v.iter().filter(|&&d| d <= 0.0).count();
            out.inside = (inside(&last), inside(&prior));
        }
        let quarter = |i: usize| {
            let d = date_from_day(columns.day_start[i]);
            quarter_index(d.year(), d.month())
        };
        let quarters: Vec<i32> = jihadist.iter().map(|&i| quarter(i)).collect();
        let coast: Vec<f64> = jihadist.iter().map(|&i| distances.coast_km[i]).collect();
        out.quarters = quarter_stats(&coast, &quarters);
        let points: Vec<FrontierPoint> = jihadist
            .iter()
            .zip(&quarters)
            .map(|(&i, &q)| FrontierPoint {
                lon: columns.lon[i],
                lat: columns.lat[i],
                quarter: q,
            })
            .collect();
        out.frontier = frontier(&points, band_width_deg);
        for cell in &mut out.frontier {
            cell.index = jihadist[cell.index];
        }
        out
    }
}
