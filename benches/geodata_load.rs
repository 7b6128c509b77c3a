//! Geodata parse + index time, and preparing the basemap geometry for drawing.
//! Run: `cargo bench --bench geodata_load`

use criterion::{Criterion, criterion_group, criterion_main};
use sahel_risk::geodata::GeoData;
use sahel_risk::map::Basemap;
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("geodata");
    group.sample_size(20);
    group.bench_function("parse_and_index_embedded", |b| {
        b.iter(|| black_box(GeoData::embedded()))
    });
    let geo = GeoData::embedded();
    group.bench_function("prepare_basemap_geometry", |b| {
        b.iter(|| black_box(Basemap::new(&geo)))
    });
    group.bench_function("search_segou", |b| {
        b.iter(|| black_box(geo.search(black_box("segou"), 8)))
    });
    group.bench_function("hit_test_admin1", |b| {
        b.iter(|| black_box(geo.admin1.locate(black_box(-1.62), black_box(14.1))))
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
