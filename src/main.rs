//! Command line: no subcommand opens the window; subcommands run headless and print.

mod cli;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use sahel_risk::geodata::GeoData;
use sahel_risk::ui::{Incidents, SahelApp};

/// Sahel Risk Map: an offline map of conflict incidents in the Sahel and coastal West Africa.
#[derive(Debug, Parser)]
#[command(
    name = "sahel-risk",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Incident files to open (ACLED CSV or API JSON, UCDP GED CSV, GeoJSON, saved sessions).
    /// Without any, the window opens on the bundled synthetic sample.
    files: Vec<PathBuf>,

    /// Read geodata files from this folder instead of the embedded copy (default: ./geodata
    /// when it exists). A missing or broken file falls back to the embedded one, with a notice.
    #[arg(long, value_name = "DIR")]
    geodata: Option<PathBuf>,

    /// Print the time from launch to the first painted frame, then exit (for benchmarks).
    #[arg(long, hide = true)]
    exit_after_first_frame: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import incident files and print what was read (format, rows, events, merged, rejected,
    /// fatalities, dates, warnings, errors with line and field).
    Inspect {
        /// ACLED CSV or API JSON, UCDP GED CSV, GeoJSON, or a Sahel Risk Map save file.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON object per line and per file.
        #[arg(long)]
        json: bool,
    },
    /// Distance to the sea and signed distance to the coastal states' northern borders, per
    /// incident, with the border bands and the southward frontier. Without FILE: the sample.
    Coast {
        /// Incident files, merged (without any: the sample).
        files: Vec<PathBuf>,
        /// One point instead of a file: LAT,LON.
        #[arg(long, value_name = "LAT,LON", conflicts_with = "files")]
        point: Option<String>,
        /// Benchmark: a CSV of lon,lat points; prints the count and time only.
        #[arg(long, value_name = "CSV", conflicts_with_all = ["files", "point"])]
        points: Option<PathBuf>,
        #[command(flatten)]
        events: cli::input::EventArgs,
        /// Compact JSON (one line).
        #[arg(long)]
        json: bool,
        /// Accepted for the benchmark script; `--points` always prints a summary.
        #[arg(long, hide = true)]
        json_summary: bool,
        /// Measure border_km to the coastal states' whole land border (also Guinea, Liberia,
        /// Nigeria) instead of their border with Mali, Burkina Faso and Niger.
        #[arg(long)]
        whole_land_border: bool,
    },
    /// Cluster the incidents at every zoom 0..=MAX_ZOOM and print the clusters per zoom (single
    /// events count as clusters of one) and the build time. Without FILE: the sample.
    Clusters {
        /// Incident files, merged (without any: the sample).
        files: Vec<PathBuf>,
        /// Which dataset to cluster, acled or ucdp (default: the one with the most events).
        #[arg(long, value_name = "acled|ucdp", value_parser = sahel_risk::analysis::event_set::parse_dataset)]
        dataset: Option<sahel_risk::model::Dataset>,
        /// Cluster radius in screen pixels.
        #[arg(long, default_value_t = 60.0, value_name = "PX")]
        radius: f64,
        /// Deepest zoom with clusters (0..=30).
        #[arg(long, default_value_t = 16, value_name = "Z")]
        max_zoom: u8,
        /// Tile extent in pixels the radius is relative to.
        #[arg(long, default_value_t = 512.0, value_name = "PX")]
        extent: f64,
        /// Benchmark: a CSV of lon,lat points instead of an incident file.
        #[arg(long, value_name = "CSV", conflicts_with = "files")]
        points: Option<PathBuf>,
        /// One JSON object: {"events", "build_ms", "zooms": [{"zoom", "clusters"}...]}.
        #[arg(long)]
        json: bool,
        /// Benchmark: build N times in this process and report the fastest as build_ms (as the
        /// supercluster side of bench/cluster_vs_supercluster.sh does).
        #[arg(long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
        reps: u32,
        /// Benchmark: write N synthetic Sahel-like points to OUT as lon,lat CSV, then exit.
        #[arg(long, num_args = 2, value_names = ["N", "OUT"], hide = true)]
        write_synthetic: Option<Vec<String>>,
        /// Benchmark: write the events' positions (FILE's, or the sample's) to OUT as lon,lat CSV,
        /// then exit.
        #[arg(long, value_name = "OUT", hide = true, conflicts_with = "points")]
        write_points: Option<PathBuf>,
    },
    /// Write a briefing PNG (title, legend, scale bar, north arrow, attribution) without a
    /// window or GPU. Without FILE: the sample.
    Export(Box<ExportArgs>),
    /// Risk score of every unit (highest first): events, fatalities, the five components
    /// (intensity, deadliness, civilians, diffusion, fragmentation), score 0-100, class 1-5.
    /// Units with no events are listed too. Without FILE: the sample. Method: docs/risk.md.
    Risk(cli::risk::Args),
    /// Measure the risk score's forecast skill at past origins against naive forecasts (the
    /// events of the last 90 and 365 days): AUC and the share of the next events caught by the
    /// top 10 and top 50 units.
    Backtest(cli::backtest::Args),
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// Incident files (without any: the bundled sample).
    files: Vec<PathBuf>,
    /// The PNG to write.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Size in pixels, e.g. 1600x900.
    #[arg(long, value_name = "WxH", conflicts_with = "preset")]
    size: Option<String>,
    /// screen-1x, screen-2x, hd, a4-150, a4-300 (3508x2480 at 300 dpi), a3-300.
    #[arg(long, value_name = "NAME")]
    preset: Option<String>,
    /// Dots per inch (text and lines keep their printed size; default 96, or the preset's).
    #[arg(long, value_name = "N")]
    dpi: Option<f32>,
    /// The box to show: LON_MIN,LAT_MIN,LON_MAX,LAT_MAX.
    #[arg(
        long,
        value_name = "BOX",
        conflicts_with = "region",
        allow_hyphen_values = true
    )]
    view: Option<String>,
    /// A region or place from the gazetteer (e.g. "Sahel" region of Burkina Faso, "Kayes").
    #[arg(long, value_name = "NAME")]
    region: Option<String>,
    /// Comma-separated: incidents|clusters|markers, risk, exposure (coastal exposure), coast,
    /// border-bands, frontier, and
    /// basemap layers places, admin1, provinces, rivers, lakes, countries, coastline.
    #[arg(long, value_name = "LIST")]
    layers: Option<String>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    subtitle: Option<String>,
    /// A handling marking printed at the top and bottom (e.g. "UNCLASSIFIED // FOR BRIEFING").
    #[arg(long)]
    marking: Option<String>,
    /// Data as of this date: later incidents are left out; the risk score counts back from it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
}

fn main() -> std::process::ExitCode {
    sahel_risk::allocator::keep_freed_memory();
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // One line, the whole chain: "--point: longitude "abc" is not a number: invalid float literal".
            eprintln!("error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<()> {
    let started = Instant::now();
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        let code = match command {
            Command::Inspect { files, json } => cli::inspect::run(&files, json)?,
            Command::Coast {
                files,
                point,
                points,
                events,
                json,
                json_summary: _,
                whole_land_border,
            } => cli::coast::run(cli::coast::Args {
                files,
                point,
                points,
                events,
                json,
                whole_land_border,
            })?,
            Command::Clusters {
                files,
                dataset,
                radius,
                max_zoom,
                extent,
                points,
                json,
                reps,
                write_synthetic,
                write_points,
            } => cli::clusters::run(cli::clusters::Args {
                files,
                dataset,
                points,
                radius,
                max_zoom,
                extent,
                json,
                reps,
                write_points,
                write_synthetic: write_synthetic
                    .map(|v| -> anyhow::Result<_> {
                        let n = v[0].parse().with_context(|| {
                            format!("--write-synthetic: \"{}\" is not a number of points", v[0])
                        })?;
                        Ok((n, PathBuf::from(&v[1])))
                    })
                    .transpose()?,
            })?,
            Command::Export(a) => {
                let a = *a;
                cli::export::run(cli::export::Args {
                    files: a.files,
                    out: a.out,
                    size: a.size,
                    preset: a.preset,
                    dpi: a.dpi,
                    view: a.view,
                    region: a.region,
                    layers: a.layers,
                    title: a.title,
                    subtitle: a.subtitle,
                    marking: a.marking,
                    as_of: a.as_of,
                })?
            }
            Command::Risk(args) => cli::risk::run(args)?,
            Command::Backtest(args) => cli::backtest::run(args)?,
        };
        std::process::exit(code);
    }
    let dir = cli.geodata.clone().or_else(GeoData::default_override_dir);
    let geo = GeoData::load(dir.as_deref());
    for notice in &geo.notices {
        eprintln!("warning: {notice}");
    }
    let geo = Arc::new(geo);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Sahel Risk Map")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    let exit_after_first_frame = cli.exit_after_first_frame;
    let files = cli.files.clone();
    eframe::run_native(
        "Sahel Risk Map",
        options,
        Box::new(move |cc| {
            let mut app = if files.is_empty() {
                let towns = sahel_risk::sample::gazetteer_towns(&geo);
                let incidents = Incidents::with_sample(sahel_risk::sample::sample(&towns));
                SahelApp::with_incidents(geo, incidents)
            } else {
                SahelApp::new(geo)
            };
            app.open_files(files, &cc.egui_ctx);
            app.started = started;
            app.exit_after_first_frame = exit_after_first_frame;
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
    .context("could not open the window (is a display available?)")
}
