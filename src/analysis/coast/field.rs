//! A value per cell of a regular lon/lat grid (distance to the sea, signed distance to the
//! border), computed once so the map draws bands from it without any per-frame geometry, and
//! the points where it crosses a level along chosen meridians (where band labels go).

/// Values at the centres of `nx × ny` cells of `step` degrees, row 0 at the south; `NaN` where
/// there is no value (the sea, for a land-only field).
#[derive(Debug, Clone, PartialEq)]
pub struct GridField {
    pub lon_min: f64,
    pub lat_min: f64,
    pub step: f64,
    pub nx: usize,
    pub ny: usize,
    pub values: Vec<f32>,
}

impl GridField {
    /// The grid over `[lon_min, lat_min, lon_max, lat_max]`; `values` gets the centres of the
    /// cells where `keep` is true (all of them, row by row) and returns one value per centre.
    pub fn compute(
        bbox: [f64; 4],
        step: f64,
        keep: impl Fn(f64, f64) -> bool + Sync,
        values: impl Fn(&[[f64; 2]]) -> Vec<f64>,
    ) -> GridField {
        use rayon::prelude::*;
        let nx = ((bbox[2] - bbox[0]) / step).ceil().max(0.0) as usize;
        let ny = ((bbox[3] - bbox[1]) / step).ceil().max(0.0) as usize;
        let centre = |k: usize| {
            let (i, j) = (k % nx, k / nx);
            [
                bbox[0] + (i as f64 + 0.5) * step,
                bbox[1] + (j as f64 + 0.5) * step,
            ]
        };
        let kept: Vec<usize> = (0..nx * ny)
            .into_par_iter()
            .filter(|&k| {
                let [lon, lat] = centre(k);
                keep(lon, lat)
            })
            .collect();
        let points: Vec<[f64; 2]> = kept.iter().map(|&k| centre(k)).collect();
        let got = values(&points);
        let mut out = vec![f32::NAN; nx * ny];
        for (&k, v) in kept.iter().zip(got) {
            out[k] = v as f32;
        }
        GridField {
            lon_min: bbox[0],
            lat_min: bbox[1],
            step,
            nx,
            ny,
            values: out,
        }
    }

    pub fn lon_max(&self) -> f64 {
        self.lon_min + self.nx as f64 * self.step
    }

    pub fn lat_max(&self) -> f64 {
        self.lat_min + self.ny as f64 * self.step
    }

    /// Value of the cell holding (lon, lat), `NaN` outside the grid or where there is none.
    pub fn at(&self, lon: f64, lat: f64) -> f32 {
        let i = ((lon - self.lon_min) / self.step).floor();
        let j = ((lat - self.lat_min) / self.step).floor();
        if i < 0.0 || j < 0.0 || i >= self.nx as f64 || j >= self.ny as f64 {
            return f32::NAN;
        }
        self.values[j as usize * self.nx + i as usize]
    }

    /// Along each meridian of `lons`, the first place going north from the southern edge
    /// where the value goes from below `level` to at least `level` (between two cell centres,
    /// interpolated); none where it never does.
    pub fn crossings_northward(&self, level: f32, lons: &[f64]) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        for &lon in lons {
            let i = ((lon - self.lon_min) / self.step).floor();
            if i < 0.0 || i >= self.nx as f64 {
                continue;
            }
            let i = i as usize;
            let column = |j: usize| self.values[j * self.nx + i];
            for j in 1..self.ny {
                let (a, b) = (column(j - 1), column(j));
                if a.is_finite() && b.is_finite() && a < level && b >= level {
                    let t = f64::from((level - a) / (b - a));
                    let lat = self.lat_min + (j as f64 - 0.5 + t) * self.step;
                    out.push((self.lon_min + (i as f64 + 0.5) * self.step, lat));
                    break;
                }
            }
        }
        out
    }
}

/// Index of the band `value` falls in for increasing band edges (`edges[k]` is the upper edge
/// of band `k`; values above the last edge are band `edges.len()`); `None` for `NaN`.
pub fn band_index(value: f32, edges: &[f64]) -> Option<usize> {
    if value.is_nan() {
        return None;
    }
    Some(edges.iter().take_while(|&&e| f64::from(value) > e).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_values_land_only_and_crossings() {
        // Value = latitude × 10 (km), only east of 0°.
        let f = GridField::compute(
            [-1.0, 0.0, 1.0, 2.0],
            0.5,
            |lon, _| lon > 0.0,
            |pts| pts.iter().map(|p| p[1] * 10.0).collect(),
        );
        assert_eq!((f.nx, f.ny), (4, 4));
        assert!(f.at(-0.3, 1.0).is_nan());
        assert_eq!(f.at(0.3, 1.1), 12.5);
        assert!(f.at(5.0, 1.0).is_nan());
        // 10 is crossed between the centres at 0.75° (7.5) and 1.25° (12.5): at 1.0°.
        let c = f.crossings_northward(10.0, &[0.3, -0.3]);
        assert_eq!(c.len(), 1);
        assert!((c[0].0 - 0.25).abs() < 1e-12 && (c[0].1 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn bands() {
        let edges = [100.0, 250.0, 500.0];
        assert_eq!(band_index(0.0, &edges), Some(0));
        assert_eq!(band_index(100.0, &edges), Some(0));
        assert_eq!(band_index(100.5, &edges), Some(1));
        assert_eq!(band_index(9999.0, &edges), Some(3));
        assert_eq!(band_index(f32::NAN, &edges), None);
    }
}
