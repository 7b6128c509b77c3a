//! Which incidents the user is looking at: dates, types, actors, places, civilians, fatalities.

use chrono::NaiveDate;
use rayon::prelude::*;

use super::columns::{IncidentColumns, NONE_U8, NONE_U32, day_number, scenario_index};
use super::event_set::main_dataset;
use crate::model::{Dataset, EventType, Scenario, SubEventType};

/// A filter over incidents. Empty lists and full masks mean "no restriction".
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// Inclusive; an event whose date span overlaps the window is kept.
    pub date_from: Option<NaiveDate>,
    pub date_to: Option<NaiveDate>,
    /// Bit i set: keep `EventType::ALL[i]`. Events without a type are kept only when all bits are set.
    pub event_types: u8,
    /// Bit i set: keep `SubEventType::ALL[i]`.
    pub sub_event_types: u32,
    /// Keep events naming any of these actors (as actor or associate).
    pub actors: Vec<String>,
    pub countries: Vec<String>,
    /// "Country / Admin1" pairs.
    pub admin1: Vec<String>,
    pub civilian_only: bool,
    /// Under `scenario`; events with no figure count as 0.
    pub min_fatalities: u32,
    pub scenario: Scenario,
    /// The one dataset shown and counted (ACLED and UCDP are never added); `None`: the loaded
    /// dataset with the most events ([`crate::analysis::event_set::main_dataset`]).
    pub dataset: Option<Dataset>,
}

pub const ALL_EVENT_TYPES: u8 = (1 << EventType::ALL.len()) - 1;
pub const ALL_SUB_EVENT_TYPES: u32 = (1 << SubEventType::ALL.len()) - 1;

impl Default for Filter {
    fn default() -> Self {
        Filter {
            date_from: None,
            date_to: None,
            event_types: ALL_EVENT_TYPES,
            sub_event_types: ALL_SUB_EVENT_TYPES,
            actors: Vec::new(),
            countries: Vec::new(),
            admin1: Vec::new(),
            civilian_only: false,
            min_fatalities: 0,
            scenario: Scenario::Best,
            dataset: None,
        }
    }
}

/// The incidents that pass, and their totals (per dataset: ACLED and UCDP are never added).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterResult {
    pub indices: Vec<u32>,
    /// Fatalities under the filter's scenario, indexed by `Dataset as usize`.
    pub fatalities_by_dataset: [u64; 4],
    pub events_by_dataset: [u64; 4],
    /// The dataset the result holds (`None` when nothing is loaded).
    pub dataset: Option<Dataset>,
}

fn ids(values: &[String], lookup: impl Fn(&str) -> Option<u32>) -> Option<Vec<u32>> {
    if values.is_empty() {
        return None;
    }
    let mut v: Vec<u32> = values.iter().filter_map(|s| lookup(s)).collect();
    v.sort_unstable();
    Some(v)
}

impl Filter {
    pub fn is_default(&self) -> bool {
        *self
            == Filter {
                scenario: self.scenario,
                ..Filter::default()
            }
    }

    /// Apply to every incident; parallel over chunks, result in store order.
    pub fn apply(&self, c: &IncidentColumns) -> FilterResult {
        let from = self.date_from.map_or(i32::MIN, day_number);
        let to = self.date_to.map_or(i32::MAX, day_number);
        let countries = ids(&self.countries, |s| c.countries.get(s));
        let admin1 = ids(&self.admin1, |s| c.admin1s.get(s));
        let actors = ids(&self.actors, |s| c.actors.get(s));
        let all_types = self.event_types == ALL_EVENT_TYPES;
        let all_subtypes = self.sub_event_types == ALL_SUB_EVENT_TYPES;
        let fat = &c.fatalities[scenario_index(self.scenario)];
        let dataset = self.dataset.or_else(|| main_dataset(c.dataset_counts));
        let dataset_code = dataset.map_or(u8::MAX, |d| d as u8);
        let keep = |i: usize| -> bool {
            if c.dataset[i] != dataset_code {
                return false;
            }
            if c.day_end[i] < from || c.day_start[i] > to {
                return false;
            }
            if !all_types {
                let t = c.event_type[i];
                if t == NONE_U8 || self.event_types & (1 << t) == 0 {
                    return false;
                }
            }
            if !all_subtypes {
                let t = c.sub_event_type[i];
                if t == NONE_U8 || self.sub_event_types & (1 << t) == 0 {
                    return false;
                }
            }
            if self.civilian_only && !c.civilian[i] {
                return false;
            }
            if self.min_fatalities > 0 {
                let f = fat[i];
                if f == NONE_U32 || f < self.min_fatalities {
                    return false;
                }
            }
            if let Some(set) = &countries
                && set.binary_search(&c.country[i]).is_err()
            {
                return false;
            }
            if let Some(set) = &admin1
                && set.binary_search(&c.admin1[i]).is_err()
            {
                return false;
            }
            if let Some(set) = &actors
                && !c.actors_of(i).iter().any(|a| set.binary_search(a).is_ok())
            {
                return false;
            }
            true
        };
        const CHUNK: usize = 64 * 1024;
        let parts: Vec<FilterResult> = (0..c.len().div_ceil(CHUNK))
            .into_par_iter()
            .map(|chunk| {
                let mut r = FilterResult::default();
                let start = chunk * CHUNK;
                let end = (start + CHUNK).min(c.len());
                for (i, &f) in fat.iter().enumerate().take(end).skip(start) {
                    if keep(i) {
                        r.indices.push(i as u32);
                        let d = c.dataset[i] as usize;
                        r.events_by_dataset[d] += 1;
                        if f != NONE_U32 {
                            r.fatalities_by_dataset[d] += f as u64;
                        }
                    }
                }
                r
            })
            .collect();
        let mut out = FilterResult {
            indices: Vec::with_capacity(parts.iter().map(|p| p.indices.len()).sum()),
            dataset,
            ..Default::default()
        };
        for p in parts {
            out.indices.extend_from_slice(&p.indices);
            for d in 0..4 {
                out.events_by_dataset[d] += p.events_by_dataset[d];
                out.fatalities_by_dataset[d] += p.fatalities_by_dataset[d];
            }
        }
        out
    }
}
