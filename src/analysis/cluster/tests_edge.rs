//! Unit tests: edge cases, queries, expansion zoom, cancelling.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::testdata::synthetic_sahel_points;
use super::tests::{assert_partition, build, in_order};
use super::*;

#[test]
fn empty_input() {
    let index = build(&[], &ClusterOptions::default());
    assert_eq!(index.points(), 0);
    assert!(index.counts_per_zoom().iter().all(|&(_, n)| n == 0));
    assert_eq!(index.counts_per_zoom().len(), 17);
    assert_eq!(index.in_view(5, -180.0, -85.0, 180.0, 85.0).count(), 0);
}

#[test]
fn single_point() {
    let index = build(&[[-1.5336, 12.3714]], &ClusterOptions::default());
    for z in 0..=16 {
        let c = index.clusters_at(z);
        assert_eq!(c.len(), 1);
        let c = c[0];
        assert_eq!((c.count, c.id, c.zoom, c.stacked), (1, 0, z, false));
        assert!((c.lon() + 1.5336).abs() < 1e-12 && (c.lat() - 12.3714).abs() < 1e-12);
        assert_eq!(index.leaves(&c), &[0]);
        assert_eq!(index.expansion_zoom(&c), z);
        assert!(!index.stacked_at_max_zoom(&c));
        assert_eq!(index.in_view(z, -2.0, 12.0, -1.0, 13.0).count(), 1);
        assert_eq!(index.in_view(z, -1.0, 12.0, 0.0, 13.0).count(), 0);
    }
}

#[test]
fn all_points_identical() {
    let points = vec![[2.1098, 13.5127]; 1000];
    let index = build(&points, &ClusterOptions::default());
    assert_partition(&index, points.len());
    for z in 0..=16 {
        let c = index.clusters_at(z);
        assert_eq!(c.len(), 1);
        let c = c[0];
        assert_eq!(c.count, 1000);
        assert!(c.stacked && index.stacked_at_max_zoom(&c));
        // Formed at max zoom from point 0, then carried over: one id at every zoom.
        assert_eq!(c.id, 16 + 1 + 1000);
        assert_eq!(index.expansion_zoom(&c), 17);
        assert!((c.lon() - 2.1098).abs() < 1e-12 && (c.lat() - 13.5127).abs() < 1e-12);
    }
    // Too few for a cluster: they all stay single.
    let o = ClusterOptions {
        min_points: 1001,
        ..ClusterOptions::default()
    };
    let index = build(&points, &o);
    assert!(index.counts_per_zoom().iter().all(|&(_, n)| n == 1000));
    assert_partition(&index, points.len());
}

#[test]
fn stacks_mixed_with_near_points() {
    // Two stacks 10 m apart and a point 1 km away (around 12°N, 1 m ≈ 9e-6°).
    let mut points = vec![[0.0, 12.0]; 5];
    points.extend(vec![[0.00009, 12.0]; 3]);
    points.push([0.009, 12.0]);
    let index = build(&points, &ClusterOptions::default());
    assert_partition(&index, points.len());
    let top = index.clusters_at(16);
    assert_eq!(top.len(), 2); // r at zoom 16 is ~70 m: the stacks merge, the far point not
    let merged = top.iter().find(|c| c.count == 8).unwrap();
    assert!(!merged.stacked && index.stacked_at_max_zoom(merged));
    // Deeper: one more zoom separates the two stacks.
    let o = ClusterOptions {
        max_zoom: 20,
        ..ClusterOptions::default()
    };
    let index = build(&points, &o);
    let at18 = index.clusters_at(18).iter().find(|c| c.count == 8).unwrap();
    assert_eq!(index.expansion_zoom(at18), 19);
    let at20: Vec<u32> = in_order(&index, 20).iter().map(|c| c.count).collect();
    assert_eq!(at20, vec![5, 3, 1]);
    assert!(in_order(&index, 20)[0].stacked && in_order(&index, 20)[1].stacked);
}

#[test]
fn expansion_zoom_is_where_the_cluster_splits() {
    let points = synthetic_sahel_points(3000, 11);
    let index = build(&points, &ClusterOptions::default());
    for z in 0..=16 {
        for c in index.clusters_at(z).iter().filter(|c| c.is_cluster()) {
            let e = index.expansion_zoom(c);
            assert!(e > z && e <= 17);
            // Walk down: one child per zoom until the zoom it was formed at (e - 1).
            let mut item = *c;
            while item.zoom + 1 < e {
                assert_eq!(index.children(&item).len(), 1);
                item = index.child_clusters(&item).next().copied().unwrap();
                assert_eq!((item.id, item.count), (c.id, c.count));
            }
            assert!(index.children(&item).len() >= 2);
            assert_eq!(index.stacked_at_max_zoom(c), e == 17);
        }
    }
}

#[test]
fn in_view_matches_a_scan() {
    let points = synthetic_sahel_points(20_000, 5);
    for rtree_view in [false, true] {
        let strategy = Strategy {
            rtree_view,
            ..Strategy::default()
        };
        let never = AtomicBool::new(false);
        let o = ClusterOptions::default();
        let index = ClusterIndex::build_with(&points, &o, &never, strategy).unwrap();
        for (z, b) in [
            (0u8, [-180.0, -85.0, 180.0, 85.0]),
            (3, [-5.0, 10.0, 0.0, 14.0]),
            (9, [-2.0, 12.0, -1.0, 13.0]),
            (16, [-12.0, 9.0, 4.0, 17.0]),
            (16, [-1.6, 12.3, -1.5, 12.4]),
            (20, [-1.6, 12.3, -1.5, 12.4]),
            (12, [5.0, 12.0, 6.0, 13.0]),
        ] {
            let mut got: Vec<u32> = index
                .in_view(z, b[0], b[1], b[2], b[3])
                .map(|c| c.index)
                .collect();
            got.sort_unstable();
            let want: Vec<u32> = index
                .clusters_at(z)
                .iter()
                .filter(|c| {
                    c.lon() >= b[0] && c.lon() <= b[2] && c.lat() >= b[1] && c.lat() <= b[3]
                })
                .map(|c| c.index)
                .collect();
            // Degrees and Mercator could disagree by a rounding right on an edge; none lie there.
            assert_eq!(got, want, "zoom {z} {b:?} rtree {rtree_view}");
        }
        // Across the antimeridian, the whole world, and an empty box.
        let all = index.clusters_at(4).len();
        assert_eq!(index.in_view(4, -180.0, -90.0, 180.0, 90.0).count(), all);
        assert_eq!(index.in_view(4, 170.0, -90.0, 10.0, 90.0).count(), all);
        assert_eq!(index.in_view(4, 170.0, -90.0, -20.0, 90.0).count(), 0);
        assert_eq!(index.in_view(4, 0.0, 20.0, 1.0, 10.0).count(), 0);
    }
}

#[test]
fn index_can_move_to_the_ui_thread() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<ClusterIndex>();
}

#[test]
fn cancel_before_and_during() {
    let points = synthetic_sahel_points(10_000, 1);
    let cancel = AtomicBool::new(true);
    assert!(ClusterIndex::build(&points, &ClusterOptions::default(), &cancel).is_none());
    assert!(ClusterIndex::build(&[], &ClusterOptions::default(), &cancel).is_none());

    let points = synthetic_sahel_points(2_000_000, 2);
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    let setter = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(5));
        flag.store(true, Ordering::Relaxed);
    });
    let started = std::time::Instant::now();
    let result = ClusterIndex::build(&points, &ClusterOptions::default(), &cancel);
    setter.join().unwrap();
    assert!(
        result.is_none(),
        "finished in {:?} before the cancel",
        started.elapsed()
    );
}

#[test]
fn bad_coordinates_and_options_do_not_panic() {
    let mut points = synthetic_sahel_points(500, 9);
    points.extend([
        [f64::NAN, 12.0],
        [1.0, f64::NAN],
        [f64::INFINITY, 0.0],
        [0.0, 90.0],
        [0.0, -90.0],
        [f64::NAN, 12.0],
        [400.0, 100.0],
    ]);
    let o = ClusterOptions {
        max_zoom: 40,
        min_zoom: 50,
        min_points: 0,
        radius: 0.0,
        ..ClusterOptions::default()
    };
    let index = build(&points, &o);
    assert_eq!((index.min_zoom(), index.max_zoom()), (30, 30));
    assert_partition(&index, points.len());
    for (radius, extent) in [(f64::NAN, 512.0), (-60.0, 512.0), (60.0, 0.0), (1e9, 1.0)] {
        let o = ClusterOptions {
            radius,
            extent,
            max_zoom: 5,
            ..ClusterOptions::default()
        };
        assert_partition(&build(&points, &o), points.len());
    }
    let index = build(&points, &ClusterOptions::default());
    assert_partition(&index, points.len());
    // Non-finite points never join anything.
    for c in index.clusters_at(0) {
        if index
            .leaves(c)
            .iter()
            .any(|&p| p >= 500 && p != 503 && p != 504 && p != 506)
        {
            assert_eq!(c.count, 1);
        }
    }
}
