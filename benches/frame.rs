//! CPU time of one whole window frame (layout, every map layer, panels, table, and egui's
//! tessellation into triangles) with 1,000,000 incidents loaded and clustered, at map zooms
//! 4, 8, 12 and 16 over the densest part of the data. No GPU involved: this is the work the
//! UI thread does per frame before the renderer uploads the triangles.
//! Run: `cargo bench --bench frame`

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{RawInput, Rect, pos2, vec2};
use sahel_risk::geodata::GeoData;
use sahel_risk::sample::{SampleConfig, builtin_towns, generate};
use sahel_risk::ui::{Incidents, SahelApp};
use walkers::lon_lat;

fn frame(c: &mut Criterion) {
    let geo = Arc::new(GeoData::embedded());
    let incidents = generate(
        &SampleConfig {
            events: 1_000_000,
            ..SampleConfig::default()
        },
        &builtin_towns(),
    );
    let mut app = SahelApp::with_incidents(geo, Incidents::with_sample(incidents));
    app.skip_initial_fit();
    let ctx = egui::Context::default();
    let input = || RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 800.0))),
        ..RawInput::default()
    };
    // Two frames to lay out, then wait for the clusters.
    for _ in 0..2 {
        ctx.run_ui(input(), |ui| app.show(ui))
            .textures_delta
            .clear();
    }
    app.finish_background_work();
    let mut g = c.benchmark_group("frame_1m");
    g.sample_size(20);
    for zoom in [4.0, 8.0, 12.0, 16.0] {
        // Ouagadougou: the densest stack of the synthetic data.
        app.camera.set(lon_lat(-1.5336, 12.3714), zoom);
        for _ in 0..3 {
            ctx.run_ui(input(), |ui| app.show(ui))
                .textures_delta
                .clear();
        }
        eprintln!(
            "zoom {zoom}: {} events in view in {} clusters",
            app.marker_stats.in_view, app.marker_stats.drawn
        );
        g.bench_function(format!("zoom_{zoom}"), |b| {
            b.iter(|| {
                let mut out = ctx.run_ui(input(), |ui| app.show(ui));
                out.textures_delta.clear();
                let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
                std::hint::black_box(prims.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
