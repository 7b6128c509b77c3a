//! The in-memory incident store: all incidents, indexed by id, fed by
//! imports and merged file after file.

use super::claim::{Claim, Scenario};
use super::fxhash::FxHashMap;
use super::incident::{Dataset, Incident};
use super::istr::IStr;

/// What one `merge` did, for the import report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeStats {
    pub file: String,
    /// Incidents whose id was new to the store.
    pub added: usize,
    /// Ids already in the store that the incoming file replaced (its
    /// `timestamp` was newer, or equal).
    pub replaced: Vec<IStr>,
    /// Ids already in the store with a newer `timestamp`; the incoming copy
    /// was dropped.
    pub kept_existing: Vec<IStr>,
    /// User-added claims moved from a dropped copy onto the kept one.
    pub user_claims_carried: usize,
}

impl MergeStats {
    /// "file.csv: 120 new, 3 replaced (MLI1, MLI2, MLI3), 1 older copy ignored".
    pub fn summary(&self) -> String {
        let mut s = format!("{}: {} new", self.file, self.added);
        if !self.replaced.is_empty() {
            let ids: Vec<&str> = self.replaced.iter().take(10).map(|i| i.as_str()).collect();
            let more = if self.replaced.len() > 10 {
                ", ..."
            } else {
                ""
            };
            s += &format!(
                ", {} replaced ({}{more})",
                self.replaced.len(),
                ids.join(", ")
            );
        }
        if !self.kept_existing.is_empty() {
            s += &format!(
                ", {} older cop{} ignored",
                self.kept_existing.len(),
                if self.kept_existing.len() == 1 {
                    "y"
                } else {
                    "ies"
                }
            );
        }
        s
    }
}

/// Sums per dataset. There is deliberately no grand total: ACLED and UCDP
/// count the same deaths in different ways and are never added together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DatasetTotals {
    pub acled: u64,
    pub ucdp: u64,
    pub user: u64,
    pub other: u64,
}

impl DatasetTotals {
    pub fn get(&self, d: Dataset) -> u64 {
        match d {
            Dataset::Acled => self.acled,
            Dataset::Ucdp => self.ucdp,
            Dataset::User => self.user,
            Dataset::Other => self.other,
        }
    }

    pub fn add(&mut self, d: Dataset, v: u64) {
        let slot = self.slot(d);
        *slot = slot.saturating_add(v);
    }

    fn slot(&mut self, d: Dataset) -> &mut u64 {
        match d {
            Dataset::Acled => &mut self.acled,
            Dataset::Ucdp => &mut self.ucdp,
            Dataset::User => &mut self.user,
            Dataset::Other => &mut self.other,
        }
    }
}

#[derive(Debug, Default, Clone)]
pub struct IncidentStore {
    incidents: Vec<Incident>,
    index: FxHashMap<IStr, usize>,
}

/// Moves the user-added claims of `from` that `to` lacks onto `to`.
fn carry_user_claims(from: &Incident, to: &mut Incident) -> usize {
    let mut n = 0;
    for c in from.claims.iter().filter(|c| c.user_added) {
        if !to.claims.contains(c) {
            to.claims.push(c.clone());
            n += 1;
        }
    }
    n
}

impl IncidentStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.incidents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.incidents.is_empty()
    }

    pub fn incidents(&self) -> &[Incident] {
        &self.incidents
    }

    /// The incidents, in store order, without copying them.
    pub fn into_incidents(self) -> Vec<Incident> {
        self.incidents
    }

    pub fn get(&self, id: &str) -> Option<&Incident> {
        self.index.get(id).map(|&i| &self.incidents[i])
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Adds incidents from one file. The same id already present: the copy
    /// with the newer `timestamp` wins (a missing timestamp counts as
    /// oldest); on a tie the incoming (later) file wins. User-added claims
    /// of the losing copy are carried onto the winner, never lost.
    pub fn merge(&mut self, incoming: Vec<Incident>, file_label: &str) -> MergeStats {
        let mut stats = MergeStats {
            file: file_label.to_string(),
            ..MergeStats::default()
        };
        self.incidents.reserve(incoming.len());
        for mut inc in incoming {
            let Some(&pos) = self.index.get(inc.id.as_str()) else {
                self.index.insert(inc.id.clone(), self.incidents.len());
                self.incidents.push(inc);
                stats.added += 1;
                continue;
            };
            let old = &mut self.incidents[pos];
            let old_ts = old.timestamp.unwrap_or(i64::MIN);
            let new_ts = inc.timestamp.unwrap_or(i64::MIN);
            if new_ts >= old_ts {
                stats.user_claims_carried += carry_user_claims(old, &mut inc);
                stats.replaced.push(inc.id.clone());
                *old = inc;
            } else {
                stats.user_claims_carried += carry_user_claims(&inc, old);
                stats.kept_existing.push(inc.id.clone());
            }
        }
        stats
    }

    /// Adds a claim entered by the user (marked `user_added`). False when
    /// the id is unknown.
    pub fn add_user_claim(&mut self, id: &str, mut claim: Claim) -> bool {
        let Some(&pos) = self.index.get(id) else {
            return false;
        };
        claim.user_added = true;
        self.incidents[pos].claims.push(claim);
        true
    }

    /// Per-dataset fatality sums under a scenario.
    pub fn fatalities_by_dataset(&self, scenario: Scenario) -> DatasetTotals {
        let mut t = DatasetTotals::default();
        for i in &self.incidents {
            *t.slot(i.dataset) += u64::from(i.fatalities(scenario).unwrap_or(0));
        }
        t
    }

    /// Per-dataset incident counts.
    pub fn counts_by_dataset(&self) -> DatasetTotals {
        let mut t = DatasetTotals::default();
        for i in &self.incidents {
            *t.slot(i.dataset) += 1;
        }
        t
    }

    pub fn clear(&mut self) {
        self.incidents.clear();
        self.index.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claimant, DatePrecision, EventDate};
    use chrono::NaiveDate;

    fn inc(id: &str, ts: Option<i64>, best: u32, ds: Dataset) -> Incident {
        let d = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let mut i = Incident::new(
            id.into(),
            ds,
            EventDate::day(d, DatePrecision::Day),
            -8.0,
            12.6,
        );
        i.timestamp = ts;
        i.claims
            .push(Claim::new(Claimant::DatasetCoding, "ACLED", Some(best)));
        i
    }

    #[test]
    fn newer_timestamp_wins_and_ties_go_to_later_file() {
        let mut s = IncidentStore::new();
        let st = s.merge(
            vec![
                inc("A", Some(10), 1, Dataset::Acled),
                inc("B", Some(10), 1, Dataset::Acled),
            ],
            "one.csv",
        );
        assert_eq!(st.added, 2);
        let st = s.merge(
            vec![
                inc("A", Some(20), 2, Dataset::Acled),
                inc("B", Some(5), 3, Dataset::Acled),
                inc("C", None, 4, Dataset::Acled),
            ],
            "two.csv",
        );
        assert_eq!(st.added, 1);
        assert_eq!(st.replaced, vec![IStr::from("A")]);
        assert_eq!(st.kept_existing, vec![IStr::from("B")]);
        assert_eq!(s.get("A").unwrap().coded_fatalities(), Some(2));
        assert_eq!(s.get("B").unwrap().coded_fatalities(), Some(1));
        let st = s.merge(vec![inc("A", Some(20), 9, Dataset::Acled)], "three.csv");
        assert_eq!(st.replaced.len(), 1, "tie: later file wins");
        assert_eq!(s.get("A").unwrap().coded_fatalities(), Some(9));
        assert!(st.summary().contains("1 replaced (A)"));
    }

    #[test]
    fn user_claims_survive_a_refresh() {
        let mut s = IncidentStore::new();
        s.merge(vec![inc("A", Some(1), 1, Dataset::Acled)], "a");
        assert!(s.add_user_claim("A", Claim::new(Claimant::Media, "resident", Some(7))));
        assert!(!s.add_user_claim("Z", Claim::new(Claimant::Media, "x", None)));
        let st = s.merge(vec![inc("A", Some(2), 3, Dataset::Acled)], "b");
        assert_eq!(st.user_claims_carried, 1);
        let a = s.get("A").unwrap();
        assert_eq!(a.claims.len(), 2);
        assert_eq!(a.fatalities(Scenario::High), Some(7));
    }

    #[test]
    fn totals_per_dataset_never_mixed() {
        let mut s = IncidentStore::new();
        s.merge(
            vec![
                inc("A", None, 5, Dataset::Acled),
                inc("ucdp:1", None, 7, Dataset::Ucdp),
            ],
            "x",
        );
        let t = s.fatalities_by_dataset(Scenario::Best);
        assert_eq!((t.acled, t.ucdp), (5, 7));
        assert_eq!(s.counts_by_dataset().get(Dataset::Ucdp), 1);
    }
}
