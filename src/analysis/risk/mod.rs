//! Incident-driven conflict risk per unit (admin polygons or H3 hexagons): the political
//! violence expected over the next horizon.
//!
//! Method (docs/risk.md; the project's reference note "risk-and-coast"): decayed history of
//! each unit and its neighbourhood, local empirical-Bayes smoothing (Marshall 1991) of the
//! counts ([`forecast`]), severity, civilian targeting and fragmentation on top, a fixed
//! 0–100 scale and five classes ([`score`]); its skill against naive forecasts is measured
//! by [`backtest()`].
//!
//! Pipeline, from expensive to cheap:
//! 1. [`UnitSet::new`] / [`UnitSet::h3`]: geometry, areas, neighbours and point-location
//!    index (once per unit set).
//! 2. [`assign`]: unit of every event (once per unit set + data).
//! 3. [`score`]: components, score, rank and class (rerun on every filter/parameter change).
//!
//! [`compute`] runs 2 and 3 with a cancel flag and progress counter. Pure computation: no
//! I/O, no GUI types.

mod assign;
pub mod backtest;
mod classes;
mod classify;
mod components;
mod dates;
mod edges;
mod error;
mod events;
pub mod forecast;
mod grid;
mod h3grid;
mod interval;
mod locations;
pub mod neighbours;
mod params;
mod score;
mod slots;
mod units;

#[cfg(test)]
mod tests_assign;
#[cfg(test)]
mod tests_forecast;
#[cfg(test)]
mod tests_h3;
#[cfg(test)]
mod tests_params;
#[cfg(test)]
mod tests_prop;
#[cfg(test)]
mod tests_score;
#[cfg(test)]
mod tests_units;
#[cfg(test)]
mod testutil;

pub use assign::{Assignment, assign};
pub use backtest::{
    CAPTURE_K, METHODS, OriginSkill, SkillSummary, auc, backtest, capture, origins, summarise,
};
pub use classes::{breaks, class_of, ranks};
pub use components::{MIN_GROUP_EVENTS, TOP_ACTORS, severity};
pub use dates::{civil_from_days, days_from_civil};
pub use error::RiskError;
pub use events::{NO_FATALITY_FIGURE, RiskEvents};
pub use forecast::{LocalEb, count_scale, effective_days, local_eb};
pub use h3grid::H3_UNIT_RESOLUTIONS;
pub use interval::predictive_range;
pub use neighbours::{h3_neighbours, polygon_neighbours};
pub use params::{
    ClassMethod, DEFAULT_BREAKS, DEFAULT_HALF_LIFE_DAYS, DEFAULT_HORIZON_DAYS, DEFAULT_WINDOW_DAYS,
    MAX_HORIZON_DAYS, MAX_WINDOW_DAYS, RiskParams, TREND_DAYS,
};
pub use score::{COMPONENT_NAMES, REFERENCE, RiskRow, RiskTable, compute, scale_score, score};
pub use units::{Unit, UnitSet};

/// Unit index meaning "outside every unit" in [`Assignment::unit_of`].
pub const NO_UNIT: u32 = u32::MAX;
