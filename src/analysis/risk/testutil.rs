//! Test helpers: square units, owned event columns, brute-force point location.

use super::{RiskEvents, Unit, UnitSet};
use geo::{Coord, Intersects, LineString, MultiPolygon, Point, Polygon};

/// Axis-aligned rectangle as a one-polygon MultiPolygon.
pub fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> MultiPolygon<f64> {
    MultiPolygon::new(vec![Polygon::new(ring(x0, y0, x1, y1), vec![])])
}

/// Closed counter-clockwise rectangle ring.
pub fn ring(x0: f64, y0: f64, x1: f64, y1: f64) -> LineString<f64> {
    LineString::from(vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)])
}

/// A unit named after its index.
pub fn unit(id: &str, shape: MultiPolygon<f64>) -> Unit {
    Unit {
        id: id.into(),
        name: id.into(),
        country: "T".into(),
        shape,
    }
}

/// 2 × 2 one-degree squares: 0 = [0,1]×[0,1], 1 = [1,2]×[0,1], 2 = [0,1]×[1,2], 3 = [1,2]×[1,2].
pub fn four_squares() -> UnitSet {
    let u = vec![
        unit("a", rect(0.0, 0.0, 1.0, 1.0)),
        unit("b", rect(1.0, 0.0, 2.0, 1.0)),
        unit("c", rect(0.0, 1.0, 1.0, 2.0)),
        unit("d", rect(1.0, 1.0, 2.0, 2.0)),
    ];
    UnitSet::new(u).unwrap()
}

/// Every event of `ev` assigned to the units of `set` (never cancelled).
pub fn assign_all(set: &UnitSet, ev: &Ev) -> super::Assignment {
    super::assign(
        set,
        &ev.view(None),
        &std::sync::atomic::AtomicBool::new(false),
        &std::sync::atomic::AtomicU32::new(0),
    )
    .unwrap()
}

/// Lowest-index unit whose shape intersects the point (geo's closed-polygon semantics).
pub fn brute_force(units: &[Unit], x: f64, y: f64) -> u32 {
    units
        .iter()
        .position(|u| u.shape.intersects(&Point::new(x, y)))
        .map_or(u32::MAX, |i| i as u32)
}

/// Owned event columns for tests.
#[derive(Debug, Clone, Default)]
pub struct Ev {
    pub lon: Vec<f64>,
    pub lat: Vec<f64>,
    pub day: Vec<i32>,
    pub fat: Vec<u32>,
    pub civ: Vec<bool>,
    pub coarse: Vec<bool>,
    pub off: Vec<u32>,
    pub actors: Vec<u32>,
    pub non_state: Vec<bool>,
}

impl Ev {
    /// Empty store whose actors `0..non_state.len()` have the given non-state flags.
    pub fn new(non_state: &[bool]) -> Self {
        Ev {
            off: vec![0],
            non_state: non_state.to_vec(),
            ..Ev::default()
        }
    }

    /// Appends an event.
    #[allow(clippy::too_many_arguments)]
    pub fn push(
        &mut self,
        lon: f64,
        lat: f64,
        day: i32,
        fat: u32,
        civ: bool,
        coarse: bool,
        actors: &[u32],
    ) -> &mut Self {
        self.lon.push(lon);
        self.lat.push(lat);
        self.day.push(day);
        self.fat.push(fat);
        self.civ.push(civ);
        self.coarse.push(coarse);
        self.actors.extend_from_slice(actors);
        self.off.push(self.actors.len() as u32);
        self
    }

    /// Borrowed view with an optional selection.
    pub fn view<'a>(&'a self, selected: Option<&'a [u32]>) -> RiskEvents<'a> {
        RiskEvents {
            lon: &self.lon,
            lat: &self.lat,
            day: &self.day,
            fatalities: &self.fat,
            civilian: &self.civ,
            coarse: &self.coarse,
            actor_offsets: &self.off,
            actor_ids: &self.actors,
            non_state: &self.non_state,
            selected,
        }
    }
}

/// `nx × ny` jittered-grid tiling of `[0, nx] × [0, ny]` whose edges are zig-zag polylines
/// of `k` segments shared exactly between neighbours; the last unit is a hole filler inside
/// unit 0 (unit 0 has a hole).
pub fn tiling(nx: usize, ny: usize, k: usize, seed: u64) -> Vec<Unit> {
    let mut s = seed;
    let mut rnd = move || {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
    };
    let node: Vec<Coord> = (0..=ny)
        .flat_map(|j| (0..=nx).map(move |i| (i, j)))
        .map(|(i, j)| {
            let inner = i > 0 && i < nx && j > 0 && j < ny;
            let (dx, dy) = if inner {
                (rnd() * 0.4, rnd() * 0.4)
            } else {
                (0.0, 0.0)
            };
            Coord {
                x: i as f64 + dx,
                y: j as f64 + dy,
            }
        })
        .collect();
    let mut edges = std::collections::HashMap::new();
    let mut edge = |a: usize, b: usize| -> Vec<Coord> {
        let (lo, hi) = (a.min(b), a.max(b));
        let e: &Vec<Coord> = edges.entry((lo, hi)).or_insert_with(|| {
            let (p, q) = (node[lo], node[hi]);
            (0..=k)
                .map(|t| {
                    let f = t as f64 / k as f64;
                    let wiggle = if t == 0 || t == k { 0.0 } else { rnd() * 0.1 };
                    Coord {
                        x: p.x + f * (q.x - p.x) - wiggle * (q.y - p.y),
                        y: p.y + f * (q.y - p.y) + wiggle * (q.x - p.x),
                    }
                })
                .collect()
        });
        if a == lo {
            e.clone()
        } else {
            e.iter().rev().copied().collect()
        }
    };
    let n = |i: usize, j: usize| j * (nx + 1) + i;
    let mut units = Vec::new();
    for j in 0..ny {
        for i in 0..nx {
            let c = [n(i, j), n(i + 1, j), n(i + 1, j + 1), n(i, j + 1)];
            let mut pts: Vec<Coord> = Vec::new();
            for t in 0..4 {
                let e = edge(c[t], c[(t + 1) % 4]);
                pts.extend_from_slice(&e[..e.len() - 1]);
            }
            pts.push(pts[0]);
            units.push(unit(
                &format!("u{i}_{j}"),
                MultiPolygon::new(vec![Polygon::new(LineString::new(pts), vec![])]),
            ));
        }
    }
    // Hole in unit 0 (well inside its jittered outline) and a unit filling it.
    let hole = ring(0.35, 0.35, 0.6, 0.6);
    let outer = units[0].shape.0[0].exterior().clone();
    units[0].shape = MultiPolygon::new(vec![Polygon::new(outer, vec![hole])]);
    units.push(unit("filler", rect(0.35, 0.35, 0.6, 0.6)));
    units
}
