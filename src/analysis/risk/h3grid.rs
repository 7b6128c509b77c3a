//! H3 hexagon units and H3 diffusion-cell counts.

use super::RiskError;
use super::classify::OUTSIDE;
use super::units::{CHUNK, Kind, Unit, UnitSet};
use geo::{BoundingRect, Coord, LineString, MultiPolygon, Polygon, Rect};
use h3o::geom::{ContainmentMode, TilerBuilder};
use h3o::{CellIndex, LatLng, Resolution};
use rayon::prelude::*;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

/// H3 resolutions accepted for unit sets (average cell ≈ 1770, 252, 36 km²).
pub const H3_UNIT_RESOLUTIONS: [u8; 3] = [4, 5, 6];

impl UnitSet {
    /// Every H3 cell at `resolution` whose centre lies inside one of `within` (the study
    /// countries, lon/lat degrees), as a unit: id = name = cell index in hex, country =
    /// `names[k]` of the first polygon containing the centre, shape = cell boundary,
    /// area = h3o `area_km2` (spherical).
    /// Units are ordered by polygon, then by cell index. Events are later located with
    /// `LatLng -> cell` and a lookup, not point-in-polygon.
    pub fn h3(
        resolution: u8,
        within: &[MultiPolygon<f64>],
        names: &[String],
    ) -> Result<UnitSet, RiskError> {
        if !H3_UNIT_RESOLUTIONS.contains(&resolution) {
            return Err(RiskError::InvalidParams(format!(
                "H3 unit resolution {resolution} not supported (use 4, 5 or 6)"
            )));
        }
        if within.len() != names.len() {
            return Err(RiskError::InvalidUnits(
                "within and names lengths differ".into(),
            ));
        }
        let res = Resolution::try_from(resolution)
            .map_err(|e| RiskError::InvalidParams(e.to_string()))?;
        let per_polygon: Vec<Vec<CellIndex>> = within
            .par_iter()
            .map(|mp| centre_cover(mp, res))
            .collect::<Result<_, _>>()?;
        let mut seen = HashSet::new();
        let mut cells: Vec<(CellIndex, usize)> = Vec::new();
        for (k, list) in per_polygon.into_iter().enumerate() {
            cells.extend(list.into_iter().filter(|c| seen.insert(*c)).map(|c| (c, k)));
        }
        let units: Vec<Unit> = cells
            .par_iter()
            .map(|&(cell, k)| Unit {
                id: cell.to_string(),
                name: cell.to_string(),
                country: names[k].clone(),
                shape: cell_shape(cell),
            })
            .collect();
        // h3o's exact spherical cell area (authalic sphere): within ~0.3 % of the WGS 84
        // geodesic area of the boundary polygon and ~6× faster (res 6: 0.2 s → 0.03 s).
        let areas: Vec<f64> = cells.par_iter().map(|(c, _)| c.area_km2()).collect();
        let mut lookup: Vec<(u64, u32)> = cells
            .iter()
            .enumerate()
            .map(|(u, (c, _))| (u64::from(*c), u as u32))
            .collect();
        lookup.sort_unstable();
        Ok(UnitSet::from_parts(
            units,
            areas,
            Kind::H3 {
                resolution: res,
                lookup,
            },
        ))
    }
}

/// Cells at `res` whose centre lies in `mp` (sorted by index).
fn centre_cover(mp: &MultiPolygon<f64>, res: Resolution) -> Result<Vec<CellIndex>, RiskError> {
    let mut tiler = TilerBuilder::new(res)
        .containment_mode(ContainmentMode::ContainsCentroid)
        .build();
    tiler
        .add_batch(mp.0.iter().cloned())
        .map_err(|e| RiskError::InvalidUnits(e.to_string()))?;
    let mut cells: Vec<CellIndex> = tiler.into_coverage().collect();
    cells.sort_unstable();
    cells.dedup();
    Ok(cells)
}

/// Boundary of `cell` as a closed lon/lat polygon.
pub(super) fn cell_shape(cell: CellIndex) -> MultiPolygon<f64> {
    let mut ring: Vec<Coord> = cell
        .boundary()
        .iter()
        .map(|ll| Coord {
            x: ll.lng(),
            y: ll.lat(),
        })
        .collect();
    if let Some(&first) = ring.first() {
        ring.push(first);
    }
    MultiPolygon::new(vec![Polygon::new(LineString::new(ring), vec![])])
}

/// Diffusion denominator: the number of H3 cells at `resolution` that belong to each unit.
///
/// * H3 units: the number of descendants at `resolution` (`children_count`: 7^k for hexagons,
///   fewer for pentagons); `resolution` must not be coarser than the units.
/// * Polygon units: exact count of cells whose **centre** the unit contains (same point
///   location rule as events, lowest index on shared borders). All cells whose centre lies
///   in the units' bounding box are enumerated with h3o's tiler and their centres located
///   with the grid index. Cost grows 7× per resolution (res 6 over the Sahel ≈ 0.3 M cells).
pub(super) fn diffusion_cell_counts(
    units: &UnitSet,
    resolution: u8,
    cancel: &AtomicBool,
) -> Result<Vec<u32>, RiskError> {
    let res =
        Resolution::try_from(resolution).map_err(|e| RiskError::InvalidParams(e.to_string()))?;
    let mut counts = vec![0u32; units.len()];
    match units.kind() {
        Kind::H3 {
            resolution: unit_res,
            lookup,
        } => {
            if res < *unit_res {
                return Err(RiskError::InvalidParams(format!(
                    "diffusion resolution {resolution} is coarser than the H3 units"
                )));
            }
            for &(cell, u) in lookup {
                let cell = CellIndex::try_from(cell)
                    .map_err(|e| RiskError::InvalidUnits(e.to_string()))?;
                counts[u as usize] = u32::try_from(cell.children_count(res)).unwrap_or(u32::MAX);
            }
        }
        Kind::Polygons(_) => {
            let Some(extent) = extent_of(units) else {
                return Ok(counts);
            };
            let poly = Polygon::from(extent);
            let cells = centre_cover(&MultiPolygon::new(vec![poly]), res)?;
            let partial: Vec<Vec<u32>> = cells
                .par_chunks(CHUNK)
                .map(|chunk| {
                    if cancel.load(Ordering::Relaxed) {
                        return Err(RiskError::Cancelled);
                    }
                    let mut local = vec![0u32; units.len()];
                    for &cell in chunk {
                        let ll = LatLng::from(cell);
                        let u = units.locate_raw(ll.lng(), ll.lat());
                        if u != OUTSIDE {
                            local[u as usize] += 1;
                        }
                    }
                    Ok(local)
                })
                .collect::<Result<_, _>>()?;
            for local in partial {
                counts.iter_mut().zip(local).for_each(|(c, l)| *c += l);
            }
        }
    }
    Ok(counts)
}

/// Bounding box of all units, widened by 0.01° so every centre inside a unit is enumerated.
fn extent_of(units: &UnitSet) -> Option<Rect<f64>> {
    let boxes = units.units().iter().filter_map(|u| u.shape.bounding_rect());
    boxes
        .reduce(|a, b| {
            Rect::new(
                (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
                (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
            )
        })
        .map(|r| {
            let m = 0.01;
            Rect::new(
                (r.min().x - m, (r.min().y - m).max(-90.0)),
                (r.max().x + m, (r.max().y + m).min(90.0)),
            )
        })
}
