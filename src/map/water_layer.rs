//! Lakes (filled, outlined) and rivers.

use egui::{Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::basemap::Basemap;
use super::style::{self, Widths};
use super::view::View;

/// Lakes: filled with the lake colour and outlined like the coast.
pub struct LakesLayer<'a> {
    pub basemap: &'a Basemap,
    pub widths: Widths,
}

impl LakesLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        self.basemap.lakes.draw(painter, view, |_| style::LAKE);
        let s = self.widths.coastline(view.zoom);
        self.basemap
            .lake_outlines
            .draw(painter, view, |_| Stroke::new(s.width * 0.8, s.color));
    }
}

impl Plugin for LakesLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}

/// Rivers: major ones from zoom 0, lesser ones as the user zooms in.
pub struct RiversLayer<'a> {
    pub basemap: &'a Basemap,
    pub widths: Widths,
}

impl RiversLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        let ranks = &self.basemap.river_ranks;
        let zoom = view.zoom;
        self.basemap.rivers.draw(painter, view, |i| {
            let rank = ranks.get(i).copied().unwrap_or(1);
            if rank > 1 && zoom < 6.5 {
                Stroke::NONE
            } else {
                self.widths.river(zoom, rank)
            }
        });
    }
}

impl Plugin for RiversLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}
