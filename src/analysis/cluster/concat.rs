//! Joining the parts that threads made into one vector, on every thread, and filling a new
//! vector likewise.
//!
//! Why: the build makes most of its arrays as one part per chunk of work and joined them with a
//! sequential `extend_from_slice` per part (emit's items, children and child starts; the
//! pre-merged records of the highest zoom; the cells of every grid), and the radix sort filled its
//! output buffer with one `vec![x; n]`. Those copies ran on one core while the other waited:
//! a profile of 10 builds of 1M points (`perf record`, both threads' samples on a timeline) had
//! a quarter of the build's wall time on one thread, a third of that in these copies.

use std::mem::MaybeUninit;

use rayon::prelude::*;

/// The parts one after another, each element through `f(part number, element)`, written by all
/// threads (each part is one piece of work).
pub(super) fn par_concat_map<S, T, F>(parts: &[&[S]], f: F) -> Vec<T>
where
    S: Sync,
    T: Send,
    F: Fn(usize, &S) -> T + Sync,
{
    let total: usize = parts.iter().map(|p| p.len()).sum();
    let mut out: Vec<T> = Vec::with_capacity(total);
    {
        let mut rest: &mut [MaybeUninit<T>] = &mut out.spare_capacity_mut()[..total];
        let mut slots = Vec::with_capacity(parts.len());
        for p in parts {
            let (here, tail) = rest.split_at_mut(p.len());
            slots.push(here);
            rest = tail;
        }
        slots
            .into_par_iter()
            .zip(parts.par_iter())
            .enumerate()
            .for_each(|(k, (slot, part))| {
                for (d, s) in slot.iter_mut().zip(part.iter()) {
                    d.write(f(k, s));
                }
            });
    }
    // SAFETY: `slots` split `out[..total]` into one slice per part, of the part's length, and
    // every element of every slice was written above (a panic in `f` leaves `out` empty).
    unsafe { out.set_len(total) };
    out
}

/// Where each part starts when parts of lengths `lens` are laid one after another, and the total.
pub(super) fn part_offsets(lens: impl IntoIterator<Item = usize>) -> (Vec<u32>, u32) {
    let mut total = 0u32;
    let offsets = lens
        .into_iter()
        .map(|len| {
            let at = total;
            total += len as u32;
            at
        })
        .collect();
    (offsets, total)
}

/// The parts one after another (see [`par_concat_map`]).
pub(super) fn par_concat<T: Copy + Send + Sync>(parts: &[&[T]]) -> Vec<T> {
    par_concat_map(parts, |_, &x| x)
}

/// `n` copies of `value`, written by all threads. Also for zeros: with the allocator policy of
/// `src/allocator.rs` (large blocks come from the heap, not fresh mappings) `vec![0; n]` is a
/// `memset` on one core, not pages the kernel hands out zeroed.
pub(super) fn par_filled<T: Copy + Send + Sync>(value: T, n: usize) -> Vec<T> {
    let mut out = Vec::new();
    out.par_extend(rayon::iter::repeat_n(value, n));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_joined_in_order_and_mapped_with_their_number() {
        let a = [1u32, 2, 3];
        let b: [u32; 0] = [];
        let c = [7u32, 8];
        let parts: [&[u32]; 3] = [&a, &b, &c];
        assert_eq!(par_concat(&parts), vec![1, 2, 3, 7, 8]);
        let mapped = par_concat_map(&parts, |k, &x| (k, x * 10));
        assert_eq!(mapped, vec![(0, 10), (0, 20), (0, 30), (2, 70), (2, 80)]);
        assert!(par_concat::<u32>(&[]).is_empty());
        // Many parts of uneven sizes, more than the threads.
        let many: Vec<Vec<u64>> = (0..200u64)
            .map(|k| (0..(k * 37) % 101).map(|i| k * 1000 + i).collect())
            .collect();
        let refs: Vec<&[u64]> = many.iter().map(Vec::as_slice).collect();
        assert_eq!(par_concat(&refs), many.concat());
        assert_eq!(par_filled(5u8, 100_003), vec![5u8; 100_003]);
        assert_eq!(part_offsets([3, 0, 2]), (vec![0, 3, 3], 5));
        assert_eq!(part_offsets([]), (vec![], 0));
    }
}
