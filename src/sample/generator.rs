//! The seeded generator: dates, places, actors, fatalities, claims, notes.

use chrono::{Datelike, NaiveDate};

use super::actors::{Place, Side};
use super::claims::{self, CODING_SOURCE};
use super::countries::{COUNTRIES, REGION, ymd};
use super::events;
use super::intensity::{self, PlaceTables};
use super::notes::{self, NoteFacts};
use super::placement;
use super::rng::Rng;
use super::towns::{Town, builtin_towns};
use super::{ID_PREFIX, SAMPLE_TAG, SYNTHETIC_SOURCE, SampleConfig};
use crate::model::fxhash::FxHashMap;
use crate::model::{
    Actor, Claim, Claimant, Dataset, DatePrecision, EventDate, EventType, IStr, Incident, Interner,
    SubEventType,
};

const CROWD_SIZES: [&str; 4] = [
    "crowd size=no report",
    "crowd size=around 100",
    "crowd size=several hundred",
    "crowd size=dozens",
];
/// Chance that an eligible army-vs-jihadist event carries disputed claims.
const DISPUTE_CHANCE: f64 = 0.135;

/// Generates `config.events` synthetic incidents between `config.start`
/// and `config.end` (inclusive), sorted by date, with ids `SMP00001`...
/// The same seed and towns always give the same incidents. Towns outside
/// the seven countries are ignored; without any usable town the built-in
/// list is used.
pub fn generate(config: &SampleConfig, towns: &[Town]) -> Vec<Incident> {
    if config.events == 0 || config.end < config.start {
        return Vec::new();
    }
    let (y0, y1) = (config.start.year(), config.end.year());
    let fallback;
    let (towns, tables) = match PlaceTables::new(towns, y0, y1) {
        Some(t) => (towns, t),
        None => {
            fallback = builtin_towns();
            let t = PlaceTables::new(&fallback, y0, y1).expect("built-in towns are usable");
            (&fallback[..], t)
        }
    };
    let dates = intensity::draw_dates(config);
    let mut g = Generator::new(config.seed, towns, &tables);
    dates
        .into_iter()
        .enumerate()
        .map(|(i, d)| g.event(i, d))
        .collect()
}

struct Generator<'a> {
    rng: Rng,
    towns: &'a [Town],
    tables: &'a PlaceTables,
    capital: Vec<usize>,
    names: Vec<Option<(IStr, Option<IStr>)>>,
    interner: Interner,
    countries: Vec<IStr>,
    event_types: Vec<IStr>,
    sub_types: Vec<IStr>,
    source_scales: Vec<(u32, IStr)>,
    interactions: FxHashMap<(u8, u8), IStr>,
    region: IStr,
    source: IStr,
    tag: IStr,
    coding: IStr,
    buf: String,
}

impl<'a> Generator<'a> {
    fn new(seed: u64, towns: &'a [Town], tables: &'a PlaceTables) -> Self {
        let mut interner = Interner::new();
        let names = towns
            .iter()
            .zip(&tables.country_of)
            .map(|(t, &c)| {
                (c != usize::MAX).then(|| {
                    let admin1 = t.admin1.trim();
                    let admin1 = (!admin1.is_empty()).then(|| interner.intern(admin1));
                    (interner.intern(t.name.trim()), admin1)
                })
            })
            .collect();
        let mut intern_all = |v: &mut dyn Iterator<Item = &str>| -> Vec<IStr> {
            v.map(|s| interner.intern(s)).collect()
        };
        let countries = intern_all(&mut COUNTRIES.iter().map(|c| c.name));
        let event_types = intern_all(&mut EventType::ALL.iter().map(|t| t.name()));
        let sub_types = intern_all(&mut SubEventType::ALL.iter().map(|t| t.name()));
        let source_scales = events::SOURCE_SCALES
            .iter()
            .map(|&(w, s)| (w, interner.intern(s)))
            .collect();
        Generator {
            rng: Rng::new(seed, 2),
            towns,
            tables,
            capital: placement::regional_capitals(towns, &tables.country_of),
            names,
            region: interner.intern(REGION),
            source: interner.intern(SYNTHETIC_SOURCE),
            tag: interner.intern(SAMPLE_TAG),
            coding: interner.intern(CODING_SOURCE),
            interner,
            countries,
            event_types,
            sub_types,
            source_scales,
            interactions: FxHashMap::default(),
            buf: String::with_capacity(512),
        }
    }

    fn actor(&mut self, s: &Side) -> Actor {
        Actor {
            name: self.interner.intern(s.name),
            kind: Some(s.kind),
            associated: s
                .assoc
                .map(|a| vec![self.interner.intern(a)])
                .unwrap_or_default(),
        }
    }

    fn event(&mut self, index: usize, date: NaiveDate) -> Incident {
        let rng = &mut self.rng;
        let t = events::pick_type(rng);
        let sub = events::pick_sub(t, rng);
        let demo = matches!(t, EventType::Protests | EventType::Riots);
        let town = match demo {
            true => self.tables.demonstrations().sample(rng),
            false => self.tables.violence(date.year()).sample(rng),
        };
        let ci = self.tables.country_of[town];
        let country = &COUNTRIES[ci];
        let placed = placement::place(&mut self.rng, self.towns, &self.capital, town, demo);
        let (lon, lat) = (placed.lon, placed.lat);
        let rng = &mut self.rng;
        let day = ymd(date.year() as u32, date.month(), date.day());
        let p = Place {
            lon,
            lat,
            country,
            date: day,
        };
        let (a1, a2) = events::sides(sub, &p, rng);
        let fatalities = events::fatalities(sub, rng);
        let precision = match rng.unit() {
            u if u < 0.85 => DatePrecision::Day,
            u if u < 0.95 => DatePrecision::Week,
            _ => DatePrecision::Month,
        };
        let dispute = claims::dispute(&a1, a2.as_ref(), fatalities, DISPUTE_CHANCE, rng);
        let (name, admin1) = self.names[placed.town]
            .clone()
            .expect("drawn towns are in the sample");
        let facts = NoteFacts {
            date,
            precision,
            sub,
            a1: &a1,
            a2: a2.as_ref(),
            location: &name,
            admin1: admin1.as_deref().unwrap_or(&name),
            place: placed.described,
            fatalities,
        };
        notes::write_notes(&mut self.buf, &facts, rng);
        let mut claims = Vec::with_capacity(1 + 2 * usize::from(dispute.is_some()));
        claims.push(Claim::new(
            Claimant::DatasetCoding,
            self.coding.clone(),
            Some(fatalities),
        ));
        if let Some(d) = &dispute {
            let gov = d.government.map(|n| (country.army_words, n));
            notes::append_dispute(&mut self.buf, fatalities, gov, d.armed_group);
            let extra = claims::dispute_claims(d, country, date, &mut self.interner, rng);
            claims.extend(extra);
        }

        let id = IStr::from(format!("{ID_PREFIX}{:05}", index + 1));
        let mut inc = Incident::new(
            id,
            Dataset::Acled,
            EventDate::day(date, precision),
            lon,
            lat,
        );
        inc.event_type = Some(t);
        inc.sub_event_type = Some(sub);
        inc.event_type_raw = Some(self.event_types[t as usize].clone());
        inc.sub_event_type_raw = Some(self.sub_types[sub as usize].clone());
        inc.disorder_type = Some(self.interner.intern(events::disorder_type(sub)));
        inc.interaction = Some(self.interaction(&a1, a2.as_ref()));
        inc.civilian_targeting = t == EventType::ViolenceAgainstCivilians
            || (t == EventType::ExplosionsRemoteViolence
                && a2.is_some_and(|s| s.kind == crate::model::ActorKind::Civilians));
        inc.actor1 = Some(self.actor(&a1));
        inc.actor2 = a2.map(|s| self.actor(&s));
        inc.iso = Some(country.iso);
        inc.country = Some(self.countries[ci].clone());
        inc.region = Some(self.region.clone());
        inc.admin1 = admin1;
        inc.location = Some(name);
        inc.geo_precision = placed.precision;
        inc.sources = vec![self.source.clone()];
        inc.source_scale = Some(self.rng.pick_weighted(&self.source_scales).clone());
        inc.notes = Some(Box::from(self.buf.as_str()));
        inc.tags = vec![self.tag.clone()];
        if demo {
            let size = *self.rng.pick(&CROWD_SIZES);
            inc.tags.push(self.interner.intern(size));
        }
        let epoch_day = i64::from(date.num_days_from_ce() - 719_163);
        let delay = i64::from(self.rng.range(2, 45));
        inc.timestamp = Some((epoch_day + delay) * 86_400 + i64::from(self.rng.range(0, 86_399)));
        inc.claims = claims;
        inc
    }

    fn interaction(&mut self, a: &Side, b: Option<&Side>) -> IStr {
        let key = (a.kind.code(), b.map_or(0, |b| b.kind.code()));
        if let Some(v) = self.interactions.get(&key) {
            return v.clone();
        }
        let v = self
            .interner
            .intern(&events::interaction(a.kind, b.map(|b| b.kind)));
        self.interactions.insert(key, v.clone());
        v
    }
}
