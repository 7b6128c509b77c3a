//! Empirical-Bayes (Marshall 1991) smoothing of rates, as R spdep's `EBest` computes it.
//!
//! With `n_i` the (weighted) events and `x_i` the exposure (here: area in km²) of area `i`,
//! `m` areas:
//!
//! ```text
//! p_i  = n_i / x_i                         crude rate
//! b    = Σn / Σx                           global rate (prior mean)
//! s²   = Σ x_i (p_i − b)² / Σx             exposure-weighted variance of the rates
//! a    = max(0, s² − b / (Σx / m))         prior variance (method of moments)
//! EB_i = b + a (p_i − b) / (a + b / x_i)   shrinkage towards b, strong when x_i is small
//! ```
//!
//! One event in a tiny area cannot top the map: `b / x_i` is large there, so the weight of
//! its own crude rate `a / (a + b / x_i)` is small.
//!
//! Degenerate cases (not in spdep, which would return NaN): `Σx ≤ 0` or `b = 0` returns the
//! crude rates (all zero when `b = 0`); an area with `x_i ≤ 0` gets `b` (no information).

/// Intermediate values of the estimator (exposed for tests and the legend).
#[derive(Debug, Clone, PartialEq)]
pub struct EbEstimate {
    /// Global rate `b`.
    pub b: f64,
    /// Weighted variance `s²`.
    pub s2: f64,
    /// Prior variance `a`.
    pub a: f64,
    /// Smoothed rate per area, `EB_i`.
    pub rates: Vec<f64>,
}

/// Marshall's global empirical-Bayes estimate of the rates `n_i / x_i`.
///
/// `n` and `x` must have the same length.
pub fn eb_rates(n: &[f64], x: &[f64]) -> EbEstimate {
    assert_eq!(n.len(), x.len(), "eb_rates: n and x lengths differ");
    let m = n.len() as f64;
    let sum_n: f64 = n.iter().sum();
    let sum_x: f64 = x.iter().filter(|v| **v > 0.0).sum();
    let crude = |b: f64| -> Vec<f64> {
        n.iter()
            .zip(x)
            .map(|(&ni, &xi)| if xi > 0.0 { ni / xi } else { b })
            .collect()
    };
    if sum_x <= 0.0 || sum_n <= 0.0 {
        return EbEstimate {
            b: 0.0,
            s2: 0.0,
            a: 0.0,
            rates: crude(0.0),
        };
    }
    let b = sum_n / sum_x;
    let p = crude(b);
    let s2 = p
        .iter()
        .zip(x)
        .filter(|(_, xi)| **xi > 0.0)
        .map(|(pi, xi)| xi * (pi - b).powi(2))
        .sum::<f64>()
        / sum_x;
    let a = (s2 - b / (sum_x / m)).max(0.0);
    let rates = p
        .iter()
        .zip(x)
        .map(|(&pi, &xi)| {
            if xi > 0.0 {
                b + a * (pi - b) / (a + b / xi)
            } else {
                b
            }
        })
        .collect();
    EbEstimate { b, s2, a, rates }
}
