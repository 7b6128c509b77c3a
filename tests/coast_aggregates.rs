//! Band counts, frontier and quarter statistics on hand-made inputs.

use proptest::prelude::*;
use sahel_risk::analysis::coast::{
    DEFAULT_BANDS_KM, FrontierPoint, band_counts, frontier, frontier_p10, p10_nearest_rank,
    p10_rank, quarter_index, quarter_label, quarter_stats,
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
    let got: Vec<(i32, f64, f64, usize, f64, usize)> = stats
        .iter()
        .map(|s| {
            (
                s.quarter,
                s.min_km,
                s.median_km,
                s.n,
                s.p10_km,
                s.n_behind_p10,
            )
        })
        .collect();
    // Quarter 4 has only an infinite distance; the 9th distance has no quarter. Fewer than 11
    // values: the 10th percentile is the minimum.
    assert_eq!(
        got,
        vec![
            (1, 100.0, 200.0, 3, 100.0, 1),
            (2, 50.0, 60.0, 2, 50.0, 1),
            (3, 10.0, 10.0, 1, 10.0, 1)
        ]
    );
    assert!(quarter_stats(&[], &[]).is_empty());
}

#[test]
fn p10_by_nearest_rank() {
    let v: Vec<f64> = (1..=20).map(f64::from).collect();
    assert_eq!(p10_nearest_rank(&v), Some((2.0, 2)));
    assert_eq!(p10_nearest_rank(&v[..10]), Some((1.0, 1)));
    assert_eq!(p10_nearest_rank(&v[..11]), Some((2.0, 2)));
    assert_eq!(p10_nearest_rank(&[]), None);
    // Ties: every value at or below the percentile is behind it.
    assert_eq!(
        p10_nearest_rank(&[
            3.0, 3.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0
        ]),
        Some((3.0, 3))
    );
    let ranks: Vec<usize> = [0, 1, 9, 10, 11, 20, 21, 100].map(p10_rank).to_vec();
    assert_eq!(ranks, [1, 1, 1, 1, 2, 2, 3, 10]);
}

#[test]
fn one_event_does_not_move_the_quarter() {
    // Like 2017 Q2: 40 events 600-639 km from the sea and one resort attack 215 km nearer.
    let mut km: Vec<f64> = (0..40).map(|k| 600.0 + f64::from(k)).collect();
    let q = vec![1; 41];
    let before = quarter_stats(&km, &q)[0];
    km.push(385.0);
    let after = quarter_stats(&km, &q)[0];
    assert_eq!((before.min_km, after.min_km), (600.0, 385.0));
    // Rank ceil(4.1) = 5 of 41: 603 km, with 5 events behind it; before: rank 4, 603 km.
    assert_eq!((before.p10_km, before.n_behind_p10), (603.0, 4));
    assert_eq!((after.p10_km, after.n_behind_p10, after.n), (603.0, 5, 41));
}

#[test]
fn frontier_cells_are_not_set_by_one_event() {
    let mut points = vec![
        fp(0.1, 9.0, 1), // the outlier of band 0
        fp(0.2, 12.0, 1),
        fp(0.3, 12.5, 1),
        fp(0.4, 12.5, 1), // ties with 2: 2 stays (earlier)
        fp(0.6, 11.0, 1), // band 1: two events only
        fp(0.7, 13.0, 1),
    ];
    let cells = frontier_p10(&points, 0.5, 3);
    let got: Vec<(i64, f64, usize, usize, usize)> = cells
        .iter()
        .map(|c| (c.band, c.lat, c.index, c.n, c.n_behind))
        .collect();
    // Band 0: rank max(ceil(0.4), 2) = 2: 12.0, not the outlier's 9.0; band 1 too thin.
    assert_eq!(got, vec![(0, 12.0, 1, 4, 2)]);
    // The single-event frontier would have put it at 9°N.
    assert_eq!(frontier(&points, 0.5)[0].lat, 9.0);
    // 30 events: rank 3.
    points = (0..30).map(|k| fp(0.25, 10.0 + f64::from(k), 2)).collect();
    let c = frontier_p10(&points, 0.5, 3)[0];
    assert_eq!((c.lat, c.n, c.n_behind), (12.0, 30, 3));
    // A minimum below 2 still needs two events.
    assert!(frontier_p10(&points[..1], 0.5, 0).is_empty());
    assert!(frontier_p10(&points, f64::NAN, 3).is_empty());
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
        prop_assert!(stats.iter().all(|s| s.min_km <= s.p10_km && s.p10_km <= s.median_km));
        prop_assert!(stats.iter().all(|s| s.n_behind_p10 >= 1 && s.n_behind_p10 <= s.n));
        let points: Vec<FrontierPoint> = d
            .chunks(2)
            .zip(&q)
            .map(|(c, &quarter)| fp(c[0], *c.get(1).unwrap_or(&0.0), quarter))
            .collect();
        for cell in frontier(&points, width) {
            prop_assert!(cell.lat <= points[cell.index].lat);
        }
        let _ = frontier(&points, 0.5);
        for cell in frontier_p10(&points, width, 3) {
            prop_assert!(cell.n >= 3 && cell.n_behind >= 2 && cell.n_behind <= cell.n);
        }
    }
}
