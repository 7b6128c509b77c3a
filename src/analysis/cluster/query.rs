//! Reading the built index: clusters per zoom, what is in view, members, expansion zoom.

use super::index::{ClusterIndex, Level};
use super::project::{lat_to_y, lon_to_x};
use super::{Cluster, ClusterOptions};

impl ClusterIndex {
    /// The options used (after [`ClusterIndex::build`] made them safe).
    pub fn options(&self) -> &ClusterOptions {
        &self.options
    }

    /// Number of input points.
    pub fn points(&self) -> usize {
        self.points
    }

    pub fn min_zoom(&self) -> u8 {
        self.options.min_zoom
    }

    pub fn max_zoom(&self) -> u8 {
        self.options.max_zoom
    }

    fn level(&self, zoom: u8) -> &Level {
        let z = zoom.clamp(self.options.min_zoom, self.options.max_zoom);
        &self.levels[usize::from(z - self.options.min_zoom)]
    }

    /// Every item at `zoom` (clusters and single points), in the build's spatially coherent
    /// order (`Cluster::index` is the position here, `Cluster::order` supercluster's). Zooms
    /// outside `min_zoom..=max_zoom` are clamped to it.
    pub fn clusters_at(&self, zoom: u8) -> &[Cluster] {
        &self.level(zoom).clusters
    }

    /// The items at `zoom` inside a longitude/latitude box (edges included), through the level's
    /// spatial index, in no particular order. A box with `lon_min > lon_max` crosses the
    /// antimeridian; one at least 360° wide covers every longitude.
    pub fn in_view(
        &self,
        zoom: u8,
        lon_min: f64,
        lat_min: f64,
        lon_max: f64,
        lat_max: f64,
    ) -> impl Iterator<Item = &Cluster> + '_ {
        let level = self.level(zoom);
        let (y0, y1) = (
            lat_to_y(lat_max.clamp(-90.0, 90.0)),
            lat_to_y(lat_min.clamp(-90.0, 90.0)),
        );
        let boxes: [Option<(f64, f64)>; 2] = if lon_max - lon_min >= 360.0 {
            [Some((0.0, 1.0)), None]
        } else if lon_min > lon_max {
            [
                Some((lon_to_x(lon_min), 1.0)),
                Some((0.0, lon_to_x(lon_max))),
            ]
        } else {
            [Some((lon_to_x(lon_min), lon_to_x(lon_max))), None]
        };
        boxes
            .into_iter()
            .flatten()
            .flat_map(move |(x0, x1)| level.view.query(&level.clusters, x0, y0, x1, y1))
    }

    /// The original indices of all the points of `cluster` (for a single point, its own index),
    /// in no particular order. Costs about `count` steps: a walk down the levels, where a single
    /// point is its `id` without going further.
    pub fn leaves(&self, cluster: &Cluster) -> Vec<u32> {
        let mut out = Vec::with_capacity(cluster.count as usize);
        self.for_each_leaf(cluster, |p| out.push(p));
        out
    }

    /// [`ClusterIndex::leaves`] without collecting them: `f` is called with each point index,
    /// for the UI to summarise members without an allocation.
    pub fn for_each_leaf(&self, cluster: &Cluster, mut f: impl FnMut(u32)) {
        if cluster.count == 1 {
            f(cluster.id as u32);
            return;
        }
        // Zoom by zoom rather than depth first: the lookups of one zoom do not wait on each
        // other, which is several times faster for big clusters (cache misses overlap).
        let max = self.options.max_zoom;
        let mut frontier = vec![cluster.index];
        let mut next_frontier = Vec::new();
        for zoom in cluster.zoom..=max {
            let level = self.level(zoom);
            let next = (zoom < max).then(|| &self.level(zoom + 1).clusters);
            for &i in &frontier {
                let i = i as usize;
                let (s, e) = (
                    level.child_start[i] as usize,
                    level.child_start[i + 1] as usize,
                );
                for &c in &level.children[s..e] {
                    match next {
                        None => f(c),
                        Some(next) => {
                            let child = &next[c as usize];
                            if child.count == 1 {
                                f(child.id as u32);
                            } else {
                                next_frontier.push(c);
                            }
                        }
                    }
                }
            }
            std::mem::swap(&mut frontier, &mut next_frontier);
            next_frontier.clear();
            if frontier.is_empty() {
                break;
            }
        }
    }

    /// The items `cluster` was made of at the next zoom: positions in
    /// `clusters_at(cluster.zoom + 1)`, or point indices when `cluster.zoom == max_zoom`. An item
    /// carried over unchanged has one child, itself one zoom higher.
    pub fn children(&self, cluster: &Cluster) -> &[u32] {
        let level = self.level(cluster.zoom);
        let i = cluster.index as usize;
        &level.children[level.child_start[i] as usize..level.child_start[i + 1] as usize]
    }

    /// The child clusters at the next zoom (none at `max_zoom`: use [`ClusterIndex::leaves`]).
    pub fn child_clusters(&self, cluster: &Cluster) -> impl Iterator<Item = &Cluster> + '_ {
        let next: &[Cluster] = if cluster.zoom < self.options.max_zoom {
            self.clusters_at(cluster.zoom + 1)
        } else {
            &[]
        };
        let children = if next.is_empty() {
            &[][..]
        } else {
            self.children(cluster)
        };
        children.iter().map(move |&c| &next[c as usize])
    }

    /// supercluster's `getClusterExpansionZoom`: the zoom at which the cluster splits into its
    /// children, i.e. one more than the zoom at which it was formed (read from its id); at most
    /// `max_zoom + 1`, which means no cluster level separates its points. For a single point, its
    /// own zoom.
    pub fn expansion_zoom(&self, cluster: &Cluster) -> u8 {
        if cluster.count <= 1 {
            return cluster.zoom;
        }
        ((cluster.id - self.points as u64) % 32) as u8
    }

    /// The cluster is still one item at `max_zoom` (its expansion zoom is beyond the levels), so
    /// zooming in cannot separate its points: the UI should list or spider [`Self::leaves`].
    /// Always true for points exactly stacked (`Cluster::stacked`), possibly for points a few
    /// metres apart.
    pub fn stacked_at_max_zoom(&self, cluster: &Cluster) -> bool {
        cluster.count > 1 && self.expansion_zoom(cluster) > self.options.max_zoom
    }

    /// `(zoom, number of items)` for every zoom, single points counted as items of one.
    pub fn counts_per_zoom(&self) -> Vec<(u8, usize)> {
        (self.options.min_zoom..=self.options.max_zoom)
            .map(|z| (z, self.clusters_at(z).len()))
            .collect()
    }
}
