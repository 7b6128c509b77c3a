//! The Export dialog: presets and custom sizes, title, subtitle and handling marking, a live
//! preview (the same composition rendered small, off the UI thread), and the export itself on
//! a worker with a progress indicator. Ctrl+E opens it; Ctrl+Shift+S saves the current view.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use egui::{ColorImage, TextureHandle};

use super::app::SahelApp;
use crate::export::{ExportReport, ExportSpec, Offscreen, PRESETS, export_png, render};

/// A running export: when it started, the file, and where its result arrives.
type Running = (Instant, String, Receiver<Result<ExportReport, String>>);

pub struct ExportDialog {
    pub open: bool,
    /// Index into `PRESETS`; `PRESETS.len()` is the custom size.
    pub preset: usize,
    pub custom: [u32; 2],
    pub custom_dpi: f32,
    pub title: String,
    pub subtitle: String,
    pub marking: String,
    pub path: String,
    preview: Option<TextureHandle>,
    preview_key: Option<String>,
    preview_rx: Option<Receiver<Result<ColorImage, String>>>,
    job: Option<Running>,
    pub message: Option<String>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            preset: 4,
            custom: [1600, 1000],
            custom_dpi: 96.0,
            title: "Conflict incidents in the Sahel and coastal West Africa".into(),
            subtitle: String::new(),
            marking: String::new(),
            path: "sahel-risk-map.png".into(),
            preview: None,
            preview_key: None,
            preview_rx: None,
            job: None,
            message: None,
        }
    }
}

/// The lon/lat box of what the window's map shows now.
pub fn current_view(app: &SahelApp) -> [f64; 4] {
    let rect = app.map_rect.unwrap_or(egui::Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(1000.0, 700.0),
    ));
    let c = app.camera.center();
    let v = crate::map::view::View::new(rect, c.x(), c.y(), app.camera.zoom());
    let (lon0, lat1) = v.screen_to_lonlat(rect.min);
    let (lon1, lat0) = v.screen_to_lonlat(rect.max);
    [lon0, lat0, lon1, lat1]
}

/// Export `spec` of a copy of the app on a worker; the result arrives on the receiver.
fn spawn_export(
    app: &SahelApp,
    spec: ExportSpec,
    path: PathBuf,
    ctx: &egui::Context,
) -> Receiver<Result<ExportReport, String>> {
    let mut copy = app.snapshot_for_export();
    let (tx, rx) = channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let r = export_png(&mut copy, &spec, &path).map_err(|e| e.to_string());
        let _ = tx.send(r);
        ctx.request_repaint();
    });
    rx
}

impl ExportDialog {
    fn spec(&self, app: &SahelApp) -> ExportSpec {
        let (size, dpi) = match PRESETS.get(self.preset) {
            Some(p) => ([p.width, p.height], p.dpi),
            None => (self.custom, self.custom_dpi),
        };
        // Left empty, the subtitle says what the filter shows.
        let subtitle = if self.subtitle.trim().is_empty() {
            super::filters_panel::totals_text(&app.incidents)
        } else {
            self.subtitle.clone()
        };
        ExportSpec {
            size,
            dpi,
            view: current_view(app),
            title: self.title.clone(),
            subtitle,
            marking: Some(self.marking.clone()).filter(|m| !m.trim().is_empty()),
        }
    }

    /// Ctrl+Shift+S: the current view at twice the screen resolution, next to the last export.
    pub fn quick_save(&mut self, app: &SahelApp, ctx: &egui::Context) {
        if self.job.is_some() {
            return;
        }
        let mut spec = self.spec(app);
        spec.size = [2560, 1600];
        spec.dpi = 192.0;
        let stamp = super::export_mode::now_utc()
            .replace([' ', ':'], "-")
            .replace("-UTC", "");
        let dir = PathBuf::from(&self.path)
            .parent()
            .map(PathBuf::from)
            .unwrap_or_default();
        let path = dir.join(format!("sahel-risk-view-{stamp}.png"));
        self.job = Some((
            Instant::now(),
            path.display().to_string(),
            spawn_export(app, spec, path, ctx),
        ));
    }

    fn poll(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.preview_rx
            && let Ok(r) = rx.try_recv()
        {
            self.preview_rx = None;
            match r {
                Ok(img) => {
                    self.preview = Some(ctx.load_texture("export-preview", img, Default::default()))
                }
                Err(e) => self.message = Some(format!("preview: {e}")),
            }
        }
        if let Some((_, path, rx)) = &self.job
            && let Ok(r) = rx.try_recv()
        {
            self.message = Some(match r {
                Ok(rep) => format!(
                    "Saved {path}: {}x{} px at {} dpi in {:.1} s",
                    rep.size[0],
                    rep.size[1],
                    rep.dpi,
                    rep.total_ms / 1000.0
                ),
                Err(e) => format!("Not saved: {e}"),
            });
            self.job = None;
        }
    }

    fn refresh_preview(&mut self, app: &SahelApp, ctx: &egui::Context) {
        let spec = self.spec(app);
        let key = format!("{spec:?}/{}/{}", app.incidents.generation, app.risk_ui.show);
        if self.preview_key.as_ref() == Some(&key) || self.preview_rx.is_some() {
            return;
        }
        self.preview_key = Some(key);
        // The same layout in points, drawn with fewer pixels per point.
        let k = 460.0 / spec.size[0] as f32;
        let small = ExportSpec {
            size: [460, (spec.size[1] as f32 * k).round() as u32],
            dpi: spec.dpi * k,
            ..spec
        };
        let mut copy = app.snapshot_for_export();
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let r = Offscreen::new()
                .and_then(|d| render(&mut copy, &small, &d))
                .map(|(img, _)| {
                    ColorImage::from_rgba_unmultiplied(
                        [img.width as usize, img.height as usize],
                        &img.pixels,
                    )
                })
                .map_err(|e| e.to_string());
            let _ = tx.send(r);
            ctx.request_repaint();
        });
        self.preview_rx = Some(rx);
    }

    pub fn show(&mut self, ctx: &egui::Context, app: &SahelApp) {
        self.poll(ctx);
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new("Export image")
            .open(&mut open)
            .default_width(500.0)
            .show(ctx, |ui| {
                let label = PRESETS
                    .get(self.preset)
                    .map_or("Custom size".to_string(), |p| p.label.to_string());
                egui::ComboBox::from_label("Size")
                    .selected_text(label)
                    .show_ui(ui, |ui| {
                        for (k, p) in PRESETS.iter().enumerate() {
                            ui.selectable_value(&mut self.preset, k, p.label);
                        }
                        ui.selectable_value(&mut self.preset, PRESETS.len(), "Custom size");
                    });
                if self.preset == PRESETS.len() {
                    ui.horizontal(|ui| {
                        ui.add(egui::DragValue::new(&mut self.custom[0]).range(200..=8192));
                        ui.label("×");
                        ui.add(egui::DragValue::new(&mut self.custom[1]).range(150..=8192));
                        ui.label("px at");
                        ui.add(egui::DragValue::new(&mut self.custom_dpi).range(48.0..=600.0));
                        ui.label("dpi");
                    });
                }
                for (label, text) in [
                    ("Title", &mut self.title),
                    ("Subtitle (empty: the filter)", &mut self.subtitle),
                    ("Handling marking", &mut self.marking),
                    ("File", &mut self.path),
                ] {
                    ui.horizontal(|ui| {
                        ui.label(label);
                        ui.text_edit_singleline(text);
                    });
                }
                ui.weak("The image shows the map's current view and layers.");
                self.refresh_preview(app, ctx);
                match &self.preview {
                    Some(t) => {
                        ui.image((t.id(), t.size_vec2()));
                    }
                    None => {
                        ui.spinner();
                    }
                }
                ui.horizontal(|ui| {
                    let busy = self.job.is_some();
                    if ui
                        .add_enabled(!busy, egui::Button::new("Export PNG"))
                        .clicked()
                    {
                        let path = rfd::FileDialog::new()
                            .set_file_name(&self.path)
                            .save_file()
                            .unwrap_or_else(|| PathBuf::from(self.path.trim()));
                        self.path = path.display().to_string();
                        let spec = self.spec(app);
                        self.job = Some((
                            Instant::now(),
                            self.path.clone(),
                            spawn_export(app, spec, path, ctx),
                        ));
                    }
                    if let Some((t, path, _)) = &self.job {
                        ui.spinner();
                        ui.label(format!(
                            "rendering {path}… {:.0} s",
                            t.elapsed().as_secs_f32()
                        ));
                    }
                });
                if let Some(m) = &self.message {
                    ui.label(m);
                }
            });
        if !open {
            self.open = false;
        }
    }

    /// An export is running.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }
}
