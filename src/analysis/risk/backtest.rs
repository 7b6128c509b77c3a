//! Forecast skill: score the units at past origin dates and compare with what happened next.
//!
//! For every origin `t`, the score is computed as of `t` (events after `t` are ignored) and
//! compared with the selected events in `(t, t + horizon]`, against two naive forecasts, the
//! events of the last 90 and of the last 365 days before `t` (VIEWS and ACLED CAST evaluate
//! against the same kind of baseline: a risk map that does not beat "last year's events" adds
//! nothing). Per method:
//!
//! * **AUC** of "any event in the horizon": the probability that a unit that had an event
//!   ranks above one that had none, ties counting one half (Mann–Whitney U / (n₊ n₋)). `NaN`
//!   when every unit, or none, had an event.
//! * **Capture at K**: the share of the horizon's events that fall in the K highest-ranked
//!   units. Units tied at the K-th place share the remaining places equally (the expected
//!   capture under a random order of the tie), so a baseline full of zeros is not flattered
//!   by unit order.
//!
//! The score's 80 % range is checked too: the share of units whose outcome lies in it.
//!
//! # Examples
//!
//! ```
//! use sahel_risk::analysis::risk::{auc, capture};
//! // Two units with events (outcome > 0) ranked above two without: perfect.
//! assert_eq!(auc(&[4.0, 3.0, 1.0, 0.0], &[2, 1, 0, 0]), 1.0);
//! // All tied: one half.
//! assert_eq!(auc(&[1.0; 4], &[2, 1, 0, 0]), 0.5);
//! // Top 1 of the scores holds 2 of the 3 events.
//! assert!((capture(&[4.0, 3.0, 1.0, 0.0], &[2, 1, 0, 0], 1) - 2.0 / 3.0).abs() < 1e-12);
//! ```

use rayon::prelude::*;
use serde::Serialize;

use super::classify::OUTSIDE;
use super::{Assignment, RiskError, RiskEvents, RiskParams, score};

/// The methods compared, in the order of every `[f64; 3]` array.
pub const METHODS: [&str; 3] = ["score", "last_90_days", "last_365_days"];
/// The K of the capture measures.
pub const CAPTURE_K: [usize; 2] = [10, 50];

/// Skill at one origin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OriginSkill {
    /// Origin ("data as of"), days since 0001-01-01.
    pub origin_day: i32,
    /// Units scored.
    pub units: usize,
    /// Units with at least one event in the horizon.
    pub positives: usize,
    /// Selected events in the horizon inside a unit.
    pub horizon_events: u64,
    /// AUC per method ([`METHODS`]).
    pub auc: [f64; 3],
    /// Capture at each K of [`CAPTURE_K`], per method.
    pub capture: [[f64; 3]; 2],
    /// Share of units whose horizon count lies in the score's 80 % range.
    pub coverage: f64,
}

/// Means over the origins (ignoring `NaN`s).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillSummary {
    pub origins: usize,
    pub auc: [f64; 3],
    pub capture: [[f64; 3]; 2],
    pub coverage: f64,
}

/// Origins from `from` to `to` (days, inclusive) every `step` days; empty for `step < 1` or
/// `from > to`.
pub fn origins(from: i32, to: i32, step: i32) -> Vec<i32> {
    if step < 1 || from > to {
        return Vec::new();
    }
    (0..)
        .map(|k: i32| from.saturating_add(k.saturating_mul(step)))
        .take_while(|&d| d <= to)
        .collect()
}

/// Runs the score at every origin (`params.as_of_day` is replaced by each origin) and measures
/// its skill and the baselines'. Origins run in parallel.
pub fn backtest(
    assignment: &Assignment,
    events: &RiskEvents,
    params: &RiskParams,
    origins: &[i32],
) -> Result<Vec<OriginSkill>, RiskError> {
    params.validate()?;
    let mask = events.selection_mask();
    origins
        .par_iter()
        .map(|&t| {
            let p = RiskParams {
                as_of_day: t,
                ..params.clone()
            };
            let table = score(assignment, events, &p)?;
            let n = assignment.n_units();
            let (mut next, mut last90, mut last365) = (vec![0u32; n], vec![0u32; n], vec![0u32; n]);
            let end = t.saturating_add(params.horizon_days);
            for (i, &u) in assignment.unit_of().iter().enumerate() {
                if u == OUTSIDE || mask.as_ref().is_some_and(|m| !m[i]) {
                    continue;
                }
                let (u, d) = (u as usize, events.day[i]);
                if d > t && d <= end {
                    next[u] += 1;
                } else if d <= t && d > t - 365 {
                    last365[u] += 1;
                    if d > t - 90 {
                        last90[u] += 1;
                    }
                }
            }
            let scores: [Vec<f64>; 3] = [
                table.rows.iter().map(|r| r.score).collect(),
                last90.iter().map(|&c| f64::from(c)).collect(),
                last365.iter().map(|&c| f64::from(c)).collect(),
            ];
            let covered = table
                .rows
                .iter()
                .zip(&next)
                .filter(|(r, o)| (r.expected_range.0..=r.expected_range.1).contains(o))
                .count();
            Ok(OriginSkill {
                origin_day: t,
                units: n,
                positives: next.iter().filter(|&&c| c > 0).count(),
                horizon_events: next.iter().map(|&c| u64::from(c)).sum(),
                auc: std::array::from_fn(|m| auc(&scores[m], &next)),
                capture: std::array::from_fn(|k| {
                    std::array::from_fn(|m| capture(&scores[m], &next, CAPTURE_K[k]))
                }),
                coverage: if n > 0 {
                    covered as f64 / n as f64
                } else {
                    f64::NAN
                },
            })
        })
        .collect()
}

/// Means of the per-origin measures, `NaN`s left out.
pub fn summarise(skill: &[OriginSkill]) -> SkillSummary {
    let mean = |f: &dyn Fn(&OriginSkill) -> f64| {
        let v: Vec<f64> = skill.iter().map(f).filter(|x| x.is_finite()).collect();
        if v.is_empty() {
            f64::NAN
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    SkillSummary {
        origins: skill.len(),
        auc: std::array::from_fn(|m| mean(&|s| s.auc[m])),
        capture: std::array::from_fn(|k| std::array::from_fn(|m| mean(&|s| s.capture[k][m]))),
        coverage: mean(&|s| s.coverage),
    }
}

/// AUC of `scores` for "outcome > 0", ties counted one half; `NaN` without both classes.
pub fn auc(scores: &[f64], outcome: &[u32]) -> f64 {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    // Average ranks (1-based) over ties; sum them over the positives.
    let (mut rank_sum, mut k) = (0.0, 0);
    while k < order.len() {
        let mut j = k;
        while j + 1 < order.len() && scores[order[j + 1]] == scores[order[k]] {
            j += 1;
        }
        let avg = (k + j) as f64 / 2.0 + 1.0;
        rank_sum += avg * order[k..=j].iter().filter(|&&u| outcome[u] > 0).count() as f64;
        k = j + 1;
    }
    let pos = outcome.iter().filter(|&&o| o > 0).count() as f64;
    let neg = outcome.len() as f64 - pos;
    if pos == 0.0 || neg == 0.0 {
        return f64::NAN;
    }
    (rank_sum - pos * (pos + 1.0) / 2.0) / (pos * neg)
}

/// Share of the total outcome held by the `k` highest-scored units (ties at the cut share the
/// remaining places equally); `NaN` when the total is 0.
pub fn capture(scores: &[f64], outcome: &[u32], k: usize) -> f64 {
    let total: f64 = outcome.iter().map(|&o| f64::from(o)).sum();
    if total == 0.0 {
        return f64::NAN;
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut left, mut held, mut i) = (k as f64, 0.0, 0);
    while i < order.len() && left > 0.0 {
        let mut j = i;
        while j + 1 < order.len() && scores[order[j + 1]] == scores[order[i]] {
            j += 1;
        }
        let group = (j - i + 1) as f64;
        let sum: f64 = order[i..=j].iter().map(|&u| f64::from(outcome[u])).sum();
        held += sum * (left / group).min(1.0);
        left -= group;
        i = j + 1;
    }
    held / total
}
