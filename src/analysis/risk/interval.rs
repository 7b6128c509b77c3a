//! The range of outcomes a forecast expects: 10th and 90th percentiles of the negative-binomial
//! predictive distribution of a gamma–Poisson model.
//!
//! With the posterior of a unit's rate a gamma distribution of shape `r` and the expected count
//! `E` over the horizon, the count in the horizon is negative binomial with
//! `P(0) = p^r`, `P(k+1) = P(k) · (k + r)/(k + 1) · (1 − p)`, `p = r / (r + E)`; an infinite
//! shape gives the Poisson distribution of mean `E`.
//!
//! # Examples
//!
//! ```
//! use sahel_risk::analysis::risk::predictive_range;
//! // Poisson with mean 10: 10th percentile 6, 90th 14.
//! assert_eq!(predictive_range(10.0, f64::INFINITY), (6, 14));
//! // Less certain (small shape): a wider range around the same mean.
//! let (lo, hi) = predictive_range(10.0, 2.0);
//! assert!(lo < 6 && hi > 14);
//! ```

/// Lower and upper probability of the range.
pub const RANGE_PROBABILITIES: (f64, f64) = (0.1, 0.9);

/// 10th and 90th percentiles (smallest `k` with `P(N ≤ k) ≥ q`) of the count in the horizon,
/// for mean `expected` and gamma shape `shape`. `(0, 0)` for a mean ≤ 0 or not finite.
pub fn predictive_range(expected: f64, shape: f64) -> (u32, u32) {
    if !(expected.is_finite() && expected > 0.0) || shape.is_nan() || shape <= 0.0 {
        return (0, 0);
    }
    let (qlo, qhi) = RANGE_PROBABILITIES;
    // Work in logs for P(0): p^r or e^−E underflow for large means.
    let (mut log_pk, step): (f64, Box<dyn Fn(f64) -> f64>) = if shape.is_infinite() {
        (
            -expected,
            Box::new(move |k: f64| (expected / (k + 1.0)).ln()),
        )
    } else {
        let p = shape / (shape + expected);
        (
            shape * p.ln(),
            Box::new(move |k: f64| ((k + shape) / (k + 1.0) * (1.0 - p)).ln()),
        )
    };
    let (mut cdf, mut lo) = (0.0, None);
    let limit = (expected * 50.0 + 1000.0).min(f64::from(u32::MAX - 1)) as u32;
    for k in 0..=limit {
        cdf += log_pk.exp();
        if lo.is_none() && cdf >= qlo {
            lo = Some(k);
        }
        if cdf >= qhi {
            return (lo.unwrap_or(k), k);
        }
        log_pk += step(f64::from(k));
    }
    (lo.unwrap_or(limit), limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_and_negative_binomial_percentiles() {
        // Poisson(1): P(0) = 0.368 ≥ 0.1; P(≤1) = 0.736, P(≤2) = 0.920 ≥ 0.9.
        assert_eq!(predictive_range(1.0, f64::INFINITY), (0, 2));
        // Geometric (shape 1) with mean 4: P(N ≤ k) = 1 − 0.8^(k+1); ≥ 0.1 at k = 0, ≥ 0.9 at
        // k = 10 (1 − 0.8^11 = 0.914).
        assert_eq!(predictive_range(4.0, 1.0), (0, 10));
        assert_eq!(predictive_range(0.0, 1.0), (0, 0));
        assert_eq!(predictive_range(f64::NAN, 1.0), (0, 0));
        // A large mean does not underflow.
        let (lo, hi) = predictive_range(5000.0, f64::INFINITY);
        assert!(
            lo > 4850 && lo < 5000 && hi > 5000 && hi < 5150,
            "{lo} {hi}"
        );
    }
}
