//! ACLED columns and the one row -> `Incident` mapping used by the ACLED
//! CSV, ACLED API JSON and ACLED-like GeoJSON importers.

use super::dates;
use super::error::RowError;
use super::fields::{Row, Schema, parse_i64, parse_u8, parse_u32};
use super::mapping::{MapCtx, coded_claim, locate};
use crate::model::{
    Actor, ActorKind, Dataset, DatePrecision, EventDate, EventType, GeoPrecision, Incident,
};

pub(crate) const EVENT_ID_CNTY: usize = 0;
pub(crate) const EVENT_DATE: usize = 1;
pub(crate) const YEAR: usize = 2;
pub(crate) const TIME_PRECISION: usize = 3;
pub(crate) const DISORDER_TYPE: usize = 4;
pub(crate) const EVENT_TYPE: usize = 5;
pub(crate) const SUB_EVENT_TYPE: usize = 6;
pub(crate) const ACTOR1: usize = 7;
pub(crate) const ASSOC_ACTOR_1: usize = 8;
pub(crate) const INTER1: usize = 9;
pub(crate) const ACTOR2: usize = 10;
pub(crate) const ASSOC_ACTOR_2: usize = 11;
pub(crate) const INTER2: usize = 12;
pub(crate) const INTERACTION: usize = 13;
pub(crate) const CIVILIAN_TARGETING: usize = 14;
pub(crate) const ISO: usize = 15;
pub(crate) const REGION: usize = 16;
pub(crate) const COUNTRY: usize = 17;
pub(crate) const ADMIN1: usize = 18;
pub(crate) const ADMIN2: usize = 19;
pub(crate) const ADMIN3: usize = 20;
pub(crate) const LOCATION: usize = 21;
pub(crate) const LATITUDE: usize = 22;
pub(crate) const LONGITUDE: usize = 23;
pub(crate) const GEO_PRECISION: usize = 24;
pub(crate) const SOURCE: usize = 25;
pub(crate) const SOURCE_SCALE: usize = 26;
pub(crate) const NOTES: usize = 27;
pub(crate) const FATALITIES: usize = 28;
pub(crate) const TAGS: usize = 29;
pub(crate) const TIMESTAMP: usize = 30;

pub(crate) static SCHEMA: Schema = Schema {
    names: &[
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "disorder_type",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "inter1",
        "actor2",
        "assoc_actor_2",
        "inter2",
        "interaction",
        "civilian_targeting",
        "iso",
        "region",
        "country",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "source_scale",
        "notes",
        "fatalities",
        "tags",
        "timestamp",
        "iso3",
        "gwno",
        "data_id",
        "event_id_no_cnty",
    ],
    aliases: &[
        ("ally_actor_1", ASSOC_ACTOR_1),
        ("ally_actor_2", ASSOC_ACTOR_2),
        ("assoc_actor1", ASSOC_ACTOR_1),
        ("assoc_actor2", ASSOC_ACTOR_2),
        ("lat", LATITUDE),
        ("lon", LONGITUDE),
        ("lng", LONGITUDE),
        ("long", LONGITUDE),
        ("event_id", EVENT_ID_CNTY),
        ("sources", SOURCE),
    ],
    expected: &[
        EVENT_ID_CNTY,
        EVENT_DATE,
        YEAR,
        TIME_PRECISION,
        EVENT_TYPE,
        SUB_EVENT_TYPE,
        ACTOR1,
        ASSOC_ACTOR_1,
        INTER1,
        INTERACTION,
        COUNTRY,
        ADMIN1,
        ADMIN2,
        LOCATION,
        LATITUDE,
        LONGITUDE,
        GEO_PRECISION,
        SOURCE,
        NOTES,
        FATALITIES,
        TIMESTAMP,
    ],
};

/// Columns without which no row can become an event.
pub(crate) const REQUIRED: &[(usize, &str)] = &[
    (EVENT_DATE, "no event_date column: no row can be dated"),
    (
        LATITUDE,
        "no latitude column: no row can be placed on the map",
    ),
    (
        LONGITUDE,
        "no longitude column: no row can be placed on the map",
    ),
];

const WARN_EVENT_TYPE: &str = "unknown event_type (kept as written)";
const WARN_SUB_TYPE: &str = "unknown sub_event_type (kept as written)";
const WARN_FATALITIES: &str = "unreadable fatalities (left empty)";
const WARN_PRECISION: &str = "unknown geo_precision or time_precision code";

/// `kind`: the parsed `inter` column of this actor.
fn actor(
    row: &impl Row,
    name: usize,
    assoc: usize,
    kind: Option<ActorKind>,
    ctx: &mut MapCtx,
) -> Option<Actor> {
    let name = row.get(name)?;
    Some(Actor {
        name: ctx.memo.name(name, ctx.interner),
        kind,
        associated: ctx.memo.list(row.get(assoc), ctx.interner),
    })
}

/// Builds one ACLED incident from a row; `Err` rejects the row.
pub(crate) fn map_row(row: &impl Row, line: u64, ctx: &mut MapCtx) -> Result<Incident, RowError> {
    let year_col = row
        .get(YEAR)
        .and_then(parse_i64)
        .and_then(|y| i32::try_from(y).ok());
    let raw_date = row
        .get(EVENT_DATE)
        .ok_or_else(|| RowError::new(line, "event_date", "missing date"))?;
    let day = dates::parse_date(raw_date)
        .and_then(|p| dates::resolve(p, year_col))
        .ok_or_else(|| {
            RowError::new(line, "event_date", format!("unreadable date {raw_date:?}"))
        })?;
    let (lon, lat) = locate(row.get(LATITUDE), row.get(LONGITUDE), line, ctx)?;
    if day.1 {
        ctx.warnings.add(line, super::mapping::WARN_YEAR);
    }
    let time_prec = match row.get(TIME_PRECISION) {
        None => DatePrecision::Day,
        Some(s) => parse_u8(s)
            .and_then(DatePrecision::from_acled)
            .unwrap_or_else(|| {
                ctx.warnings.add(line, WARN_PRECISION);
                DatePrecision::Day
            }),
    };
    let id = match row.get(EVENT_ID_CNTY) {
        Some(id) => id.into(),
        None => ctx.generated_id(line),
    };
    let mut inc = Incident::new(
        id,
        Dataset::Acled,
        EventDate::day(day.0, time_prec),
        lon,
        lat,
    );

    // Actor kinds, event types and their warnings: see `EventCols::new`.
    let ev = ctx.memo.event_cols(
        [
            row.get(INTER1),
            row.get(INTER2),
            row.get(EVENT_TYPE),
            row.get(SUB_EVENT_TYPE),
            row.get(DISORDER_TYPE),
            row.get(INTERACTION),
        ],
        ctx.interner,
    );
    inc.actor1 = actor(row, ACTOR1, ASSOC_ACTOR_1, ev.kind1, ctx);
    inc.actor2 = actor(row, ACTOR2, ASSOC_ACTOR_2, ev.kind2, ctx);
    if ev.unknown_event_type {
        ctx.warnings.add(line, WARN_EVENT_TYPE);
    }
    if ev.unknown_sub_type {
        ctx.warnings.add(line, WARN_SUB_TYPE);
    }
    inc.event_type = ev.event_type;
    inc.sub_event_type = ev.sub_event_type;
    inc.event_type_raw = ev.event_type_raw;
    inc.sub_event_type_raw = ev.sub_event_type_raw;
    inc.disorder_type = ev.disorder_type;
    inc.interaction = ev.interaction;
    inc.civilian_targeting = match ctx.has_column(CIVILIAN_TARGETING) {
        true => row.get(CIVILIAN_TARGETING).is_some(),
        false => inc.event_type == Some(EventType::ViolenceAgainstCivilians),
    };
    inc.iso = row.get(ISO).and_then(parse_uint_u16);
    let place_cols = [REGION, COUNTRY, ADMIN1, ADMIN2, ADMIN3, LOCATION].map(|c| row.get(c));
    let [region, country, admin1, admin2, admin3, location] =
        ctx.memo.place(place_cols, ctx.interner);
    inc.region = region;
    inc.country = country;
    inc.admin1 = admin1;
    inc.admin2 = admin2;
    inc.admin3 = admin3;
    inc.location = location;
    inc.geo_precision = match row.get(GEO_PRECISION) {
        None => GeoPrecision::Unknown,
        Some(s) => parse_u8(s)
            .and_then(GeoPrecision::from_acled)
            .unwrap_or_else(|| {
                ctx.warnings.add(line, WARN_PRECISION);
                GeoPrecision::Unknown
            }),
    };
    inc.sources = ctx.memo.list(row.get(SOURCE), ctx.interner);
    inc.source_scale = row
        .get(SOURCE_SCALE)
        .map(|s| ctx.memo.name(s, ctx.interner));
    inc.tags = ctx.memo.list(row.get(TAGS), ctx.interner);
    inc.timestamp = row.get(TIMESTAMP).and_then(parse_i64);
    let notes = row.get(NOTES);
    inc.notes = notes.map(Box::from);

    let fatalities = row.get(FATALITIES).and_then(|s| {
        let v = parse_u32(s);
        if v.is_none() {
            ctx.warnings.add(line, WARN_FATALITIES);
        }
        v
    });
    let from_notes = notes.map(super::notes::extract_claims).unwrap_or_default();
    // Exactly sized: a million incidents keep these vectors.
    let mut claims = Vec::with_capacity(usize::from(fatalities.is_some()) + from_notes.len());
    if let Some(f) = fatalities {
        claims.push(coded_claim(
            ctx.memo.acled(ctx.interner),
            None,
            Some(f),
            None,
        ));
    }
    claims.extend(from_notes);
    inc.claims = claims;
    Ok(inc)
}

fn parse_uint_u16(s: &str) -> Option<u16> {
    super::fields::parse_uint(s).and_then(|v| u16::try_from(v).ok())
}
