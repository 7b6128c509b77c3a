//! `sahel-risk export`: a briefing PNG without a window or a GPU.
//!
//! Contract: `export [FILE...] --out map.png (--size WxH | --preset NAME) [--dpi N]
//! (--view LON_MIN,LAT_MIN,LON_MAX,LAT_MAX | --region NAME) [--layers risk,clusters,coast,...]
//! [--title TEXT] [--as-of YYYY-MM-DD]`. Without FILE it uses the bundled sample. A size beyond
//! what the renderer can draw is refused before starting, naming the largest that works; a bad
//! view, unknown region or layer is a clear error; a blank or partial image is never saved.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, bail};
use sahel_risk::export::{ExportSpec, export_png, parse_size, preset};
use sahel_risk::geodata::GeoData;
use sahel_risk::ui::{Incidents, SahelApp};

pub struct Args {
    pub files: Vec<PathBuf>,
    pub out: PathBuf,
    pub size: Option<String>,
    pub preset: Option<String>,
    pub dpi: Option<f32>,
    pub view: Option<String>,
    pub region: Option<String>,
    pub layers: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub marking: Option<String>,
    pub as_of: Option<String>,
}

/// The thematic layer names `--layers` takes (basemap layer names: [`BASEMAP_LAYERS`]).
pub const THEMATIC_LAYERS: [&str; 8] = [
    "incidents",
    "clusters",
    "markers",
    "risk",
    "exposure",
    "coast",
    "border-bands",
    "frontier",
];

/// The basemap layer names: when `--layers` names any of them, the others are off.
pub const BASEMAP_LAYERS: [&str; 7] = [
    "places",
    "admin1",
    "provinces",
    "rivers",
    "lakes",
    "countries",
    "coastline",
];

fn parse_view(s: &str) -> anyhow::Result<[f64; 4]> {
    let v: Vec<f64> = s
        .split(',')
        .map(|x| {
            x.trim()
                .parse::<f64>()
                .with_context(|| format!("--view: \"{x}\" is not a number"))
        })
        .collect::<anyhow::Result<_>>()?;
    let [a, b, c, d] = v[..] else {
        bail!(
            "--view: expected LON_MIN,LAT_MIN,LON_MAX,LAT_MAX (4 numbers), got {}",
            v.len()
        );
    };
    if !(-180.0..=180.0).contains(&a) || !(-180.0..=180.0).contains(&c) {
        bail!("--view: longitudes must be within -180..180");
    }
    if !(-85.0..=85.0).contains(&b) || !(-85.0..=85.0).contains(&d) {
        bail!("--view: latitudes must be within -85..85 (Web Mercator)");
    }
    if a >= c || b >= d {
        bail!("--view: LON_MIN must be below LON_MAX and LAT_MIN below LAT_MAX");
    }
    Ok([a, b, c, d])
}

fn region_view(geo: &GeoData, name: &str) -> anyhow::Result<([f64; 4], String)> {
    let hits = geo.search(name, 5);
    let Some(hit) = hits.first() else {
        bail!("--region: no region or place called \"{name}\" in the gazetteer");
    };
    let bbox = hit
        .bbox
        .unwrap_or([hit.lon - 1.5, hit.lat - 1.0, hit.lon + 1.5, hit.lat + 1.0]);
    // Some room around the region.
    let (dx, dy) = ((bbox[2] - bbox[0]) * 0.08, (bbox[3] - bbox[1]) * 0.08);
    Ok((
        [bbox[0] - dx, bbox[1] - dy, bbox[2] + dx, bbox[3] + dy],
        format!("{} ({})", hit.name, hit.detail),
    ))
}

fn apply_layers(app: &mut SahelApp, list: &str) -> anyhow::Result<Vec<String>> {
    let names: Vec<String> = list
        .split(',')
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect();
    let known = |n: &str| THEMATIC_LAYERS.contains(&n) || BASEMAP_LAYERS.contains(&n);
    if let Some(n) = names.iter().find(|n| !known(n)) {
        bail!(
            "--layers: unknown layer \"{n}\" (known: {}, {})",
            THEMATIC_LAYERS.join(", "),
            BASEMAP_LAYERS.join(", ")
        );
    }
    let on = |n: &str| names.iter().any(|x| x == n);
    app.show_incidents = on("incidents") || on("clusters") || on("markers");
    app.cluster_ui.enabled = !on("markers");
    app.risk_ui.show = on("risk") || on("exposure");
    app.risk_ui.coastal = on("exposure");
    app.coast_ui.show_sea_bands = on("coast");
    app.coast_ui.show_border_bands = on("border-bands");
    app.coast_ui.show_frontier = on("frontier");
    // Basemap layers keep their defaults unless the list names some of them.
    if BASEMAP_LAYERS.iter().any(|b| on(b)) {
        let l = &mut app.layers;
        let flags = [
            &mut l.places,
            &mut l.admin1,
            &mut l.provinces,
            &mut l.rivers,
            &mut l.lakes,
            &mut l.countries,
            &mut l.coastline,
        ];
        for (name, flag) in BASEMAP_LAYERS.iter().zip(flags) {
            *flag = on(name);
        }
    }
    Ok(names)
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let (w, h, default_dpi) = match (&args.size, &args.preset) {
        (Some(s), None) => {
            let (w, h) = parse_size(s).map_err(|e| anyhow::anyhow!("--size: {e}"))?;
            (w, h, 96.0)
        }
        (None, Some(p)) => {
            let p = preset(p).with_context(|| {
                format!(
                    "--preset: unknown preset \"{p}\" (known: {})",
                    sahel_risk::export::PRESETS.map(|p| p.name).join(", ")
                )
            })?;
            (p.width, p.height, p.dpi)
        }
        _ => bail!("give exactly one of --size WxH or --preset NAME"),
    };
    let dpi = args.dpi.unwrap_or(default_dpi);
    if !(dpi.is_finite() && (24.0..=1200.0).contains(&dpi)) {
        bail!("--dpi: {dpi} is outside 24..1200");
    }
    let as_of = super::parse_as_of(args.as_of.as_deref())?;
    let geo = Arc::new(GeoData::load(GeoData::default_override_dir().as_deref()));
    let (view, place) = match (&args.view, &args.region) {
        (Some(v), None) => (parse_view(v)?, None),
        (None, Some(r)) => {
            let (v, name) = region_view(&geo, r)?;
            (v, Some(name))
        }
        (None, None) => (sahel_risk::ui::camera::HOME_BOX, None),
        _ => bail!("give --view or --region, not both"),
    };
    let mut app = if args.files.is_empty() {
        let towns = sahel_risk::sample::gazetteer_towns(&geo);
        SahelApp::with_incidents(
            geo.clone(),
            Incidents::with_sample(sahel_risk::sample::sample(&towns)),
        )
    } else {
        let mut app = SahelApp::new(geo.clone());
        app.open_files(args.files.clone(), &egui::Context::default());
        app.finish_import_blocking();
        for m in &app.messages {
            eprintln!("{m}");
        }
        if app.incidents.store.is_empty() {
            bail!("none of the files could be read as incident data");
        }
        app
    };
    let layers = apply_layers(&mut app, args.layers.as_deref().unwrap_or("clusters"))?;
    if let Some(d) = as_of {
        app.incidents.filter.date_to = Some(d);
        app.incidents.refilter();
        app.risk.settings.as_of = Some(d);
    }
    if app.show_incidents && app.cluster_ui.enabled {
        app.clusters.sync(&app.incidents, || {});
        app.clusters.finish_blocking();
    }
    if app.risk_ui.show {
        app.risk.finish_blocking(&geo, &app.incidents);
        if let Some(e) = &app.risk.error {
            bail!("risk: {e}");
        }
    }
    if app.coast_ui.any_layer() || app.risk_ui.coastal {
        app.coast.finish_blocking(&geo, &app.incidents);
    }
    let title = args.title.clone().unwrap_or_else(|| match &place {
        Some(p) => format!("Conflict incidents: {p}"),
        None => "Conflict incidents in the Sahel and coastal West Africa".into(),
    });
    let subtitle = args.subtitle.clone().unwrap_or_else(|| {
        format!(
            "{} · layers: {}",
            sahel_risk::ui::totals_text(&app.incidents),
            layers.join(", ")
        )
    });
    let spec = ExportSpec {
        size: [w, h],
        dpi,
        view,
        title,
        subtitle,
        marking: args.marking.clone(),
    };
    let report = export_png(&mut app, &spec, &args.out)?;
    println!(
        "wrote {}: {}x{} px at {} dpi, scale bar {} km = {:.0} px at {:.2}°N, {:.0} ms",
        args.out.display(),
        w,
        h,
        dpi,
        report.scale_bar_m / 1000.0,
        report.scale_bar_px,
        report.centre.1,
        report.total_ms
    );
    Ok(0)
}
