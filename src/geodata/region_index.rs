//! Hit-testing regions: an R-tree of polygon bounding boxes, then an exact test.

use geo::{BoundingRect, Intersects, Point};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use super::features::Region;

type Entry = GeomWithData<Rectangle<[f64; 2]>, (u32, u32)>;

/// Spatial index over one set of regions (one level: countries, admin-1 or provinces).
#[derive(Debug, Clone)]
pub struct RegionIndex {
    tree: RTree<Entry>,
}

impl RegionIndex {
    /// Index every polygon of every region by its bounding box.
    pub fn new(regions: &[Region]) -> Self {
        let mut entries = Vec::new();
        for (r, region) in regions.iter().enumerate() {
            for (p, polygon) in region.shape.0.iter().enumerate() {
                if let Some(bb) = polygon.bounding_rect() {
                    let rect =
                        Rectangle::from_corners([bb.min().x, bb.min().y], [bb.max().x, bb.max().y]);
                    entries.push(GeomWithData::new(rect, (r as u32, p as u32)));
                }
            }
        }
        RegionIndex {
            tree: RTree::bulk_load(entries),
        }
    }

    /// The region containing (lon, lat). A point exactly on a shared border belongs to the
    /// region listed first, so the answer is deterministic.
    pub fn locate(&self, regions: &[Region], lon: f64, lat: f64) -> Option<usize> {
        let point = Point::new(lon, lat);
        let envelope = AABB::from_point([lon, lat]);
        self.tree
            .locate_in_envelope_intersecting(&envelope)
            .filter(|e| {
                let (r, p) = e.data;
                regions[r as usize].shape.0[p as usize].intersects(&point)
            })
            .map(|e| e.data.0 as usize)
            .min()
    }

    /// Number of indexed polygons.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }
}
