//! Which units are neighbours: the spatial part of the forecast ([`super::forecast`]) pools
//! the violence of a unit's neighbours, because violence spreads to adjacent areas.
//!
//! * **Polygons** (admin regions, provinces, a user's boundaries): two units are neighbours when
//!   their outlines come within [`TOUCH_DEG`] of each other, tested on their vertices (binned on
//!   a grid of that size, so a pair of vertices in the same or adjacent bins counts). Boundaries
//!   from one topology (Natural Earth, OCHA's CODs) share vertices exactly; boundaries digitised
//!   apart still meet within a few hundred metres.
//! * **H3 hexagons**: the cells within `k` steps on the H3 grid (`grid_disk`), with `k` chosen
//!   so that the neighbourhood reaches about [`H3_REACH_KM`] from the cell's centre: res 4 (edge
//!   ≈ 23 km) k = 1, res 5 (≈ 8.5 km) k = 2, res 6 (≈ 3.2 km) k = 5.
//!
//! Neighbour lists are sorted, never contain the unit itself and are symmetric.
//!
//! # Examples
//!
//! ```
//! use geo::{MultiPolygon, Polygon, LineString};
//! use sahel_risk::analysis::risk::polygon_neighbours;
//! let sq = |x: f64| MultiPolygon::new(vec![Polygon::new(
//!     LineString::from(vec![(x, 0.0), (x + 1.0, 0.0), (x + 1.0, 1.0), (x, 1.0), (x, 0.0)]),
//!     vec![],
//! )]);
//! // Squares 0 and 1 share an edge; square 2 (at x = 5) touches neither.
//! let n = polygon_neighbours(&[sq(0.0), sq(1.0), sq(5.0)]);
//! assert_eq!(n, vec![vec![1], vec![0], vec![]]);
//! ```

use std::collections::HashMap;

use geo::{CoordsIter, MultiPolygon};
use h3o::CellIndex;
use rayon::prelude::*;

/// Largest gap (degrees, ≈ 1.1 km at the equator) between two outlines that still makes their
/// units neighbours.
pub const TOUCH_DEG: f64 = 0.01;

/// How far (km) an H3 unit's neighbourhood reaches from its centre.
pub const H3_REACH_KM: f64 = 30.0;

/// Neighbours of every polygon unit (see the module documentation).
pub fn polygon_neighbours(shapes: &[MultiPolygon<f64>]) -> Vec<Vec<u32>> {
    let bin = |v: f64| (v / TOUCH_DEG).floor() as i64;
    let mut bins: HashMap<(i64, i64), Vec<u32>> = HashMap::new();
    for (u, shape) in shapes.iter().enumerate() {
        for c in shape.coords_iter() {
            if !(c.x.is_finite() && c.y.is_finite()) {
                continue;
            }
            let list = bins.entry((bin(c.x), bin(c.y))).or_default();
            if list.last() != Some(&(u as u32)) {
                list.push(u as u32);
            }
        }
    }
    for list in bins.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (&(x, y), here) in &bins {
        for dx in -1..=1 {
            for dy in -1..=1 {
                let Some(there) = bins.get(&(x + dx, y + dy)) else {
                    continue;
                };
                for &a in here {
                    for &b in there {
                        if a != b {
                            pairs.push((a, b));
                        }
                    }
                }
            }
        }
    }
    lists_from_pairs(shapes.len(), pairs)
}

/// Grid distance `k` whose disk reaches about [`H3_REACH_KM`] at `resolution` (at least 1).
pub fn h3_disk_k(resolution: u8) -> u32 {
    // Average hexagon edge length (km) at resolutions 0..=15 (H3's table of cell statistics).
    const EDGE_KM: [f64; 16] = [
        1107.71, 418.68, 158.24, 59.81, 22.61, 8.54, 3.23, 1.22, 0.461, 0.174, 0.0659, 0.0249,
        0.00942, 0.00356, 0.00135, 0.00051,
    ];
    let edge = EDGE_KM[usize::from(resolution.min(15))];
    // A ring k steps out lies about k·√3·edge from the centre.
    ((H3_REACH_KM / (edge * 3f64.sqrt())).round() as u32).max(1)
}

/// Neighbours of every H3 unit: the units among `cells` (unit index = position) within `k` grid
/// steps.
pub fn h3_neighbours(cells: &[CellIndex], k: u32) -> Vec<Vec<u32>> {
    let index: HashMap<CellIndex, u32> = cells
        .iter()
        .enumerate()
        .map(|(u, &c)| (c, u as u32))
        .collect();
    cells
        .par_iter()
        .enumerate()
        .map(|(u, &c)| {
            let mut v: Vec<u32> = c
                .grid_disk::<Vec<_>>(k)
                .into_iter()
                .filter_map(|n| index.get(&n).copied())
                .filter(|&n| n as usize != u)
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect()
}

/// Sorted, deduplicated, symmetric lists from directed pairs.
fn lists_from_pairs(n: usize, pairs: Vec<(u32, u32)>) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); n];
    for (a, b) in pairs {
        out[a as usize].push(b);
        out[b as usize].push(a);
    }
    for v in &mut out {
        v.sort_unstable();
        v.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::risk::testutil::rect;

    #[test]
    fn squares_touching_at_a_corner_or_an_edge_are_neighbours() {
        // 3 × 3 one-degree squares; the middle one touches all eight others.
        let mut shapes = Vec::new();
        for y in 0..3 {
            for x in 0..3 {
                let (x, y) = (f64::from(x), f64::from(y));
                shapes.push(rect(x, y, x + 1.0, y + 1.0));
            }
        }
        shapes.push(rect(10.0, 10.0, 11.0, 11.0));
        let n = polygon_neighbours(&shapes);
        assert_eq!(n[4], vec![0, 1, 2, 3, 5, 6, 7, 8]);
        assert_eq!(n[0], vec![1, 3, 4]);
        assert!(n[9].is_empty());
        for (u, list) in n.iter().enumerate() {
            for &v in list {
                assert!(
                    n[v as usize].contains(&(u as u32)),
                    "{u} -> {v} not symmetric"
                );
            }
        }
    }

    #[test]
    fn a_small_gap_still_touches_a_wide_one_does_not() {
        let n = polygon_neighbours(&[
            rect(0.0, 0.0, 1.0, 1.0),
            rect(1.005, 0.0, 2.0, 1.0),
            rect(2.1, 0.0, 3.0, 1.0),
        ]);
        assert_eq!(n, vec![vec![1], vec![0], vec![]]);
    }

    #[test]
    fn h3_disks_reach_about_thirty_km() {
        assert_eq!((h3_disk_k(4), h3_disk_k(5), h3_disk_k(6)), (1, 2, 5));
        let c = h3o::LatLng::new(14.0, -4.0)
            .unwrap()
            .to_cell(h3o::Resolution::Five);
        let disk: Vec<CellIndex> = c.grid_disk(2);
        let n = h3_neighbours(&disk, 1);
        assert_eq!(n[0].len(), 6);
        assert!(n.iter().all(|v| !v.is_empty()));
    }
}
