//! Building every level, highest zoom first: each zoom is made from the one above (supercluster's
//! order), each step of each zoom shared among the threads.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use super::ClusterOptions;
use super::emit::emit;
use super::greedy::{DENSE_BLOCK, settle_in_order, sweep_cost};
use super::grid::Grid;
use super::index::{ClusterIndex, Level};
use super::layer::{Layer, Source};
use super::project::radius_at;
use super::rtree_greedy::greedy_rtree;
use super::stacks::grid_for_points;
use super::sweep::settle;
use super::view::{View, ViewGrid};

/// How the build does its inner steps. [`Strategy::default`] is the fastest measured; the others
/// exist to measure against it (`benches/cluster.rs`) and to cross-check it in the tests. All
/// give the same clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Strategy {
    /// supercluster's index-order loop with an `rstar` R-tree per level for the neighbour query,
    /// instead of the grid sweep.
    pub rtree_greedy: bool,
    /// Do not merge exactly stacked points before the first pass (grid only).
    pub no_premerge: bool,
    /// Settle every level with supercluster's in-order loop over the grid (`greedy.rs`) instead
    /// of the cell-order sweep (which falls back to it only on crowded levels).
    pub in_order: bool,
    /// Bulk-load an `rstar` R-tree per level for [`ClusterIndex::in_view`] instead of keeping
    /// the grid.
    pub rtree_view: bool,
}

impl ClusterIndex {
    /// Clusters `points` (`[lon, lat]` in degrees) at every zoom of `options`. Returns `None` soon
    /// after `cancel` is set (it is checked between the steps of each zoom). Options are made
    /// safe first: `max_zoom` at most 30, `min_zoom` at most `max_zoom`, `min_points` at least
    /// 1. Panics with 2^31 points or more.
    pub fn build(
        points: &[[f64; 2]],
        options: &ClusterOptions,
        cancel: &AtomicBool,
    ) -> Option<ClusterIndex> {
        Self::build_with(points, options, cancel, Strategy::default())
    }

    /// [`ClusterIndex::build`] with a chosen [`Strategy`] (for measurements and tests).
    ///
    /// The build runs on a thread of rayon's pool (the caller waits): its hundreds of parallel
    /// steps are then forks inside the pool. Called from outside it (the CLI's main thread, the
    /// window's cluster job), each step was sent into the pool and the caller put to sleep until
    /// it finished, a round trip between threads for every step.
    pub fn build_with(
        points: &[[f64; 2]],
        options: &ClusterOptions,
        cancel: &AtomicBool,
        strategy: Strategy,
    ) -> Option<ClusterIndex> {
        rayon::scope(|_| Self::build_in_pool(points, options, cancel, strategy))
    }

    fn build_in_pool(
        points: &[[f64; 2]],
        options: &ClusterOptions,
        cancel: &AtomicBool,
        strategy: Strategy,
    ) -> Option<ClusterIndex> {
        assert!(points.len() < 1 << 31, "too many points");
        let mut options = options.clone();
        options.max_zoom = options.max_zoom.min(30);
        options.min_zoom = options.min_zoom.min(options.max_zoom);
        options.min_points = options.min_points.max(1);
        let o = &options;
        let n = points.len();
        let stop = || cancel.load(Ordering::Relaxed);
        let zooms = usize::from(o.max_zoom - o.min_zoom) + 1;
        let slot = |z: u8| usize::from(z - o.min_zoom);
        let mut layers: Vec<Option<Layer>> = (0..zooms).map(|_| None).collect();
        let mut views: Vec<Option<View>> = (0..zooms).map(|_| None).collect();
        for z in (o.min_zoom..=o.max_zoom).rev() {
            if stop() {
                return None;
            }
            let r = radius_at(o.radius, o.extent, z);
            let above = layers.get(slot(z) + 1).and_then(Option::as_ref);
            let src = match above {
                Some(l) => Source::Layer(l),
                None => Source::Points(points),
            };
            let layer = if strategy.rtree_greedy {
                greedy_rtree(src, z, r, o.min_points, n, cancel)?
            } else {
                let mut grid = match above {
                    Some(l) => Grid::for_layer(l, r),
                    None => grid_for_points(points, r, !strategy.no_premerge),
                };
                if stop() {
                    return None;
                }
                let dense =
                    strategy.in_order || sweep_cost(&grid) > DENSE_BLOCK * grid.recs.len() as u64;
                let settled = if dense {
                    settle_in_order(&grid, r, cancel)?
                } else {
                    settle(&grid, r)
                };
                if stop() {
                    return None;
                }
                let layer = emit(&grid, &settled, src, z, o.min_points, n);
                // Not needed any more: a smaller peak of memory.
                grid.ranges = Vec::new();
                if above.is_some() && !strategy.rtree_view {
                    views[slot(z) + 1] = Some(View::Grid(ViewGrid::from_grid(grid)));
                }
                layer
            };
            layers[slot(z)] = Some(layer);
        }
        let levels: Vec<Level> = layers
            .into_par_iter()
            .zip(views)
            .enumerate()
            .map(|(i, (layer, view))| {
                let layer = layer.expect("every zoom built");
                let view = match view {
                    Some(v) => v,
                    None if strategy.rtree_view => View::rtree(&layer.items),
                    // The lowest zoom (or no grid was built): cells of twice its radius.
                    None => {
                        let z = o.min_zoom + i as u8;
                        let side = 2.0 * radius_at(o.radius, o.extent, z);
                        View::Grid(ViewGrid::new(&layer.items, side))
                    }
                };
                Level {
                    clusters: layer.items,
                    child_start: layer.child_start,
                    children: layer.children,
                    view,
                }
            })
            .collect();
        Some(ClusterIndex {
            options,
            points: n,
            levels,
        })
    }
}
