//! The coast panel: the layer switches and settings, the border-band counts (last 12 months
//! against the 12 before) with the border they are measured from, the incidents whose dataset
//! country is not the map's, the frontier quarter, and the chart of the 10th-percentile
//! (headline), closest (points) and median distance to the sea per quarter.

use egui::Ui;
use egui_plot::{Legend, Line, Plot, PlotPoints, Points, VLine};

use super::coast_job::CoastJob;
use crate::analysis::coast::{BorderKind, CoastReadout, quarter_label};
use crate::map::border_bands_layer::BorderBands;
use crate::map::sea_bands_layer::{DEFAULT_SEA_BANDS_KM, SeaBands};

pub struct CoastUi {
    pub show_sea_bands: bool,
    pub show_border_bands: bool,
    pub show_frontier: bool,
    /// Upper edges of the distance-to-the-sea bands, km, increasing.
    pub sea_edges: Vec<f64>,
    pub opacity: f32,
    /// The frontier's quarter (`None`: the newest one).
    pub quarter: Option<i32>,
    /// Coloured fields, remade when the settings change.
    pub sea: Option<SeaBands>,
    pub border: Option<BorderBands>,
    made_with: Option<(Vec<f64>, Vec<f64>, f32)>,
}

impl Default for CoastUi {
    fn default() -> Self {
        CoastUi {
            show_sea_bands: false,
            show_border_bands: false,
            show_frontier: false,
            sea_edges: DEFAULT_SEA_BANDS_KM.to_vec(),
            opacity: 0.45,
            quarter: None,
            sea: None,
            border: None,
            made_with: None,
        }
    }
}

/// "2025 Q3"
pub fn quarter_text(q: i32) -> String {
    let (y, n) = quarter_label(q);
    format!("{y} Q{n}")
}

fn change(last: usize, prior: usize) -> String {
    if prior == 0 {
        if last == 0 {
            "–".into()
        } else {
            "new".into()
        }
    } else {
        format!(
            "{:+.0}%",
            100.0 * (last as f64 - prior as f64) / prior as f64
        )
    }
}

impl CoastUi {
    /// Any coast layer is on.
    pub fn any_layer(&self) -> bool {
        self.show_sea_bands || self.show_border_bands || self.show_frontier
    }

    /// The frontier quarter to draw: the chosen one, else the newest with incidents.
    pub fn frontier_quarter(&self, readout: &CoastReadout) -> Option<i32> {
        self.quarter
            .or_else(|| readout.quarters.last().map(|q| q.quarter))
    }

    /// (Re)colour the band fields when the tools are ready and a setting changed.
    pub fn prepare(&mut self, ctx: &egui::Context, job: &CoastJob) {
        let Some(tools) = &job.tools else { return };
        let key = (self.sea_edges.clone(), job.bands_km.clone(), self.opacity);
        if self.made_with.as_ref() == Some(&key) {
            return;
        }
        self.sea = Some(SeaBands::new(
            ctx,
            &tools.sea_field,
            &self.sea_edges,
            self.opacity,
        ));
        self.border = Some(BorderBands::new(
            ctx,
            &tools.border_field,
            &job.bands_km,
            self.opacity + 0.15,
        ));
        self.made_with = Some(key);
    }

    /// The settings without the textures (they belong to this window's context).
    pub fn settings_only(&self) -> CoastUi {
        CoastUi {
            show_sea_bands: self.show_sea_bands,
            show_border_bands: self.show_border_bands,
            show_frontier: self.show_frontier,
            sea_edges: self.sea_edges.clone(),
            opacity: self.opacity,
            quarter: self.quarter,
            ..Default::default()
        }
    }

    /// Drop the coloured fields (they belong to one egui context; an export uses another).
    pub fn forget_textures(&mut self) {
        self.sea = None;
        self.border = None;
        self.made_with = None;
    }

    /// The layer switches (left panel).
    pub fn switches(&mut self, ui: &mut Ui) {
        ui.label(egui::RichText::new("Coast layers").strong());
        ui.checkbox(&mut self.show_sea_bands, "Distance to the sea (bands)");
        ui.checkbox(&mut self.show_border_bands, "Bands north of coastal states");
        ui.checkbox(&mut self.show_frontier, "Southward frontier");
    }

    /// The right panel's Coast tab.
    pub fn show(&mut self, ui: &mut Ui, job: &mut CoastJob) {
        self.switches(ui);
        ui.separator();
        ui.label(egui::RichText::new("Distance-to-sea bands (km)").strong());
        ui.horizontal(|ui| {
            let mut prev = 0.0;
            for k in 0..self.sea_edges.len() {
                let next = self.sea_edges.get(k + 1).copied().unwrap_or(5000.0);
                let v = &mut self.sea_edges[k];
                ui.add(
                    egui::DragValue::new(v)
                        .range(prev + 10.0..=next - 10.0)
                        .speed(5.0),
                );
                prev = *v;
            }
        });
        ui.add(egui::Slider::new(&mut self.opacity, 0.1..=0.8).text("opacity"));
        ui.separator();
        let Some(readout) = job.readout.clone() else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Measuring distances to the sea and the border…");
            });
            return;
        };
        self.counts(ui, &readout);
        ui.separator();
        self.frontier(ui, &readout);
    }

    fn counts(&self, ui: &mut Ui, r: &CoastReadout) {
        ui.label(
            egui::RichText::new("Jihadist-attributed incidents near the coastal states").strong(),
        );
        let Some(as_of) = r.as_of else {
            ui.weak("No incidents in the filter.");
            return;
        };
        ui.weak(format!(
            "{} in the filter ({} more by unidentified armed groups, not counted); last 12 \
             months to {as_of} against the 12 before.",
            r.jihadist, r.unidentified
        ));
        ui.weak(format!(
            "Distances to the {}; bands count incidents in {}.",
            r.border.label(),
            match r.border {
                BorderKind::Sahel => "Mali, Burkina Faso and Niger",
                BorderKind::WholeLandBorder => "any neighbouring country",
            }
        ));
        egui::Grid::new("coast_bands")
            .num_columns(4)
            .striped(true)
            .show(ui, |ui| {
                for h in ["Where", "last 12 m", "prior 12 m", "change"] {
                    ui.label(egui::RichText::new(h).strong());
                }
                ui.end_row();
                let (li, pi) = r.inside;
                ui.label("inside the coastal states");
                ui.label(li.to_string());
                ui.label(pi.to_string());
                ui.label(change(li, pi));
                ui.end_row();
                for b in &r.bands {
                    ui.label(format!("0–{:.0} km north of border", b.band_km));
                    ui.label(b.last_12m.to_string());
                    ui.label(b.prior_12m.to_string());
                    ui.label(change(b.last_12m, b.prior_12m));
                    ui.end_row();
                }
            });
        if let Some(b50) = r.bands.iter().find(|b| b.band_km == 50.0) {
            let (l, p) = (r.inside.0 + b50.last_12m, r.inside.1 + b50.prior_12m);
            ui.label(format!(
                "In the coastal states and within 50 km of their borders (the Africa Center's \
                 measure): {l}, against {p} ({}).",
                change(l, p)
            ));
        }
        if r.country_mismatch > 0 {
            ui.label(format!(
                "Country differs from the map: {} incidents in the filter ({} jihadist) lie in \
                 another country than their dataset says; they count in the dataset's country.",
                r.country_mismatch, r.country_mismatch_jihadist
            ));
        } else {
            ui.weak("Country differs from the map: none.");
        }
    }

    fn frontier(&mut self, ui: &mut Ui, r: &CoastReadout) {
        ui.label(egui::RichText::new("Southward frontier").strong());
        if r.quarters.is_empty() {
            ui.weak("No jihadist-attributed incidents in the filter.");
            return;
        }
        let (first, last) = (
            r.quarters[0].quarter,
            r.quarters[r.quarters.len() - 1].quarter,
        );
        let mut q = self.frontier_quarter(r).unwrap_or(last).clamp(first, last);
        ui.horizontal(|ui| {
            ui.label("Quarter");
            let changed = ui
                .add(
                    egui::Slider::new(&mut q, first..=last)
                        .custom_formatter(|v, _| quarter_text(v as i32))
                        .show_value(true),
                )
                .changed();
            if changed {
                self.quarter = Some(q);
            }
            if self.quarter.is_some() && ui.small_button("newest").clicked() {
                self.quarter = None;
            }
        });
        if let Some(s) = r.quarters.iter().find(|s| s.quarter == q) {
            ui.label(format!(
                "{}: {} incidents ({} more by unidentified armed groups); 10th percentile {:.0} \
                 km to the sea ({} incidents at or below), closest {:.0} km, median {:.0} km.",
                quarter_text(q),
                s.n,
                s.unidentified,
                s.p10_km,
                s.n_behind_p10,
                s.min_km,
                s.median_km
            ));
        }
        let x = |q: i32| {
            let (y, n) = quarter_label(q);
            f64::from(y) + f64::from(n - 1) / 4.0
        };
        let min: PlotPoints = r
            .quarters
            .iter()
            .map(|s| [x(s.quarter), s.min_km])
            .collect();
        let p10: PlotPoints = r
            .quarters
            .iter()
            .map(|s| [x(s.quarter), s.p10_km])
            .collect();
        let median: PlotPoints = r
            .quarters
            .iter()
            .map(|s| [x(s.quarter), s.median_km])
            .collect();
        Plot::new("frontier_chart")
            .height(170.0)
            .legend(Legend::default())
            .y_axis_label("km to the sea")
            .allow_scroll(false)
            .show(ui, |plot| {
                plot.line(Line::new("10th percentile", p10).width(2.5));
                plot.points(
                    Points::new("closest (one event)", min)
                        .radius(2.0)
                        .color(egui::Color32::from_gray(140)),
                );
                plot.line(Line::new("median", median).width(1.0));
                plot.vline(VLine::new(quarter_text(q), x(q)));
            });
    }
}
