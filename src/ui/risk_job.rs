//! The risk score for the window, off the UI thread: the unit set and its prepared polygons
//! (once per level), the assignment of incidents to units (once per level and store, with
//! progress and Cancel), and the score of the filtered incidents (on every filter or setting
//! change). The previous shading stays until the new one is ready.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use chrono::NaiveDate;

use super::incidents::Incidents;
use crate::analysis::IncidentColumns;
use crate::analysis::columns::{day_number, scenario_index};
use crate::analysis::event_set::{EventTypes, Selection, select};
use crate::analysis::risk::{
    Assignment, ClassMethod, DEFAULT_BREAKS, DEFAULT_HALF_LIFE_DAYS, DEFAULT_HORIZON_DAYS,
    DEFAULT_WINDOW_DAYS, OriginSkill, RiskError, RiskParams, RiskTable, UnitSet, assign, backtest,
    score,
};
use crate::analysis::risk_units::{UnitLevel, risk_events, unit_set};
use crate::geodata::GeoData;
use crate::map::prepared::PreparedFill;

/// What the user chose.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskSettings {
    pub level: UnitLevel,
    pub half_life_days: f64,
    pub window_days: i32,
    pub weights: [f64; 5],
    pub coarse_weight: f64,
    /// Quantile classes, else these fixed breaks on the 0–100 score.
    pub quantile: bool,
    pub fixed_breaks: [f64; 4],
    pub eb: bool,
    /// `None`: the newest event.
    pub as_of: Option<NaiveDate>,
    /// Days ahead the score forecasts.
    pub horizon_days: i32,
    /// Count protests and riots as well as political violence.
    pub include_demonstrations: bool,
}

impl Default for RiskSettings {
    fn default() -> Self {
        RiskSettings {
            level: UnitLevel::Admin1,
            half_life_days: DEFAULT_HALF_LIFE_DAYS,
            window_days: DEFAULT_WINDOW_DAYS,
            weights: [1.0; 5],
            coarse_weight: 0.5,
            quantile: false,
            fixed_breaks: DEFAULT_BREAKS,
            eb: true,
            as_of: None,
            horizon_days: DEFAULT_HORIZON_DAYS,
            include_demonstrations: false,
        }
    }
}

impl RiskSettings {
    /// The params a run uses for `units` and `columns` (as-of: the chosen date, else the
    /// newest event).
    pub fn params(&self, units: &UnitSet, columns: &IncidentColumns) -> RiskParams {
        let as_of = self.as_of.or(columns.date_max).map_or(1, day_number);
        RiskParams {
            half_life_days: self.half_life_days,
            window_days: self.window_days,
            weights: self.weights,
            coarse_weight: self.coarse_weight,
            classes: if self.quantile {
                ClassMethod::Quantile
            } else {
                ClassMethod::Fixed(self.fixed_breaks)
            },
            eb: self.eb,
            horizon_days: self.horizon_days,
            ..RiskParams::for_units(units, as_of)
        }
    }

    /// The event types the score counts.
    pub fn event_types(&self) -> EventTypes {
        if self.include_demonstrations {
            EventTypes::WithDemonstrations
        } else {
            EventTypes::PoliticalViolence
        }
    }
}

/// Past origins the Risk tab measures the score's skill at: one per horizon, the last
/// `horizon` days before "data as of" being the last outcome window.
pub const SKILL_ORIGINS: i32 = 8;

/// The [`SKILL_ORIGINS`] origins ending one horizon before `params.as_of_day`, none before the
/// first year of data (the score needs a year of history).
fn skill_origins(params: &RiskParams, columns: &IncidentColumns) -> Vec<i32> {
    let h = params.horizon_days;
    let last = params.as_of_day - h;
    let first_data = columns.date_min.map_or(last, day_number) + 365;
    (0..SKILL_ORIGINS)
        .rev()
        .map(|k| last - k * h)
        .filter(|&t| t >= first_data)
        .collect()
}

/// A unit set with its polygons ready to draw.
pub struct PreparedUnits {
    pub level: UnitLevel,
    pub units: UnitSet,
    pub fill: PreparedFill,
}

struct Outcome {
    units: Arc<PreparedUnits>,
    assignment: Arc<Assignment>,
    table: RiskTable,
    skill: Vec<OriginSkill>,
    selection: Selection,
    ms: f64,
}

struct Pending {
    key: (UnitLevel, usize, u64, RiskSettings),
    cancel: Arc<AtomicBool>,
    progress: Arc<AtomicU32>,
    result: Receiver<Result<Outcome, String>>,
}

#[derive(Default)]
pub struct RiskJob {
    pub settings: RiskSettings,
    pub units: Option<Arc<PreparedUnits>>,
    assignment: Option<(usize, Arc<Assignment>)>,
    pub table: Option<Arc<RiskTable>>,
    /// Class of every unit of `table` (by unit index), for the map.
    pub classes: Arc<Vec<u8>>,
    /// The score's skill at past origins on the loaded data ([`SKILL_ORIGINS`] quarters).
    pub skill: Arc<Vec<OriginSkill>>,
    /// The events the score counted (dataset, event types), for the legend.
    pub selection: Arc<Selection>,
    /// The key of `table`.
    done: Option<(UnitLevel, usize, u64, RiskSettings)>,
    pending: Option<Pending>,
    /// Why the last run failed (a bad boundary file, ...).
    pub error: Option<String>,
    /// Wall time of the last run, ms.
    pub last_ms: f64,
}

impl RiskJob {
    /// Per-mille progress of the running assignment, if a run is going.
    pub fn progress(&self) -> Option<f32> {
        self.pending
            .as_ref()
            .map(|p| p.progress.load(Ordering::Relaxed) as f32 / 1000.0)
    }

    pub fn cancel(&mut self) {
        if let Some(p) = self.pending.take() {
            p.cancel.store(true, Ordering::Relaxed);
            // Do not start the same run again by itself.
            self.done = Some(p.key);
            self.error = Some("cancelled".into());
        }
    }

    /// Collect a finished run and start one when the data, filter or settings changed.
    pub fn sync(
        &mut self,
        geo: &Arc<GeoData>,
        incidents: &Incidents,
        wake: impl Fn() + Send + 'static,
    ) {
        if let Some(p) = &self.pending {
            match p.result.try_recv() {
                Ok(Ok(o)) => {
                    self.done = Some(p.key.clone());
                    self.assignment = Some((p.key.1, o.assignment));
                    self.classes = Arc::new(o.table.classes());
                    self.skill = Arc::new(o.skill);
                    self.selection = Arc::new(o.selection);
                    self.units = Some(o.units);
                    self.table = Some(Arc::new(o.table));
                    self.last_ms = o.ms;
                    self.error = None;
                    self.pending = None;
                }
                Ok(Err(e)) => {
                    self.done = Some(p.key.clone());
                    self.error = Some(e);
                    self.pending = None;
                }
                Err(_) => {}
            }
        }
        let key = (
            self.settings.level.clone(),
            incidents.columns_id(),
            incidents.generation,
            self.settings.clone(),
        );
        if self.done.as_ref() == Some(&key) || self.pending.as_ref().is_some_and(|p| p.key == key) {
            return;
        }
        if let Some(p) = self.pending.take() {
            p.cancel.store(true, Ordering::Relaxed);
        }
        let units = self
            .units
            .clone()
            .filter(|u| u.level == self.settings.level);
        let assignment = self
            .assignment
            .clone()
            .filter(|(cols, _)| *cols == key.1 && units.is_some())
            .map(|(_, a)| a);
        let (geo, columns) = (geo.clone(), incidents.columns.clone());
        let filtered = incidents.result.indices.clone();
        let scenario = scenario_index(incidents.filter.scenario);
        let level = self.settings.level.clone();
        let settings = self.settings.clone();
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(AtomicU32::new(0));
        let (tx, result) = channel();
        let (c2, p2) = (cancel.clone(), progress.clone());
        std::thread::spawn(move || {
            let t = Instant::now();
            let run = || -> Result<Outcome, String> {
                let units = match units {
                    Some(u) => u,
                    None => {
                        let set = unit_set(&geo, &level).map_err(|e| e.to_string())?;
                        let fill = PreparedFill::new(set.units().iter().map(|u| &u.shape));
                        Arc::new(PreparedUnits {
                            level,
                            units: set,
                            fill,
                        })
                    }
                };
                let params = settings.params(&units.units, &columns);
                let all = risk_events(&columns, scenario, None);
                let assignment = match assignment {
                    Some(a) => a,
                    None => {
                        Arc::new(assign(&units.units, &all, &c2, &p2).map_err(|e| e.to_string())?)
                    }
                };
                if c2.load(Ordering::Relaxed) {
                    return Err(RiskError::Cancelled.to_string());
                }
                let selection = select(&columns, Some(&filtered), None, settings.event_types());
                let events = risk_events(&columns, scenario, Some(&selection.indices));
                let table = score(&assignment, &events, &params).map_err(|e| e.to_string())?;
                let past = skill_origins(&params, &columns);
                let skill =
                    backtest(&assignment, &events, &params, &past).map_err(|e| e.to_string())?;
                Ok(Outcome {
                    units,
                    assignment,
                    table,
                    skill,
                    selection,
                    ms: t.elapsed().as_secs_f64() * 1000.0,
                })
            };
            if tx.send(run()).is_ok() {
                wake();
            }
        });
        self.pending = Some(Pending {
            key,
            cancel,
            progress,
            result,
        });
    }

    /// The finished state, without the running job (for an export on another thread).
    pub fn snapshot(&self) -> RiskJob {
        RiskJob {
            settings: self.settings.clone(),
            units: self.units.clone(),
            assignment: self.assignment.clone(),
            table: self.table.clone(),
            classes: self.classes.clone(),
            skill: self.skill.clone(),
            selection: self.selection.clone(),
            done: self.done.clone(),
            pending: None,
            error: self.error.clone(),
            last_ms: self.last_ms,
        }
    }

    /// Wait for the running job (tests and scripted renders).
    pub fn finish_blocking(&mut self, geo: &Arc<GeoData>, incidents: &Incidents) {
        self.sync(geo, incidents, || {});
        while self.pending.is_some() {
            std::thread::sleep(std::time::Duration::from_millis(2));
            self.sync(geo, incidents, || {});
        }
    }

    /// The store indices of the filtered incidents in unit `u`.
    pub fn incidents_in(&self, unit: usize, filtered: &[u32]) -> Vec<u32> {
        let Some((_, a)) = &self.assignment else {
            return Vec::new();
        };
        let of = a.unit_of();
        filtered
            .iter()
            .copied()
            .filter(|&i| of.get(i as usize).is_some_and(|&x| x as usize == unit))
            .collect()
    }
}
