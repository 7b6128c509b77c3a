//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
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
