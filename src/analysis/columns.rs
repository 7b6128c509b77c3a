//! A columnar copy of the fields filters and layers read, built once per store change.
//!
//! Filtering a million incidents touches a few flat vectors instead of 440-byte structs,
//! which is what keeps a re-filter under 20 ms.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::analysis::armed_groups::{group_key, is_jihadist_actor};
use crate::model::{ActorKind, GeoPrecision, IStr, Incident, Scenario};

/// `flags[id] |= value`, growing `flags` as needed.
fn set_flag(flags: &mut Vec<bool>, id: u32, value: bool) {
    let id = id as usize;
    if flags.len() <= id {
        flags.resize(id + 1, false);
    }
    flags[id] |= value;
}

/// No value (type, fatalities, ...).
pub const NONE_U8: u8 = u8::MAX;
pub const NONE_U32: u32 = u32::MAX;

/// Distinct strings of one column, with ids.
#[derive(Debug, Default, Clone)]
pub struct Dictionary {
    pub values: Vec<IStr>,
    index: HashMap<IStr, u32>,
}

impl Dictionary {
    fn id(&mut self, s: &IStr) -> u32 {
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        let id = self.values.len() as u32;
        self.values.push(s.clone());
        self.index.insert(s.clone(), id);
        id
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }
}

#[derive(Debug, Default, Clone)]
pub struct IncidentColumns {
    /// Days since 0001-01-01 (chrono's "days from CE").
    pub day_start: Vec<i32>,
    pub day_end: Vec<i32>,
    pub event_type: Vec<u8>,
    pub sub_event_type: Vec<u8>,
    pub civilian: Vec<bool>,
    /// Fatalities under Low, Best, High (NONE_U32 when no claim has a number).
    pub fatalities: [Vec<u32>; 3],
    pub dataset: Vec<u8>,
    pub country: Vec<u32>,
    /// Admin-1 id (of the "country / admin1" pair).
    pub admin1: Vec<u32>,
    /// Actor ids of each incident (actor1, actor2 and their associates), CSR layout.
    pub actor_offsets: Vec<u32>,
    pub actor_ids: Vec<u32>,
    pub lon: Vec<f64>,
    pub lat: Vec<f64>,
    /// Located only to a district, region or wider (see [`is_coarse`]).
    pub coarse: Vec<bool>,
    pub countries: Dictionary,
    pub admin1s: Dictionary,
    pub actors: Dictionary,
    /// By actor id: a non-state armed group (ACLED inter code 2, 3 or 4 on some row: rebel
    /// group, political or identity militia; or a jihadist group's name).
    pub actor_non_state: Vec<bool>,
    /// Named organised non-state groups, by canonical name ([`crate::analysis::armed_groups`]:
    /// sub-units under their parent; unidentified and "and/or" labels are no group).
    pub groups: Dictionary,
    /// Group ids of each incident (distinct, from its non-state actors and associates), CSR.
    pub group_offsets: Vec<u32>,
    pub group_ids: Vec<u32>,
    /// One `true` per group (the risk score's "non-state" flags for group ids).
    pub group_flags: Vec<bool>,
    pub date_min: Option<NaiveDate>,
    pub date_max: Option<NaiveDate>,
    /// Events per dataset (indexed by `Dataset as usize`).
    pub dataset_counts: [u64; 4],
}

/// Located only to a district, a region or wider: ACLED precision 3, UCDP where_prec 3 and up.
/// ACLED's precision 2 ("near a town") is close enough to draw as a point.
pub fn is_coarse(p: GeoPrecision) -> bool {
    matches!(
        p,
        GeoPrecision::District
            | GeoPrecision::Region
            | GeoPrecision::Area
            | GeoPrecision::Country
            | GeoPrecision::WaterOrAirspace
    )
}

pub fn scenario_index(s: Scenario) -> usize {
    match s {
        Scenario::Low => 0,
        Scenario::Best => 1,
        Scenario::High => 2,
    }
}

pub fn day_number(d: NaiveDate) -> i32 {
    chrono::Datelike::num_days_from_ce(&d)
}

pub fn date_from_day(n: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(NaiveDate::MIN)
}

impl IncidentColumns {
    pub fn new(incidents: &[Incident]) -> Self {
        let n = incidents.len();
        let mut c = IncidentColumns {
            day_start: Vec::with_capacity(n),
            day_end: Vec::with_capacity(n),
            event_type: Vec::with_capacity(n),
            sub_event_type: Vec::with_capacity(n),
            civilian: Vec::with_capacity(n),
            fatalities: [
                Vec::with_capacity(n),
                Vec::with_capacity(n),
                Vec::with_capacity(n),
            ],
            dataset: Vec::with_capacity(n),
            country: Vec::with_capacity(n),
            admin1: Vec::with_capacity(n),
            actor_offsets: Vec::with_capacity(n + 1),
            actor_ids: Vec::with_capacity(n * 2),
            lon: Vec::with_capacity(n),
            lat: Vec::with_capacity(n),
            coarse: Vec::with_capacity(n),
            ..Default::default()
        };
        let empty = IStr::new("");
        c.actor_offsets.push(0);
        for i in incidents {
            c.day_start.push(day_number(i.date.start));
            c.day_end.push(day_number(i.date.end));
            c.event_type.push(i.event_type.map_or(NONE_U8, |t| t as u8));
            c.sub_event_type
                .push(i.sub_event_type.map_or(NONE_U8, |t| t as u8));
            c.civilian.push(i.civilian_targeting);
            for s in [Scenario::Low, Scenario::Best, Scenario::High] {
                c.fatalities[scenario_index(s)].push(i.fatalities(s).unwrap_or(NONE_U32));
            }
            c.dataset.push(i.dataset as u8);
            c.dataset_counts[i.dataset as usize] += 1;
            let country = i.country.as_ref().unwrap_or(&empty);
            c.country.push(c.countries.id(country));
            let admin = IStr::new(&format!(
                "{} / {}",
                country,
                i.admin1.as_deref().unwrap_or("")
            ));
            c.admin1.push(c.admin1s.id(&admin));
            for a in [&i.actor1, &i.actor2].into_iter().flatten() {
                let id = c.actors.id(&a.name);
                c.actor_ids.push(id);
                let armed = matches!(
                    a.kind,
                    Some(
                        ActorKind::RebelGroup
                            | ActorKind::PoliticalMilitia
                            | ActorKind::IdentityMilitia
                    )
                );
                set_flag(&mut c.actor_non_state, id, armed);
                for assoc in &a.associated {
                    let id = c.actors.id(assoc);
                    c.actor_ids.push(id);
                }
            }
            c.actor_offsets.push(c.actor_ids.len() as u32);
            c.lon.push(i.lon);
            c.lat.push(i.lat);
            c.coarse.push(is_coarse(i.geo_precision));
            c.date_min = Some(c.date_min.map_or(i.date.start, |d| d.min(i.date.start)));
            c.date_max = Some(c.date_max.map_or(i.date.end, |d| d.max(i.date.end)));
        }
        // Jihadist groups are non-state armed groups whatever the row's code says (and
        // associated actors have no code): one name check per distinct actor.
        c.actor_non_state.resize(c.actors.values.len(), false);
        for (flag, name) in c.actor_non_state.iter_mut().zip(&c.actors.values) {
            *flag |= is_jihadist_actor(name);
        }
        c.fill_groups();
        c
    }

    /// The group CSR from the actor CSR: per distinct actor one name lookup.
    fn fill_groups(&mut self) {
        let group_of: Vec<Option<u32>> = (0..self.actors.values.len())
            .map(|a| {
                let name = self.actors.values[a].clone();
                if !self.actor_non_state[a] {
                    return None;
                }
                group_key(&name).map(|g| self.groups.id(&IStr::new(&g)))
            })
            .collect();
        self.group_offsets = Vec::with_capacity(self.len() + 1);
        self.group_offsets.push(0);
        for i in 0..self.len() {
            let start = self.group_ids.len();
            let (a, b) = (
                self.actor_offsets[i] as usize,
                self.actor_offsets[i + 1] as usize,
            );
            for k in a..b {
                if let Some(g) = group_of[self.actor_ids[k] as usize]
                    && !self.group_ids[start..].contains(&g)
                {
                    self.group_ids.push(g);
                }
            }
            self.group_offsets.push(self.group_ids.len() as u32);
        }
        self.group_flags = vec![true; self.groups.values.len()];
    }

    pub fn len(&self) -> usize {
        self.day_start.len()
    }

    pub fn is_empty(&self) -> bool {
        self.day_start.is_empty()
    }

    pub fn actors_of(&self, i: usize) -> &[u32] {
        &self.actor_ids[self.actor_offsets[i] as usize..self.actor_offsets[i + 1] as usize]
    }
}
