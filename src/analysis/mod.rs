//! Analyses over the incident store: pure functions, no GUI types.

pub mod columns;
pub mod filter;

pub use columns::IncidentColumns;
pub use filter::{Filter, FilterResult};
