//! `sahel-risk coast`: distances to the sea and to the coastal states' northern borders.
//!
//! Contract: `coast [FILE] [--whole-land-border] --json` prints one JSON object
//! `{"border", "events": [{"id", "coast_km", "border_km", "country_mismatch"}...],
//! "bands": [{"band_km", "last_12m", "prior_12m"}...], "inside": {"last_12m", "prior_12m"},
//! "jihadist", "unidentified", "country_mismatch", "country_mismatch_jihadist",
//! "country_mismatch_ids": [...],
//! "frontier": [{"quarter", "min_coast_km", "median_coast_km", "p10_coast_km", "n_behind_p10",
//! "events", "unidentified"}...]}`;
//! `coast --point LAT,LON [--whole-land-border] --json` prints `{"coast_km", "border_km", "border"}`.
//! Without FILE it uses the bundled sample.
//!
//! * `border`: what `border_km` is measured to, `"sahel"` (default: the border of Benin, Togo,
//!   Ghana and Côte d'Ivoire with Mali, Burkina Faso and Niger) or `"whole_land_border"`
//!   (`--whole-land-border`: also Guinea, Liberia, Nigeria; the measure before issue 15).
//!   `border_km` is negative inside the coastal states, positive outside (also in Nigeria or
//!   Guinea).
//! * `bands`, `inside`: jihadist-attributed incidents, the 12-month windows ending at the newest
//!   event. Bands count incidents in Mali, Burkina Faso and Niger within `band_km` of the border
//!   (`"whole_land_border"`: in any non-coastal country). An incident counts in its dataset's
//!   country, else in the polygon it falls in.
//! * `country_mismatch`: incidents whose dataset country differs from the polygon they fall in
//!   (`_jihadist`: of them jihadist-attributed; `_ids`: the first 20 ids); per event as a bool.
//! * `frontier`, per quarter with jihadist-attributed incidents: `events` of them; their
//!   distance to the sea: `min_coast_km` (one event), `p10_coast_km` (10th percentile by nearest
//!   rank: the value at rank ceil(0.1 · events)), `n_behind_p10` (events at or below it),
//!   `median_coast_km`; `unidentified`: incidents of unidentified armed groups that quarter,
//!   counted beside `events`, not in them.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use sahel_risk::analysis::IncidentColumns;
use sahel_risk::analysis::coast::{
    BorderKind, CoastDistances, CoastReadout, DEFAULT_BANDS_KM, indexes_for_kind, quarter_label,
};
use sahel_risk::geodata::GeoData;
use serde_json::json;

pub struct Args {
    pub files: Vec<PathBuf>,
    pub events: super::input::EventArgs,
    pub point: Option<String>,
    pub points: Option<PathBuf>,
    pub json: bool,
    /// Measure to the coastal states' whole land border instead of the Sahel border.
    pub whole_land_border: bool,
}

fn round1(v: f64) -> serde_json::Value {
    if v.is_finite() {
        json!((v * 10.0).round() / 10.0)
    } else {
        serde_json::Value::Null
    }
}

/// "12.6,-7.98" -> (lon, lat), with a message naming the field when it is wrong.
fn parse_point(s: &str) -> anyhow::Result<(f64, f64)> {
    let (lat, lon) = s
        .split_once(',')
        .context("--point: expected LAT,LON (e.g. 12.61,-7.98)")?;
    let lat: f64 = lat
        .trim()
        .parse()
        .with_context(|| format!("--point: latitude \"{lat}\" is not a number"))?;
    let lon: f64 = lon
        .trim()
        .parse()
        .with_context(|| format!("--point: longitude \"{lon}\" is not a number"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        bail!("--point: {lat},{lon} is not a valid latitude,longitude");
    }
    Ok((lon, lat))
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let geo = GeoData::load(GeoData::default_override_dir().as_deref());
    let kind = if args.whole_land_border {
        BorderKind::WholeLandBorder
    } else {
        BorderKind::Sahel
    };
    let (sea, border) = indexes_for_kind(&geo, kind);
    if let Some(points) = &args.points {
        // Benchmark mode: distances for a CSV of lon,lat points; prints a timing summary.
        let text = std::fs::read_to_string(points)
            .with_context(|| format!("{}: cannot read", points.display()))?;
        let pts: Vec<[f64; 2]> = text
            .lines()
            .filter_map(|l| {
                let (a, b) = l.split_once(',')?;
                Some([a.trim().parse().ok()?, b.trim().parse().ok()?])
            })
            .collect();
        let t = Instant::now();
        let d = sea.distance_km_many(&pts);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let finite = d.iter().filter(|v| v.is_finite()).count();
        println!(
            "{}",
            json!({"points": pts.len(), "finite": finite, "ms": ms, "threads": rayon::current_num_threads()})
        );
        return Ok(0);
    }
    if let Some(p) = &args.point {
        let (lon, lat) = parse_point(p)?;
        let out = json!({
            "coast_km": round1(sea.distance_km(lon, lat)),
            "border_km": round1(border.signed_km(lon, lat)),
            "border": kind.key(),
        });
        println!("{out}");
        return Ok(0);
    }
    let incidents = super::input::load(&args.files, &geo)?;
    let columns = IncidentColumns::new(&incidents);
    let chosen = super::input::choose("coast", &columns, args.events.dataset, args.events.types());
    let distances = CoastDistances::compute(&columns, &sea, &border);
    let readout = CoastReadout::compute(
        &columns,
        &distances,
        &chosen.indices,
        &DEFAULT_BANDS_KM,
        0.5,
    );
    // Distances of every incident (geometry, not a count: no dataset rule applies).
    let events: Vec<_> = incidents
        .iter()
        .enumerate()
        .map(|(k, i)| {
            json!({
                "id": &*i.id,
                "coast_km": round1(distances.coast_km[k]),
                "border_km": round1(distances.border_km[k]),
                "country_mismatch": distances.mismatch[k],
            })
        })
        .collect();
    let bands: Vec<_> = readout
        .bands
        .iter()
        .map(|b| json!({"band_km": b.band_km, "last_12m": b.last_12m, "prior_12m": b.prior_12m}))
        .collect();
    let frontier: Vec<_> = readout
        .quarters
        .iter()
        .map(|q| {
            let (y, n) = quarter_label(q.quarter);
            json!({
                "quarter": format!("{y}Q{n}"),
                "min_coast_km": round1(q.min_km),
                "median_coast_km": round1(q.median_km),
                "p10_coast_km": round1(q.p10_km),
                "n_behind_p10": q.n_behind_p10,
                "events": q.n,
                "unidentified": q.unidentified,
            })
        })
        .collect();
    let mismatch_ids: Vec<&str> = readout
        .mismatch_examples
        .iter()
        .map(|&k| &*incidents[k].id)
        .collect();
    let out = json!({
        "border": kind.key(),
        "events": events,
        "bands": bands,
        "inside": {"last_12m": readout.inside.0, "prior_12m": readout.inside.1},
        "jihadist": readout.jihadist,
        "unidentified": readout.unidentified,
        "country_mismatch": readout.country_mismatch,
        "country_mismatch_jihadist": readout.country_mismatch_jihadist,
        "country_mismatch_ids": mismatch_ids,
        "frontier": frontier,
    });
    if args.json {
        println!("{out}");
    } else {
        println!("{}", serde_json::to_string_pretty(&out)?);
    }
    Ok(0)
}
