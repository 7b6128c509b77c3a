//! One conflict incident, from whichever dataset it came.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::claim::{Claim, Claimant, Scenario};
use super::istr::{IStr, Interner};
use super::precision::{DatePrecision, GeoPrecision};
use super::taxonomy::{ActorKind, EventType, SubEventType};

/// Where an incident comes from. ACLED and UCDP figures are never added up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dataset {
    Acled,
    Ucdp,
    /// Entered by the user in the app.
    User,
    Other,
}

impl Dataset {
    pub fn name(self) -> &'static str {
        match self {
            Self::Acled => "ACLED",
            Self::Ucdp => "UCDP GED",
            Self::User => "user",
            Self::Other => "other",
        }
    }
}

/// The date of an incident: a single day (`start == end`) or a span (UCDP
/// `date_start`/`date_end`), with how precisely it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventDate {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: DatePrecision,
}

impl EventDate {
    pub fn day(d: NaiveDate, precision: DatePrecision) -> Self {
        EventDate {
            start: d,
            end: d,
            precision,
        }
    }

    pub fn is_span(&self) -> bool {
        self.end != self.start
    }
}

/// One side of an incident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub name: IStr,
    /// From ACLED `inter1`/`inter2` (code or label); `None` when absent or 0.
    pub kind: Option<ActorKind>,
    /// ACLED `assoc_actor_*` / legacy `ALLY_ACTOR_*`, split on "; ".
    #[serde(default)]
    pub associated: Vec<IStr>,
}

/// UCDP GED columns with no ACLED counterpart, kept for the details panel.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UcdpExtra {
    pub relid: Option<IStr>,
    pub conflict_name: Option<IStr>,
    pub dyad_name: Option<IStr>,
    pub where_description: Option<String>,
    pub source_office: Option<String>,
    pub source_date: Option<String>,
    pub source_original: Option<String>,
    pub number_of_sources: Option<u32>,
    pub event_clarity: Option<u8>,
    pub deaths_a: Option<u32>,
    pub deaths_b: Option<u32>,
    pub deaths_civilians: Option<u32>,
    pub deaths_unknown: Option<u32>,
}

/// A conflict incident. Repeated strings are shared `IStr`s.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// ACLED `event_id_cnty` (e.g. "MLI12345", "BFO987"), `ucdp:<id>`, or a
    /// generated `<file name>:<line>` for files without ids.
    pub id: IStr,
    pub dataset: Dataset,
    pub date: EventDate,
    pub event_type: Option<EventType>,
    pub sub_event_type: Option<SubEventType>,
    /// The type as written in the file ("Battle-No change of territory").
    pub event_type_raw: Option<IStr>,
    pub sub_event_type_raw: Option<IStr>,
    /// UCDP `type_of_violence` as given (1, 2, 3).
    pub ucdp_violence: Option<u8>,
    /// ACLED `disorder_type`, possibly compound ("Political violence; Demonstrations").
    pub disorder_type: Option<IStr>,
    pub actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    /// ACLED `interaction` as given: a code ("27") or text ("State forces-Rioters").
    pub interaction: Option<IStr>,
    #[serde(default)]
    pub civilian_targeting: bool,
    /// ACLED numeric ISO 3166 code (466 = Mali).
    pub iso: Option<u16>,
    pub country: Option<IStr>,
    pub region: Option<IStr>,
    pub admin1: Option<IStr>,
    pub admin2: Option<IStr>,
    pub admin3: Option<IStr>,
    pub location: Option<IStr>,
    #[serde(with = "super::coord_serde")]
    pub lon: f64,
    #[serde(with = "super::coord_serde")]
    pub lat: f64,
    pub geo_precision: GeoPrecision,
    #[serde(default)]
    pub sources: Vec<IStr>,
    pub source_scale: Option<IStr>,
    pub notes: Option<Box<str>>,
    #[serde(default)]
    pub tags: Vec<IStr>,
    /// Unix seconds of the dataset's last edit (ACLED `timestamp`).
    pub timestamp: Option<i64>,
    /// Every claim about the death toll, side by side, never merged.
    #[serde(default)]
    pub claims: Vec<Claim>,
    pub ucdp: Option<Box<UcdpExtra>>,
}

impl Incident {
    /// A minimal incident; importers and tests fill in the rest.
    pub fn new(id: IStr, dataset: Dataset, date: EventDate, lon: f64, lat: f64) -> Self {
        Incident {
            id,
            dataset,
            date,
            event_type: None,
            sub_event_type: None,
            event_type_raw: None,
            sub_event_type_raw: None,
            ucdp_violence: None,
            disorder_type: None,
            actor1: None,
            actor2: None,
            interaction: None,
            civilian_targeting: false,
            iso: None,
            country: None,
            region: None,
            admin1: None,
            admin2: None,
            admin3: None,
            location: None,
            lon,
            lat,
            geo_precision: GeoPrecision::Unknown,
            sources: Vec::new(),
            source_scale: None,
            notes: None,
            tags: Vec::new(),
            timestamp: None,
            claims: Vec::new(),
            ucdp: None,
        }
    }

    /// The dataset's own claim (ACLED's coded figure, UCDP best/low/high).
    pub fn coded_claim(&self) -> Option<&Claim> {
        self.claims
            .iter()
            .find(|c| c.claimant == Claimant::DatasetCoding && !c.user_added)
    }

    /// The dataset's own figure: ACLED `fatalities`, UCDP `best`.
    pub fn coded_fatalities(&self) -> Option<u32> {
        self.coded_claim().and_then(|c| c.best)
    }

    /// Death toll under a scenario:
    ///
    /// * `Best`: the dataset coding's best figure (ACLED `fatalities`, UCDP
    ///   `best`). An incident without a dataset coding (entered by the user)
    ///   uses the best figure of its first claim that has one.
    /// * `Low`: the minimum over every number of every claim (low, best and
    ///   high alike, whatever the field order).
    /// * `High`: the maximum over every number of every claim.
    ///
    /// So Low..High is the full range across all claims, and Best stays the
    /// dataset's figure. `None` when no claim carries a number.
    pub fn fatalities(&self, scenario: Scenario) -> Option<u32> {
        let all = || self.claims.iter().flat_map(Claim::values);
        match scenario {
            Scenario::Best => match self.coded_claim() {
                Some(c) => c.best,
                None => self.claims.iter().find_map(|c| c.best),
            },
            Scenario::Low => all().min(),
            Scenario::High => all().max(),
        }
    }

    /// The parts of a compound `disorder_type`.
    pub fn disorder_types(&self) -> impl Iterator<Item = &str> {
        self.disorder_type
            .as_deref()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// Claims beyond the dataset coding (extracted from notes or user-added).
    pub fn other_claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims
            .iter()
            .filter(|c| c.claimant != Claimant::DatasetCoding || c.user_added)
    }

    /// Re-points every shared string at `interner`'s copy (after loading a
    /// saved file, where each value arrives as its own allocation).
    pub fn intern_with(&mut self, interner: &mut Interner) {
        let opts = [
            &mut self.event_type_raw,
            &mut self.sub_event_type_raw,
            &mut self.disorder_type,
            &mut self.interaction,
            &mut self.country,
            &mut self.region,
            &mut self.admin1,
            &mut self.admin2,
            &mut self.admin3,
            &mut self.location,
            &mut self.source_scale,
        ];
        for v in opts.into_iter().flatten() {
            interner.reintern(v);
        }
        for a in [&mut self.actor1, &mut self.actor2].into_iter().flatten() {
            interner.reintern(&mut a.name);
            a.associated.iter_mut().for_each(|v| interner.reintern(v));
        }
        self.sources.iter_mut().for_each(|v| interner.reintern(v));
        self.tags.iter_mut().for_each(|v| interner.reintern(v));
        self.claims
            .iter_mut()
            .for_each(|c| interner.reintern(&mut c.source));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Incident {
        let d = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let mut i = Incident::new(
            "MLI1".into(),
            Dataset::Acled,
            EventDate::day(d, DatePrecision::Day),
            -11.44393,
            14.44776,
        );
        i.claims
            .push(Claim::new(Claimant::DatasetCoding, "ACLED", Some(12)));
        let mut gov = Claim::new(Claimant::Government, "FAMa", None);
        gov.low = Some(80);
        i.claims.push(gov);
        i.claims
            .push(Claim::new(Claimant::ArmedGroup, "JNIM", None));
        i
    }

    #[test]
    fn scenarios() {
        let i = sample();
        assert_eq!(i.fatalities(Scenario::Best), Some(12));
        assert_eq!(i.fatalities(Scenario::Low), Some(12));
        assert_eq!(i.fatalities(Scenario::High), Some(80));
        assert_eq!(i.other_claims().count(), 2);
        let mut bare = sample();
        bare.claims.clear();
        assert_eq!(bare.fatalities(Scenario::High), None);
        let mut user = sample();
        user.claims.remove(0);
        user.claims
            .push(Claim::new(Claimant::Media, "resident", Some(5)));
        assert_eq!(user.fatalities(Scenario::Best), Some(5));
        assert_eq!(user.fatalities(Scenario::Low), Some(5));
    }

    #[test]
    fn compound_disorder() {
        let mut i = sample();
        i.disorder_type = Some("Political violence; Demonstrations".into());
        let v: Vec<_> = i.disorder_types().collect();
        assert_eq!(v, ["Political violence", "Demonstrations"]);
    }
}
