//! The `export` command: works with no display, writes the PNG at the asked size, and fails
//! loudly (exit 2, one clear line, no file) on a bad view, region, layer, preset or size.

mod common;

use std::path::PathBuf;

use common::{assert_refused, run_cli as run};

fn out_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "sahel-cli-export-{}-{name}.png",
        std::process::id()
    ))
}

#[test]
fn exports_without_a_display() {
    let out = out_path("ok");
    let o = run(&[
        "export",
        "--out",
        out.to_str().unwrap(),
        "--size",
        "640x400",
        "--region",
        "Kayes",
        "--layers",
        "clusters,risk,frontier",
        "--title",
        "Kayes",
        "--as-of",
        "2025-07-31",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("640x400 px at 96 dpi"), "{stdout}");
    let bytes = std::fs::read(&out).unwrap();
    std::fs::remove_file(&out).ok();
    let img = image::load_from_memory(&bytes).unwrap();
    assert_eq!((img.width(), img.height()), (640, 400));
}

#[test]
fn bad_requests_fail_loudly_and_write_nothing() {
    let out = out_path("bad");
    let o = out.to_str().unwrap();
    for (args, needle) in [
        (vec!["--size", "640x400", "--view", "1,2,3"], "--view"),
        (
            vec!["--size", "640x400", "--view=10,5,2,8"],
            "LON_MIN must be below",
        ),
        (
            vec!["--size", "640x400", "--region", "Atlantis"],
            "Atlantis",
        ),
        (
            vec!["--size", "640x400", "--layers", "clusters,heatmap"],
            "unknown layer \"heatmap\"",
        ),
        (vec!["--preset", "a9"], "unknown preset"),
        (vec!["--size", "100000x100000"], "largest"),
        (vec!["--size", "640x400", "--dpi", "0"], "--dpi"),
    ] {
        let mut all = vec!["export", "--out", o];
        all.extend(args.iter());
        assert_refused(&run(&all), &all, needle);
        assert!(!out.exists(), "{args:?} wrote a file");
    }
}
