//! `sahel-risk coast`: distances to the sea and to the coastal states' northern borders.
//!
//! Contract: `coast [FILE] --json` prints one JSON object
//! `{"events": [{"id", "coast_km", "border_km"}...], "bands": [{"band_km", "last_12m", "prior_12m"}...],
//! "frontier": [{"quarter", "min_coast_km", "median_coast_km"}...]}`; `coast --point LAT,LON --json`
//! prints `{"coast_km", "border_km"}`. Without FILE it uses the bundled sample. Bands and frontier
//! count jihadist-attributed incidents only; the 12-month windows end at the newest event.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use sahel_risk::analysis::IncidentColumns;
use sahel_risk::analysis::coast::{
    CoastDistances, CoastReadout, DEFAULT_BANDS_KM, indexes_for, quarter_label,
};
use sahel_risk::geodata::GeoData;
use serde_json::json;

pub struct Args {
    pub files: Vec<PathBuf>,
    pub events: super::input::EventArgs,
    pub point: Option<String>,
    pub points: Option<PathBuf>,
    pub json: bool,
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
    let (sea, border) = indexes_for(&geo);
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
        let out = json!({"coast_km": round1(sea.distance_km(lon, lat)), "border_km": round1(border.signed_km(lon, lat))});
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
        .zip(distances.coast_km.iter().zip(&distances.border_km))
        .map(|(i, (c, b))| json!({"id": &*i.id, "coast_km": round1(*c), "border_km": round1(*b)}))
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
            json!({"quarter": format!("{y}Q{n}"), "min_coast_km": round1(q.min_km), "median_coast_km": round1(q.median_km)})
        })
        .collect();
    let out = json!({"events": events, "bands": bands, "frontier": frontier});
    if args.json {
        println!("{out}");
    } else {
        println!("{}", serde_json::to_string_pretty(&out)?);
    }
    Ok(0)
}
