//! Incident markers until clustering exists: coloured by event type, hollow when located only
//! to a district or region, capped so one frame never holds more shapes than the renderer can take.

use egui::{Color32, Pos2, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::occupancy::Occupancy;
use super::pointer::hover_and_click;
use super::style;
use super::view::View;
use crate::analysis::IncidentColumns;
use crate::analysis::columns::NONE_U8;
use crate::model::EventType;

/// At most this many markers in one frame (the wgpu painter overflows near 100,000 circles).
pub const MAX_MARKERS: usize = 20_000;

/// Okabe–Ito colours (colour-blind safe), one per ACLED event type.
pub fn event_type_color(t: u8) -> Color32 {
    match t {
        0 => Color32::from_rgb(0xD5, 0x5E, 0x00), // Battles: vermillion
        1 => Color32::from_rgb(0xCC, 0x79, 0xA7), // Explosions/Remote violence: reddish purple
        2 => Color32::from_rgb(0xE6, 0x9F, 0x00), // Violence against civilians: orange
        3 => Color32::from_rgb(0x00, 0x72, 0xB2), // Protests: blue
        4 => Color32::from_rgb(0x56, 0xB4, 0xE9), // Riots: sky blue
        5 => Color32::from_rgb(0x00, 0x9E, 0x73), // Strategic developments: bluish green
        _ => Color32::from_gray(90),
    }
}

/// What the markers layer saw this frame, for the status bar and the next frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkerStats {
    /// Filtered incidents inside the view.
    pub in_view: usize,
    /// Markers actually drawn (fewer when thinned).
    pub drawn: usize,
}

impl MarkerStats {
    pub fn thinned(&self) -> bool {
        self.drawn < self.in_view
    }
}

pub struct IncidentsLayer<'a> {
    pub columns: &'a IncidentColumns,
    /// Indices into the store of the incidents that pass the filter.
    pub filtered: &'a [u32],
    pub selected: Option<usize>,
    pub stats: &'a mut MarkerStats,
    /// Set to the incident under the pointer, if any.
    pub hovered: &'a mut Option<usize>,
    /// Set when the user clicked a marker.
    pub clicked: &'a mut Option<usize>,
    pub scale: f32,
}

impl IncidentsLayer<'_> {
    /// Draw; returns the positions of the drawn markers with their incident index.
    pub fn draw(&mut self, painter: &egui::Painter, view: &View) -> Vec<(Pos2, u32)> {
        let rect = view.rect.expand(4.0);
        let c = self.columns;
        let mut visible: Vec<(Pos2, u32)> = self
            .filtered
            .iter()
            .filter_map(|&i| {
                let p = view.lonlat_to_screen(c.lon[i as usize], c.lat[i as usize]);
                rect.contains(p).then_some((p, i))
            })
            .collect();
        let in_view = visible.len();
        if in_view > MAX_MARKERS {
            // Thin on a screen grid: one marker per cell, the cell size growing until it fits.
            let mut cell = 2.0f32;
            loop {
                let mut seen = std::collections::HashSet::with_capacity(MAX_MARKERS * 2);
                let kept: Vec<(Pos2, u32)> = visible
                    .iter()
                    .copied()
                    .filter(|(p, _)| seen.insert(((p.x / cell) as i32, (p.y / cell) as i32)))
                    .collect();
                if kept.len() <= MAX_MARKERS {
                    visible = kept;
                    break;
                }
                cell *= 1.5;
            }
        }
        let s = self.scale;
        let radius = (3.0 + ((view.zoom as f32) - 5.0).clamp(0.0, 6.0) * 0.35) * s;
        for &(p, i) in &visible {
            let t = c.event_type[i as usize];
            let color = event_type_color(if t == NONE_U8 { 255 } else { t });
            if c.coarse[i as usize] {
                painter.circle_stroke(p, radius, Stroke::new(1.6 * s, color));
            } else {
                painter.circle(p, radius, color, Stroke::new(0.7 * s, Color32::WHITE));
            }
        }
        if let Some(sel) = self.selected
            && sel < c.len()
        {
            let p = view.lonlat_to_screen(c.lon[sel], c.lat[sel]);
            painter.circle_stroke(p, radius + 4.0 * s, Stroke::new(2.5 * s, style::SELECTED));
        }
        Occupancy::update(painter.ctx(), view.rect, |o| {
            for &(p, _) in &visible {
                o.mark(Occupancy::disc(p, radius), 1.0);
            }
        });
        *self.stats = MarkerStats {
            in_view,
            drawn: visible.len(),
        };
        visible
    }
}

/// The drawn marker nearest to `pos`, within `max_px`.
pub fn nearest(markers: &[(Pos2, u32)], pos: Pos2, max_px: f32) -> Option<usize> {
    markers
        .iter()
        .map(|(p, i)| ((*p - pos).length_sq(), *i))
        .filter(|(d, _)| *d <= max_px * max_px)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, i)| i as usize)
}

impl Plugin for IncidentsLayer<'_> {
    fn run(
        mut self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let view = View::from_projector(projector);
        let markers = self.draw(ui.painter(), &view);
        let under = |p| nearest(&markers, p, 7.0);
        hover_and_click(response, under, self.hovered, self.clicked);
    }
}

/// Event type names in the order of their colour codes.
pub fn legend_entries() -> impl Iterator<Item = (&'static str, Color32)> {
    EventType::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name(), event_type_color(i as u8)))
}
