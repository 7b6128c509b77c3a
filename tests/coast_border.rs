//! Signed distance to the coastal states' land border.

#[path = "coast_common/brute.rs"]
mod brute;
#[path = "coast_common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use geo::{LineString, MultiPolygon};
use sahel_risk::analysis::coast::{BorderIndex, COASTAL_STATES, CoastIndex};

fn border() -> BorderIndex {
    let countries = common::countries();
    BorderIndex::new(
        countries.iter().map(|(i, s)| (i.as_str(), s)),
        &COASTAL_STATES,
    )
}

#[test]
fn land_border_is_one_line_from_liberia_to_nigeria() {
    let b = border();
    let stats = b.stats();
    assert_eq!(stats.coastal_found, ["BEN", "CIV", "GHA", "TGO"]);
    let neighbours: Vec<&str> = stats.by_neighbour.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(neighbours, ["BFA", "GIN", "LBR", "MLI", "NER", "NGA"]);
    assert!(stats.land_edges > 1000 && stats.internal_edges > 0 && stats.unshared_edges > 0);
    // Joined end to end, the stretches make one line: two loose ends, both on the sea.
    let mut degree: BTreeMap<(i64, i64), usize> = BTreeMap::new();
    for stretch in b.land_border() {
        let line = &stretch.line.0;
        for c in [line[0], line[line.len() - 1]] {
            *degree
                .entry(((c.x * 1e5).round() as i64, (c.y * 1e5).round() as i64))
                .or_default() += 1;
        }
    }
    let ends: Vec<(f64, f64)> = degree
        .iter()
        .filter(|(_, d)| **d != 2)
        .map(|(k, _)| (k.0 as f64 / 1e5, k.1 as f64 / 1e5))
        .collect();
    assert_eq!(ends.len(), 2, "{ends:?}");
    let sea = CoastIndex::new(&common::coastline());
    for (lon, lat) in &ends {
        assert!(
            sea.distance_km(*lon, *lat) < 3.0,
            "end ({lon}, {lat}) is not on the coast"
        );
    }
    let lons: Vec<f64> = ends.iter().map(|e| e.0).collect();
    assert!(lons[0] < -7.0 && lons[1] > 2.5, "{ends:?}"); // Liberia ... Nigeria
}

#[test]
fn signs_and_sanity_values() {
    let b = border();
    let s = |lon, lat| b.signed_km(lon, lat);
    // Ouagadougou: about 150 km north of the Ghana/Togo border.
    let ouaga = s(-1.5197, 12.3714);
    assert!((100.0..200.0).contains(&ouaga), "Ouagadougou {ouaga}");
    assert_eq!(b.locate(-1.5197, 12.3714).unwrap().neighbour, "BFA");
    // Tamale, Kumasi, Lomé, Abidjan, Cotonou, Parakou, Sokodé, Bouaké: inside.
    for (name, lon, lat) in [
        ("Tamale", -0.85, 9.40),
        ("Kumasi", -1.62, 6.69),
        ("Lomé", 1.222, 6.128),
        ("Abidjan", -4.03, 5.32),
        ("Cotonou", 2.42, 6.37),
        ("Parakou", 2.62, 9.34),
        ("Sokodé", 1.13, 8.98),
        ("Bouaké", -5.03, 7.69),
        ("sea off Ghana", 0.0, 4.0),
        ("sea off Côte d'Ivoire", -5.0, 3.5),
    ] {
        assert!(s(lon, lat) < 0.0, "{name}: {}", s(lon, lat));
    }
    // Sahel states and the other neighbours: outside.
    for (name, lon, lat) in [
        ("Bobo-Dioulasso", -4.30, 11.18),
        ("Sikasso", -5.67, 11.32),
        ("Niamey", 2.11, 13.51),
        ("Bamako", -8.0, 12.64),
        ("Kano", 8.52, 12.0),
        ("Lagos", 3.39, 6.45),
        ("Kankan", -9.30, 10.38),
        ("Monrovia", -10.80, 6.30),
        ("sea off Senegal", -18.0, 14.0),
        ("Sahara", 5.0, 24.0),
    ] {
        assert!(s(lon, lat) > 0.0, "{name}: {}", s(lon, lat));
    }
    // Tamale is about 170 km south of the Burkina Faso border.
    assert!((120.0..220.0).contains(&-s(-0.85, 9.40)));
}

#[test]
fn sign_flips_at_the_border() {
    // Walking north along 1°W from Ghana into Burkina Faso: one sign change, at the border.
    let b = border();
    let walk: Vec<(f64, f64)> = (0..500)
        .map(|i| 8.0 + i as f64 * 0.01)
        .map(|lat| (lat, b.signed_km(-1.0, lat)))
        .collect();
    let flips: Vec<_> = walk
        .windows(2)
        .filter(|w| (w[0].1 < 0.0) != (w[1].1 < 0.0))
        .collect();
    assert_eq!(flips.len(), 1, "{flips:?}");
    let (before, after) = (flips[0][0], flips[0][1]);
    assert!(before.1 < 0.0 && after.1 > 0.0);
    assert!(-before.1 < 1.2 && after.1 < 1.2, "{before:?} {after:?}");
    assert!((10.9..11.2).contains(&before.0), "{before:?}");
}

#[test]
fn magnitude_matches_brute_force_to_the_land_border() {
    let b = border();
    let lines: Vec<LineString<f64>> = b.land_border().iter().map(|l| l.line.clone()).collect();
    let mut x: u64 = 0x0bad_5eed;
    let mut rnd = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..150 {
        let (lon, lat) = (-18.0 + 34.0 * rnd(), 3.0 + 23.0 * rnd());
        let reference = brute::distance_km(&lines, [lon, lat]);
        let d = b.signed_km(lon, lat).abs();
        assert!(
            (d - reference).abs() <= 1e-3 * reference + 1e-6,
            "({lon}, {lat}): {d} vs {reference}"
        );
    }
}

#[test]
fn many_invalid_and_degenerate() {
    let b = border();
    let points = [
        [-1.52, 12.37],
        [f64::NAN, 1.0],
        [0.0, 100.0],
        [-0.85, 9.4],
        [500.0, 10.0],
    ];
    let many = b.signed_km_many(&points);
    for (p, d) in points.iter().zip(&many) {
        assert_eq!(b.signed_km(p[0], p[1]).to_bits(), d.to_bits());
    }
    assert!(many[1].is_nan() && many[2].is_nan() && b.locate(f64::NAN, 0.0).is_none());
    assert!(many[4].is_finite());
    // No coastal state found: no land border, NaN everywhere, no panic.
    let countries = common::countries();
    let none = BorderIndex::new(countries.iter().map(|(i, s)| (i.as_str(), s)), &["XXX"]);
    assert_eq!(none.stats().land_edges, 0);
    assert!(none.signed_km(0.0, 10.0).is_nan());
    // A coastal state with no neighbour in the input (island): no land border either.
    let alone = BorderIndex::new(
        countries
            .iter()
            .filter(|(i, _)| i == "GHA")
            .map(|(i, s)| (i.as_str(), s)),
        &["GHA"],
    );
    assert_eq!(alone.stats().land_edges, 0);
    assert!(alone.signed_km(-1.0, 8.0).is_nan());
    let empty: Vec<(&str, &MultiPolygon<f64>)> = Vec::new();
    assert!(
        BorderIndex::new(empty, &COASTAL_STATES)
            .signed_km(0.0, 0.0)
            .is_nan()
    );
}
