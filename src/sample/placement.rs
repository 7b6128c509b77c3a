//! Where exactly an event is put: on the town point, a few km away, or
//! only at its regional capital (located to the region).

use super::notes::Where;
use super::rng::Rng;
use super::towns::Town;
use crate::model::GeoPrecision;
use crate::model::fxhash::FxHashMap;

/// Share of political-violence events located only to their region
/// (plotted at the regional capital, geo_precision 3).
const REGION_SHARE: f64 = 0.08;
/// Share of political-violence events placed exactly on the town point.
const EXACT_SHARE: f64 = 0.30;
/// Share of demonstrations placed exactly on the town point.
const DEMO_EXACT_SHARE: f64 = 0.80;
/// Jitter (degrees, one standard deviation) of events near a town.
const JITTER: f64 = 0.05;
/// Below this distance (degrees) a jittered point still counts as the town
/// (a village of the commune, geo_precision 1).
const VILLAGE_RADIUS: f64 = 0.03;

/// The most populous town of each town's region (same country and admin1;
/// the first listed on ties).
pub(crate) fn regional_capitals(towns: &[Town], country_of: &[usize]) -> Vec<usize> {
    let mut best: FxHashMap<(usize, &str), usize> = FxHashMap::default();
    for (i, t) in towns.iter().enumerate() {
        let e = best.entry((country_of[i], t.admin1.as_str())).or_insert(i);
        if towns[*e].population < t.population {
            *e = i;
        }
    }
    (0..towns.len())
        .map(|i| best[&(country_of[i], towns[i].admin1.as_str())])
        .collect()
}

pub(crate) struct Placed {
    /// The town the event is named after (the capital for precision 3).
    pub town: usize,
    pub lon: f64,
    pub lat: f64,
    pub precision: GeoPrecision,
    pub described: Where,
}

/// Places an event drawn at `town`; `capital[town]` is its regional capital.
pub(crate) fn place(
    rng: &mut Rng,
    towns: &[Town],
    capital: &[usize],
    town: usize,
    demo: bool,
) -> Placed {
    let t = &towns[town];
    let at = |town: usize, t: &Town, precision, described| Placed {
        town,
        lon: t.lon,
        lat: t.lat,
        precision,
        described,
    };
    let r = rng.unit();
    if demo {
        if r < DEMO_EXACT_SHARE {
            return at(town, t, GeoPrecision::ExactTown, Where::Town);
        }
    } else if r < REGION_SHARE {
        let c = capital[town];
        return at(c, &towns[c], GeoPrecision::Region, Where::Region);
    } else if r < REGION_SHARE + EXACT_SHARE {
        return at(town, t, GeoPrecision::ExactTown, Where::Town);
    }
    let sigma = if demo { VILLAGE_RADIUS / 3.0 } else { JITTER };
    let dlat = sigma * rng.normal();
    let dlon = sigma * rng.normal() / t.lat.to_radians().cos().max(0.5);
    // Four decimals, as ACLED writes coordinates.
    let round = |v: f64| (v * 1e4).round() / 1e4;
    let lon = round(t.lon + dlon).clamp(-17.99, 15.99);
    let lat = round(t.lat + dlat).clamp(3.01, 25.99);
    let (precision, described) = match dlat.hypot(dlon) < VILLAGE_RADIUS {
        true => (GeoPrecision::ExactTown, Where::Village),
        false => (GeoPrecision::NearTown, Where::Near),
    };
    Placed {
        town,
        lon,
        lat,
        precision,
        described,
    }
}
