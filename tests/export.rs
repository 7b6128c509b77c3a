//! Headless briefing exports of the sample: size and dpi in the PNG, text metadata, the legend
//! and the scale bar in the pixels, the scale bar's length against a geodesic measurement,
//! refusal of sizes the renderer cannot draw.

use std::sync::Arc;

use geo::{Distance, Geodesic, Point};
use sahel_risk::export::{ExportError, ExportSpec, Offscreen, check_size, export_png, render};
use sahel_risk::geodata::GeoData;
use sahel_risk::map::clusters_layer::SEVERITY_COLOURS;
use sahel_risk::map::view::View;
use sahel_risk::ui::{Incidents, SahelApp};

fn app() -> SahelApp {
    let geo = Arc::new(GeoData::embedded());
    let towns = sahel_risk::sample::gazetteer_towns(&geo);
    let mut app = SahelApp::with_incidents(
        geo,
        Incidents::with_sample(sahel_risk::sample::sample(&towns)),
    );
    app.clusters.sync(&app.incidents, || {});
    app.clusters.finish_blocking();
    app
}

fn spec(size: [u32; 2], dpi: f32) -> ExportSpec {
    ExportSpec {
        size,
        dpi,
        view: [-6.0, 9.0, 3.0, 16.0],
        title: "Test export".into(),
        subtitle: "clusters".into(),
        marking: None,
    }
}

fn png_chunks(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut i = 8;
    while i + 8 <= bytes.len() {
        let n = u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
        let kind = String::from_utf8_lossy(&bytes[i + 4..i + 8]).into_owned();
        out.push((kind, bytes[i + 8..i + 8 + n].to_vec()));
        i += 12 + n;
    }
    out
}

#[test]
fn png_has_size_dpi_metadata_legend_and_a_true_scale_bar() {
    let mut app = app();
    for (size, dpi) in [([900, 600], 96.0), ([1500, 1000], 200.0)] {
        let path =
            std::env::temp_dir().join(format!("sahel-export-{}-{dpi}.png", std::process::id()));
        let report = export_png(&mut app, &spec(size, dpi), &path).expect("exported");
        let bytes = std::fs::read(&path).unwrap();
        std::fs::remove_file(&path).ok();
        let chunks = png_chunks(&bytes);
        let ihdr = &chunks[0].1;
        assert_eq!(u32::from_be_bytes(ihdr[0..4].try_into().unwrap()), size[0]);
        assert_eq!(u32::from_be_bytes(ihdr[4..8].try_into().unwrap()), size[1]);
        let phys = &chunks.iter().find(|c| c.0 == "pHYs").expect("pHYs").1;
        let ppm = u32::from_be_bytes(phys[0..4].try_into().unwrap());
        assert_eq!(phys[8], 1, "unit: metre");
        assert!(
            (f64::from(ppm) * 0.0254 - f64::from(dpi)).abs() < 0.5,
            "{ppm}"
        );
        let text: Vec<String> = chunks
            .iter()
            .filter(|c| c.0 == "iTXt")
            .map(|c| String::from_utf8_lossy(&c.1).into_owned())
            .collect();
        for key in ["Title", "Source", "Data as of", "Creation Time", "Warning"] {
            assert!(text.iter().any(|t| t.starts_with(key)), "{key}: {text:?}");
        }
        // Pixels: decode and look for the legend and the scale bar.
        let img = image::load_from_memory(&bytes).unwrap().to_rgba8();
        // The legend's severity swatches are drawn in its left column, below the title.
        let left = img.width() / 3;
        let found = SEVERITY_COLOURS.iter().filter(|c| {
            img.enumerate_pixels()
                .filter(|(x, _, _)| *x < left)
                .any(|(_, _, p)| p[0] == c.r() && p[1] == c.g() && p[2] == c.b())
        });
        assert!(found.count() >= 4, "legend swatches at {dpi} dpi");
        // The scale bar: a dark line from its origin, as long as reported (within 2 px).
        let (ox, oy) = report.scale_bar_origin;
        let y = oy.round() as u32;
        let dark = |x: u32| {
            (y.saturating_sub(1)..=y + 1).any(|yy| {
                let p = img.get_pixel(x, yy);
                u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 400
            })
        };
        let mut x = ox.round() as u32 + 2;
        while x < img.width() && dark(x) {
            x += 1;
        }
        let drawn = f64::from(x) - ox;
        assert!(
            (drawn - report.scale_bar_px).abs() <= 3.0,
            "bar drawn {drawn} px, reported {} px",
            report.scale_bar_px
        );
        // Its length against the map: the geodesic distance between two points that far apart
        // across the centre of the map, read back through the map's projection.
        let ppp = f64::from(dpi) / 96.0;
        let points = egui::vec2(size[0] as f32, size[1] as f32) / ppp as f32;
        let view = View::new(
            egui::Rect::from_min_size(egui::Pos2::ZERO, points),
            report.centre.0,
            report.centre.1,
            report.zoom,
        );
        let mid = view.rect.center();
        let half = (report.scale_bar_px / ppp / 2.0) as f32;
        let (lon_a, lat_a) = view.screen_to_lonlat(mid - egui::vec2(half, 0.0));
        let (lon_b, lat_b) = view.screen_to_lonlat(mid + egui::vec2(half, 0.0));
        let metres = Geodesic.distance(Point::new(lon_a, lat_a), Point::new(lon_b, lat_b));
        let error = (metres - report.scale_bar_m).abs() / metres;
        assert!(
            error < 0.02,
            "{} m drawn as {} m ({:.2}%)",
            metres,
            report.scale_bar_m,
            error * 100.0
        );
    }
}

#[test]
fn sizes_beyond_the_renderer_are_refused_before_starting() {
    let device = Offscreen::new().expect("a CPU renderer");
    let max = device.max_side();
    let e = check_size([max + 1, 1000], max).unwrap_err();
    let ExportError::TooLarge(why) = e else {
        panic!("{e}")
    };
    assert!(why.contains("largest"), "{why}");
    assert!(
        check_size([3508, 2480], max).is_ok(),
        "A4 at 300 dpi fits ({max})"
    );
    let e = check_size([30_000, 30_000], 40_000).unwrap_err();
    assert!(e.to_string().contains("MB"), "{e}");
    let mut app = app();
    let r = render(&mut app, &spec([max + 10, 500], 96.0), &device);
    assert!(matches!(r, Err(ExportError::TooLarge(_))));
}

#[test]
fn acled_data_carries_its_acknowledgement() {
    let geo = Arc::new(GeoData::embedded());
    let mut app = SahelApp::new(geo);
    let fixture = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/acled_current.csv");
    app.open_files(vec![fixture], &egui::Context::default());
    app.finish_import_blocking();
    assert!(!app.incidents.sample);
    let meta = app.export_metadata(&spec([800, 500], 96.0));
    let source = &meta.iter().find(|(k, _)| *k == "Source").unwrap().1;
    assert!(
        source.contains("Armed Conflict Location & Event Data (ACLED)"),
        "{source}"
    );
    assert!(
        !meta.iter().any(|(k, _)| *k == "Warning"),
        "no sample warning on real data"
    );
    let path = std::env::temp_dir().join(format!("sahel-export-acled-{}.png", std::process::id()));
    export_png(&mut app, &spec([800, 500], 96.0), &path).expect("exported");
    std::fs::remove_file(&path).ok();
}

#[test]
fn legends_keep_clear_of_the_furniture_and_the_events() {
    let device = Offscreen::new().expect("a CPU renderer");
    let home = sahel_risk::ui::camera::HOME_BOX;
    let tight = [-6.0, 9.0, 3.0, 16.0];
    for (size, view, marking) in [
        ([900, 600], home, Some("UNCLASSIFIED")),
        ([1600, 900], home, None),
        ([900, 600], tight, None),
    ] {
        let mut app = app();
        let mut spec = spec(size, 96.0);
        spec.view = view;
        spec.marking = marking.map(str::to_owned);
        let (_, report) = render(&mut app, &spec, &device).unwrap();
        let names: Vec<&str> = report.layout.iter().map(|(n, _)| *n).collect();
        for want in [
            "title",
            "north arrow",
            "scale bar",
            "attribution",
            "legend-incidents",
        ] {
            assert!(names.contains(&want), "{want} in {names:?}");
        }
        if marking.is_some() {
            assert_eq!(names.iter().filter(|n| **n == "marking").count(), 2);
        }
        let overlap =
            |a: &[f64; 4], b: &[f64; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
        for (name, r) in report
            .layout
            .iter()
            .filter(|(n, _)| n.starts_with("legend"))
        {
            let [w, h] = size.map(f64::from);
            assert!(
                r[0] >= 0.0 && r[1] >= 0.0 && r[2] <= w && r[3] <= h,
                "{name} {r:?} inside {size:?}"
            );
            for (other, o) in report.layout.iter().filter(|(n, _)| n != name) {
                assert!(
                    !overlap(r, o),
                    "{size:?}: {name} {r:?} covers {other} {o:?}"
                );
            }
        }
        // The opening view has room beside its events: the legend hides none. (The tight view
        // has none free; there it only keeps clear of the furniture.)
        if view == home {
            assert_eq!(report.legend_cover, 0.0, "{size:?}: {:?}", report.layout);
        }
    }
}
