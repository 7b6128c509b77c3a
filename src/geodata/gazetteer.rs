//! The offline gazetteer: GeoNames places (cities500) inside the map's box.

use std::path::Path;

use serde::Deserialize;

use super::error::GeodataError;
use super::text::fold;

/// How important a place is for labelling: capitals first, then regional seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceRank {
    /// National capital (GeoNames PPLC).
    Capital,
    /// Seat of a first-level division (PPLA).
    RegionalSeat,
    /// Seat of a second-level division (PPLA2).
    DistrictSeat,
    /// Any other populated place.
    Town,
}

impl PlaceRank {
    fn from_feature_code(code: &str) -> Self {
        match code {
            "PPLC" => PlaceRank::Capital,
            "PPLA" => PlaceRank::RegionalSeat,
            "PPLA2" => PlaceRank::DistrictSeat,
            _ => PlaceRank::Town,
        }
    }
}

/// One populated place.
#[derive(Debug, Clone)]
pub struct Place {
    pub geoname_id: u32,
    pub name: String,
    pub alt_names: Vec<String>,
    pub lon: f64,
    pub lat: f64,
    /// ISO 3166-1 alpha-2 code, as GeoNames writes it.
    pub country: String,
    pub admin1: String,
    pub population: u32,
    pub rank: PlaceRank,
}

impl Place {
    /// Labelling priority: lower sorts first (capitals, then by population).
    pub fn priority_key(&self) -> (PlaceRank, std::cmp::Reverse<u32>) {
        (self.rank, std::cmp::Reverse(self.population))
    }
}

#[derive(Deserialize)]
struct PlaceRow {
    geonameid: u32,
    name: String,
    asciiname: String,
    alternatenames: String,
    lat: f64,
    lon: f64,
    country: String,
    admin1: String,
    population: u32,
    feature: String,
}

/// All places, sorted by labelling priority (capitals, seats, then by population).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub places: Vec<Place>,
}

impl Gazetteer {
    /// Parse `places.csv` (columns: geonameid, name, asciiname, alternatenames (`|`-separated),
    /// lat, lon, country, admin1, population, feature).
    pub fn from_csv(bytes: &[u8], file: &Path) -> Result<Self, GeodataError> {
        let mut reader = csv::Reader::from_reader(bytes);
        let mut places = Vec::new();
        for record in reader.deserialize::<PlaceRow>() {
            let row = record.map_err(|e| GeodataError::Csv {
                file: file.to_path_buf(),
                line: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            })?;
            let mut alt_names: Vec<String> = row
                .alternatenames
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            if row.asciiname != row.name {
                alt_names.push(row.asciiname);
            }
            places.push(Place {
                geoname_id: row.geonameid,
                name: row.name,
                alt_names,
                lon: row.lon,
                lat: row.lat,
                country: row.country,
                admin1: row.admin1,
                population: row.population,
                rank: PlaceRank::from_feature_code(&row.feature),
            });
        }
        if places.is_empty() {
            return Err(GeodataError::Empty {
                file: file.to_path_buf(),
                message: "no places".into(),
            });
        }
        places.sort_by_key(|p| (p.priority_key(), p.geoname_id));
        Ok(Gazetteer { places })
    }

    /// The most important place whose name (or alternate name) folds to `name`.
    pub fn find_exact(&self, name: &str) -> Option<&Place> {
        let key = fold(name);
        self.places
            .iter()
            .find(|p| fold(&p.name) == key || p.alt_names.iter().any(|a| fold(a) == key))
    }
}
