//! Headless render of the map (egui_kittest + wgpu on Mesa's lavapipe): real pixels checked
//! at known places, and a reference image compared with a tolerance.

use std::sync::Arc;

use egui::{Color32, Pos2, pos2, vec2};
use egui_kittest::{Harness, SnapshotOptions};
use sahel_risk::geodata::GeoData;
use sahel_risk::map::style;
use sahel_risk::map::view::View;
use sahel_risk::ui::SahelApp;
use walkers::lon_lat;

const SIZE: [f32; 2] = [900.0, 700.0];
/// The test view: centre and zoom.
const CENTER: (f64, f64) = (-2.5, 10.5);
const ZOOM: f64 = 5.6;

fn app() -> SahelApp {
    let mut app = SahelApp::new(Arc::new(GeoData::embedded()));
    app.camera.set(lon_lat(CENTER.0, CENTER.1), ZOOM);
    app.skip_initial_fit();
    app
}

fn render_map_only() -> (image::RgbaImage, View) {
    let mut harness = Harness::builder()
        .with_size(vec2(SIZE[0], SIZE[1]))
        .wgpu()
        .build_ui_state(|ui, app: &mut SahelApp| app.map_only(ui), app());
    harness.run_steps(3);
    let image = harness
        .render()
        .expect("headless wgpu render (is mesa-vulkan-drivers installed?)");
    let rect = harness.state().map_rect.expect("map drawn");
    assert!(
        rect.width() > SIZE[0] - 20.0 && rect.height() > SIZE[1] - 20.0,
        "map rect {rect:?}"
    );
    let ppp = harness.ctx.pixels_per_point();
    assert_eq!(ppp, 1.0);
    let view = View::new(rect, CENTER.0, CENTER.1, ZOOM);
    (image, view)
}

fn pixel(img: &image::RgbaImage, p: Pos2) -> Color32 {
    let px = img.get_pixel(p.x.round() as u32, p.y.round() as u32);
    Color32::from_rgb(px[0], px[1], px[2])
}

fn close(a: Color32, b: Color32, tol: i32) -> bool {
    (a.r() as i32 - b.r() as i32).abs() <= tol
        && (a.g() as i32 - b.g() as i32).abs() <= tol
        && (a.b() as i32 - b.b() as i32).abs() <= tol
}

#[test]
fn known_places_have_the_right_colours() {
    let (img, view) = render_map_only();
    assert_eq!(
        (img.width(), img.height()),
        (SIZE[0] as u32, SIZE[1] as u32)
    );

    // Open sea 60 km south of Lomé.
    let sea = pixel(&img, view.lonlat_to_screen(1.22154, 5.55));
    assert!(
        close(sea, style::SEA, 6),
        "sea off Lomé is {sea:?}, expected {:?}",
        style::SEA
    );

    // Land just south of Bamako (below the capital's marker and label).
    let bamako = view.lonlat_to_screen(-7.97522, 12.60915) + vec2(0.0, 14.0);
    let land = pixel(&img, bamako);
    assert!(
        close(land, style::LAND_SAHEL, 6),
        "land at Bamako is {land:?}, expected {:?}",
        style::LAND_SAHEL
    );

    // A point on the Mali–Burkina Faso border: a dark border pixel within 2 px of it.
    let geo = GeoData::embedded();
    let border = geo.border_between("MLI", "BFA");
    let line = border
        .iter()
        .max_by_key(|l| l.0.len())
        .expect("Mali–Burkina border");
    let c = line.0[line.0.len() / 2];
    let at = view.lonlat_to_screen(c.x, c.y);
    assert!(
        view.rect.shrink(5.0).contains(at),
        "border point {at:?} off screen"
    );
    let darkest = (-2..=2)
        .flat_map(|dx| (-2..=2).map(move |dy| vec2(dx as f32, dy as f32)))
        .map(|d| pixel(&img, at + d))
        .min_by_key(|c| c.r() as u32 + c.g() as u32 + c.b() as u32)
        .unwrap();
    let land_sum =
        style::LAND_SAHEL.r() as u32 + style::LAND_SAHEL.g() as u32 + style::LAND_SAHEL.b() as u32;
    let dark_sum = darkest.r() as u32 + darkest.g() as u32 + darkest.b() as u32;
    assert!(
        dark_sum + 150 < land_sum,
        "no border drawn at {at:?}: darkest {darkest:?}"
    );
}

#[test]
fn map_matches_the_reference_image() {
    let mut harness = Harness::builder()
        .with_size(vec2(SIZE[0], SIZE[1]))
        .wgpu()
        .build_ui_state(|ui, app: &mut SahelApp| app.map_only(ui), app());
    harness.run_steps(3);
    // Lavapipe output is stable; the tolerance absorbs driver and font-hinting differences.
    let options = SnapshotOptions::new().threshold(2.0).max_failed_pixels(900);
    harness.snapshot_options("map_west_africa", &options);
}

#[test]
fn whole_window_renders_with_panels() {
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .wgpu()
        .build_ui_state(
            |ui, app: &mut SahelApp| app.show(ui),
            SahelApp::new(Arc::new(GeoData::embedded())),
        );
    harness.run_steps(3);
    let options = SnapshotOptions::new()
        .threshold(2.0)
        .max_failed_pixels(1500);
    harness.snapshot_options("window", &options);
    // The opening view fits the central Sahel and the Gulf of Guinea coast.
    let cam = &harness.state().camera;
    let c = cam.center();
    assert!(
        (-6.0..3.0).contains(&c.x()) && (9.0..15.0).contains(&c.y()),
        "opening centre {c:?}"
    );
    assert!(
        (4.5..7.0).contains(&cam.zoom()),
        "opening zoom {}",
        cam.zoom()
    );
    let _ = pos2(0.0, 0.0);
}
