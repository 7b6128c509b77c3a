//! "What is in view" at one zoom: the grid the build sorted the level into anyway (cells of
//! twice the level's radius), or an `rstar` R-tree (`Strategy::rtree_view`).
//!
//! Why the grid by default: the build already sorts every level but the lowest into cells to
//! cluster the next zoom, so keeping that order costs nothing, while bulk-loading an R-tree per
//! level for the ~760k items of 1M points made the whole build 61% slower (0.26 s against
//! 0.16 s in one criterion run, `cargo bench --bench cluster`). Queries for a 1280×800 screen
//! took 0.15–0.68 µs with the grid (a binary search per row of cells in view) and 0.21–0.60 µs
//! with the R-tree: nothing either way next to a frame.

use rayon::prelude::*;
use rstar::primitives::GeomWithData;
use rstar::{AABB, RTree};

use super::Cluster;
use super::cells::{Geometry, cell_sort};
use super::grid::Grid;

pub(super) type TreeEntry = GeomWithData<[f64; 2], u32>;

pub(super) enum View {
    Grid(ViewGrid),
    RTree(RTree<TreeEntry>),
}

/// Cluster positions in cell order, with the cells (row-major).
pub(super) struct ViewGrid {
    geometry: Geometry,
    items: Vec<u32>,
    first: Vec<u32>,
    cx: Vec<u32>,
    cy: Vec<u32>,
}

impl ViewGrid {
    /// From the grid built over this level to cluster the next zoom.
    pub fn from_grid(grid: Grid) -> ViewGrid {
        ViewGrid {
            geometry: grid.geometry,
            items: grid
                .recs
                .par_iter()
                .with_min_len(16_384)
                .map(|r| r.i)
                .collect(),
            first: grid.first,
            cx: grid.cx,
            cy: grid.cy,
        }
    }

    /// Its own grid, cells of side `side`.
    pub fn new(clusters: &[Cluster], side: f64) -> ViewGrid {
        let cs = cell_sort(clusters.len(), |i| (clusters[i].x, clusters[i].y), side);
        ViewGrid {
            geometry: cs.geometry,
            items: cs.sorted,
            first: cs.first,
            cx: cs.cx,
            cy: cs.cy,
        }
    }

    /// Positions of the clusters in cells overlapping `[x0, x1] × [y0, y1]` (a superset).
    fn candidates(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> impl Iterator<Item = u32> + '_ {
        let g = &self.geometry;
        let (c0, r0) = g.cell(x0, y0);
        let (c1, r1) = g.cell(x1, y1);
        let (c0, c1) = (c0 as u32, c1 as u32);
        let (r0, r1) = match self.cy.first().zip(self.cy.last()) {
            Some((&lo, &hi)) if x0 <= x1 && y0 <= y1 => ((r0 as u32).max(lo), (r1 as u32).min(hi)),
            _ => (1, 0),
        };
        (r0..=r1).flat_map(move |row| {
            let a = self.cells_before(row, c0, false);
            let b = self.cells_before(row, c1, true);
            let (s, e) = (self.first[a] as usize, self.first[b] as usize);
            self.items[s..e].iter().copied()
        })
    }

    /// Number of cells before `(row, col)` in row-major order (including it if `inclusive`).
    fn cells_before(&self, row: u32, col: u32, inclusive: bool) -> usize {
        let (mut lo, mut hi) = (0, self.cy.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let cell = (self.cy[mid], self.cx[mid]);
            if cell < (row, col) || (inclusive && cell == (row, col)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

impl View {
    pub fn rtree(clusters: &[Cluster]) -> View {
        View::RTree(RTree::bulk_load(
            clusters
                .iter()
                .filter(|c| c.x.is_finite() && c.y.is_finite())
                .map(|c| GeomWithData::new([c.x, c.y], c.index))
                .collect(),
        ))
    }

    /// Clusters with `x0 <= x <= x1` and `y0 <= y <= y1` (normalised Mercator).
    pub fn query<'a>(
        &'a self,
        clusters: &'a [Cluster],
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
    ) -> Box<dyn Iterator<Item = &'a Cluster> + 'a> {
        match self {
            View::Grid(g) => Box::new(
                g.candidates(x0, y0, x1, y1)
                    .map(move |i| &clusters[i as usize])
                    .filter(move |c| c.x >= x0 && c.x <= x1 && c.y >= y0 && c.y <= y1),
            ),
            View::RTree(t) => Box::new(
                t.locate_in_envelope(&AABB::from_corners([x0, y0], [x1, y1]))
                    .map(move |e| &clusters[e.data as usize]),
            ),
        }
    }
}
