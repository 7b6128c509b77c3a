//! Units (admin polygons or H3 cells) with their areas and point-location index.

use super::RiskError;
use super::classify::{OUTSIDE, PolygonIndex};
use super::neighbours::{h3_disk_k, h3_neighbours, polygon_neighbours};
use geo::{CoordsIter, GeodesicArea, MultiPolygon};
use h3o::{LatLng, Resolution};
use rayon::prelude::*;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// One spatial unit of the risk map.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Stable identifier (admin code, or H3 index as hex).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Country (or containing study polygon) name.
    pub country: String,
    /// Outline in lon/lat degrees (closed polygons, holes allowed).
    pub shape: MultiPolygon<f64>,
}

/// How events are located in the units.
#[derive(Debug, Clone)]
pub(super) enum Kind {
    /// Grid-accelerated exact point-in-polygon ([`PolygonIndex`]).
    Polygons(PolygonIndex),
    /// `LatLng -> cell` at `resolution`, then binary search in `lookup` (sorted by cell).
    H3 {
        resolution: Resolution,
        lookup: Vec<(u64, u32)>,
    },
}

/// A set of units plus everything needed to assign points to them (built once per unit set).
#[derive(Debug)]
pub struct UnitSet {
    units: Vec<Unit>,
    areas_km2: Vec<f64>,
    kind: Kind,
    /// Neighbours of every unit (computed on first use).
    neighbours: OnceLock<Vec<Vec<u32>>>,
}

/// Rows per parallel chunk in point assignment (cancel flag checked between chunks).
pub(super) const CHUNK: usize = 1 << 15;

impl UnitSet {
    /// Builds a polygon unit set: geodesic area per unit (WGS 84, `geo::GeodesicArea`, km²)
    /// and the point-location grid. Fails on non-finite coordinates or ≥ 2^31 units.
    pub fn new(units: Vec<Unit>) -> Result<Self, RiskError> {
        if units.len() >= (1 << 31) {
            return Err(RiskError::InvalidUnits("too many units".into()));
        }
        if let Some(u) = units.iter().find(|u| {
            u.shape
                .coords_iter()
                .any(|c| !(c.x.is_finite() && c.y.is_finite()))
        }) {
            return Err(RiskError::InvalidUnits(format!(
                "unit {} has non-finite coordinates",
                u.id
            )));
        }
        let areas = geodesic_areas(&units);
        let index = PolygonIndex::build(&units);
        Ok(Self::from_parts(units, areas, Kind::Polygons(index)))
    }

    pub(super) fn from_parts(units: Vec<Unit>, areas_km2: Vec<f64>, kind: Kind) -> Self {
        UnitSet {
            units,
            areas_km2,
            kind,
            neighbours: OnceLock::new(),
        }
    }

    /// The units, in index order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// True when the set has no unit.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Geodesic area of every unit in km².
    pub fn areas_km2(&self) -> &[f64] {
        &self.areas_km2
    }

    /// H3 resolution of an H3 unit set, `None` for polygon units.
    pub fn h3_resolution(&self) -> Option<u8> {
        match &self.kind {
            Kind::H3 { resolution, .. } => Some(u8::from(*resolution)),
            Kind::Polygons(_) => None,
        }
    }

    /// Unit containing (`lon`, `lat`): lowest index on shared borders; `None` outside.
    pub fn locate(&self, lon: f64, lat: f64) -> Option<usize> {
        match self.locate_raw(lon, lat) {
            OUTSIDE => None,
            u => Some(u as usize),
        }
    }

    /// Like [`Self::locate`] but returns `u32::MAX` outside.
    #[inline]
    pub(super) fn locate_raw(&self, lon: f64, lat: f64) -> u32 {
        match &self.kind {
            Kind::Polygons(index) => index.locate(lon, lat),
            Kind::H3 { resolution, lookup } => match LatLng::new(lat, lon) {
                Ok(ll) => {
                    let cell = u64::from(ll.to_cell(*resolution));
                    lookup
                        .binary_search_by_key(&cell, |e| e.0)
                        .map_or(OUTSIDE, |k| lookup[k].1)
                }
                Err(_) => OUTSIDE,
            },
        }
    }

    /// Unit index of every point (`u32::MAX` = outside) and the number outside, in parallel
    /// chunks; checks `cancel` between chunks.
    pub fn assign_points(
        &self,
        lon: &[f64],
        lat: &[f64],
        cancel: &AtomicBool,
    ) -> Result<(Vec<u32>, usize), RiskError> {
        if lon.len() != lat.len() {
            return Err(RiskError::InvalidEvents(
                "lon and lat lengths differ".into(),
            ));
        }
        let mut out = vec![OUTSIDE; lon.len()];
        let outside: usize = out
            .par_chunks_mut(CHUNK)
            .enumerate()
            .map(|(k, chunk)| {
                if cancel.load(Ordering::Relaxed) {
                    return Err(RiskError::Cancelled);
                }
                let base = k * CHUNK;
                let mut miss = 0;
                for (j, slot) in chunk.iter_mut().enumerate() {
                    *slot = self.locate_raw(lon[base + j], lat[base + j]);
                    miss += usize::from(*slot == OUTSIDE);
                }
                Ok(miss)
            })
            .sum::<Result<usize, RiskError>>()?;
        Ok((out, outside))
    }

    /// Neighbours of every unit, computed on first use and cached: polygons whose outlines
    /// touch, or H3 cells within a few grid steps (see [`super::neighbours`]).
    pub fn neighbours(&self) -> &[Vec<u32>] {
        self.neighbours.get_or_init(|| match &self.kind {
            Kind::Polygons(_) => {
                let shapes: Vec<MultiPolygon<f64>> =
                    self.units.iter().map(|u| u.shape.clone()).collect();
                polygon_neighbours(&shapes)
            }
            Kind::H3 { resolution, lookup } => {
                let mut cells = vec![None; self.units.len()];
                for &(cell, u) in lookup {
                    cells[u as usize] = h3o::CellIndex::try_from(cell).ok();
                }
                let cells: Vec<h3o::CellIndex> = cells.into_iter().flatten().collect();
                if cells.len() == self.units.len() {
                    h3_neighbours(&cells, h3_disk_k(u8::from(*resolution)))
                } else {
                    vec![Vec::new(); self.units.len()]
                }
            }
        })
    }

    /// Number of mixed (edge-crossed) grid cells of a polygon set, for diagnostics; `None` for H3.
    pub fn mixed_cells(&self) -> Option<usize> {
        match &self.kind {
            Kind::Polygons(index) => Some(index.mixed_cells()),
            Kind::H3 { .. } => None,
        }
    }
}

/// Geodesic area (km²) of every unit, in parallel.
pub(super) fn geodesic_areas(units: &[Unit]) -> Vec<f64> {
    units
        .par_iter()
        .map(|u| u.shape.geodesic_area_unsigned() / 1e6)
        .collect()
}
