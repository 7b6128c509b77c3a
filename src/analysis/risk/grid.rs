//! Uniform lon/lat grid over the extent of a unit set.
//!
//! The grid serves two purposes: rows are the "slabs" that bucket polygon edges for the exact
//! point-in-polygon test ([`super::edges`]), and cells are classified once as pure/mixed/outside
//! ([`super::classify`]) so that most points resolve with one array lookup.

use geo::Rect;

/// Preferred cell size in degrees (≈ 5.5 km at the equator).
pub const DEFAULT_CELL_DEG: f64 = 0.05;
/// Upper bound on the number of cells; the cell grows for very large extents.
pub const MAX_CELLS: f64 = 4.0e6;

/// Geometry of the grid: origin, cell size, dimensions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct GridSpec {
    pub x0: f64,
    pub y0: f64,
    pub d: f64,
    inv: f64,
    pub ncols: usize,
    pub nrows: usize,
    /// Tolerance added around every row band / cell when bucketing edges. It is far larger
    /// than the rounding error of `(y - y0) / d` and far smaller than any real feature, so
    /// a point is never tested against a slab that misses one of its edges.
    pub eps: f64,
}

impl GridSpec {
    /// A grid covering `bbox` with cells of `DEFAULT_CELL_DEG` (or larger when the extent would
    /// need more than `MAX_CELLS` cells).
    pub fn covering(bbox: Rect<f64>) -> Self {
        let (w, h) = (bbox.width().max(0.0), bbox.height().max(0.0));
        let d = DEFAULT_CELL_DEG.max(((w * h) / MAX_CELLS).sqrt());
        let ncols = (w / d).floor() as usize + 1;
        let nrows = (h / d).floor() as usize + 1;
        GridSpec {
            x0: bbox.min().x,
            y0: bbox.min().y,
            d,
            inv: 1.0 / d,
            ncols,
            nrows,
            eps: d * 1e-6,
        }
    }

    /// Total number of cells.
    pub fn len(&self) -> usize {
        self.ncols * self.nrows
    }

    /// Grid column of `x`, or `None` outside the grid (also for NaN).
    #[inline]
    pub fn col(&self, x: f64) -> Option<usize> {
        let c = (x - self.x0) * self.inv;
        (c >= 0.0 && c < self.ncols as f64).then_some(c as usize)
    }

    /// Grid row of `y`, or `None` outside the grid (also for NaN).
    #[inline]
    pub fn row(&self, y: f64) -> Option<usize> {
        let r = (y - self.y0) * self.inv;
        (r >= 0.0 && r < self.nrows as f64).then_some(r as usize)
    }

    /// Row index of `y` clamped into `0..nrows` (for bucketing edge extents).
    pub fn row_clamped(&self, y: f64) -> usize {
        let r = ((y - self.y0) * self.inv).floor();
        r.clamp(0.0, (self.nrows - 1) as f64) as usize
    }

    /// Column index of `x` clamped into `0..ncols`.
    pub fn col_clamped(&self, x: f64) -> usize {
        let c = ((x - self.x0) * self.inv).floor();
        c.clamp(0.0, (self.ncols - 1) as f64) as usize
    }

    /// The y-band of row `r`, widened by `eps` on both sides.
    pub fn row_band(&self, r: usize) -> (f64, f64) {
        let lo = self.y0 + r as f64 * self.d;
        (lo - self.eps, lo + self.d + self.eps)
    }

    /// Centre of cell (`row`, `col`).
    pub fn centre(&self, row: usize, col: usize) -> (f64, f64) {
        (
            self.x0 + (col as f64 + 0.5) * self.d,
            self.y0 + (row as f64 + 0.5) * self.d,
        )
    }
}
