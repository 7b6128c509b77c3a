//! The neighbour structure used to build: a uniform grid of cells a little larger than `r`,
//! items stored cell after cell, and for each cell the three runs of items covering its 3×3
//! block (cells are in row-major order, so the three cells of a row are contiguous).
//!
//! Why not the R-tree for this step: each level is queried once per item and thrown away, all
//! queries have the same radius, and on this data a block holds 6–13 items. A grid query is one
//! table read and three short contiguous scans with no descent, the grid is one radix sort, and
//! cell order is what makes the sweep (`sweep.rs`) local. Measured in one criterion run
//! (`cargo bench --bench cluster`, 1M synthetic Sahel points, zooms 0..=16, 2 cores):
//! supercluster's loop with an `rstar` tree per level (bulk load, then
//! `locate_within_distance`; `Strategy::rtree_greedy`) took 1.65 s against 0.26 s for the grid,
//! both with R-tree views (`Strategy::rtree_view`); the default build took 0.16 s.

use rayon::prelude::*;

use super::cells::{CellSort, Geometry, cell_sort, neighbour_ranges};
use super::concat::par_filled;
use super::layer::Layer;

/// One item in cell order (32 bytes).
#[derive(Debug, Clone, Copy)]
pub(super) struct Rec {
    pub x: f64,
    pub y: f64,
    /// Greedy order (`Item::k`); for pre-merged stacked points, the first point's index.
    pub k: u32,
    /// Number of points, and `STACKED` for exactly stacked points.
    pub w_flags: u32,
    pub cell: u32,
    /// Position in the level (the point's index for points).
    pub i: u32,
}

const STACKED: u32 = 1 << 31;

impl Rec {
    pub fn new(x: f64, y: f64, k: u32, w: u32, stacked: bool, cell: u32, i: u32) -> Rec {
        Rec {
            x,
            y,
            k,
            w_flags: w | if stacked { STACKED } else { 0 },
            cell,
            i,
        }
    }

    /// Number of points.
    #[inline]
    pub fn w(&self) -> u32 {
        self.w_flags & !STACKED
    }

    #[inline]
    pub fn stacked(&self) -> bool {
        self.w_flags & STACKED != 0
    }
}

/// Points pre-merged by exact position: the points of the item at position `p` are
/// `list[start[p]..start[p + 1]]`, the first (smallest index) first.
#[derive(Debug, Default)]
pub(super) struct Members {
    pub start: Vec<u32>,
    pub list: Vec<u32>,
}

pub(super) struct Grid {
    /// Items in cell order.
    pub recs: Vec<Rec>,
    /// Per cell: the three runs (start, end) of positions covering its 3×3 block.
    pub ranges: Vec<[u32; 6]>,
    /// Set when stacked points were merged.
    pub members: Option<Members>,
    /// Items' ids in cell order (for a level; a point's id is its index, `Rec::k`).
    pub ids: Option<Vec<u64>>,
    pub geometry: Geometry,
    /// Per cell: first position (plus one entry at the end), column, row.
    pub first: Vec<u32>,
    pub cx: Vec<u32>,
    pub cy: Vec<u32>,
}

impl Grid {
    /// A grid over the items of a level, radius `r`.
    pub fn for_layer(layer: &Layer, r: f64) -> Grid {
        let items = &layer.items;
        let cs = cell_sort(items.len(), |i| (items[i].x, items[i].y), r);
        let cells = cell_index(&cs.first);
        let (recs, ids): (Vec<Rec>, Vec<u64>) = cs
            .sorted
            .par_iter()
            .zip(cells.par_iter())
            .with_min_len(16_384)
            .map(|(&i, &cell)| {
                let it = &items[i as usize];
                (
                    Rec::new(it.x, it.y, it.order, it.count, it.stacked, cell, i),
                    it.id,
                )
            })
            .unzip();
        let mut grid = Grid::new(recs, None, cs);
        grid.ids = Some(ids);
        grid
    }

    /// `recs` in the cell order of `cs` (with `first` counted in recs).
    pub fn new(recs: Vec<Rec>, members: Option<Members>, cs: CellSort) -> Grid {
        let ranges = neighbour_ranges(&cs.first, &cs.cx, &cs.cy);
        Grid {
            recs,
            ranges,
            members,
            ids: None,
            geometry: cs.geometry,
            first: cs.first,
            cx: cs.cx,
            cy: cs.cy,
        }
    }

    /// The id of the item at position `p`.
    #[inline]
    pub fn id(&self, p: usize) -> u64 {
        match &self.ids {
            Some(ids) => ids[p],
            None => u64::from(self.recs[p].k),
        }
    }

    /// The children a rec stands for: its points if pre-merged, else its position in the level.
    #[inline]
    pub fn labels(&self, p: usize) -> Labels<'_> {
        match &self.members {
            Some(m) => Labels::Many(&m.list[m.start[p] as usize..m.start[p + 1] as usize]),
            None => Labels::One(self.recs[p].i),
        }
    }
}

pub(super) enum Labels<'a> {
    One(u32),
    Many(&'a [u32]),
}

impl Labels<'_> {
    #[inline]
    pub fn extend_into(&self, out: &mut Vec<u32>) {
        match self {
            Labels::One(k) => out.push(*k),
            Labels::Many(list) => out.extend_from_slice(list),
        }
    }
}

/// The positions of a 3×3 block's three runs (an entry of [`Grid::ranges`]) as one sequence
/// `0..len`, so that a scan of the block is one loop instead of three short ones (whose exits are
/// mispredicted about every other time: runs hold a few items each, of varying number).
#[derive(Clone, Copy)]
pub(super) struct Block {
    /// Where each run's positions start, less the number of positions before the run (mod 2^32).
    base: [u32; 3],
    /// Positions in the first run, and in the first two.
    split: [u32; 2],
    /// Number of items in the block.
    pub len: u32,
}

impl Block {
    #[inline]
    pub fn new(runs: &[u32; 6]) -> Block {
        let l0 = runs[1] - runs[0];
        let l01 = l0 + runs[3] - runs[2];
        Block {
            base: [runs[0], runs[2].wrapping_sub(l0), runs[4].wrapping_sub(l01)],
            split: [l0, l01],
            len: l01 + runs[5] - runs[4],
        }
    }

    /// The `t`-th position (`t < len`); selects, no branch.
    #[inline]
    pub fn pos(&self, t: u32) -> usize {
        let run = usize::from(t >= self.split[0]) + usize::from(t >= self.split[1]);
        self.base[run].wrapping_add(t) as usize
    }
}

/// The cell of every position, from the cells' first positions.
/// Chunks of cells are written on all threads.
pub(super) fn cell_index(first: &[u32]) -> Vec<u32> {
    const CELLS: usize = if cfg!(test) { 3 } else { 16_384 };
    let n = *first.last().unwrap_or(&0) as usize;
    let mut out = par_filled(0u32, n);
    let mut rest = out.as_mut_slice();
    let mut chunks = Vec::new();
    for a in (0..first.len().saturating_sub(1)).step_by(CELLS) {
        let b = (a + CELLS).min(first.len() - 1);
        let (here, tail) = rest.split_at_mut((first[b] - first[a]) as usize);
        chunks.push((a, b, here));
        rest = tail;
    }
    chunks.into_par_iter().for_each(|(a, b, out)| {
        let mut at = 0;
        for c in a..b {
            let len = (first[c + 1] - first[c]) as usize;
            out[at..at + len].fill(c as u32);
            at += len;
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_positions_are_the_three_runs_in_order() {
        for runs in [
            [10, 13, 40, 41, 90, 95],
            [0, 0, 5, 9, 9, 9],
            [7, 7, 7, 7, 7, 7],
            [3, 4, 0, 0, 1, 2],
        ] {
            let block = Block::new(&runs);
            let want: Vec<usize> = (0..3)
                .flat_map(|r| runs[2 * r] as usize..runs[2 * r + 1] as usize)
                .collect();
            assert_eq!(block.len as usize, want.len(), "{runs:?}");
            let got: Vec<usize> = (0..block.len).map(|t| block.pos(t)).collect();
            assert_eq!(got, want, "{runs:?}");
        }
    }
}
