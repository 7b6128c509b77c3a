//! An R-tree of line segments on the ellipsoid that answers "geodesic distance to the nearest
//! segment" for any point.
//!
//! A segment runs straight in longitude/latitude between two vertices, as RFC 7946 defines a
//! GeoJSON line. Segments longer than [`super::chunk::MAX_SEGMENT_KM`] are split so that each is
//! indistinguishable from its 3-D chord (sagitta under 0.1 m). The `rstar` tree holds runs of
//! consecutive segments ([`super::chunk`]) in Earth-centred coordinates (km).
//!
//! Query, for a point P:
//! 1. candidates: the runs that can hold the nearest point of any point of P's grid cell, with
//!    a seed segment, computed once per cell from the R-tree ([`super::candidates`]); outside
//!    the grid, a best-first `rstar` search by chord for the seed and an `rstar` range query;
//! 2. the seed's chord distance bounds P's distance from above; a run or segment whose chord
//!    distance leaves it no chance is skipped. Chords bound geodesics both ways
//!    ([`super::geodesic::geodesic_lower_bound_km`], [`super::geodesic::geodesic_upper_bound_km`]),
//!    plus a 1e-4 relative margin;
//! 3. the remaining segments are ranked by Lambert's ellipsoidal distance to their closest
//!    chord point, put back on the ellipsoid;
//! 4. the answer is the winner's Lambert distance (within 1.5e-6 of Karney's geodesic, see
//!    [`super::geodesic::lambert_km`]), or on request Karney's distance to the same point.
//!
//! The distance is stationary at the closest point, so the small difference between the chord's
//! closest point and the ellipsoid's changes the answer only to second order (about 1e-6).

use geo::Coord;
use rstar::{PointDistance, RTree};

use super::candidates::Cell;
use super::cells::CellGrid;
use super::chunk::{CHUNK, Chunk, Vertex, chunk, closest, push_split, vertex};
use super::geodesic::{
    A_KM, B_KM, R_MAX_KM, auxiliary, ecef_km, geodesic_upper_bound_km, karney_km, lambert_km, valid,
};

/// Relative margin added to the best distance before a candidate can be ruled out.
const REL_MARGIN: f64 = 1e-4;
/// Absolute margin (km) for the same purpose, on top of the chords' sagitta.
const ABS_MARGIN_KM: f64 = 1e-6;

/// The answer of a query: the closest point found (lon/lat), the ellipsoidal distance to it (km,
/// Lambert's formula) and the tag of the line it lies on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nearest {
    pub km: f64,
    pub lon: f64,
    pub lat: f64,
    pub tag: u32,
}

/// R-tree of segments; see the module documentation.
#[derive(Debug, Clone)]
pub struct SegmentTree {
    pub(super) vertices: Vec<Vertex>,
    pub(super) chunks: Vec<Chunk>,
    pub(super) tree: RTree<Chunk>,
    cells: CellGrid<Cell>,
    segments: usize,
    /// Largest distance (km) between a segment's chord and the surface path it stands for.
    sagitta_km: f64,
}

impl SegmentTree {
    /// Build from tagged polylines (lon/lat). Vertices that are not finite or whose latitude is
    /// beyond ±90° are skipped, as are repeated vertices.
    pub fn new<'a>(lines: impl IntoIterator<Item = (u32, &'a [Coord<f64>])>) -> Self {
        let mut vertices: Vec<Vertex> = Vec::new();
        let mut chunks = Vec::new();
        let mut longest: f64 = 0.0;
        for (tag, coords) in lines {
            let start = vertices.len();
            for c in coords.iter().filter(|c| valid(c.x, c.y)) {
                let here = [c.x, c.y];
                match vertices[start..].last().map(|v| v.ll) {
                    None => vertices.push(vertex(here)),
                    Some(prev) if prev == here => {}
                    Some(prev) => longest = longest.max(push_split(&mut vertices, prev, here)),
                }
            }
            let end = vertices.len();
            let mut first = start;
            while first + 1 < end {
                let last = (first + CHUNK).min(end - 1);
                chunks.push(chunk(&vertices, first, last, tag, chunks.len()));
                first = last;
            }
        }
        let segments = chunks.iter().map(|c: &Chunk| c.len as usize).sum();
        let (mut lon, mut lat) = (
            [f64::INFINITY, -f64::INFINITY],
            [f64::INFINITY, -f64::INFINITY],
        );
        for v in &vertices {
            lon = [lon[0].min(v.ll[0]), lon[1].max(v.ll[0])];
            lat = [lat[0].min(v.ll[1]), lat[1].max(v.ll[1])];
        }
        // Chord vs. path: sagitta L²/(8R) on the most curved section (R = b²/a), doubled to
        // cover the lon/lat path's own departure from the geodesic over so short a segment.
        let r_min = B_KM * B_KM / A_KM;
        SegmentTree {
            vertices,
            tree: RTree::bulk_load(chunks.clone()),
            chunks,
            cells: CellGrid::new(lon[0], lon[1], lat[0], lat[1]),
            segments,
            sagitta_km: 2.0 * longest * longest / (8.0 * r_min),
        }
    }

    /// Number of (split) segments.
    pub fn len(&self) -> usize {
        self.segments
    }

    /// True when there is no segment.
    pub fn is_empty(&self) -> bool {
        self.segments == 0
    }

    /// Geodesic distance from (`lon`, `lat`) to the nearest segment. `None` when there is no
    /// segment or the point is not valid ([`valid`]).
    pub fn nearest(&self, lon: f64, lat: f64) -> Option<Nearest> {
        self.find(lon, lat, true)
    }

    /// [`SegmentTree::nearest`], through the cell caches or straight from the R-tree.
    pub(super) fn find(&self, lon: f64, lat: f64, use_cells: bool) -> Option<Nearest> {
        if !valid(lon, lat) || self.is_empty() {
            return None;
        }
        let p = ecef_km(lon, lat);
        let cell = use_cells
            .then(|| self.cells.get(lon, lat, |area| self.cell(area)))
            .flatten();
        let best = match cell {
            Some(cell) if cell.seed != u32::MAX => {
                let chunks = cell.candidates.iter().map(|&id| &self.chunks[id as usize]);
                self.scan(p, cell.seed as usize, chunks)
            }
            _ => {
                let seed = self.chord_nearest(p)?.0;
                let limit = self.chord_limit(self.seed_chord(seed, p));
                self.scan(p, seed, self.tree.locate_within_distance(p, limit * limit))
            }
        };
        let (i, t, tag) = best?;
        let (a, b) = (self.vertices[i].ll, self.vertices[i + 1].ll);
        let (qlon, qlat) = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]));
        // Measured to the point of the lon/lat segment itself, not to its chord, which can be
        // centimetres away: that matters for points metres from the line.
        Some(Nearest {
            km: lambert_km(auxiliary(p), auxiliary(ecef_km(qlon, qlat))),
            lon: qlon,
            lat: qlat,
            tag,
        })
    }

    /// The best segment among `chunks` for the point `p` (ECEF): (first vertex, parameter, tag).
    /// `seed` is a segment whose chord distance bounds the search; `chunks` must include every
    /// run that can beat it.
    fn scan<'a>(
        &self,
        p: [f64; 3],
        seed: usize,
        chunks: impl Iterator<Item = &'a Chunk>,
    ) -> Option<(usize, f64, u32)> {
        let up = auxiliary(p);
        // Nearest chord so far and the chord beyond which a segment cannot win against it.
        let mut best_c = self.seed_chord(seed, p);
        let mut limit = self.chord_limit(best_c);
        let mut limit2 = limit * limit;
        // Best by Lambert: distance, segment's first vertex, parameter, tag.
        let mut best: Option<(f64, usize, f64, u32)> = None;
        for chunk in chunks {
            if chunk.distance_2(&p) > limit2 {
                continue;
            }
            let first = chunk.first as usize;
            for i in first..first + chunk.len as usize {
                let (t, q, c2) = closest(self.vertices[i].p, self.vertices[i + 1].p, p);
                if c2 > limit2 {
                    continue;
                }
                if c2 < best_c * best_c {
                    best_c = c2.sqrt();
                    limit = self.chord_limit(best_c);
                    limit2 = limit * limit;
                }
                let km = lambert_km(up, auxiliary(q));
                if best.is_none_or(|b| km < b.0) {
                    best = Some((km, i, t, chunk.tag));
                }
            }
        }
        best.map(|b| (b.1, b.2, b.3))
    }

    /// Chord distance from `p` to segment `i`.
    pub(super) fn seed_chord(&self, i: usize, p: [f64; 3]) -> f64 {
        closest(self.vertices[i].p, self.vertices[i + 1].p, p)
            .2
            .sqrt()
    }

    /// [`SegmentTree::nearest`] with the distance measured by Karney's algorithm (exact to
    /// nanometres; about 0.5 µs more per point).
    pub fn nearest_karney(&self, lon: f64, lat: f64) -> Option<Nearest> {
        self.nearest(lon, lat).map(|n| Nearest {
            km: karney_km(lon, lat, n.lon, n.lat),
            ..n
        })
    }

    /// Largest chord (km) at which a segment could still be geodesically nearer than one at
    /// chord `chord_km`: that one's geodesic upper bound, plus margins, turned back into a chord
    /// by the lower bound; both widened by the sagitta. Increasing, and `chord_limit(c) - c`
    /// too.
    pub(super) fn chord_limit(&self, chord_km: f64) -> f64 {
        let upper = geodesic_upper_bound_km(chord_km + self.sagitta_km);
        let geodesic = upper * (1.0 + REL_MARGIN) + ABS_MARGIN_KM;
        let half_angle = (geodesic / (2.0 * R_MAX_KM)).min(std::f64::consts::FRAC_PI_2);
        2.0 * R_MAX_KM * half_angle.sin() + self.sagitta_km
    }

    /// The segment (first vertex) whose chord is nearest to `p` and its tag (best-first search).
    pub(super) fn chord_nearest(&self, p: [f64; 3]) -> Option<(usize, u32)> {
        let mut best: Option<(f64, usize, u32)> = None;
        for (chunk, d2) in self.tree.nearest_neighbor_iter_with_distance_2(&p) {
            if best.is_some_and(|b| d2 > b.0) {
                break;
            }
            let first = chunk.first as usize;
            for i in first..first + chunk.len as usize {
                let c2 = closest(self.vertices[i].p, self.vertices[i + 1].p, p).2;
                if best.is_none_or(|b| c2 < b.0) {
                    best = Some((c2, i, chunk.tag));
                }
            }
        }
        best.map(|b| (b.1, b.2))
    }

    /// Tag of the nearest line. `None` when empty or the point is not valid.
    pub fn nearest_tag(&self, lon: f64, lat: f64) -> Option<u32> {
        self.nearest(lon, lat).map(|n| n.tag)
    }
}
