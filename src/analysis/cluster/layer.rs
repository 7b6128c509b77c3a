//! The items of one zoom while building: what the next zoom is made from.

/// One item of a zoom: the public [`Cluster`] itself, so a finished level needs no conversion.
pub(super) use super::Cluster as Item;
use super::project::{lat_to_y, lon_to_x};

/// The items of one zoom and each item's children in the level above (positions there, or point
/// indices for the highest zoom): `children[child_start[i]..child_start[i + 1]]`.
/// For the input points (`Source::Points`), position, order and id are the point's index.
#[derive(Debug, Clone, Default)]
pub(super) struct Layer {
    pub items: Vec<Item>,
    pub child_start: Vec<u32>,
    pub children: Vec<u32>,
}

impl Layer {
    pub fn with_capacity(items: usize, children: usize) -> Layer {
        let mut child_start = Vec::with_capacity(items + 1);
        child_start.push(0);
        Layer {
            items: Vec::with_capacity(items),
            child_start,
            children: Vec::with_capacity(children),
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Adds an item whose children were just appended to `children`.
    #[inline]
    pub fn push(&mut self, item: Item) {
        self.items.push(item);
        self.child_start.push(self.children.len() as u32);
    }
}

/// What a zoom is made from: the input points (`[lon, lat]`, level `max_zoom + 1`, projected
/// when needed) or the zoom above.
#[derive(Clone, Copy)]
pub(super) enum Source<'a> {
    Points(&'a [[f64; 2]]),
    Layer(&'a Layer),
}

impl Source<'_> {
    pub fn len(&self) -> usize {
        match self {
            Source::Points(p) => p.len(),
            Source::Layer(l) => l.len(),
        }
    }

    /// Item `i` carried over unchanged.
    #[inline]
    pub fn item(&self, i: u32) -> Item {
        match self {
            Source::Points(p) => {
                let [lon, lat] = p[i as usize];
                let (x, y) = (lon_to_x(lon), lat_to_y(lat));
                Item {
                    x,
                    y,
                    id: u64::from(i),
                    count: 1,
                    order: i,
                    index: i,
                    zoom: u8::MAX,
                    stacked: false,
                }
            }
            Source::Layer(l) => l.items[i as usize],
        }
    }

    /// The weight a group's first item must be exceeded by to form a cluster: one point when
    /// clustering points (stacked points may have been merged into one item beforehand).
    #[inline]
    pub fn origin_weight(&self, w: u32) -> u32 {
        match self {
            Source::Points(_) => 1,
            Source::Layer(_) => w,
        }
    }
}
