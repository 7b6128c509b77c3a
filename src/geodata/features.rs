//! Turning the bundled GeoJSON layers into typed features.

use std::path::Path;

use geo::{BoundingRect, LineString, MultiLineString, MultiPolygon, Polygon, Rect};
use geojson::{Feature, FeatureCollection, JsonObject};

use super::error::GeodataError;

/// Which administrative level a [`Region`] belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionLevel {
    Country,
    Admin1,
    Province,
}

impl RegionLevel {
    pub fn label(self) -> &'static str {
        match self {
            RegionLevel::Country => "country",
            RegionLevel::Admin1 => "region",
            RegionLevel::Province => "province",
        }
    }
}

/// A named area: a country, a first-level region or a Burkina Faso province.
#[derive(Debug, Clone)]
pub struct Region {
    pub id: String,
    pub name: String,
    /// ISO 3166-1 alpha-3 code of the country.
    pub country: String,
    pub country_name: String,
    /// Other spellings (ACLED without diacritics, French names, older names).
    pub alt_names: Vec<String>,
    /// The containing unit's name, for provinces (their region).
    pub parent: Option<String>,
    pub level: RegionLevel,
    pub shape: MultiPolygon<f64>,
    pub bbox: Rect<f64>,
}

/// A line feature (coastline, river) with an optional name.
#[derive(Debug, Clone)]
pub struct NamedLine {
    pub name: Option<String>,
    /// Importance (1 = major river or sea coast; larger numbers are lesser features).
    pub rank: u8,
    pub line: LineString<f64>,
}

/// An area feature (lake, land) with an optional name.
#[derive(Debug, Clone)]
pub struct NamedArea {
    pub name: Option<String>,
    pub shape: MultiPolygon<f64>,
}

/// Parse a GeoJSON FeatureCollection, naming `file` in every error.
pub fn parse_collection(bytes: &[u8], file: &Path) -> Result<Vec<Feature>, GeodataError> {
    let text = std::str::from_utf8(bytes).map_err(|e| GeodataError::Json {
        file: file.to_path_buf(),
        message: format!("not UTF-8: {e}"),
    })?;
    let fc: FeatureCollection = text
        .parse()
        .map_err(|e: geojson::Error| GeodataError::Json {
            file: file.to_path_buf(),
            message: e.to_string(),
        })?;
    if fc.features.is_empty() {
        return Err(GeodataError::Empty {
            file: file.to_path_buf(),
            message: "the FeatureCollection has no features".into(),
        });
    }
    Ok(fc.features)
}

fn feature_error(file: &Path, index: usize, message: impl Into<String>) -> GeodataError {
    GeodataError::Feature {
        file: file.to_path_buf(),
        index,
        message: message.into(),
    }
}

fn props(feature: &Feature) -> JsonObject {
    feature.properties.clone().unwrap_or_default()
}

fn string_prop(p: &JsonObject, key: &str) -> Option<String> {
    p.get(key)
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn required(p: &JsonObject, key: &str, file: &Path, index: usize) -> Result<String, GeodataError> {
    string_prop(p, key)
        .ok_or_else(|| feature_error(file, index, format!("missing property `{key}`")))
}

fn string_list(p: &JsonObject, key: &str) -> Vec<String> {
    match p.get(key) {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str())
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_owned())
            .collect(),
        Some(serde_json::Value::String(s)) => s
            .split(['|', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

fn area_geometry(
    feature: &Feature,
    file: &Path,
    index: usize,
) -> Result<MultiPolygon<f64>, GeodataError> {
    let geometry = feature
        .geometry
        .as_ref()
        .ok_or_else(|| feature_error(file, index, "feature has no geometry"))?;
    if let Ok(mp) = MultiPolygon::<f64>::try_from(geometry) {
        return Ok(mp);
    }
    Polygon::<f64>::try_from(geometry)
        .map(|p| MultiPolygon(vec![p]))
        .map_err(|_| feature_error(file, index, "geometry is not a Polygon or MultiPolygon"))
}

fn line_geometry(
    feature: &Feature,
    file: &Path,
    index: usize,
) -> Result<Vec<LineString<f64>>, GeodataError> {
    let geometry = feature
        .geometry
        .as_ref()
        .ok_or_else(|| feature_error(file, index, "feature has no geometry"))?;
    if let Ok(ls) = LineString::<f64>::try_from(geometry) {
        return Ok(vec![ls]);
    }
    MultiLineString::<f64>::try_from(geometry)
        .map(|m| m.0)
        .map_err(|_| {
            feature_error(
                file,
                index,
                "geometry is not a LineString or MultiLineString",
            )
        })
}

/// Read regions (countries, admin-1 or provinces) from a FeatureCollection.
///
/// Countries use `iso3`/`name`; the other levels use `id`, `name`, `country`,
/// `country_name`, `alt_names` and (provinces) `region`.
pub fn regions(bytes: &[u8], file: &Path, level: RegionLevel) -> Result<Vec<Region>, GeodataError> {
    let features = parse_collection(bytes, file)?;
    let mut out = Vec::with_capacity(features.len());
    for (index, feature) in features.iter().enumerate() {
        let p = props(feature);
        let shape = area_geometry(feature, file, index)?;
        let bbox = shape
            .bounding_rect()
            .ok_or_else(|| feature_error(file, index, "geometry is empty"))?;
        let name = required(&p, "name", file, index)?;
        let (id, country, country_name) = if level == RegionLevel::Country {
            let iso3 = required(&p, "iso3", file, index)?;
            (iso3.clone(), iso3, name.clone())
        } else {
            let country = required(&p, "country", file, index)?;
            let country_name = string_prop(&p, "country_name").unwrap_or_else(|| country.clone());
            (required(&p, "id", file, index)?, country, country_name)
        };
        out.push(Region {
            id,
            name,
            country,
            country_name,
            alt_names: string_list(&p, "alt_names"),
            parent: string_prop(&p, "region"),
            level,
            shape,
            bbox,
        });
    }
    Ok(out)
}

/// Read line features (coastline, rivers); multi-lines are split into their parts.
pub fn lines(bytes: &[u8], file: &Path) -> Result<Vec<NamedLine>, GeodataError> {
    let features = parse_collection(bytes, file)?;
    let mut out = Vec::new();
    for (index, feature) in features.iter().enumerate() {
        let p = props(feature);
        let name = string_prop(&p, "name");
        let rank = ["rank", "level"]
            .iter()
            .find_map(|k| p.get(*k).and_then(|v| v.as_u64()))
            .map_or(1, |r| r.min(255) as u8);
        for line in line_geometry(feature, file, index)? {
            if line.0.len() >= 2 {
                out.push(NamedLine {
                    name: name.clone(),
                    rank,
                    line,
                });
            }
        }
    }
    Ok(out)
}

/// Read area features (land, lakes).
pub fn areas(bytes: &[u8], file: &Path) -> Result<Vec<NamedArea>, GeodataError> {
    let features = parse_collection(bytes, file)?;
    features
        .iter()
        .enumerate()
        .map(|(index, feature)| {
            Ok(NamedArea {
                name: string_prop(&props(feature), "name"),
                shape: area_geometry(feature, file, index)?,
            })
        })
        .collect()
}

/// A polygon of a user's boundary file (e.g. OCHA admin boundaries with P-codes).
#[derive(Debug, Clone)]
pub struct BoundaryFeature {
    pub id: String,
    pub name: String,
    pub country: String,
    pub shape: MultiPolygon<f64>,
}

/// Property names tried, in order, for a boundary's id, name and country (OCHA COD, GADM,
/// geoBoundaries and plain files).
const ID_KEYS: [&str; 10] = [
    "ADM3_PCODE",
    "ADM2_PCODE",
    "ADM1_PCODE",
    "pcode",
    "PCODE",
    "shapeID",
    "GID_2",
    "GID_1",
    "id",
    "ID",
];
const NAME_KEYS: [&str; 12] = [
    "ADM3_FR",
    "ADM3_EN",
    "ADM2_FR",
    "ADM2_EN",
    "ADM1_FR",
    "ADM1_EN",
    "shapeName",
    "NAME_2",
    "NAME_1",
    "name",
    "NAME",
    "Name",
];
const COUNTRY_KEYS: [&str; 6] = [
    "ADM0_FR",
    "ADM0_EN",
    "shapeGroup",
    "COUNTRY",
    "country",
    "ISO",
];

/// Read a user's boundary FeatureCollection of polygons. A feature without an id property is
/// named by its position ("#12"); one without a polygon geometry is an error naming the file
/// and the feature.
pub fn boundary_features(bytes: &[u8], file: &Path) -> Result<Vec<BoundaryFeature>, GeodataError> {
    let features = parse_collection(bytes, file)?;
    if features.is_empty() {
        return Err(feature_error(file, 0, "the file holds no features"));
    }
    let first = |p: &JsonObject, keys: &[&str]| {
        keys.iter().find_map(|k| {
            string_prop(p, k).or_else(|| p.get(*k).and_then(|v| v.as_i64()).map(|n| n.to_string()))
        })
    };
    features
        .iter()
        .enumerate()
        .map(|(index, feature)| {
            let p = props(feature);
            let id = first(&p, &ID_KEYS).unwrap_or_else(|| format!("#{index}"));
            Ok(BoundaryFeature {
                name: first(&p, &NAME_KEYS).unwrap_or_else(|| id.clone()),
                country: first(&p, &COUNTRY_KEYS).unwrap_or_default(),
                id,
                shape: area_geometry(feature, file, index)?,
            })
        })
        .collect()
}
