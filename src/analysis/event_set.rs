//! Which incidents an analysis counts: one dataset at a time, and (for risk, border bands and
//! frontier) political violence only.
//!
//! ACLED and UCDP GED code the same fights in different ways (UCDP keeps only events with at
//! least one death, ACLED codes every event; a day's attack can be one UCDP event and three ACLED
//! events). Summed, the same attack is counted twice. So every analysis (risk, clusters, coast,
//! trend, totals) runs over one dataset, chosen by the user or, by default, the loaded dataset
//! with the most events, and says which.
//!
//! Political violence is what ACLED's Conflict Index counts: Battles, Explosions/Remote violence
//! and Violence against civilians (UCDP's state-based, non-state and one-sided violence map onto
//! these when imported). Demonstrations (Protests, Riots) are a different phenomenon and count
//! only when asked for; Strategic developments never count.

use serde::{Deserialize, Serialize};

use super::columns::IncidentColumns;
use crate::model::{Dataset, EventType};

/// Every dataset, in the order used to break ties (the first wins).
pub const DATASETS: [Dataset; 4] = [Dataset::Acled, Dataset::Ucdp, Dataset::User, Dataset::Other];

/// Which event types an analysis counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum EventTypes {
    /// Battles, Explosions/Remote violence, Violence against civilians (the default).
    #[default]
    PoliticalViolence,
    /// Political violence plus Protests and Riots.
    WithDemonstrations,
    /// Every event, typed or not (the map's clusters).
    All,
}

impl EventTypes {
    /// Whether an event of this type (column value; untyped events, `NONE_U8`, count only for
    /// [`EventTypes::All`]) counts.
    pub fn counts(self, event_type: u8) -> bool {
        if self == EventTypes::All {
            return true;
        }
        let Some(t) = EventType::ALL.get(usize::from(event_type)) else {
            return false;
        };
        match t {
            EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians => true,
            EventType::Protests | EventType::Riots => self == EventTypes::WithDemonstrations,
            EventType::StrategicDevelopments => false,
        }
    }

    /// For legends: "political violence" or "political violence and demonstrations".
    pub fn label(self) -> &'static str {
        match self {
            EventTypes::PoliticalViolence => "political violence",
            EventTypes::WithDemonstrations => "political violence and demonstrations",
            EventTypes::All => "all events",
        }
    }
}

/// The loaded dataset with the most events (ties: [`DATASETS`] order); `None` when empty.
pub fn main_dataset(counts: [u64; 4]) -> Option<Dataset> {
    DATASETS
        .into_iter()
        .filter(|&d| counts[d as usize] > 0)
        .fold(None, |best: Option<Dataset>, d| match best {
            Some(b) if counts[b as usize] >= counts[d as usize] => Some(b),
            _ => Some(d),
        })
}

/// The chosen subset and what was left out, for the legend and the command line's note.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// Store indices counted, ascending.
    pub indices: Vec<u32>,
    /// The dataset counted (`None` when there are no events).
    pub dataset: Option<Dataset>,
    /// Candidates of other datasets left out, per dataset.
    pub other_datasets: [u64; 4],
    /// Candidates of the dataset left out by their event type.
    pub other_types: u64,
}

impl Selection {
    /// Whether any candidate of another dataset was left out.
    pub fn mixed(&self) -> bool {
        self.other_datasets.iter().any(|&n| n > 0)
    }

    /// "ACLED: 1,204 political violence events (UCDP GED 310 events left out; 88 of other types)".
    pub fn describe(&self, types: EventTypes) -> String {
        let Some(d) = self.dataset else {
            return "no events".into();
        };
        let mut s = format!(
            "{}: {} {} events",
            d.name(),
            self.indices.len(),
            types.label()
        );
        let others: Vec<String> = DATASETS
            .into_iter()
            .filter(|&o| self.other_datasets[o as usize] > 0)
            .map(|o| format!("{} {} events", o.name(), self.other_datasets[o as usize]))
            .collect();
        let mut notes = Vec::new();
        if !others.is_empty() {
            notes.push(format!("{} left out, never added", others.join(", ")));
        }
        if self.other_types > 0 {
            notes.push(format!("{} of other types", self.other_types));
        }
        if !notes.is_empty() {
            s += &format!(" ({})", notes.join("; "));
        }
        s
    }
}

/// The events among `candidates` (store indices; `None` = every event) of `dataset` (`None` =
/// [`main_dataset`] of the candidates) whose type `types` counts.
pub fn select(
    columns: &IncidentColumns,
    candidates: Option<&[u32]>,
    dataset: Option<Dataset>,
    types: EventTypes,
) -> Selection {
    let all: Vec<u32>;
    let candidates = match candidates {
        Some(c) => c,
        None => {
            all = (0..columns.len() as u32).collect();
            &all
        }
    };
    let mut per = [0u64; 4];
    for &i in candidates {
        per[usize::from(columns.dataset[i as usize]).min(3)] += 1;
    }
    let chosen = dataset.or_else(|| main_dataset(per));
    let mut out = Selection {
        dataset: chosen,
        ..Selection::default()
    };
    let Some(chosen) = chosen else {
        return out;
    };
    for &i in candidates {
        let d = usize::from(columns.dataset[i as usize]).min(3);
        if d != chosen as usize {
            out.other_datasets[d] += 1;
        } else if types.counts(columns.event_type[i as usize]) {
            out.indices.push(i);
        } else {
            out.other_types += 1;
        }
    }
    out.indices.sort_unstable();
    out
}

/// Parses `acled` or `ucdp` (the command line's `--dataset`).
pub fn parse_dataset(s: &str) -> Result<Dataset, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "acled" => Ok(Dataset::Acled),
        "ucdp" | "ucdp-ged" | "ged" => Ok(Dataset::Ucdp),
        other => Err(format!("\"{other}\" is not acled or ucdp")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DatePrecision, EventDate, IStr, Incident};
    use chrono::NaiveDate;

    fn inc(id: &str, d: Dataset, t: Option<EventType>) -> Incident {
        let date = EventDate::day(
            NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            DatePrecision::Day,
        );
        let mut i = Incident::new(IStr::new(id), d, date, -2.0, 14.0);
        i.event_type = t;
        i
    }

    #[test]
    fn political_violence_only_by_default() {
        use EventType as E;
        let v = vec![
            inc("a", Dataset::Acled, Some(E::Battles)),
            inc("b", Dataset::Acled, Some(E::Protests)),
            inc("c", Dataset::Acled, Some(E::Riots)),
            inc("d", Dataset::Acled, Some(E::ViolenceAgainstCivilians)),
            inc("e", Dataset::Acled, Some(E::StrategicDevelopments)),
            inc("f", Dataset::Acled, Some(E::ExplosionsRemoteViolence)),
            inc("g", Dataset::Acled, None),
        ];
        let c = IncidentColumns::new(&v);
        let pv = select(&c, None, None, EventTypes::PoliticalViolence);
        assert_eq!(pv.indices, vec![0, 3, 5]);
        assert_eq!(pv.other_types, 4);
        let demo = select(&c, None, None, EventTypes::WithDemonstrations);
        assert_eq!(demo.indices, vec![0, 1, 2, 3, 5]);
        assert_eq!(select(&c, None, None, EventTypes::All).indices.len(), 7);
    }

    #[test]
    fn one_dataset_the_largest_by_default_never_both() {
        use EventType as E;
        let v = vec![
            inc("u1", Dataset::Ucdp, Some(E::Battles)),
            inc("a1", Dataset::Acled, Some(E::Battles)),
            inc("a2", Dataset::Acled, Some(E::Battles)),
            inc("u2", Dataset::Ucdp, Some(E::Battles)),
            inc("u3", Dataset::Ucdp, Some(E::ViolenceAgainstCivilians)),
        ];
        let c = IncidentColumns::new(&v);
        let s = select(&c, None, None, EventTypes::PoliticalViolence);
        assert_eq!(s.dataset, Some(Dataset::Ucdp));
        assert_eq!(s.indices, vec![0, 3, 4]);
        assert_eq!(s.other_datasets[Dataset::Acled as usize], 2);
        assert!(s.mixed());
        let a = select(
            &c,
            None,
            Some(Dataset::Acled),
            EventTypes::PoliticalViolence,
        );
        assert_eq!(a.indices, vec![1, 2]);
        assert!(
            s.describe(EventTypes::PoliticalViolence)
                .contains("ACLED 2 events left out")
        );
        // A tie goes to ACLED.
        assert_eq!(main_dataset([2, 2, 0, 0]), Some(Dataset::Acled));
        assert_eq!(main_dataset([0, 0, 0, 0]), None);
        assert_eq!(main_dataset([1, 3, 0, 0]), Some(Dataset::Ucdp));
    }

    #[test]
    fn candidates_restrict_and_parse() {
        use EventType as E;
        let v = vec![
            inc("a1", Dataset::Acled, Some(E::Battles)),
            inc("a2", Dataset::Acled, Some(E::Battles)),
        ];
        let c = IncidentColumns::new(&v);
        let s = select(&c, Some(&[1]), None, EventTypes::PoliticalViolence);
        assert_eq!(s.indices, vec![1]);
        assert_eq!(parse_dataset("ACLED"), Ok(Dataset::Acled));
        assert_eq!(parse_dataset("ucdp"), Ok(Dataset::Ucdp));
        assert!(parse_dataset("gtd").is_err());
    }
}
