//! Counting points in distance bands north of the border.

/// For each band width `b` in `bands` (km), how many distances `d` of `border_km` satisfy
/// `0 < d <= b`: points outside the coastal states within `b` km of their northern border (see
/// [`super::BorderIndex`]; the readout passes `|border_km|` of the incidents that count in
/// Mali, Burkina Faso or Niger). `NaN` distances and `NaN` bands count nothing. The output has one
/// count per band, in the order given; bands need not be sorted. Example: distances
/// `[-3, 0, 5, 10, 42, 99, NaN]` with bands `[10, 50, 100]` give `[2, 3, 4]`.
pub fn band_counts(border_km: &[f64], bands: &[f64]) -> Vec<usize> {
    bands
        .iter()
        .map(|&band| border_km.iter().filter(|&&d| d > 0.0 && d <= band).count())
        .collect()
}

/// The bands the analyses use (km): the OECD/SWAC 0-10 km band, the Africa Center's 50 km and
/// a wider 100 km.
pub const DEFAULT_BANDS_KM: [f64; 3] = [10.0, 50.0, 100.0];
