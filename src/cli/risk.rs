//! `sahel-risk risk`: the risk score of every unit.
//!
//! Contract: `risk [FILE...] --level admin1|province|h3:RES --as-of YYYY-MM-DD --half-life DAYS
//! --horizon DAYS [--dataset acled|ucdp] [--include-demonstrations] --format csv|json` prints
//! one row (CSV, with a header) or one JSON object per line per unit, highest score first, with
//! `unit_id`, `name`, `country`, `events`, `fatalities`, one column per component (events' worth
//! over the horizon), `score` (0–100), `class` (1 lowest … 5 highest), `rank`,
//! `expected_events`, `expected_low`, `expected_high` (80 % range) and `trust`. Units with no
//! events are listed too. Without FILE it scores the bundled sample. Files are merged; one
//! dataset is counted (the one with the most events unless `--dataset`), political violence
//! only unless `--include-demonstrations`, and stderr says what was left out. `--timing` prints
//! the compute time on stderr (for `bench/risk_vs_geopandas.sh`).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32};
use std::time::Instant;

use anyhow::bail;
use sahel_risk::analysis::IncidentColumns;
use sahel_risk::analysis::columns::{day_number, scenario_index};
use sahel_risk::analysis::event_set::Selection;
use sahel_risk::analysis::risk::{
    DEFAULT_HALF_LIFE_DAYS, DEFAULT_HORIZON_DAYS, DEFAULT_WINDOW_DAYS, MAX_HORIZON_DAYS,
    RiskParams, RiskTable, UnitSet, assign, score,
};
use sahel_risk::analysis::risk_units::{
    UnitLevel, risk_events, unit_set, write_csv, write_json_lines,
};
use sahel_risk::geodata::GeoData;
use sahel_risk::model::Scenario;
use serde_json::json;

use super::input::{EventArgs, choose, load};

/// The settings `risk` and `backtest` share.
#[derive(Debug, clap::Args)]
pub struct Method {
    /// Incident files, merged (without any: the bundled sample).
    pub files: Vec<PathBuf>,
    /// admin1 (regions of Mali, Burkina Faso, Niger and the coastal states), province
    /// (Burkina Faso's 45), or h3:RES with RES 4, 5 or 6.
    #[arg(long, default_value = "admin1")]
    pub level: String,
    /// Your own boundary GeoJSON (e.g. OCHA admin boundaries with P-codes) as the units.
    #[arg(long, value_name = "GEOJSON", conflicts_with = "level")]
    pub units: Option<PathBuf>,
    /// Half-life of the time decay, days.
    #[arg(long, default_value_t = DEFAULT_HALF_LIFE_DAYS, value_name = "DAYS")]
    pub half_life: f64,
    /// Window counted back from the as-of date, days.
    #[arg(long, default_value_t = DEFAULT_WINDOW_DAYS, value_name = "DAYS")]
    pub window: i32,
    /// Days ahead the score forecasts.
    #[arg(long, default_value_t = DEFAULT_HORIZON_DAYS, value_name = "DAYS")]
    pub horizon: i32,
    /// Which fatality claims count: low, best or high.
    #[arg(long, default_value = "best", value_parser = super::parse_scenario)]
    pub scenario: Scenario,
    /// Weights of the five components (intensity, deadliness, civilians, diffusion,
    /// fragmentation), comma-separated, each ≥ 0, not all 0.
    #[arg(long, default_value = "1,1,1,1,1", value_name = "W,W,W,W,W")]
    pub weights: String,
    /// Score each unit on its own history only (no empirical-Bayes smoothing with its
    /// neighbourhood, no neighbour term).
    #[arg(long)]
    pub no_smoothing: bool,
    #[command(flatten)]
    pub events: EventArgs,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub method: Method,
    /// "Data as of" date (default: the newest event).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// csv (with a header) or json (one object per line).
    #[arg(long, default_value = "csv")]
    pub format: String,
    /// Print the compute time as JSON on stderr.
    #[arg(long, hide = true)]
    pub timing: bool,
}

pub(super) fn ms(t: Instant) -> f64 {
    (t.elapsed().as_secs_f64() * 1e4).round() / 10.0
}

/// Everything a score run needs, read and checked once.
pub(super) struct Prepared {
    pub level: UnitLevel,
    pub units: UnitSet,
    pub units_ms: f64,
    pub columns: IncidentColumns,
    pub selection: Selection,
    pub params: RiskParams,
    pub scenario: Scenario,
}

impl Prepared {
    /// The columns as the score reads them: the selected events, the chosen claims.
    pub fn events(&self) -> sahel_risk::analysis::risk::RiskEvents<'_> {
        risk_events(
            &self.columns,
            scenario_index(self.scenario),
            Some(&self.selection.indices),
        )
    }
}

/// Checks the shared settings, reads the files and the units; `as_of` = None: the newest
/// event.
pub(super) fn prepare(
    command: &str,
    m: &Method,
    as_of: Option<chrono::NaiveDate>,
) -> anyhow::Result<Prepared> {
    let level = match &m.units {
        Some(path) => UnitLevel::Custom(path.clone()),
        None => UnitLevel::parse(&m.level).map_err(|e| anyhow::anyhow!("--level: {e}"))?,
    };
    if !(m.half_life.is_finite() && m.half_life > 0.0) {
        bail!(
            "--half-life: {} is not a positive number of days",
            m.half_life
        );
    }
    if m.window < 1 {
        bail!("--window: {} is not a positive number of days", m.window);
    }
    if !(1..=MAX_HORIZON_DAYS).contains(&m.horizon) {
        bail!(
            "--horizon: {} is not a number of days in 1..={MAX_HORIZON_DAYS}",
            m.horizon
        );
    }
    let weights = parse_weights(&m.weights)?;
    let geo = GeoData::load(GeoData::default_override_dir().as_deref());
    let incidents = load(&m.files, &geo)?;
    let columns = IncidentColumns::new(&incidents);
    drop(incidents);
    let selection = choose(command, &columns, m.events.dataset, m.events.types());
    let started = Instant::now();
    let units = unit_set(&geo, &level)?;
    let units_ms = ms(started);
    let as_of_day = match as_of {
        Some(d) => day_number(d),
        // No events: nothing is in any window, every unit scores 0.
        None => columns.date_max.map_or(1, day_number),
    };
    let params = RiskParams {
        half_life_days: m.half_life,
        window_days: m.window,
        horizon_days: m.horizon,
        eb: !m.no_smoothing,
        weights,
        ..RiskParams::for_units(&units, as_of_day)
    };
    Ok(Prepared {
        level,
        units,
        units_ms,
        columns,
        selection,
        params,
        scenario: m.scenario,
    })
}

/// `--weights 1,1,1,1,1`.
fn parse_weights(s: &str) -> anyhow::Result<[f64; 5]> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let values: Vec<f64> = parts
        .iter()
        .map(|p| p.parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| anyhow::anyhow!("--weights: \"{s}\" is not five numbers like 1,1,1,1,1"))?;
    let w: [f64; 5] = values
        .try_into()
        .map_err(|_| anyhow::anyhow!("--weights: \"{s}\" is not five numbers like 1,1,1,1,1"))?;
    if w.iter().any(|v| !v.is_finite() || *v < 0.0) || w.iter().sum::<f64>() <= 0.0 {
        bail!("--weights: \"{s}\": each weight must be ≥ 0 and not all 0");
    }
    Ok(w)
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    if !matches!(args.format.as_str(), "csv" | "json") {
        bail!("--format: \"{}\" is not csv or json", args.format);
    }
    let as_of = super::parse_as_of(args.as_of.as_deref())?;
    let p = prepare("risk", &args.method, as_of)?;
    let events = p.events();
    let t = Instant::now();
    let (cancel, progress) = (AtomicBool::new(false), AtomicU32::new(0));
    let assignment = assign(&p.units, &events, &cancel, &progress)?;
    let assign_ms = ms(t);
    let t = Instant::now();
    let table = score(&assignment, &events, &p.params)?;
    let score_ms = ms(t);
    if args.timing {
        eprintln!(
            "{}",
            json!({"events": p.columns.len(), "units": p.units.len(), "outside": assignment.outside(),
                   "units_ms": p.units_ms, "assign_ms": assign_ms, "score_ms": score_ms,
                   "compute_ms": p.units_ms + assign_ms + score_ms,
                   "threads": rayon::current_num_threads()})
        );
    }
    if assignment.outside() > 0 {
        eprintln!(
            "note: {} of {} events lie outside every unit ({}); {} of them in the scored \
             window; they are not scored",
            assignment.outside(),
            p.columns.len(),
            p.level.label(),
            table.outside
        );
    }
    match print_table(&p.units, &table, args.format == "json") {
        // `| head` closed the pipe: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        other => Ok(other.map(|_| 0)?),
    }
}

fn print_table(units: &UnitSet, table: &RiskTable, json_lines: bool) -> std::io::Result<()> {
    let out = std::io::stdout().lock();
    if json_lines {
        write_json_lines(units, table, out)
    } else {
        // A write failure keeps its io error (and kind: a closed pipe is not an error).
        write_csv(units, table, out).map_err(|e| match e.into_kind() {
            csv::ErrorKind::Io(io) => io,
            other => std::io::Error::other(format!("{other:?}")),
        })
    }
}
