//! Per grid cell: which runs of segments can hold the nearest point of any point in the cell.
//!
//! For a cell with centre c (Earth-centred, km) and radius h (every point P of the cell has
//! |P - c| <= h), let q be the point of the segments nearest to c (the *seed*). For every P in
//! the cell, |P - q| bounds P's distance from above. A run X, whose points all lie within r_X of
//! its end-to-end chord, is needed for P only if
//!
//!   f(P) = dist(P, chord_X) - r_X - |P - q| <= slack,
//!
//! `slack` being what [`super::segments::SegmentTree`]'s chord limit adds to a distance. Since
//! dist(·, chord_X) is convex and |· - q| has curvature at most 1/|· - q|, over the cell
//!
//!   f(P) >= f(c) - h |g_X - g_q| - h² / (2 (|c - q| - h))
//!
//! with g_X, g_q the gradients (unit vectors) at c; near the line (|c - q| <= 2h) the cruder
//! f(P) >= f(c) - 2h is used. The runs passing that test are found with an `rstar` range query
//! and kept, best first. Far from the coast the gradient term leaves only the runs within about
//! 2h along the shore of the nearest point, a handful, where a range query around P itself would
//! have to open every R-tree node within the distance of the sea.

use super::cells::CellArea;
use super::chunk::closest;
use super::geodesic::{dist2, ecef_km};
use super::segments::SegmentTree;

/// Cells farther than this (chord, km) from every line are not cached: the bounds above are
/// checked for the distances met in and around the data box, not for the antipodes.
const FAR_KM: f64 = 5000.0;

/// What a cell remembers: a seed segment (first vertex; `u32::MAX` when there is none) and the
/// runs (chunk ids) to scan.
#[derive(Debug, Clone)]
pub struct Cell {
    pub seed: u32,
    pub candidates: Box<[u32]>,
}

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn unit(v: [f64; 3]) -> [f64; 3] {
    let n = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
    if n > 0.0 {
        [v[0] / n, v[1] / n, v[2] / n]
    } else {
        [0.0; 3]
    }
}

impl SegmentTree {
    /// The cache of one cell (see the module documentation).
    pub(super) fn cell(&self, area: CellArea) -> Cell {
        let c = ecef_km(area.lon, area.lat);
        // The cell's radius: its corners and edge midpoints, with 0.1 % to spare.
        let mut h: f64 = 0.0;
        for (dx, dy) in [
            (-1, -1),
            (-1, 0),
            (-1, 1),
            (0, -1),
            (0, 1),
            (1, -1),
            (1, 0),
            (1, 1),
        ] {
            let lon = area.lon + dx as f64 * area.half_lon;
            let lat = (area.lat + dy as f64 * area.half_lat).clamp(-90.0, 90.0);
            h = h.max(dist2(c, ecef_km(lon, lat)).sqrt());
        }
        let h = h * 1.001 + 1e-6;
        let Some((seed, _)) = self.chord_nearest(c) else {
            return Cell {
                seed: u32::MAX,
                candidates: Box::new([]),
            };
        };
        let (_, q, dq2) = closest(self.vertices[seed].p, self.vertices[seed + 1].p, c);
        let dq = dq2.sqrt();
        if dq > FAR_KM {
            // Half a world away: leave it to the plain R-tree search.
            return Cell {
                seed: u32::MAX,
                candidates: Box::new([]),
            };
        }
        let slack = self.chord_limit(dq + h) - (dq + h);
        let g_q = unit(sub(c, q));
        let radius = dq + 2.0 * h + slack;
        let mut found: Vec<(f64, u32)> = self
            .tree
            .locate_within_distance(c, radius * radius)
            .filter_map(|chunk| {
                let (dx, x) = chunk.to_chord(c);
                let f = dx - chunk.radius - dq;
                let bound = if dq > 2.0 * h && dx > 0.0 {
                    let g = sub(unit(sub(c, x)), g_q);
                    let spread = (g[0] * g[0] + g[1] * g[1] + g[2] * g[2]).sqrt();
                    f - h * spread - h * h / (2.0 * (dq - h))
                } else {
                    f - 2.0 * h
                };
                (bound <= slack).then_some((f, chunk.id))
            })
            .collect();
        found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        Cell {
            seed: seed as u32,
            candidates: found.into_iter().map(|(_, id)| id).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use geo::Coord;

    use super::super::segments::SegmentTree;

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> f64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    /// The cached candidates give exactly what a search of the whole R-tree gives.
    #[test]
    fn cells_agree_with_the_plain_r_tree_search() {
        // A wiggly shore, small islands around it and a line of long segments.
        let shore: Vec<Coord<f64>> = (0..=2000)
            .map(|i| {
                let x = -10.0 + i as f64 * 0.01;
                Coord {
                    x,
                    y: 5.0 + 0.5 * (3.0 * x).sin() + 0.2 * (17.0 * x + 1.0).sin(),
                }
            })
            .collect();
        let mut rng = Rng(0x1234_5678_9abc_def1);
        let mut lines = vec![shore];
        for _ in 0..30 {
            let (cx, cy) = (-10.0 + 20.0 * rng.next(), 3.0 + 5.0 * rng.next());
            let r = 0.01 + 0.1 * rng.next();
            lines.push(
                (0..=24)
                    .map(|k| {
                        let a = k as f64 * std::f64::consts::TAU / 24.0;
                        Coord {
                            x: cx + r * a.cos(),
                            y: cy + r * a.sin(),
                        }
                    })
                    .collect(),
            );
        }
        lines.push(vec![
            Coord { x: -12.0, y: 12.0 },
            Coord { x: 0.0, y: 14.0 },
            Coord { x: 9.0, y: 11.0 },
        ]);
        let tree = SegmentTree::new(lines.iter().map(|l| (0, l.as_slice())));
        for i in 0..20_000 {
            let (lon, lat) = match i % 3 {
                0 => (-25.0 + 50.0 * rng.next(), -15.0 + 40.0 * rng.next()),
                1 => (-10.0 + 20.0 * rng.next(), 4.0 + 2.0 * rng.next()),
                _ => {
                    let v = lines[0][(rng.next() * 2000.0) as usize];
                    (
                        v.x + 0.002 * (rng.next() - 0.5),
                        v.y + 0.002 * (rng.next() - 0.5),
                    )
                }
            };
            let cached = tree.find(lon, lat, true).unwrap();
            let plain = tree.find(lon, lat, false).unwrap();
            assert!(
                (cached.km - plain.km).abs() <= 1e-12 * plain.km + 1e-12,
                "({lon}, {lat}): {cached:?} vs {plain:?}"
            );
        }
    }
}
