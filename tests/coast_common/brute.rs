//! Brute-force reference: the exact geodesic distance (Karney, `geo::Geodesic`) from a point to
//! the nearest of all segments, each segment straight in lon/lat, minimised along the segment by
//! golden-section search. Segments are visited in increasing order of a rigorous lower bound and
//! skipped once that bound exceeds the best distance found.

use geo::{Distance, Geodesic, LineString, Point};

/// Meridional radius of curvature at the equator, a(1 - e²) (km): the ellipsoid's metric is at
/// least this sphere's in geodetic coordinates, so distances on that sphere are lower bounds.
const R_LOW_KM: f64 = 6335.439;

fn karney(p: [f64; 2], q: [f64; 2]) -> f64 {
    Geodesic.distance(Point::new(p[0], p[1]), Point::new(q[0], q[1])) / 1000.0
}

fn angle(p: [f64; 2], q: [f64; 2]) -> f64 {
    let (la1, la2) = (p[1].to_radians(), q[1].to_radians());
    let dla = la2 - la1;
    let dlo = (q[0] - p[0]).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * h.sqrt().min(1.0).asin()
}

/// Exact distance (km) from `p` to segment `a`-`b` (straight in lon/lat).
pub fn segment_km(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let at = |t: f64| [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    let f = |t: f64| karney(p, at(t));
    let g = (5f64.sqrt() - 1.0) / 2.0;
    let (mut lo, mut hi) = (0.0, 1.0);
    let (mut x1, mut x2) = (hi - g * (hi - lo), lo + g * (hi - lo));
    let (mut f1, mut f2) = (f(x1), f(x2));
    for _ in 0..60 {
        if f1 < f2 {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - g * (hi - lo);
            f1 = f(x1);
        } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + g * (hi - lo);
            f2 = f(x2);
        }
    }
    f(0.0).min(f(1.0)).min(f1).min(f2)
}

/// Exact distance (km) from `p` to the nearest segment of `lines`.
pub fn distance_km(lines: &[LineString<f64>], p: [f64; 2]) -> f64 {
    let mut segs: Vec<(f64, [f64; 2], [f64; 2])> = Vec::new();
    for line in lines {
        for l in line.lines() {
            let (a, b) = ([l.start.x, l.start.y], [l.end.x, l.end.y]);
            let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
            // Every point of the half segment is within this angle of the middle (the lon/lat
            // path is no longer on the sphere than its flat degree length).
            let half = 0.5
                * ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2))
                    .sqrt()
                    .to_radians();
            let lower = R_LOW_KM * (angle(p, mid) - half).max(0.0);
            segs.push((lower, a, b));
        }
    }
    segs.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut best = f64::INFINITY;
    for (lower, a, b) in segs {
        if lower >= best {
            break;
        }
        best = best.min(segment_km(p, a, b));
    }
    best
}
