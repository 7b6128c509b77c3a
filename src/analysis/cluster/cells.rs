//! Sorting items into square cells a little larger than the clustering radius, row by row:
//! every pair within the radius then lies in the same or in adjacent cells.

use rayon::prelude::*;

use super::concat::{par_concat, par_filled};
use super::radix;

/// The square cells: column `cx = floor((x - x0) / side)`, row likewise, both clamped.
#[derive(Debug, Clone, Copy)]
pub(super) struct Geometry {
    pub x0: f64,
    pub y0: f64,
    pub inv_side: f64,
    pub cols: u64,
    pub rows: u64,
}

impl Geometry {
    /// Cells of side slightly above `r` over the bounding box of the finite points.
    pub fn new(points: impl Iterator<Item = (f64, f64)>, r: f64) -> Geometry {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in points {
            if x.is_finite() && y.is_finite() {
                x0 = x0.min(x);
                x1 = x1.max(x);
                y0 = y0.min(y);
                y1 = y1.max(y);
            }
        }
        if x0 > x1 {
            (x0, y0, x1, y1) = (0.0, 0.0, 0.0, 0.0);
        }
        // Slightly larger than r so that rounding in the cell arithmetic can never put two
        // points within r into cells two apart. A zero radius still needs a positive size.
        let side = (r * (1.0 + 1e-9)).max(f64::MIN_POSITIVE);
        let inv_side = 1.0 / side;
        let cols = ((x1 - x0) * inv_side).min(f64::from(u32::MAX - 1)) as u64 + 1;
        let rows = ((y1 - y0) * inv_side).min(f64::from(u32::MAX - 1)) as u64 + 1;
        Geometry {
            x0,
            y0,
            inv_side,
            cols,
            rows,
        }
    }

    /// `(cx, cy)`; `as` saturates, so NaN and values below go to 0, +inf to the last cell.
    /// (Through `i64`: a float to `u64` conversion costs several times more on x86-64.)
    #[inline]
    pub fn cell(&self, x: f64, y: f64) -> (u64, u64) {
        let cx = (((x - self.x0) * self.inv_side) as i64).clamp(0, self.cols as i64 - 1);
        let cy = (((y - self.y0) * self.inv_side) as i64).clamp(0, self.rows as i64 - 1);
        (cx as u64, cy as u64)
    }
}

/// Items grouped by cell, cells in row-major order (row `cy`, then column `cx`).
pub(super) struct CellSort {
    pub geometry: Geometry,
    /// Item indices, cell after cell; inside a cell in increasing index order (empty from
    /// [`cell_sort_records`], whose records carry them).
    pub sorted: Vec<u32>,
    /// Per cell, the position in `sorted` of its first item; one more entry at the end.
    pub first: Vec<u32>,
    pub cx: Vec<u32>,
    pub cy: Vec<u32>,
}

/// Sorts items `0..n` (`xy(i)` gives item `i`'s position) into cells of side slightly above
/// `r`. Non-finite coordinates go to an edge cell; they are never within any distance of
/// anything, so that is harmless.
pub(super) fn cell_sort(n: usize, xy: impl Fn(usize) -> (f64, f64) + Sync, r: f64) -> CellSort {
    let records = (0..n as u64).into_par_iter().map(|i| (i, ())).collect();
    let (mut cs, keyed) = cell_sort_records(records, |e| xy(e.0 as u32 as usize), r);
    cs.sorted = keyed.into_par_iter().map(|(v, ())| v as u32).collect();
    cs
}

/// [`cell_sort`] of records `(index, payload)` (index below 2^32), returning the records sorted,
/// with the cell key in the high 32 bits of the first field when it fits (`pos` gives a record's
/// position): the payload travels with the sort instead of being gathered afterwards from
/// random places.
pub(super) fn cell_sort_records<T: Copy + Send + Sync>(
    mut keyed: Vec<(u64, T)>,
    pos: impl Fn(&(u64, T)) -> (f64, f64) + Sync,
    r: f64,
) -> (CellSort, Vec<(u64, T)>) {
    let n = keyed.len();
    let finite = |(x, y): (f64, f64)| x.is_finite() && y.is_finite();
    let (x0, y0, x1, y1) = keyed
        .par_iter()
        .with_min_len(16_384)
        .map(&pos)
        .filter(|&p| finite(p))
        .fold(
            || (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
            |b, (x, y)| (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y)),
        )
        .reduce(
            || (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
            |a, b| (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)),
        );
    // No finite point leaves the fold's starting values, which must not count as a box.
    let corners = (x0 <= x1).then_some([(x0, y0), (x1, y1)]);
    let geometry = Geometry::new(corners.into_iter().flatten(), r);
    let g = geometry;
    let key_bits = 64 - (g.cols * g.rows - 1).leading_zeros();
    let cell_key = |e: &(u64, T)| {
        let (x, y) = pos(e);
        let (cx, cy) = g.cell(x, y);
        cy * g.cols + cx
    };
    if key_bits <= 32 {
        keyed
            .par_iter_mut()
            .with_min_len(16_384)
            .for_each(|e| e.0 = (cell_key(e) << 32) | (e.0 & 0xFFFF_FFFF));
        // Radix sort on the key bits only: stable, so a cell's items stay in index order.
        radix::sort(&mut keyed, 32, key_bits);
    } else {
        // A huge grid (points all over the world at a high zoom): the key does not fit in 32
        // bits, so it is recomputed for a comparison sort.
        keyed.sort_unstable_by_key(|e| (cell_key(e), e.0));
    }
    let key_of = |e: &(u64, T)| -> u64 {
        if key_bits <= 32 {
            e.0 >> 32
        } else {
            cell_key(e)
        }
    };
    // Cells: where the key changes (chunks in parallel, each looking one back).
    let chunk = 65_536;
    let cells: Vec<(Vec<u32>, Vec<u32>, Vec<u32>)> = (0..n.div_ceil(chunk))
        .into_par_iter()
        .map(|c| {
            let (mut first, mut cxs, mut cys) = (Vec::new(), Vec::new(), Vec::new());
            let mut last = if c == 0 {
                u64::MAX
            } else {
                key_of(&keyed[c * chunk - 1])
            };
            let from = c * chunk;
            for (j, e) in keyed[from..n.min(from + chunk)].iter().enumerate() {
                let key = key_of(e);
                if key != last {
                    last = key;
                    first.push((from + j) as u32);
                    cxs.push((key % g.cols) as u32);
                    cys.push((key / g.cols) as u32);
                }
            }
            (first, cxs, cys)
        })
        .collect();
    let end = [n as u32];
    let mut firsts: Vec<&[u32]> = cells.iter().map(|c| c.0.as_slice()).collect();
    firsts.push(&end);
    let cs = CellSort {
        geometry,
        sorted: Vec::new(),
        first: par_concat(&firsts),
        cx: par_concat(&cells.iter().map(|c| c.1.as_slice()).collect::<Vec<_>>()),
        cy: par_concat(&cells.iter().map(|c| c.2.as_slice()).collect::<Vec<_>>()),
    };
    (cs, keyed)
}

/// For every cell, the item ranges (positions in a cell-ordered array whose cells start at
/// `first`) of the cells in columns `cx - 1 ..= cx + 1` of rows `cy - 1`, `cy` and `cy + 1`:
/// three contiguous runs, because cells are in row-major order. Rows are split among threads.
pub(super) fn neighbour_ranges(first: &[u32], cx: &[u32], cy: &[u32]) -> Vec<[u32; 6]> {
    let cells = cx.len();
    // Chunk boundaries at row starts.
    // Small chunks under test, so that the tests cross chunk boundaries.
    let chunk = if cfg!(test) { 64 } else { 32_768 };
    let chunks = (cells / chunk).clamp(1, 64);
    let mut bounds: Vec<usize> = (0..chunks)
        .map(|c| {
            let mut b = cells * c / chunks;
            while b > 0 && b < cells && cy[b - 1] == cy[b] {
                b += 1;
            }
            b
        })
        .collect();
    bounds.push(cells);
    bounds.dedup();
    let mut out = par_filled([0u32; 6], cells);
    let mut slices = Vec::with_capacity(bounds.len());
    let mut rest = out.as_mut_slice();
    for w in bounds.windows(2) {
        let (head, tail) = rest.split_at_mut(w[1] - w[0]);
        slices.push((w[0], w[1], head));
        rest = tail;
    }
    slices
        .into_par_iter()
        .for_each(|(a, b, slice)| rows_ranges(first, cx, cy, a, b, slice));
    out
}

/// The first position from `at` in `row` whose column fails `before`. Pointers mostly move by
/// none, one or two cells, so the first two steps are taken without a branch (a loop's exit
/// branch is mispredicted about every other time here); a longer jump finishes in the loop.
#[inline]
fn advance(row: &[u32], mut at: usize, before: impl Fn(u32) -> bool) -> usize {
    for _ in 0..2 {
        let step = at < row.len() && before(row[at.min(row.len().saturating_sub(1))]);
        at += usize::from(step);
    }
    while at < row.len() && before(row[at]) {
        at += 1;
    }
    at
}

/// [`neighbour_ranges`] for the cells `a..b` (whole rows), into `out[c - a]`.
fn rows_ranges(first: &[u32], cx: &[u32], cy: &[u32], a: usize, b: usize, out: &mut [[u32; 6]]) {
    let chunk_start = a;
    // The row before the current one, as a cell range (empty if not adjacent).
    let mut prev = (0, 0);
    if a > 0 {
        let mut s = a - 1;
        while s > 0 && cy[s - 1] == cy[a - 1] {
            s -= 1;
        }
        if cy[a - 1] + 1 == cy[a] {
            prev = (s, a);
        }
    }
    let mut a = a;
    while a < b {
        let row = cy[a];
        let e_row = a + cy[a..].iter().take_while(|&&y| y == row).count();
        let e = e_row + cy[e_row..].iter().take_while(|&&y| y == row + 1).count();
        let next = (e_row, e);
        // Slices, so that the loops below index without bounds checks.
        let (this, up, down) = (&cx[a..e_row], &cx[prev.0..prev.1], &cx[next.0..next.1]);
        let out = &mut out[a - chunk_start..e_row - chunk_start];
        // Two pointers per neighbour row: first cell with column >= cx - 1, first > cx + 1.
        let (mut plo, mut phi, mut nlo, mut nhi) = (0, 0, 0, 0);
        for (j, (&x, o)) in this.iter().zip(out.iter_mut()).enumerate() {
            plo = advance(up, plo, |c| c + 1 < x);
            phi = advance(up, phi.max(plo), |c| c <= x + 1);
            nlo = advance(down, nlo, |c| c + 1 < x);
            nhi = advance(down, nhi.max(nlo), |c| c <= x + 1);
            let lo = if j > 0 && this[j - 1] + 1 == x {
                j - 1
            } else {
                j
            };
            let hi = if j + 1 < this.len() && this[j + 1] == x + 1 {
                j + 2
            } else {
                j + 1
            };
            *o = [
                first[prev.0 + plo],
                first[prev.0 + phi],
                first[a + lo],
                first[a + hi],
                first[next.0 + nlo],
                first[next.0 + nhi],
            ];
        }
        prev = if next.0 < next.1 { (a, e_row) } else { (0, 0) };
        a = e_row;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_ranges_cover_neighbours() {
        let xs = [0.0, 0.05, 0.35, 0.1, 0.0, 0.31, f64::NAN];
        let ys = [0.0, 0.0, 0.0, 0.15, 0.3, 0.3, 0.1];
        let cs = cell_sort(xs.len(), |i| (xs[i], ys[i]), 0.1);
        assert_eq!(cs.first.len(), cs.cx.len() + 1);
        let mut all = cs.sorted.clone();
        all.sort_unstable();
        assert_eq!(all, (0..7).collect::<Vec<u32>>());
        let ranges = neighbour_ranges(&cs.first, &cs.cx, &cs.cy);
        // Every pair within 0.1 is found from both sides.
        let pos_of = |i: u32| cs.sorted.iter().position(|&s| s == i).unwrap() as u32;
        let cell_of = |p: u32| cs.first.partition_point(|&f| f <= p) - 1;
        for i in 0..6u32 {
            for j in 0..6u32 {
                let (dx, dy) = (
                    xs[i as usize] - xs[j as usize],
                    ys[i as usize] - ys[j as usize],
                );
                if dx * dx + dy * dy <= 0.01 {
                    let r = ranges[cell_of(pos_of(i))];
                    let p = pos_of(j);
                    assert!(
                        (0..3).any(|k| (r[2 * k]..r[2 * k + 1]).contains(&p)),
                        "{i} {j}"
                    );
                }
            }
        }
    }
}
