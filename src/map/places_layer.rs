//! Place, country, region and lake names whose density follows the zoom.

use egui::{Color32, FontFamily, FontId, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::basemap::{AreaLabel, Basemap};
use super::labels::{Label, Placed, place_beside, place_centered};
use super::style;
use super::view::View;
use crate::geodata::{Gazetteer, Place, PlaceRank};

/// At most this many labels in one frame.
const MAX_LABELS: usize = 220;

/// Names on the map. Also takes the labels other layers already placed this frame.
pub struct PlacesLayer<'a> {
    pub basemap: &'a Basemap,
    pub gazetteer: &'a Gazetteer,
    pub show_places: bool,
    pub show_regions: bool,
    /// The export's dpi factor (1 on screen).
    pub scale: f32,
}

/// The smallest population labelled at `zoom` for a place of `rank`.
pub fn min_population(rank: PlaceRank, zoom: f64) -> Option<u32> {
    match rank {
        PlaceRank::Capital => Some(0),
        PlaceRank::RegionalSeat if zoom >= 5.0 => Some(match zoom {
            z if z < 6.0 => 150_000,
            z if z < 7.0 => 30_000,
            _ => 0,
        }),
        PlaceRank::DistrictSeat if zoom >= 7.5 => Some(0),
        _ => match zoom {
            z if z < 5.5 => Some(1_000_000),
            z if z < 6.5 => Some(150_000),
            z if z < 7.5 => Some(40_000),
            z if z < 8.5 => Some(12_000),
            z if z < 9.5 => Some(4_000),
            _ => Some(0),
        },
    }
}

fn is_labelled(place: &Place, zoom: f64) -> bool {
    min_population(place.rank, zoom).is_some_and(|min| place.population >= min)
}

impl PlacesLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        let zoom = view.zoom;
        let s = self.scale;
        let mut placed = Placed::default();
        let visible = view.rect.shrink(2.0 * s);
        let sorted_places = self.gazetteer.places.iter();
        let (majors, minors): (Vec<&Place>, Vec<&Place>) = sorted_places
            .filter(|p| self.show_places && is_labelled(p, zoom))
            .filter(|p| visible.contains(view.lonlat_to_screen(p.lon, p.lat)))
            .partition(|p| p.rank <= PlaceRank::RegionalSeat);

        self.draw_places(painter, view, &mut placed, &majors);
        if zoom < 7.5 {
            self.draw_areas(
                painter,
                view,
                &mut placed,
                &self.basemap.country_labels,
                13.0,
                style::LABEL_COUNTRY,
                true,
                |a| a.size > 2.0 || zoom > 6.0,
            );
        }
        if self.show_regions && (5.5..10.5).contains(&zoom) {
            let min_size = if zoom < 6.5 {
                4.0
            } else if zoom < 7.5 {
                0.5
            } else {
                0.0
            };
            self.draw_areas(
                painter,
                view,
                &mut placed,
                &self.basemap.region_labels,
                11.0,
                style::LABEL_REGION,
                false,
                |a| a.size >= min_size,
            );
        }
        if zoom >= 6.0 {
            self.draw_areas(
                painter,
                view,
                &mut placed,
                &self.basemap.lake_labels,
                10.5,
                style::LABEL_WATER,
                false,
                |a| a.size > 0.05 || zoom > 8.0,
            );
        }
        self.draw_places(painter, view, &mut placed, &minors);
    }

    fn draw_places(
        &self,
        painter: &egui::Painter,
        view: &View,
        placed: &mut Placed,
        places: &[&Place],
    ) {
        let s = self.scale;
        for p in places {
            if placed.len() >= MAX_LABELS {
                return;
            }
            let at = view.lonlat_to_screen(p.lon, p.lat);
            let (size, color, radius) = match p.rank {
                PlaceRank::Capital => (14.0, style::LABEL, 3.6),
                PlaceRank::RegionalSeat => (12.5, style::LABEL, 2.8),
                _ if p.population >= 100_000 => (12.0, style::LABEL, 2.5),
                _ => (11.0, style::LABEL_MINOR, 2.0),
            };
            let label = Label::new(
                painter,
                &p.name,
                FontId::new(size * s, FontFamily::Proportional),
                color,
            );
            let dot =
                egui::Rect::from_center_size(at, egui::vec2(2.0 * radius * s, 2.0 * radius * s));
            if !placed.is_free(dot) {
                continue;
            }
            if place_beside(painter, placed, &label, at, (radius + 3.0) * s, s) {
                placed.take(dot);
                if p.rank == PlaceRank::Capital {
                    painter.circle(
                        at,
                        radius * s,
                        Color32::WHITE,
                        Stroke::new(1.6 * s, style::LABEL),
                    );
                    painter.circle_filled(at, radius * 0.45 * s, style::LABEL);
                } else {
                    painter.circle(at, radius * s, color, Stroke::new(0.8 * s, Color32::WHITE));
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_areas(
        &self,
        painter: &egui::Painter,
        view: &View,
        placed: &mut Placed,
        labels: &[AreaLabel],
        size: f32,
        color: Color32,
        upper: bool,
        keep: impl Fn(&AreaLabel) -> bool,
    ) {
        let s = self.scale;
        let font = FontId::new(size * s, FontFamily::Proportional);
        for a in labels.iter().filter(|a| keep(a)) {
            let at = view.lonlat_to_screen(a.lon, a.lat);
            if !view.rect.contains(at) {
                continue;
            }
            let text = if upper {
                spaced_upper(&a.text)
            } else {
                a.text.clone()
            };
            let label = Label::new(painter, &text, font.clone(), color);
            place_centered(painter, placed, &label, at, s);
        }
    }
}

/// "Burkina Faso" -> "B U R K I N A  F A S O"-like letter spacing, with thin spaces.
fn spaced_upper(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.to_uppercase().chars().enumerate() {
        if i > 0 {
            out.push('\u{2009}');
        }
        out.push(c);
    }
    out
}

impl Plugin for PlacesLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn density_grows_with_zoom() {
        assert_eq!(min_population(PlaceRank::Capital, 3.0), Some(0));
        assert!(min_population(PlaceRank::Town, 5.0) > min_population(PlaceRank::Town, 8.0));
        assert_eq!(min_population(PlaceRank::Town, 11.0), Some(0));
    }
}
