//! The layering rule: the core never names a GUI crate.

use std::path::Path;

/// Core modules: data, importers, analyses. They must build and test without a GUI.
const CORE: &[&str] = &["src/geodata", "src/model", "src/import", "src/analysis"];
const GUI_CRATES: &[&str] = &[
    "egui",
    "eframe",
    "walkers",
    "egui_extras",
    "egui_plot",
    "wgpu",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn core_modules_do_not_use_gui_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in CORE {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(!files.is_empty(), "no core files found");
    let mut offences = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for krate in GUI_CRATES {
                if code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}")) {
                    offences.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "core files use GUI crates:\n{}",
        offences.join("\n")
    );
}
