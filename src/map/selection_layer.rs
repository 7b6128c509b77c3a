//! Hover and selection of regions: hit-testing through the region R-tree, highlight, tooltip.

use egui::{Align2, Color32, FontId, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::prepared::PreparedLines;
use super::style;
use super::view::View;
use crate::geodata::{GeoData, Region, RegionLevel};

/// A region picked by hovering or clicking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionRef {
    pub level: RegionLevel,
    pub index: usize,
}

impl RegionRef {
    pub fn get<'g>(&self, geo: &'g GeoData) -> Option<&'g Region> {
        geo.regions(self.level).regions.get(self.index)
    }
}

/// What the user hovers and has selected; kept by the app between frames.
#[derive(Debug, Clone, Default)]
pub struct SelectionState {
    pub hovered: Option<RegionRef>,
    pub selected: Option<RegionRef>,
    /// The geographic position under the pointer.
    pub pointer: Option<(f64, f64)>,
}

/// The unit under (lon, lat): a Burkina Faso province when provinces are shown, else the
/// first-level region.
pub fn hit_test(geo: &GeoData, lon: f64, lat: f64, provinces: bool) -> Option<RegionRef> {
    if provinces && let Some(index) = geo.provinces.locate(lon, lat) {
        return Some(RegionRef {
            level: RegionLevel::Province,
            index,
        });
    }
    geo.admin1.locate(lon, lat).map(|index| RegionRef {
        level: RegionLevel::Admin1,
        index,
    })
}

pub struct SelectionLayer<'a> {
    pub geo: &'a GeoData,
    pub state: &'a mut SelectionState,
    pub provinces: bool,
    /// True while an incident marker is under the pointer: the click and tooltip are the marker's.
    pub marker_hovered: bool,
}

fn outline(painter: &egui::Painter, view: &View, region: &Region, stroke: Stroke) {
    let lines = PreparedLines::new(
        region
            .shape
            .0
            .iter()
            .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
            .map(|l| (0, l)),
    );
    lines.draw(painter, view, |_| stroke);
}

impl Plugin for SelectionLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _: &MapMemory,
    ) {
        let view = View::from_projector(projector);
        let state = self.state;
        state.pointer = response.hover_pos().map(|p| view.screen_to_lonlat(p));
        state.hovered = state
            .pointer
            .and_then(|(lon, lat)| hit_test(self.geo, lon, lat, self.provinces));
        if response.clicked() && !self.marker_hovered {
            state.selected = state.hovered;
        }
        let painter = ui.painter();
        if let Some(region) = state.selected.and_then(|r| r.get(self.geo)) {
            outline(painter, &view, region, Stroke::new(2.6, style::SELECTED));
        }
        if let (Some(r), Some(pos)) = (state.hovered, response.hover_pos())
            && !response.dragged()
            && !self.marker_hovered
            && let Some(region) = r.get(self.geo)
        {
            if state.selected != Some(r) {
                outline(painter, &view, region, Stroke::new(1.6, style::HOVER));
            }
            let text = match &region.parent {
                Some(parent) => format!(
                    "{} ({} {})\n{}, {}",
                    region.name,
                    region.level.label(),
                    parent,
                    region.country_name,
                    region.country
                ),
                None => format!(
                    "{} ({})\n{}",
                    region.name,
                    region.level.label(),
                    region.country_name
                ),
            };
            tooltip(painter, pos + egui::vec2(14.0, 10.0), &text);
        }
    }
}

/// A small boxed note next to the pointer, kept inside `painter`'s clip rectangle and drawn on
/// egui's tooltip layer: above the on-map legends, which are placed after the layers have drawn
/// (a region's name used to disappear under a legend when the pointer was near one).
pub fn tooltip(painter: &egui::Painter, at: egui::Pos2, text: &str) {
    let painter = &painter
        .ctx()
        .layer_painter(egui::LayerId::new(
            egui::Order::Tooltip,
            egui::Id::unique("map-tooltip"),
        ))
        .with_clip_rect(painter.clip_rect());
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(12.5), style::LABEL);
    let mut rect = Align2::LEFT_TOP.anchor_size(at, galley.size()).expand(5.0);
    let clip = painter.clip_rect();
    if rect.max.x > clip.max.x {
        rect = rect.translate(egui::vec2(-(rect.width() + 28.0), 0.0));
    }
    if rect.max.y > clip.max.y {
        rect = rect.translate(egui::vec2(0.0, -(rect.height() + 20.0)));
    }
    // Still outside (a wide or tall tooltip): keep it inside the map.
    let shift = egui::vec2(
        (clip.min.x - rect.min.x).max(0.0),
        (clip.min.y - rect.min.y).max(0.0),
    );
    rect = rect.translate(shift);
    painter.rect(
        rect,
        4.0,
        Color32::from_white_alpha(240),
        Stroke::new(1.0, Color32::from_gray(160)),
        egui::StrokeKind::Inside,
    );
    painter.galley(rect.min + egui::vec2(5.0, 5.0), galley, style::LABEL);
}
