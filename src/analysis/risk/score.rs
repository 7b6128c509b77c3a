//! The risk score: the political violence expected in each unit over the next horizon, in
//! "events' worth", split into five components that add up, then put on a fixed 0–100 scale.
//!
//! With `scale = horizon / T` ([`effective_days`]) and the local empirical-Bayes smoothing of
//! [`super::forecast`] (trust `ω`, neighbourhood expectation `μ`):
//!
//! | component | events' worth over the horizon |
//! |---|---|
//! | intensity | `scale · ω · Σw` — the unit's own decayed events, as far as they are trusted |
//! | deadliness | `scale · ω · Σw·severity(fatalities)` ([`super::components::severity`]) |
//! | civilians | `scale · ω · Σw` over civilian-targeting events |
//! | diffusion | `scale · (1 − ω) · μ` — what its neighbourhood makes expected there |
//! | fragmentation | `0.1 · min(groups − 1, 5) · (intensity + diffusion)`, groups ≥ 2 |
//!
//! `intensity + diffusion` is the expected number of events (the forecast); deadliness and
//! civilians add one event's worth per 10 deaths (log scale) and per civilian-targeting event.
//! Fragmentation is at most half the expected events, so it cannot carry a unit with few.
//!
//! `S = Σ_k w_k · value_k` (weights default 1); `score = 100 · ln(1 + S) / ln(1 + S_ref)`,
//! capped at 100, with the fixed reference `S_ref = 250 · horizon / 90` ([`REFERENCE`]): a
//! unit's score depends on its own figures and its neighbourhood's, never on the largest unit
//! of the run. Contributions split the score in proportion to the components
//! (`contribution_k = score · w_k·value_k / S`) and add up to it. Deadliness and civilians
//! depend only on the unit's own events, so a claim scenario switch moves only units whose
//! fatalities change.

use super::classes::{breaks, class_of, ranks};
use super::components::accumulate;
use super::dates::MonthBins;
use super::forecast::{GLOBAL_SHARE, count_scale, effective_days, local_eb};
use super::interval::predictive_range;
use super::{Assignment, RiskError, RiskEvents, RiskParams, UnitSet, assign};
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

/// Names of the five components, in the order of every `[f64; 5]` array.
pub const COMPONENT_NAMES: [&str; 5] = [
    "intensity",
    "deadliness",
    "civilians",
    "diffusion",
    "fragmentation",
];

/// Events' worth in 90 days that scores 100 (about the worst quarter of the most violent
/// Sahel regions in the ACLED record; a fixed reference, not the run's maximum).
pub const REFERENCE: f64 = 250.0;
/// Fragmentation: uplift per named group beyond the first, and the most groups counted.
pub const FRAGMENTATION_STEP: f64 = 0.1;
pub const FRAGMENTATION_MAX_GROUPS: u32 = 6;

/// Score of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskRow {
    /// Unit index in the [`UnitSet`] (rows are in unit order: `rows[i].unit == i`).
    pub unit: usize,
    /// Selected in-window events (unweighted).
    pub events: u32,
    /// Sum of their fatalities (no figure = 0).
    pub fatalities: u64,
    /// Raw inputs: Σw, Σw·severity, Σw (civilian targeting), the neighbourhood's expected
    /// decayed count `μ`, named groups with ≥ 2 events.
    pub raw: [f64; 5],
    /// Components in events' worth over the horizon (see the module documentation).
    pub value: [f64; 5],
    /// Score points per component; sums to `score`.
    pub contribution: [f64; 5],
    /// 0..100.
    pub score: f64,
    /// Expected political-violence events in the horizon (`intensity + diffusion`).
    pub expected_events: f64,
    /// About 80 % of outcomes fall in this range if the past pattern holds (10th and 90th
    /// percentiles of the negative-binomial predictive distribution).
    pub expected_range: (u32, u32),
    /// Trust in the unit's own history, `ω` in 0..=1.
    pub trust: f64,
    /// 1 = highest score; ties share the best rank.
    pub rank: u32,
    /// 1..=5 (5 = highest).
    pub class: u8,
    /// Selected events aged 0..90 days and 90..180 days (unweighted, ignores the window).
    pub trend: (u32, u32),
    /// Selected in-window events per calendar month (labels in [`RiskTable::months`]).
    pub monthly: Vec<u32>,
    /// Up to 5 named groups by weighted events: (group id, Σw), heaviest first.
    pub top_actors: Vec<(u32, f64)>,
}

/// Result of a score run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskTable {
    /// One row per unit, in unit order (units without events included).
    pub rows: Vec<RiskRow>,
    /// Selected in-window events outside every unit (not in any row; report them).
    pub outside: usize,
    /// Selected in-window events, including `outside`.
    pub in_window: usize,
    /// Class breaks used (upper bounds of classes 1..4).
    pub breaks: [f64; 4],
    /// (year, month) of every `monthly` bin, oldest first.
    pub months: Vec<(i32, u32)>,
    /// Prior shape `κ` of the smoothing (infinite: complete pooling; see [`super::forecast`]).
    pub kappa: f64,
    /// Events' worth that scores 100 at this horizon.
    pub reference: f64,
    /// Parameters of this run.
    pub params: RiskParams,
}

impl RiskTable {
    /// The row of unit `unit` (rows are in unit order, so this is a lookup, not a search).
    pub fn row(&self, unit: usize) -> Option<&RiskRow> {
        self.rows.get(unit).filter(|r| r.unit == unit)
    }

    /// The class of every unit, by unit index.
    pub fn classes(&self) -> Vec<u8> {
        self.rows.iter().map(|r| r.class).collect()
    }
}

/// `100 · ln(1 + s) / ln(1 + reference)`, clamped to 0..=100.
pub fn scale_score(s: f64, reference: f64) -> f64 {
    if s <= 0.0 || reference <= 0.0 {
        return 0.0;
    }
    (100.0 * s.ln_1p() / reference.ln_1p()).min(100.0)
}

/// Scores every unit from an [`Assignment`] (cheap: rerun on filter or parameter change).
pub fn score(
    assignment: &Assignment,
    events: &RiskEvents,
    params: &RiskParams,
) -> Result<RiskTable, RiskError> {
    params.validate()?;
    events.validate()?;
    if events.len() != assignment.n_events() {
        return Err(RiskError::Mismatch(format!(
            "{} events, assignment built for {}",
            events.len(),
            assignment.n_events()
        )));
    }
    if events.actor_ids.len() != assignment.actor_slots.of_item.len() {
        return Err(RiskError::Mismatch(
            "actor_ids changed since the assignment".into(),
        ));
    }
    let mask = events.selection_mask();
    let months = MonthBins::new(params.window_start(), params.as_of_day);
    let (stats, outside) = accumulate(assignment, events, params, mask.as_deref(), &months);
    let y: Vec<f64> = stats.iter().map(|s| s.weighted).collect();
    let counts = count_scale(params.window_days, params.half_life_days);
    let (trust, expected, kappa) = if params.eb {
        let f = local_eb(
            &y,
            assignment.areas_km2(),
            assignment.neighbours(),
            GLOBAL_SHARE,
            counts,
        );
        (f.trust, f.expected, f.kappa)
    } else {
        (vec![1.0; y.len()], vec![0.0; y.len()], f64::INFINITY)
    };
    let scale =
        f64::from(params.horizon_days) / effective_days(params.window_days, params.half_life_days);
    let reference = REFERENCE * f64::from(params.horizon_days) / 90.0;
    let mut rows: Vec<RiskRow> = stats
        .into_iter()
        .enumerate()
        .map(|(u, s)| {
            let w = trust[u];
            let own = scale * w * s.weighted;
            let around = scale * (1.0 - w) * expected[u];
            let extra_groups = s.groups.min(FRAGMENTATION_MAX_GROUPS).saturating_sub(1);
            let value = [
                own,
                scale * w * s.weighted_severity,
                scale * w * s.weighted_civilian,
                around,
                FRAGMENTATION_STEP * f64::from(extra_groups) * (own + around),
            ];
            let weighted: [f64; 5] = std::array::from_fn(|k| value[k] * params.weights[k]);
            let total: f64 = weighted.iter().sum();
            let points = scale_score(total, reference);
            let contribution: [f64; 5] = std::array::from_fn(|k| {
                if total > 0.0 {
                    points * weighted[k] / total
                } else {
                    0.0
                }
            });
            // Posterior shape on the count scale; own history only: as precise as its counts.
            let shape = if params.eb {
                kappa + s.weighted * counts
            } else {
                (s.weighted * counts).max(f64::MIN_POSITIVE)
            };
            RiskRow {
                unit: u,
                events: s.events,
                fatalities: s.fatalities,
                raw: [
                    s.weighted,
                    s.weighted_severity,
                    s.weighted_civilian,
                    expected[u],
                    f64::from(s.groups),
                ],
                value,
                contribution,
                score: contribution.iter().sum(),
                expected_events: own + around,
                expected_range: predictive_range(own + around, shape),
                trust: w,
                rank: 0,
                class: 1,
                trend: s.trend,
                monthly: s.monthly,
                top_actors: s.top_actors,
            }
        })
        .collect();
    let scores: Vec<f64> = rows.iter().map(|r| r.score).collect();
    let brk = breaks(&params.classes, &scores);
    for (r, rank) in rows.iter_mut().zip(ranks(&scores)) {
        r.rank = rank;
        r.class = class_of(r.score, &brk);
    }
    let in_window = outside + rows.iter().map(|r| r.events as usize).sum::<usize>();
    Ok(RiskTable {
        rows,
        outside,
        in_window,
        breaks: brk,
        months: months.labels,
        kappa,
        reference,
        params: params.clone(),
    })
}

/// Long entry point: [`assign`] then [`score`]. `progress` (per mille) follows the
/// assignment, which dominates the run time; `cancel` is checked between chunks and once
/// more before scoring.
pub fn compute(
    units: &UnitSet,
    events: &RiskEvents,
    params: &RiskParams,
    cancel: &AtomicBool,
    progress: &AtomicU32,
) -> Result<(Assignment, RiskTable), RiskError> {
    params.validate()?;
    let a = assign(units, events, cancel, progress)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(RiskError::Cancelled);
    }
    let table = score(&a, events, params)?;
    Ok((a, table))
}
