//! supercluster's map/reduce: a value per point, combined up the hierarchy so every cluster at
//! every zoom carries the combination of its members, in one pass over the levels (each item
//! is combined once from its children) instead of a walk over each cluster's points.

use super::ClusterIndex;

impl ClusterIndex {
    /// For every zoom `min_zoom..=max_zoom` (outer index `zoom - min_zoom`) and every item at
    /// that zoom (inner index `Cluster::index`), `combine` folded over `leaf` of its points.
    /// Costs one `leaf` call per point and one `combine` per item and child.
    pub fn reduce<A: Clone>(
        &self,
        leaf: impl Fn(u32) -> A,
        empty: A,
        combine: impl Fn(&mut A, &A),
    ) -> Vec<Vec<A>> {
        let mut out: Vec<Vec<A>> = Vec::with_capacity(self.levels.len());
        for level in self.levels.iter().rev() {
            let below = out.last();
            let values = (0..level.clusters.len())
                .map(|i| {
                    let kids = &level.children
                        [level.child_start[i] as usize..level.child_start[i + 1] as usize];
                    let mut acc = empty.clone();
                    for &c in kids {
                        match below {
                            Some(b) => combine(&mut acc, &b[c as usize]),
                            None => combine(&mut acc, &leaf(c)),
                        }
                    }
                    acc
                })
                .collect();
            out.push(values);
        }
        out.reverse();
        out
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;

    use super::super::{ClusterOptions, synthetic_sahel_points};
    use super::*;

    #[test]
    fn reduce_matches_a_walk_over_the_leaves() {
        let points = synthetic_sahel_points(5000, 4);
        let options = ClusterOptions {
            max_zoom: 12,
            ..ClusterOptions::default()
        };
        let index = ClusterIndex::build(&points, &options, &AtomicBool::new(false)).unwrap();
        // Sum of point indices and count per item.
        let sums = index.reduce(
            |p| (u64::from(p), 1u32),
            (0, 0),
            |a, b| {
                a.0 += b.0;
                a.1 += b.1;
            },
        );
        for z in 0..=12u8 {
            for c in index.clusters_at(z) {
                let leaves = index.leaves(c);
                let want: u64 = leaves.iter().map(|&p| u64::from(p)).sum();
                assert_eq!(
                    sums[z as usize][c.index as usize],
                    (want, c.count),
                    "zoom {z}"
                );
            }
        }
    }
}
