//! The window: panels, search, camera and the map widget. Calls into the core, never the reverse.

mod about;
mod app;
pub mod camera;
mod layers_panel;
mod map_controls;
mod search;
mod status_bar;

pub use about::BOUNDARY_NOTE;
pub use app::SahelApp;
pub use status_bar::format_lonlat;
