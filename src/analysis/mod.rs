//! Analyses over the incident store: pure functions, no GUI types.

pub mod armed_groups;
pub mod cluster;
pub mod coast;
pub mod coast_exposure;
pub mod columns;
pub mod event_set;
pub mod filter;
pub mod incident_clusters;
pub mod risk;
pub mod risk_units;

pub use columns::IncidentColumns;
pub use filter::{Filter, FilterResult};
