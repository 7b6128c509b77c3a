//! The eframe application: panels around the map, and the state between frames.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Key, Ui};
use walkers::{Map, lon_lat};

use super::camera::{Camera, HOME_BOX, MAX_ZOOM};
use super::cluster_job::ClusterJob;
use super::cluster_ui::{ClusterUi, stack_list, tooltip_text};
use super::coast_job::CoastJob;
use super::coast_panel::CoastUi;
use super::filters_panel::FilterUiState;
use super::import_job::ImportJob;
use super::incident_details::ClaimForm;
use super::incident_table::TableState;
use super::incidents::Incidents;
use super::risk_job::RiskJob;
use super::risk_panel::{RiskAction, RiskUi};
use super::search::SearchBox;
use super::{
    about, file_menu, filters_panel, incident_details, layers_panel, legend, map_controls,
    status_bar,
};
use crate::analysis::columns::scenario_index;
use crate::geodata::GeoData;
use crate::map::border_bands_layer::BorderBandsLayer;
use crate::map::clusters_layer::ClustersLayer;
use crate::map::frontier_layer::FrontierLayer;
use crate::map::incidents_layer::{IncidentsLayer, MarkerStats};
use crate::map::risk_layer::RiskLayer;
use crate::map::sea_bands_layer::SeaBandsLayer;
use crate::map::style::Widths;
use crate::map::{
    self, Attribution, Basemap, LayerVisibility, ScaleBar, SelectionLayer, SelectionState,
};

/// The right panel's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RightTab {
    Filters,
    Incident,
    Risk,
    Coast,
}

/// Everything the window shows and remembers.
pub struct SahelApp {
    pub geo: Arc<GeoData>,
    pub basemap: Arc<Basemap>,
    pub camera: Camera,
    pub layers: LayerVisibility,
    pub selection: SelectionState,
    pub search: SearchBox,
    pub incidents: Incidents,
    pub show_incidents: bool,
    pub show_table: bool,
    pub show_about: bool,
    /// The on-map legends are shown (the "Key" button hides them to see the map).
    pub show_legends: bool,
    pub filter_ui: FilterUiState,
    pub table: TableState,
    pub claim_form: ClaimForm,
    pub job: Option<ImportJob>,
    /// Messages from the last import or save, shown in the import report window.
    pub messages: Vec<String>,
    pub show_messages: bool,
    pub open_path: file_menu::OpenPath,
    pub marker_stats: MarkerStats,
    /// Which tab the right panel shows.
    pub right_tab: RightTab,
    /// The incident marker under the pointer in the last frame.
    pub hovered_incident: Option<usize>,
    /// Incident clusters, rebuilt on a worker when the filter result changes.
    pub clusters: ClusterJob,
    pub cluster_ui: ClusterUi,
    /// Coast distances, bands and frontier, computed on workers.
    pub coast: CoastJob,
    pub coast_ui: CoastUi,
    /// Risk score per unit, computed on workers.
    pub risk: RiskJob,
    pub risk_ui: RiskUi,
    /// Set until the first frame has laid out the map and fitted the opening view.
    needs_fit: bool,
    /// When the process started, for the launch-to-first-frame measurement.
    pub started: Instant,
    /// Exit after the first frame is painted, printing the time (for benchmarks).
    pub exit_after_first_frame: bool,
    frames: u64,
    /// Where the map was drawn in the last frame (screen points).
    pub map_rect: Option<egui::Rect>,
    /// Set while an export renders this app offscreen (see `export_mode.rs`).
    pub export: Option<super::export_mode::ExportState>,
    pub export_dialog: super::export_dialog::ExportDialog,
}

impl SahelApp {
    pub fn new(geo: Arc<GeoData>) -> Self {
        Self::with_incidents(geo, Incidents::default())
    }

    pub fn with_incidents(geo: Arc<GeoData>, incidents: Incidents) -> Self {
        let basemap = Arc::new(Basemap::new(&geo));
        Self::with_incidents_and_basemap(geo, basemap, incidents)
    }

    /// With basemap geometry already prepared (an export's copy of the window).
    pub fn with_incidents_and_basemap(
        geo: Arc<GeoData>,
        basemap: Arc<Basemap>,
        incidents: Incidents,
    ) -> Self {
        SahelApp {
            geo,
            basemap,
            camera: Camera::default(),
            layers: LayerVisibility::default(),
            selection: SelectionState::default(),
            search: SearchBox::default(),
            incidents,
            show_incidents: true,
            show_table: true,
            show_about: false,
            show_legends: true,
            filter_ui: FilterUiState::default(),
            table: TableState::default(),
            claim_form: ClaimForm::default(),
            job: None,
            messages: Vec::new(),
            show_messages: false,
            open_path: file_menu::OpenPath::default(),
            marker_stats: MarkerStats::default(),
            right_tab: RightTab::Filters,
            hovered_incident: None,
            clusters: ClusterJob::default(),
            cluster_ui: ClusterUi::default(),
            coast: CoastJob::default(),
            coast_ui: CoastUi::default(),
            risk: RiskJob::default(),
            risk_ui: RiskUi::default(),
            needs_fit: true,
            started: Instant::now(),
            exit_after_first_frame: false,
            frames: 0,
            map_rect: None,
            export: None,
            export_dialog: Default::default(),
        }
    }

    /// Import files on a worker thread; the result is merged when it arrives.
    pub fn open_files(&mut self, files: Vec<PathBuf>, ctx: &egui::Context) {
        if files.is_empty() || self.job.is_some() {
            return;
        }
        let ctx = ctx.clone();
        self.job = Some(ImportJob::start(
            files,
            self.incidents.merge_base(),
            move || ctx.request_repaint(),
        ));
    }

    /// Wait for a running import to finish and merge it (tests and scripted use).
    pub fn finish_import_blocking(&mut self) {
        while let Some(job) = &self.job {
            if let Some(r) = job.poll() {
                self.job = None;
                file_menu::merge_results(self, r);
            } else {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    }

    /// Wait for the import and the cluster build running in the background (tests and
    /// scripted renders), so the next frame shows their result.
    pub fn finish_background_work(&mut self) {
        self.finish_import_blocking();
        if self.cluster_ui.enabled {
            self.clusters.sync(&self.incidents, || {});
            self.clusters.finish_blocking();
        }
        self.coast.finish_blocking(&self.geo, &self.incidents);
        if self.risk_wanted() {
            self.risk.finish_blocking(&self.geo, &self.incidents);
        }
    }

    /// The risk score is shown or its panel is open.
    fn risk_wanted(&self) -> bool {
        self.risk_ui.show || self.right_tab == RightTab::Risk
    }

    /// Lay out the whole window inside `ui` (the root, or a test harness).
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.frames == 0 {
            ctx.set_theme(egui::Theme::Light);
            super::fonts::install(&ctx);
        }
        let dt = ctx.input(|i| Duration::from_secs_f32(i.stable_dt.min(0.1)));
        if self.camera.step(dt) {
            ctx.request_repaint();
        }
        self.poll_job();
        if self.cluster_ui.enabled {
            let waker = ctx.clone();
            self.clusters
                .sync(&self.incidents, move || waker.request_repaint());
        }
        if self.frames > 0 {
            // After the first frame, so start-up is not slowed by it.
            let waker = ctx.clone();
            self.coast
                .sync(&self.geo, &self.incidents, move || waker.request_repaint());
        }
        if self.risk_wanted() {
            let waker = ctx.clone();
            self.risk
                .sync(&self.geo, &self.incidents, move || waker.request_repaint());
        }
        if self.coast_ui.any_layer() {
            self.coast_ui.prepare(&ctx, &self.coast);
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.open_files(dropped, &ctx);
        }
        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar(ui));
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            status_bar::show(ui, self);
        });
        if self.show_table && !self.incidents.store.is_empty() {
            let picked = egui::Panel::bottom("incident_table")
                .resizable(true)
                .default_size(190.0)
                .show(ui, |ui| self.table.show(ui, &mut self.incidents))
                .inner;
            if let Some(i) = picked {
                self.bring_into_view(i);
                self.right_tab = RightTab::Incident;
            }
        }
        egui::Panel::left("side_panel")
            .default_size(250.0)
            .show(ui, |ui| self.side_panel(ui));
        if !self.incidents.store.is_empty() {
            egui::Panel::right("incidents_panel")
                .default_size(330.0)
                .show(ui, |ui| self.incidents_panel(ui));
        }
        let before = self.incidents.selected;
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_area(ui));
        if self.incidents.selected != before && self.incidents.selected.is_some() {
            self.right_tab = RightTab::Incident;
        }
        let (open_export, quick_save) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::COMMAND, Key::E),
                i.consume_key(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S),
            )
        });
        if open_export {
            self.export_dialog.open = true;
        }
        if quick_save {
            let mut dialog = std::mem::take(&mut self.export_dialog);
            dialog.quick_save(self, &ctx);
            self.export_dialog = dialog;
        }
        {
            let mut dialog = std::mem::take(&mut self.export_dialog);
            dialog.show(&ctx, self);
            self.export_dialog = dialog;
        }
        if let Some(i) = self.cluster_ui.stack_window(&ctx, &self.incidents) {
            self.incidents.selected = Some(i);
            self.table.scroll_to_selected = true;
            self.right_tab = RightTab::Incident;
        }
        if self.show_about {
            about::window(&ctx, &self.geo, &mut self.show_about);
        }
        file_menu::windows(&ctx, self);
        self.frames += 1;
    }

    /// Only the map, filling `ui` (for headless renders and exports of the window's view).
    pub fn map_only(&mut self, ui: &mut Ui) {
        if self.frames == 0 {
            ui.ctx().set_theme(egui::Theme::Light);
            super::fonts::install(ui.ctx());
        }
        self.frames += 1;
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_area(ui));
    }

    /// Keep the camera as set instead of fitting the opening view on the first frame.
    pub fn skip_initial_fit(&mut self) {
        self.needs_fit = false;
    }

    /// Fly to an incident picked elsewhere (the table) when it is off the map.
    fn bring_into_view(&mut self, index: usize) {
        let (Some(rect), Some(inc)) = (self.map_rect, self.incidents.store.incidents().get(index))
        else {
            return;
        };
        let c = self.camera.center();
        let view = crate::map::view::View::new(rect, c.x(), c.y(), self.camera.zoom());
        if !rect
            .shrink(30.0)
            .contains(view.lonlat_to_screen(inc.lon, inc.lat))
        {
            self.camera
                .fly_to(lon_lat(inc.lon, inc.lat), self.camera.zoom().max(7.0));
        }
    }

    fn poll_job(&mut self) {
        if let Some(r) = self.job.as_ref().and_then(|j| j.poll()) {
            self.job = None;
            file_menu::merge_results(self, r);
        }
    }

    fn top_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            file_menu::menu(ui, self);
            ui.separator();
            ui.heading("Sahel Risk Map");
            if self.incidents.sample {
                ui.label(
                    egui::RichText::new(crate::sample::SAMPLE_LABEL)
                        .color(egui::Color32::WHITE)
                        .background_color(egui::Color32::from_rgb(0xA0, 0x3A, 0x2A)),
                );
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("About").clicked() {
                    self.show_about = true;
                }
                ui.toggle_value(&mut self.show_table, "Table");
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
        ui.checkbox(
            &mut self.show_incidents,
            egui::RichText::new("Incidents").strong(),
        );
        ui.add_enabled_ui(self.show_incidents, |ui| self.cluster_ui.options(ui));
        layers_panel::show(ui, &mut self.layers);
        ui.separator();
        ui.label(egui::RichText::new("Risk").strong());
        ui.checkbox(&mut self.risk_ui.show, "Shade units by risk score");
        ui.separator();
        self.coast_ui.switches(ui);
        ui.separator();
        layers_panel::selected_region(ui, &self.geo, &mut self.selection);
    }

    fn incidents_panel(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let tab = |t: &str| egui::RichText::new(t).heading();
            ui.selectable_value(&mut self.right_tab, RightTab::Filters, tab("Filters"));
            ui.selectable_value(&mut self.right_tab, RightTab::Incident, tab("Incident"));
            ui.selectable_value(&mut self.right_tab, RightTab::Risk, tab("Risk"));
            ui.selectable_value(&mut self.right_tab, RightTab::Coast, tab("Coast"));
        });
        ui.separator();
        let importing = self.job.is_some();
        egui::ScrollArea::vertical().show(ui, |ui| match self.right_tab {
            RightTab::Filters => filters_panel::show(ui, &mut self.incidents, &mut self.filter_ui),
            RightTab::Incident => {
                let distances = self.incidents.selected.and_then(|i| {
                    let d = self.coast.distances.as_ref()?;
                    Some(super::coast_job::describe(
                        *d.coast_km.get(i)?,
                        *d.border_km.get(i)?,
                        d.side.get(i).copied().unwrap_or_default(),
                        d.mismatch.get(i).copied().unwrap_or(false),
                    ))
                });
                incident_details::show(
                    ui,
                    &mut self.incidents,
                    &mut self.claim_form,
                    importing,
                    distances,
                )
            }
            RightTab::Coast => self.coast_ui.show(ui, &mut self.coast),
            RightTab::Risk => {
                let action = self.risk_ui.show_panel(
                    ui,
                    &mut self.risk,
                    &self.incidents.columns,
                    &self.incidents.result.indices,
                    self.incidents.filter.scenario.name(),
                );
                if let RiskAction::ShowIncidents(label, list) = action {
                    self.table.restrict_to(label, list);
                    self.show_table = true;
                }
            }
        });
    }

    /// The map, as `map_area` draws it, for an export frame.
    pub(super) fn map_area_for_export(&mut self, ui: &mut Ui) {
        self.map_area(ui);
    }

    fn map_area(&mut self, ui: &mut Ui) {
        if self.needs_fit {
            self.camera.fit(HOME_BOX, ui.available_size());
            self.needs_fit = false;
        }
        let exporting = self.export.is_some();
        if !exporting && !ui.ctx().egui_wants_keyboard_input() {
            self.keyboard(ui);
        }
        let marker_was_hovered =
            self.hovered_incident.is_some() || self.cluster_ui.hovered.is_some();
        let SahelApp {
            geo,
            basemap,
            camera,
            layers,
            selection,
            map_rect,
            incidents,
            marker_stats,
            hovered_incident,
            clusters,
            cluster_ui,
            coast,
            coast_ui,
            risk,
            risk_ui,
            ..
        } = self;
        let mut clicked_unit = None;
        let mut clicked_incident = None;
        let mut clicked_cluster = None;
        let current_clusters = clusters.current.clone().filter(|_| cluster_ui.enabled);
        let center = camera.center();
        let widths = Widths::default();
        let coast_tools = coast.tools.clone();
        let readout = coast.readout.clone();
        let risk_units = risk.units.clone().filter(|_| risk_ui.show);
        let shading = risk_ui.map_classes(risk, coast);
        let risk_classes = shading
            .as_ref()
            .map_or_else(|| risk.classes.clone(), |s| s.0.clone());
        let locate =
            |lon: f64, lat: f64| risk_units.as_ref().and_then(|u| u.units.locate(lon, lat));
        let mut thematic = map::PluginStack::default();
        if let Some(u) = &risk_units {
            thematic.push(RiskLayer {
                fill: &u.fill,
                classes: &risk_classes,
                opacity: risk_ui.opacity,
                selected: risk_ui
                    .selected
                    .and_then(|k| u.units.units().get(k))
                    .map(|unit| &unit.shape),
                locate: &locate,
                hovered: &mut risk_ui.hovered,
                clicked: &mut clicked_unit,
                scale: 1.0,
            });
        } else {
            risk_ui.hovered = None;
        }
        if let (true, Some(bands)) = (coast_ui.show_sea_bands, &coast_ui.sea) {
            thematic.push(SeaBandsLayer { bands });
        }
        if let (true, Some(bands), Some(tools)) =
            (coast_ui.show_border_bands, &coast_ui.border, &coast_tools)
        {
            thematic.push(BorderBandsLayer {
                bands,
                border: tools.border.land_border(),
                scale: 1.0,
            });
        }
        let map = Map::new(None, &mut camera.memory, center)
            .zoom_with_ctrl(false)
            .double_click_to_zoom(true)
            .double_click_to_zoom_out(true);
        let mut map = map::with_basemap(map, geo, basemap, *layers, widths, thematic).with_plugin(
            SelectionLayer {
                geo,
                state: selection,
                provinces: layers.provinces,
                marker_hovered: marker_was_hovered || risk_units.is_some(),
            },
        );
        if let (true, Some(cl)) = (self.show_incidents, &current_clusters) {
            map = map.with_plugin(ClustersLayer {
                clusters: cl,
                columns: &incidents.columns,
                scenario: scenario_index(incidents.filter.scenario),
                colour: cluster_ui.colour,
                selected: incidents.selected,
                stats: marker_stats,
                hovered: &mut cluster_ui.hovered,
                clicked: &mut clicked_cluster,
                scale: 1.0,
            });
        } else if self.show_incidents {
            cluster_ui.hovered = None;
            map = map.with_plugin(IncidentsLayer {
                columns: &incidents.columns,
                filtered: &incidents.result.indices,
                selected: incidents.selected,
                stats: marker_stats,
                hovered: hovered_incident,
                clicked: &mut clicked_incident,
                scale: 1.0,
            });
        } else {
            *hovered_incident = None;
            cluster_ui.hovered = None;
        }
        if let (true, Some(r)) = (coast_ui.show_frontier, &readout)
            && let Some(quarter) = coast_ui.frontier_quarter(r)
        {
            map = map.with_plugin(FrontierLayer {
                cells: &r.frontier,
                quarter,
                scale: 1.0,
            });
        }
        if !exporting {
            // Exports draw their own furniture (overlay.rs).
            map = map
                .with_plugin(ScaleBar { scale: 1.0 })
                .with_plugin(Attribution {
                    text: &geo.attribution,
                    scale: 1.0,
                });
        }
        let legend_mode = match (
            &current_clusters,
            self.show_incidents && !incidents.store.is_empty(),
        ) {
            (_, false) => None,
            (Some(_), true) => Some(legend::LegendMode::Clusters {
                colour: cluster_ui.colour,
                scenario: incidents.filter.scenario.name(),
            }),
            (None, true) => Some(legend::LegendMode::Markers),
        };
        let coast_legend = legend::CoastLegend {
            sea_edges: (coast_ui.show_sea_bands && coast_ui.sea.is_some())
                .then(|| coast_ui.sea_edges.clone()),
            border_bands: (coast_ui.show_border_bands && coast_ui.border.is_some()).then(|| {
                readout
                    .as_ref()
                    .map(|r| r.bands.clone())
                    .unwrap_or_default()
            }),
            border_kind: readout.as_ref().map(|r| r.border).unwrap_or_default(),
            frontier: readout
                .as_ref()
                .filter(|_| coast_ui.show_frontier)
                .and_then(|r| coast_ui.frontier_quarter(r))
                .map(super::coast_panel::quarter_text),
            risk: match (&risk_units, &risk.table, &shading) {
                (Some(_), Some(t), Some((_, breaks, title))) => Some(legend::RiskLegend {
                    title: title.clone(),
                    breaks: *breaks,
                    opacity: risk_ui.opacity,
                    method: super::risk_panel::method_line(
                        risk,
                        t,
                        incidents.filter.scenario.name(),
                    ),
                }),
                _ => None,
            },
        };
        let show_legend = legend_mode.is_some()
            || coast_legend.risk.is_some()
            || coast_legend.sea_edges.is_some()
            || coast_legend.border_bands.is_some()
            || coast_legend.frontier.is_some();
        let sample = incidents.sample;
        let legends_on = self.show_legends;
        let shown = map.show(ui, |ui, _, _, _| {
            if exporting {
                return map_controls::Action::None;
            }
            // The buttons first: the legends keep clear of them.
            let action = map_controls::show(ui);
            if show_legend && legends_on {
                legend::show(ui, sample, legend_mode, &coast_legend);
            }
            action
        });
        *map_rect = Some(shown.response.rect);
        if let Some(state) = &mut self.export {
            let c = camera.center();
            let view =
                crate::map::view::View::new(shown.response.rect, c.x(), c.y(), camera.zoom());
            let text = state.text.clone();
            let bar = crate::export::overlay::draw(ui, &view, &text, |ui| {
                if show_legend {
                    legend::show(ui, sample, legend_mode, &coast_legend);
                }
            });
            state.result = Some(super::export_mode::Drawn {
                bar,
                centre: (c.x(), c.y()),
                zoom: camera.zoom(),
            });
            return;
        }
        let mut cluster_tip = None;
        if let Some(u) =
            clicked_unit.filter(|_| clicked_cluster.is_none() && clicked_incident.is_none())
        {
            risk_ui.selected = Some(u);
            self.right_tab = RightTab::Risk;
        }
        if let (Some(u), Some(units), Some(table), None, None) = (
            risk_ui.hovered,
            &risk_units,
            &risk.table,
            cluster_ui.hovered,
            *hovered_incident,
        ) && let Some(row) = table.row(u)
        {
            let unit = &units.units.units()[u];
            cluster_tip = Some(format!(
                "{} ({})\nrisk score {:.1} · class {} of 5 · rank {} of {}\n{} events, {} fatalities in the window\nclick for the explanation",
                unit.name,
                unit.country,
                row.score,
                row.class,
                row.rank,
                table.rows.len(),
                row.events,
                row.fatalities
            ));
        }
        if let Some(cl) = &current_clusters {
            // A single event behaves as its marker did; a cluster zooms in or lists its events.
            let single = |c: &crate::analysis::cluster::Cluster| {
                (c.count == 1).then(|| cl.members[c.id as usize] as usize)
            };
            *hovered_incident = cluster_ui.hovered.as_ref().and_then(single);
            if let Some(c) = clicked_cluster {
                if let Some(i) = single(&c) {
                    clicked_incident = Some(i);
                } else if cl.index.stacked_at_max_zoom(&c) {
                    cluster_ui.stack = Some(stack_list(cl, &incidents.columns, &c));
                } else {
                    let z = (f64::from(cl.index.expansion_zoom(&c)) + 1.0)
                        .max(camera.zoom().floor() + 1.0)
                        .min(MAX_ZOOM);
                    camera.fly_to(lon_lat(c.lon(), c.lat()), z);
                }
            }
            if let Some(c) = cluster_ui.hovered.filter(|c| c.count > 1) {
                let unsplittable = cl.index.stacked_at_max_zoom(&c);
                let summary = cluster_ui.summary(cl, &incidents.columns, &c);
                let centre = coast_tools
                    .as_ref()
                    .map(|t| format!("Centre: {}", t.describe(c.lon(), c.lat())));
                cluster_tip = Some(tooltip_text(
                    summary,
                    &incidents.columns,
                    unsplittable,
                    centre.as_deref(),
                ));
            }
        }
        if let (Some(text), Some(pos)) = (&cluster_tip, shown.response.hover_pos()) {
            map::tooltip(
                &ui.painter().with_clip_rect(shown.response.rect),
                pos + egui::vec2(14.0, 10.0),
                text,
            );
        }
        if let Some(i) = clicked_incident {
            incidents.selected = Some(i);
            self.table.scroll_to_selected = true;
        }
        if let (Some(i), Some(pos)) = (*hovered_incident, shown.response.hover_pos())
            && let Some(inc) = incidents.store.incidents().get(i)
        {
            let text = format!(
                "{}\n{}\nfatalities: {}",
                incident_details::summary(inc),
                inc.geo_precision.describe(),
                super::incident_table::fatalities_text(inc)
            );
            map::tooltip(
                &ui.painter().with_clip_rect(shown.response.rect),
                pos + egui::vec2(14.0, 10.0),
                &text,
            );
        }
        match shown.inner {
            map_controls::Action::ZoomIn => camera.zoom_by(1.0),
            map_controls::Action::ZoomOut => camera.zoom_by(-1.0),
            map_controls::Action::Home => {
                camera.fly_to_bounds(HOME_BOX, shown.response.rect.size(), 8.0)
            }
            map_controls::Action::ToggleLegend => self.show_legends = !self.show_legends,
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
        if self.exit_after_first_frame && self.frames == 2 {
            println!(
                "first frame after {:.0} ms",
                self.started.elapsed().as_secs_f64() * 1000.0
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
