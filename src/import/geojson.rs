//! GeoJSON FeatureCollection of Points whose properties are ACLED-like or
//! UCDP-like; each feature goes through the matching CSV row mapping, with
//! the point's coordinates in place of the latitude/longitude properties.

use std::io::Read;
use std::sync::atomic::AtomicBool;

use serde_json::{Map, Value};

use super::error::{ImportError, RowError};
use super::fields::{JsonRow, Schema, normalize_header};
use super::json_stream::{json_error, stream};
use super::mapping::MapCtx;
use super::sink::Sink;
use super::{acled_map, ucdp_map};
use crate::model::Incident;

/// UCDP-only property names: one of them makes a feature UCDP-like.
const UCDP_KEYS: &[&str] = &[
    "type_of_violence",
    "where_prec",
    "relid",
    "date_start",
    "side_a",
];

fn is_ucdp(props: &Map<String, Value>) -> bool {
    props
        .keys()
        .any(|k| UCDP_KEYS.contains(&normalize_header(k).as_str()))
}

/// (lon, lat) of a Point geometry; `Ok(None)` for a null geometry.
fn point(geometry: Option<&Value>) -> Result<Option<(String, String)>, String> {
    let g = match geometry {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(g)) => g,
        Some(_) => return Err("geometry is not an object".into()),
    };
    let kind = g.get("type").and_then(Value::as_str).unwrap_or("");
    if kind != "Point" {
        return Err(format!("geometry is {kind:?}, not a Point"));
    }
    let c = g.get("coordinates").and_then(Value::as_array);
    let num = |i: usize| c.and_then(|c| c.get(i)).and_then(Value::as_f64);
    match (num(0), num(1)) {
        (Some(lon), Some(lat)) => Ok(Some((lon.to_string(), lat.to_string()))),
        _ => Err("Point without two numeric coordinates".into()),
    }
}

type MapRow = fn(&JsonRow, u64, &mut MapCtx) -> Result<Incident, RowError>;

fn acled_row(r: &JsonRow, line: u64, ctx: &mut MapCtx) -> Result<Incident, RowError> {
    acled_map::map_row(r, line, ctx)
}

fn ucdp_row(r: &JsonRow, line: u64, ctx: &mut MapCtx) -> Result<Incident, RowError> {
    ucdp_map::map_row(r, line, ctx)
}

fn feature(sink: &mut Sink, n: u64, v: Value) {
    let Value::Object(mut f) = v else {
        sink.report.rows += 1;
        return sink.reject(RowError::new(n, "features", "feature is not a JSON object"));
    };
    let props = match f.remove("properties") {
        Some(Value::Object(p)) => p,
        _ => Map::new(),
    };
    let (schema, lat, lon, id_col, map_row): (&Schema, usize, usize, usize, MapRow) =
        if is_ucdp(&props) {
            let u = &ucdp_map::SCHEMA;
            (
                u,
                ucdp_map::LATITUDE,
                ucdp_map::LONGITUDE,
                ucdp_map::ID,
                ucdp_row,
            )
        } else {
            let a = &acled_map::SCHEMA;
            (
                a,
                acled_map::LATITUDE,
                acled_map::LONGITUDE,
                acled_map::EVENT_ID_CNTY,
                acled_row,
            )
        };
    let mut row = JsonRow::from_object(&props, schema);
    match point(f.get("geometry")) {
        Ok(Some((x, y))) => {
            row.set(lon, x);
            row.set(lat, y);
        }
        Ok(None) => {}
        Err(msg) => {
            sink.report.rows += 1;
            return sink.reject(RowError::new(n, "geometry", msg));
        }
    }
    if row.vals[id_col].is_none() {
        match f.get("id") {
            Some(Value::String(s)) => row.set(id_col, s.clone()),
            Some(Value::Number(x)) => row.set(id_col, x.to_string()),
            _ => {}
        }
    }
    let present = row.present();
    sink.row(n, Some(&present), |ctx| map_row(&row, n, ctx));
}

pub(crate) fn import<R: Read>(
    reader: R,
    file: &str,
    sink: &mut Sink,
    cancel: &AtomicBool,
) -> Result<(), ImportError> {
    let mut n = 0u64;
    let mut on_item = |v: Value| {
        n += 1;
        feature(sink, n, v);
    };
    let top = stream(reader, "features", &mut |_| Ok(()), &mut on_item)
        .map_err(|e| json_error(e, file, cancel))?;
    let kind = top.members.get("type").and_then(Value::as_str);
    if !top.found || kind.is_some_and(|k| k != "FeatureCollection") {
        return Err(ImportError::NotIncidentData {
            file: file.to_string(),
            reason: "GeoJSON that is not a FeatureCollection with a `features` array".into(),
        });
    }
    Ok(())
}
