//! The risk panel: which units, the score's settings (window, half-life, as-of, weights,
//! classes, smoothing), progress with Cancel, the ranking, the selected unit's explanation
//! (components adding up to its score, rank, trend, monthly events, top actors, its
//! incidents), and export of the table as CSV.

use std::path::PathBuf;
use std::sync::Arc;

use egui::Ui;
use egui_plot::{Bar, BarChart, Plot};

use super::risk_job::RiskJob;
use crate::analysis::IncidentColumns;
use crate::analysis::risk::{COMPONENT_NAMES, RiskRow, RiskTable};
use crate::analysis::risk_units::{UnitLevel, write_csv};

/// Exposure classes for (table, coast tools), with their breaks.
type ExposureCache = ((usize, usize), Arc<Vec<u8>>, [f64; 4]);

pub struct RiskUi {
    pub show: bool,
    /// Shade by coastal exposure (score × proximity to the sea) instead of the score.
    pub coastal: bool,
    exposure: Option<ExposureCache>,
    pub opacity: f32,
    /// Unit index of the selected unit.
    pub selected: Option<usize>,
    pub hovered: Option<usize>,
    /// Path for a boundary file or the CSV export (where no file dialog is available).
    pub path: String,
    pub message: Option<String>,
}

impl Default for RiskUi {
    fn default() -> Self {
        RiskUi {
            show: false,
            coastal: false,
            exposure: None,
            opacity: 0.6,
            selected: None,
            hovered: None,
            path: String::new(),
            message: None,
        }
    }
}

/// What the panel asks the window to do.
pub enum RiskAction {
    None,
    /// List these incidents (store indices) in the table.
    ShowIncidents(String, Vec<u32>),
}

const LEVELS: [(&str, UnitLevel); 5] = [
    ("Regions (admin-1)", UnitLevel::Admin1),
    ("Burkina Faso provinces", UnitLevel::Province),
    ("H3 hexagons ~1,770 km² (res 4)", UnitLevel::H3(4)),
    ("H3 hexagons ~250 km² (res 5)", UnitLevel::H3(5)),
    ("H3 hexagons ~36 km² (res 6)", UnitLevel::H3(6)),
];

/// One line for legends: "ACLED political violence · next 90 d · fixed breaks · window 365 d ·
/// half-life 90 d · best claims · data as of 2025-09-30".
pub fn method_line(job: &RiskJob, table: &RiskTable, scenario: &str) -> String {
    let s = &job.settings;
    format!(
        "{} {} · next {} d · {} · window {} d · half-life {:.0} d · {scenario} claims · data as of {}",
        job.selection.dataset.map_or("no data", |d| d.name()),
        s.event_types().label(),
        table.params.horizon_days,
        if s.quantile {
            "quantile classes"
        } else {
            "fixed breaks"
        },
        s.window_days,
        s.half_life_days,
        crate::analysis::columns::date_from_day(table.params.as_of_day)
    )
}

impl RiskUi {
    /// The classes the map shows (by unit index), their breaks and the legend's title:
    /// the score's, or the coastal exposure's once the coast index is ready.
    pub fn map_classes(
        &mut self,
        risk: &RiskJob,
        coast: &super::coast_job::CoastJob,
    ) -> Option<(Arc<Vec<u8>>, [f64; 4], String)> {
        let (table, units) = (risk.table.as_ref()?, risk.units.as_ref()?);
        if !self.coastal {
            return Some((
                risk.classes.clone(),
                table.breaks,
                format!("Risk score, {}", units.level.label()),
            ));
        }
        let tools = coast.tools.as_ref()?;
        let key = (Arc::as_ptr(table) as usize, Arc::as_ptr(tools) as usize);
        if self.exposure.as_ref().is_none_or(|(k, _, _)| *k != key) {
            let d = crate::analysis::coast_exposure::unit_distances(&units.units, &tools.sea);
            let (_, classes, breaks) = crate::analysis::coast_exposure::exposure_classes(table, &d);
            self.exposure = Some((key, Arc::new(classes), breaks));
        }
        let (_, classes, breaks) = self.exposure.as_ref()?;
        Some((
            classes.clone(),
            *breaks,
            format!(
                "Coastal exposure, {}: risk score × (1 − km to the sea / 1,000)",
                units.level.label()
            ),
        ))
    }
    pub fn show_panel(
        &mut self,
        ui: &mut Ui,
        job: &mut RiskJob,
        columns: &IncidentColumns,
        filtered: &[u32],
        scenario: &str,
    ) -> RiskAction {
        ui.checkbox(
            &mut self.show,
            egui::RichText::new("Shade units by risk").strong(),
        );
        ui.horizontal(|ui| {
            ui.label("Shade by");
            ui.radio_value(&mut self.coastal, false, "risk score");
            ui.radio_value(&mut self.coastal, true, "coastal exposure");
        });
        self.units_choice(ui, job);
        self.settings(ui, job);
        ui.separator();
        if let Some(p) = job.progress() {
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(p)
                        .desired_width(180.0)
                        .text("scoring…"),
                );
                if ui.button("Cancel").clicked() {
                    job.cancel();
                }
            });
        }
        if let Some(e) = &job.error {
            ui.colored_label(egui::Color32::from_rgb(0xB0, 0x30, 0x20), e);
        }
        let (Some(table), Some(units)) = (job.table.clone(), job.units.clone()) else {
            return RiskAction::None;
        };
        ui.weak(method_line(job, &table, scenario));
        ui.weak(format!(
            "{} units; {} events in the window, {} outside every unit (not scored); {:.0} ms",
            units.units.len(),
            table.in_window,
            table.outside,
            job.last_ms
        ));
        if job.selection.mixed() || job.selection.other_types > 0 {
            ui.weak(job.selection.describe(job.settings.event_types()));
        }
        super::risk_skill::show(ui, &job.skill, table.params.horizon_days);
        self.export(ui, &units.units, &table);
        ui.separator();
        let mut action = RiskAction::None;
        if let Some(u) = self.selected
            && let Some(row) = table.row(u)
        {
            action = self.explanation(ui, job, &table, row, columns, filtered);
            ui.separator();
        }
        self.ranking(ui, &units.units, &table);
        action
    }

    fn units_choice(&mut self, ui: &mut Ui, job: &mut RiskJob) {
        let current = job.settings.level.label();
        egui::ComboBox::from_label("Units")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (label, level) in LEVELS {
                    if ui
                        .selectable_label(job.settings.level == level, label)
                        .clicked()
                    {
                        job.settings.level = level;
                        self.selected = None;
                    }
                }
            });
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.path)
                    .hint_text("boundary GeoJSON or CSV path")
                    .desired_width(170.0),
            );
            if ui.button("Browse…").clicked()
                && let Some(p) = rfd::FileDialog::new()
                    .add_filter("GeoJSON", &["geojson", "json"])
                    .pick_file()
            {
                self.path = p.display().to_string();
            }
            if ui
                .add_enabled(
                    !self.path.trim().is_empty(),
                    egui::Button::new("Use as units"),
                )
                .clicked()
            {
                job.settings.level = UnitLevel::Custom(PathBuf::from(self.path.trim()));
                self.selected = None;
            }
        });
    }

    fn settings(&mut self, ui: &mut Ui, job: &mut RiskJob) {
        let s = &mut job.settings;
        ui.add(egui::Slider::new(&mut self.opacity, 0.1..=0.9).text("opacity"));
        ui.add(
            egui::Slider::new(&mut s.half_life_days, 7.0..=730.0)
                .logarithmic(true)
                .text("half-life, days"),
        );
        ui.add(egui::Slider::new(&mut s.window_days, 30..=1825).text("window, days"));
        ui.add(egui::Slider::new(&mut s.horizon_days, 30..=365).text("forecast horizon, days"));
        ui.checkbox(
            &mut s.include_demonstrations,
            "Count protests and riots too (default: political violence only)",
        );
        ui.horizontal(|ui| {
            ui.label("As of");
            if let Some(d) = s.as_of {
                let mut j = super::filters_panel::to_jiff(d);
                if ui
                    .add(egui_extras::DatePickerButton::new(&mut j).id_salt("risk_as_of"))
                    .changed()
                {
                    s.as_of = Some(super::filters_panel::from_jiff(j));
                }
                if ui.small_button("newest event").clicked() {
                    s.as_of = None;
                }
            } else {
                ui.label("the newest event");
                if ui.small_button("choose…").clicked() {
                    s.as_of = Some(chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"));
                }
            }
        });
        egui::CollapsingHeader::new("Weights and method").show(ui, |ui| {
            for (k, name) in COMPONENT_NAMES.iter().enumerate() {
                ui.add(egui::Slider::new(&mut s.weights[k], 0.0..=3.0).text(*name));
            }
            if s.weights.iter().all(|w| *w <= 0.0) {
                s.weights[0] = 0.1;
            }
            ui.add(
                egui::Slider::new(&mut s.coarse_weight, 0.0..=1.0)
                    .text("weight of district/region-located events"),
            );
            ui.checkbox(
                &mut s.eb,
                "Smooth with the neighbourhood (empirical Bayes; off: own history only)",
            );
            ui.horizontal(|ui| {
                ui.radio_value(&mut s.quantile, true, "quantile classes");
                ui.radio_value(&mut s.quantile, false, "fixed breaks");
            });
            if !s.quantile {
                ui.horizontal(|ui| {
                    let mut prev = 0.0;
                    for k in 0..4 {
                        let next = s.fixed_breaks.get(k + 1).copied().unwrap_or(100.0);
                        ui.add(
                            egui::DragValue::new(&mut s.fixed_breaks[k])
                                .range(prev + 1.0..=next - 1.0),
                        );
                        prev = s.fixed_breaks[k];
                    }
                });
            }
            ui.weak("Method and formulas: docs/risk.md");
        });
    }

    fn export(&mut self, ui: &mut Ui, units: &crate::analysis::risk::UnitSet, table: &RiskTable) {
        ui.horizontal(|ui| {
            if ui.button("Export table as CSV…").clicked() {
                let path = rfd::FileDialog::new()
                    .set_file_name("risk.csv")
                    .save_file()
                    .or_else(|| {
                        let p = self.path.trim();
                        (p.ends_with(".csv")).then(|| PathBuf::from(p))
                    });
                self.message = Some(match path {
                    Some(p) => match std::fs::File::create(&p)
                        .map_err(|e| e.to_string())
                        .and_then(|f| write_csv(units, table, f).map_err(|e| e.to_string()))
                    {
                        Ok(()) => format!("Saved {} rows to {}", table.rows.len(), p.display()),
                        Err(e) => format!("{}: could not save: {e}", p.display()),
                    },
                    None => "No file dialog here: type a path ending in .csv above, then \
                             export again."
                        .into(),
                });
            }
        });
        if let Some(m) = &self.message {
            ui.weak(m);
        }
    }

    fn explanation(
        &mut self,
        ui: &mut Ui,
        job: &RiskJob,
        table: &RiskTable,
        row: &RiskRow,
        columns: &IncidentColumns,
        filtered: &[u32],
    ) -> RiskAction {
        let Some(units) = &job.units else {
            return RiskAction::None;
        };
        let unit = &units.units.units()[row.unit];
        ui.label(egui::RichText::new(format!("{} ({})", unit.name, unit.country)).heading());
        ui.label(format!(
            "Score {:.1} of 100 · class {} of 5 · rank {} of {}",
            row.score,
            row.class,
            row.rank,
            table.rows.len()
        ));
        ui.label(format!(
            "{} events, {} fatalities in the window",
            row.events, row.fatalities
        ));
        let h = table.params.horizon_days;
        ui.label(format!(
            "Expected in the next {h} days: {:.1} political-violence events (about 80% of \
             outcomes between {} and {})",
            row.expected_events, row.expected_range.0, row.expected_range.1
        ));
        ui.weak(format!(
            "Weight of its own history against its neighbourhood's: {:.0}%",
            row.trust * 100.0
        ));
        egui::Grid::new("risk_components")
            .num_columns(3)
            .striped(true)
            .show(ui, |ui| {
                for h in ["component", "events' worth", "adds"] {
                    ui.label(egui::RichText::new(h).strong());
                }
                ui.end_row();
                for (k, name) in COMPONENT_NAMES.iter().enumerate() {
                    ui.label(*name);
                    ui.label(format!("{:.2}", row.value[k]));
                    ui.label(format!("{:.1}", row.contribution[k]));
                    ui.end_row();
                }
                ui.label(egui::RichText::new("score").strong());
                ui.label("");
                ui.label(egui::RichText::new(format!("{:.1}", row.score)).strong());
                ui.end_row();
            });
        ui.weak(format!(
            "Over the next {h} days: intensity = its own recent events, diffusion = what its \
             neighbourhood makes expected; deadliness adds one event's worth per ~10 deaths \
             (log scale), civilians one per civilian-targeting event; fragmentation +10% of \
             the expected events per named armed group beyond the first ({} with ≥ 2 events \
             here). 100 = {:.0} events' worth.",
            row.raw[4], table.reference
        ));
        let (recent, before) = row.trend;
        let trend = if before == 0 {
            if recent == 0 {
                "no events".into()
            } else {
                "new activity".to_string()
            }
        } else {
            format!(
                "{:+.0}%",
                100.0 * (f64::from(recent) - f64::from(before)) / f64::from(before)
            )
        };
        ui.label(format!(
            "Trend: {recent} events in the last 90 days against {before} in the 90 before ({trend})"
        ));
        let bars: Vec<Bar> = row
            .monthly
            .iter()
            .enumerate()
            .map(|(k, &n)| Bar::new(k as f64, f64::from(n)).width(0.8))
            .collect();
        let months = table.months.clone();
        Plot::new("risk_monthly")
            .height(110.0)
            .allow_scroll(false)
            .allow_drag(false)
            .x_axis_formatter(move |m, _| {
                months
                    .get(m.value.round().max(0.0) as usize)
                    .map_or(String::new(), |(y, mo)| format!("{y}-{mo:02}"))
            })
            .show(ui, |plot| {
                plot.bar_chart(BarChart::new("events per month", bars))
            });
        if !row.top_actors.is_empty() {
            ui.label(egui::RichText::new("Top named armed groups").strong());
            for (a, w) in &row.top_actors {
                let name = columns
                    .groups
                    .values
                    .get(*a as usize)
                    .map_or("?", |s| s.as_ref());
                ui.label(format!("{name} (weighted events {w:.1})"));
            }
        }
        if ui.button("Show its incidents in the table").clicked() {
            return RiskAction::ShowIncidents(
                format!("{} (risk unit)", unit.name),
                job.incidents_in(row.unit, filtered),
            );
        }
        RiskAction::None
    }

    fn ranking(&mut self, ui: &mut Ui, units: &crate::analysis::risk::UnitSet, table: &RiskTable) {
        ui.label(egui::RichText::new("Highest scores").strong());
        let mut rows: Vec<&RiskRow> = table.rows.iter().filter(|r| r.score > 0.0).collect();
        rows.sort_by_key(|r| r.rank);
        for r in rows.iter().take(12) {
            let u = &units.units()[r.unit];
            let text = format!("{}. {} ({}) {:.1}", r.rank, u.name, u.country, r.score);
            if ui
                .selectable_label(self.selected == Some(r.unit), text)
                .clicked()
            {
                self.selected = Some(r.unit);
            }
        }
    }
}
