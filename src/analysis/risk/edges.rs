//! Edges of one unit bucketed by grid row, and the exact point-in-unit test.
//!
//! The test reproduces `geo`'s `MultiPolygon: Intersects<Point>` exactly (closed polygons:
//! a point on any ring counts as inside; inside a hole counts as outside), using the same
//! winding-number rules and the same robust `orient2d` predicate as
//! `geo::coordinate_position::coord_pos_relative_to_ring`. Only edges whose y-range can
//! contain the point's y are visited (those of its slab: horizontal bands of 1/8 grid row),
//! and edges lying entirely to the left of the point are skipped: neither can change the
//! winding number of a rightward ray or put the point on the boundary, so the answer is
//! identical to the full scan.

use super::grid::GridSpec;
use geo::{Coord, GeoNum, Kernel, MultiPolygon, Orientation};

type Ker = <f64 as GeoNum>::Ker;

/// Slabs per grid row (slab height = cell size / 8, ≈ 0.006° by default).
const SLABS_PER_ROW: f64 = 8.0;

/// Position of a point relative to one ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pos {
    Outside,
    Inside,
    Boundary,
}

/// One ring of the unit: the polygon it belongs to and whether it is a hole.
#[derive(Debug, Clone, Copy)]
struct Ring {
    polygon: u32,
    hole: bool,
}

/// Edges of one unit with a per-row index (CSR over the rows the unit spans).
#[derive(Debug, Clone, Default)]
pub(super) struct UnitEdges {
    /// Edge end points, ring after ring, in ring order (exterior before its holes).
    segs: Vec<(Coord, Coord)>,
    /// Ring index of each edge.
    ring_of: Vec<u32>,
    rings: Vec<Ring>,
    /// Slab geometry: origin, 1 / height, tolerance (see [`GridSpec::eps`]).
    y0: f64,
    inv: f64,
    /// First slab covered by `offsets`.
    row0: usize,
    /// `slab[offsets[r - row0]..offsets[r - row0 + 1]]` are the edges overlapping slab `r`.
    offsets: Vec<u32>,
    slab: Vec<u32>,
}

impl UnitEdges {
    /// Buckets the edges of `shape`; calls `mark(row, col_lo, col_hi)` for every run of grid
    /// cells an edge touches (cells widened by `grid.eps`), so the caller can flag them mixed.
    pub fn build(
        shape: &MultiPolygon,
        grid: &GridSpec,
        mut mark: impl FnMut(usize, usize, usize),
    ) -> Self {
        let mut e = UnitEdges::default();
        for (p, poly) in shape.0.iter().enumerate() {
            let rings = std::iter::once(poly.exterior()).chain(poly.interiors());
            for (k, ring) in rings.enumerate() {
                let id = e.rings.len() as u32;
                e.rings.push(Ring {
                    polygon: p as u32,
                    hole: k > 0,
                });
                for line in ring.lines() {
                    e.segs.push((line.start, line.end));
                    e.ring_of.push(id);
                }
            }
        }
        if e.segs.is_empty() {
            return e;
        }
        for s in &e.segs {
            let (lo, hi) = (s.0.y.min(s.1.y), s.0.y.max(s.1.y));
            for r in grid.row_clamped(lo - grid.eps)..=grid.row_clamped(hi + grid.eps) {
                let (xlo, xhi) = x_range_in_band(s, grid.row_band(r));
                mark(
                    r,
                    grid.col_clamped(xlo - grid.eps),
                    grid.col_clamped(xhi + grid.eps),
                );
            }
        }
        // Slab span of every edge (widened by eps), then a two-pass CSR fill.
        e.y0 = grid.y0;
        e.inv = SLABS_PER_ROW / grid.d;
        let slab_of = |y: f64| ((y - e.y0) * e.inv).floor().max(0.0) as usize;
        let span = |&(a, b): &(Coord, Coord)| {
            let (lo, hi) = (a.y.min(b.y), a.y.max(b.y));
            (slab_of(lo - grid.eps), slab_of(hi + grid.eps))
        };
        let row0 = e.segs.iter().map(|s| span(s).0).min().unwrap_or(0);
        let row1 = e.segs.iter().map(|s| span(s).1).max().unwrap_or(0);
        let mut counts = vec![0u32; row1 - row0 + 2];
        for s in &e.segs {
            let (r0, r1) = span(s);
            for r in r0..=r1 {
                counts[r - row0 + 1] += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        e.slab = vec![0; counts[counts.len() - 1] as usize];
        for (i, s) in e.segs.iter().enumerate() {
            let (r0, r1) = span(s);
            for r in r0..=r1 {
                let at = &mut fill[r - row0];
                e.slab[*at as usize] = i as u32;
                *at += 1;
            }
        }
        e.row0 = row0;
        e.offsets = counts;
        e
    }

    /// Exact closed-polygon test of (`x`, `y`).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        let r = (y - self.y0) * self.inv;
        if r.is_nan() || r < 0.0 {
            return false;
        }
        let Some(k) = (r as usize)
            .checked_sub(self.row0)
            .filter(|&k| k + 1 < self.offsets.len())
        else {
            return false;
        };
        let p = Coord { x, y };
        let ids = &self.slab[self.offsets[k] as usize..self.offsets[k + 1] as usize];
        // Polygon state machine over the rings present in this row (ascending ring order).
        // A ring with no edge in the row cannot contain the point (a ray from the point must
        // cross it), so absent rings are `Outside`.
        let mut cur_poly = u32::MAX;
        let mut ext_inside = false;
        let mut excluded = false;
        let mut i = 0;
        while i < ids.len() {
            let ring_id = self.ring_of[ids[i] as usize];
            let mut winding = 0i32;
            let mut on_boundary = false;
            while i < ids.len() && self.ring_of[ids[i] as usize] == ring_id {
                let (a, b) = self.segs[ids[i] as usize];
                i += 1;
                if !on_boundary && a.x.max(b.x) >= x {
                    match edge_winding(a, b, p) {
                        Some(w) => winding += w,
                        None => on_boundary = true,
                    }
                }
            }
            let pos = match (on_boundary, winding) {
                (true, _) => Pos::Boundary,
                (false, 0) => Pos::Outside,
                _ => Pos::Inside,
            };
            let ring = self.rings[ring_id as usize];
            if ring.polygon != cur_poly {
                if ext_inside && !excluded {
                    return true;
                }
                cur_poly = ring.polygon;
                ext_inside = false;
                excluded = false;
            }
            match (ring.hole, pos) {
                (_, Pos::Boundary) if !ring.hole || (ext_inside && !excluded) => return true,
                (false, Pos::Inside) => ext_inside = true,
                (true, Pos::Inside) => excluded = true,
                _ => {}
            }
        }
        ext_inside && !excluded
    }
}

/// Winding contribution of edge `a→b` for a rightward ray from `p`, or `None` when `p` lies
/// on the edge. Same rules as geo's `coord_pos_relative_to_ring`: an upward edge includes its
/// start and excludes its end, a downward edge the reverse, horizontal edges never count.
#[inline]
fn edge_winding(a: Coord, b: Coord, p: Coord) -> Option<i32> {
    if a.y <= p.y {
        if b.y >= p.y {
            let o = Ker::orient2d(a, b, p);
            if o == Orientation::CounterClockwise && b.y != p.y {
                return Some(1);
            }
            if o == Orientation::Collinear && between(p.x, a.x, b.x) {
                return None;
            }
        }
    } else if b.y <= p.y {
        let o = Ker::orient2d(a, b, p);
        if o == Orientation::Clockwise {
            return Some(-1);
        }
        if o == Orientation::Collinear && between(p.x, a.x, b.x) {
            return None;
        }
    }
    Some(0)
}

#[inline]
fn between(v: f64, a: f64, b: f64) -> bool {
    v >= a.min(b) && v <= a.max(b)
}

/// x-extent of segment `s` restricted to the y-band `(lo, hi)` (by linear interpolation;
/// callers widen the result by `eps`).
fn x_range_in_band(s: &(Coord, Coord), (lo, hi): (f64, f64)) -> (f64, f64) {
    let (a, b) = *s;
    let dy = b.y - a.y;
    if dy == 0.0 {
        return (a.x.min(b.x), a.x.max(b.x));
    }
    let y_lo = lo.max(a.y.min(b.y));
    let y_hi = hi.min(a.y.max(b.y));
    let at = |y: f64| {
        let t = ((y - a.y) / dy).clamp(0.0, 1.0);
        a.x + t * (b.x - a.x)
    };
    let (x1, x2) = (at(y_lo), at(y_hi));
    (x1.min(x2), x1.max(x2))
}
