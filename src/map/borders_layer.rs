//! Country borders: only the edges two countries share (the coast is the coastline layer's).

use egui::{Response, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::basemap::Basemap;
use super::style::Widths;
use super::view::View;

pub struct BordersLayer<'a> {
    pub basemap: &'a Basemap,
    pub widths: Widths,
}

impl BordersLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        let stroke = self.widths.country(view.zoom);
        self.basemap.country_borders.draw(painter, view, |_| stroke);
    }
}

impl Plugin for BordersLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}
