//! First-level region outlines and, separately, Burkina Faso's provinces.

use egui::{Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::prepared::PreparedLines;
use super::view::View;

/// Outlines of one set of administrative units, drawn lighter than country borders.
pub struct AdminLayer<'a> {
    pub lines: &'a PreparedLines,
    /// Stroke at a given zoom.
    pub stroke: Box<dyn Fn(f64) -> Stroke + 'a>,
    /// Hidden below this zoom, where the lines would only clutter.
    pub min_zoom: f64,
}

impl AdminLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        if view.zoom < self.min_zoom {
            return;
        }
        let stroke = (self.stroke)(view.zoom);
        self.lines.draw(painter, view, |_| stroke);
    }
}

impl Plugin for AdminLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}
