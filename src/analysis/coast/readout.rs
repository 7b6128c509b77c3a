//! The coast readouts over the loaded incidents: each incident's distances and country
//! (computed once per store), and for a filtered set the border-band counts (last 12 months
//! against the 12 before), the frontier cells and the per-quarter distance statistics of the
//! jihadist-attributed incidents. The window and `sahel-risk coast` both use it.
//!
//! # Which country an incident counts in
//!
//! The dataset's country field (ACLED `country`, UCDP GED `country`), mapped to an iso3 code by
//! [`iso3_of_country_name`]; when it is empty or unknown, the country polygon the point falls
//! in. An incident whose dataset country differs from that polygon is flagged
//! ([`CoastDistances::mismatch`], counted in [`CoastReadout::country_mismatch`]) and counted by
//! the dataset's country: a Burkinabè event placed 2 km inside Ghana counts 2 km north of the
//! border, not inside Ghana.
//!
//! # The counts
//!
//! * Bands (`0 < |border_km| <= band`): jihadist incidents that count in Mali, Burkina Faso or
//!   Niger ([`BorderKind::Sahel`]); with [`BorderKind::WholeLandBorder`], in any country other
//!   than the coastal states (and, with no country at all, at a positive distance), the measure
//!   before issue 15.
//! * Inside: jihadist incidents that count in a coastal state (with no country at all: a
//!   distance `<= 0`).
//! * Unidentified: incidents of "Unidentified Armed Group (…)" with no jihadist actor, counted
//!   beside the jihadist ones, never in them (the rule of
//!   [`crate::analysis::armed_groups::is_unidentified_incident`], on columns).

use chrono::Datelike;

use super::{
    BorderIndex, BorderKind, CoastIndex, FRONTIER_MIN_EVENTS, FrontierCell, FrontierPoint,
    QuarterStats, SAHEL_STATES, band_counts, frontier_p10, iso3_of_country_name, quarter_index,
    quarter_stats,
};
use crate::analysis::armed_groups::{is_jihadist_actor, is_unidentified_armed_group};
use crate::analysis::columns::{IncidentColumns, date_from_day};

/// The sea index and the coastal states' border index (to the Sahel border) for the bundled
/// (or overridden) geodata.
pub fn indexes_for(geo: &crate::geodata::GeoData) -> (CoastIndex, BorderIndex) {
    indexes_for_kind(geo, BorderKind::Sahel)
}

/// [`indexes_for`] measuring to the border `kind` names.
pub fn indexes_for_kind(
    geo: &crate::geodata::GeoData,
    kind: BorderKind,
) -> (CoastIndex, BorderIndex) {
    let sea = CoastIndex::new(geo.coastline.iter().map(|l| &l.line));
    let border = BorderIndex::with_kind(
        geo.countries
            .regions
            .iter()
            .map(|r| (r.country.as_str(), &r.shape)),
        &super::COASTAL_STATES,
        kind,
    );
    (sea, border)
}

/// Where an incident counts (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// In Benin, Togo, Ghana or Côte d'Ivoire.
    Coastal,
    /// In Mali, Burkina Faso or Niger.
    Sahel,
    /// In another country (Nigeria, Guinea, ...).
    Other,
    /// Neither the dataset nor the polygons give a country.
    #[default]
    Unknown,
}

/// Distances of every incident of a store (same order as its columns).
#[derive(Debug, Clone, Default)]
pub struct CoastDistances {
    /// The border `border_km` is measured to.
    pub kind: BorderKind,
    /// Geodesic km to the sea.
    pub coast_km: Vec<f64>,
    /// Signed km to the measured border (negative inside the coastal states).
    pub border_km: Vec<f64>,
    /// Either side or an associate is a jihadist group.
    pub jihadist: Vec<bool>,
    /// An "Unidentified Armed Group" is a side or an associate, and no jihadist group is.
    pub unidentified: Vec<bool>,
    /// Where the incident counts: the dataset's country, else its polygon's.
    pub side: Vec<Side>,
    /// The dataset's country and the polygon the point falls in are both known and differ.
    pub mismatch: Vec<bool>,
}

impl CoastDistances {
    pub fn compute(columns: &IncidentColumns, sea: &CoastIndex, border: &BorderIndex) -> Self {
        use rayon::prelude::*;
        let points: Vec<[f64; 2]> = columns
            .lon
            .iter()
            .zip(&columns.lat)
            .map(|(&lon, &lat)| [lon, lat])
            .collect();
        // One name lookup per distinct country name.
        let named: Vec<Option<&'static str>> = columns
            .countries
            .values
            .iter()
            .map(|c| iso3_of_country_name(c))
            .collect();
        let side_of = |iso3: &str| {
            if border.is_coastal(iso3) {
                Side::Coastal
            } else if SAHEL_STATES.contains(&iso3) {
                Side::Sahel
            } else {
                Side::Other
            }
        };
        let (side, mismatch): (Vec<Side>, Vec<bool>) = points
            .par_iter()
            .with_min_len(256)
            .enumerate()
            .map(|(i, &[lon, lat])| {
                let dataset = columns
                    .country
                    .get(i)
                    .and_then(|&c| named.get(c as usize).copied().flatten());
                let polygon = border.country_at(lon, lat);
                let mismatch = matches!((dataset, polygon), (Some(d), Some(p)) if d != p);
                (dataset.or(polygon).map_or(Side::Unknown, side_of), mismatch)
            })
            .unzip();
        let jihadist = jihadist_flags(columns);
        CoastDistances {
            kind: border.kind(),
            coast_km: sea.distance_km_many(&points),
            border_km: border.signed_km_many(&points),
            unidentified: unidentified_flags(columns, &jihadist),
            jihadist,
            side,
            mismatch,
        }
    }

    /// Incident `i` counts "north of the border" at distance `|border_km|` (the band rule of
    /// the module documentation): `Some(km)` when it does.
    fn north_km(&self, i: usize) -> Option<f64> {
        let d = *self.border_km.get(i)?;
        let side = self.side.get(i).copied().unwrap_or_default();
        let counts = match (self.kind, side) {
            (_, Side::Sahel) => true,
            (BorderKind::WholeLandBorder, Side::Other) => true,
            (BorderKind::WholeLandBorder, Side::Unknown) => d > 0.0,
            _ => false,
        };
        counts.then_some(d.abs())
    }

    /// Incident `i` counts inside the coastal states.
    fn counts_inside(&self, i: usize) -> bool {
        match self.side.get(i).copied().unwrap_or_default() {
            Side::Coastal => true,
            Side::Unknown => self.border_km.get(i).is_some_and(|&d| d <= 0.0),
            Side::Sahel | Side::Other => false,
        }
    }
}

/// Per incident: an unidentified armed group is among its actors and no jihadist group is.
pub fn unidentified_flags(columns: &IncidentColumns, jihadist: &[bool]) -> Vec<bool> {
    let by_actor: Vec<bool> = columns
        .actors
        .values
        .iter()
        .map(|a| is_unidentified_armed_group(a))
        .collect();
    (0..columns.len())
        .map(|i| {
            !jihadist.get(i).copied().unwrap_or(false)
                && columns.actors_of(i).iter().any(|&a| by_actor[a as usize])
        })
        .collect()
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

/// How many mismatched incidents' store indices [`CoastReadout::mismatch_examples`] keeps.
pub const MISMATCH_EXAMPLES: usize = 20;

/// What the coast panel, the frontier layer and the `coast` command show.
#[derive(Debug, Clone, Default)]
pub struct CoastReadout {
    /// The border measured to.
    pub border: BorderKind,
    /// The newest event of the set (end of the "last 12 months").
    pub as_of: Option<chrono::NaiveDate>,
    /// Jihadist-attributed incidents in the set.
    pub jihadist: usize,
    /// Incidents of unidentified armed groups in the set (not among `jihadist`).
    pub unidentified: usize,
    /// Incidents of the set whose dataset country differs from the polygon they fall in.
    pub country_mismatch: usize,
    /// Of those, the jihadist-attributed ones.
    pub country_mismatch_jihadist: usize,
    /// The first [`MISMATCH_EXAMPLES`] of them (store indices, in filter order).
    pub mismatch_examples: Vec<usize>,
    /// Per band: jihadist incidents north of the border within that distance of it.
    pub bands: Vec<BandRow>,
    /// Jihadist incidents inside the coastal states, last 12 months and the 12 before.
    pub inside: (usize, usize),
    /// Per quarter: closest, 10th-percentile and median distance to the sea.
    pub quarters: Vec<QuarterStats>,
    /// Per quarter and longitude band: the 10th-percentile latitude (see
    /// [`frontier_p10`]; its `index` is a store index), cells of at least
    /// [`FRONTIER_MIN_EVENTS`] incidents.
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
        let flag = |v: &[bool], i: usize| v.get(i).copied().unwrap_or(false);
        let unidentified: Vec<usize> = filtered
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| flag(&distances.unidentified, i))
            .collect();
        let mismatched: Vec<usize> = filtered
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| flag(&distances.mismatch, i))
            .collect();
        let mut out = CoastReadout {
            border: distances.kind,
            as_of: as_of_day.map(date_from_day),
            jihadist: jihadist.len(),
            unidentified: unidentified.len(),
            country_mismatch: mismatched.len(),
            country_mismatch_jihadist: mismatched
                .iter()
                .filter(|&&i| flag(&distances.jihadist, i))
                .count(),
            mismatch_examples: mismatched.iter().copied().take(MISMATCH_EXAMPLES).collect(),
            ..Default::default()
        };
        if let Some(as_of) = as_of_day {
            let window = |from: i32, to: i32| -> Vec<usize> {
                jihadist
                    .iter()
                    .copied()
                    .filter(|&i| columns.day_start[i] > from && columns.day_start[i] <= to)
                    .collect()
            };
            let last = window(as_of - YEAR_DAYS, as_of);
            let prior = window(as_of - 2 * YEAR_DAYS, as_of - YEAR_DAYS);
            let north = |v: &[usize]| -> Vec<f64> {
                v.iter().filter_map(|&i| distances.north_km(i)).collect()
            };
            let (l, p) = (
                band_counts(&north(&last), bands_km),
                band_counts(&north(&prior), bands_km),
            );
            out.bands = bands_km
                .iter()
                .enumerate()
                .map(|(k, &band_km)| BandRow {
                    band_km,
                    last_12m: l[k],
                    prior_12m: p[k],
                })
                .collect();
            let inside = |v: &[usize]| v.iter().filter(|&&i| distances.counts_inside(i)).count();
            out.inside = (inside(&last), inside(&prior));
        }
        let quarter = |i: usize| {
            let d = date_from_day(columns.day_start[i]);
            quarter_index(d.year(), d.month())
        };
        let quarters: Vec<i32> = jihadist.iter().map(|&i| quarter(i)).collect();
        let coast: Vec<f64> = jihadist.iter().map(|&i| distances.coast_km[i]).collect();
        out.quarters = quarter_stats(&coast, &quarters);
        for i in unidentified {
            let q = quarter(i);
            if let Ok(k) = out.quarters.binary_search_by_key(&q, |s| s.quarter) {
                out.quarters[k].unidentified += 1;
            }
        }
        let points: Vec<FrontierPoint> = jihadist
            .iter()
            .zip(&quarters)
            .map(|(&i, &q)| FrontierPoint {
                lon: columns.lon[i],
                lat: columns.lat[i],
                quarter: q,
            })
            .collect();
        out.frontier = frontier_p10(&points, band_width_deg, FRONTIER_MIN_EVENTS);
        for cell in &mut out.frontier {
            cell.index = jihadist[cell.index];
        }
        out
    }
}
