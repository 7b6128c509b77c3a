//! The bundled SAMPLE data: synthetic incidents generated from a seed, plus
//! a handful of hand-written events (western Mali, 1 July 2025).
//!
//! Nothing here is ACLED data (its terms forbid redistribution): every
//! generated incident is invented, with ids `SMP00001`..., notes starting
//! with "[SYNTHETIC]", the source [`SYNTHETIC_SOURCE`] and the tag
//! [`SAMPLE_TAG`]. The app must show [`SAMPLE_LABEL`] whenever the sample
//! is on screen or in an export.
//!
//! What the generator models (all from the seed; no clock, no threads):
//! events cluster around towns weighted by a conflict-intensity map
//! (central Mali, Menaka/Gao, Liptako-Gourma, eastern Burkina Faso, Diffa,
//! and the northern borderlands of Benin, Togo, Ghana and Ivory Coast,
//! rising over the years, so jihadist violence drifts south); about 40% of
//! events sit exactly on a town point, 8% at a regional capital with
//! geo_precision 3, the rest a few km away; ACLED's Sahel type mix and
//! actor names; long-tailed fatalities; seasonal dates; and for about 5%
//! of events the army's and the armed group's claims beside the coding.

mod acled_writer;
mod actors;
mod claims;
mod countries;
mod events;
mod gazetteer_towns;
mod generator;
mod intensity;
mod notes;
mod placement;
mod rich_notes;
mod rng;
mod towns;
mod western_mali;

#[cfg(test)]
mod tests_actors;
#[cfg(test)]
mod tests_generate;
#[cfg(test)]
mod tests_generate_more;
#[cfg(test)]
mod tests_writer;

use chrono::NaiveDate;

use crate::model::Incident;

pub use acled_writer::write_acled_csv;
pub use actors::{JIHADIST, is_jihadist};
pub use claims::CODING_SOURCE;
pub use gazetteer_towns::gazetteer_towns;
pub use generator::generate;
pub use towns::{Town, builtin_towns};
pub use western_mali::{
    ARMY_NOTE, ARMY_SOURCE, HAND_WRITTEN_TAG, JNIM_NOTE, JNIM_SOURCE, western_mali_2025_07_01,
};

/// Shown wherever sample incidents are displayed or exported.
pub const SAMPLE_LABEL: &str = "SAMPLE DATA – synthetic";
/// In the `sources` of every generated incident.
pub const SYNTHETIC_SOURCE: &str = "Synthetic sample (sahel-risk)";
/// In the `sources` of the hand-written events.
pub const HAND_WRITTEN_SOURCE: &str = "Hand-written from press reports (sahel-risk sample)";
/// In the `tags` of every sample incident.
pub const SAMPLE_TAG: &str = "synthetic sample";
/// Prefix of generated ids ("SMP00001"); never an ACLED-like country code.
pub const ID_PREFIX: &str = "SMP";

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SampleConfig {
    pub seed: u64,
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive).
    pub end: NaiveDate,
    pub events: usize,
}

impl Default for SampleConfig {
    /// Seed 20250701, 1 January 2019 to 30 September 2025, 12,000 events.
    fn default() -> Self {
        SampleConfig {
            seed: 20_250_701,
            start: NaiveDate::from_ymd_opt(2019, 1, 1).expect("valid date"),
            end: NaiveDate::from_ymd_opt(2025, 9, 30).expect("valid date"),
            events: 12_000,
        }
    }
}

/// The bundled sample: the default generated set plus the hand-written
/// events of 1 July 2025, sorted by date, then id.
pub fn sample(towns: &[Town]) -> Vec<Incident> {
    let mut all = generate(&SampleConfig::default(), towns);
    all.extend(western_mali_2025_07_01());
    all.sort_by(|a, b| {
        a.date
            .start
            .cmp(&b.date.start)
            .then_with(|| a.id.cmp(&b.id))
    });
    all
}
