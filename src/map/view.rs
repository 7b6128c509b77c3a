//! From geographic coordinates to screen pixels for the current frame.
//!
//! Geometry is prepared once in normalised Web-Mercator "world" coordinates (0..1 over the
//! whole world, as walkers' projection uses); each frame only scales and shifts it. All of
//! this is done in f64 so that nothing wobbles at high zoom.

use egui::{Pos2, Rect, pos2, vec2};
use walkers::{Position, Projector, lon_lat};

/// Pixels of the whole world at zoom 0 (walkers' tile size).
pub const TILE_SIZE: f64 = 256.0;

/// Normalised Web-Mercator coordinates of a lon/lat, as walkers computes them.
pub fn to_world(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-85.051_128, 85.051_128);
    let x = (1.0 + lon.to_radians() / std::f64::consts::PI) / 2.0;
    let y = (1.0 - lat.to_radians().tan().asinh() / std::f64::consts::PI) / 2.0;
    [x, y]
}

/// Inverse of [`to_world`].
pub fn from_world(w: [f64; 2]) -> (f64, f64) {
    let lon = (w[0] * 2.0 - 1.0) * 180.0;
    let lat = ((1.0 - w[1] * 2.0) * std::f64::consts::PI)
        .sinh()
        .atan()
        .to_degrees();
    (lon, lat)
}

/// Total pixels across the world at `zoom`.
pub fn world_pixels(zoom: f64) -> f64 {
    TILE_SIZE * 2f64.powf(zoom)
}

/// The mapping from world coordinates to screen pixels for one frame.
#[derive(Debug, Clone, Copy)]
pub struct View {
    pub rect: Rect,
    pub zoom: f64,
    /// World coordinates at the rectangle's centre.
    pub center: [f64; 2],
    /// Pixels per world unit.
    pub scale: f64,
}

impl View {
    pub fn new(rect: Rect, center_lon: f64, center_lat: f64, zoom: f64) -> Self {
        View {
            rect,
            zoom,
            center: to_world(center_lon, center_lat),
            scale: world_pixels(zoom),
        }
    }

    /// The view walkers is drawing this frame.
    pub fn from_projector(projector: &Projector) -> Self {
        let rect = projector.clip_rect();
        let c: Position = projector.unproject(rect.center().to_vec2());
        Self::new(rect, c.x(), c.y(), projector.zoom())
    }

    #[inline]
    pub fn world_to_screen(&self, w: [f64; 2]) -> Pos2 {
        let c = self.rect.center();
        pos2(
            (c.x as f64 + (w[0] - self.center[0]) * self.scale) as f32,
            (c.y as f64 + (w[1] - self.center[1]) * self.scale) as f32,
        )
    }

    pub fn lonlat_to_screen(&self, lon: f64, lat: f64) -> Pos2 {
        self.world_to_screen(to_world(lon, lat))
    }

    pub fn screen_to_world(&self, p: Pos2) -> [f64; 2] {
        let c = self.rect.center();
        [
            self.center[0] + (p.x - c.x) as f64 / self.scale,
            self.center[1] + (p.y - c.y) as f64 / self.scale,
        ]
    }

    /// (lon, lat) under a screen point.
    pub fn screen_to_lonlat(&self, p: Pos2) -> (f64, f64) {
        from_world(self.screen_to_world(p))
    }

    /// The visible world box [x_min, y_min, x_max, y_max], grown by `margin_px` pixels.
    pub fn world_bounds(&self, margin_px: f32) -> [f64; 4] {
        let r = self.rect.expand(margin_px);
        let a = self.screen_to_world(r.min);
        let b = self.screen_to_world(r.max);
        [a[0], a[1], b[0], b[1]]
    }

    /// Metres per pixel at the view's centre latitude.
    pub fn metres_per_pixel(&self) -> f64 {
        let (_, lat) = from_world(self.center);
        40_075_016.686 * lat.to_radians().cos() / self.scale
    }
}

/// Whether two world boxes [x_min, y_min, x_max, y_max] overlap.
#[inline]
pub fn boxes_overlap(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/// The centre and zoom that fit a lon/lat box into a screen size, with a margin in pixels.
pub fn fit_bounds(bbox: [f64; 4], size: egui::Vec2, margin: f32) -> (Position, f64) {
    let a = to_world(bbox[0], bbox[3]);
    let b = to_world(bbox[2], bbox[1]);
    let w = (b[0] - a[0]).max(1e-9);
    let h = (b[1] - a[1]).max(1e-9);
    let avail = (size - vec2(2.0 * margin, 2.0 * margin)).max(vec2(50.0, 50.0));
    let zoom_x = (avail.x as f64 / (w * TILE_SIZE)).log2();
    let zoom_y = (avail.y as f64 / (h * TILE_SIZE)).log2();
    let (lon, lat) = from_world([(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]);
    (lon_lat(lon, lat), zoom_x.min(zoom_y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn world_round_trip() {
        for (lon, lat) in [(-7.97522, 12.60915), (2.41833, 6.36536), (-18.0, 26.0)] {
            let (lo, la) = from_world(to_world(lon, lat));
            assert!((lo - lon).abs() < 1e-9 && (la - lat).abs() < 1e-9);
        }
    }

    #[test]
    fn screen_round_trip_at_high_zoom() {
        let v = View::new(
            Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            -1.5,
            12.3,
            16.0,
        );
        let p = v.lonlat_to_screen(-1.501, 12.301);
        let (lon, lat) = v.screen_to_lonlat(p);
        assert!((lon + 1.501).abs() < 1e-5 && (lat - 12.301).abs() < 1e-5);
    }

    #[test]
    fn metres_per_pixel_matches_web_mercator() {
        // 156,543 m/px at the equator at zoom 0.
        let v = View::new(
            Rect::from_min_size(Pos2::ZERO, vec2(10.0, 10.0)),
            0.0,
            0.0,
            0.0,
        );
        assert!((v.metres_per_pixel() - 156_543.03).abs() < 0.1);
    }
}
