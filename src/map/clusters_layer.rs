//! Incident clusters: the level of the cluster hierarchy for the current zoom, only what is in
//! view. Size by event count (log scale), colour by fatalities under the claim scenario or by
//! the dominant event type, a count label, hollow when most members are located only to a
//! district or region, a stack mark when zooming cannot split the cluster.

use egui::{Align2, Color32, FontId, Pos2, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::incidents_layer::{MarkerStats, event_type_color};
use super::occupancy::Occupancy;
use super::pointer::hover_and_click;
use super::style;
use super::view::{View, from_world};
use crate::analysis::IncidentColumns;
use crate::analysis::cluster::Cluster;
use crate::analysis::incident_clusters::{ClusterAgg, IncidentClusters, UNKNOWN_TYPE};

/// What a cluster's colour says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClusterColour {
    /// Fatalities per event under the chosen claim scenario, in [`SEVERITY_BREAKS`] classes
    /// (per event, so the colour does not repeat what the size already says).
    #[default]
    Severity,
    /// The most frequent event type among the members.
    EventType,
}

/// Upper bounds (exclusive) of the first four severity classes, in fatalities per event:
/// none, under 1, 1 to 2.5, 2.5 to 5, and 5 or more.
pub const SEVERITY_BREAKS: [f64; 4] = [f64::MIN_POSITIVE, 1.0, 2.5, 5.0];

/// Legend labels of the severity classes.
pub const SEVERITY_LABELS: [&str; 5] = ["none", "under 1", "1 to 2.5", "2.5 to 5", "5 or more"];

/// The same classes in a few characters, for the legend's row of swatches.
pub const SEVERITY_SHORT: [&str; 5] = ["0", "<1", "1–2.5", "2.5–5", "≥5"];

/// A sequential purple ramp (ColorBrewer BuPu, darkened), distinct from the YlOrRd risk shading
/// it is drawn over.
pub const SEVERITY_COLOURS: [Color32; 5] = [
    Color32::from_rgb(0x8F, 0xA8, 0xC8),
    Color32::from_rgb(0x8C, 0x86, 0xC0),
    Color32::from_rgb(0x88, 0x56, 0xA7),
    Color32::from_rgb(0x81, 0x0F, 0x7C),
    Color32::from_rgb(0x4D, 0x00, 0x4B),
];

/// The class of `fatalities` over `events` events.
pub fn severity_class(fatalities: u32, events: u32) -> usize {
    let mean = f64::from(fatalities) / f64::from(events.max(1));
    SEVERITY_BREAKS.iter().take_while(|&&b| mean >= b).count()
}

/// The cluster level drawn at a map zoom: with walkers' 256-pixel tiles, level `z` (radius
/// relative to a 512-pixel extent) is 60 px on screen at map zoom `z + 1`, so clusters are
/// 60–120 px apart at any zoom.
pub fn level_for_zoom(zoom: f64, clusters: &IncidentClusters) -> u8 {
    let idx = &clusters.index;
    ((zoom - 1.0).floor().max(0.0) as u8).clamp(idx.min_zoom(), idx.max_zoom())
}

/// Marker radius in points: 4 for one event, 8 + 5·log10(count) for a cluster.
pub fn marker_radius(count: u32) -> f32 {
    if count <= 1 {
        4.0
    } else {
        8.0 + 5.0 * (count as f32).log10()
    }
}

/// "7", "1.2k", "34k", "1.0M".
pub fn count_label(n: u32) -> String {
    match n {
        0..=999 => n.to_string(),
        1000..=9_999 => format!("{:.1}k", n as f64 / 1e3),
        10_000..=999_999 => format!("{}k", n / 1000),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// A cluster as drawn this frame.
#[derive(Debug, Clone, Copy)]
pub struct DrawnCluster {
    pub pos: Pos2,
    pub radius: f32,
    pub cluster: Cluster,
}

pub struct ClustersLayer<'a> {
    pub clusters: &'a IncidentClusters,
    pub columns: &'a IncidentColumns,
    /// Claim scenario index (0 low, 1 best, 2 high).
    pub scenario: usize,
    pub colour: ClusterColour,
    /// Store index of the selected incident.
    pub selected: Option<usize>,
    pub stats: &'a mut MarkerStats,
    pub hovered: &'a mut Option<Cluster>,
    pub clicked: &'a mut Option<Cluster>,
    pub scale: f32,
}

impl ClustersLayer<'_> {
    fn fill(&self, agg: &ClusterAgg, events: u32) -> Color32 {
        match self.colour {
            ClusterColour::Severity => {
                SEVERITY_COLOURS[severity_class(agg.fatalities[self.scenario], events)]
            }
            ClusterColour::EventType => {
                let t = agg.dominant_type();
                event_type_color(if t == UNKNOWN_TYPE { 255 } else { t as u8 })
            }
        }
    }

    /// Draw the clusters in view; returns them with their screen position and radius.
    pub fn draw(&mut self, painter: &egui::Painter, view: &View) -> Vec<DrawnCluster> {
        let s = self.scale;
        let level = level_for_zoom(view.zoom, self.clusters);
        let b = view.world_bounds(45.0 * s);
        let (lon0, lat1) = from_world([b[0], b[1]]);
        let (lon1, lat0) = from_world([b[2], b[3]]);
        let mut drawn: Vec<DrawnCluster> = self
            .clusters
            .index
            .in_view(level, lon0, lat0, lon1, lat1)
            .map(|c| DrawnCluster {
                pos: view.world_to_screen([c.x, c.y]),
                radius: marker_radius(c.count) * s,
                cluster: *c,
            })
            .collect();
        // Small ones on top of big ones.
        drawn.sort_unstable_by_key(|d| std::cmp::Reverse(d.cluster.count));
        let outline = Color32::from_rgba_unmultiplied(20, 20, 30, 200);
        for d in &drawn {
            let c = &d.cluster;
            let agg = self.clusters.agg(c);
            let fill = self.fill(agg, c.count);
            let hollow = agg.coarse * 2 > c.count;
            let unsplittable = c.count > 1 && self.clusters.index.stacked_at_max_zoom(c);
            if unsplittable {
                // A second disc behind: "a pile" that opens as a list.
                let off = egui::vec2(3.0, -3.0) * s;
                painter.circle(d.pos + off, d.radius, fill, Stroke::new(1.0 * s, outline));
            }
            if hollow {
                painter.circle(
                    d.pos,
                    d.radius,
                    Color32::from_white_alpha(200),
                    Stroke::NONE,
                );
                painter.circle_stroke(d.pos, d.radius - 1.2 * s, Stroke::new(2.6 * s, fill));
                painter.circle_stroke(d.pos, d.radius + 0.4 * s, Stroke::new(0.8 * s, outline));
            } else {
                painter.circle(d.pos, d.radius, fill, Stroke::new(1.4 * s, Color32::WHITE));
                painter.circle_stroke(d.pos, d.radius + 0.7 * s, Stroke::new(0.8 * s, outline));
            }
            if c.count > 1 {
                let text_colour = if hollow { fill } else { Color32::WHITE };
                let size = (10.0 + 1.2 * (c.count as f32).log10()) * s;
                painter.text(
                    d.pos,
                    Align2::CENTER_CENTER,
                    count_label(c.count),
                    FontId::proportional(size),
                    text_colour,
                );
            }
        }
        if let Some(sel) = self.selected
            && sel < self.columns.len()
        {
            let p = view.lonlat_to_screen(self.columns.lon[sel], self.columns.lat[sel]);
            painter.circle_stroke(p, 9.0 * s, Stroke::new(2.5 * s, style::SELECTED));
        }
        Occupancy::update(painter.ctx(), view.rect, |o| {
            for d in &drawn {
                o.mark(
                    Occupancy::disc(d.pos, d.radius),
                    Occupancy::marker_weight(d.cluster.count),
                );
            }
        });
        *self.stats = MarkerStats {
            in_view: drawn.iter().map(|d| d.cluster.count as usize).sum(),
            drawn: drawn.len(),
        };
        drawn
    }
}

/// The drawn cluster under `pos`: the smallest whose disc (plus `slack` points) holds it.
pub fn hit(drawn: &[DrawnCluster], pos: Pos2, slack: f32) -> Option<Cluster> {
    drawn
        .iter()
        .filter(|d| (d.pos - pos).length() <= d.radius + slack)
        .min_by(|a, b| {
            ((a.pos - pos).length() - a.radius).total_cmp(&((b.pos - pos).length() - b.radius))
        })
        .map(|d| d.cluster)
}

impl Plugin for ClustersLayer<'_> {
    fn run(
        mut self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let view = View::from_projector(projector);
        let drawn = self.draw(ui.painter(), &view);
        let under = |p| hit(&drawn, p, 2.0);
        hover_and_click(response, under, self.hovered, self.clicked);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_labels_and_sizes() {
        assert_eq!(severity_class(0, 1), 0);
        assert_eq!(severity_class(0, 0), 0);
        assert_eq!(severity_class(1, 10), 1);
        assert_eq!(severity_class(10, 10), 2);
        assert_eq!(severity_class(1, 1), 2);
        assert_eq!(severity_class(24, 10), 2);
        assert_eq!(severity_class(25, 10), 3);
        assert_eq!(severity_class(5, 1), 4);
        assert_eq!(severity_class(u32::MAX, 1), 4);
        assert_eq!(count_label(999), "999");
        assert_eq!(count_label(1234), "1.2k");
        assert_eq!(count_label(34_567), "34k");
        assert_eq!(count_label(1_000_000), "1.0M");
        assert!(marker_radius(2) > marker_radius(1));
        assert!(marker_radius(1_000_000) < 40.0);
    }
}
