//! Calendar helpers for the monthly event chart, on chrono. Days are counted like chrono's
//! `num_days_from_ce` (0001-01-01 = 1), as the incident columns store them.

use chrono::{Datelike, NaiveDate};

/// (year, month 1..=12, day 1..=31) of a `num_days_from_ce` day number (clamped to chrono's
/// range).
pub fn civil_from_days(day_ce: i32) -> (i32, u32, u32) {
    let d = NaiveDate::from_num_days_from_ce_opt(day_ce).unwrap_or(if day_ce < 1 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    });
    (d.year(), d.month(), d.day())
}

/// `num_days_from_ce` day number of (year, month, day); an invalid date gives the first of its
/// month, or 0001-01-01 when even that does not exist.
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    NaiveDate::from_ymd_opt(year, month, day)
        .or_else(|| NaiveDate::from_ymd_opt(year, month, 1))
        .map_or(1, |d| d.num_days_from_ce())
}
/// Calendar months spanning a day range, for binning events.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct MonthBins {
    /// (year, month) of each bin, oldest first.
    pub labels: Vec<(i32, u32)>,
    /// First day of each bin.
    starts: Vec<i32>,
}

impl MonthBins {
    /// Every calendar month touching `first..=last` (one month when `first > last`).
    pub fn new(first: i32, last: i32) -> Self {
        let (mut y, mut m, _) = civil_from_days(first);
        let (ly, lm, _) = civil_from_days(last.max(first));
        let mut bins = MonthBins {
            labels: Vec::new(),
            starts: Vec::new(),
        };
        loop {
            bins.labels.push((y, m));
            bins.starts.push(days_from_civil(y, m, 1));
            if (y, m) >= (ly, lm) {
                break;
            }
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        bins
    }

    /// Number of bins.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Bin of `day` (clamped to the first/last bin).
    pub fn bin(&self, day: i32) -> usize {
        self.starts.partition_point(|&s| s <= day).saturating_sub(1)
    }
}
