//! From settled origins to the next zoom's items. Each origin gives one cluster, or, when its
//! group is too small, itself and its neighbours unchanged. Items are written in the grid's
//! cell order (spatially coherent, and no sort); their place in supercluster's order
//! (`Cluster::order`: by origin, then within a carried group by order) comes from a prefix sum
//! over the origins' order.

use std::sync::atomic::{AtomicU32, Ordering};

use rayon::prelude::*;

use super::concat::{par_concat, par_concat_map, par_filled, part_offsets};
use super::grid::Grid;
use super::layer::{Item, Layer, Source};
use super::sweep::Settled;

/// Positions per parallel chunk (small under test, so that tests cross chunk boundaries).
const CHUNK: usize = if cfg!(test) { 64 } else { 8192 };

/// The next zoom (`zoom`, made from `src` through `grid`); `points` offsets cluster ids.
pub(super) fn emit(
    grid: &Grid,
    settled: &Settled,
    src: Source,
    zoom: u8,
    min_points: usize,
    points: usize,
) -> Layer {
    let n = grid.recs.len();
    let id_base = u64::from(zoom) + 1 + points as u64;
    // Each part's items carry their origin's order in `order` until the fix below.
    let mut parts: Vec<Layer> = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| {
            let range = c * CHUNK..n.min((c + 1) * CHUNK);
            groups(grid, settled, src, min_points, id_base, zoom, range)
        })
        .collect();
    // Items per origin, by the origin's order in the level above; then where each group starts
    // in the new order. A group's items are consecutive, so equal `order`s mean one group.
    let counts: Vec<AtomicU32> = (0..src.len())
        .into_par_iter()
        .with_min_len(65_536)
        .map(|_| AtomicU32::new(0))
        .collect();
    parts.par_iter().for_each(|part| {
        for it in &part.items {
            counts[it.order as usize].fetch_add(1, Ordering::Relaxed);
        }
    });
    let start = exclusive_prefix_sum(&counts);
    let (offsets, _) = part_offsets(parts.iter().map(Layer::len));
    parts
        .par_iter_mut()
        .zip(offsets)
        .for_each(|(part, offset)| {
            let (mut prev, mut sub) = (u32::MAX, 0);
            for (i, it) in part.items.iter_mut().enumerate() {
                sub = if it.order == prev { sub + 1 } else { 0 };
                prev = it.order;
                it.order = start[it.order as usize] + sub;
                it.index = offset + i as u32;
                it.zoom = zoom;
            }
        });
    join(&parts)
}

/// Per entry, the sum of the entries before it; two passes over chunks on all threads (at the
/// highest zoom there is one entry per input point).
fn exclusive_prefix_sum(counts: &[AtomicU32]) -> Vec<u32> {
    const PREFIX_CHUNK: usize = if cfg!(test) { 7 } else { 65_536 };
    let sums: Vec<u32> = counts
        .par_chunks(PREFIX_CHUNK)
        .map(|c| c.iter().map(|a| a.load(Ordering::Relaxed)).sum())
        .collect();
    let (bases, _) = part_offsets(sums.iter().map(|&s| s as usize));
    let mut start = par_filled(0u32, counts.len());
    start
        .par_chunks_mut(PREFIX_CHUNK)
        .zip(counts.par_chunks(PREFIX_CHUNK))
        .zip(bases)
        .for_each(|((out, c), mut sum)| {
            for (o, a) in out.iter_mut().zip(c) {
                *o = sum;
                sum += a.load(Ordering::Relaxed);
            }
        });
    start
}

/// The parts one after another, children renumbered (on all threads).
fn join(parts: &[Layer]) -> Layer {
    let items: Vec<&[Item]> = parts.iter().map(|p| p.items.as_slice()).collect();
    let children: Vec<&[u32]> = parts.iter().map(|p| p.children.as_slice()).collect();
    // The leading 0, then each part's starts after its own leading 0, plus the children before.
    let zero = [0u32];
    let mut starts: Vec<&[u32]> = vec![&zero];
    starts.extend(parts.iter().map(|p| &p.child_start[1..]));
    let (children_before, _) = part_offsets(parts.iter().map(|p| p.children.len()));
    let bases: Vec<u32> = std::iter::once(0).chain(children_before).collect();
    Layer {
        items: par_concat(&items),
        child_start: par_concat_map(&starts, |k, &s| s + bases[k]),
        children: par_concat(&children),
    }
}

/// The groups of the origins at `positions`.
#[inline(never)]
fn groups(
    grid: &Grid,
    settled: &Settled,
    src: Source,
    min_points: usize,
    id_base: u64,
    zoom: u8,
    positions: std::ops::Range<usize>,
) -> Layer {
    let recs = &grid.recs;
    let mut part = Layer::with_capacity(positions.len(), positions.len() * 2);
    let mut members = Vec::new();
    for p in positions {
        if !settled.is_origin(p) {
            continue;
        }
        let a = recs[p];
        let start = part.children.len();
        grid.labels(p).extend_into(&mut part.children);
        let aw = a.w();
        let (mut wx, mut wy) = (a.x * f64::from(aw), a.y * f64::from(aw));
        let mut w = u64::from(aw);
        let mut stacked = a.stacked() || aw == 1;
        settled.members_into(grid, p, &mut members);
        for &q in &members {
            let q = q as usize;
            let b = &recs[q];
            let bw = b.w();
            wx += b.x * f64::from(bw);
            wy += b.y * f64::from(bw);
            w += u64::from(bw);
            stacked &= b.x == a.x && b.y == a.y && (b.stacked() || bw == 1);
            grid.labels(q).extend_into(&mut part.children);
        }
        if w > u64::from(src.origin_weight(aw)) && w >= min_points as u64 {
            let (x, y) = if stacked {
                (a.x, a.y) // exactly the points' position
            } else {
                (wx / w as f64, wy / w as f64)
            };
            part.push(Item {
                x,
                y,
                id: (u64::from(a.k) << 5) + id_base,
                count: w as u32,
                order: a.k,
                index: 0,
                zoom,
                stacked,
            });
        } else if part.children.len() == start + 1 {
            // A single item with no neighbours, carried over: everything is at hand.
            part.push(Item {
                x: a.x,
                y: a.y,
                id: grid.id(p),
                count: aw,
                order: a.k,
                index: 0,
                zoom,
                stacked: a.stacked(),
            });
        } else {
            // Carried over: the origin first, then the others in the order of the level above.
            let labels = &mut part.children[start..];
            labels[1..].sort_unstable_by_key(|&l| src.item(l).order);
            let labels: Vec<u32> = labels.to_vec();
            part.children.truncate(start);
            for &l in &labels {
                part.children.push(l);
                part.push(Item {
                    order: a.k,
                    ..src.item(l)
                });
            }
        }
    }
    part
}
