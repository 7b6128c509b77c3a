//! `sahel-risk risk`: the risk score of every unit.
//!
//! Contract: `risk [FILE] --level admin1|province|h3:RES --as-of YYYY-MM-DD --half-life DAYS
//! --format csv|json` prints one row (CSV, with a header) or one JSON object per line per unit,
//! highest score first, with `unit_id`, `name`, `country`, `events`, `fatalities`, one column per
//! component (its value after smoothing, as scored), `score` (0–100), `class` (1 lowest … 5
//! highest) and `rank`. Units with no events are listed too. Without FILE it scores the bundled
//! sample. `--timing` prints the compute time on stderr (for `bench/risk_vs_geopandas.sh`).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32};
use std::time::Instant;

use anyhow::bail;
use sahel_risk::analysis::IncidentColumns;
use sahel_risk::analysis::columns::day_number;
use sahel_risk::analysis::risk::{RiskParams, RiskTable, UnitSet, assign, score};
use sahel_risk::analysis::risk_units::{
    UnitLevel, risk_events, unit_set, write_csv, write_json_lines,
};
use sahel_risk::geodata::GeoData;
use sahel_risk::import::import_path;
use sahel_risk::model::Scenario;
use serde_json::json;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Incident file (without it: the bundled sample).
    pub file: Option<PathBuf>,
    /// admin1 (regions of Mali, Burkina Faso, Niger and the coastal states), province
    /// (Burkina Faso's 45), or h3:RES with RES 4, 5 or 6.
    #[arg(long, default_value = "admin1")]
    pub level: String,
    /// Your own boundary GeoJSON (e.g. OCHA admin boundaries with P-codes) as the units.
    #[arg(long, value_name = "GEOJSON", conflicts_with = "level")]
    pub units: Option<PathBuf>,
    /// "Data as of" date (default: the newest event).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Half-life of the time decay, days.
    #[arg(long, default_value_t = 90.0, value_name = "DAYS")]
    pub half_life: f64,
    /// Window counted back from the as-of date, days.
    #[arg(long, default_value_t = 365, value_name = "DAYS")]
    pub window: i32,
    /// Which fatality claims count: low, best or high.
    #[arg(long, default_value = "best", value_parser = super::parse_scenario)]
    pub scenario: Scenario,
    /// csv (with a header) or json (one object per line).
    #[arg(long, default_value = "csv")]
    pub format: String,
    /// Print the compute time as JSON on stderr.
    #[arg(long, hide = true)]
    pub timing: bool,
}

fn ms(t: Instant) -> f64 {
    (t.elapsed().as_secs_f64() * 1e4).round() / 10.0
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    if !matches!(args.format.as_str(), "csv" | "json") {
        bail!("--format: \"{}\" is not csv or json", args.format);
    }
    let level = match &args.units {
        Some(path) => UnitLevel::Custom(path.clone()),
        None => UnitLevel::parse(&args.level).map_err(|e| anyhow::anyhow!("--level: {e}"))?,
    };
    if !(args.half_life.is_finite() && args.half_life > 0.0) {
        bail!(
            "--half-life: {} is not a positive number of days",
            args.half_life
        );
    }
    if args.window < 1 {
        bail!("--window: {} is not a positive number of days", args.window);
    }
    let as_of = super::parse_as_of(args.as_of.as_deref())?;
    let geo = GeoData::load(GeoData::default_override_dir().as_deref());
    let incidents = match &args.file {
        Some(f) => import_path(f, &|_, _| {}, &AtomicBool::new(false))?.incidents,
        None => sahel_risk::sample::sample(&sahel_risk::sample::gazetteer_towns(&geo)),
    };
    let columns = IncidentColumns::new(&incidents);
    drop(incidents);
    let started = Instant::now();
    let units = unit_set(&geo, &level)?;
    let units_ms = ms(started);
    let as_of_day = match as_of {
        Some(d) => day_number(d),
        // No events: nothing is in any window, every unit scores 0.
        None => columns.date_max.map_or(1, day_number),
    };
    let params = RiskParams {
        half_life_days: args.half_life,
        window_days: args.window,
        ..RiskParams::for_units(&units, as_of_day)
    };
    let scenario = sahel_risk::analysis::columns::scenario_index(args.scenario);
    let events = risk_events(&columns, scenario, None);
    let t = Instant::now();
    let (cancel, progress) = (AtomicBool::new(false), AtomicU32::new(0));
    let assignment = assign(
        &units,
        &events,
        params.diffusion_resolution,
        &cancel,
        &progress,
    )?;
    let assign_ms = ms(t);
    let t = Instant::now();
    let table = score(&assignment, &events, &params)?;
    let score_ms = ms(t);
    if args.timing {
        eprintln!(
            "{}",
            json!({"events": columns.len(), "units": units.len(), "outside": assignment.outside(),
                   "units_ms": units_ms, "assign_ms": assign_ms, "score_ms": score_ms,
                   "compute_ms": ms(started), "threads": rayon::current_num_threads()})
        );
    }
    if assignment.outside() > 0 {
        eprintln!(
            "note: {} of {} events lie outside every unit ({}); {} of them in the scored \
             window; they are not scored",
            assignment.outside(),
            columns.len(),
            level.label(),
            table.outside
        );
    }
    match print_table(&units, &table, args.format == "json") {
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
