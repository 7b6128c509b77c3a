//! Unit tests: the build against a direct port of supercluster, and the invariants.

use std::sync::atomic::AtomicBool;

use super::project::radius_at;
use super::reference::reference;
use super::testdata::synthetic_sahel_points;
use super::*;

pub(super) const ALL_STRATEGIES: [Strategy; 5] = [
    Strategy {
        rtree_greedy: false,
        no_premerge: false,
        in_order: false,
        rtree_view: false,
    },
    Strategy {
        rtree_greedy: false,
        no_premerge: true,
        in_order: false,
        rtree_view: true,
    },
    Strategy {
        rtree_greedy: false,
        no_premerge: false,
        in_order: true,
        rtree_view: false,
    },
    Strategy {
        rtree_greedy: true,
        no_premerge: false,
        in_order: false,
        rtree_view: false,
    },
    Strategy {
        rtree_greedy: true,
        no_premerge: false,
        in_order: false,
        rtree_view: true,
    },
];

pub(super) fn build(points: &[[f64; 2]], o: &ClusterOptions) -> ClusterIndex {
    ClusterIndex::build(points, o, &AtomicBool::new(false)).unwrap()
}

fn sorted(v: &[u32]) -> Vec<u32> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}

/// A zoom's items in supercluster's order.
pub(super) fn in_order(index: &ClusterIndex, z: u8) -> Vec<Cluster> {
    let mut items = index.clusters_at(z).to_vec();
    items.sort_by_key(|c| c.order);
    assert!(items.iter().enumerate().all(|(i, c)| c.order as usize == i));
    items
}

/// A cluster's children as supercluster numbers them (orders one zoom up, or point indices).
fn children_in_order(index: &ClusterIndex, c: &Cluster) -> Vec<u32> {
    if c.zoom == index.max_zoom() {
        index.children(c).to_vec()
    } else {
        let above = index.clusters_at(c.zoom + 1);
        index
            .children(c)
            .iter()
            .map(|&i| above[i as usize].order)
            .collect()
    }
}

/// Same items in the same order with the same ids, counts, children and (nearly) positions as
/// the port of supercluster, for every strategy.
pub(super) fn assert_matches_reference(points: &[[f64; 2]], o: &ClusterOptions) {
    let expected = reference(points, o);
    for strategy in ALL_STRATEGIES {
        let index = ClusterIndex::build_with(points, o, &AtomicBool::new(false), strategy).unwrap();
        for z in o.min_zoom..=o.max_zoom {
            let got = in_order(&index, z);
            let want = &expected[usize::from(z - o.min_zoom)];
            assert_eq!(got.len(), want.len(), "zoom {z} {strategy:?}");
            for (c, w) in got.iter().zip(want) {
                assert_eq!((c.id, c.count), (w.id, w.num), "zoom {z} {strategy:?}");
                let tol = 1e-12 * (1.0 + c.x.abs());
                assert!((c.x - w.x).abs() <= tol && (c.y - w.y).abs() <= tol);
                let children = children_in_order(&index, c);
                assert_eq!(sorted(&children), sorted(&w.children));
                // The item the cluster started from is listed first.
                assert_eq!(children[0], w.children[0]);
            }
        }
    }
}

/// Every point in exactly one item per zoom, counts add up, leaves = union of children's leaves.
pub(super) fn assert_partition(index: &ClusterIndex, n: usize) {
    for z in index.min_zoom()..=index.max_zoom() {
        let mut seen = vec![false; n];
        let mut total = 0usize;
        for c in index.clusters_at(z) {
            let leaves = index.leaves(c);
            assert_eq!(leaves.len(), c.count as usize);
            total += c.count as usize;
            for &p in &leaves {
                assert!(
                    !std::mem::replace(&mut seen[p as usize], true),
                    "point {p} twice"
                );
            }
            let mut union: Vec<u32> = if z < index.max_zoom() {
                index
                    .child_clusters(c)
                    .flat_map(|k| index.leaves(k))
                    .collect()
            } else {
                index.children(c).to_vec()
            };
            union.sort_unstable();
            assert_eq!(sorted(&leaves), union);
        }
        assert_eq!(total, n);
        assert!(seen.iter().all(|&s| s));
    }
}

/// supercluster's invariant (`min_points` 2): at each zoom the items that started a group (each
/// item's first child) are more than `r` apart, and every point of the level above belongs to the
/// earliest of them within `r`.
pub(super) fn assert_radius_invariant(index: &ClusterIndex, points: &[[f64; 2]]) {
    let o = index.options();
    for z in o.min_zoom..=o.max_zoom {
        let r = radius_at(o.radius, o.extent, z);
        let pos = |k: u32| -> (f64, f64) {
            if z == o.max_zoom {
                let p = points[k as usize];
                (lon_to_x(p[0]), lat_to_y(p[1]))
            } else {
                let c = &index.clusters_at(z + 1)[k as usize];
                (c.x, c.y)
            }
        };
        let items = in_order(index, z);
        let origins: Vec<(u32, (f64, f64))> = items
            .iter()
            .map(|c| {
                let o = index.children(c)[0];
                (o, pos(o))
            })
            .collect();
        let d2 = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2);
        for (i, a) in origins.iter().enumerate() {
            for b in &origins[i + 1..] {
                assert!(d2(a.1, b.1) > r * r, "zoom {z}: origins {} {}", a.0, b.0);
            }
        }
        for (i, c) in items.iter().enumerate() {
            for &k in index.children(c) {
                let p = pos(k);
                let first = origins.iter().position(|o| o.0 == k || d2(o.1, p) <= r * r);
                assert_eq!(first, Some(i), "zoom {z}: child {k}");
            }
        }
    }
}

fn small_sets() -> Vec<Vec<[f64; 2]>> {
    let mut sets = vec![synthetic_sahel_points(1500, 1)];
    // Tight: everything within a few hundred metres, with stacks.
    let tight: Vec<[f64; 2]> = synthetic_sahel_points(800, 2)
        .iter()
        .map(|p| [-1.5 + (p[0] + 12.0) * 1e-3, 12.0 + (p[1] - 9.0) * 1e-3])
        .collect();
    sets.push(tight);
    sets
}

#[test]
fn matches_supercluster_port() {
    for points in small_sets() {
        for min_points in [2, 3, 7] {
            for radius in [60.0, 25.0] {
                let o = ClusterOptions {
                    radius,
                    min_points,
                    max_zoom: 18,
                    ..ClusterOptions::default()
                };
                assert_matches_reference(&points, &o);
            }
        }
    }
    let o = ClusterOptions {
        min_zoom: 3,
        max_zoom: 9,
        extent: 256.0,
        ..ClusterOptions::default()
    };
    assert_matches_reference(&small_sets()[0], &o);
    // Dense levels (a large radius for the spread): the in-order fallback of the sweep.
    let o = ClusterOptions {
        radius: 800.0,
        max_zoom: 7,
        ..ClusterOptions::default()
    };
    assert_matches_reference(&small_sets()[0], &o);
}

#[test]
fn partition_radius_and_leaves() {
    for points in small_sets() {
        let index = build(&points, &ClusterOptions::default());
        assert_partition(&index, points.len());
        assert_radius_invariant(&index, &points);
    }
}

#[test]
fn strategies_agree_on_more_points() {
    let points = synthetic_sahel_points(60_000, 3);
    let o = ClusterOptions::default();
    let base = build(&points, &o);
    for s in ALL_STRATEGIES {
        let other = ClusterIndex::build_with(&points, &o, &AtomicBool::new(false), s).unwrap();
        for z in 0..=16 {
            let (a, b) = (in_order(&base, z), in_order(&other, z));
            assert_eq!(a.len(), b.len(), "{s:?} zoom {z}");
            assert!(
                a.iter()
                    .zip(&b)
                    .all(|(a, b)| (a.id, a.count) == (b.id, b.count))
            );
        }
    }
    assert_partition(&base, points.len());
}
