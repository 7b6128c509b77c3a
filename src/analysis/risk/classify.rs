//! Grid-accelerated point-in-polygon index over a set of polygon units.
//!
//! Every grid cell (see [`super::grid`]) is classified once:
//! * **mixed** – some unit edge touches the (eps-widened) cell: the cell stores a candidate
//!   list = the units with an edge in the cell, plus units that cover the whole cell (flagged,
//!   no test needed; only happens when units overlap). Points are tested exactly, candidates in
//!   ascending unit order, so the lowest unit index wins on shared borders.
//! * **pure** – no edge touches the cell, so every unit's containment is constant over it;
//!   the owner is the lowest unit containing the cell centre (or nobody).
//!
//! Within a grid row, a run of consecutive pure cells touches no edge either, hence shares one
//! owner: only the first cell of each run is tested (R-tree of unit bounding boxes + exact test).

use super::edges::UnitEdges;
use super::grid::GridSpec;
use super::units::Unit;
use geo::{BoundingRect, Rect};
use rayon::prelude::*;
use rstar::{AABB, RTree, primitives::GeomWithData, primitives::Rectangle};

/// Cell value: no unit.
pub(super) const OUTSIDE: u32 = u32::MAX;
/// Cell value flag: mixed cell, low bits index the candidate list.
const MIXED: u32 = 1 << 31;
/// Candidate flag: the unit covers the whole cell.
const WHOLE: u32 = 1 << 31;
/// Temporary cell value during the build.
const UNSET: u32 = u32::MAX - 1;

type BoxTree = RTree<GeomWithData<Rectangle<[f64; 2]>, u32>>;

/// The point-location structure of a polygon [`super::UnitSet`].
#[derive(Debug, Clone)]
pub(super) struct PolygonIndex {
    grid: GridSpec,
    cells: Vec<u32>,
    cand_offsets: Vec<u32>,
    cands: Vec<u32>,
    edges: Vec<UnitEdges>,
}

impl PolygonIndex {
    /// Builds the index; `units.len()` must be below 2^31.
    pub fn build(units: &[Unit]) -> Self {
        let boxes: Vec<Option<Rect>> = units.iter().map(|u| u.shape.bounding_rect()).collect();
        let extent = boxes.iter().flatten().copied().reduce(|a, b| {
            Rect::new(
                (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
                (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
            )
        });
        let grid = GridSpec::covering(extent.unwrap_or(Rect::new((0.0, 0.0), (0.0, 0.0))));
        // Edge slabs per unit, collecting (cell, unit) pairs of mixed cells.
        let per_unit: Vec<(UnitEdges, Vec<u64>)> = units
            .par_iter()
            .enumerate()
            .map(|(u, unit)| {
                let mut pairs: Vec<u64> = Vec::new();
                let edges = UnitEdges::build(&unit.shape, &grid, |r, c0, c1| {
                    for c in c0..=c1 {
                        let key = (((r * grid.ncols + c) as u64) << 32) | u as u64;
                        if pairs.last() != Some(&key) {
                            pairs.push(key);
                        }
                    }
                });
                pairs.sort_unstable();
                pairs.dedup();
                (edges, pairs)
            })
            .collect();
        let mut pairs: Vec<u64> = Vec::new();
        let mut edges = Vec::with_capacity(units.len());
        for (e, p) in per_unit {
            edges.push(e);
            pairs.extend(p);
        }
        pairs.par_sort_unstable();
        let tree: BoxTree = RTree::bulk_load(
            boxes
                .iter()
                .enumerate()
                .filter_map(|(u, b)| b.map(|b| (u, b)))
                .map(|(u, b)| {
                    let r = Rectangle::from_corners([b.min().x, b.min().y], [b.max().x, b.max().y]);
                    GeomWithData::new(r, u as u32)
                })
                .collect(),
        );
        let mut index = PolygonIndex {
            grid,
            cells: Vec::new(),
            cand_offsets: vec![0],
            cands: Vec::new(),
            edges,
        };
        index.classify_rows(&pairs, &tree);
        index
    }

    /// Fills `cells` and the candidate lists row by row (rows in parallel).
    fn classify_rows(&mut self, pairs: &[u64], tree: &BoxTree) {
        let g = self.grid;
        let row_of = |k: u64| (k >> 32) as usize / g.ncols;
        let rows: Vec<(Vec<u32>, Vec<u32>, Vec<u32>)> = (0..g.nrows)
            .into_par_iter()
            .map(|r| {
                let lo = pairs.partition_point(|&k| row_of(k) < r);
                let hi = pairs.partition_point(|&k| row_of(k) <= r);
                self.classify_row(r, &pairs[lo..hi], tree)
            })
            .collect();
        self.cells = Vec::with_capacity(g.len());
        for (mut cells, offs, cands) in rows {
            let base = (self.cand_offsets.len() - 1) as u32;
            let cbase = self.cands.len() as u32;
            for c in &mut cells {
                if *c & MIXED != 0 && *c != OUTSIDE {
                    *c += base;
                }
            }
            self.cells.extend(cells);
            self.cand_offsets
                .extend(offs.iter().skip(1).map(|o| o + cbase));
            self.cands.extend(cands);
        }
    }

    /// One row: (cells, local candidate offsets starting with 0, candidates).
    fn classify_row(
        &self,
        r: usize,
        pairs: &[u64],
        tree: &BoxTree,
    ) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
        let g = self.grid;
        let mut cells = vec![UNSET; g.ncols];
        let mut offs = vec![0u32];
        let mut cands: Vec<u32> = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let cell = (pairs[i] >> 32) as usize;
            let col = cell - r * g.ncols;
            let start = cands.len();
            while i < pairs.len() && (pairs[i] >> 32) as usize == cell {
                cands.push(pairs[i] as u32);
                i += 1;
            }
            // Units covering the whole cell without an edge in it (overlapping units only).
            let (cx, cy) = g.centre(r, col);
            for u in bbox_units(tree, cx, cy) {
                if !cands[start..].contains(&u) && self.edges[u as usize].contains(cx, cy) {
                    cands.push(u | WHOLE);
                }
            }
            cands[start..].sort_unstable_by_key(|&c| c & !WHOLE);
            cells[col] = MIXED | (offs.len() - 1) as u32;
            offs.push(cands.len() as u32);
        }
        let mut col = 0;
        while col < g.ncols {
            if cells[col] != UNSET {
                col += 1;
                continue;
            }
            let (cx, cy) = g.centre(r, col);
            let owner = bbox_units(tree, cx, cy)
                .into_iter()
                .find(|&u| self.edges[u as usize].contains(cx, cy))
                .unwrap_or(OUTSIDE);
            while col < g.ncols && cells[col] == UNSET {
                cells[col] = owner;
                col += 1;
            }
        }
        (cells, offs, cands)
    }

    /// Unit index of (`x`, `y`) (lowest index on shared borders) or [`OUTSIDE`].
    #[inline]
    pub fn locate(&self, x: f64, y: f64) -> u32 {
        let (Some(col), Some(row)) = (self.grid.col(x), self.grid.row(y)) else {
            return OUTSIDE;
        };
        let c = self.cells[row * self.grid.ncols + col];
        if c & MIXED == 0 || c == OUTSIDE {
            return c;
        }
        let k = (c & !MIXED) as usize;
        for &cand in &self.cands[self.cand_offsets[k] as usize..self.cand_offsets[k + 1] as usize] {
            let u = cand & !WHOLE;
            if cand & WHOLE != 0 || self.edges[u as usize].contains(x, y) {
                return u;
            }
        }
        OUTSIDE
    }

    /// Number of mixed cells (for diagnostics).
    pub fn mixed_cells(&self) -> usize {
        self.cand_offsets.len() - 1
    }
}

/// Units whose bounding box contains (`x`, `y`), ascending.
fn bbox_units(tree: &BoxTree, x: f64, y: f64) -> Vec<u32> {
    let mut ids: Vec<u32> = tree
        .locate_in_envelope_intersecting(&AABB::from_point([x, y]))
        .map(|g| g.data)
        .collect();
    ids.sort_unstable();
    ids
}
