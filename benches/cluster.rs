//! Building the cluster hierarchy (zooms 0..=16, radius 60, extent 512) for 1,000,000 synthetic
//! Sahel points (`synthetic_sahel_points`, stacked on towns like real data), with the default
//! strategy and each alternative kept in `Strategy` to measure it against, and the "what is in
//! view" query of a 1280×800 screen with the grid views and with `rstar` R-tree views.
//! Run: `cargo bench --bench cluster` (the comparison with supercluster on node is
//! `bench/cluster_vs_supercluster.sh`).

use std::hint::black_box;
use std::sync::atomic::AtomicBool;

use criterion::{Criterion, criterion_group, criterion_main};
use sahel_risk::analysis::cluster::{
    BENCH_SEED, ClusterIndex, ClusterOptions, Strategy, synthetic_sahel_points,
};

fn build(c: &mut Criterion) {
    sahel_risk::allocator::keep_freed_memory();
    let pts = synthetic_sahel_points(1_000_000, BENCH_SEED);
    let options = ClusterOptions::default();
    let cancel = AtomicBool::new(false);
    let strategies = [
        ("default", Strategy::default()),
        (
            "no_premerge",
            Strategy {
                no_premerge: true,
                ..Strategy::default()
            },
        ),
        (
            "in_order",
            Strategy {
                in_order: true,
                ..Strategy::default()
            },
        ),
        (
            "rtree_view",
            Strategy {
                rtree_view: true,
                ..Strategy::default()
            },
        ),
        (
            "rtree_greedy",
            Strategy {
                rtree_greedy: true,
                rtree_view: true,
                ..Strategy::default()
            },
        ),
    ];
    let mut g = c.benchmark_group("cluster_build_1m");
    g.sample_size(10);
    for (name, strategy) in strategies {
        g.bench_function(name, |b| {
            b.iter(|| black_box(ClusterIndex::build_with(&pts, &options, &cancel, strategy)))
        });
    }
    g.finish();

    // A 1280×800 screen centred on Ouagadougou (the densest stack) at each zoom.
    let grid = ClusterIndex::build(&pts, &options, &cancel).expect("not cancelled");
    let rtree = ClusterIndex::build_with(
        &pts,
        &options,
        &cancel,
        Strategy {
            rtree_view: true,
            ..Strategy::default()
        },
    )
    .expect("not cancelled");
    let mut g = c.benchmark_group("cluster_in_view_1280x800");
    for zoom in [4u8, 8, 12, 16] {
        // Degrees per pixel at this zoom (256-px tiles), near enough at 12° N for a box.
        let deg = 360.0 / (256.0 * f64::from(1u32 << zoom));
        let (lon, lat) = (-1.5336, 12.3714);
        let (w, h) = (640.0 * deg, 400.0 * deg);
        for (name, index) in [("grid", &grid), ("rtree", &rtree)] {
            g.bench_function(format!("{name}_z{zoom}"), |b| {
                b.iter(|| {
                    index
                        .in_view(zoom, lon - w, lat - h, lon + w, lat + h)
                        .count()
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, build);
criterion_main!(benches);
