//! Hierarchical point clustering for every integer zoom, with supercluster's semantics
//! (mapbox/supercluster 8.0.1, `load` and `_cluster`): a radius in screen pixels relative to a
//! tile `extent`, greedy in the level's order, each zoom clustering the clusters of the zoom
//! above.
//!
//! # Semantics (as supercluster)
//! * Points are projected to normalised Web Mercator (x = lon/360 + 0.5, y from the latitude,
//!   clamped to [0, 1]); at zoom `z` the radius is `r = radius / (extent * 2^z)` in those units.
//! * Level `max_zoom + 1` is the points themselves. Level `z` is made from level `z + 1`: items
//!   are visited in the level's order; an item not yet taken at this zoom takes every item not
//!   yet taken within `r` (inclusive). If that makes more points than the item alone and at
//!   least `min_points` in total, they become one cluster at their weighted centroid (weights =
//!   point counts), placed in the order where the first item was; otherwise the item and those
//!   neighbours are carried over unchanged. Every point belongs to exactly one item per zoom.
//! * Cluster ids are supercluster's: `(origin order << 5) + (zoom + 1) + number of points`, where
//!   the origin is the item the cluster started from, in the order of the level above; a single
//!   point's id is its index. An item carried over keeps its id, so one id can appear at several
//!   zooms; [`ClusterIndex::expansion_zoom`] reads the zoom back from it.
//!
//! # How it is built fast (see each file for what was measured against what)
//! * `sweep.rs`: the greedy pass is computed in cell order instead of the level's order, with
//!   the same result (an item starts a group exactly when no earlier such item is within `r`),
//!   so memory access stays local and both cores share the work; `greedy.rs` is the in-order
//!   loop, used instead on levels where blocks of cells are crowded.
//! * `grid.rs`, `cells.rs`, `radix.rs`: a uniform grid of cells of side `r` (radix-sorted) for
//!   the neighbour query; `stacks.rs`: exactly stacked points merged before the first pass;
//!   `emit.rs`: the next zoom written in cell order, its supercluster order kept in
//!   [`Cluster::order`].
//! * `view.rs`: the cell order of each level is kept as its "what is in view" index;
//!   `rtree_greedy.rs` and [`Strategy`] keep the `rstar` alternatives to measure against.
//! * Both cores all the time: the build runs inside rayon's pool (`build.rs`), joins and fills
//!   of large arrays are written on every thread (`concat.rs`), and the settle's pieces and the
//!   radix sort's buckets are ordered so that no long piece of work is left for one thread at
//!   the end of a step.
//!
//! # Differences from supercluster
//! None changes which points are clustered together at the default `min_points = 2`, except
//! through the first one:
//! * coordinates stay `f64` (supercluster rounds the projected points and its k-d tree to
//!   `f32`, so a pair at a distance within a float32 rounding of `r` may be decided
//!   differently: ~0.4% of the items at zoom 16 on 1M synthetic points, less at lower zooms);
//! * when `min_points > 2` and a group is too small, supercluster carries the neighbours over
//!   in its k-d tree's order; here they follow their order in the level (which then decides
//!   the greedy order of the next zoom);
//! * zooms above `max_zoom` are answered with `max_zoom` (supercluster returns the raw points
//!   at `max_zoom + 1`): [`ClusterIndex::stacked_at_max_zoom`] tells the UI when a cluster
//!   cannot be split by zooming, and [`ClusterIndex::leaves`] lists its points;
//! * [`ClusterIndex::clusters_at`] lists a zoom in a spatially coherent order (supercluster's
//!   `getClusters` answers in its k-d tree's order); [`Cluster::order`] is supercluster's.

mod build;
mod cells;
mod concat;
mod emit;
mod greedy;
mod grid;
mod index;
mod layer;
mod project;
mod query;
mod radix;
mod reduce;
mod report;
mod rtree_greedy;
mod stacks;
mod sweep;
pub mod testdata;
mod view;

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_edge;
#[cfg(test)]
mod tests_prop;

pub use build::Strategy;
pub use index::ClusterIndex;
pub use project::{lat_to_y, lon_to_x, radius_at, x_to_lon, y_to_lat};
pub use report::{ClusterReport, parse_lon_lat_csv, write_lon_lat_csv};
pub use testdata::{BENCH_SEED, synthetic_sahel_points};

/// How to cluster. `Default`: radius 60 px, extent 512, zooms 0..=16, `min_points` 2.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterOptions {
    /// Cluster radius in pixels.
    pub radius: f64,
    /// Tile extent in pixels; the radius is relative to it.
    pub extent: f64,
    /// Lowest zoom with clusters.
    pub min_zoom: u8,
    /// Highest zoom with clusters (at most 30: ids keep the zoom in 5 bits).
    pub max_zoom: u8,
    /// A cluster needs at least this many points, else its members stay separate.
    pub min_points: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            radius: 60.0,
            extent: 512.0,
            min_zoom: 0,
            max_zoom: 16,
            min_points: 2,
        }
    }
}

/// One item at one zoom: a cluster of several points or a single point (40 bytes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cluster {
    /// Normalised Web Mercator position (the weighted centroid of the members in x and y; a
    /// single point's own position). [`Cluster::lon`] and [`Cluster::lat`] give degrees.
    pub x: f64,
    pub y: f64,
    /// supercluster's id: the point's index for a single point, else
    /// `(origin order << 5) + (zoom formed + 1) + number of points`.
    pub id: u64,
    /// Number of points (1 for a single point).
    pub count: u32,
    /// Position in supercluster's order at this zoom (its internal array, which is also the
    /// order the next zoom's greedy pass visits items in). `clusters_at` is in another order.
    pub order: u32,
    /// Position in [`ClusterIndex::clusters_at`] of `zoom`.
    pub index: u32,
    /// The zoom this item is listed at.
    pub zoom: u8,
    /// Every member has exactly the same coordinates (and there are at least two): no zoom can
    /// separate them, so the UI should list or spider them.
    pub stacked: bool,
}

impl Cluster {
    /// More than one point.
    pub fn is_cluster(&self) -> bool {
        self.count > 1
    }

    /// Longitude in degrees (from `x`; a single point's input longitude to ~1e-14°).
    pub fn lon(&self) -> f64 {
        x_to_lon(self.x)
    }

    /// Latitude in degrees (from `y`; a single point's input latitude to ~1e-12°). For the
    /// exact input coordinates of a single point, its `id` is its index.
    pub fn lat(&self) -> f64 {
        y_to_lat(self.y)
    }
}
