//! `sahel-risk backtest`: the risk score's forecast skill against naive forecasts.
//!
//! Contract: `backtest [FILE...] --level admin1|province|h3:RES --horizon 90 --from DATE --to
//! DATE --step 90 --format json|csv` (plus the `risk` method flags: `--half-life`, `--window`,
//! `--scenario`, `--dataset`, `--include-demonstrations`, `--units`). For every origin date
//! from `--from` to `--to` every `--step` days, the score as of that date is compared with the
//! events of the next `--horizon` days. CSV: one row per origin and a last row `mean`, columns
//! `origin, units, positives, horizon_events`, then `auc_<method>`, `top10_<method>`,
//! `top50_<method>` for the methods `score`, `last_90_days`, `last_365_days`, then
//! `coverage_80`. JSON: one object `{"settings": {...}, "origins": [...], "mean": {...}}` with
//! the same keys. Defaults: from one year after the first event, to one horizon before the
//! last. Measures that cannot be computed (no unit with an event) are empty in CSV, null in
//! JSON.

use std::time::Instant;

use anyhow::bail;
use sahel_risk::analysis::columns::{date_from_day, day_number};
use sahel_risk::analysis::risk::{
    CAPTURE_K, METHODS, OriginSkill, SkillSummary, assign, backtest, origins, summarise,
};
use serde_json::{Map, Value, json};
use std::sync::atomic::{AtomicBool, AtomicU32};

use super::risk::{Method, ms, prepare};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub method: Method,
    /// First origin (default: one year after the first event).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Last origin (default: one horizon before the last event).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    /// Days between origins.
    #[arg(long, default_value_t = 90, value_name = "DAYS")]
    pub step: i32,
    /// json (one object) or csv (one row per origin and a mean row).
    #[arg(long, default_value = "json")]
    pub format: String,
}

fn date(flag: &str, s: Option<&str>) -> anyhow::Result<Option<i32>> {
    s.map(|s| {
        chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(day_number)
            .map_err(|_| anyhow::anyhow!("{flag}: \"{s}\" is not a date like 2025-06-30"))
    })
    .transpose()
}

fn num(v: f64, digits: i32) -> Value {
    if v.is_finite() {
        let f = 10f64.powi(digits);
        json!((v * f).round() / f)
    } else {
        Value::Null
    }
}

/// The measures of one origin (or of the mean) under their column names.
fn measures(auc: &[f64; 3], capture: &[[f64; 3]; 2], coverage: f64) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (m, name) in METHODS.iter().enumerate() {
        out.push((format!("auc_{name}"), num(auc[m], 4)));
    }
    for (k, kk) in CAPTURE_K.iter().enumerate() {
        for (m, name) in METHODS.iter().enumerate() {
            out.push((format!("top{kk}_{name}"), num(capture[k][m], 4)));
        }
    }
    out.push(("coverage_80".into(), num(coverage, 4)));
    out
}

fn origin_row(s: &OriginSkill) -> Vec<(String, Value)> {
    let mut row = vec![
        (
            "origin".to_string(),
            json!(date_from_day(s.origin_day).to_string()),
        ),
        ("units".into(), json!(s.units)),
        ("positives".into(), json!(s.positives)),
        ("horizon_events".into(), json!(s.horizon_events)),
    ];
    row.extend(measures(&s.auc, &s.capture, s.coverage));
    row
}

fn mean_row(s: &SkillSummary) -> Vec<(String, Value)> {
    let mut row = vec![
        ("origin".to_string(), json!("mean")),
        ("units".into(), Value::Null),
        ("positives".into(), Value::Null),
        ("horizon_events".into(), Value::Null),
    ];
    row.extend(measures(&s.auc, &s.capture, s.coverage));
    row
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    if !matches!(args.format.as_str(), "csv" | "json") {
        bail!("--format: \"{}\" is not csv or json", args.format);
    }
    if args.step < 1 {
        bail!("--step: {} is not a positive number of days", args.step);
    }
    let (from, to) = (
        date("--from", args.from.as_deref())?,
        date("--to", args.to.as_deref())?,
    );
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        bail!(
            "--from {} is after --to {}",
            date_from_day(f),
            date_from_day(t)
        );
    }
    let p = prepare("backtest", &args.method, None)?;
    let events = p.events();
    let (Some(first), Some(last)) = (p.columns.date_min, p.columns.date_max) else {
        bail!("no events to test on");
    };
    let from = from.unwrap_or(day_number(first) + 365);
    let to = to.unwrap_or(day_number(last) - p.params.horizon_days);
    if from > to {
        bail!(
            "--from {} is after --to {}: no origin to test (the data spans {first} to {last})",
            date_from_day(from),
            date_from_day(to)
        );
    }
    let dates = origins(from, to, args.step);
    let t = Instant::now();
    let (cancel, progress) = (AtomicBool::new(false), AtomicU32::new(0));
    let assignment = assign(&p.units, &events, &cancel, &progress)?;
    let skill = backtest(&assignment, &events, &p.params, &dates)?;
    let summary = summarise(&skill);
    eprintln!(
        "note: {} origins, {} units ({}), {} ms",
        dates.len(),
        p.units.len(),
        p.level.label(),
        ms(t)
    );
    let rows: Vec<Vec<(String, Value)>> = skill.iter().map(origin_row).collect();
    let mean = mean_row(&summary);
    let mut out = std::io::stdout().lock();
    let written = if args.format == "json" {
        let obj = |r: &[(String, Value)]| Value::Object(r.iter().cloned().collect::<Map<_, _>>());
        let doc = json!({
            "settings": {
                "level": p.level.label(),
                "dataset": p.selection.dataset.map(|d| d.name()),
                "event_types": args.method.events.types().label(),
                "horizon_days": p.params.horizon_days,
                "half_life_days": p.params.half_life_days,
                "window_days": p.params.window_days,
                "step_days": args.step,
            },
            "origins": rows.iter().map(|r| obj(r)).collect::<Vec<_>>(),
            "mean": obj(&mean),
        });
        use std::io::Write;
        writeln!(out, "{doc}")
    } else {
        write_csv(&rows, &mean, &mut out)
    };
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
        other => Ok(other.map(|_| 0)?),
    }
}

fn write_csv(
    rows: &[Vec<(String, Value)>],
    mean: &[(String, Value)],
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let cell = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let io = |e: csv::Error| std::io::Error::other(e.to_string());
    w.write_record(mean.iter().map(|(k, _)| k.as_str()))
        .map_err(io)?;
    for r in rows.iter().map(|r| &r[..]).chain(std::iter::once(mean)) {
        w.write_record(r.iter().map(|(_, v)| cell(v))).map_err(io)?;
    }
    w.flush()
}
