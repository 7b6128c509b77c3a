//! Parameters of the risk score.

use super::{RiskError, UnitSet};
use serde::{Deserialize, Serialize};

/// Length of each of the two trend periods in days ("last 90 days" vs "the 90 before").
pub const TREND_DAYS: i32 = 90;
/// Longest accepted window (100 years).
pub const MAX_WINDOW_DAYS: i32 = 36_525;
/// Longest accepted forecast horizon (ten years).
pub const MAX_HORIZON_DAYS: i32 = 3_653;
/// Default forecast horizon: a quarter, the planning cycle of humanitarian response plans.
pub const DEFAULT_HORIZON_DAYS: i32 = 90;
/// Default window (days back from "data as of"): two years, chosen by backtest (docs/risk.md).
pub const DEFAULT_WINDOW_DAYS: i32 = 730;
/// Default half-life of the time decay (days), chosen by backtest (docs/risk.md).
pub const DEFAULT_HALF_LIFE_DAYS: f64 = 180.0;
/// Default class breaks on the 0–100 score (fixed, so a class means the same on every map).
pub const DEFAULT_BREAKS: [f64; 4] = [20.0, 40.0, 60.0, 80.0];

/// How scores are cut into the five classes (1 = lowest, 5 = highest).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum ClassMethod {
    /// Quintile breaks computed over the units with a score > 0.
    Quantile,
    /// Four fixed, non-decreasing breaks on the 0–100 score (default [`DEFAULT_BREAKS`]).
    Fixed([f64; 4]),
}

impl Default for ClassMethod {
    fn default() -> Self {
        ClassMethod::Fixed(DEFAULT_BREAKS)
    }
}

/// Settings of one score run. Print `window_days`, `half_life_days` and `as_of_day` in
/// the legend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskParams {
    /// "Data as of" date (days since 0001-01-01, chrono `num_days_from_ce`).
    pub as_of_day: i32,
    /// Events with `as_of_day - window_days <= day <= as_of_day` count (default 730).
    pub window_days: i32,
    /// Half-life of the time decay in days (default 180; `f64::INFINITY` = no decay).
    pub half_life_days: f64,
    /// Weight factor for coarsely located events (default 0.5), in 0..=1.
    pub coarse_weight: f64,
    /// Weights of the five components (see `COMPONENT_NAMES`), ≥ 0, not all 0 (default 1).
    pub weights: [f64; 5],
    /// Class breaks method (default: fixed breaks [`DEFAULT_BREAKS`]).
    pub classes: ClassMethod,
    /// Local empirical-Bayes smoothing with the neighbourhood ([`super::forecast`]; default
    /// true). Off: each unit's own history only, and no neighbour term.
    pub eb: bool,
    /// Days ahead the score forecasts (default [`DEFAULT_HORIZON_DAYS`]).
    pub horizon_days: i32,
}

impl RiskParams {
    /// Defaults for admin (polygon) units.
    pub fn new(as_of_day: i32) -> Self {
        RiskParams {
            as_of_day,
            window_days: DEFAULT_WINDOW_DAYS,
            half_life_days: DEFAULT_HALF_LIFE_DAYS,
            coarse_weight: 0.5,
            weights: [1.0; 5],
            classes: ClassMethod::default(),
            eb: true,
            horizon_days: DEFAULT_HORIZON_DAYS,
        }
    }

    /// Defaults for `units` (the same for every unit set).
    pub fn for_units(_units: &UnitSet, as_of_day: i32) -> Self {
        Self::new(as_of_day)
    }

    /// Checks ranges; every score run calls it.
    pub fn validate(&self) -> Result<(), RiskError> {
        let bad = |m: &str| Err(RiskError::InvalidParams(m.into()));
        if !(0..=MAX_WINDOW_DAYS).contains(&self.window_days) {
            return bad("window_days must be in 0..=36525");
        }
        if self.half_life_days.is_nan() || self.half_life_days <= 0.0 {
            return bad("half_life_days must be > 0");
        }
        if !(0.0..=1.0).contains(&self.coarse_weight) {
            return bad("coarse_weight must be in 0..=1");
        }
        if self.weights.iter().any(|w| !w.is_finite() || *w < 0.0) || self.weight_sum() <= 0.0 {
            return bad("weights must be finite, >= 0 and not all 0");
        }
        if !(1..=MAX_HORIZON_DAYS).contains(&self.horizon_days) {
            return bad("horizon_days must be in 1..=3653");
        }
        if let ClassMethod::Fixed(b) = self.classes
            && (b.iter().any(|v| !v.is_finite()) || b.windows(2).any(|w| w[0] > w[1]))
        {
            return bad("fixed breaks must be finite and non-decreasing");
        }
        Ok(())
    }

    /// Σ of the component weights.
    pub fn weight_sum(&self) -> f64 {
        self.weights.iter().sum()
    }

    /// First day inside the window (`as_of_day - window_days`, inclusive).
    pub fn window_start(&self) -> i32 {
        self.as_of_day.saturating_sub(self.window_days)
    }

    /// Whether `day` lies in the window `[as_of - window, as_of]` (both ends inclusive).
    pub fn in_window(&self, day: i32) -> bool {
        day <= self.as_of_day && day >= self.window_start()
    }

    /// Event weight `w = 2^(-age / half_life) × (coarse ? coarse_weight : 1)` with
    /// `age = as_of_day - day` in days: an event one half-life old weighs 0.5.
    pub fn event_weight(&self, day: i32, coarse: bool) -> f64 {
        let age = f64::from(self.as_of_day) - f64::from(day);
        let decay = (-age / self.half_life_days).exp2();
        if coarse {
            decay * self.coarse_weight
        } else {
            decay
        }
    }
}
