//! UCDP GED columns and the one row -> `Incident` mapping used by the UCDP
//! CSV and UCDP-like GeoJSON importers.

use super::dates;
use super::error::RowError;
use super::fields::{Row, Schema, intern_opt, parse_i64, parse_u8, parse_u32, parse_uint};
use super::mapping::{MapCtx, WARN_YEAR, coded_claim, locate};
use crate::model::{
    Actor, Dataset, DatePrecision, EventDate, GeoPrecision, IStr, Incident, UcdpExtra,
    classify_ucdp_violence,
};

pub(crate) const ID: usize = 0;
pub(crate) const RELID: usize = 1;
pub(crate) const YEAR: usize = 2;
pub(crate) const TYPE_OF_VIOLENCE: usize = 5;
pub(crate) const CONFLICT_NAME: usize = 8;
pub(crate) const DYAD_NAME: usize = 11;
pub(crate) const SIDE_A: usize = 14;
pub(crate) const SIDE_B: usize = 17;
pub(crate) const NUMBER_OF_SOURCES: usize = 18;
pub(crate) const SOURCE_ARTICLE: usize = 19;
pub(crate) const SOURCE_OFFICE: usize = 20;
pub(crate) const SOURCE_DATE: usize = 21;
pub(crate) const SOURCE_HEADLINE: usize = 22;
pub(crate) const SOURCE_ORIGINAL: usize = 23;
pub(crate) const WHERE_PREC: usize = 24;
pub(crate) const WHERE_COORDINATES: usize = 25;
pub(crate) const WHERE_DESCRIPTION: usize = 26;
pub(crate) const ADM_1: usize = 27;
pub(crate) const ADM_2: usize = 28;
pub(crate) const LATITUDE: usize = 29;
pub(crate) const LONGITUDE: usize = 30;
pub(crate) const COUNTRY: usize = 33;
pub(crate) const REGION: usize = 35;
pub(crate) const EVENT_CLARITY: usize = 36;
pub(crate) const DATE_PREC: usize = 37;
pub(crate) const DATE_START: usize = 38;
pub(crate) const DATE_END: usize = 39;
pub(crate) const DEATHS_A: usize = 40;
pub(crate) const DEATHS_B: usize = 41;
pub(crate) const DEATHS_CIVILIANS: usize = 42;
pub(crate) const DEATHS_UNKNOWN: usize = 43;
pub(crate) const BEST: usize = 44;
pub(crate) const HIGH: usize = 45;
pub(crate) const LOW: usize = 46;

/// The 49 columns, in the order of the released files (used as-is for
/// releases without a header row).
pub(crate) static SCHEMA: Schema = Schema {
    names: &[
        "id",
        "relid",
        "year",
        "active_year",
        "code_status",
        "type_of_violence",
        "conflict_dset_id",
        "conflict_new_id",
        "conflict_name",
        "dyad_dset_id",
        "dyad_new_id",
        "dyad_name",
        "side_a_dset_id",
        "side_a_new_id",
        "side_a",
        "side_b_dset_id",
        "side_b_new_id",
        "side_b",
        "number_of_sources",
        "source_article",
        "source_office",
        "source_date",
        "source_headline",
        "source_original",
        "where_prec",
        "where_coordinates",
        "where_description",
        "adm_1",
        "adm_2",
        "latitude",
        "longitude",
        "geom_wkt",
        "priogrid_gid",
        "country",
        "country_id",
        "region",
        "event_clarity",
        "date_prec",
        "date_start",
        "date_end",
        "deaths_a",
        "deaths_b",
        "deaths_civilians",
        "deaths_unknown",
        "best",
        "high",
        "low",
        "gwnoa",
        "gwnob",
    ],
    aliases: &[
        ("best_est", BEST),
        ("high_est", HIGH),
        ("low_est", LOW),
        ("lat", LATITUDE),
        ("lon", LONGITUDE),
        ("adm1", ADM_1),
        ("adm2", ADM_2),
    ],
    expected: &[
        ID,
        YEAR,
        TYPE_OF_VIOLENCE,
        SIDE_A,
        SIDE_B,
        WHERE_PREC,
        LATITUDE,
        LONGITUDE,
        COUNTRY,
        DATE_PREC,
        DATE_START,
        DATE_END,
        BEST,
        HIGH,
        LOW,
    ],
};

/// Columns only UCDP has; three of them in a header mean a UCDP file.
pub(crate) const SPECIFIC: &[usize] = &[
    RELID,
    TYPE_OF_VIOLENCE,
    CONFLICT_NAME,
    DYAD_NAME,
    SIDE_A,
    SIDE_B,
    WHERE_PREC,
    DATE_PREC,
    DATE_START,
    DATE_END,
    BEST,
    HIGH,
    LOW,
];

pub(crate) const REQUIRED: &[(usize, &str)] = &[
    (DATE_START, "no date_start column: no row can be dated"),
    (
        LATITUDE,
        "no latitude column: no row can be placed on the map",
    ),
    (
        LONGITUDE,
        "no longitude column: no row can be placed on the map",
    ),
];

const WARN_SPAN: &str = "date_end before date_start (swapped)";
const WARN_DEATHS: &str = "unreadable best/high/low figure (left empty)";

/// A headerless release: 49 fields shaped like GED values.
pub(crate) fn looks_like_row(field: impl Fn(usize) -> Option<String>, len: usize) -> bool {
    let f = |i: usize| field(i).unwrap_or_default();
    len == SCHEMA.names.len()
        && parse_uint(f(ID).trim()).is_some()
        && parse_uint(f(YEAR).trim()).is_some_and(|y| (1946..=2100).contains(&y))
        && parse_u8(f(TYPE_OF_VIOLENCE).trim()).is_some_and(|t| (1..=3).contains(&t))
        && f(LATITUDE).trim().parse::<f64>().is_ok()
        && f(LONGITUDE).trim().parse::<f64>().is_ok()
        && dates::parse_date(&f(DATE_START)).is_some()
}

fn num(row: &impl Row, col: usize, line: u64, ctx: &mut MapCtx) -> Option<u32> {
    let s = row.get(col)?;
    let v = parse_u32(s);
    if v.is_none() {
        ctx.warnings.add(line, WARN_DEATHS);
    }
    v
}

fn side(row: &impl Row, col: usize, ctx: &mut MapCtx) -> Option<Actor> {
    Some(Actor {
        name: ctx.interner.intern(row.get(col)?),
        kind: None,
        associated: Vec::new(),
    })
}

/// Builds one UCDP incident from a row; `Err` rejects the row.
pub(crate) fn map_row(row: &impl Row, line: u64, ctx: &mut MapCtx) -> Result<Incident, RowError> {
    let year_col = row
        .get(YEAR)
        .and_then(parse_i64)
        .and_then(|y| i32::try_from(y).ok());
    let date_of = |col: usize, name: &str| -> Result<Option<chrono::NaiveDate>, RowError> {
        let Some(raw) = row.get(col) else {
            return Ok(None);
        };
        match dates::parse_date(raw).and_then(|p| dates::resolve(p, None)) {
            Some((d, _)) => Ok(Some(d)),
            None => Err(RowError::new(
                line,
                name,
                format!("unreadable date {raw:?}"),
            )),
        }
    };
    let start = date_of(DATE_START, "date_start")?
        .ok_or_else(|| RowError::new(line, "date_start", "missing date"))?;
    let end = date_of(DATE_END, "date_end")?.unwrap_or(start);
    let (lon, lat) = locate(row.get(LATITUDE), row.get(LONGITUDE), line, ctx)?;
    let (start, end) = if end < start {
        ctx.warnings.add(line, WARN_SPAN);
        (end, start)
    } else {
        (start, end)
    };
    if year_col.is_some_and(|y| y != chrono::Datelike::year(&start)) {
        ctx.warnings.add(line, WARN_YEAR);
    }
    let precision = row
        .get(DATE_PREC)
        .and_then(parse_u8)
        .and_then(DatePrecision::from_ucdp)
        .unwrap_or(if start == end {
            DatePrecision::Day
        } else {
            DatePrecision::FewDays
        });
    let id: IStr = match row.get(ID) {
        Some(id) => format!("ucdp:{}", id.strip_suffix(".0").unwrap_or(id)).into(),
        None => ctx.generated_id(line),
    };
    let date = EventDate {
        start,
        end,
        precision,
    };
    let mut inc = Incident::new(id, Dataset::Ucdp, date, lon, lat);
    inc.ucdp_violence = row.get(TYPE_OF_VIOLENCE).and_then(parse_u8);
    if let Some((t, civ)) = inc.ucdp_violence.and_then(classify_ucdp_violence) {
        inc.event_type = Some(t);
        inc.civilian_targeting = civ;
    }
    inc.actor1 = side(row, SIDE_A, ctx);
    inc.actor2 = side(row, SIDE_B, ctx);
    inc.country = intern_opt(row.get(COUNTRY), ctx.interner);
    inc.region = intern_opt(row.get(REGION), ctx.interner);
    inc.admin1 = intern_opt(row.get(ADM_1), ctx.interner);
    inc.admin2 = intern_opt(row.get(ADM_2), ctx.interner);
    inc.location = intern_opt(row.get(WHERE_COORDINATES), ctx.interner);
    inc.geo_precision = row
        .get(WHERE_PREC)
        .and_then(parse_u8)
        .and_then(GeoPrecision::from_ucdp)
        .unwrap_or(GeoPrecision::Unknown);
    inc.sources = super::fields::split_list(row.get(SOURCE_ARTICLE), ctx.interner);
    inc.notes = row.get(SOURCE_HEADLINE).map(Box::from);
    let (low, best, high) = (
        num(row, LOW, line, ctx),
        num(row, BEST, line, ctx),
        num(row, HIGH, line, ctx),
    );
    if low.is_some() || best.is_some() || high.is_some() {
        let src = ctx.interner.intern("UCDP GED");
        inc.claims.push(coded_claim(src, low, best, high));
    }
    let text = |c: usize| row.get(c).map(str::to_string);
    inc.ucdp = Some(Box::new(UcdpExtra {
        relid: row.get(RELID).map(IStr::from),
        conflict_name: intern_opt(row.get(CONFLICT_NAME), ctx.interner),
        dyad_name: intern_opt(row.get(DYAD_NAME), ctx.interner),
        where_description: text(WHERE_DESCRIPTION),
        source_office: text(SOURCE_OFFICE),
        source_date: text(SOURCE_DATE),
        source_original: text(SOURCE_ORIGINAL),
        number_of_sources: row.get(NUMBER_OF_SOURCES).and_then(parse_u32),
        event_clarity: row.get(EVENT_CLARITY).and_then(parse_u8),
        deaths_a: row.get(DEATHS_A).and_then(parse_u32),
        deaths_b: row.get(DEATHS_B).and_then(parse_u32),
        deaths_civilians: row.get(DEATHS_CIVILIANS).and_then(parse_u32),
        deaths_unknown: row.get(DEATHS_UNKNOWN).and_then(parse_u32),
    }));
    Ok(inc)
}
