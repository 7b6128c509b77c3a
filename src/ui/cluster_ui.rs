//! The clusters in the window: the layer options, the hover tooltip's text, and the list of
//! events a click opens when zooming cannot split a cluster (events at the same point).

use std::sync::Arc;

use egui::Ui;

use super::incidents::Incidents;
use crate::analysis::IncidentColumns;
use crate::analysis::cluster::Cluster;
use crate::analysis::columns::NONE_U8;
use crate::analysis::incident_clusters::{ClusterSummary, IncidentClusters};
use crate::map::clusters_layer::ClusterColour;
use crate::model::EventType;

/// Events listed at one point, opened by clicking an unsplittable cluster.
pub struct StackList {
    /// Store indices, newest first.
    pub incidents: Vec<u32>,
    pub lon: f64,
    pub lat: f64,
}

pub struct ClusterUi {
    /// Draw clusters (else one marker per incident, thinned when too many).
    pub enabled: bool,
    pub colour: ClusterColour,
    /// The cluster under the pointer in the last frame.
    pub hovered: Option<Cluster>,
    /// The last summary, for (clusters build, zoom, cluster index).
    summary: Option<((usize, u8, u32), ClusterSummary)>,
    pub stack: Option<StackList>,
}

impl Default for ClusterUi {
    fn default() -> Self {
        ClusterUi {
            enabled: true,
            colour: ClusterColour::Severity,
            hovered: None,
            summary: None,
            stack: None,
        }
    }
}

fn type_name(code: u8) -> &'static str {
    if code == NONE_U8 {
        "untyped"
    } else {
        EventType::ALL
            .get(usize::from(code))
            .map_or("untyped", |t| t.name())
    }
}

fn short(name: &str) -> String {
    let mut s: String = name.chars().take(38).collect();
    if name.chars().count() > 38 {
        s.push('…');
    }
    s
}

/// The tooltip of a cluster of several events: one fact per line, so it stays narrow.
pub fn tooltip_text(
    s: &ClusterSummary,
    columns: &IncidentColumns,
    unsplittable: bool,
    distances: Option<&str>,
) -> String {
    let mut lines = vec![match (s.date_min, s.date_max) {
        (Some(a), Some(b)) => format!("{} events, {a} to {b}", s.events),
        _ => format!("{} events", s.events),
    }];
    let [low, best, high] = s.fatalities;
    lines.push(if low == high {
        format!("Fatalities: {best} (all claims agree)")
    } else {
        format!("Fatalities: {low} to {high} across claims (best {best})")
    });
    if s.no_figure > 0 {
        lines.push(format!(
            "  {} events with no figure in any claim",
            s.no_figure
        ));
    }
    lines.push("Most frequent types:".into());
    for (t, n) in &s.top_types {
        lines.push(format!("  {} {n}", type_name(*t)));
    }
    if !s.top_actors.is_empty() {
        lines.push("Most frequent actors:".into());
        for (a, n) in &s.top_actors {
            lines.push(format!(
                "  {} {n}",
                short(&columns.actors.values[*a as usize])
            ));
        }
    }
    if s.coarse > 0 {
        lines.push(format!("{} located only to a district or region", s.coarse));
    }
    if let Some(d) = distances {
        lines.push(d.to_string());
    }
    lines.push(if unsplittable {
        "Same place: click to list the events".into()
    } else {
        "Click to zoom in".into()
    });
    lines.join("\n")
}

impl ClusterUi {
    /// The hovered cluster's summary, recomputed only when the hovered cluster changes.
    pub fn summary(
        &mut self,
        clusters: &Arc<IncidentClusters>,
        columns: &IncidentColumns,
        c: &Cluster,
    ) -> &ClusterSummary {
        let key = (Arc::as_ptr(clusters) as usize, c.zoom, c.index);
        if self.summary.as_ref().is_none_or(|(k, _)| *k != key) {
            self.summary = Some((key, clusters.summary(columns, c)));
        }
        &self.summary.as_ref().expect("just set").1
    }

    /// The options in the side panel.
    pub fn options(&mut self, ui: &mut Ui) {
        ui.checkbox(&mut self.enabled, "Cluster nearby incidents");
        ui.add_enabled_ui(self.enabled, |ui| {
            ui.horizontal(|ui| {
                ui.label("Colour by");
                ui.radio_value(&mut self.colour, ClusterColour::Severity, "fatalities");
                ui.radio_value(&mut self.colour, ClusterColour::EventType, "type");
            });
        });
    }

    /// The list of events at one point; returns the incident the user picked.
    pub fn stack_window(&mut self, ctx: &egui::Context, incidents: &Incidents) -> Option<usize> {
        let stack = self.stack.as_ref()?;
        let mut open = true;
        let mut picked = None;
        let store = incidents.store.incidents();
        egui::Window::new(format!("{} events at one point", stack.incidents.len()))
            .open(&mut open)
            .default_width(420.0)
            .show(ctx, |ui| {
                ui.label(format!(
                    "{} — zooming in cannot separate them.",
                    super::format_lonlat(stack.lon, stack.lat)
                ));
                egui::ScrollArea::vertical().max_height(320.0).show_rows(
                    ui,
                    18.0,
                    stack.incidents.len(),
                    |ui, rows| {
                        for k in rows {
                            let i = stack.incidents[k] as usize;
                            let Some(inc) = store.get(i) else { continue };
                            let text = format!(
                                "{}  ·  fatalities {}",
                                super::incident_details::summary(inc),
                                super::incident_table::fatalities_text(inc)
                            );
                            let selected = incidents.selected == Some(i);
                            if ui.selectable_label(selected, text).clicked() {
                                picked = Some(i);
                            }
                        }
                    },
                );
            });
        if !open {
            self.stack = None;
        }
        picked
    }
}

/// The list for an unsplittable cluster: its incidents, newest first.
pub fn stack_list(
    clusters: &IncidentClusters,
    columns: &IncidentColumns,
    c: &Cluster,
) -> StackList {
    let mut incidents = clusters.incidents_of(c);
    incidents.sort_unstable_by_key(|&i| std::cmp::Reverse(columns.day_start[i as usize]));
    StackList {
        incidents,
        lon: c.lon(),
        lat: c.lat(),
    }
}
