//! Deterministic synthetic points distributed like real Sahel incident data, for tests, benches
//! and the comparison with supercluster: about 150 towns with Zipf-like weights in lon -12..4,
//! lat 9..17; 45% of the points lie exactly on their town's point (so each town's point is a
//! large exact stack), the rest are jittered a few km around it and rounded to 4 decimals, as
//! ACLED writes coordinates (which stacks a few more). The order is random, like real data
//! (sorted by date, not by place).

/// Number of towns.
const TOWNS: usize = 150;
/// Share of points exactly on the town point.
const EXACT_SHARE: f64 = 0.45;
/// Jitter, one standard deviation, in degrees of latitude (~3.3 km).
const JITTER_DEG: f64 = 0.03;

/// The seed of the benchmark points (`sahel-risk clusters --write-synthetic`, `cargo bench
/// --bench cluster`), so every measurement uses the same points.
pub const BENCH_SEED: u64 = 2025;

/// `n` points `[lon, lat]` for `seed`; the same arguments always give the same points.
pub fn synthetic_sahel_points(n: usize, seed: u64) -> Vec<[f64; 2]> {
    // Towns do not depend on n, so 300k and 1M points share them.
    let mut rng = SplitMix(seed ^ 0x5A4E_1C0D_E5A4_E100);
    let towns: Vec<[f64; 2]> = (0..TOWNS)
        .map(|_| {
            let lon = -12.0 + 16.0 * rng.unit();
            let lat = 9.0 + 8.0 * rng.unit();
            [round4(lon), round4(lat)]
        })
        .collect();
    // Zipf-like weights 1/(k+1), as cumulative sums for sampling.
    let mut cumulative = Vec::with_capacity(TOWNS);
    let mut total = 0.0;
    for k in 0..TOWNS {
        total += 1.0 / (k as f64 + 1.0);
        cumulative.push(total);
    }
    let mut rng = SplitMix(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ n as u64);
    (0..n)
        .map(|_| {
            let u = rng.unit() * total;
            let t = cumulative.partition_point(|&c| c <= u).min(TOWNS - 1);
            let [lon, lat] = towns[t];
            if rng.unit() < EXACT_SHARE {
                return [lon, lat];
            }
            let (a, b) = rng.normal_pair();
            let dlat = JITTER_DEG * a;
            let dlon = JITTER_DEG * b / lat.to_radians().cos();
            [round4(lon + dlon), round4(lat + dlat)]
        })
        .collect()
}

fn round4(v: f64) -> f64 {
    (v * 1e4).round() / 1e4
}

/// SplitMix64: tiny, seeded, good enough for synthetic coordinates. Not for cryptography.
struct SplitMix(u64);

impl SplitMix {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Two independent standard normal values (Box-Muller).
    fn normal_pair(&mut self) -> (f64, f64) {
        let u = 1.0 - self.unit(); // (0, 1]
        let v = self.unit();
        let m = (-2.0 * u.ln()).sqrt();
        let a = 2.0 * std::f64::consts::PI * v;
        (m * a.cos(), m * a.sin())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn deterministic_in_the_box_and_stacked_like_real_data() {
        let a = synthetic_sahel_points(100_000, 7);
        assert_eq!(a, synthetic_sahel_points(100_000, 7));
        assert_ne!(a, synthetic_sahel_points(100_000, 8));
        assert!(
            a.iter()
                .all(|p| (-13.0..5.0).contains(&p[0]) && (8.0..18.0).contains(&p[1]))
        );
        let mut at: HashMap<(u64, u64), usize> = HashMap::new();
        for p in &a {
            *at.entry((p[0].to_bits(), p[1].to_bits())).or_default() += 1;
        }
        let stacked = a
            .iter()
            .filter(|p| at[&(p[0].to_bits(), p[1].to_bits())] >= 11)
            .count();
        let share = stacked as f64 / a.len() as f64;
        assert!((0.44..0.6).contains(&share), "{share}");
    }
}
