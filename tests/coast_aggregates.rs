//! Band counts, frontier and quarter statistics on hand-made inputs.

use proptest::prelude::*;
use sahel_risk::analysis::coast::{
    DEFAULT_BANDS_KM, FrontierPoint, band_counts, frontier, quarter_index, quarter_label,
    quarter_stats,
};

#[test]
fn band_counts_by_hand() {
    // Inside (≤ 0) never counts; bands include their upper edge.
    let d = [
        -30.0,
        -0.1,
        0.0,
        0.5,
        10.0,
        10.01,
        49.9,
        50.0,
        99.0,
        100.0,
        100.1,
        800.0,
        f64::NAN,
    ];
    assert_eq!(band_counts(&d, &DEFAULT_BANDS_KM), vec![2, 5, 7]);
    // Bands in any order, NaN band and empty inputs.
    assert_eq!(
        band_counts(&d, &[100.0, 10.0, f64::NAN, 0.0]),
        vec![7, 2, 0, 0]
    );
    assert_eq!(band_counts(&[], &DEFAULT_BANDS_KM), vec![0, 0, 0]);
    assert!(band_counts(&d, &[]).is_empty());
}

fn fp(lon: f64, lat: f64, quarter: i32) -> FrontierPoint {
    FrontierPoint { lon, lat, quarter }
}

#[test]
fn frontier_by_hand() {
    let points = [
        fp(0.1, 12.0, 8096),  // 0: band 0 (0.0..0.5), Q1 2024
        fp(0.4, 11.0, 8096),  // 1: band 0, further south: wins
        fp(0.6, 10.0, 8096),  // 2: band 1 (0.5..1.0)
        fp(0.3, 9.0, 8097),   // 3: band 0, next quarter
        fp(-0.2, 14.0, 8096), // 4: band -1 (-0.5..0.0)
        fp(0.45, 11.0, 8096), // 5: ties with 1: the earlier stays
        fp(f64::NAN, 1.0, 8096),
        fp(0.2, 95.0, 8096),
        fp(0.5, 13.0, 8096), // 8: exactly on the edge: band 1 (west edge inclusive)
    ];
    let cells = frontier(&points, 0.5);
    let got: Vec<(i32, i64, f64, f64, usize)> = cells
        .iter()
        .map(|c| (c.quarter, c.band, c.west, c.lat, c.index))
        .collect();
    assert_eq!(
        got,
        vec![
            (8096, -1, -0.5, 14.0, 4),
            (8096, 0, 0.0, 11.0, 1),
            (8096, 1, 0.5, 10.0, 2),
            (8097, 0, 0.0, 9.0, 3),
        ]
    );
    assert_eq!((cells[1].east, cells[1].lon), (0.5, 0.4));
    // Bad widths give nothing; no points give nothing.
    for w in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(frontier(&points, w).is_empty());
    }
    assert!(frontier(&[], 0.5).is_empty());
}

#[test]
fn quarters() {
    assert_eq!(quarter_index(2024, 1), 8096);
    assert_eq!(quarter_index(2024, 3), 8096);
    assert_eq!(quarter_index(2024, 4), 8097);
    assert_eq!(quarter_index(2024, 12), 8099);
    assert_eq!(quarter_label(8099), (2024, 4));
    assert_eq!(quarter_label(quarter_index(-1, 5)), (-1, 2));
}

#[test]
fn quarter_stats_by_hand() {
    let km = [
        300.0,
        100.0,
        200.0,
        50.0,
        70.0,
        f64::NAN,
        10.0,
        f64::INFINITY,
        999.0,
    ];
    let q = [1, 1, 1, 2, 2, 2, 3, 4];
    let stats = quarter_stats(&km, &q);
    let got: Vec<(i32, f64, f64, usize)> = stats
        .iter()
        .map(|s| (s.quarter, s.min_km, s.median_km, s.n))
        .collect();
    // Quarter 4 has only an infinite distance; the 9th distance has no quarter.
    assert_eq!(
        got,
        vec![(1, 100.0, 200.0, 3), (2, 50.0, 60.0, 2), (3, 10.0, 10.0, 1)]
    );
    assert!(quarter_stats(&[], &[]).is_empty());
}

proptest! {
    #[test]
    fn aggregates_never_panic(
        d in proptest::collection::vec(any::<f64>(), 0..50),
        q in proptest::collection::vec(any::<i32>(), 0..50),
        bands in proptest::collection::vec(any::<f64>(), 0..4),
        width in any::<f64>(),
    ) {
        let counts = band_counts(&d, &bands);
        prop_assert_eq!(counts.len(), bands.len());
        let stats = quarter_stats(&d, &q);
        prop_assert!(stats.iter().all(|s| s.n > 0 && s.min_km <= s.median_km));
        let points: Vec<FrontierPoint> = d
            .chunks(2)
            .zip(&q)
            .map(|(c, &quarter)| fp(c[0], *c.get(1).unwrap_or(&0.0), quarter))
            .collect();
        for cell in frontier(&points, width) {
            prop_assert!(cell.lat <= points[cell.index].lat);
        }
        let _ = frontier(&points, 0.5);
    }
}
