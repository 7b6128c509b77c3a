//! The built hierarchy: one level per zoom, each with its clusters, their children in the level
//! above, and a spatial index for the "what is in view" query.

use super::view::View;
use super::{Cluster, ClusterOptions};

/// Clusters of every zoom `min_zoom..=max_zoom` over a set of points. Built by
/// [`ClusterIndex::build`] (meant for a background thread; it can be cancelled), then read-only
/// and cheap to query from the UI thread.
pub struct ClusterIndex {
    pub(super) options: ClusterOptions,
    /// Number of input points.
    pub(super) points: usize,
    /// `levels[z - min_zoom]`.
    pub(super) levels: Vec<Level>,
}

pub(super) struct Level {
    pub clusters: Vec<Cluster>,
    /// Children of cluster `i`: `children[child_start[i]..child_start[i + 1]]`, positions in the
    /// next zoom's clusters, or point indices at `max_zoom`.
    pub child_start: Vec<u32>,
    pub children: Vec<u32>,
    pub view: View,
}
