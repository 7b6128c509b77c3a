//! Where each geodata file comes from: the copy embedded in the binary, or an override folder.

use std::path::{Path, PathBuf};

use super::error::GeodataError;

/// One bundled file: its name in `geodata/` and the embedded bytes.
#[derive(Debug, Clone, Copy)]
pub struct BundledFile {
    pub name: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! bundled {
    ($name:literal) => {
        BundledFile {
            name: $name,
            bytes: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/geodata/", $name)),
        }
    };
}

pub const COUNTRIES: BundledFile = bundled!("countries.geojson");
pub const LAND: BundledFile = bundled!("land.geojson");
pub const ADMIN1: BundledFile = bundled!("admin1.geojson");
pub const PROVINCES: BundledFile = bundled!("bfa_provinces.geojson");
pub const COASTLINE: BundledFile = bundled!("coastline.geojson");
pub const LAKES: BundledFile = bundled!("lakes.geojson");
pub const RIVERS: BundledFile = bundled!("rivers.geojson");
pub const PLACES: BundledFile = bundled!("places.csv");
pub const ATTRIBUTION: BundledFile = bundled!("ATTRIBUTION.txt");

/// Where a layer was actually read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    Override(PathBuf),
}

/// Read `file` from `dir` when given and parseable, else parse the embedded copy.
///
/// Returns the value, where it came from, and a notice for the user when an override
/// was missing or broken (the notice names the file and the reason).
pub fn load_layer<T>(
    file: BundledFile,
    dir: Option<&Path>,
    parse: impl Fn(&[u8], &Path) -> Result<T, GeodataError>,
) -> (T, Origin, Option<String>) {
    let mut notice = None;
    if let Some(dir) = dir {
        let path = dir.join(file.name);
        match std::fs::read(&path) {
            Ok(bytes) => match parse(&bytes, &path) {
                Ok(value) => return (value, Origin::Override(path), None),
                Err(e) => notice = Some(format!("{e} — using the embedded copy instead")),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                notice = Some(format!(
                    "{}: cannot read: {e} — using the embedded copy instead",
                    path.display()
                ))
            }
        }
    }
    let embedded_path = PathBuf::from(format!("<embedded>/geodata/{}", file.name));
    let value = match parse(file.bytes, &embedded_path) {
        Ok(v) => v,
        // The embedded files are checked by the test suite; reaching this is a build defect.
        Err(e) => panic!("embedded geodata is corrupt: {e}"),
    };
    (value, Origin::Embedded, notice)
}
