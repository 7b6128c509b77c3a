//! The ellipsoid helpers against Karney's geodesic (`geo::Geodesic`).

use proptest::prelude::*;
use sahel_risk::analysis::coast::geodesic::{
    auxiliary, dist2, ecef_km, geodesic_lower_bound_km, geodesic_upper_bound_km, karney_km,
    lambert_km,
};

fn pair() -> impl Strategy<Value = (f64, f64, f64, f64)> {
    // A point in and around the data box and a second one at a random offset up to 30°.
    (
        -40.0..40.0f64,
        -20.0..45.0f64,
        0usize..4,
        -1.0..1.0f64,
        -1.0..1.0f64,
    )
        .prop_map(|(lon, lat, scale, dx, dy)| {
            let s = [1e-4, 0.02, 1.0, 30.0][scale];
            (lon, lat, lon + s * dx, (lat + s * dy).clamp(-89.0, 89.0))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn lambert_is_within_1e_5_of_karney((lon1, lat1, lon2, lat2) in pair()) {
        let k = karney_km(lon1, lat1, lon2, lat2);
        let l = lambert_km(auxiliary(ecef_km(lon1, lat1)), auxiliary(ecef_km(lon2, lat2)));
        prop_assert!((l - k).abs() <= 1e-5 * k + 1e-9, "Lambert {l} Karney {k}");
    }

    #[test]
    fn chord_bounds_bracket_the_geodesic((lon1, lat1, lon2, lat2) in pair()) {
        let k = karney_km(lon1, lat1, lon2, lat2);
        let chord = dist2(ecef_km(lon1, lat1), ecef_km(lon2, lat2)).sqrt();
        let (lower, upper) = (geodesic_lower_bound_km(chord), geodesic_upper_bound_km(chord));
        prop_assert!(lower <= k * (1.0 + 1e-12) + 1e-9, "lower {lower} > {k}");
        prop_assert!(upper >= k * (1.0 - 1e-12) - 1e-9, "upper {upper} < {k}");
        // Tight: within 0.1 % of each other up to 2,000 km.
        if k < 2000.0 {
            prop_assert!(upper - lower <= 1e-3 * k + 1e-9);
        }
    }
}

#[test]
fn known_values() {
    // Equator, one degree of longitude: a·π/180.
    let d = karney_km(0.0, 0.0, 1.0, 0.0);
    assert!((d - 111.319_490_8).abs() < 1e-6, "{d}");
    let l = lambert_km(auxiliary(ecef_km(0.0, 0.0)), auxiliary(ecef_km(1.0, 0.0)));
    assert!((l - d).abs() < 1e-6, "{l}");
    // Same point.
    let u = auxiliary(ecef_km(3.0, 12.0));
    assert_eq!(lambert_km(u, u), 0.0);
}
