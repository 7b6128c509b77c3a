//! Distance to the sea: brute-force comparison, sanity values, robustness.

#[path = "coast_common/brute.rs"]
mod brute;
#[path = "coast_common/mod.rs"]
mod common;

use geo::LineString;
use sahel_risk::analysis::coast::CoastIndex;

/// Deterministic xorshift generator in [0, 1).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn index() -> (Vec<LineString<f64>>, CoastIndex) {
    let lines = common::coastline();
    let index = CoastIndex::new(&lines);
    (lines, index)
}

/// Random points: uniform in the box, near the coast (a coast vertex moved by up to 0.02° or
/// 0.5°), and a few beyond the box.
fn test_points(lines: &[LineString<f64>], n: usize) -> Vec<[f64; 2]> {
    let mut rng = Rng(0x5eed_c0a5_7000_0001);
    let vertices: Vec<[f64; 2]> = lines
        .iter()
        .flat_map(|l| l.0.iter().map(|c| [c.x, c.y]))
        .collect();
    (0..n)
        .map(|i| match i % 4 {
            0 | 1 => [-18.0 + 34.0 * rng.next(), 3.0 + 23.0 * rng.next()],
            2 => {
                let v = vertices[(rng.next() * vertices.len() as f64) as usize];
                let r = if rng.next() < 0.5 { 0.02 } else { 0.5 };
                [
                    v[0] + r * (2.0 * rng.next() - 1.0),
                    v[1] + r * (2.0 * rng.next() - 1.0),
                ]
            }
            _ => [-30.0 + 60.0 * rng.next(), -5.0 + 40.0 * rng.next()],
        })
        .collect()
}

#[test]
fn matches_brute_force_geodesic_within_a_tenth_of_a_percent() {
    let (lines, index) = index();
    let points = test_points(&lines, 800);
    let (mut worst_lambert, mut worst_karney): (f64, f64) = (0.0, 0.0);
    for &[lon, lat] in &points {
        let reference = brute::distance_km(&lines, [lon, lat]);
        let fast = index.distance_km(lon, lat);
        let exact = index.distance_km_karney(lon, lat);
        // Relative difference, with 1 mm of slack for points on the line itself.
        let rel = |d: f64| (d - reference).abs() / (reference + 1e-6);
        worst_lambert = worst_lambert.max(rel(fast));
        worst_karney = worst_karney.max(rel(exact));
        assert!(
            rel(fast) < 1e-3 && rel(exact) < 1e-3,
            "({lon}, {lat}): index {fast} / {exact} km, brute force {reference} km"
        );
    }
    println!("worst relative difference: Lambert {worst_lambert:e}, Karney {worst_karney:e}");
    // Much tighter than required; a regression guard for the search and its bounds (measured:
    // Lambert 1.4e-6, Karney 3e-9).
    assert!(worst_lambert < 5e-6 && worst_karney < 1e-6);
}

#[test]
fn sanity_distances() {
    let (_, index) = index();
    let d = |lon, lat| index.distance_km(lon, lat);
    // Lomé is on the beach.
    assert!(d(1.222, 6.128) < 3.0, "Lomé {}", d(1.222, 6.128));
    // Bamako: the nearest sea is the Atlantic off Guinea/Sierra Leone/Liberia.
    let bamako = d(-8.0029, 12.6392);
    assert!((650.0..800.0).contains(&bamako), "Bamako {bamako}");
    // Niamey: the Bight of Benin, about 7° of latitude south.
    let niamey = d(2.1098, 13.5137);
    assert!((700.0..1000.0).contains(&niamey), "Niamey {niamey}");
    // Ouagadougou, Timbuktu.
    let ouaga = d(-1.5197, 12.3714);
    assert!((650.0..850.0).contains(&ouaga), "Ouagadougou {ouaga}");
    let timbuktu = d(-3.0026, 16.7735);
    assert!((1000.0..1400.0).contains(&timbuktu), "Timbuktu {timbuktu}");
    // A vertex of the shoreline is at distance 0.
    assert!(d(9.94404, 3.0) < 1e-6);
    // The Lambert and Karney values agree.
    let k = index.distance_km_karney(-1.5197, 12.3714);
    assert!((ouaga - k).abs() < 1e-5 * k);
}

#[test]
fn many_points_match_single_queries() {
    let (lines, index) = index();
    let mut points = test_points(&lines, 2000);
    points.extend([[f64::NAN, 5.0], [0.0, 95.0], [f64::INFINITY, 0.0]]);
    let many = index.distance_km_many(&points);
    assert_eq!(many.len(), points.len());
    for (p, d) in points.iter().zip(&many) {
        let single = index.distance_km(p[0], p[1]);
        assert!(single.to_bits() == d.to_bits(), "{p:?}: {single} vs {d}");
    }
}

#[test]
fn invalid_and_far_inputs_never_panic() {
    let (_, index) = index();
    for (lon, lat) in [
        (f64::NAN, 10.0),
        (0.0, f64::NAN),
        (f64::INFINITY, 10.0),
        (0.0, f64::NEG_INFINITY),
        (0.0, 90.5),
        (0.0, -91.0),
    ] {
        assert!(index.distance_km(lon, lat).is_nan(), "({lon}, {lat})");
        assert!(index.distance_km_karney(lon, lat).is_nan());
        assert!(index.nearest(lon, lat).is_none());
    }
    // Valid coordinates far outside the box still get a distance.
    for (lon, lat) in [
        (179.9, 0.0),
        (-180.0, -90.0),
        (0.0, 90.0),
        (100.0, 45.0),
        (1e6, 10.0),
    ] {
        let d = index.distance_km(lon, lat);
        assert!(d.is_finite() && d > 0.0, "({lon}, {lat}): {d}");
    }
    // Longitudes wrap.
    let (a, b) = (
        index.distance_km(-2.0, 12.0),
        index.distance_km(358.0, 12.0),
    );
    assert!((a - b).abs() < 1e-6, "{a} vs {b}");
}

#[test]
fn empty_or_degenerate_coastlines() {
    let empty = CoastIndex::new(&Vec::<LineString<f64>>::new());
    assert_eq!(empty.segment_count(), 0);
    assert!(empty.distance_km(0.0, 10.0).is_nan());
    assert!(empty.distance_km_many(&[[0.0, 10.0]])[0].is_nan());
    // Lines with NaN vertices, single vertices and repeated vertices.
    let odd = vec![
        LineString::from(vec![(0.0, 0.0)]),
        LineString::from(vec![
            (f64::NAN, 1.0),
            (0.0, 5.0),
            (0.0, 5.0),
            (1.0, 5.0),
            (f64::INFINITY, 2.0),
        ]),
    ];
    let index = CoastIndex::new(&odd);
    assert_eq!(index.segment_count(), 56); // one 111 km segment split into 2 km pieces
    let d = index.distance_km(0.5, 6.0);
    assert!((d - 110.6).abs() < 0.5, "{d}");
}
