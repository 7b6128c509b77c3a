//! The incident data model: incidents, claims, taxonomy, precision, store.

pub mod claim;
mod coord_serde;
pub mod fxhash;
pub mod incident;
pub mod istr;
pub mod precision;
pub mod store;
pub mod taxonomy;

pub use claim::{Claim, Claimant, Scenario};
pub use incident::{Actor, Dataset, EventDate, Incident, UcdpExtra};
pub use istr::{IStr, Interner};
pub use precision::{DatePrecision, GeoPrecision};
pub use store::{DatasetTotals, IncidentStore, MergeStats};
pub use taxonomy::{
    ActorKind, EventType, SubEventType, classify_event_type, classify_ucdp_violence,
};
