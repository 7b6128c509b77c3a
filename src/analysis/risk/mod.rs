//! Incident-driven conflict risk score per unit (admin polygons or H3 hexagons).
//!
//! Method (see the project's reference note "risk-and-coast", section "Incident-driven
//! risk"): the four ACLED Conflict Index indicators (deadliness, danger to civilians,
//! diffusion, fragmentation) plus event intensity, over a time window with exponential decay,
//! small-area empirical-Bayes smoothing (Marshall 1991) of the rate components, log
//! normalisation, a weighted mean on 0..100 and five classes.
//!
//! Pipeline, from expensive to cheap:
//! 1. [`UnitSet::new`] / [`UnitSet::h3`]: geometry, areas and point-location index (once per
//!    unit set).
//! 2. [`assign`]: unit and diffusion cell of every event (once per unit set + data).
//! 3. [`score`]: components, score, rank and class (rerun on every filter/parameter change).
//!
//! [`compute`] runs 2 and 3 with a cancel flag and progress counter. Pure computation: no
//! I/O, no GUI types.

mod assign;
mod classes;
mod classify;
mod components;
mod dates;
mod eb;
mod edges;
mod error;
mod events;
mod grid;
mod h3grid;
mod locations;
mod params;
mod score;
mod slots;
mod units;

#[cfg(test)]
mod tests_assign;
#[cfg(test)]
mod tests_eb;
#[cfg(test)]
mod tests_h3;
#[cfg(test)]
mod tests_prop;
#[cfg(test)]
mod tests_score;
#[cfg(test)]
mod tests_units;
#[cfg(test)]
mod testutil;

pub use assign::{Assignment, assign};
pub use classes::{breaks, class_of, ranks};
pub use components::TOP_ACTORS;
pub use dates::{civil_from_days, days_from_civil};
pub use eb::{EbEstimate, eb_rates};
pub use error::RiskError;
pub use events::{NO_FATALITY_FIGURE, RiskEvents};
pub use h3grid::H3_UNIT_RESOLUTIONS;
pub use params::{ClassMethod, MAX_DIFFUSION_RESOLUTION, MAX_WINDOW_DAYS, RiskParams, TREND_DAYS};
pub use score::{COMPONENT_NAMES, RiskRow, RiskTable, compute, normalise, score};
pub use units::{Unit, UnitSet};

/// Unit index meaning "outside every unit" in [`Assignment::unit_of`].
pub const NO_UNIT: u32 = u32::MAX;
