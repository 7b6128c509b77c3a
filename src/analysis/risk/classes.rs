//! Ranks and the five map classes.

use super::ClassMethod;

/// Competition ranks ("1224"): 1 = highest score, equal scores share the best rank.
pub fn ranks(scores: &[f64]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut out = vec![0u32; scores.len()];
    for (pos, &u) in order.iter().enumerate() {
        out[u] = if pos > 0 && scores[order[pos - 1]] == scores[u] {
            out[order[pos - 1]]
        } else {
            pos as u32 + 1
        };
    }
    out
}

/// The four class breaks for `method`.
///
/// Quantile: the 20/40/60/80 % quantiles of the **positive** scores, linear interpolation
/// between order statistics (R type 7 / numpy default): `q(t) = v[h] + (h − ⌊h⌋)(v[⌊h⌋+1] − v[⌊h⌋])`
/// with `h = (k − 1) t` over the `k` sorted positive scores. All zero when no score is positive.
pub fn breaks(method: &ClassMethod, scores: &[f64]) -> [f64; 4] {
    match method {
        ClassMethod::Fixed(b) => *b,
        ClassMethod::Quantile => {
            let mut v: Vec<f64> = scores.iter().copied().filter(|s| *s > 0.0).collect();
            if v.is_empty() {
                return [0.0; 4];
            }
            v.sort_by(f64::total_cmp);
            let q = |t: f64| {
                let h = (v.len() - 1) as f64 * t;
                let lo = h.floor() as usize;
                let hi = (lo + 1).min(v.len() - 1);
                v[lo] + (h - lo as f64) * (v[hi] - v[lo])
            };
            [q(0.2), q(0.4), q(0.6), q(0.8)]
        }
    }
}

/// Class 1..=5 of `score`: `1 + #{breaks ≤ score}` (bins closed on the left, so with
/// quantile breaks the highest unit is always class 5, even when it is the only one with
/// events, and the lowest positive unit is class 1 unless tied with the 20 % break);
/// a score ≤ 0 (no events) is always class 1.
pub fn class_of(score: f64, breaks: &[f64; 4]) -> u8 {
    if score <= 0.0 {
        return 1;
    }
    1 + breaks.iter().filter(|b| **b <= score).count() as u8
}
