//! The forecast at the heart of the risk score: how many political-violence events to expect in
//! each unit over the next horizon, from the unit's decayed history and its neighbourhood's.
//!
//! # Method
//!
//! With `y_i` a unit's decayed event count (Σ of `2^(−age/half_life)` over its events),
//! `A_i` its area and `N(i)` its neighbours ([`super::neighbours`]):
//!
//! ```text
//! ρ_i  = (y_i + Σ_{j∈N(i)} y_j) / (A_i + Σ_{j∈N(i)} A_j)   neighbourhood density (itself included)
//! ρ    = Σ y / Σ A                                          study-area density
//! μ_i  = c · A_i · ((1 − g) ρ_i + g ρ)                      expected count (c makes Σμ = Σy)
//! y_i  ~ Poisson(θ_i μ_i),  θ_i ~ Gamma(κ, κ)              relative risk, mean 1, variance 1/κ
//! κ    = argmax Σ_i ln NB(y_i; mean μ_i, shape κ)           maximum likelihood over all units
//! ω_i  = μ_i / (μ_i + κ)                                    trust in the unit's own count
//! ŷ_i  = ω_i y_i + (1 − ω_i) μ_i                            posterior mean of θ_i μ_i
//! ```
//!
//! This is the gamma–Poisson empirical-Bayes model of Clayton and Kaldor (1987) with each
//! unit's expected count taken from its neighbourhood instead of the study-area mean (the local
//! variant of Marshall 1991, as R `spdep::EBlocal`), its prior shape fitted by maximum
//! likelihood of the negative-binomial marginal (golden-section search on `ln κ`).
//! Marshall's method-of-moments prior variance `a = s² − m/Σμ` is not used: with thousands of
//! small units and sparse counts (H3 resolution 5) its Poisson term dominates, `a ≤ 0`, and
//! every unit would be pooled completely into its neighbourhood, flattening the towns where
//! violence concentrates. A unit's own count is trusted when its neighbourhood makes
//! much violence expected there (`μ_i ≫ κ`), and pulled towards the neighbourhood when little
//! is expected: a handful of events in a small quiet unit does not make it a hot spot, and a
//! quiet unit among violent ones keeps part of their violence. `g` (the study-area share,
//! default 0.1) keeps a floor under units whose whole neighbourhood is quiet.
//!
//! Decayed counts are less noisy than Poisson counts of the same size; the prior is fitted on
//! `y · Σw/Σw²` ([`count_scale`]), the Poisson count of the same precision, and `ω_i` uses
//! `μ_i` on that scale.
//!
//! The expected number of events in the next `H` days is `E_i = ŷ_i · H / T`, where
//! `T = Σ_{d=0}^{W} 2^(−d/half_life)` is the number of "effective days" in the decayed window
//! of `W` days (a constant rate `r` gives `y = r T`).
//!
//! # Units
//!
//! `y`, `μ`, `ŷ`: decayed event counts; areas in km² (only their ratios matter); `E`: events.
//!
//! # Examples
//!
//! ```
//! use sahel_risk::analysis::risk::local_eb;
//! // Three units in a row, equal areas: a hot one, a quiet one beside it, a quiet one apart.
//! let f = local_eb(&[30.0, 0.0, 0.0], &[1.0, 1.0, 1.0], &[vec![1], vec![0], vec![]], 0.1, 1.0);
//! // The quiet neighbour of the hot unit is expected to see more than the isolated one.
//! assert!(f.smoothed[1] > f.smoothed[2]);
//! // The hot unit keeps most of its own count.
//! assert!(f.smoothed[0] > 20.0);
//! ```
//!
//! # References
//!
//! * Marshall, R. J. (1991). Mapping disease and mortality rates using empirical Bayes
//!   estimators. *Applied Statistics* 40(2), 283–294.
//! * Bailey, T. C. and Gatrell, A. C. (1995). *Interactive Spatial Data Analysis*, pp. 303–308
//!   (local empirical Bayes; R `spdep::EBlocal`).
//! * Clayton, D. and Kaldor, J. (1987). Empirical Bayes estimates of age-standardized relative
//!   risks for use in disease mapping. *Biometrics* 43(3), 671–681 (the gamma–Poisson model).

/// Default share of the study-area density in each unit's expected count.
pub const GLOBAL_SHARE: f64 = 0.1;

/// What [`local_eb`] estimated.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEb {
    /// Prior shape `κ` on the count scale (`f64::INFINITY` when the counts show no extra
    /// dispersion).
    pub kappa: f64,
    /// Expected decayed count `μ_i` of every unit.
    pub expected: Vec<f64>,
    /// Trust in the unit's own count, `ω_i` in 0..=1.
    pub trust: Vec<f64>,
    /// Smoothed decayed count `ŷ_i = ω_i y_i + (1 − ω_i) μ_i`.
    pub smoothed: Vec<f64>,
}

/// The local empirical-Bayes smoothing of the decayed counts `y` (see the module
/// documentation). `areas` and `neighbours` have one entry per unit; a neighbour index out of
/// range is ignored. Units of zero area are expected to see nothing and keep their own count.
/// `count_scale` ([`count_scale`]) converts decayed counts to the Poisson counts of the same
/// precision before the prior is fitted (1 without decay).
pub fn local_eb(
    y: &[f64],
    areas: &[f64],
    neighbours: &[Vec<u32>],
    global_share: f64,
    count_scale: f64,
) -> LocalEb {
    let m = y.len();
    assert_eq!(m, areas.len(), "local_eb: y and areas lengths differ");
    assert_eq!(
        m,
        neighbours.len(),
        "local_eb: y and neighbours lengths differ"
    );
    let g = global_share.clamp(0.0, 1.0);
    let area = |i: usize| areas[i].max(0.0);
    let total_y: f64 = y.iter().sum();
    let total_a: f64 = (0..m).map(area).sum();
    let density = if total_a > 0.0 {
        total_y / total_a
    } else {
        0.0
    };
    let mut expected: Vec<f64> = (0..m)
        .map(|i| {
            let (mut ys, mut xs) = (y[i], area(i));
            for &j in &neighbours[i] {
                if let Some(&yj) = y.get(j as usize) {
                    ys += yj;
                    xs += area(j as usize);
                }
            }
            let local = if xs > 0.0 { ys / xs } else { 0.0 };
            area(i) * ((1.0 - g) * local + g * density)
        })
        .collect();
    let total_mu: f64 = expected.iter().sum();
    if total_mu <= 0.0 || total_y <= 0.0 {
        // No events at all: nothing is expected anywhere.
        return LocalEb {
            kappa: f64::INFINITY,
            trust: vec![1.0; m],
            smoothed: y.to_vec(),
            expected: vec![0.0; m],
        };
    }
    let c = total_y / total_mu;
    expected.iter_mut().for_each(|mu| *mu *= c);
    let s = if count_scale.is_finite() && count_scale > 0.0 {
        count_scale
    } else {
        1.0
    };
    let as_counts = |v: &[f64]| v.iter().map(|x| x * s).collect::<Vec<f64>>();
    let kappa = fit_shape(&as_counts(y), &as_counts(&expected));
    let trust: Vec<f64> = expected
        .iter()
        .map(|&mu| {
            if mu <= 0.0 {
                1.0
            } else if kappa.is_infinite() {
                0.0
            } else {
                mu * s / (mu * s + kappa)
            }
        })
        .collect();
    let smoothed = (0..m)
        .map(|i| trust[i] * y[i] + (1.0 - trust[i]) * expected[i])
        .collect();
    LocalEb {
        kappa,
        expected,
        trust,
        smoothed,
    }
}

/// Search range of `ln κ`: κ from e^−7 ≈ 0.001 (extreme overdispersion) to e^9 ≈ 8,100
/// (none worth modelling: treated as infinite, complete pooling).
const LN_KAPPA: (f64, f64) = (-7.0, 9.0);

/// The negative-binomial log-likelihood of the counts `y` with means `mu` and shape `kappa`,
/// without the terms that do not depend on `kappa`.
pub fn nb_log_likelihood(y: &[f64], mu: &[f64], kappa: f64) -> f64 {
    let lg_k = libm::lgamma(kappa);
    y.iter()
        .zip(mu)
        .filter(|(_, m)| **m > 0.0)
        .map(|(&yi, &mi)| {
            let gammas = if yi > 0.0 {
                libm::lgamma(yi + kappa) - lg_k
            } else {
                0.0
            };
            gammas + kappa * (kappa / (kappa + mi)).ln() + yi * (mi / (kappa + mi)).ln()
        })
        .sum()
}

/// Maximum-likelihood shape κ of the gamma prior (golden-section search on `ln κ` over
/// [`LN_KAPPA`]); infinite when the likelihood keeps rising towards the upper end.
pub fn fit_shape(y: &[f64], mu: &[f64]) -> f64 {
    let f = |t: f64| nb_log_likelihood(y, mu, t.exp());
    let g = (5f64.sqrt() - 1.0) / 2.0;
    let (mut a, mut b) = LN_KAPPA;
    let (mut c, mut d) = (b - g * (b - a), a + g * (b - a));
    let (mut fc, mut fd) = (f(c), f(d));
    for _ in 0..60 {
        if (b - a).abs() < 1e-4 {
            break;
        }
        if fc > fd {
            (b, d, fd) = (d, c, fc);
            c = b - g * (b - a);
            fc = f(c);
        } else {
            (a, c, fc) = (c, d, fd);
            d = a + g * (b - a);
            fd = f(d);
        }
    }
    let t = (a + b) / 2.0;
    if t > LN_KAPPA.1 - 0.01 {
        f64::INFINITY
    } else {
        t.exp()
    }
}

/// How many Poisson counts one decayed event is worth: a decayed sum of Poisson events has
/// mean `r·Σw` and variance `r·Σw²`, so `y · Σw/Σw²` is as precise as a Poisson count of the
/// same size (`Σw/Σw² = T(half_life) / T(half_life / 2)`, 1 without decay, ≈ 1.9 for a
/// 90-day half-life over a year).
pub fn count_scale(window_days: i32, half_life_days: f64) -> f64 {
    effective_days(window_days, half_life_days) / effective_days(window_days, half_life_days / 2.0)
}

/// Effective days `T = Σ_{d=0}^{window} 2^(−d/half_life)` of a decayed window (`window + 1`
/// without decay).
pub fn effective_days(window_days: i32, half_life_days: f64) -> f64 {
    let w = f64::from(window_days.max(0));
    if !half_life_days.is_finite() {
        return w + 1.0;
    }
    // Geometric series: (1 − q^(W+1)) / (1 − q), q = 2^(−1/h).
    let q = (-1.0 / half_life_days).exp2();
    (1.0 - q.powf(w + 1.0)) / (1.0 - q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn by_hand_on_three_units() {
        // y = [4, 0, 2], equal areas 1, neighbours 0–1, 1–2; g = 0.
        let f = local_eb(
            &[4.0, 0.0, 2.0],
            &[1.0, 1.0, 1.0],
            &[vec![1], vec![0, 2], vec![1]],
            0.0,
            1.0,
        );
        // Local densities: (4+0)/2 = 2, (0+4+2)/3 = 2, (2+0)/2 = 1; Σ = 5, Σy = 6: c = 1.2.
        let mu = [2.4, 2.4, 1.2];
        for (a, b) in f.expected.iter().zip(mu) {
            assert!(close(*a, b), "{a} vs {b}");
        }
        let k = f.kappa;
        assert_eq!(k, fit_shape(&[4.0, 0.0, 2.0], &mu));
        for i in 0..3 {
            let w = if k.is_infinite() {
                0.0
            } else {
                mu[i] / (mu[i] + k)
            };
            assert!(close(f.trust[i], w));
            assert!(close(
                f.smoothed[i],
                w * [4.0, 0.0, 2.0][i] + (1.0 - w) * mu[i]
            ));
        }
        // Smoothing keeps the total within the range of the two extremes.
        let total: f64 = f.smoothed.iter().sum();
        assert!(total > 0.0 && total <= 6.0 + 1e-9);
    }

    #[test]
    fn the_shape_maximises_the_likelihood() {
        // Same expectation everywhere, counts all over the place: strong overdispersion.
        let y = [0.0, 0.0, 0.0, 0.0, 12.0, 0.0, 0.0, 9.0, 0.0, 1.0];
        let mu = [2.2; 10];
        let k = fit_shape(&y, &mu);
        assert!(k.is_finite() && k < 1.0, "{k}");
        let l = nb_log_likelihood(&y, &mu, k);
        assert!(l > nb_log_likelihood(&y, &mu, k * 1.05));
        assert!(l > nb_log_likelihood(&y, &mu, k / 1.05));
        // Counts exactly as expected: no overdispersion, infinite shape.
        assert!(fit_shape(&[2.0, 3.0, 2.0, 3.0], &[2.5; 4]).is_infinite());
    }

    #[test]
    fn no_extra_dispersion_pools_completely() {
        // Equal counts everywhere: every unit is what its neighbourhood predicts.
        let f = local_eb(
            &[3.0; 4],
            &[1.0; 4],
            &[vec![1], vec![0], vec![3], vec![2]],
            0.1,
            1.0,
        );
        assert!(f.kappa.is_infinite());
        assert!(f.smoothed.iter().all(|&s| close(s, 3.0)));
    }

    #[test]
    fn a_handful_of_events_in_a_tiny_quiet_unit_is_shrunk() {
        // A 200 km² unit with 3 events among 10,000 km² units; its neighbour is quiet.
        let mut y = vec![3.0, 0.0];
        let mut areas = vec![200.0, 10_000.0];
        let mut nb = vec![vec![1], vec![0]];
        // Twenty large units elsewhere, some quiet, some very busy (overdispersed counts).
        for k in 0..20 {
            y.push(if k % 3 == 0 { 0.0 } else { f64::from(k * k) });
            areas.push(10_000.0);
            nb.push(vec![]);
        }
        let f = local_eb(&y, &areas, &nb, 0.1, 1.0);
        assert!(f.smoothed[0] < 3.0);
        assert!(f.trust[0] < f.trust[2]);
    }

    #[test]
    fn empty_input_and_zero_counts() {
        let f = local_eb(&[], &[], &[], 0.1, 1.0);
        assert!(f.smoothed.is_empty());
        let f = local_eb(&[0.0, 0.0], &[1.0, 1.0], &[vec![1], vec![0]], 0.1, 1.0);
        assert_eq!(f.smoothed, vec![0.0, 0.0]);
    }

    #[test]
    fn effective_days_of_a_decayed_window() {
        assert!(close(effective_days(364, f64::INFINITY), 365.0));
        // h = 90, W = 365: ≈ 90/ln 2 · (1 − 2^(−366/90)) + a half-day correction.
        let t = effective_days(365, 90.0);
        assert!((t - 122.7).abs() < 0.5, "{t}");
        assert!(close(effective_days(0, 90.0), 1.0));
        assert!(close(count_scale(364, f64::INFINITY), 1.0));
        let s = count_scale(365, 90.0);
        assert!((s - 1.88).abs() < 0.05, "{s}");
    }
}
