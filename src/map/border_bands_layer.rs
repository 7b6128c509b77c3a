//! The 10, 50 and 100 km bands north of the coastal states' (Benin, Togo, Ghana, Côte
//! d'Ivoire) border with Mali, Burkina Faso and Niger, from the signed-distance field computed
//! once (in those seven countries only), with the border itself drawn over them. The counts of incidents in each band are in the legend and the coast panel.

use egui::{Align2, Color32, FontId, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::field_texture::FieldTexture;
use super::labels::Label;
use super::view::View;
use crate::analysis::coast::{GridField, LandBorderLine};

/// Orange-brown, strongest in the nearest band.
pub const BAND_COLOURS: [Color32; 3] = [
    Color32::from_rgb(0xB3, 0x58, 0x06),
    Color32::from_rgb(0xE0, 0x82, 0x14),
    Color32::from_rgb(0xFD, 0xB8, 0x63),
];

pub const BORDER_COLOUR: Color32 = Color32::from_rgb(0x7F, 0x3B, 0x08);

/// Colour of band `k` (0 = nearest) of `n`.
pub fn border_band_colour(k: usize, n: usize) -> Color32 {
    BAND_COLOURS[(k * BAND_COLOURS.len() / n.max(1)).min(BAND_COLOURS.len() - 1)]
}

pub struct BorderBands {
    pub bands_km: Vec<f64>,
    pub texture: FieldTexture,
    pub labels: Vec<(f64, f64, String)>,
}

impl BorderBands {
    pub fn new(ctx: &egui::Context, field: &GridField, bands_km: &[f64], opacity: f32) -> Self {
        let mut sorted = bands_km.to_vec();
        sorted.sort_by(f64::total_cmp);
        let alpha = (opacity.clamp(0.0, 1.0) * 255.0) as u8;
        let n = sorted.len();
        let texture = FieldTexture::new(ctx, "border-bands", field, |v| {
            let v = f64::from(v);
            match sorted.iter().position(|&b| v > 0.0 && v <= b) {
                Some(k) => {
                    let c = border_band_colour(k, n);
                    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
                }
                None => Color32::TRANSPARENT,
            }
        });
        let meridians: Vec<f64> = (0..7).map(|k| -7.75 + 2.0 * k as f64).collect();
        let labels = sorted
            .iter()
            .flat_map(|&b| {
                field
                    .crossings_northward(b as f32, &meridians)
                    .into_iter()
                    .map(move |(lon, lat)| (lon, lat, format!("{b:.0} km")))
            })
            .collect();
        BorderBands {
            bands_km: sorted,
            texture,
            labels,
        }
    }
}

pub struct BorderBandsLayer<'a> {
    pub bands: &'a BorderBands,
    pub border: &'a [LandBorderLine],
    pub scale: f32,
}

impl BorderBandsLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        self.bands.texture.draw(painter, view);
        let stroke = Stroke::new(2.2 * self.scale, BORDER_COLOUR);
        for l in self.border {
            let pts: Vec<egui::Pos2> = l
                .line
                .0
                .iter()
                .map(|c| view.lonlat_to_screen(c.x, c.y))
                .collect();
            painter.add(egui::Shape::line(pts, stroke));
        }
        if view.zoom < 6.0 {
            return;
        }
        for (lon, lat, text) in &self.bands.labels {
            let at = view.lonlat_to_screen(*lon, *lat);
            if view.rect.contains(at) {
                let label = Label::new(
                    painter,
                    text,
                    FontId::proportional(10.5 * self.scale),
                    BORDER_COLOUR,
                );
                label.paint(painter, label.rect(at, Align2::CENTER_CENTER), 1.2);
            }
        }
    }
}

impl Plugin for BorderBandsLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}
