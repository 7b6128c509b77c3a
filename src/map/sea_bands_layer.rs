//! Distance to the sea in bands over land (0–100, 100–250, 250–500, 500–750, over 750 km by
//! default; the edges are a setting), from the field computed once at start-up, with the band
//! edges labelled where they cross every third meridian.

use egui::{Align2, Color32, FontId, Response, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::field_texture::FieldTexture;
use super::labels::Label;
use super::view::View;
use crate::analysis::coast::{GridField, band_index};

/// Default band edges, km.
pub const DEFAULT_SEA_BANDS_KM: [f64; 4] = [100.0, 250.0, 500.0, 750.0];

/// ColorBrewer GnBu, strongest nearest the sea; the last band (farthest) is left clear.
const RAMP: [Color32; 4] = [
    Color32::from_rgb(0x08, 0x68, 0xAC),
    Color32::from_rgb(0x43, 0xA2, 0xCA),
    Color32::from_rgb(0x7B, 0xCC, 0xC4),
    Color32::from_rgb(0xBA, 0xE4, 0xBC),
];

/// Colour of band `k` of `n` bands (`n - 1` is "beyond the last edge"), before opacity.
pub fn band_colour(k: usize, n: usize) -> Color32 {
    if k + 1 >= n {
        Color32::TRANSPARENT
    } else {
        RAMP[(k * RAMP.len() / (n - 1).max(1)).min(RAMP.len() - 1)]
    }
}

/// The coloured field and its labels for one set of edges.
pub struct SeaBands {
    pub edges: Vec<f64>,
    pub texture: FieldTexture,
    /// (lon, lat, text) of the edge labels.
    pub labels: Vec<(f64, f64, String)>,
}

impl SeaBands {
    pub fn new(ctx: &egui::Context, field: &GridField, edges: &[f64], opacity: f32) -> Self {
        let n = edges.len() + 1;
        let alpha = (opacity.clamp(0.0, 1.0) * 255.0) as u8;
        let texture = FieldTexture::new(ctx, "sea-bands", field, |v| {
            band_index(v, edges).map_or(Color32::TRANSPARENT, |k| {
                let c = band_colour(k, n);
                if c == Color32::TRANSPARENT {
                    c
                } else {
                    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
                }
            })
        });
        let meridians: Vec<f64> = (0..12).map(|k| -16.5 + 3.0 * k as f64).collect();
        let labels = edges
            .iter()
            .flat_map(|&e| {
                field
                    .crossings_northward(e as f32, &meridians)
                    .into_iter()
                    .map(move |(lon, lat)| (lon, lat, format!("{e:.0} km")))
            })
            .collect();
        SeaBands {
            edges: edges.to_vec(),
            texture,
            labels,
        }
    }
}

pub struct SeaBandsLayer<'a> {
    pub bands: &'a SeaBands,
}

impl SeaBandsLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        self.bands.texture.draw(painter, view);
        if view.zoom < 4.5 {
            return;
        }
        let colour = Color32::from_rgb(0x08, 0x45, 0x7A);
        for (lon, lat, text) in &self.bands.labels {
            let at = view.lonlat_to_screen(*lon, *lat);
            if view.rect.contains(at) {
                let label = Label::new(painter, text, FontId::proportional(11.0), colour);
                label.paint(painter, label.rect(at, Align2::CENTER_CENTER), 1.3);
            }
        }
    }
}

impl Plugin for SeaBandsLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}
