//! Sahel Risk Map: an offline map of conflict incidents in the Sahel and coastal West Africa.
//!
//! The core ([`geodata`]) never touches the GUI; [`map`] draws with walkers plugins and
//! [`ui`] is the eframe application. See `ARCHITECTURE.md`.

pub mod allocator;
pub mod analysis;
pub mod export;
pub mod geodata;
pub mod import;
pub mod map;
pub mod model;
pub mod sample;
pub mod ui;
