//! The southward "frontier": per quarter and longitude band, the southernmost point; and per
//! quarter the closest and median distance to the sea.

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

/// The southernmost point of one quarter in one longitude band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrontierCell {
    pub quarter: i32,
    /// Band number: `floor(lon / band_width)`; the band spans `west..east`.
    pub band: i64,
    pub west: f64,
    pub east: f64,
    /// The southernmost point (ties: the earliest in the input) and its input index.
    pub lon: f64,
    pub lat: f64,
    pub index: usize,
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
    let mut best: BTreeMap<(i32, i64), usize> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        if !valid(p.lon, p.lat) {
            continue;
        }
        let band = (p.lon / band_width_deg).floor() as i64;
        best.entry((p.quarter, band))
            .and_modify(|b| {
                if p.lat < points[*b].lat {
                    *b = i;
                }
            })
            .or_insert(i);
    }
    best.into_iter()
        .map(|((quarter, band), i)| FrontierCell {
            quarter,
            band,
            west: band as f64 * band_width_deg,
            east: (band as f64 + 1.0) * band_width_deg,
            lon: points[i].lon,
            lat: points[i].lat,
            index: i,
        })
        .collect()
}

/// Distance-to-the-sea summary of one quarter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuarterStats {
    pub quarter: i32,
    /// Closest approach to the sea (km).
    pub min_km: f64,
    /// Median distance (km; the mean of the two middle values when `n` is even).
    pub median_km: f64,
    /// Number of finite distances.
    pub n: usize,
}

/// Per quarter, the minimum and median of `coast_km` (paired with `quarter` by position; extra
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
            QuarterStats {
                quarter,
                min_km: v[0],
                median_km,
                n,
            }
        })
        .collect()
}
