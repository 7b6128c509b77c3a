//! supercluster's `_cluster` loop as written, with an `rstar` R-tree per level for the
//! neighbour query (bulk load, then `locate_within_distance`). Kept to measure the build's
//! choices against (`Strategy::rtree_greedy`, `benches/cluster.rs`) and as a second, independent
//! implementation for the tests; the index uses the grid sweep (`grid.rs`, `sweep.rs`).

use std::sync::atomic::{AtomicBool, Ordering};

use rstar::RTree;
use rstar::primitives::GeomWithData;

use super::layer::{Item, Layer, Source};

/// The next zoom made from `src`; `None` if cancelled.
pub(super) fn greedy_rtree(
    src: Source,
    zoom: u8,
    r: f64,
    min_points: usize,
    points: usize,
    cancel: &AtomicBool,
) -> Option<Layer> {
    let n = src.len();
    let items: Vec<Item> = (0..n as u32).map(|i| src.item(i)).collect();
    let tree = RTree::bulk_load(
        items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.x.is_finite() && it.y.is_finite())
            .map(|(i, it)| GeomWithData::new([it.x, it.y], i as u32))
            .collect(),
    );
    let mut taken = vec![false; n];
    let mut out = Layer::with_capacity(n / 2, n);
    let id_base = u64::from(zoom) + 1 + points as u64;
    let mut found: Vec<u32> = Vec::new();
    for i in 0..n {
        if i % 65_536 == 0 && cancel.load(Ordering::Relaxed) {
            return None;
        }
        if taken[i] {
            continue;
        }
        taken[i] = true;
        let a = items[i];
        found.clear();
        if a.x.is_finite() && a.y.is_finite() {
            found.extend(
                tree.locate_within_distance([a.x, a.y], r * r)
                    .map(|e| e.data)
                    .filter(|&j| !taken[j as usize]),
            );
        }
        let w: u64 = u64::from(a.count)
            + found
                .iter()
                .map(|&j| u64::from(items[j as usize].count))
                .sum::<u64>();
        if w > u64::from(src.origin_weight(a.count)) && w >= min_points as u64 {
            let (mut wx, mut wy) = (a.x * f64::from(a.count), a.y * f64::from(a.count));
            let mut stacked = a.stacked || a.count == 1;
            out.children.push(i as u32);
            for &j in &found {
                let b = items[j as usize];
                taken[j as usize] = true;
                wx += b.x * f64::from(b.count);
                wy += b.y * f64::from(b.count);
                stacked &= b.x == a.x && b.y == a.y && (b.stacked || b.count == 1);
                out.children.push(j);
            }
            let (x, y) = if stacked {
                (a.x, a.y)
            } else {
                (wx / w as f64, wy / w as f64)
            };
            let k = out.len() as u32;
            out.push(Item {
                x,
                y,
                id: ((i as u64) << 5) + id_base,
                count: w as u32,
                order: k,
                index: k,
                zoom,
                stacked,
            });
        } else {
            // Too few points: the item and its neighbours are carried over (and taken).
            found.sort_unstable();
            out.children.push(i as u32);
            let k = out.len() as u32;
            out.push(Item {
                order: k,
                index: k,
                zoom,
                ..a
            });
            for &j in &found {
                taken[j as usize] = true;
                out.children.push(j);
                let k = out.len() as u32;
                out.push(Item {
                    order: k,
                    index: k,
                    zoom,
                    ..items[j as usize]
                });
            }
        }
    }
    Some(out)
}
