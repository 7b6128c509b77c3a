//! Writes a synthetic ACLED CSV (current 31-column layout, realistic notes) for benchmarks:
//! `cargo run --release --example gen_acled -- OUT.csv [ROWS]` (default 1,000,000 rows, ~480 MB).
//! Synthetic only: made by the seeded sample generator, no real ACLED data.

use std::fs::File;
use std::io::BufWriter;
use std::time::Instant;

use sahel_risk::sample::{SampleConfig, builtin_towns, generate, write_acled_csv};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "acled_1m.csv".into());
    let rows: usize = match args.next() {
        Some(n) => n
            .parse()
            .map_err(|_| std::io::Error::other(format!("ROWS: \"{n}\" is not a number")))?,
        None => 1_000_000,
    };
    let t = Instant::now();
    let incidents = generate(
        &SampleConfig {
            events: rows,
            ..SampleConfig::default()
        },
        &builtin_towns(),
    );
    write_acled_csv(&incidents, BufWriter::new(File::create(&out)?), true)?;
    let size = std::fs::metadata(&out)?.len();
    eprintln!(
        "{out}: {rows} rows, {:.0} MB in {:.1?}",
        size as f64 / 1e6,
        t.elapsed()
    );
    Ok(())
}
