//! Which country a point is in, and so which side of the coastal states it is on: point in
//! polygon over the countries, with a per-cell cache (cells that no country outline touches are
//! classified once, by their centre).

use geo::{BoundingRect, Coord, LineString, MultiPolygon, Polygon, Rect};
use rstar::primitives::Line;
use rstar::{AABB, RTree};

use super::cells::{CellArea, CellGrid};
use super::segments::SegmentTree;

/// One country of the input: its polygons with their bounding boxes.
#[derive(Debug, Clone)]
pub struct Country {
    pub iso3: String,
    pub shape: MultiPolygon<f64>,
    pub bbox: Option<Rect<f64>>,
    polygon_boxes: Vec<Option<Rect<f64>>>,
    pub coastal: bool,
}

impl Country {
    pub fn new(iso3: &str, shape: &MultiPolygon<f64>, coastal: bool) -> Self {
        Country {
            iso3: iso3.to_owned(),
            shape: shape.clone(),
            bbox: shape.bounding_rect(),
            polygon_boxes: shape.0.iter().map(Polygon::bounding_rect).collect(),
            coastal,
        }
    }

    /// Point in polygon (even-odd rule on each polygon: inside the exterior ring, outside every
    /// hole). A point exactly on an edge may go either way.
    fn contains(&self, p: Coord<f64>) -> bool {
        if !self.bbox.is_some_and(|r| in_rect(r, p)) {
            return false;
        }
        self.shape
            .0
            .iter()
            .zip(&self.polygon_boxes)
            .any(|(polygon, bbox)| {
                bbox.is_some_and(|r| in_rect(r, p))
                    && crosses_odd(polygon.exterior(), p)
                    && !polygon.interiors().iter().any(|hole| crosses_odd(hole, p))
            })
    }
}

fn in_rect(r: Rect<f64>, p: Coord<f64>) -> bool {
    r.min().x <= p.x && p.x <= r.max().x && r.min().y <= p.y && p.y <= r.max().y
}

/// True when a ray from `p` towards +x crosses `ring` an odd number of times.
fn crosses_odd(ring: &LineString<f64>, p: Coord<f64>) -> bool {
    let mut inside = false;
    for l in ring.lines() {
        let (a, b) = (l.start, l.end);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}

/// Where a point (or a whole cell) lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Inside this country (index into `Sides::countries`).
    In(u32),
    /// In no country (sea, gaps, outside the data).
    Nowhere,
    /// A cell some outline may cross: test each point.
    Mixed,
}

/// Point-in-polygon over the countries, cached per cell.
#[derive(Debug, Clone)]
pub struct Sides {
    pub countries: Vec<Country>,
    /// Every ring edge (lon/lat), to find the cells an outline may cross.
    edges: RTree<Line<[f64; 2]>>,
    cells: CellGrid<Class>,
    /// Every country's outline; tag = country index.
    outlines: SegmentTree,
}

impl Sides {
    pub fn new(countries: Vec<Country>, outlines: SegmentTree) -> Self {
        let mut edges = Vec::new();
        let (mut lon, mut lat) = (
            [f64::INFINITY, -f64::INFINITY],
            [f64::INFINITY, -f64::INFINITY],
        );
        for country in &countries {
            for polygon in &country.shape.0 {
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    for l in ring.lines() {
                        edges.push(Line::new([l.start.x, l.start.y], [l.end.x, l.end.y]));
                    }
                }
            }
            if let Some(r) = country.bbox {
                lon = [lon[0].min(r.min().x), lon[1].max(r.max().x)];
                lat = [lat[0].min(r.min().y), lat[1].max(r.max().y)];
            }
        }
        Sides {
            countries,
            edges: RTree::bulk_load(edges),
            cells: CellGrid::new(lon[0], lon[1], lat[0], lat[1]),
            outlines,
        }
    }

    /// True when the point counts as inside the coastal states: inside one of them, or in no
    /// country with a coastal state's outline nearest.
    pub fn inside(&self, lon: f64, lat: f64) -> bool {
        let class = match self.cells.get(lon, lat, |area| self.classify(area)) {
            Some(&Class::Mixed) | None => self.class_at(lon, lat),
            Some(&class) => class,
        };
        match class {
            Class::In(c) => self.countries[c as usize].coastal,
            Class::Nowhere | Class::Mixed => self
                .outlines
                .nearest_tag(lon, lat)
                .is_some_and(|t| self.countries[t as usize].coastal),
        }
    }

    /// The country (index into `countries`) whose polygons contain the point; `None` in no
    /// country (sea, gaps, outside the data, not a coordinate).
    pub fn country_at(&self, lon: f64, lat: f64) -> Option<usize> {
        let class = match self.cells.get(lon, lat, |area| self.classify(area)) {
            Some(&Class::Mixed) | None => self.class_at(lon, lat),
            Some(&class) => class,
        };
        match class {
            Class::In(c) => Some(c as usize),
            Class::Nowhere | Class::Mixed => None,
        }
    }

    /// The class of one point: the first country containing it decides.
    fn class_at(&self, lon: f64, lat: f64) -> Class {
        let p = Coord { x: lon, y: lat };
        self.countries
            .iter()
            .position(|country| country.contains(p))
            .map_or(Class::Nowhere, |c| Class::In(c as u32))
    }

    /// A cell whose closed rectangle meets no edge's bounding box lies wholly on one side of
    /// every outline: its centre's class is every point's.
    fn classify(&self, area: CellArea) -> Class {
        let rect = AABB::from_corners(
            [area.lon - area.half_lon, area.lat - area.half_lat],
            [area.lon + area.half_lon, area.lat + area.half_lat],
        );
        if self
            .edges
            .locate_in_envelope_intersecting(&rect)
            .next()
            .is_some()
        {
            Class::Mixed
        } else {
            self.class_at(area.lon, area.lat)
        }
    }
}
