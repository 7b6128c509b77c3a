//! supercluster's loop in its own order, over the grid: the fallback of [`super::sweep`] for
//! levels where the 3×3 blocks hold many items (a large radius for the data's spread, or many
//! distinct points within one radius). Settling in cell order looks at every pair of items
//! within a block, which grows with the square of a block's size; this loop only scans the
//! blocks of the origins, and origins are more than `r` apart, so each item is scanned a bounded
//! number of times whatever the density. It jumps around memory, hence not the default.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::grid::{Block, Grid};
use super::sweep::Settled;

/// Average block size (items scanned per item by the sweep) above which this loop is used.
pub(super) const DENSE_BLOCK: u64 = 32;

/// Items the sweep would scan: every item scans its cell's whole 3×3 block.
pub(super) fn sweep_cost(grid: &Grid) -> u64 {
    grid.ranges
        .par_iter()
        .with_min_len(16_384)
        .zip(grid.first.par_windows(2))
        .map(|(r, f)| {
            let block = u64::from(Block::new(r).len);
            block * u64::from(f[1] - f[0])
        })
        .sum()
}

/// Settles every item of `grid` as supercluster does: visiting items in their order, an item
/// not yet taken takes every item not yet taken within `r`. `None` if cancelled.
pub(super) fn settle_in_order(grid: &Grid, r: f64, cancel: &AtomicBool) -> Option<Settled> {
    let r2 = r * r;
    let recs = &grid.recs;
    let n = recs.len();
    // Position of each item by order (orders are distinct, below the level's size; for
    // pre-merged points they are point indices, so some are unused).
    let len = recs.iter().map(|a| a.k as usize + 1).max().unwrap_or(0);
    let mut at = vec![u32::MAX; len];
    for (p, a) in recs.iter().enumerate() {
        at[a.k as usize] = p as u32;
    }
    let mut owner = vec![u32::MAX; n];
    let mut takes = vec![false; n];
    for (k, &p) in at.iter().enumerate() {
        if k % 65_536 == 0 && cancel.load(Ordering::Relaxed) {
            return None;
        }
        let p = p as usize;
        if p == u32::MAX as usize || owner[p] != u32::MAX {
            continue;
        }
        owner[p] = p as u32;
        let a = recs[p];
        let block = Block::new(&grid.ranges[a.cell as usize]);
        for t in 0..block.len {
            let q = block.pos(t);
            let b = &recs[q];
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            if owner[q] == u32::MAX && dx * dx + dy * dy <= r2 {
                owner[q] = p as u32;
                takes[p] = true;
            }
        }
    }
    Some(Settled { owner, takes })
}

#[cfg(test)]
mod tests {
    use super::super::grid::Grid;
    use super::super::layer::Layer;
    use super::super::project::radius_at;
    use super::super::stacks::grid_for_points;
    use super::super::sweep::settle;
    use super::super::testdata::synthetic_sahel_points;
    use super::*;

    #[test]
    fn same_owners_as_the_sweep_sparse_and_dense() {
        let points = synthetic_sahel_points(4000, 3);
        let never = AtomicBool::new(false);
        for zoom in [16u8, 12, 8, 4, 0] {
            let r = radius_at(60.0, 512.0, zoom);
            for premerge in [true, false] {
                let grid = grid_for_points(&points, r, premerge);
                let a = settle(&grid, r);
                let b = settle_in_order(&grid, r, &never).unwrap();
                assert_eq!(a.owner, b.owner, "zoom {zoom}");
                // An origin takes something exactly when another item names it as owner.
                let mut takes = vec![false; a.owner.len()];
                for (q, &o) in a.owner.iter().enumerate() {
                    if o as usize != q {
                        takes[o as usize] = true;
                    }
                }
                assert_eq!(a.takes, takes, "zoom {zoom}");
                assert_eq!(b.takes, takes, "zoom {zoom}");
                let dense = sweep_cost(&grid) > DENSE_BLOCK * grid.recs.len() as u64;
                if premerge {
                    assert_eq!(dense, zoom <= 8, "zoom {zoom}");
                }
            }
        }
        assert!(settle_in_order(&Grid::for_layer(&Layer::default(), 0.1), 0.1, &never).is_some());
        assert!(
            settle_in_order(
                &grid_for_points(&points, 0.1, true),
                0.1,
                &AtomicBool::new(true)
            )
            .is_none()
        );
    }
}
