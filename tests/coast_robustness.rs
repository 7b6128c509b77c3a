//! Any input coordinates: never a panic, NaN exactly for non-coordinates.

#[path = "coast_common/mod.rs"]
mod common;

use std::sync::OnceLock;

use proptest::prelude::*;
use sahel_risk::analysis::coast::{BorderIndex, COASTAL_STATES, CoastIndex, quarter_index};

fn indices() -> &'static (CoastIndex, BorderIndex) {
    static INDICES: OnceLock<(CoastIndex, BorderIndex)> = OnceLock::new();
    INDICES.get_or_init(|| {
        let countries = common::countries();
        (
            CoastIndex::new(&common::coastline()),
            BorderIndex::new(
                countries.iter().map(|(i, s)| (i.as_str(), s)),
                &COASTAL_STATES,
            ),
        )
    })
}

fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -200.0..200.0f64,
        Just(f64::NAN),
        Just(90.0),
        Just(-90.0),
        Just(180.0),
        Just(f64::MAX),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_coordinates(lon in coordinate(), lat in coordinate()) {
        let (sea, border) = indices();
        let valid = lon.is_finite() && lat.is_finite() && (-90.0..=90.0).contains(&lat);
        let d = sea.distance_km(lon, lat);
        let s = border.signed_km(lon, lat);
        prop_assert_eq!(d.is_nan(), !valid);
        prop_assert_eq!(s.is_nan(), !valid);
        if valid {
            // Half the Earth's circumference bounds any distance.
            prop_assert!((0.0..20_100.0).contains(&d), "{}", d);
            prop_assert!(s.abs() < 20_100.0, "{}", s);
        }
        // A country only for coordinates, and only a known one.
        let country = border.country_at(lon, lat);
        prop_assert!(valid || country.is_none());
        prop_assert!(country.is_none_or(|c| c.len() == 3));
    }

    #[test]
    fn any_quarter(year in any::<i32>(), month in any::<u32>()) {
        let _ = quarter_index(year, month);
    }
}

#[test]
fn indices_are_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<CoastIndex>();
    assert_send_sync::<BorderIndex>();
}
