//! Coordinate checks: missing, zero, out of range, swapped, outside the
//! region the app covers.

/// The region the app covers (Sahel and coastal West Africa).
pub const REGION_LON: (f64, f64) = (-18.0, 16.0);
pub const REGION_LAT: (f64, f64) = (3.0, 26.0);

pub(crate) const WARN_SWAPPED: &str = "latitude and longitude apparently swapped (swapped back)";
pub(crate) const WARN_OUTSIDE: &str =
    "coordinates outside the region (lon -18..16, lat 3..26); imported anyway";

pub(crate) fn in_region(lon: f64, lat: f64) -> bool {
    (REGION_LON.0..=REGION_LON.1).contains(&lon) && (REGION_LAT.0..=REGION_LAT.1).contains(&lat)
}

fn parse_coord(s: &str) -> Option<f64> {
    let v = match s.parse::<f64>() {
        Ok(v) => v,
        // "14,5" from a decimal-comma locale
        Err(_) => s.replacen(',', ".", 1).parse::<f64>().ok()?,
    };
    v.is_finite().then_some(v)
}

/// The checked point as (lon, lat) plus an optional warning, or the
/// rejected field and reason.
pub(crate) type Checked = Result<((f64, f64), Option<&'static str>), (&'static str, String)>;

pub(crate) fn check(lat: Option<&str>, lon: Option<&str>) -> Checked {
    // `ok_or_else`: the messages are only built for rejected rows.
    let lat_s = lat.ok_or_else(|| ("latitude", "missing latitude".to_string()))?;
    let lon_s = lon.ok_or_else(|| ("longitude", "missing longitude".to_string()))?;
    let lat = parse_coord(lat_s).ok_or_else(|| ("latitude", format!("not a number: {lat_s:?}")))?;
    let lon =
        parse_coord(lon_s).ok_or_else(|| ("longitude", format!("not a number: {lon_s:?}")))?;
    if lat == 0.0 && lon == 0.0 {
        return Err((
            "latitude",
            "zero coordinates (0, 0): no real location".into(),
        ));
    }
    if in_region(lon, lat) {
        return Ok(((lon, lat), None));
    }
    if in_region(lat, lon) {
        return Ok(((lat, lon), Some(WARN_SWAPPED)));
    }
    if lat.abs() > 90.0 || lon.abs() > 180.0 {
        return Err((
            "latitude",
            format!("coordinates out of range: latitude {lat}, longitude {lon}"),
        ));
    }
    Ok(((lon, lat), Some(WARN_OUTSIDE)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        assert_eq!(
            check(Some("14.44776"), Some("-11.44393")),
            Ok(((-11.44393, 14.44776), None))
        );
        // Niono with lat/lon swapped
        assert_eq!(
            check(Some("-5.98679"), Some("14.25054")),
            Ok(((-5.98679, 14.25054), Some(WARN_SWAPPED)))
        );
        // Nairobi: outside, kept
        assert_eq!(
            check(Some("-1.28"), Some("36.82")),
            Ok(((36.82, -1.28), Some(WARN_OUTSIDE)))
        );
        assert!(check(Some("0"), Some("0.0")).is_err());
        assert!(check(Some("95"), Some("200")).is_err());
        assert!(check(None, Some("1")).is_err());
        assert_eq!(check(Some("x"), Some("1")).unwrap_err().0, "latitude");
        assert!(check(Some("NaN"), Some("1")).is_err());
        assert_eq!(check(Some("12,6"), Some("-8")), Ok(((-8.0, 12.6), None)));
    }
}
