//! R-tree entries: runs of up to [`CHUNK`] consecutive segments of a line, bounded by a box and
//! by a capsule (the run's end-to-end chord thickened by the largest distance of a vertex from
//! it). Far from the line the capsule bound is much tighter than the box, so few runs are opened.

use rstar::{AABB, PointDistance, RTreeObject};

use super::geodesic::{dist2, ecef_km};

/// Longest segment kept; longer input segments are split (straight in lon/lat).
pub const MAX_SEGMENT_KM: f64 = 2.0;
/// Most segments in one R-tree entry.
pub const CHUNK: usize = 8;

/// A vertex: Earth-centred position (km) and lon/lat.
#[derive(Debug, Clone, Copy)]
pub struct Vertex {
    pub p: [f64; 3],
    pub ll: [f64; 2],
}

/// Closest point of segment `a`-`b` to `p`: parameter (0..=1), point, squared distance.
pub fn closest(a: [f64; 3], b: [f64; 3], p: [f64; 3]) -> (f64, [f64; 3], f64) {
    let ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    let ap = [p[0] - a[0], p[1] - a[1], p[2] - a[2]];
    let len2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
    let t = if len2 > 0.0 {
        ((ap[0] * ab[0] + ap[1] * ab[1] + ap[2] * ab[2]) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let q = [a[0] + t * ab[0], a[1] + t * ab[1], a[2] + t * ab[2]];
    (t, q, dist2(p, q))
}

/// Up to [`CHUNK`] consecutive segments: vertices `first..=first + len` of the vertex array.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// Position in the tree's list of chunks.
    pub id: u32,
    pub first: u32,
    pub len: u32,
    pub tag: u32,
    /// Chord from the first to the last vertex and the largest distance of a vertex from it.
    a: [f64; 3],
    b: [f64; 3],
    pub radius: f64,
    envelope: AABB<[f64; 3]>,
}

impl Chunk {
    /// Distance from `p` to the run's end-to-end chord and the chord's closest point: every
    /// point of the run is within [`Chunk::radius`] of that chord.
    pub fn to_chord(&self, p: [f64; 3]) -> (f64, [f64; 3]) {
        let (_, q, d2) = closest(self.a, self.b, p);
        (d2.sqrt(), q)
    }
}

impl RTreeObject for Chunk {
    type Envelope = AABB<[f64; 3]>;

    fn envelope(&self) -> Self::Envelope {
        self.envelope
    }
}

impl PointDistance for Chunk {
    /// A lower bound of the squared distance to the run: the larger of the box bound and the
    /// capsule bound. (The searches only need a lower bound.)
    fn distance_2(&self, point: &[f64; 3]) -> f64 {
        let capsule = (closest(self.a, self.b, *point).2.sqrt() - self.radius).max(0.0);
        self.envelope.distance_2(point).max(capsule * capsule)
    }

    /// The same bound, the cheap box test first.
    fn distance_2_if_less_or_equal(&self, point: &[f64; 3], max_distance_2: f64) -> Option<f64> {
        let boxed = self.envelope.distance_2(point);
        if boxed > max_distance_2 {
            return None;
        }
        let capsule = (closest(self.a, self.b, *point).2.sqrt() - self.radius).max(0.0);
        let d2 = boxed.max(capsule * capsule);
        (d2 <= max_distance_2).then_some(d2)
    }
}

pub fn vertex(ll: [f64; 2]) -> Vertex {
    Vertex {
        p: ecef_km(ll[0], ll[1]),
        ll,
    }
}

/// The run of vertices `first..=last` as an R-tree entry.
pub fn chunk(vertices: &[Vertex], first: usize, last: usize, tag: u32, id: usize) -> Chunk {
    let run = &vertices[first..=last];
    let (a, b) = (run[0].p, run[run.len() - 1].p);
    let radius = run
        .iter()
        .map(|v| closest(a, b, v.p).2.sqrt())
        .fold(0.0, f64::max);
    let envelope = AABB::from_points(run.iter().map(|v| &v.p));
    Chunk {
        id: id as u32,
        first: first as u32,
        len: (last - first) as u32,
        tag,
        a,
        b,
        radius,
        envelope,
    }
}

/// Append the vertices after `from` up to `to`, splitting the segment into pieces of at most
/// [`MAX_SEGMENT_KM`] (straight in lon/lat). Returns the longest piece's chord length (km).
pub fn push_split(vertices: &mut Vec<Vertex>, from: [f64; 2], to: [f64; 2]) -> f64 {
    let (ea, eb) = (ecef_km(from[0], from[1]), ecef_km(to[0], to[1]));
    let pieces = (dist2(ea, eb).sqrt() / MAX_SEGMENT_KM).ceil().max(1.0) as usize;
    let mut longest: f64 = 0.0;
    let mut prev = ea;
    for i in 1..=pieces {
        let v = if i == pieces {
            vertex(to)
        } else {
            let t = i as f64 / pieces as f64;
            vertex([
                from[0] + t * (to[0] - from[0]),
                from[1] + t * (to[1] - from[1]),
            ])
        };
        longest = longest.max(dist2(prev, v.p).sqrt());
        prev = v.p;
        vertices.push(v);
    }
    longest
}
