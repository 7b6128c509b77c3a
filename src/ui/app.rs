//! The eframe application: panels around the map, and the state between frames.

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Key, Ui};
use walkers::{Map, lon_lat};

use super::camera::{Camera, HOME_BOX};
use super::search::SearchBox;
use super::{about, layers_panel, map_controls, status_bar};
use crate::geodata::GeoData;
use crate::map::style::Widths;
use crate::map::{
    self, Attribution, Basemap, LayerVisibility, ScaleBar, SelectionLayer, SelectionState,
};

/// Everything the window shows and remembers.
pub struct SahelApp {
    pub geo: Arc<GeoData>,
    pub basemap: Arc<Basemap>,
    pub camera: Camera,
    pub layers: LayerVisibility,
    pub selection: SelectionState,
    pub search: SearchBox,
    pub show_about: bool,
    /// Set until the first frame has laid out the map and fitted the opening view.
    needs_fit: bool,
    /// When the app was created, for the launch-to-first-frame measurement.
    pub started: Instant,
    /// Exit after the first frame is painted, printing the time (for benchmarks).
    pub exit_after_first_frame: bool,
    frames: u64,
    /// Where the map was drawn in the last frame (screen points).
    pub map_rect: Option<egui::Rect>,
}

impl SahelApp {
    pub fn new(geo: Arc<GeoData>) -> Self {
        let basemap = Arc::new(Basemap::new(&geo));
        SahelApp {
            geo,
            basemap,
            camera: Camera::default(),
            layers: LayerVisibility::default(),
            selection: SelectionState::default(),
            search: SearchBox::default(),
            show_about: false,
            needs_fit: true,
            started: Instant::now(),
            exit_after_first_frame: false,
            frames: 0,
            map_rect: None,
        }
    }

    /// Lay out the whole window inside `ui` (the root, or a test harness).
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.frames == 0 {
            ctx.set_theme(egui::Theme::Light);
        }
        let dt = ctx.input(|i| Duration::from_secs_f32(i.stable_dt.min(0.1)));
        if self.camera.step(dt) {
            ctx.request_repaint();
        }
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            status_bar::show(ui, &self.geo, &self.selection, self.camera.zoom());
        });
        egui::Panel::left("side_panel")
            .default_size(250.0)
            .show(ui, |ui| self.side_panel(ui));
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_area(ui));
        if self.show_about {
            about::window(&ctx, &self.geo, &mut self.show_about);
        }
        self.frames += 1;
    }

    /// Only the map, filling `ui` (for headless renders and exports of the window's view).
    pub fn map_only(&mut self, ui: &mut Ui) {
        if self.frames == 0 {
            ui.ctx().set_theme(egui::Theme::Light);
        }
        self.frames += 1;
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_area(ui));
    }

    /// Keep the camera as set instead of fitting the opening view on the first frame.
    pub fn skip_initial_fit(&mut self) {
        self.needs_fit = false;
    }

    fn top_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.heading("Sahel Risk Map");
            ui.separator();
            ui.label("Offline basemap · West Africa");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("About").clicked() {
                    self.show_about = true;
                }
            });
        });
    }

    fn side_panel(&mut self, ui: &mut Ui) {
        let map_size = ui.ctx().content_rect().size();
        if let Some(hit) = self.search.show(ui, &self.geo) {
            match hit.bbox {
                Some(bbox) => self.camera.fly_to_bounds(bbox, map_size * 0.75, 9.0),
                None => self.camera.fly_to(lon_lat(hit.lon, hit.lat), 10.0),
            }
            if let crate::geodata::HitKind::Region { level, index } = hit.kind {
                self.selection.selected = Some(map::RegionRef { level, index });
            }
        }
        ui.separator();
        layers_panel::show(ui, &mut self.layers);
        ui.separator();
        layers_panel::selected_region(ui, &self.geo, &mut self.selection);
    }

    fn map_area(&mut self, ui: &mut Ui) {
        if self.needs_fit {
            self.camera.fit(HOME_BOX, ui.available_size());
            self.needs_fit = false;
        }
        if !ui.ctx().egui_wants_keyboard_input() {
            self.keyboard(ui);
        }
        let SahelApp {
            geo,
            basemap,
            camera,
            layers,
            selection,
            map_rect,
            ..
        } = self;
        let center = camera.center();
        let widths = Widths::default();
        let map = Map::new(None, &mut camera.memory, center)
            .zoom_with_ctrl(false)
            .double_click_to_zoom(true)
            .double_click_to_zoom_out(true);
        let map = map::with_basemap(map, geo, basemap, *layers, widths)
            .with_plugin(SelectionLayer {
                geo,
                state: selection,
                provinces: layers.provinces,
            })
            .with_plugin(ScaleBar { scale: 1.0 })
            .with_plugin(Attribution {
                text: &geo.attribution,
                scale: 1.0,
            });
        let shown = map.show(ui, |ui, _, _, _| map_controls::show(ui));
        *map_rect = Some(shown.response.rect);
        let action = shown.inner;
        match action {
            map_controls::Action::ZoomIn => camera.zoom_by(1.0),
            map_controls::Action::ZoomOut => camera.zoom_by(-1.0),
            map_controls::Action::Home => camera.fly_to_bounds(HOME_BOX, ui.min_rect().size(), 8.0),
            map_controls::Action::None => {}
        }
        camera.clamp();
    }

    fn keyboard(&mut self, ui: &Ui) {
        let step = 120.0;
        let cam = &mut self.camera;
        ui.input(|i| {
            if i.key_pressed(Key::ArrowLeft) {
                cam.pan_pixels(-step, 0.0);
            }
            if i.key_pressed(Key::ArrowRight) {
                cam.pan_pixels(step, 0.0);
            }
            if i.key_pressed(Key::ArrowUp) {
                cam.pan_pixels(0.0, -step);
            }
            if i.key_pressed(Key::ArrowDown) {
                cam.pan_pixels(0.0, step);
            }
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                cam.zoom_by(1.0);
            }
            if i.key_pressed(Key::Minus) {
                cam.zoom_by(-1.0);
            }
        });
    }

    /// Frames laid out so far.
    pub fn frames(&self) -> u64 {
        self.frames
    }
}

impl eframe::App for SahelApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
        if self.exit_after_first_frame && self.frames >= 2 {
            println!(
                "first frame after {:.0} ms",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
