//! Sea, land and the country tints; everything outside the bundled box is greyed out.

use egui::{Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::basemap::{Basemap, LandTint};
use super::style;
use super::view::{View, to_world};
use crate::geodata::BOX;

/// The bottom layer: sea background, land, lightly tinted focus countries.
pub struct LandLayer<'a> {
    pub basemap: &'a Basemap,
}

impl LandLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        painter.rect_filled(view.rect, 0.0, style::SEA);
        self.basemap.land.draw(painter, view, |_| style::LAND);
        let tints = &self.basemap.country_tints;
        self.basemap
            .countries
            .draw(painter, view, |i| match tints.get(i) {
                Some(LandTint::Sahel) => style::LAND_SAHEL,
                Some(LandTint::Coastal) => style::LAND_COASTAL,
                _ => egui::Color32::TRANSPARENT,
            });
    }
}

impl Plugin for LandLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}

/// Greys out what lies outside the box the bundled data covers, with a thin frame.
pub struct CoverageMask;

impl CoverageMask {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        let a = view.world_to_screen(to_world(BOX[0], BOX[3]));
        let b = view.world_to_screen(to_world(BOX[2], BOX[1]));
        let inside = egui::Rect::from_min_max(a, b);
        let r = view.rect;
        let bands = [
            egui::Rect::from_min_max(r.min, egui::pos2(r.max.x, inside.min.y)),
            egui::Rect::from_min_max(egui::pos2(r.min.x, inside.max.y), r.max),
            egui::Rect::from_min_max(
                egui::pos2(r.min.x, inside.min.y),
                egui::pos2(inside.min.x, inside.max.y),
            ),
            egui::Rect::from_min_max(
                egui::pos2(inside.max.x, inside.min.y),
                egui::pos2(r.max.x, inside.max.y),
            ),
        ];
        for band in bands {
            let band = band.intersect(r);
            if band.is_positive() {
                painter.rect_filled(band, 0.0, style::OUTSIDE_COVERAGE);
            }
        }
        painter.add(Shape::rect_stroke(
            inside,
            0.0,
            Stroke::new(1.0, style::COVERAGE_FRAME),
            egui::StrokeKind::Middle,
        ));
    }
}

impl Plugin for CoverageMask {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}
