//! The incident legend: clusters (colour scale, sizes, hollow and stacked marks) or plain markers
//! by type, and the legend of the other thematic layers. Each box goes where it hides the fewest
//! events, clear of the map's furniture (`map::occupancy`): top left on an empty map, else down
//! the left edge or over to the right. Ordered classes (severity, risk, distance to the sea) are
//! drawn as one row of swatches with their values beneath, so the legends cover as little of the
//! map as they can; each swatch still carries its class's full name for screen readers and
//! tests.

use egui::{Color32, Pos2, Rect, Stroke, Ui, pos2, vec2};

use crate::analysis::coast::{BandRow, BorderKind};
use crate::map::border_bands_layer::{BORDER_COLOUR, border_band_colour};
use crate::map::clusters_layer::{
    ClusterColour, SEVERITY_COLOURS, SEVERITY_LABELS, SEVERITY_SHORT, count_label, marker_radius,
};
use crate::map::frontier_layer::FRONTIER_COLOUR;
use crate::map::incidents_layer::legend_entries;
use crate::map::occupancy::Occupancy;
use crate::map::sea_bands_layer::band_colour;

/// What the incident layer is drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LegendMode {
    Markers,
    Clusters {
        colour: ClusterColour,
        /// "low", "best" or "high".
        scenario: &'static str,
    },
}

fn text(ui: &mut Ui, s: &str) {
    ui.label(
        egui::RichText::new(s)
            .size(11.0)
            .color(Color32::from_gray(40)),
    );
}

fn title(ui: &mut Ui, s: &str) {
    ui.label(
        egui::RichText::new(s)
            .strong()
            .size(12.0)
            .color(Color32::from_gray(30)),
    );
}

fn swatch_row(ui: &mut Ui, color: Color32, label: &str, hollow: bool) {
    ui.horizontal(|ui| {
        let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), egui::Sense::hover());
        if hollow {
            ui.painter()
                .circle_stroke(r.center(), 4.0, Stroke::new(1.6, color));
        } else {
            ui.painter()
                .circle(r.center(), 4.5, color, Stroke::new(0.7, Color32::WHITE));
        }
        text(ui, label);
    });
}

/// Gives the area `r` of a swatch drawn by hand the name `name` (for screen readers and tests).
fn name_swatch(ui: &mut Ui, r: egui::Rect, name: &str) {
    let response = ui.interact(
        r,
        ui.scope_id().with(("swatch", name)),
        egui::Sense::hover(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
}

const SMALL: f32 = 10.0;

fn small_text(ui: &Ui, pos: egui::Pos2, align: egui::Align2, s: &str) {
    ui.painter().text(
        pos,
        align,
        s,
        egui::FontId::proportional(SMALL),
        Color32::from_gray(40),
    );
}

/// Ordered classes as adjacent bars with the values at their edges beneath (`edges`: one more
/// than `colours`, printed with `decimals`); `name(k, low, high)` is class `k`'s full name.
fn class_ramp(
    ui: &mut Ui,
    colours: &[Color32],
    edges: &[f64],
    decimals: usize,
    name: impl Fn(usize, f64, f64) -> String,
) {
    let w = ui.available_width().min(220.0);
    let (rect, _) = ui.allocate_exact_size(vec2(w, 24.0), egui::Sense::hover());
    let n = colours.len().max(1) as f32;
    let step = rect.width() / n;
    for (k, (c, e)) in colours.iter().zip(edges.windows(2)).enumerate() {
        let x0 = rect.min.x + step * k as f32;
        let bar = egui::Rect::from_min_size(pos2(x0, rect.min.y), vec2(step, 10.0));
        ui.painter().rect_filled(bar, 0.0, *c);
        name_swatch(ui, bar, &name(k, e[0], e[1]));
    }
    // An outline, so that a pale first class still reads as a bar.
    ui.painter().rect_stroke(
        egui::Rect::from_min_size(rect.min, vec2(rect.width(), 10.0)),
        0.0,
        Stroke::new(0.6, Color32::from_gray(150)),
        egui::StrokeKind::Outside,
    );
    for (k, e) in edges.iter().enumerate() {
        let x = rect.min.x + step * k as f32;
        let align = if k == 0 {
            egui::Align2::LEFT_TOP
        } else if k + 1 == edges.len() {
            egui::Align2::RIGHT_TOP
        } else {
            egui::Align2::CENTER_TOP
        };
        small_text(
            ui,
            pos2(x, rect.min.y + 12.0),
            align,
            &format!("{e:.decimals$}"),
        );
    }
}

/// Categories as dots in one row, each with a short label beneath (`names`: full names).
fn dot_ramp(ui: &mut Ui, colours: &[Color32], short: &[&str], names: &[&str]) {
    let w = ui.available_width().min(220.0);
    let (rect, _) = ui.allocate_exact_size(vec2(w, 26.0), egui::Sense::hover());
    let step = rect.width() / colours.len().max(1) as f32;
    for (k, ((c, s), name)) in colours.iter().zip(short).zip(names).enumerate() {
        let cx = rect.min.x + step * (k as f32 + 0.5);
        let centre = pos2(cx, rect.min.y + 6.0);
        ui.painter()
            .circle(centre, 5.0, *c, Stroke::new(0.7, Color32::WHITE));
        name_swatch(
            ui,
            egui::Rect::from_center_size(centre, vec2(12.0, 12.0)),
            name,
        );
        small_text(ui, pos2(cx, rect.min.y + 13.0), egui::Align2::CENTER_TOP, s);
    }
}

fn type_rows(ui: &mut Ui) {
    for (name, color) in legend_entries() {
        swatch_row(ui, color, name, false);
    }
}

fn size_row(ui: &mut Ui) {
    ui.horizontal(|ui| {
        for n in [1u32, 10, 100, 1000] {
            let r = marker_radius(n).min(18.0);
            let (rect, _) = ui.allocate_exact_size(vec2(2.0 * r + 2.0, 40.0), egui::Sense::hover());
            let c = pos2(rect.center().x, rect.max.y - r - 1.0);
            ui.painter().circle(
                c,
                r,
                Color32::from_gray(150),
                Stroke::new(1.0, Color32::WHITE),
            );
            if n > 1 {
                ui.painter().text(
                    c,
                    egui::Align2::CENTER_CENTER,
                    count_label(n),
                    egui::FontId::proportional(10.0),
                    Color32::WHITE,
                );
            }
        }
    });
}

/// The coast layers that are on, for the legend.
#[derive(Debug, Clone, Default)]
pub struct CoastLegend {
    /// Edges of the distance-to-the-sea bands, km.
    pub sea_edges: Option<Vec<f64>>,
    /// The border bands and their counts (last 12 months, prior 12) when known.
    pub border_bands: Option<Vec<BandRow>>,
    /// The border the bands are measured from.
    pub border_kind: BorderKind,
    /// "2025 Q3" when the frontier is drawn.
    pub frontier: Option<String>,
    /// The risk shading, when shown.
    pub risk: Option<RiskLegend>,
}

/// What the risk shading's legend says.
#[derive(Debug, Clone)]
pub struct RiskLegend {
    /// "Risk score, admin-1 regions".
    pub title: String,
    /// Class breaks on the 0–100 score.
    pub breaks: [f64; 4],
    pub opacity: f32,
    /// Method, window, half-life, scenario and "data as of".
    pub method: String,
}

fn risk_rows(ui: &mut Ui, r: &RiskLegend) {
    title(ui, &r.title);
    let edges: Vec<f64> = std::iter::once(0.0)
        .chain(r.breaks)
        .chain(std::iter::once(100.0))
        .collect();
    let colours: Vec<Color32> = (1..=5u8)
        .map(|class| crate::map::risk_layer::class_colour(class, r.opacity.max(0.5)))
        .collect();
    text(ui, "score 0–100, classes 1 (low) to 5");
    class_ramp(ui, &colours, &edges, 1, |k, low, high| {
        format!("class {}: {low:.1}–{high:.1}", k + 1)
    });
    ui.add(
        egui::Label::new(
            egui::RichText::new(&r.method)
                .size(10.5)
                .color(Color32::from_gray(60)),
        )
        .wrap(),
    );
}

fn rect_row(ui: &mut Ui, color: Color32, label: &str) {
    ui.horizontal(|ui| {
        let (r, _) = ui.allocate_exact_size(vec2(14.0, 10.0), egui::Sense::hover());
        ui.painter().rect_filled(r, 1.0, color);
        text(ui, label);
    });
}

fn coast_rows(ui: &mut Ui, c: &CoastLegend) {
    if let Some(edges) = &c.sea_edges {
        title(ui, "Distance to the sea, km");
        let n = edges.len() + 1;
        let all: Vec<f64> = std::iter::once(0.0).chain(edges.iter().copied()).collect();
        let colours: Vec<Color32> = (0..edges.len())
            .map(|k| band_colour(k, n).gamma_multiply(0.7))
            .collect();
        class_ramp(ui, &colours, &all, 0, |_, low, high| {
            format!("{low:.0}–{high:.0} km")
        });
        text(
            ui,
            &format!("over {:.0} km: no tint", all.last().copied().unwrap_or(0.0)),
        );
    }
    if let Some(bands) = &c.border_bands {
        title(ui, "Jihadist-attributed incidents");
        text(
            ui,
            match c.border_kind {
                BorderKind::Sahel => "in Mali, Burkina Faso, Niger, last 12 m (prior)",
                BorderKind::WholeLandBorder => "near the coastal states, last 12 m (prior)",
            },
        );
        for (k, b) in bands.iter().enumerate() {
            rect_row(
                ui,
                border_band_colour(k, bands.len()),
                &format!("0–{:.0} km: {} ({})", b.band_km, b.last_12m, b.prior_12m),
            );
        }
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(vec2(14.0, 10.0), egui::Sense::hover());
            ui.painter()
                .hline(r.x_range(), r.center().y, Stroke::new(2.2, BORDER_COLOUR));
            text(ui, c.border_kind.label());
        });
    }
    if let Some(q) = &c.frontier {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(vec2(14.0, 10.0), egui::Sense::hover());
            ui.painter()
                .hline(r.x_range(), r.center().y, Stroke::new(3.0, FRONTIER_COLOUR));
            text(ui, &format!("jihadist frontier (10th percentile), {q}"));
        });
    }
}

/// A legend box `width` wide at most, where it hides the least of the map: measured first in an
/// invisible copy, then placed by the frame's [`Occupancy`] (which keeps it where it was in the
/// last frame, remembered under `name`, unless another place hides clearly less) and drawn there.
fn legend_box(ui: &mut Ui, name: &'static str, width: f32, contents: impl Fn(&mut Ui)) {
    let area = ui.max_rect();
    let id = egui::Id::unique(name);
    let frame = |ui: &mut Ui| {
        egui::Frame::new()
            .fill(Color32::from_white_alpha(225))
            .stroke(Stroke::new(1.0, Color32::from_gray(170)))
            .corner_radius(4.0)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.spacing_mut().item_spacing.y = 2.0;
                contents(ui);
            })
            .response
            .rect
    };
    let column = |min: Pos2| Rect::from_min_max(min, pos2(min.x + width, area.max.y));
    let mut unseen = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(column(area.min))
            .invisible(),
    );
    let size = frame(&mut unseen).size();
    let previous = ui.ctx().data(|d| d.get_temp::<Pos2>(id));
    let at = Occupancy::update(ui.ctx(), area, |o| o.place(name, size, 10.0, previous));
    ui.ctx().data_mut(|d| d.insert_temp(id, at.min));
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(column(at.min)));
    frame(&mut child);
}

fn sample_line(ui: &mut Ui) {
    ui.label(
        egui::RichText::new(crate::sample::SAMPLE_LABEL)
            .size(11.0)
            .strong()
            .color(Color32::from_rgb(0xA0, 0x3A, 0x2A)),
    );
}

/// The incident legend, and the coast layers' legend when any is on.
pub fn show(ui: &mut Ui, sample: bool, mode: Option<LegendMode>, coast: &CoastLegend) {
    if mode.is_some() {
        legend_box(ui, "legend-incidents", 215.0, |ui| {
            match mode {
                None => {}
                Some(LegendMode::Markers) => {
                    title(ui, "Incidents by type");
                    type_rows(ui);
                    swatch_row(
                        ui,
                        Color32::from_gray(90),
                        "hollow: located only to district/region",
                        true,
                    );
                }
                Some(LegendMode::Clusters { colour, scenario }) => {
                    title(ui, "Incident clusters");
                    match colour {
                        ClusterColour::Severity => {
                            text(ui, &format!("Fatalities per event ({scenario} claims)"));
                            dot_ramp(ui, &SEVERITY_COLOURS, &SEVERITY_SHORT, &SEVERITY_LABELS);
                        }
                        ClusterColour::EventType => {
                            text(ui, "Most frequent event type");
                            type_rows(ui);
                        }
                    }
                    text(ui, "Size: number of events");
                    size_row(ui);
                    swatch_row(
                        ui,
                        Color32::from_gray(90),
                        "hollow: mostly located only to district/region",
                        true,
                    );
                    text(ui, "double disc: same place, click to list");
                }
            }
            if sample {
                sample_line(ui);
            }
        });
    }
    if coast.sea_edges.is_some()
        || coast.border_bands.is_some()
        || coast.frontier.is_some()
        || coast.risk.is_some()
    {
        legend_box(ui, "legend-layers", 230.0, |ui| {
            if let Some(r) = &coast.risk {
                risk_rows(ui, r);
            }
            coast_rows(ui, coast);
            if sample && mode.is_none() {
                sample_line(ui);
            }
        });
    }
}
