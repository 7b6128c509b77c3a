//! The southward frontier: for a chosen quarter, the 10th-percentile latitude of the
//! jihadist-attributed incidents of every 0.5° longitude band (never the southernmost event
//! alone, and only bands with at least 3 incidents: `analysis::coast::frontier_p10`), drawn as a
//! stepped profile (a level across each band at that latitude, joined to the next band; broken
//! where a band has none) with a dot on the incident at that rank, and the three quarters
//! before it fading behind.

use egui::{Color32, Pos2, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::view::View;
use crate::analysis::coast::FrontierCell;

pub const FRONTIER_COLOUR: Color32 = Color32::from_rgb(0xB2, 0x18, 0x2B);

/// How many earlier quarters are drawn behind the chosen one.
pub const EARLIER: i32 = 3;

pub struct FrontierLayer<'a> {
    /// Every quarter's cells, sorted by quarter then band (as `frontier()` returns them).
    pub cells: &'a [FrontierCell],
    pub quarter: i32,
    pub scale: f32,
}

/// The runs of adjacent bands of one quarter, as stepped lon/lat polylines: each band adds
/// its west and east corners at its latitude.
pub fn runs(cells: &[FrontierCell], quarter: i32) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut last_band = None;
    for c in cells.iter().filter(|c| c.quarter == quarter) {
        if last_band != Some(c.band - 1) || out.is_empty() {
            out.push(Vec::new());
        }
        let run = out.last_mut().expect("pushed");
        run.push((c.west, c.lat));
        run.push((c.east, c.lat));
        last_band = Some(c.band);
    }
    out
}

impl FrontierLayer<'_> {
    pub fn draw(&self, painter: &egui::Painter, view: &View) {
        let s = self.scale;
        for back in (0..=EARLIER).rev() {
            let q = self.quarter - back;
            let fade = 1.0 - back as f32 / (EARLIER + 1) as f32;
            let colour = FRONTIER_COLOUR.gamma_multiply(fade);
            let width = (if back == 0 { 3.0 } else { 1.6 }) * s;
            for run in runs(self.cells, q) {
                let pts: Vec<Pos2> = run
                    .iter()
                    .map(|&(lon, lat)| view.lonlat_to_screen(lon, lat))
                    .collect();
                if back == 0 {
                    painter.add(egui::Shape::line(
                        pts.clone(),
                        Stroke::new(width + 2.0 * s, Color32::from_white_alpha(180)),
                    ));
                }
                painter.add(egui::Shape::line(pts, Stroke::new(width, colour)));
            }
            if back == 0 {
                for c in self.cells.iter().filter(|c| c.quarter == q) {
                    let p = view.lonlat_to_screen(c.lon, c.lat);
                    painter.circle(p, 3.0 * s, colour, Stroke::new(1.0 * s, Color32::WHITE));
                }
            }
        }
    }
}

impl Plugin for FrontierLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        self.draw(ui.painter(), &View::from_projector(projector));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(quarter: i32, band: i64, lat: f64) -> FrontierCell {
        FrontierCell {
            quarter,
            band,
            west: band as f64 * 0.5,
            east: band as f64 * 0.5 + 0.5,
            lon: band as f64 * 0.5 + 0.25,
            lat,
            index: 0,
            n: 3,
            n_behind: 1,
        }
    }

    #[test]
    fn runs_break_at_empty_bands_and_keep_quarters_apart() {
        let cells = [
            cell(1, 0, 10.0),
            cell(1, 1, 11.0),
            cell(1, 3, 12.0),
            cell(2, 0, 9.0),
        ];
        let r = runs(&cells, 1);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0],
            vec![(0.0, 10.0), (0.5, 10.0), (0.5, 11.0), (1.0, 11.0)]
        );
        assert_eq!(r[1], vec![(1.5, 12.0), (2.0, 12.0)]);
        assert_eq!(runs(&cells, 2).len(), 1);
        assert!(runs(&cells, 3).is_empty());
    }
}
