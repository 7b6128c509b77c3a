//! Fatality claims: who says how many died. An incident carries every claim
//! side by side; claims are never merged or averaged.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::istr::IStr;

/// Who makes a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Claimant {
    /// The dataset's own coding: ACLED's conservative `fatalities`, UCDP's
    /// best/low/high estimate.
    DatasetCoding,
    /// An army, ministry or government statement.
    Government,
    /// A claim by an armed group (JNIM, ISGS, ...).
    ArmedGroup,
    /// The UN or a non-governmental organisation.
    UnNgo,
    /// Independent media, local sources, researchers.
    Media,
    Other,
}

impl Claimant {
    pub fn label(self) -> &'static str {
        match self {
            Self::DatasetCoding => "dataset coding",
            Self::Government => "government",
            Self::ArmedGroup => "armed group",
            Self::UnNgo => "UN/NGO",
            Self::Media => "independent/media",
            Self::Other => "other",
        }
    }
}

/// What a scenario reads from the claims of an incident; see
/// [`crate::model::Incident::fatalities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scenario {
    Low,
    Best,
    High,
}

impl Scenario {
    /// "low", "best" or "high", as legends and exports print it.
    pub fn name(self) -> &'static str {
        match self {
            Scenario::Low => "low",
            Scenario::Best => "best",
            Scenario::High => "high",
        }
    }
}

/// One claim about the death toll of one incident. Any of `low`, `best`,
/// `high` may be absent (a claim may carry no number at all, e.g. "claimed it
/// took several barracks"). The values are kept exactly as given: UCDP ships
/// rows with `low > best`, so nothing here assumes `low <= best <= high`;
/// use [`Claim::range`] for the span of the given values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub claimant: Claimant,
    /// Who, in words: "ACLED", "VoJ", "Malian Armed Forces (FAMa) communiqué".
    pub source: IStr,
    pub date: Option<NaiveDate>,
    pub low: Option<u32>,
    pub best: Option<u32>,
    pub high: Option<u32>,
    pub note: Option<String>,
    /// Entered by the user in the app (kept across data refreshes).
    #[serde(default)]
    pub user_added: bool,
}

impl Claim {
    /// A claim with only a best figure.
    pub fn new(claimant: Claimant, source: impl Into<IStr>, best: Option<u32>) -> Self {
        Claim {
            claimant,
            source: source.into(),
            date: None,
            low: None,
            best,
            high: None,
            note: None,
            user_added: false,
        }
    }

    /// The given numbers, in the order low, best, high (absent ones skipped).
    pub fn values(&self) -> impl Iterator<Item = u32> + '_ {
        [self.low, self.best, self.high].into_iter().flatten()
    }

    pub fn has_number(&self) -> bool {
        self.values().next().is_some()
    }

    /// (min, max) over the given values, whatever field they sit in;
    /// `None` for a claim without numbers.
    pub fn range(&self) -> Option<(u32, u32)> {
        let min = self.values().min()?;
        let max = self.values().max()?;
        Some((min, max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_ignores_field_order() {
        let mut c = Claim::new(Claimant::DatasetCoding, "UCDP", Some(4));
        c.low = Some(7);
        c.high = Some(2);
        assert_eq!(c.range(), Some((2, 7)));
        assert_eq!(c.low, Some(7), "values are stored as given");
        let none = Claim::new(Claimant::ArmedGroup, "JNIM", None);
        assert_eq!(none.range(), None);
        assert!(!none.has_number());
    }
}
