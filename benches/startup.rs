//! What start-up costs, piece by piece (geodata, basemap geometry, sample, columns, filter).
//! Run: `cargo bench --bench startup`

use criterion::{Criterion, criterion_group, criterion_main};
use sahel_risk::analysis::{Filter, IncidentColumns};
use sahel_risk::geodata::GeoData;
use sahel_risk::map::Basemap;
use sahel_risk::sample;
use std::hint::black_box;

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    let geo = GeoData::embedded();
    g.bench_function("geodata_parse_and_index", |b| {
        b.iter(|| black_box(GeoData::embedded()))
    });
    g.bench_function("basemap_prepare", |b| {
        b.iter(|| black_box(Basemap::new(&geo)))
    });
    g.bench_function("sample_towns", |b| {
        b.iter(|| black_box(sample::gazetteer_towns(&geo)))
    });
    let towns = sample::gazetteer_towns(&geo);
    g.bench_function("sample_generate", |b| {
        b.iter(|| black_box(sample::sample(&towns)))
    });
    let incidents = sample::sample(&towns);
    g.bench_function("sample_columns", |b| {
        b.iter(|| black_box(IncidentColumns::new(&incidents)))
    });
    let cols = IncidentColumns::new(&incidents);
    g.bench_function("sample_filter", |b| {
        b.iter(|| black_box(Filter::default().apply(&cols)))
    });
    g.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
