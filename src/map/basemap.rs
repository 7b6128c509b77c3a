//! Everything the basemap layers draw, prepared once from the geodata.

use geo::{Area, InteriorPoint, MultiPolygon};

use super::prepared::{PreparedFill, PreparedLines};
use super::style;
use crate::geodata::{GeoData, Region, shared_borders};

/// A label anchored at a point inside an area (a country or a region).
#[derive(Debug, Clone)]
pub struct AreaLabel {
    pub text: String,
    pub lon: f64,
    pub lat: f64,
    /// Area in square degrees, to pick the zooms it shows at.
    pub size: f64,
}

/// Which countries get which land tint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LandTint {
    Sahel,
    Coastal,
    Other,
}

/// Prepared geometry for all basemap layers.
#[derive(Debug, Clone)]
pub struct Basemap {
    pub land: PreparedFill,
    pub countries: PreparedFill,
    pub country_tints: Vec<LandTint>,
    pub country_borders: PreparedLines,
    pub admin1: PreparedLines,
    pub provinces: PreparedLines,
    pub coastline: PreparedLines,
    pub lakes: PreparedFill,
    pub lake_outlines: PreparedLines,
    pub rivers: PreparedLines,
    pub river_ranks: Vec<u8>,
    pub country_labels: Vec<AreaLabel>,
    pub region_labels: Vec<AreaLabel>,
    pub lake_labels: Vec<AreaLabel>,
}

fn outlines(shape: &MultiPolygon<f64>) -> impl Iterator<Item = &geo::LineString<f64>> {
    shape
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
}

fn area_label(text: &str, shape: &MultiPolygon<f64>) -> Option<AreaLabel> {
    // Anchor in the largest part, at a point guaranteed to be inside it.
    let largest = shape
        .0
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let p = largest.interior_point()?;
    Some(AreaLabel {
        text: text.to_owned(),
        lon: p.x(),
        lat: p.y(),
        size: shape.unsigned_area(),
    })
}

fn region_outlines(regions: &[Region]) -> PreparedLines {
    PreparedLines::new(
        regions
            .iter()
            .enumerate()
            .flat_map(|(i, r)| outlines(&r.shape).map(move |l| (i, l))),
    )
}

impl Basemap {
    pub fn new(geo: &GeoData) -> Self {
        let countries = &geo.countries.regions;
        let borders = shared_borders(countries);
        Basemap {
            land: PreparedFill::new(geo.land.iter().map(|a| &a.shape)),
            countries: PreparedFill::new(countries.iter().map(|r| &r.shape)),
            country_tints: countries
                .iter()
                .map(|r| {
                    if style::SAHEL.contains(&r.country.as_str()) {
                        LandTint::Sahel
                    } else if style::COASTAL_STATES.contains(&r.country.as_str()) {
                        LandTint::Coastal
                    } else {
                        LandTint::Other
                    }
                })
                .collect(),
            country_borders: PreparedLines::new(borders.iter().map(|l| (0, l))),
            admin1: region_outlines(&geo.admin1.regions),
            provinces: region_outlines(&geo.provinces.regions),
            coastline: PreparedLines::new(
                geo.coastline.iter().enumerate().map(|(i, l)| (i, &l.line)),
            ),
            lakes: PreparedFill::new(geo.lakes.iter().map(|a| &a.shape)),
            lake_outlines: PreparedLines::new(
                geo.lakes
                    .iter()
                    .enumerate()
                    .flat_map(|(i, a)| outlines(&a.shape).map(move |l| (i, l))),
            ),
            rivers: PreparedLines::new(geo.rivers.iter().enumerate().map(|(i, l)| (i, &l.line))),
            river_ranks: geo.rivers.iter().map(|r| r.rank).collect(),
            country_labels: countries
                .iter()
                .filter_map(|r| area_label(&r.name, &r.shape))
                .collect(),
            region_labels: geo
                .admin1
                .regions
                .iter()
                .filter_map(|r| area_label(&r.name, &r.shape))
                .collect(),
            lake_labels: geo
                .lakes
                .iter()
                .filter_map(|a| a.name.as_deref().and_then(|n| area_label(n, &a.shape)))
                .collect(),
        }
    }
}
