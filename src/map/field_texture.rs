//! A lon/lat grid field drawn as one texture: coloured once (per band setting), then every
//! frame only a mesh of horizontal strips is placed, each strip at its own Mercator latitude so
//! the texture's equal-degree rows land where they belong.

use egui::{Color32, ColorImage, Mesh, Rect, TextureHandle, TextureOptions, pos2};

use super::view::{View, to_world};
use crate::analysis::coast::GridField;

pub struct FieldTexture {
    pub texture: TextureHandle,
    lon_min: f64,
    lon_max: f64,
    lat_min: f64,
    step: f64,
    ny: usize,
}

impl FieldTexture {
    /// Colour every cell of `field` with `colour` (transparent for no colour).
    pub fn new(
        ctx: &egui::Context,
        name: &str,
        field: &GridField,
        colour: impl Fn(f32) -> Color32,
    ) -> Self {
        let (nx, ny) = (field.nx, field.ny);
        let mut pixels = Vec::with_capacity(nx * ny);
        // Image row 0 is the north.
        for j in (0..ny).rev() {
            for i in 0..nx {
                pixels.push(colour(field.values[j * nx + i]));
            }
        }
        let image = ColorImage::new([nx, ny], pixels);
        FieldTexture {
            texture: ctx.load_texture(name, image, TextureOptions::NEAREST),
            lon_min: field.lon_min,
            lon_max: field.lon_max(),
            lat_min: field.lat_min,
            step: field.step,
            ny,
        }
    }

    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        let x0 = view.world_to_screen(to_world(self.lon_min, 0.0)).x;
        let x1 = view.world_to_screen(to_world(self.lon_max, 0.0)).x;
        let top = self.lat_min + self.ny as f64 * self.step;
        let clip = painter.clip_rect();
        let mut mesh = Mesh::with_texture(self.texture.id());
        // One strip per texture row; skipped when off screen.
        let y_of = |k: usize| {
            let lat = top - k as f64 * self.step;
            view.world_to_screen(to_world(0.0, lat)).y
        };
        let mut y_prev = y_of(0);
        for k in 0..self.ny {
            let y_next = y_of(k + 1);
            if y_next >= clip.min.y && y_prev <= clip.max.y {
                let v0 = k as f32 / self.ny as f32;
                let v1 = (k + 1) as f32 / self.ny as f32;
                let rect = Rect::from_min_max(pos2(x0, y_prev), pos2(x1, y_next));
                let uv = Rect::from_min_max(pos2(0.0, v0), pos2(1.0, v1));
                mesh.add_rect_with_uv(rect, uv, Color32::WHITE);
            }
            y_prev = y_next;
        }
        painter.add(mesh);
    }
}
