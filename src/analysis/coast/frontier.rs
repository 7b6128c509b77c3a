//! The southward "frontier": per quarter and longitude band, where the southernmost events
//! are; and per quarter the distance to the sea of the nearest events.
//!
//! # Percentiles
//!
//! One event must not move the frontier (a single resort attack near Bamako in 2017 Q2 made a
//! 215 km "advance" of the quarter's minimum). The headline statistic is therefore the **10th
//! percentile by nearest rank**: of `n` values sorted ascending, the value at rank
//! `k = ceil(0.1 · n)` (1-based), i.e. the smallest value with at least 10 % of the values at
//! or below it ([`p10_nearest_rank`]). It is always one of the values (an actual event), and it
//! comes with the count of values at or below it ("behind" it: `k`, or more with ties). With
//! fewer than 11 values the rank is 1, i.e. the minimum: the count says so.
//!
//! * [`quarter_stats`]: per quarter, the minimum, the 10th percentile and its count, and the
//!   median of the distances to the sea.
//! * [`frontier_p10`]: per quarter and longitude band, the 10th-percentile latitude, by nearest
//!   rank but never below rank 2 (so the southernmost event alone never sets it), for cells
//!   with at least `min_events` events; [`frontier`]: the southernmost event of every cell
//!   (the old, single-event frontier, kept for comparison).

use std::collections::BTreeMap;

use super::geodesic::valid;

/// Quarter index of a calendar month: `year * 4 + (month - 1) / 3` (2024 Q1 = 8096). Months
/// outside 1..=12 are clamped; years beyond ±500 million saturate.
pub fn quarter_index(year: i32, month: u32) -> i32 {
    year.saturating_mul(4)
        .saturating_add((month.clamp(1, 12) as i32 - 1) / 3)
}

/// Year and quarter (1..=4) of a quarter index made by [`quarter_index`].
pub fn quarter_label(quarter: i32) -> (i32, i32) {
    (quarter.div_euclid(4), quarter.rem_euclid(4) + 1)
}

/// An input point: lon/lat (degrees) and a quarter index (any `i32`, e.g. [`quarter_index`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrontierPoint {
    pub lon: f64,
    pub lat: f64,
    pub quarter: i32,
}

/// The frontier point of one quarter in one longitude band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrontierCell {
    pub quarter: i32,
    /// Band number: `floor(lon / band_width)`; the band spans `west..east`.
    pub band: i64,
    pub west: f64,
    pub east: f64,
    /// The point that sets the cell's latitude (ties: the earliest in the input) and its input
    /// index: the southernmost for [`frontier`], the percentile's for [`frontier_p10`].
    pub lon: f64,
    pub lat: f64,
    pub index: usize,
    /// Points of the cell.
    pub n: usize,
    /// Points of the cell at or south of `lat`.
    pub n_behind: usize,
}

/// Rank (1-based) of the 10th percentile by nearest rank among `n` values: `ceil(0.1 · n)`,
/// at least 1. Computed in integers (`(n + 9) / 10`) so 0.1 · n is never rounded up wrongly.
pub fn p10_rank(n: usize) -> usize {
    n.div_ceil(10).max(1)
}

/// The 10th percentile by nearest rank of `sorted` (ascending, no NaN) and the number of values
/// at or below it; `None` when empty. Example: 1..=20 give (2, 2); 1..=10 give (1, 1).
pub fn p10_nearest_rank(sorted: &[f64]) -> Option<(f64, usize)> {
    let v = *sorted.get(p10_rank(sorted.len()) - 1)?;
    Some((v, sorted.partition_point(|&x| x <= v)))
}

/// Cells with fewer points than this are left out of the window's frontier.
pub const FRONTIER_MIN_EVENTS: usize = 3;

/// Per quarter and longitude band (as [`frontier`]), the 10th-percentile latitude of the points
/// by nearest rank, but at least the second southernmost (rank `max(ceil(0.1 · n), 2)`), so no
/// cell is placed by a single event; cells with fewer than `min_events` points (and at least 2)
/// are absent. Ties in latitude keep input order. Same order and invalid-input rules as
/// [`frontier`].
pub fn frontier_p10(
    points: &[FrontierPoint],
    band_width_deg: f64,
    min_events: usize,
) -> Vec<FrontierCell> {
    if !(band_width_deg.is_finite() && band_width_deg > 0.0) {
        return Vec::new();
    }
    let mut groups: BTreeMap<(i32, i64), Vec<usize>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        if valid(p.lon, p.lat) {
            let band = (p.lon / band_width_deg).floor() as i64;
            groups.entry((p.quarter, band)).or_default().push(i);
        }
    }
    let min_events = min_events.max(2);
    groups
        .into_iter()
        .filter(|(_, members)| members.len() >= min_events)
        .map(|((quarter, band), mut members)| {
            // Stable: equal latitudes stay in input order.
            members.sort_by(|&a, &b| points[a].lat.total_cmp(&points[b].lat));
            let n = members.len();
            let i = members[p10_rank(n).max(2) - 1];
            let lat = points[i].lat;
            FrontierCell {
                quarter,
                band,
                west: band as f64 * band_width_deg,
                east: (band as f64 + 1.0) * band_width_deg,
                lon: points[i].lon,
                lat,
                index: i,
                n,
                n_behind: members.partition_point(|&m| points[m].lat <= lat),
            }
        })
        .collect()
}

/// Per quarter and per longitude band of `band_width_deg` degrees (bands aligned on multiples of
/// the width: with 0.5°, -18.0..-17.5, -17.5..-17.0, ...), the southernmost point. Points that are
/// not coordinates (not finite, latitude beyond ±90°) are skipped; a width that is not a positive
/// finite number gives an empty result. Sorted by quarter, then band (west to east); cells with no
/// point are absent.
pub fn frontier(points: &[FrontierPoint], band_width_deg: f64) -> Vec<FrontierCell> {
    if !(band_width_deg.is_finite() && band_width_deg > 0.0) {
        return Vec::new();
    }
    let mut best: BTreeMap<(i32, i64), (usize, usize)> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        if !valid(p.lon, p.lat) {
            continue;
        }
        let band = (p.lon / band_width_deg).floor() as i64;
        best.entry((p.quarter, band))
            .and_modify(|(b, n)| {
                *n += 1;
                if p.lat < points[*b].lat {
                    *b = i;
                }
            })
            .or_insert((i, 1));
    }
    best.into_iter()
        .map(|((quarter, band), (i, n))| FrontierCell {
            quarter,
            band,
            west: band as f64 * band_width_deg,
            east: (band as f64 + 1.0) * band_width_deg,
            lon: points[i].lon,
            lat: points[i].lat,
            index: i,
            n,
            n_behind: 1,
        })
        .collect()
}

/// Distance-to-the-sea summary of one quarter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuarterStats {
    pub quarter: i32,
    /// Closest approach to the sea (km): one event.
    pub min_km: f64,
    /// 10th percentile of the distances by nearest rank (km; see the module documentation).
    pub p10_km: f64,
    /// Distances at or below `p10_km` ("behind" the 10th percentile).
    pub n_behind_p10: usize,
    /// Median distance (km; the mean of the two middle values when `n` is even).
    pub median_km: f64,
    /// Number of finite distances.
    pub n: usize,
    /// Events by unidentified armed groups in the quarter, counted beside the `n` attributed
    /// ones (0 from [`quarter_stats`]; the readout fills it in).
    pub unidentified: usize,
}

/// Per quarter, the minimum, 10th percentile (nearest rank, with its count) and median of
/// `coast_km` (paired with `quarter` by position; extra
/// values of the longer slice are ignored). `NaN`/infinite distances are skipped; quarters with
/// no finite distance are absent. Sorted by quarter.
pub fn quarter_stats(coast_km: &[f64], quarter: &[i32]) -> Vec<QuarterStats> {
    let mut groups: BTreeMap<i32, Vec<f64>> = BTreeMap::new();
    for (&d, &q) in coast_km.iter().zip(quarter) {
        if d.is_finite() {
            groups.entry(q).or_default().push(d);
        }
    }
    groups
        .into_iter()
        .map(|(quarter, mut v)| {
            v.sort_unstable_by(f64::total_cmp);
            let n = v.len();
            let median_km = if n % 2 == 1 {
                v[n / 2]
            } else {
                0.5 * (v[n / 2 - 1] + v[n / 2])
            };
            let (p10_km, n_behind_p10) = p10_nearest_rank(&v).unwrap_or((v[0], 1));
            QuarterStats {
                quarter,
                min_km: v[0],
                p10_km,
                n_behind_p10,
                median_km,
                n,
                unidentified: 0,
            }
        })
        .collect()
}
