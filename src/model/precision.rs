//! How precisely an incident's date and place are known.

use serde::{Deserialize, Serialize};

/// How precisely the date is known.
///
/// ACLED `time_precision`: 1 -> `Day`, 2 -> `Week`, 3 -> `Month`.
/// UCDP `date_prec`: 1 -> `Day`, 2 -> `FewDays` (2-6 day range), 3 -> `Week`,
/// 4 -> `Month` (8-30 day range or month known), 5 -> `Year` (range up to a year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DatePrecision {
    Day,
    FewDays,
    Week,
    Month,
    Year,
}

impl DatePrecision {
    pub fn from_acled(code: u8) -> Option<Self> {
        match code {
            1 => Some(Self::Day),
            2 => Some(Self::Week),
            3 => Some(Self::Month),
            _ => None,
        }
    }

    pub fn from_ucdp(code: u8) -> Option<Self> {
        match code {
            1 => Some(Self::Day),
            2 => Some(Self::FewDays),
            3 => Some(Self::Week),
            4 => Some(Self::Month),
            5 => Some(Self::Year),
            _ => None,
        }
    }

    /// Plain words for a tooltip.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Day => "exact day",
            Self::FewDays => "within a few days",
            Self::Week => "within a week",
            Self::Month => "only the month is known",
            Self::Year => "only the year is known",
        }
    }
}

/// How precisely the location is known.
///
/// ACLED `geo_precision`: 1 -> `ExactTown`, 2 -> `NearTown`, 3 -> `Region`
/// (large region, often plotted at the provincial capital).
/// UCDP `where_prec`: 1 -> `ExactTown`, 2 -> `NearTown` (within ~25 km),
/// 3 -> `District`, 4 -> `Region`, 5 -> `Area` (road, river or area between
/// places), 6 -> `Country`, 7 -> `WaterOrAirspace`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GeoPrecision {
    ExactTown,
    NearTown,
    District,
    Region,
    Area,
    Country,
    WaterOrAirspace,
    Unknown,
}

impl GeoPrecision {
    pub fn from_acled(code: u8) -> Option<Self> {
        match code {
            1 => Some(Self::ExactTown),
            2 => Some(Self::NearTown),
            3 => Some(Self::Region),
            _ => None,
        }
    }

    pub fn from_ucdp(code: u8) -> Option<Self> {
        match code {
            1 => Some(Self::ExactTown),
            2 => Some(Self::NearTown),
            3 => Some(Self::District),
            4 => Some(Self::Region),
            5 => Some(Self::Area),
            6 => Some(Self::Country),
            7 => Some(Self::WaterOrAirspace),
            _ => None,
        }
    }

    /// Plain words for a tooltip or a legend.
    pub fn describe(self) -> &'static str {
        match self {
            Self::ExactTown => "exact town",
            Self::NearTown => "near a town / part of a region",
            Self::District => "located to the district only",
            Self::Region => "located to the region/province only",
            Self::Area => "along a road or river, or between places",
            Self::Country => "country only",
            Self::WaterOrAirspace => "international waters or airspace",
            Self::Unknown => "precision unknown",
        }
    }

    /// True unless the point is the town where the event happened.
    pub fn is_approximate(self) -> bool {
        self != Self::ExactTown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map() {
        assert_eq!(DatePrecision::from_acled(2), Some(DatePrecision::Week));
        assert_eq!(DatePrecision::from_ucdp(5), Some(DatePrecision::Year));
        assert_eq!(DatePrecision::from_acled(4), None);
        assert_eq!(GeoPrecision::from_acled(3), Some(GeoPrecision::Region));
        assert_eq!(GeoPrecision::from_ucdp(6), Some(GeoPrecision::Country));
        assert_eq!(GeoPrecision::from_ucdp(0), None);
        assert!(!GeoPrecision::ExactTown.is_approximate());
        assert!(GeoPrecision::NearTown.is_approximate());
        assert_eq!(
            GeoPrecision::District.describe(),
            "located to the district only"
        );
    }
}
