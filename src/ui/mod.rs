//! The window: panels, search, camera and the map widget. Calls into the core, never the reverse.

mod about;
mod app;
pub mod camera;
mod cluster_job;
mod cluster_ui;
mod coast_job;
mod coast_panel;
pub mod export_dialog;
pub mod export_mode;
mod file_menu;
mod filters_panel;
mod fonts;
mod import_job;
mod incident_details;
mod incident_table;
pub mod incidents;
mod layers_panel;
mod legend;
mod map_controls;
mod risk_job;
mod risk_panel;
mod risk_skill;
mod search;
mod status_bar;

pub use about::BOUNDARY_NOTE;
pub use app::{RightTab, SahelApp};
pub use filters_panel::totals_text;
pub use incidents::Incidents;
pub use status_bar::format_lonlat;
