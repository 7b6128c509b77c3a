//! The sea coastline (GSHHG level 1).

use egui::{Response, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::basemap::Basemap;
use super::style::Widths;
use super::view::View;

pub struct CoastlineLayer<'a> {
    pub basemap: &'a Basemap,
    pub widths: Widths,
}

impl CoastlineLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        let stroke = self.widths.coastline(view.zoom);
        self.basemap.coastline.draw(painter, view, |_| stroke);
    }
}

impl Plugin for CoastlineLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}
