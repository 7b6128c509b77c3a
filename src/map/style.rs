//! The map's palette and line widths, shared by the window and the export.

use egui::{Color32, Stroke};

pub const SEA: Color32 = Color32::from_rgb(0xC6, 0xDB, 0xE9);
/// Drawn over everything outside the box the bundled data covers.
pub const OUTSIDE_COVERAGE: Color32 = Color32::from_rgba_premultiplied(0xC0, 0xC0, 0xBC, 0xC8);
pub const COVERAGE_FRAME: Color32 = Color32::from_rgb(0x9A, 0x9A, 0x94);
/// Land of countries outside the focus.
pub const LAND: Color32 = Color32::from_rgb(0xEA, 0xE6, 0xDC);
/// Mali, Burkina Faso, Niger.
pub const LAND_SAHEL: Color32 = Color32::from_rgb(0xFB, 0xF8, 0xF0);
/// Benin, Togo, Ghana, Côte d'Ivoire.
pub const LAND_COASTAL: Color32 = Color32::from_rgb(0xF6, 0xF2, 0xE7);
pub const LAKE: Color32 = Color32::from_rgb(0xBC, 0xD5, 0xE6);

pub const COUNTRY_BORDER: Color32 = Color32::from_rgb(0x77, 0x72, 0x6A);
pub const ADMIN1_BORDER: Color32 = Color32::from_rgb(0xB4, 0xAD, 0xA1);
pub const PROVINCE_BORDER: Color32 = Color32::from_rgb(0xCE, 0xC8, 0xBD);
pub const COASTLINE: Color32 = Color32::from_rgb(0x5F, 0x8C, 0xAD);
pub const RIVER: Color32 = Color32::from_rgb(0x7F, 0xA9, 0xC9);

pub const LABEL: Color32 = Color32::from_rgb(0x2B, 0x2B, 0x2B);
pub const LABEL_MINOR: Color32 = Color32::from_rgb(0x55, 0x55, 0x55);
pub const LABEL_COUNTRY: Color32 = Color32::from_rgb(0x8C, 0x83, 0x76);
pub const LABEL_REGION: Color32 = Color32::from_rgb(0x9E, 0x96, 0x8A);
pub const LABEL_WATER: Color32 = Color32::from_rgb(0x4A, 0x78, 0x9C);
pub const HALO: Color32 = Color32::from_rgba_premultiplied(0xFF, 0xFF, 0xFF, 0xD0);

pub const HOVER: Color32 = Color32::from_rgb(0xE0, 0x8A, 0x1E);
pub const SELECTED: Color32 = Color32::from_rgb(0x2E, 0x4A, 0x8C);
pub const SELECTED_FILL: Color32 = Color32::from_rgba_premultiplied(0x17, 0x25, 0x46, 0x30);

/// ISO3 codes of the focus countries, tinted lightest.
pub const SAHEL: [&str; 3] = ["MLI", "BFA", "NER"];
/// ISO3 codes of the coastal states whose northern borders the coast layer watches.
pub const COASTAL_STATES: [&str; 4] = ["BEN", "TGO", "GHA", "CIV"];

/// Line widths grow a little as the user zooms in; `scale` is the export's dpi factor (1 on screen).
#[derive(Debug, Clone, Copy)]
pub struct Widths {
    pub scale: f32,
}

impl Widths {
    fn zoomed(&self, base: f32, zoom: f64) -> f32 {
        let grow = ((zoom as f32 - 5.0) * 0.12).clamp(0.0, 0.6);
        (base + grow) * self.scale
    }
    pub fn country(&self, zoom: f64) -> Stroke {
        Stroke::new(self.zoomed(1.1, zoom), COUNTRY_BORDER)
    }
    pub fn admin1(&self, zoom: f64) -> Stroke {
        Stroke::new(self.zoomed(0.6, zoom), ADMIN1_BORDER)
    }
    pub fn province(&self, zoom: f64) -> Stroke {
        Stroke::new(self.zoomed(0.45, zoom), PROVINCE_BORDER)
    }
    pub fn coastline(&self, zoom: f64) -> Stroke {
        Stroke::new(self.zoomed(0.8, zoom), COASTLINE)
    }
    pub fn river(&self, zoom: f64, rank: u8) -> Stroke {
        let base = if rank <= 1 { 0.9 } else { 0.6 };
        Stroke::new(self.zoomed(base, zoom), RIVER)
    }
}

impl Default for Widths {
    fn default() -> Self {
        Widths { scale: 1.0 }
    }
}
