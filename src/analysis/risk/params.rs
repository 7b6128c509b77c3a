//! Parameters of the risk score.

use super::{RiskError, UnitSet};
use serde::{Deserialize, Serialize};

/// Length of each of the two trend periods in days ("last 90 days" vs "the 90 before").
pub const TREND_DAYS: i32 = 90;
/// Longest accepted window (100 years).
pub const MAX_WINDOW_DAYS: i32 = 36_525;
/// Finest accepted diffusion resolution (the cell count grows 7× per level).
pub const MAX_DIFFUSION_RESOLUTION: u8 = 9;

/// How scores are cut into the five classes (1 = lowest, 5 = highest).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub enum ClassMethod {
    /// Quintile breaks computed over the units with a score > 0.
    #[default]
    Quantile,
    /// Four fixed, non-decreasing breaks on the 0–100 score.
    Fixed([f64; 4]),
}

/// Settings of one score run. Print `window_days`, `half_life_days` and `as_of_day` in
/// the legend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskParams {
    /// "Data as of" date (days since 0001-01-01, chrono `num_days_from_ce`).
    pub as_of_day: i32,
    /// Events with `as_of_day - window_days <= day <= as_of_day` count (default 365).
    pub window_days: i32,
    /// Half-life of the time decay in days (default 90; `f64::INFINITY` = no decay).
    pub half_life_days: f64,
    /// Weight factor for coarsely located events (default 0.5), in 0..=1.
    pub coarse_weight: f64,
    /// Weights of the five components (see `COMPONENT_NAMES`), ≥ 0, not all 0 (default 1).
    pub weights: [f64; 5],
    /// Class breaks method (default quantile).
    pub classes: ClassMethod,
    /// H3 resolution of the diffusion cells (default 6 for admin units, res + 2 up to 8 for
    /// H3 units). Must match the resolution the [`super::Assignment`] was built with.
    pub diffusion_resolution: u8,
    /// Empirical-Bayes smoothing of the three rate components (default true).
    pub eb: bool,
}

impl RiskParams {
    /// Defaults for admin (polygon) units.
    pub fn new(as_of_day: i32) -> Self {
        RiskParams {
            as_of_day,
            window_days: 365,
            half_life_days: 90.0,
            coarse_weight: 0.5,
            weights: [1.0; 5],
            classes: ClassMethod::Quantile,
            diffusion_resolution: 6,
            eb: true,
        }
    }

    /// Defaults for `units` (diffusion resolution from [`UnitSet::default_diffusion_resolution`]).
    pub fn for_units(units: &UnitSet, as_of_day: i32) -> Self {
        RiskParams {
            diffusion_resolution: units.default_diffusion_resolution(),
            ..Self::new(as_of_day)
        }
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
        if self.diffusion_resolution > MAX_DIFFUSION_RESOLUTION {
            return bad("diffusion_resolution must be <= 9");
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
