//! The bundled geography: countries, admin-1 regions, Burkina Faso provinces, land, coastline,
//! lakes, rivers and the gazetteer. Pure data and geometry: no GUI types here.

mod borders;
mod error;
mod features;
mod gazetteer;
mod region_index;
mod search;
mod source;
mod text;

use std::path::{Path, PathBuf};

pub use borders::shared_borders;
pub use error::GeodataError;
pub use features::{BoundaryFeature, NamedArea, NamedLine, Region, RegionLevel, boundary_features};
pub use gazetteer::{Gazetteer, Place, PlaceRank};
pub use region_index::RegionIndex;
pub use search::{HitKind, SearchHit, search};
pub use source::Origin;
pub use text::fold;

/// The box the bundled data covers: lon_min, lat_min, lon_max, lat_max.
pub const BOX: [f64; 4] = [-18.0, 3.0, 16.0, 26.0];

/// A set of regions with its spatial index.
#[derive(Debug, Clone)]
pub struct RegionSet {
    pub regions: Vec<Region>,
    pub index: RegionIndex,
}

impl RegionSet {
    pub fn new(regions: Vec<Region>) -> Self {
        let index = RegionIndex::new(&regions);
        RegionSet { regions, index }
    }

    /// The region containing (lon, lat), if any.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<usize> {
        self.index.locate(&self.regions, lon, lat)
    }
}

/// Every basemap layer, loaded and indexed.
#[derive(Debug, Clone)]
pub struct GeoData {
    pub countries: RegionSet,
    pub admin1: RegionSet,
    pub provinces: RegionSet,
    pub land: Vec<NamedArea>,
    pub coastline: Vec<NamedLine>,
    pub lakes: Vec<NamedArea>,
    pub rivers: Vec<NamedLine>,
    pub gazetteer: Gazetteer,
    /// The attribution line that the map and every export show.
    pub attribution: String,
    /// Where each file was read from, by file name.
    pub origins: Vec<(&'static str, Origin)>,
    /// Messages for the user about overrides that were missing or broken.
    pub notices: Vec<String>,
}

impl GeoData {
    /// The data embedded in the binary.
    pub fn embedded() -> Self {
        Self::load(None)
    }

    /// Load every layer, preferring files in `override_dir`; any file there that is
    /// broken is reported in `notices` and replaced by the embedded copy.
    pub fn load(override_dir: Option<&Path>) -> Self {
        let mut notices = Vec::new();
        let dir = match override_dir {
            Some(d) if !d.is_dir() => {
                notices.push(format!(
                    "{}: geodata folder not found — using the embedded geodata",
                    d.display()
                ));
                None
            }
            other => other,
        };
        use features::{areas, lines, regions};
        use source::*;
        let (countries, admin1, provinces, land, coastline, lakes, rivers, places, attribution) =
            std::thread::scope(|s| {
                let countries = s.spawn(|| {
                    load_layer(COUNTRIES, dir, |b, p| {
                        regions(b, p, RegionLevel::Country).map(RegionSet::new)
                    })
                });
                let admin1 = s.spawn(|| {
                    load_layer(ADMIN1, dir, |b, p| {
                        regions(b, p, RegionLevel::Admin1).map(RegionSet::new)
                    })
                });
                let provinces = s.spawn(|| {
                    load_layer(PROVINCES, dir, |b, p| {
                        regions(b, p, RegionLevel::Province).map(RegionSet::new)
                    })
                });
                let land = s.spawn(|| load_layer(LAND, dir, areas));
                let coastline = s.spawn(|| load_layer(COASTLINE, dir, lines));
                let lakes = s.spawn(|| load_layer(LAKES, dir, areas));
                let rivers = s.spawn(|| load_layer(RIVERS, dir, lines));
                let places = load_layer(PLACES, dir, Gazetteer::from_csv);
                let attribution = load_layer(ATTRIBUTION, dir, parse_attribution);
                (
                    join(countries),
                    join(admin1),
                    join(provinces),
                    join(land),
                    join(coastline),
                    join(lakes),
                    join(rivers),
                    places,
                    attribution,
                )
            });
        let mut origins = Vec::new();
        macro_rules! take {
            ($layer:expr, $file:expr) => {{
                let (value, origin, notice) = $layer;
                origins.push(($file.name, origin));
                notices.extend(notice);
                value
            }};
        }
        GeoData {
            countries: take!(countries, COUNTRIES),
            admin1: take!(admin1, ADMIN1),
            provinces: take!(provinces, PROVINCES),
            land: take!(land, LAND),
            coastline: take!(coastline, COASTLINE),
            lakes: take!(lakes, LAKES),
            rivers: take!(rivers, RIVERS),
            gazetteer: take!(places, PLACES),
            attribution: take!(attribution, ATTRIBUTION),
            origins,
            notices,
        }
    }

    /// The folder to read geodata from when none is given: `./geodata` if it exists.
    pub fn default_override_dir() -> Option<PathBuf> {
        let here = PathBuf::from("geodata");
        here.join("countries.geojson").is_file().then_some(here)
    }

    /// The region sets searched by [`GeoData::search`], coarsest first.
    pub fn region_sets(&self) -> [(RegionLevel, &[Region]); 3] {
        [
            (RegionLevel::Country, &self.countries.regions),
            (RegionLevel::Admin1, &self.admin1.regions),
            (RegionLevel::Province, &self.provinces.regions),
        ]
    }

    /// Search places and regions by name, ignoring accents and case.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        search(query, &self.region_sets(), &self.gazetteer, limit)
    }

    /// The land border between two countries (ISO3 codes), as lines.
    pub fn border_between(&self, a: &str, b: &str) -> Vec<geo::LineString<f64>> {
        let pair: Vec<Region> = self
            .countries
            .regions
            .iter()
            .filter(|r| r.country == a || r.country == b)
            .cloned()
            .collect();
        shared_borders(&pair)
    }

    /// The set of regions at `level`.
    pub fn regions(&self, level: RegionLevel) -> &RegionSet {
        match level {
            RegionLevel::Country => &self.countries,
            RegionLevel::Admin1 => &self.admin1,
            RegionLevel::Province => &self.provinces,
        }
    }
}

fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    match handle.join() {
        Ok(v) => v,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn parse_attribution(bytes: &[u8], file: &Path) -> Result<String, GeodataError> {
    let text = String::from_utf8_lossy(bytes);
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    line.map(str::to_owned).ok_or_else(|| GeodataError::Empty {
        file: file.to_path_buf(),
        message: "no attribution line".into(),
    })
}
