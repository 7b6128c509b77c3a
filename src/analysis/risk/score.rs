//! The composite risk score: components → normalisation → weighted mean → rank → class.
//!
//! * Rate components (intensity, deadliness, civilians) are EB-smoothed rates per km² with
//!   the unit area as exposure ([`super::eb`]), reported per 1,000 km².
//! * Diffusion = occupied diffusion cells / cells of the unit (at least 1), capped at 1 (an
//!   event near a border may fall in a cell whose centre belongs to the neighbour).
//! * Fragmentation = number of distinct non-state actors.
//!
//! Normalisation: `norm = ln(1 + v) / ln(1 + max v)` over the units with events (0 when the
//! max is 0). Conflict counts and fatalities are heavy-tailed (a few hot spots hold most
//! events); a linear `v / max` would put nearly every unit near 0 and let one outlier define
//! the scale, while the log keeps the order and spreads the bulk of units over 0..1.
//!
//! Score = `100 × Σ_k w_k·norm_k / Σ_k w_k`, computed as the sum of the contributions
//! `100·w_k·norm_k / Σw`, so the contributions add up exactly to the score.
//! A unit without in-window events scores 0 (all norms 0) even though its EB-smoothed rate
//! is positive (shrinkage towards the global rate): no events, no incident-driven risk.

use super::classes::{breaks, class_of, ranks};
use super::components::accumulate;
use super::dates::MonthBins;
use super::eb::eb_rates;
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

/// Score of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskRow {
    /// Unit index in the [`UnitSet`] (rows are in unit order: `rows[i].unit == i`).
    pub unit: usize,
    /// Selected in-window events (unweighted).
    pub events: u32,
    /// Sum of their fatalities (no figure = 0).
    pub fatalities: u64,
    /// Raw inputs: Σw, Σw·fatalities, Σw (civilian targeting), occupied diffusion cells,
    /// distinct non-state actors.
    pub raw: [f64; 5],
    /// Component values: intensity, deadliness, civilians per 1,000 km² (EB-smoothed when
    /// `params.eb`, crude otherwise), diffusion share 0..1, fragmentation count.
    pub value: [f64; 5],
    /// `ln(1 + value) / ln(1 + max value)`, 0..1; 0 for units without events.
    pub norm: [f64; 5],
    /// `100·w_k·norm_k / Σw`; sums to `score`.
    pub contribution: [f64; 5],
    /// 0..100.
    pub score: f64,
    /// 1 = highest score; ties share the best rank.
    pub rank: u32,
    /// 1..=5 (5 = highest); always 1 without events.
    pub class: u8,
    /// Selected events aged 0..90 days and 90..180 days (unweighted, ignores the window).
    pub trend: (u32, u32),
    /// Selected in-window events per calendar month (labels in [`RiskTable::months`]).
    pub monthly: Vec<u32>,
    /// Up to 5 non-state actors by weighted events: (actor id, Σw), heaviest first.
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
    /// Normalisation denominators: max `value` per component over units with events.
    pub max_value: [f64; 5],
    /// (year, month) of every `monthly` bin, oldest first.
    pub months: Vec<(i32, u32)>,
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
    if params.diffusion_resolution != assignment.diffusion_resolution() {
        return Err(RiskError::Mismatch(format!(
            "diffusion resolution {} requested, assignment built with {}",
            params.diffusion_resolution,
            assignment.diffusion_resolution()
        )));
    }
    let mask = events.selection_mask();
    let months = MonthBins::new(params.window_start(), params.as_of_day);
    let (stats, outside) = accumulate(assignment, events, params, mask.as_deref(), &months);
    let areas = assignment.areas_km2();
    let rate = |f: fn(&super::components::UnitStats) -> f64| -> Vec<f64> {
        let n: Vec<f64> = stats.iter().map(f).collect();
        let r = if params.eb {
            eb_rates(&n, areas).rates
        } else {
            n.iter()
                .zip(areas)
                .map(|(n, x)| if *x > 0.0 { n / x } else { 0.0 })
                .collect()
        };
        r.into_iter().map(|v| v * 1000.0).collect()
    };
    let rates = [
        rate(|s| s.weighted),
        rate(|s| s.weighted_fatalities),
        rate(|s| s.weighted_civilian),
    ];
    let cells = assignment.cells_per_unit();
    let mut rows: Vec<RiskRow> = stats
        .into_iter()
        .enumerate()
        .map(|(u, s)| {
            let diffusion = (f64::from(s.occupied_cells) / f64::from(cells[u].max(1))).min(1.0);
            RiskRow {
                unit: u,
                events: s.events,
                fatalities: s.fatalities,
                raw: [
                    s.weighted,
                    s.weighted_fatalities,
                    s.weighted_civilian,
                    f64::from(s.occupied_cells),
                    f64::from(s.actors),
                ],
                value: [
                    rates[0][u],
                    rates[1][u],
                    rates[2][u],
                    diffusion,
                    f64::from(s.actors),
                ],
                norm: [0.0; 5],
                contribution: [0.0; 5],
                score: 0.0,
                rank: 0,
                class: 1,
                trend: s.trend,
                monthly: s.monthly,
                top_actors: s.top_actors,
            }
        })
        .collect();
    let mut max_value = [0.0f64; 5];
    for r in rows.iter().filter(|r| r.events > 0) {
        for (m, v) in max_value.iter_mut().zip(r.value) {
            *m = m.max(v);
        }
    }
    let wsum = params.weight_sum();
    for r in rows.iter_mut().filter(|r| r.events > 0) {
        r.norm = std::array::from_fn(|k| normalise(r.value[k], max_value[k]));
        r.contribution = std::array::from_fn(|k| 100.0 * params.weights[k] * r.norm[k] / wsum);
        r.score = r.contribution.iter().sum();
    }
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
        max_value,
        months: months.labels,
        params: params.clone(),
    })
}

/// `ln(1 + v) / ln(1 + max)`, clamped to 0..1; 0 when `max ≤ 0`.
pub fn normalise(v: f64, max: f64) -> f64 {
    if max > 0.0 {
        (v.max(0.0).ln_1p() / max.ln_1p()).clamp(0.0, 1.0)
    } else {
        0.0
    }
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
    let a = assign(units, events, params.diffusion_resolution, cancel, progress)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(RiskError::Cancelled);
    }
    let table = score(&a, events, params)?;
    Ok((a, table))
}
