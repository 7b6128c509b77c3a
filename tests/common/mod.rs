//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;

use sahel_risk::import::{ImportError, Imported, import_path, import_reader};
use sahel_risk::model::Incident;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn try_import(name: &str) -> Result<Imported, ImportError> {
    import_path(&fixture(name), &|_, _| {}, &AtomicBool::new(false))
}

pub fn import(name: &str) -> Imported {
    match try_import(name) {
        Ok(i) => i,
        Err(e) => panic!("{name}: {e}"),
    }
}

pub fn import_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    import_reader(
        bytes,
        "mem.csv",
        bytes.len() as u64,
        &|_, _| {},
        &AtomicBool::new(false),
    )
}

pub fn by_id<'a>(imp: &'a Imported, id: &str) -> &'a Incident {
    imp.incidents
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no incident {id}"))
}

pub fn error_lines(imp: &Imported) -> Vec<u64> {
    imp.report.errors.iter().map(|e| e.line).collect()
}

/// Runs the `sahel-risk` binary with `args`, without a display (as on a headless machine).
pub fn run_cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sahel-risk"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
}

/// `out` is a refusal of `args`: exit code 2, nothing on stdout, and on stderr an "error: "
/// message that names `needle`. Returns the message.
pub fn assert_refused(out: &Output, args: &[&str], needle: &str) -> String {
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        err.starts_with("error: ") && err.contains(needle),
        "{args:?}: {err}"
    );
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    err
}
