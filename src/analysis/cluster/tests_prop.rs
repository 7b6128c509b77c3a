//! Property tests: random small point sets (with stacks and near-duplicates) against the port of
//! supercluster, and the invariants.

use proptest::prelude::*;

use super::ClusterOptions;
use super::tests::{assert_matches_reference, assert_partition, assert_radius_invariant, build};

/// Points around a few centres, some exactly stacked, in a box small enough to cluster a lot.
fn points() -> impl Strategy<Value = Vec<[f64; 2]>> {
    let centres = prop::collection::vec((-3.0f64..3.0, 10.0f64..15.0), 1..5);
    (
        centres,
        prop::collection::vec((0usize..5, 0u8..4, -1.0f64..1.0, -1.0f64..1.0), 0..160),
    )
        .prop_map(|(centres, raw)| {
            raw.into_iter()
                .map(|(c, kind, dx, dy)| {
                    let (lon, lat) = centres[c % centres.len()];
                    match kind {
                        0 => [lon, lat],                           // stacked on the centre
                        1 => [lon + dx * 0.001, lat + dy * 0.001], // within ~100 m
                        2 => [lon + dx * 0.05, lat + dy * 0.05],   // within ~5 km
                        _ => [lon + dx, lat + dy],
                    }
                })
                .collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn same_as_supercluster(
        points in points(),
        radius in prop_oneof![Just(60.0), 1.0f64..120.0],
        min_points in prop_oneof![Just(2usize), 1usize..6],
        max_zoom in 0u8..20,
    ) {
        let o = ClusterOptions { radius, min_points, max_zoom, ..ClusterOptions::default() };
        assert_matches_reference(&points, &o);
    }

    #[test]
    fn invariants(points in points(), radius in 5.0f64..100.0, max_zoom in 0u8..19) {
        let o = ClusterOptions { radius, max_zoom, ..ClusterOptions::default() };
        let index = build(&points, &o);
        assert_partition(&index, points.len());
        assert_radius_invariant(&index, &points);
    }
}
