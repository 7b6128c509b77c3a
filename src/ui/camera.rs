//! Where the map looks: centre and zoom, fly-to animation, keyboard moves, zoom limits.

use std::time::Duration;

use walkers::{MapMemory, Position, lon_lat};

use crate::map::view::{fit_bounds, from_world, to_world, world_pixels};

pub const MIN_ZOOM: f64 = 3.0;
pub const MAX_ZOOM: f64 = 18.0;
/// The opening view: the central Sahel down to the Gulf of Guinea.
pub const HOME_BOX: [f64; 4] = [-12.5, 4.3, 9.5, 20.5];

/// A smooth move from one view to another.
#[derive(Debug, Clone, Copy)]
struct Flight {
    from: ([f64; 2], f64),
    to: ([f64; 2], f64),
    elapsed: f64,
    duration: f64,
}

/// The map's camera: walkers' memory plus the app's animation and limits.
pub struct Camera {
    pub memory: MapMemory,
    flight: Option<Flight>,
}

impl Default for Camera {
    fn default() -> Self {
        let mut memory = MapMemory::default();
        memory.center_at(lon_lat(-1.5, 12.4));
        let _ = memory.set_zoom(5.8);
        Camera {
            memory,
            flight: None,
        }
    }
}

fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

impl Camera {
    pub fn center(&self) -> Position {
        self.memory.detached().unwrap_or(lon_lat(-1.5, 12.4))
    }

    pub fn zoom(&self) -> f64 {
        self.memory.zoom()
    }

    /// Jump to a view at once.
    pub fn set(&mut self, center: Position, zoom: f64) {
        self.flight = None;
        self.memory.center_at(center);
        let _ = self.memory.set_zoom(zoom.clamp(MIN_ZOOM, MAX_ZOOM));
    }

    /// Fit a lon/lat box into a map of `size` points.
    pub fn fit(&mut self, bbox: [f64; 4], size: egui::Vec2) {
        let (c, z) = fit_bounds(bbox, size, 24.0);
        self.set(c, z);
    }

    /// Start flying to a view.
    pub fn fly_to(&mut self, center: Position, zoom: f64) {
        let c = self.center();
        self.flight = Some(Flight {
            from: (to_world(c.x(), c.y()), self.zoom()),
            to: (
                to_world(center.x(), center.y()),
                zoom.clamp(MIN_ZOOM, MAX_ZOOM),
            ),
            elapsed: 0.0,
            duration: 0.8,
        });
    }

    /// Fly so that a lon/lat box fills a map of `size` points (at most to `max_zoom`).
    pub fn fly_to_bounds(&mut self, bbox: [f64; 4], size: egui::Vec2, max_zoom: f64) {
        let (c, z) = fit_bounds(bbox, size, 40.0);
        self.fly_to(c, z.min(max_zoom));
    }

    pub fn is_flying(&self) -> bool {
        self.flight.is_some()
    }

    /// Advance the animation by `dt`; returns whether the camera moved.
    pub fn step(&mut self, dt: Duration) -> bool {
        let Some(mut f) = self.flight else {
            return false;
        };
        f.elapsed += dt.as_secs_f64();
        let t = ease(f.elapsed / f.duration);
        let w = [
            f.from.0[0] + (f.to.0[0] - f.from.0[0]) * t,
            f.from.0[1] + (f.to.0[1] - f.from.0[1]) * t,
        ];
        let (lon, lat) = from_world(w);
        self.memory.center_at(lon_lat(lon, lat));
        let _ = self.memory.set_zoom(f.from.1 + (f.to.1 - f.from.1) * t);
        self.flight = (f.elapsed < f.duration).then_some(f);
        true
    }

    /// Move the view by a screen offset in points.
    pub fn pan_pixels(&mut self, dx: f32, dy: f32) {
        self.flight = None;
        let c = self.center();
        let w = to_world(c.x(), c.y());
        let s = world_pixels(self.zoom());
        let (lon, lat) = from_world([w[0] + dx as f64 / s, w[1] + dy as f64 / s]);
        self.memory.center_at(lon_lat(lon, lat));
    }

    pub fn zoom_by(&mut self, delta: f64) {
        self.flight = None;
        let _ = self
            .memory
            .set_zoom((self.zoom() + delta).clamp(MIN_ZOOM, MAX_ZOOM));
    }

    /// Keep the zoom within limits and the centre near the covered box (after user gestures).
    pub fn clamp(&mut self) {
        let z = self.zoom();
        if !(MIN_ZOOM..=MAX_ZOOM).contains(&z) {
            let _ = self.memory.set_zoom(z.clamp(MIN_ZOOM, MAX_ZOOM));
        }
        let c = self.center();
        let (lon, lat) = (c.x().clamp(-30.0, 28.0), c.y().clamp(-5.0, 33.0));
        if (lon, lat) != (c.x(), c.y()) {
            self.memory.center_at(lon_lat(lon, lat));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flight_ends_at_target() {
        let mut cam = Camera::default();
        cam.fly_to(lon_lat(2.1098, 13.51366), 9.0);
        for _ in 0..100 {
            cam.step(Duration::from_millis(16));
        }
        assert!(!cam.is_flying());
        let c = cam.center();
        assert!((c.x() - 2.1098).abs() < 1e-9 && (c.y() - 13.51366).abs() < 1e-9);
        assert!((cam.zoom() - 9.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_is_clamped() {
        let mut cam = Camera::default();
        cam.zoom_by(100.0);
        assert_eq!(cam.zoom(), MAX_ZOOM);
        cam.zoom_by(-100.0);
        assert_eq!(cam.zoom(), MIN_ZOOM);
    }

    #[test]
    fn panning_moves_east_by_screen_pixels() {
        let mut cam = Camera::default();
        cam.set(lon_lat(0.0, 12.0), 6.0);
        cam.pan_pixels(256.0 * 64.0 / 360.0, 0.0);
        assert!((cam.center().x() - 1.0).abs() < 1e-5);
    }
}
