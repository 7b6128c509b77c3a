//! Stable radix sorts of `(key, payload)` records on some bits of the key: a sequential LSD sort,
//! and a parallel one (one MSD pass on the top digit, then the buckets LSD-sorted in parallel,
//! each small enough to stay in cache).

use rayon::prelude::*;

use super::concat::par_filled;

/// Bits per LSD pass (2048 buckets).
const DIGIT: u32 = 11;
/// Bits of the parallel MSD pass (256 buckets).
const TOP: u32 = 8;

/// Sorts `v` by bits `lo..lo + bits` of the keys, stably.
pub(super) fn sort<T: Copy + Send + Sync>(v: &mut Vec<(u64, T)>, lo: u32, bits: u32) {
    let small = if cfg!(test) { 64 } else { 100_000 };
    if v.len() < small || bits <= DIGIT {
        lsd(v, &mut Vec::new(), lo, bits);
    } else {
        par_msd_lsd(v, lo, bits);
    }
}

/// Sequential LSD radix sort of `v`, using `tmp` (grown as needed) as the other buffer.
fn lsd<T: Copy>(v: &mut [(u64, T)], tmp: &mut Vec<(u64, T)>, lo: u32, bits: u32) {
    const BUCKETS: usize = 1 << DIGIT;
    let passes = bits.div_ceil(DIGIT) as usize;
    if passes == 0 || v.len() < 2 {
        return;
    }
    let mut counts = vec![[0u32; BUCKETS]; passes];
    for x in v.iter() {
        let k = x.0 >> lo;
        for (p, c) in counts.iter_mut().enumerate() {
            c[((k >> (p as u32 * DIGIT)) as usize) & (BUCKETS - 1)] += 1;
        }
    }
    if tmp.len() < v.len() {
        tmp.resize(v.len(), v[0]);
    }
    let tmp = &mut tmp[..v.len()];
    // The data is in `v` when `in_v`, else in `tmp`.
    let mut in_v = true;
    for (p, c) in counts.iter_mut().enumerate() {
        if c.iter().any(|&k| k as usize == v.len()) {
            continue; // one bucket holds everything: this digit is already sorted
        }
        let mut sum = 0u32;
        for k in c.iter_mut() {
            let here = *k;
            *k = sum;
            sum += here;
        }
        let shift = lo + p as u32 * DIGIT;
        let (src, dst) = if in_v {
            (&*v, &mut *tmp)
        } else {
            (&*tmp, &mut *v)
        };
        for x in src {
            let b = ((x.0 >> shift) as usize) & (BUCKETS - 1);
            dst[c[b] as usize] = *x;
            c[b] += 1;
        }
        in_v = !in_v;
    }
    if !in_v {
        v.copy_from_slice(tmp);
    }
}

/// One parallel pass on the top `TOP` bits into buckets (each chunk of the input writing its own
/// part of every bucket), then every bucket sorted on the remaining bits.
fn par_msd_lsd<T: Copy + Send + Sync>(v: &mut Vec<(u64, T)>, lo: u32, bits: u32) {
    const BUCKETS: usize = 1 << TOP;
    let shift = lo + bits - TOP;
    let bucket = |x: &(u64, T)| ((x.0 >> shift) as usize) & (BUCKETS - 1);
    let chunk = v
        .len()
        .div_ceil(rayon::current_num_threads().max(1) * 4)
        .max(1);
    let counts: Vec<[usize; BUCKETS]> = v
        .par_chunks(chunk)
        .map(|c| {
            let mut h = [0usize; BUCKETS];
            for x in c {
                h[bucket(x)] += 1;
            }
            h
        })
        .collect();
    let mut out = par_filled(v[0], v.len());
    // Carve `out` into buckets, and every bucket into one slice per input chunk.
    let mut per_chunk: Vec<Vec<&mut [(u64, T)]>> = (0..counts.len()).map(|_| Vec::new()).collect();
    let mut buckets: Vec<&mut [(u64, T)]> = Vec::with_capacity(BUCKETS);
    let mut rest = out.as_mut_slice();
    for b in 0..BUCKETS {
        let size: usize = counts.iter().map(|h| h[b]).sum();
        let (bucket_slice, tail) = rest.split_at_mut(size);
        rest = tail;
        buckets.push(bucket_slice);
    }
    for bucket_slice in buckets {
        let mut rest = bucket_slice;
        for (c, h) in counts.iter().enumerate() {
            let b = per_chunk[c].len();
            let (part, tail) = rest.split_at_mut(h[b]);
            per_chunk[c].push(part);
            rest = tail;
        }
    }
    v.par_chunks(chunk)
        .zip(per_chunk.into_par_iter())
        .for_each(|(input, mut parts)| {
            let mut at = [0usize; BUCKETS];
            for x in input {
                let b = bucket(x);
                parts[b][at[b]] = *x;
                at[b] += 1;
            }
        });
    // Bucket boundaries, then each bucket sorted on the lower bits.
    let mut bounds = Vec::with_capacity(BUCKETS + 1);
    let mut sum = 0;
    bounds.push(0);
    for b in 0..BUCKETS {
        sum += counts.iter().map(|h| h[b]).sum::<usize>();
        bounds.push(sum);
    }
    let mut slices: Vec<&mut [(u64, T)]> = Vec::with_capacity(BUCKETS);
    let mut rest = out.as_mut_slice();
    for w in bounds.windows(2) {
        let (s, tail) = rest.split_at_mut(w[1] - w[0]);
        slices.push(s);
        rest = tail;
    }
    // Largest first, one bucket per task: a crowded band of rows makes one bucket much larger
    // than the others, and sorted last it kept one thread busy alone (~1 ms at zoom 16).
    slices.sort_unstable_by_key(|s| std::cmp::Reverse(s.len()));
    slices
        .into_par_iter()
        .with_max_len(1)
        .for_each_init(Vec::new, |tmp, s| lsd(s, tmp, lo, bits - TOP));
    *v = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_sequential_and_parallel() {
        for n in [0usize, 1, 50, 5000, 70_000] {
            for bits in [0u32, 5, 11, 20, 31] {
                let mask = if bits == 0 { 0 } else { (1u64 << bits) - 1 };
                let mut v: Vec<(u64, u32)> = (0..n as u64)
                    .map(|i| ((((i * 2_654_435_761) >> 7) & mask) << 32 | i, i as u32))
                    .collect();
                let mut expected = v.clone();
                expected.sort_by_key(|x| (x.0 >> 32, x.1));
                sort(&mut v, 32, bits);
                assert_eq!(v, expected, "n {n} bits {bits}");
            }
        }
    }
}
