//! Map layers: one walkers `Plugin` per layer, each in its own file, all drawing from geometry
//! prepared once ([`Basemap`]). Layers only draw; they never compute analyses.

mod admin_layer;
mod basemap;
pub mod border_bands_layer;
mod borders_layer;
pub mod clusters_layer;
mod coastline_layer;
pub mod field_texture;
pub mod frontier_layer;
pub mod furniture;
pub mod incidents_layer;
mod labels;
mod land_layer;
pub mod occupancy;
mod places_layer;
mod pointer;
pub mod prepared;
pub mod risk_layer;
pub mod sea_bands_layer;
mod selection_layer;
pub mod style;
pub mod view;
mod water_layer;

pub use admin_layer::AdminLayer;
pub use basemap::{AreaLabel, Basemap};
pub use borders_layer::BordersLayer;
pub use coastline_layer::CoastlineLayer;
pub use furniture::{Attribution, ScaleBar, format_distance, nice_distance};
pub use land_layer::{CoverageMask, LandLayer};
pub use places_layer::PlacesLayer;
pub use selection_layer::{RegionRef, SelectionLayer, SelectionState, hit_test, tooltip};
pub use water_layer::{LakesLayer, RiversLayer};

use crate::geodata::GeoData;
use style::Widths;

/// Which basemap layers are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayerVisibility {
    pub countries: bool,
    pub admin1: bool,
    pub provinces: bool,
    pub coastline: bool,
    pub rivers: bool,
    pub lakes: bool,
    pub places: bool,
}

impl Default for LayerVisibility {
    fn default() -> Self {
        LayerVisibility {
            countries: true,
            admin1: true,
            provinces: false,
            coastline: true,
            rivers: true,
            lakes: true,
            places: true,
        }
    }
}

/// Several plugins run in order as one (so a caller can slot its layers between others).
#[derive(Default)]
pub struct PluginStack<'c>(pub Vec<Box<dyn walkers::Plugin + 'c>>);

impl<'c> PluginStack<'c> {
    pub fn push(&mut self, plugin: impl walkers::Plugin + 'c) {
        self.0.push(Box::new(plugin));
    }
}

impl walkers::Plugin for PluginStack<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        response: &egui::Response,
        projector: &walkers::Projector,
        memory: &walkers::MapMemory,
    ) {
        for p in self.0 {
            p.run(ui, response, projector, memory);
        }
    }
}

/// Add the basemap layers to a walkers map, bottom to top; `thematic` (area layers: bands,
/// shading) goes right above the land, under water, borders and names.
pub fn with_basemap<'a, 'b, 'c>(
    mut map: walkers::Map<'a, 'b, 'c>,
    geo: &'c GeoData,
    basemap: &'c Basemap,
    layers: LayerVisibility,
    widths: Widths,
    thematic: PluginStack<'c>,
) -> walkers::Map<'a, 'b, 'c> {
    map = map.with_plugin(LandLayer { basemap }).with_plugin(thematic);
    if layers.lakes {
        map = map.with_plugin(LakesLayer { basemap, widths });
    }
    if layers.rivers {
        map = map.with_plugin(RiversLayer { basemap, widths });
    }
    if layers.provinces {
        map = map.with_plugin(AdminLayer {
            lines: &basemap.provinces,
            stroke: Box::new(move |z| widths.province(z)),
            min_zoom: 5.0,
        });
    }
    if layers.admin1 {
        map = map.with_plugin(AdminLayer {
            lines: &basemap.admin1,
            stroke: Box::new(move |z| widths.admin1(z)),
            min_zoom: 0.0,
        });
    }
    if layers.coastline {
        map = map.with_plugin(CoastlineLayer { basemap, widths });
    }
    if layers.countries {
        map = map.with_plugin(BordersLayer { basemap, widths });
    }
    map.with_plugin(CoverageMask).with_plugin(PlacesLayer {
        basemap,
        gazetteer: &geo.gazetteer,
        show_places: layers.places,
        show_regions: layers.admin1,
        scale: widths.scale,
    })
}
