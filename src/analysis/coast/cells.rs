//! A lazily filled lon/lat grid of per-cell caches (thread-safe, filled on first use).
//!
//! [`super::segments::SegmentTree`] keeps in each cell the R-tree's answer for the whole cell:
//! a seed segment and the few runs of segments that can hold the nearest point of any point in
//! the cell. Cells never queried cost nothing but an empty slot.

use std::sync::OnceLock;

/// Cell size (degrees).
const STEP_DEG: f64 = 0.25;
/// How far (degrees) the grid reaches beyond the lines' bounding box.
const MARGIN_DEG: f64 = 10.0;
/// Upper bound on the number of cells (the step grows to stay under it).
const MAX_CELLS: f64 = 1.0e6;

/// A cell's extent: centre and half sizes (degrees).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellArea {
    pub lon: f64,
    pub lat: f64,
    pub half_lon: f64,
    pub half_lat: f64,
}

#[derive(Debug, Clone)]
pub struct CellGrid<T> {
    lon0: f64,
    lat0: f64,
    step: f64,
    nx: usize,
    ny: usize,
    cells: Vec<OnceLock<T>>,
}

impl<T> CellGrid<T> {
    /// A grid over `[lon_min, lon_max] x [lat_min, lat_max]` widened by the margin; empty when
    /// the box is not finite.
    pub fn new(lon_min: f64, lon_max: f64, lat_min: f64, lat_max: f64) -> Self {
        let lon0 = (lon_min - MARGIN_DEG).max(-180.0);
        let lon1 = (lon_max + MARGIN_DEG).min(180.0);
        let lat0 = (lat_min - MARGIN_DEG).max(-90.0);
        let lat1 = (lat_max + MARGIN_DEG).min(90.0);
        let usable = [lon0, lon1, lat0, lat1].iter().all(|v| v.is_finite());
        if !usable || lon1 <= lon0 || lat1 <= lat0 {
            return CellGrid {
                lon0: 0.0,
                lat0: 0.0,
                step: STEP_DEG,
                nx: 0,
                ny: 0,
                cells: Vec::new(),
            };
        }
        let area = (lon1 - lon0) * (lat1 - lat0);
        let step = STEP_DEG.max((area / MAX_CELLS).sqrt());
        let nx = ((lon1 - lon0) / step).ceil() as usize;
        let ny = ((lat1 - lat0) / step).ceil() as usize;
        CellGrid {
            lon0,
            lat0,
            step,
            nx,
            ny,
            cells: (0..nx * ny).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The cache of the cell holding (`lon`, `lat`), made by `init` on first use. `None` outside
    /// the grid (or for NaN).
    pub fn get(&self, lon: f64, lat: f64, init: impl FnOnce(CellArea) -> T) -> Option<&T> {
        let fx = (lon - self.lon0) / self.step;
        let fy = (lat - self.lat0) / self.step;
        if !(fx >= 0.0 && fy >= 0.0) {
            return None;
        }
        let (ix, iy) = (fx as usize, fy as usize);
        if ix >= self.nx || iy >= self.ny {
            return None;
        }
        Some(self.cells[iy * self.nx + ix].get_or_init(|| {
            init(CellArea {
                lon: self.lon0 + (ix as f64 + 0.5) * self.step,
                lat: self.lat0 + (iy as f64 + 0.5) * self.step,
                half_lon: 0.5 * self.step,
                half_lat: 0.5 * self.step,
            })
        }))
    }
}
