//! The grid over the input points, optionally pre-merging points with exactly the same
//! coordinates into one item first.
//!
//! Why pre-merge: exactly stacked points always move together at the highest zoom. Whichever
//! item first has the stack within `r` takes all of it (its points are at distance 0 from one
//! another, so all are within `r` or none is), and if the stack's first point is visited first,
//! it takes the rest. So a stack can be one item of weight `k`, visited at its first point's
//! index, with the condition "more than one point" instead of "more than the item"
//! (`Source::origin_weight`) and its points listed one by one when it is carried over. Real data
//! are stacked on towns (~45% of events share a point with at least ten others): on 1M synthetic
//! points this leaves 544k items instead of 1M for the first pass, whose blocks would otherwise
//! hold whole stacks (the quadratic case `greedy.rs` guards against, at the cost of its slower
//! loop). Without it the build took 74% longer (0.28 s against 0.16 s in one criterion run,
//! `cargo bench --bench cluster`, `Strategy::no_premerge`).

use rayon::prelude::*;

use super::cells::{CellSort, cell_sort_records};
use super::concat::{par_concat, par_concat_map, part_offsets};
use super::grid::{Grid, Members, Rec, cell_index};
use super::project::{lat_to_y, lon_to_x};

/// A grid over the points (`[lon, lat]`, projected here); with `premerge`, exactly stacked points
/// are one item.
pub(super) fn grid_for_points(points: &[[f64; 2]], r: f64, premerge: bool) -> Grid {
    // Projected straight into the records the sort moves around: the coordinates travel with
    // the sort (reading them afterwards in cell order would be one cache miss per point).
    let records: Vec<(u64, [f64; 2])> = points
        .par_iter()
        .with_min_len(16_384)
        .enumerate()
        .map(|(i, p)| (i as u64, [lon_to_x(p[0]), lat_to_y(p[1])]))
        .collect();
    let (cs, sorted) = cell_sort_records(records, |e| (e.1[0], e.1[1]), r);
    if !premerge {
        let cells = cell_index(&cs.first);
        let recs = sorted
            .par_iter()
            .zip(cells.par_iter())
            .with_min_len(16_384)
            .map(|(&(v, [x, y]), &cell)| Rec::new(x, y, v as u32, 1, false, cell, v as u32))
            .collect();
        return Grid::new(recs, None, cs);
    }
    // Cells in chunks of about equal numbers of points, merged in parallel, then joined.
    let cells = cs.cx.len();
    let n = points.len();
    let chunks = if cfg!(test) { 7 } else { 16 }.min(cells.max(1));
    let mut bounds = vec![0usize];
    for c in 1..chunks {
        let b = cs.first.partition_point(|&f| (f as usize) < n * c / chunks);
        bounds.push(b.clamp(*bounds.last().unwrap_or(&0), cells));
    }
    bounds.push(cells);
    let parts: Vec<Part> = bounds
        .par_windows(2)
        .map(|w| merge_cells(&sorted, &cs, w[0], w[1]))
        .collect();
    // Joined on all threads. A part's positions count from the part's start, so each is
    // renumbered by what the parts before it hold; `first` and `start` end with one entry more,
    // the totals (a last one-entry part, base 0).
    let (mut rec_base, recs_before) = part_offsets(parts.iter().map(|p| p.recs.len()));
    let (mut list_base, list_before) = part_offsets(parts.iter().map(|p| p.list.len()));
    rec_base.push(0);
    list_base.push(0);
    let (recs_end, list_end) = ([recs_before], [list_before]);
    let mut firsts: Vec<&[u32]> = parts.iter().map(|p| p.first.as_slice()).collect();
    firsts.push(&recs_end);
    let mut starts: Vec<&[u32]> = parts.iter().map(|p| p.start.as_slice()).collect();
    starts.push(&list_end);
    let first = par_concat_map(&firsts, |k, &f| f + rec_base[k]);
    let members = Members {
        start: par_concat_map(&starts, |k, &s| s + list_base[k]),
        list: par_concat(&parts.iter().map(|p| p.list.as_slice()).collect::<Vec<_>>()),
    };
    let recs = par_concat(&parts.iter().map(|p| p.recs.as_slice()).collect::<Vec<_>>());
    let cs = CellSort { first, ..cs };
    Grid::new(recs, Some(members), cs)
}

/// Merged items of cells `a..b`, positions relative to the part.
#[derive(Default)]
struct Part {
    recs: Vec<Rec>,
    start: Vec<u32>,
    list: Vec<u32>,
    first: Vec<u32>,
}

/// `sorted`: the points (`_ | index`, coordinates) in cell order.
fn merge_cells(sorted: &[(u64, [f64; 2])], cs: &CellSort, a: usize, b: usize) -> Part {
    let mut part = Part::default();
    // Same position, bit for bit; a point with a non-finite coordinate is never stacked (it
    // never merges with anything in the greedy pass either: its distances are NaN).
    let key = |pos: usize| {
        let [x, y] = sorted[pos].1;
        (x.to_bits(), y.to_bits(), x.is_finite() && y.is_finite())
    };
    // (point index, position) of the points of a cell not yet grouped.
    let mut rest: Vec<(u32, usize)> = Vec::new();
    let mut keep: Vec<(u32, usize)> = Vec::new();
    for c in a..b {
        part.first.push(part.recs.len() as u32);
        let (s, e) = (cs.first[c] as usize, cs.first[c + 1] as usize);
        // The points of each item are appended to `list`; `close` makes the item of
        // `list[from..]` at position `pos` (its first point has the smallest index: cells keep
        // index order).
        let close = |part: &mut Part, from: usize, pos: usize| {
            let head = part.list[from];
            part.start.push(from as u32);
            let w = (part.list.len() - from) as u32;
            let [x, y] = sorted[pos].1;
            part.recs
                .push(Rec::new(x, y, head, w, w > 1, c as u32, head));
        };
        if e - s == 1 {
            let from = part.list.len();
            part.list.push(sorted[s].0 as u32);
            close(&mut part, from, s);
            continue;
        }
        rest.clear();
        rest.extend((s..e).map(|pos| (sorted[pos].0 as u32, pos)));
        // Peel off one position at a time (cells hold few distinct positions: a town's stack
        // and some jittered points); sort what is left when there are many.
        let mut rounds = 0;
        while !rest.is_empty() && rounds < 8 {
            let (head, hpos) = rest[0];
            let hk = key(hpos);
            keep.clear();
            let from = part.list.len();
            for &(i, pos) in &rest {
                if i == head || (hk.2 && key(pos) == hk) {
                    part.list.push(i);
                } else {
                    keep.push((i, pos));
                }
            }
            close(&mut part, from, hpos);
            std::mem::swap(&mut rest, &mut keep);
            rounds += 1;
        }
        rest.sort_unstable_by_key(|&(i, pos)| (key(pos), i));
        let mut s = 0;
        while s < rest.len() {
            let from = part.list.len();
            part.list.push(rest[s].0);
            let ks = key(rest[s].1);
            let mut e = s + 1;
            while e < rest.len() && ks.2 && key(rest[e].1) == ks {
                part.list.push(rest[e].0);
                e += 1;
            }
            close(&mut part, from, rest[s].1);
            s = e;
        }
    }
    part
}
