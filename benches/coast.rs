//! Distance to the sea for 1,000,000 random points in the data box (goal: under 1 s on 2 cores,
//! geodesic), and the pieces around it. Run: `cargo bench --bench coast`
//!
//! `cold` builds the index inside the timed loop, so its per-cell caches start empty (a first
//! query over a fresh index); `warm` reuses one index.

#[path = "../tests/coast_common/mod.rs"]
mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sahel_risk::analysis::coast::{BorderIndex, COASTAL_STATES, CoastIndex};

/// `n` points uniform in lon -18..16, lat 3..26 (deterministic xorshift).
fn points(n: usize) -> Vec<[f64; 2]> {
    let mut x: u64 = 0x00c0_a57b_e4c4;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| [-18.0 + 34.0 * next(), 3.0 + 23.0 * next()])
        .collect()
}

fn coast(c: &mut Criterion) {
    let lines = common::coastline();
    let pts = points(1_000_000);
    let mut g = c.benchmark_group("coast_1m");
    g.sample_size(10);
    g.bench_function("build_index", |b| {
        b.iter(|| black_box(CoastIndex::new(&lines)))
    });
    g.bench_function("distance_km_many_cold", |b| {
        b.iter(|| black_box(CoastIndex::new(&lines).distance_km_many(&pts)))
    });
    let index = CoastIndex::new(&lines);
    g.bench_function("distance_km_many_warm", |b| {
        b.iter(|| black_box(index.distance_km_many(&pts)))
    });
    g.finish();

    let countries = common::countries();
    let border = BorderIndex::new(
        countries.iter().map(|(i, s)| (i.as_str(), s)),
        &COASTAL_STATES,
    );
    let pts = points(100_000);
    let mut g = c.benchmark_group("border_100k");
    g.sample_size(10);
    g.bench_function("build_index", |b| {
        b.iter(|| {
            black_box(BorderIndex::new(
                countries.iter().map(|(i, s)| (i.as_str(), s)),
                &COASTAL_STATES,
            ))
        })
    });
    g.bench_function("signed_km_many", |b| {
        b.iter(|| black_box(border.signed_km_many(&pts)))
    });
    g.finish();
}

criterion_group!(benches, coast);
criterion_main!(benches);
