//! `sahel-risk clusters`: build the cluster hierarchy and print the clusters per zoom.
//!
//! Contract: `clusters FILE --radius PX --max-zoom Z --json` prints one JSON object
//! `{"events": N, "build_ms": N, "zooms": [{"zoom": 0, "clusters": N}, ...]}` for zooms 0..=Z,
//! single events counting as clusters of one. Defaults: radius 60, max zoom 16, extent 512.
//! Without FILE it clusters the bundled sample. `--points CSV` reads plain `lon,lat` lines
//! instead (what `bench/cluster_vs_supercluster.sh` gives both sides), `--write-synthetic N
//! OUT` writes such a file of synthetic Sahel-like points, and `--write-points OUT` one of the
//! events' positions.

use std::path::PathBuf;

use anyhow::{Context, bail};
use sahel_risk::analysis::cluster::{
    BENCH_SEED, ClusterOptions, ClusterReport, parse_lon_lat_csv, synthetic_sahel_points,
    write_lon_lat_csv,
};
use sahel_risk::analysis::event_set::EventTypes;
use sahel_risk::geodata::GeoData;

pub struct Args {
    pub files: Vec<PathBuf>,
    pub dataset: Option<sahel_risk::model::Dataset>,
    pub points: Option<PathBuf>,
    pub radius: f64,
    pub max_zoom: u8,
    pub extent: f64,
    pub json: bool,
    /// Builds to time; the fastest is reported.
    pub reps: u32,
    pub write_synthetic: Option<(usize, PathBuf)>,
    pub write_points: Option<PathBuf>,
}

fn options(args: &Args) -> anyhow::Result<ClusterOptions> {
    if !(args.radius.is_finite() && args.radius > 0.0) {
        bail!(
            "--radius: {} is not a positive number of pixels",
            args.radius
        );
    }
    if !(args.extent.is_finite() && args.extent > 0.0) {
        bail!(
            "--extent: {} is not a positive number of pixels",
            args.extent
        );
    }
    if args.max_zoom > 30 {
        bail!(
            "--max-zoom: {} is above 30, the deepest zoom a cluster id can hold",
            args.max_zoom
        );
    }
    Ok(ClusterOptions {
        radius: args.radius,
        extent: args.extent,
        max_zoom: args.max_zoom,
        ..ClusterOptions::default()
    })
}

fn points(args: &Args) -> anyhow::Result<Vec<[f64; 2]>> {
    if let Some(csv) = &args.points {
        let text = std::fs::read_to_string(csv)
            .with_context(|| format!("{}: cannot read", csv.display()))?;
        return parse_lon_lat_csv(&text).map_err(|e| anyhow::anyhow!("{}: {e}", csv.display()));
    }
    let geo = GeoData::load(GeoData::default_override_dir().as_deref());
    let incidents = super::input::load(&args.files, &geo)?;
    let columns = sahel_risk::analysis::IncidentColumns::new(&incidents);
    let chosen = super::input::choose("clusters", &columns, args.dataset, EventTypes::All);
    Ok(chosen
        .indices
        .iter()
        .map(|&i| [columns.lon[i as usize], columns.lat[i as usize]])
        .collect())
}

/// Writes `pts` to `out` as `lon,lat` CSV and says so on stderr (`what` they are).
fn write_points(out: &std::path::Path, pts: &[[f64; 2]], what: &str) -> anyhow::Result<()> {
    std::fs::write(out, write_lon_lat_csv(pts))
        .with_context(|| format!("{}: cannot write", out.display()))?;
    eprintln!("wrote {} {what} to {}", pts.len(), out.display());
    Ok(())
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let options = options(&args)?;
    if let Some((n, out)) = &args.write_synthetic {
        let pts = synthetic_sahel_points(*n, BENCH_SEED);
        write_points(out, &pts, "synthetic points")?;
        return Ok(0);
    }
    let pts = points(&args)?;
    if let Some(out) = &args.write_points {
        write_points(out, &pts, "event positions")?;
        return Ok(0);
    }
    let report = ClusterReport::measure(&pts, &options, args.reps);
    if args.json {
        println!("{}", report.to_json());
    } else {
        println!(
            "{} events clustered in {:.1} ms (radius {} px, extent {} px)",
            report.events, report.build_ms, options.radius, options.extent
        );
        println!("zoom  clusters");
        for (z, n) in &report.zooms {
            println!("{z:>4}  {n:>8}");
        }
    }
    Ok(0)
}
