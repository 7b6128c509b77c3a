//! The conflict-intensity map the sample draws places from: hotspots whose
//! weight changes between 2019 and 2025 (the north of Mali and Diffa ease
//! off, southern Burkina Faso and the northern borderlands of the coastal
//! states heat up), a seasonal cycle and a yearly activity curve.

use chrono::{Datelike, NaiveDate};

use super::SampleConfig;
use super::countries::{COUNTRIES, Country};
use super::rng::Rng;
use super::rng::WeightedIndex;
use super::towns::Town;
use crate::model::fxhash::FxHashMap;

/// (lon, lat, spread in degrees, weight in 2019, weight in 2025)
const HOTSPOTS: &[(f64, f64, f64, f64, f64)] = &[
    // Central Mali: inner Niger delta, Mopti, Bandiagara plateau
    (-4.1, 14.4, 0.9, 3.0, 2.0),
    (-3.4, 14.2, 0.5, 1.6, 1.0),
    // Segou / Niono (Office du Niger), rising
    (-6.0, 14.0, 0.7, 1.0, 1.5),
    // Douentza - Boni - Hombori
    (-2.4, 15.1, 0.6, 1.4, 0.9),
    // Timbuktu, Gao, Kidal, Menaka
    (-3.0, 16.8, 0.7, 0.8, 0.4),
    (0.0, 16.2, 0.7, 1.3, 0.6),
    (1.4, 18.4, 0.7, 0.4, 0.4),
    (2.3, 15.8, 0.8, 2.0, 1.0),
    // Liptako-Gourma: Djibo, Arbinda - Dori - Gorom, Tillaberi
    (-1.6, 14.1, 0.5, 2.6, 2.0),
    (-0.5, 14.2, 0.6, 2.2, 1.6),
    (1.4, 14.3, 0.7, 2.2, 2.0),
    // Centre-Nord (Kaya, Barsalogho), Nord (Ouahigouya), Boucle du Mouhoun
    (-1.1, 13.2, 0.5, 0.8, 1.8),
    (-2.4, 13.5, 0.5, 0.7, 1.3),
    (-3.5, 12.5, 0.7, 0.2, 1.6),
    // Eastern Burkina Faso and south-western Niger (Fada, Pama, Diapaga, Torodi)
    (0.4, 12.0, 0.6, 0.8, 2.4),
    (1.1, 11.4, 0.6, 0.4, 2.4),
    (1.8, 12.3, 0.5, 0.4, 1.4),
    // Cascades / south-west Burkina Faso, southern Mali, western Mali
    (-4.7, 10.7, 0.7, 0.1, 1.0),
    (-5.7, 11.3, 0.7, 0.05, 0.5),
    (-10.5, 14.6, 1.0, 0.05, 0.4),
    // Tahoua, Maradi (banditry), Diffa (Lake Chad basin)
    (5.3, 14.9, 0.7, 0.6, 0.6),
    (7.1, 13.5, 0.7, 0.4, 0.6),
    (12.6, 13.3, 0.7, 1.5, 0.9),
    // Northern borderlands of the coastal states
    (1.6, 11.1, 0.6, 0.02, 2.0), // Pendjari / Park W, Benin
    (3.2, 11.8, 0.5, 0.02, 1.2), // Malanville - Karimama, Benin
    (0.3, 10.8, 0.5, 0.01, 1.1), // Savanes, Togo
    (-0.3, 11.0, 0.4, 0.1, 0.4), // Bawku, Ghana
    (-3.8, 9.4, 0.7, 0.1, 0.3),  // Kong - Bouna, Ivory Coast
];

/// Coastal states below this latitude are left out (the sample covers
/// their northern borderlands only).
pub(crate) const COASTAL_MIN_LAT: f64 = 8.5;

/// 2019 -> 0.0, 2025 -> 1.0, clamped.
pub(crate) fn year_progress(year: i32) -> f64 {
    (f64::from(year - 2019) / 6.0).clamp(0.0, 1.0)
}

/// Conflict intensity at a point in a year (arbitrary units).
pub(crate) fn intensity(lon: f64, lat: f64, country: &Country, year: i32) -> f64 {
    if country.coastal && lat < COASTAL_MIN_LAT {
        return 0.0;
    }
    let t = year_progress(year);
    let mut sum = if country.coastal { 0.0 } else { 0.03 };
    for &(hx, hy, s, w0, w1) in HOTSPOTS {
        let d2 = (lon - hx).powi(2) + (lat - hy).powi(2);
        if d2 > 9.0 * s * s {
            continue;
        }
        let w = w0 * (w1 / w0).powf(t);
        sum += w * (-d2 / (2.0 * s * s)).exp();
    }
    if country.coastal {
        // Spill-over across the border builds up over the years.
        sum *= 0.15 + 0.85 * t;
    }
    sum
}

/// Relative number of events per year (the Sahel's violence grew until
/// 2022-2023, then stayed high).
pub(crate) fn year_activity(year: i32) -> f64 {
    match year {
        ..=2019 => 0.55,
        2020 => 0.75,
        2021 => 0.9,
        2022 => 1.1,
        2023 => 1.2,
        2024 => 1.15,
        _ => 1.1,
    }
}

/// Seasonal factor: the dry season (peak around March) sees more
/// fighting than the height of the rains (August-September).
pub(crate) fn season(date: NaiveDate) -> f64 {
    let doy = f64::from(date.ordinal0());
    1.0 + 0.25 * (std::f64::consts::TAU * (doy - 75.0) / 365.25).cos()
}

/// Maximum of `year_activity * season`, for rejection sampling of dates.
const MAX_DATE_WEIGHT: f64 = 1.2 * 1.25;

/// Event dates, sorted: uniform over the period, weighted by the yearly
/// activity and the season (rejection sampling).
pub(crate) fn draw_dates(config: &SampleConfig) -> Vec<NaiveDate> {
    let mut rng = Rng::new(config.seed, 1);
    let first = config.start.num_days_from_ce();
    let span = (config.end.num_days_from_ce() - first + 1) as usize;
    let mut dates: Vec<NaiveDate> = (0..config.events)
        .map(|_| {
            loop {
                let day = first + rng.below(span) as i32;
                let Some(d) = NaiveDate::from_num_days_from_ce_opt(day) else {
                    continue;
                };
                if rng.unit() * MAX_DATE_WEIGHT < year_activity(d.year()) * season(d) {
                    break d;
                }
            }
        })
        .collect();
    dates.sort_unstable();
    dates
}

/// Per-town place tables: one for political violence per year, one for
/// demonstrations.
pub(crate) struct PlaceTables {
    first_year: i32,
    violence: Vec<WeightedIndex>,
    demonstrations: WeightedIndex,
    /// Index in [`COUNTRIES`] of each town (`usize::MAX`: outside the sample).
    pub country_of: Vec<usize>,
}

fn pop_factor(pop: u32) -> f64 {
    f64::from(pop.max(500)).sqrt()
}

impl PlaceTables {
    /// `None` when no town lies in the sample's countries.
    pub fn new(towns: &[Town], first_year: i32, last_year: i32) -> Option<Self> {
        let country_of: Vec<usize> = towns
            .iter()
            .map(|t| match super::countries::country(&t.country_iso3) {
                Some(c) if t.lon.is_finite() && t.lat.is_finite() => c.index(),
                _ => usize::MAX,
            })
            .collect();
        // The intensity map says how much happens in an area; the towns of a
        // 0.5-degree cell share it by population, so a dense gazetteer (5,000
        // Ivorian villages) does not pull events towards itself.
        let cell = |t: &Town| ((t.lon * 2.0).floor() as i32, (t.lat * 2.0).floor() as i32);
        let mut cell_pop: FxHashMap<(i32, i32), f64> = FxHashMap::default();
        for (t, &c) in towns.iter().zip(&country_of) {
            if c != usize::MAX {
                *cell_pop.entry(cell(t)).or_default() += pop_factor(t.population);
            }
        }
        let share: Vec<f64> = towns
            .iter()
            .zip(&country_of)
            .map(|(t, &c)| match c {
                usize::MAX => 0.0,
                _ => pop_factor(t.population) / cell_pop[&cell(t)],
            })
            .collect();
        let mut violence = Vec::new();
        for year in first_year..=last_year.max(first_year) {
            let w = towns
                .iter()
                .zip(&country_of)
                .zip(&share)
                .map(|((t, &c), s)| {
                    if c == usize::MAX {
                        return 0.0;
                    }
                    s * intensity(t.lon, t.lat, &COUNTRIES[c], year)
                });
            violence.push(WeightedIndex::new(w)?);
        }
        let demo = towns.iter().zip(&country_of).map(|(t, &c)| {
            let Some(country) = COUNTRIES.get(c) else {
                return 0.0;
            };
            if country.coastal && t.lat < COASTAL_MIN_LAT {
                return 0.0;
            }
            let f = if country.coastal { 0.2 } else { 1.0 };
            f * f64::from(t.population.max(500)).powf(0.7)
        });
        Some(PlaceTables {
            first_year,
            violence,
            demonstrations: WeightedIndex::new(demo)?,
            country_of,
        })
    }

    pub fn violence(&self, year: i32) -> &WeightedIndex {
        let i = usize::try_from(year - self.first_year).unwrap_or(0);
        &self.violence[i.min(self.violence.len() - 1)]
    }

    pub fn demonstrations(&self) -> &WeightedIndex {
        &self.demonstrations
    }
}
