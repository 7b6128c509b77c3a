//! Re-filtering 1,000,000 incidents (goal: under 20 ms), and building the columns it reads.
//! Run: `cargo bench --bench filter`

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use sahel_risk::analysis::{Filter, IncidentColumns};
use sahel_risk::model::Scenario;
use sahel_risk::sample::{SampleConfig, builtin_towns, generate};
use std::hint::black_box;

fn filter(c: &mut Criterion) {
    let incidents = generate(
        &SampleConfig {
            events: 1_000_000,
            ..SampleConfig::default()
        },
        &builtin_towns(),
    );
    let mut g = c.benchmark_group("filter_1m");
    g.sample_size(10);
    g.bench_function("build_columns", |b| {
        b.iter(|| black_box(IncidentColumns::new(&incidents)))
    });
    let cols = IncidentColumns::new(&incidents);
    g.sample_size(30);
    g.bench_function("no_restriction", |b| {
        b.iter(|| black_box(Filter::default().apply(&cols)))
    });
    let busy = Filter {
        date_from: NaiveDate::from_ymd_opt(2023, 1, 1),
        date_to: NaiveDate::from_ymd_opt(2024, 12, 31),
        event_types: 0b000101,
        min_fatalities: 1,
        scenario: Scenario::High,
        countries: vec!["Burkina Faso".into(), "Mali".into()],
        actors: vec!["JNIM: Group for Support of Islam and Muslims".into()],
        ..Filter::default()
    };
    g.bench_function("dates_types_fatalities_countries_actor", |b| {
        b.iter(|| black_box(busy.apply(&cols)))
    });
    g.finish();
}

criterion_group!(benches, filter);
criterion_main!(benches);
