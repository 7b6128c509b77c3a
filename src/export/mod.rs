//! Briefing images: the map as the window draws it (same layers, same drawing code), rendered
//! offscreen at any size on a headless wgpu device, composed with title, legend, scale bar,
//! north arrow, attribution and markings, written as PNG with its dpi and text metadata.
//!
//! * `presets.rs`: sizes; `offscreen.rs`: the renderer; `overlay.rs`: the composition over
//!   the map; `check.rs`: refusing blank or partial images; `png_out.rs`: the file.
//! * [`render`] drives a [`crate::ui::SahelApp`] prepared for export (see
//!   `SahelApp::export_frame`): the window's own map code runs in an offscreen egui context.

mod check;
mod offscreen;
pub mod overlay;
mod png_out;
pub mod presets;

use std::path::Path;
use std::time::Instant;

pub use offscreen::{Offscreen, Rgba};
pub use png_out::{pixels_per_metre, write_png};
pub use presets::{PRESETS, Preset, parse_size, pixels_per_point, preset};

use crate::map::occupancy::Occupancy;
use crate::ui::SahelApp;

/// Bytes an export may take (the image, its copy on the device and the read-back buffer).
pub const MEMORY_BUDGET: u64 = 2 << 30;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    TooLarge(String),
    #[error("no renderer: {0}")]
    Device(String),
    #[error("the image is incomplete, nothing was saved: {0}")]
    Incomplete(String),
    #[error("{file}: cannot write: {message}")]
    File { file: String, message: String },
    #[error("PNG encoding failed: {0}")]
    Write(String),
}

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportSpec {
    pub size: [u32; 2],
    pub dpi: f32,
    /// lon_min, lat_min, lon_max, lat_max: the map shows at least this box.
    pub view: [f64; 4],
    pub title: String,
    pub subtitle: String,
    pub marking: Option<String>,
}

/// What an export did, for the caller's message and the tests.
#[derive(Debug, Clone)]
pub struct ExportReport {
    pub size: [u32; 2],
    pub dpi: f32,
    /// The scale bar: metres and its length in image pixels.
    pub scale_bar_m: f64,
    pub scale_bar_px: f64,
    /// The view's centre latitude and its zoom.
    pub centre: (f64, f64),
    pub zoom: f64,
    /// Where the scale bar's left end is, in image pixels.
    pub scale_bar_origin: (f64, f64),
    /// The furniture and the legends as placed (`map::occupancy`), named, in image pixels:
    /// `[x0, y0, x1, y1]`.
    pub layout: Vec<(&'static str, [f64; 4])>,
    /// The weight of the event markers the legends hide (0: none hidden).
    pub legend_cover: f32,
    pub render_ms: f64,
    pub total_ms: f64,
}

/// Refuse before starting what this device cannot render, naming the largest that works.
pub fn check_size(size: [u32; 2], max_side: u32) -> Result<(), ExportError> {
    let [w, h] = size;
    let bytes = u64::from(w) * u64::from(h) * 4 * 3;
    if w > max_side || h > max_side {
        let k = f64::from(max_side) / f64::from(w.max(h));
        return Err(ExportError::TooLarge(format!(
            "{w}x{h} is larger than this renderer can draw ({max_side} pixels on a side at most); \
             the largest with this shape is {}x{}",
            (f64::from(w) * k).floor(),
            (f64::from(h) * k).floor()
        )));
    }
    if bytes > MEMORY_BUDGET {
        let k = (MEMORY_BUDGET as f64 / bytes as f64).sqrt();
        return Err(ExportError::TooLarge(format!(
            "{w}x{h} needs about {} MB, over the {} MB an export may use; the largest with \
             this shape is {}x{}",
            bytes >> 20,
            MEMORY_BUDGET >> 20,
            (f64::from(w) * k).floor(),
            (f64::from(h) * k).floor()
        )));
    }
    Ok(())
}

/// Render `app`'s map for `spec` and return the pixels with the report. The app should have
/// its data ready (`finish_background_work`); it is switched to export mode for the frames.
pub fn render(
    app: &mut SahelApp,
    spec: &ExportSpec,
    device: &Offscreen,
) -> Result<(Rgba, ExportReport), ExportError> {
    let started = Instant::now();
    check_size(spec.size, device.max_side())?;
    let ppp = pixels_per_point(spec.dpi);
    let logical = egui::vec2(spec.size[0] as f32 / ppp, spec.size[1] as f32 / ppp);
    let ctx = egui::Context::default();
    app.begin_export(spec.clone(), logical);
    let input = || {
        let mut raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, logical)),
            ..Default::default()
        };
        raw.viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(ppp);
        raw
    };
    // A few frames: fonts and layer textures are made in the first ones.
    let mut output = None;
    for _ in 0..3 {
        let mut out = ctx.run_ui(input(), |ui| app.export_frame(ui));
        device.textures(&out.textures_delta);
        out.textures_delta.clear();
        output = Some(out);
    }
    let out = output.expect("three frames ran");
    let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
    let t = Instant::now();
    let image = device.render(&primitives, spec.size, out.pixels_per_point)?;
    let render_ms = t.elapsed().as_secs_f64() * 1000.0;
    let drawn = app.end_export();
    if let Some(why) = check::incomplete(&image, spec.size) {
        return Err(ExportError::Incomplete(why));
    }
    let p = f64::from(out.pixels_per_point);
    let bar = drawn.map(|d| d.bar);
    let occupancy = Occupancy::last(&ctx);
    let placed = occupancy.as_ref().map_or(&[][..], |o| o.furniture());
    let layout = placed
        .iter()
        .map(|(name, r)| {
            let px = |v: f32| f64::from(v) * p;
            (*name, [px(r.min.x), px(r.min.y), px(r.max.x), px(r.max.y)])
        })
        .collect();
    let legend_cover = occupancy.as_ref().map_or(0.0, Occupancy::placed_cover);
    Ok((
        image,
        ExportReport {
            size: spec.size,
            dpi: spec.dpi,
            scale_bar_m: bar.map_or(0.0, |b| b.metres),
            scale_bar_px: bar.map_or(0.0, |b| f64::from(b.points) * p),
            centre: drawn.map_or((0.0, 0.0), |d| d.centre),
            zoom: drawn.map_or(0.0, |d| d.zoom),
            scale_bar_origin: bar.map_or((0.0, 0.0), |b| {
                (f64::from(b.origin.x) * p, f64::from(b.origin.y) * p)
            }),
            layout,
            legend_cover,
            render_ms,
            total_ms: started.elapsed().as_secs_f64() * 1000.0,
        },
    ))
}

/// Render and write `path`, with dpi and text metadata.
pub fn export_png(
    app: &mut SahelApp,
    spec: &ExportSpec,
    path: &Path,
) -> Result<ExportReport, ExportError> {
    let device = Offscreen::new()?;
    let (image, report) = render(app, spec, &device)?;
    let text = app.export_metadata(spec);
    let file = std::fs::File::create(path).map_err(|e| ExportError::File {
        file: path.display().to_string(),
        message: e.to_string(),
    })?;
    write_png(&image, spec.dpi, &text, std::io::BufWriter::new(file))?;
    Ok(report)
}
