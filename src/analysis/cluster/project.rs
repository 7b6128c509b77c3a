//! Normalised Web Mercator, exactly as supercluster computes it: x and y in [0, 1], y downwards.

use std::f64::consts::PI;

/// Longitude (degrees) to x in [0, 1] (not clamped, like supercluster).
#[inline]
pub fn lon_to_x(lon: f64) -> f64 {
    lon / 360.0 + 0.5
}

/// Latitude (degrees) to y in [0, 1]: `0.5 - 0.25 ln((1 + sin φ) / (1 - sin φ)) / π`, clamped.
#[inline]
pub fn lat_to_y(lat: f64) -> f64 {
    let sin = (lat * PI / 180.0).sin();
    let y = 0.5 - 0.25 * ((1.0 + sin) / (1.0 - sin)).ln() / PI;
    // Like supercluster's `y < 0 ? 0 : y > 1 ? 1 : y`; a NaN stays NaN.
    y.clamp(0.0, 1.0)
}

/// x back to longitude (degrees).
#[inline]
pub fn x_to_lon(x: f64) -> f64 {
    (x - 0.5) * 360.0
}

/// y back to latitude (degrees).
#[inline]
pub fn y_to_lat(y: f64) -> f64 {
    let y2 = (180.0 - y * 360.0) * PI / 180.0;
    360.0 * y2.exp().atan() / PI - 90.0
}

/// The clustering radius at `zoom` in normalised units: `radius / (extent * 2^zoom)`.
#[inline]
pub fn radius_at(radius: f64, extent: f64, zoom: u8) -> f64 {
    radius / (extent * f64::from(1u32 << zoom))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_values() {
        assert_eq!(lon_to_x(0.0), 0.5);
        assert_eq!(lon_to_x(-180.0), 0.0);
        assert_eq!(lat_to_y(0.0), 0.5);
        assert_eq!(lat_to_y(90.0), 0.0);
        assert_eq!(lat_to_y(-90.0), 1.0);
        for &(lon, lat) in &[(-12.0, 9.0), (4.0, 17.0), (-1.5336, 12.3714)] {
            assert!((x_to_lon(lon_to_x(lon)) - lon).abs() < 1e-12);
            assert!((y_to_lat(lat_to_y(lat)) - lat).abs() < 1e-9);
        }
        // 60 px on a 512 px tile at zoom 0 is 60/512 of the world.
        assert_eq!(radius_at(60.0, 512.0, 0), 60.0 / 512.0);
        assert_eq!(radius_at(60.0, 512.0, 16), 60.0 / (512.0 * 65536.0));
    }
}
