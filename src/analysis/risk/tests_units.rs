//! Point-in-polygon assignment: shared borders, holes, overlaps, outside points, areas.

use super::testutil::{brute_force, four_squares, rect, ring, tiling, unit};
use super::{NO_UNIT, UnitSet};
use geo::{MultiPolygon, Polygon};
use std::sync::atomic::AtomicBool;

#[test]
fn shared_border_goes_to_lowest_index() {
    let set = four_squares();
    // Edge x = 1 between units 0 and 1, edge y = 1 between 0 and 2, corner (1,1) of all four.
    assert_eq!(set.locate(1.0, 0.5), Some(0));
    assert_eq!(set.locate(0.5, 1.0), Some(0));
    assert_eq!(set.locate(1.5, 1.0), Some(1));
    assert_eq!(set.locate(1.0, 1.5), Some(2));
    assert_eq!(set.locate(1.0, 1.0), Some(0));
    assert_eq!(set.locate(2.0, 2.0), Some(3));
    // Same squares in reverse order: the lowest index is now the other side.
    let rev: Vec<_> = set.units().iter().rev().cloned().collect();
    let set = UnitSet::new(rev).unwrap();
    assert_eq!(set.locate(1.0, 0.5), Some(2)); // old unit 1
    assert_eq!(set.locate(1.0, 1.0), Some(0)); // old unit 3
}

#[test]
fn interior_and_outside_points() {
    let set = four_squares();
    assert_eq!(set.locate(0.5, 0.5), Some(0));
    assert_eq!(set.locate(1.999_999, 0.000_001), Some(1));
    assert_eq!(set.locate(2.000_001, 0.5), None);
    assert_eq!(set.locate(-0.5, 0.5), None);
    assert_eq!(set.locate(f64::NAN, 0.5), None);
    assert_eq!(set.locate(50.0, 50.0), None);
}

#[test]
fn hole_is_outside_unless_filled() {
    let donut = MultiPolygon::new(vec![Polygon::new(
        ring(0.0, 0.0, 4.0, 4.0),
        vec![ring(1.0, 1.0, 3.0, 3.0)],
    )]);
    let alone = UnitSet::new(vec![unit("donut", donut.clone())]).unwrap();
    assert_eq!(alone.locate(2.0, 2.0), None, "inside the hole");
    assert_eq!(alone.locate(0.5, 0.5), Some(0));
    assert_eq!(
        alone.locate(1.0, 2.0),
        Some(0),
        "on the hole's ring = boundary = inside"
    );
    let filled = UnitSet::new(vec![
        unit("donut", donut),
        unit("core", rect(1.0, 1.0, 3.0, 3.0)),
    ])
    .unwrap();
    assert_eq!(filled.locate(2.0, 2.0), Some(1));
    assert_eq!(
        filled.locate(1.0, 2.0),
        Some(0),
        "shared hole ring: lowest index"
    );
    assert_eq!(filled.locate(3.5, 3.5), Some(0));
}

#[test]
fn overlapping_units_match_brute_force() {
    // A small unit inside a big one, both orders; plus a two-part multipolygon.
    let small = rect(0.2, 0.2, 0.8, 0.8);
    let big = rect(0.0, 0.0, 1.0, 1.0);
    let two = MultiPolygon::new(vec![
        Polygon::new(ring(2.0, 0.0, 2.5, 0.5), vec![]),
        Polygon::new(ring(3.0, 0.0, 3.5, 0.5), vec![]),
    ]);
    for units in [
        vec![
            unit("s", small.clone()),
            unit("b", big.clone()),
            unit("m", two.clone()),
        ],
        vec![unit("b", big), unit("s", small), unit("m", two)],
    ] {
        let set = UnitSet::new(units.clone()).unwrap();
        for i in 0..=80 {
            for j in 0..=16 {
                let (x, y) = (-0.1 + i as f64 * 0.05, -0.1 + j as f64 * 0.05);
                assert_eq!(
                    set.locate(x, y).map_or(NO_UNIT, |u| u as u32),
                    brute_force(&units, x, y),
                    "({x}, {y})"
                );
            }
        }
    }
}

#[test]
fn tiling_vertices_and_random_points_match_brute_force() {
    let units = tiling(4, 3, 12, 5);
    let set = UnitSet::new(units.clone()).unwrap();
    let mut pts: Vec<(f64, f64)> = units
        .iter()
        .flat_map(|u| {
            u.shape.0.iter().flat_map(|p| {
                p.exterior()
                    .0
                    .iter()
                    .chain(p.interiors().iter().flat_map(|r| r.0.iter()))
            })
        })
        .map(|c| (c.x, c.y))
        .collect();
    let mut s = 42u64;
    for _ in 0..20_000 {
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let x = (s >> 40) as f64 / (1u64 << 24) as f64 * 4.4 - 0.2;
        s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let y = (s >> 40) as f64 / (1u64 << 24) as f64 * 3.4 - 0.2;
        pts.push((x, y));
    }
    // Points on the axis-aligned outer border and the hole ring.
    pts.extend((0..=40).map(|k| (k as f64 * 0.1, 0.0)));
    pts.extend((0..=10).map(|k| (0.35 + k as f64 * 0.025, 0.35)));
    let (got, outside) = set
        .assign_points(
            &pts.iter().map(|p| p.0).collect::<Vec<_>>(),
            &pts.iter().map(|p| p.1).collect::<Vec<_>>(),
            &AtomicBool::new(false),
        )
        .unwrap();
    let want: Vec<u32> = pts
        .iter()
        .map(|&(x, y)| brute_force(&units, x, y))
        .collect();
    assert_eq!(got, want);
    assert_eq!(outside, want.iter().filter(|&&u| u == NO_UNIT).count());
    assert!(outside > 0);
}

#[test]
fn geodesic_area_of_one_degree_square() {
    let set = four_squares();
    // WGS 84 ellipsoid: 1° × 1° at the equator ≈ 110.57 km × 111.32 km ≈ 12 308 km².
    let a = set.areas_km2()[0];
    assert!((a - 12_308.8).abs() < 2.0, "{a}");
    // Squares further north are slightly smaller (cos latitude).
    assert!(set.areas_km2()[2] < a);
}

#[test]
fn empty_and_degenerate_sets() {
    let set = UnitSet::new(vec![]).unwrap();
    assert!(set.is_empty());
    assert_eq!(set.locate(0.0, 0.0), None);
    let bad = UnitSet::new(vec![unit("nan", rect(0.0, 0.0, f64::NAN, 1.0))]);
    assert!(bad.is_err());
}
