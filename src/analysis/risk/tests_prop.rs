//! Property: the grid-accelerated assignment equals brute force (`geo::Intersects`, lowest
//! index wins) for random points, polygon vertices and grid-aligned coordinates.

use super::testutil::{Ev, brute_force, tiling};
use super::{UnitSet, assign};
use proptest::prelude::*;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, AtomicU32};

static UNITS: LazyLock<(Vec<super::Unit>, UnitSet)> = LazyLock::new(|| {
    let units = tiling(5, 4, 9, 11);
    let set = UnitSet::new(units.clone()).unwrap();
    (units, set)
});

/// A point: uniform in and around the tiling, a polygon vertex, or on the 0.05° grid lines.
fn point() -> impl Strategy<Value = (f64, f64)> {
    let vertices: Vec<(f64, f64)> = UNITS
        .0
        .iter()
        .flat_map(|u| {
            u.shape
                .0
                .iter()
                .flat_map(|p| p.exterior().0.iter().map(|c| (c.x, c.y)))
        })
        .collect();
    prop_oneof![
        (-0.3f64..5.3, -0.3f64..4.3),
        proptest::sample::select(vertices),
        (0i32..=100, 0i32..=80).prop_map(|(i, j)| (f64::from(i) * 0.05, f64::from(j) * 0.05)),
        (0i32..=5, -0.3f64..4.3).prop_map(|(i, y)| (f64::from(i), y)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn grid_assignment_equals_brute_force(pts in proptest::collection::vec(point(), 1..200)) {
        let (units, set) = &*UNITS;
        let lon: Vec<f64> = pts.iter().map(|p| p.0).collect();
        let lat: Vec<f64> = pts.iter().map(|p| p.1).collect();
        let (got, outside) = set.assign_points(&lon, &lat, &AtomicBool::new(false)).unwrap();
        let want: Vec<u32> = pts.iter().map(|&(x, y)| brute_force(units, x, y)).collect();
        prop_assert_eq!(&got, &want);
        prop_assert_eq!(outside, want.iter().filter(|&&u| u == u32::MAX).count());
        // The full assignment (location dedup path) agrees too.
        let mut ev = Ev::new(&[]);
        for &(x, y) in &pts {
            ev.push(x, y, 0, 0, false, false, &[]);
        }
        let a = assign(set, &ev.view(None), &AtomicBool::new(false), &AtomicU32::new(0)).unwrap();
        prop_assert_eq!(a.unit_of(), &want[..]);
    }
}

/// Squares, a donut and its filler: lattice points land exactly on shared edges, corners and
/// the hole ring.
static SQUARES: LazyLock<(Vec<super::Unit>, UnitSet)> = LazyLock::new(|| {
    use super::testutil::{rect, ring, unit};
    use geo::{MultiPolygon, Polygon};
    let donut = MultiPolygon::new(vec![Polygon::new(
        ring(2.0, 0.0, 4.0, 2.0),
        vec![ring(2.5, 0.5, 3.5, 1.5)],
    )]);
    let units = vec![
        unit("a", rect(0.0, 0.0, 1.0, 1.0)),
        unit("b", rect(1.0, 0.0, 2.0, 1.0)),
        unit("c", rect(0.0, 1.0, 1.0, 2.0)),
        unit("d", rect(1.0, 1.0, 2.0, 2.0)),
        unit("filler", rect(2.5, 0.5, 3.5, 1.5)),
        unit("donut", donut),
    ];
    let set = UnitSet::new(units.clone()).unwrap();
    (units, set)
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn lattice_points_on_edges_equal_brute_force(pts in proptest::collection::vec((-2i32..=34, -2i32..=18), 1..300)) {
        let (units, set) = &*SQUARES;
        for (i, j) in pts {
            let (x, y) = (f64::from(i) / 8.0, f64::from(j) / 8.0);
            let got = set.locate(x, y).map_or(u32::MAX, |u| u as u32);
            prop_assert_eq!(got, brute_force(units, x, y), "({}, {})", x, y);
        }
    }
}
