//! Geometry prepared once for drawing: polygons triangulated and lines simplified per zoom,
//! all in world coordinates; each frame culls by box and transforms what is visible.

use egui::epaint::{Mesh, PathShape, PathStroke, Vertex, WHITE_UV};
use egui::{Color32, Painter, Pos2, Shape, Stroke};
use geo::{LineString, MapCoords, MultiPolygon, Simplify, TriangulateEarcut};

use super::view::{View, boxes_overlap, to_world};

fn world_line(line: &LineString<f64>) -> LineString<f64> {
    LineString::from(
        line.0
            .iter()
            .map(|c| {
                let w = to_world(c.x, c.y);
                (w[0], w[1])
            })
            .collect::<Vec<_>>(),
    )
}

fn bounds(points: &[[f64; 2]]) -> [f64; 4] {
    points
        .iter()
        .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, p| {
            [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ]
        })
}

/// Triangulated polygons; each feature keeps its own range so it can be culled and coloured.
#[derive(Debug, Default, Clone)]
pub struct PreparedFill {
    vertices: Vec<[f64; 2]>,
    indices: Vec<u32>,
    parts: Vec<FillPart>,
}

#[derive(Debug, Clone)]
struct FillPart {
    feature: usize,
    bbox: [f64; 4],
    vertices: std::ops::Range<usize>,
    indices: std::ops::Range<usize>,
}

impl PreparedFill {
    /// Triangulate every polygon of every feature (in world coordinates).
    pub fn new<'a>(features: impl IntoIterator<Item = &'a MultiPolygon<f64>>) -> Self {
        let mut out = PreparedFill::default();
        for (feature, shape) in features.into_iter().enumerate() {
            for polygon in &shape.0 {
                let world = polygon.map_coords(|c| {
                    let w = to_world(c.x, c.y);
                    geo::Coord { x: w[0], y: w[1] }
                });
                let raw = world.earcut_triangles_raw();
                if raw.triangle_indices.is_empty() {
                    continue;
                }
                let v0 = out.vertices.len();
                let i0 = out.indices.len();
                out.vertices.extend_from_slice(&raw.vertices);
                out.indices
                    .extend(raw.triangle_indices.iter().map(|&i| (v0 + i) as u32));
                out.parts.push(FillPart {
                    feature,
                    bbox: bounds(&raw.vertices),
                    vertices: v0..out.vertices.len(),
                    indices: i0..out.indices.len(),
                });
            }
        }
        out
    }

    /// Fill the visible features; `color` gives each feature's colour (transparent skips it).
    pub fn draw(&self, painter: &Painter, view: &View, color: impl Fn(usize) -> Color32) {
        let visible = view.world_bounds(2.0);
        let mut mesh = Mesh::default();
        for part in &self.parts {
            if !boxes_overlap(&part.bbox, &visible) {
                continue;
            }
            let c = color(part.feature);
            if c == Color32::TRANSPARENT {
                continue;
            }
            let start = part.vertices.start as u32;
            let base = mesh.vertices.len() as u32;
            mesh.vertices
                .extend(self.vertices[part.vertices.clone()].iter().map(|w| Vertex {
                    pos: view.world_to_screen(*w),
                    uv: WHITE_UV,
                    color: c,
                }));
            mesh.indices.extend(
                self.indices[part.indices.clone()]
                    .iter()
                    .map(|i| i - start + base),
            );
        }
        if !mesh.is_empty() {
            painter.add(Shape::mesh(mesh));
        }
    }

    pub fn vertex_count(&self) -> usize {
        self.vertices.len()
    }
}

/// Zoom levels at which simplified copies of lines are kept (each used up to that zoom).
const LOD_ZOOMS: [f64; 5] = [4.0, 6.0, 8.0, 10.0, 12.0];

/// Lines with simplified copies for lower zooms.
#[derive(Debug, Default, Clone)]
pub struct PreparedLines {
    lines: Vec<PreparedLine>,
}

#[derive(Debug, Clone)]
struct PreparedLine {
    feature: usize,
    bbox: [f64; 4],
    /// One copy per entry of [`LOD_ZOOMS`], then the full line.
    lods: Vec<Vec<[f64; 2]>>,
}

impl PreparedLines {
    /// `lines` yields (feature index, line in lon/lat).
    pub fn new<'a>(lines: impl IntoIterator<Item = (usize, &'a LineString<f64>)>) -> Self {
        let lines = lines
            .into_iter()
            .map(|(feature, line)| {
                let world = world_line(line);
                let mut lods: Vec<Vec<[f64; 2]>> = LOD_ZOOMS
                    .iter()
                    .map(|z| {
                        // Half a pixel at that zoom.
                        let eps = 0.5 / super::view::world_pixels(*z);
                        world.simplify(eps).0.iter().map(|c| [c.x, c.y]).collect()
                    })
                    .collect();
                let full: Vec<[f64; 2]> = world.0.iter().map(|c| [c.x, c.y]).collect();
                let bbox = bounds(&full);
                lods.push(full);
                PreparedLine {
                    feature,
                    bbox,
                    lods,
                }
            })
            .collect();
        PreparedLines { lines }
    }

    /// Stroke the visible lines; `stroke` gives each feature's stroke (width 0 skips it).
    pub fn draw(&self, painter: &Painter, view: &View, stroke: impl Fn(usize) -> Stroke) {
        let visible = view.world_bounds(4.0);
        let lod = LOD_ZOOMS
            .iter()
            .position(|z| view.zoom <= *z)
            .unwrap_or(LOD_ZOOMS.len());
        for line in &self.lines {
            if !boxes_overlap(&line.bbox, &visible) {
                continue;
            }
            let s = stroke(line.feature);
            if s.width <= 0.0 || s.color == Color32::TRANSPARENT {
                continue;
            }
            let points = screen_points(&line.lods[lod], view);
            if points.len() >= 2 {
                painter.add(Shape::Path(PathShape::line(points, PathStroke::from(s))));
            }
        }
    }

    /// The full-detail world points of each line, with its feature index.
    pub fn iter_full(&self) -> impl Iterator<Item = (usize, &[[f64; 2]])> {
        self.lines
            .iter()
            .map(|l| (l.feature, l.lods.last().map_or(&[][..], |v| v.as_slice())))
    }

    pub fn point_count(&self) -> usize {
        self.lines
            .iter()
            .map(|l| l.lods.last().map_or(0, Vec::len))
            .sum()
    }
}

/// Transform to screen, dropping points closer than a third of a pixel to the previous one.
fn screen_points(world: &[[f64; 2]], view: &View) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::with_capacity(world.len());
    for (i, w) in world.iter().enumerate() {
        let p = view.world_to_screen(*w);
        let last = i + 1 == world.len();
        match out.last() {
            Some(q) if !last && (p - *q).length_sq() < 0.11 => {}
            _ => out.push(p),
        }
    }
    out
}
