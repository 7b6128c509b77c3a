//! What the risk score is computed over: the unit sets (admin-1 regions of the study
//! countries, Burkina Faso's provinces, an H3 grid over the study countries, or a user's
//! boundary file) and the incident columns as the score reads them.

use std::path::Path;

use super::IncidentColumns;
use super::risk::{
    COMPONENT_NAMES, H3_UNIT_RESOLUTIONS, RiskError, RiskEvents, RiskRow, RiskTable, Unit, UnitSet,
};
use crate::geodata::{GeoData, Region, boundary_features};

/// The countries whose admin-1 regions (and H3 cells) are risk units: Mali, Burkina Faso,
/// Niger and the coastal states Benin, Togo, Ghana and Côte d'Ivoire.
pub const RISK_COUNTRIES: [&str; 7] = ["MLI", "BFA", "NER", "BEN", "TGO", "GHA", "CIV"];

/// Which units to score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitLevel {
    Admin1,
    Province,
    /// H3 hexagons at this resolution (4, 5 or 6).
    H3(u8),
    /// Polygons from a user's GeoJSON file.
    Custom(std::path::PathBuf),
}

impl UnitLevel {
    /// "admin1", "province" or "h3:RES" (as the command line takes it).
    pub fn parse(s: &str) -> Result<UnitLevel, String> {
        match s.trim() {
            "admin1" => Ok(UnitLevel::Admin1),
            "province" => Ok(UnitLevel::Province),
            other => {
                let res = other.strip_prefix("h3:").ok_or_else(|| {
                    format!("unknown level \"{other}\" (use admin1, province or h3:RES)")
                })?;
                let res: u8 = res
                    .parse()
                    .map_err(|_| format!("h3 resolution \"{res}\" is not a number"))?;
                if !H3_UNIT_RESOLUTIONS.contains(&res) {
                    return Err(format!(
                        "h3 resolution {res} is not offered (use {:?}: about 1,770, 250 and 36 km² cells)",
                        H3_UNIT_RESOLUTIONS
                    ));
                }
                Ok(UnitLevel::H3(res))
            }
        }
    }

    pub fn label(&self) -> String {
        match self {
            UnitLevel::Admin1 => "admin-1 regions".into(),
            UnitLevel::Province => "Burkina Faso provinces".into(),
            UnitLevel::H3(r) => format!("H3 hexagons, resolution {r}"),
            UnitLevel::Custom(p) => format!(
                "units from {}",
                p.file_name().map_or(p.display().to_string(), |f| f
                    .to_string_lossy()
                    .into_owned())
            ),
        }
    }
}

fn unit_of(r: &Region) -> Unit {
    Unit {
        id: r.id.clone(),
        name: r.name.clone(),
        country: r.country_name.clone(),
        shape: r.shape.clone(),
    }
}

/// Why a unit set could not be made.
#[derive(Debug, thiserror::Error)]
pub enum UnitsError {
    #[error(transparent)]
    Geodata(#[from] crate::geodata::GeodataError),
    #[error("{file}: cannot read: {error}")]
    Io { file: String, error: std::io::Error },
    #[error(transparent)]
    Risk(#[from] RiskError),
}

/// The units of `level`.
pub fn unit_set(geo: &GeoData, level: &UnitLevel) -> Result<UnitSet, UnitsError> {
    let study = || {
        geo.countries
            .regions
            .iter()
            .filter(|r| RISK_COUNTRIES.contains(&r.country.as_str()))
    };
    Ok(match level {
        UnitLevel::Admin1 => UnitSet::new(
            geo.admin1
                .regions
                .iter()
                .filter(|r| RISK_COUNTRIES.contains(&r.country.as_str()))
                .map(unit_of)
                .collect(),
        )?,
        UnitLevel::Province => UnitSet::new(geo.provinces.regions.iter().map(unit_of).collect())?,
        UnitLevel::H3(res) => {
            let shapes: Vec<_> = study().map(|r| r.shape.clone()).collect();
            let names: Vec<String> = study().map(|r| r.country_name.clone()).collect();
            UnitSet::h3(*res, &shapes, &names)?
        }
        UnitLevel::Custom(path) => custom_units(path)?,
    })
}

/// Units from a user's boundary GeoJSON.
pub fn custom_units(path: &Path) -> Result<UnitSet, UnitsError> {
    let bytes = std::fs::read(path).map_err(|error| UnitsError::Io {
        file: path.display().to_string(),
        error,
    })?;
    let units = boundary_features(&bytes, path)?
        .into_iter()
        .map(|f| Unit {
            id: f.id,
            name: f.name,
            country: f.country,
            shape: f.shape,
        })
        .collect();
    Ok(UnitSet::new(units)?)
}

/// The columns as the score reads them: fatalities under `scenario` (0 low, 1 best, 2 high),
/// only the incidents `selected` (store indices) when given.
pub fn risk_events<'a>(
    columns: &'a IncidentColumns,
    scenario: usize,
    selected: Option<&'a [u32]>,
) -> RiskEvents<'a> {
    RiskEvents {
        lon: &columns.lon,
        lat: &columns.lat,
        day: &columns.day_start,
        fatalities: &columns.fatalities[scenario.min(2)],
        civilian: &columns.civilian,
        coarse: &columns.coarse,
        actor_offsets: &columns.group_offsets,
        actor_ids: &columns.group_ids,
        non_state: &columns.group_flags,
        selected,
    }
}

/// The rows of `table`, highest score first (ties by unit id).
fn ranked<'a>(units: &'a UnitSet, table: &'a RiskTable) -> Vec<(&'a Unit, &'a RiskRow)> {
    let mut rows: Vec<_> = table
        .rows
        .iter()
        .map(|r| (&units.units()[r.unit], r))
        .collect();
    rows.sort_by(|a, b| a.1.rank.cmp(&b.1.rank).then_with(|| a.0.id.cmp(&b.0.id)));
    rows
}

/// Keys after `rank`, added by the forecast method (issue 15).
const EXTRA_KEYS: [&str; 4] = ["expected_events", "expected_low", "expected_high", "trust"];

fn round(v: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

/// The risk table as CSV with a header: `unit_id, name, country, events, fatalities`, the five
/// components (events' worth over the horizon), `score`, `class`, `rank`, then
/// `expected_events`, `expected_low`, `expected_high` (the 80 % range) and `trust`; highest
/// first.
pub fn write_csv(units: &UnitSet, table: &RiskTable, w: impl std::io::Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(w);
    let mut header = vec!["unit_id", "name", "country", "events", "fatalities"];
    header.extend(COMPONENT_NAMES);
    header.extend(["score", "class", "rank"]);
    header.extend(EXTRA_KEYS);
    w.write_record(&header)?;
    for (u, r) in ranked(units, table) {
        let mut rec = vec![
            u.id.clone(),
            u.name.clone(),
            u.country.clone(),
            r.events.to_string(),
            r.fatalities.to_string(),
        ];
        rec.extend(r.value.iter().map(|v| round(*v, 6).to_string()));
        rec.push(round(r.score, 3).to_string());
        rec.push(r.class.to_string());
        rec.push(r.rank.to_string());
        rec.push(round(r.expected_events, 3).to_string());
        rec.push(r.expected_range.0.to_string());
        rec.push(r.expected_range.1.to_string());
        rec.push(round(r.trust, 4).to_string());
        w.write_record(&rec)?;
    }
    w.flush()?;
    Ok(())
}

/// The same as [`write_csv`], one JSON object per line.
pub fn write_json_lines(
    units: &UnitSet,
    table: &RiskTable,
    mut w: impl std::io::Write,
) -> std::io::Result<()> {
    use serde_json::json;
    for (u, r) in ranked(units, table) {
        let mut o = serde_json::Map::new();
        o.insert("unit_id".into(), json!(u.id));
        o.insert("name".into(), json!(u.name));
        o.insert("country".into(), json!(u.country));
        o.insert("events".into(), json!(r.events));
        o.insert("fatalities".into(), json!(r.fatalities));
        for (k, name) in COMPONENT_NAMES.iter().enumerate() {
            o.insert((*name).into(), json!(round(r.value[k], 6)));
        }
        o.insert("score".into(), json!(round(r.score, 3)));
        o.insert("class".into(), json!(r.class));
        o.insert("rank".into(), json!(r.rank));
        o.insert("expected_events".into(), json!(round(r.expected_events, 3)));
        o.insert("expected_low".into(), json!(r.expected_range.0));
        o.insert("expected_high".into(), json!(r.expected_range.1));
        o.insert("trust".into(), json!(round(r.trust, 4)));
        writeln!(w, "{}", serde_json::Value::Object(o))?;
    }
    Ok(())
}
