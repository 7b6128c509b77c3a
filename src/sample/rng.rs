//! A small seeded pseudo-random generator (xoshiro256++ seeded through
//! SplitMix64). Written out here rather than taken from a crate so that the
//! sample stays identical for a given seed whatever crate versions are in
//! the lock file. Not for cryptography.

/// SplitMix64 step: also used to derive independent streams from one seed.
pub(crate) fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[derive(Clone, Debug)]
pub(crate) struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator for `seed`; `stream` separates independent uses of the
    /// same seed (dates, events, notes...).
    pub fn new(seed: u64, stream: u64) -> Self {
        let mut st = seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let s = [
            splitmix64(&mut st),
            splitmix64(&mut st),
            splitmix64(&mut st),
            splitmix64(&mut st),
        ];
        Rng { s }
    }

    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let result = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform integer in 0..n (n > 0); the bias is below 2^-32 for the
    /// small n used here.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform integer in lo..=hi.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Standard normal (Box-Muller, one value per call).
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.unit(); // (0, 1]
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    pub fn lognormal(&mut self, mu: f64, sigma: f64) -> f64 {
        (mu + sigma * self.normal()).exp()
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An item of a (weight, item) table.
    pub fn pick_weighted<'a, T>(&mut self, table: &'a [(u32, T)]) -> &'a T {
        let total: u32 = table.iter().map(|e| e.0).sum();
        let mut x = self.below(total as usize) as u32;
        for (w, item) in table {
            if x < *w {
                return item;
            }
            x -= w;
        }
        &table[table.len() - 1].1
    }
}

/// Draws indices with probability proportional to non-negative weights
/// (cumulative table + binary search).
#[derive(Clone, Debug)]
pub(crate) struct WeightedIndex {
    cumulative: Vec<f64>,
    /// Index of the last positive weight (for a draw rounded up to the total).
    last: usize,
}

impl WeightedIndex {
    /// `None` when no weight is positive.
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Option<Self> {
        let mut acc = 0.0;
        let mut last = 0;
        let cumulative: Vec<f64> = weights
            .into_iter()
            .enumerate()
            .map(|(i, w)| {
                if w.is_finite() && w > 0.0 {
                    acc += w;
                    last = i;
                }
                acc
            })
            .collect();
        (acc > 0.0).then_some(WeightedIndex { cumulative, last })
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().unwrap_or(&0.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c <= x);
        if i >= self.cumulative.len() {
            self.last
        } else {
            i
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reproducible_and_spread() {
        let a: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(7, 1);
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(7, 1);
                move |_| r.next_u64()
            })
            .collect();
        assert_eq!(a, b);
        let mut r = Rng::new(7, 2);
        assert_ne!(a[0], r.next_u64());
        let mut counts = [0u32; 4];
        for _ in 0..40_000 {
            counts[r.below(4)] += 1;
        }
        assert!(
            counts.iter().all(|&c| (9_000..11_000).contains(&c)),
            "{counts:?}"
        );
        let w = WeightedIndex::new([0.0, 3.0, 1.0]).unwrap();
        let mut hits = [0u32; 3];
        for _ in 0..40_000 {
            hits[w.sample(&mut r)] += 1;
        }
        assert_eq!(hits[0], 0);
        assert!((28_000..32_000).contains(&hits[1]), "{hits:?}");
        assert!(WeightedIndex::new([0.0, -1.0]).is_none());
        let tail = WeightedIndex::new([1.0, 2.0, 0.0]).unwrap();
        assert_eq!(tail.last, 1, "a zero weight at the end is never drawn");
    }
}
