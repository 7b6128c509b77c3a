//! Writes incidents as an ACLED CSV in the current 31-column layout (the
//! bundled sample's export, and a fast writer for import benchmarks).

use std::io::{self, Write};

use chrono::Datelike;

use super::rich_notes::{RichNotes, push_escaped};
use crate::model::{Actor, DatePrecision, EventType, GeoPrecision, IStr, Incident};

const FLUSH_AT: usize = 1 << 20;

/// Writes `incidents` as ACLED CSV (header + one row per incident, "\n" line
/// ends, minimal quoting). `fatalities` is each incident's coded figure;
/// other claims live in the notes, as in ACLED files. With `rich_notes`,
/// notes are lengthened with generic sentences to realistic row sizes
/// (about 460 bytes), including commas, quotes and line breaks: a file for
/// import benchmarks. Output is buffered internally; `w` need not be.
pub fn write_acled_csv<W: Write>(
    incidents: &[Incident],
    mut w: W,
    rich_notes: bool,
) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(FLUSH_AT + 8 * 1024);
    buf.extend_from_slice(crate::import::acled_columns().join(",").as_bytes());
    buf.push(b'\n');
    let mut rich = rich_notes.then(RichNotes::new);
    for inc in incidents {
        write_row(&mut buf, inc, rich.as_mut());
        if buf.len() >= FLUSH_AT {
            w.write_all(&buf)?;
            buf.clear();
        }
    }
    w.write_all(&buf)?;
    w.flush()
}

fn needs_quotes(s: &[u8]) -> bool {
    memchr::memchr3(b',', b'"', b'\n', s).is_some() || memchr::memchr(b'\r', s).is_some()
}

fn text(buf: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    if needs_quotes(b) {
        buf.push(b'"');
        push_escaped(buf, b);
        buf.push(b'"');
    } else {
        buf.extend_from_slice(b);
    }
}

fn opt(buf: &mut Vec<u8>, s: Option<&IStr>) {
    if let Some(s) = s {
        text(buf, s);
    }
}

fn list(buf: &mut Vec<u8>, items: &[IStr]) {
    let quote = items.iter().any(|s| needs_quotes(s.as_bytes()));
    if quote {
        buf.push(b'"');
    }
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            buf.extend_from_slice(b"; ");
        }
        push_escaped(buf, s.as_bytes());
    }
    if quote {
        buf.push(b'"');
    }
}

fn uint(buf: &mut Vec<u8>, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    buf.extend_from_slice(&tmp[i..]);
}

fn padded(buf: &mut Vec<u8>, v: u32) {
    if v < 10 {
        buf.push(b'0');
    }
    uint(buf, v.into());
}

fn actor(buf: &mut Vec<u8>, a: Option<&Actor>) {
    if let Some(a) = a {
        text(buf, &a.name);
    }
    buf.push(b',');
    if let Some(a) = a {
        list(buf, &a.associated);
    }
    buf.push(b',');
    if let Some(kind) = a.and_then(|a| a.kind) {
        buf.extend_from_slice(kind.label().as_bytes());
    }
}

fn write_row(buf: &mut Vec<u8>, inc: &Incident, rich: Option<&mut RichNotes>) {
    let d = inc.date.start;
    text(buf, &inc.id);
    buf.push(b',');
    uint(buf, d.year().max(0) as u64);
    buf.push(b'-');
    padded(buf, d.month());
    buf.push(b'-');
    padded(buf, d.day());
    buf.push(b',');
    uint(buf, d.year().max(0) as u64);
    buf.push(b',');
    buf.push(match inc.date.precision {
        DatePrecision::Day => b'1',
        DatePrecision::FewDays | DatePrecision::Week => b'2',
        DatePrecision::Month | DatePrecision::Year => b'3',
    });
    buf.push(b',');
    opt(buf, inc.disorder_type.as_ref());
    buf.push(b',');
    match (&inc.event_type_raw, inc.event_type) {
        (Some(raw), _) => text(buf, raw),
        (None, Some(t)) => text(buf, t.name()),
        _ => {}
    }
    buf.push(b',');
    match (&inc.sub_event_type_raw, inc.sub_event_type) {
        (Some(raw), _) => text(buf, raw),
        (None, Some(t)) => text(buf, t.name()),
        _ => {}
    }
    buf.push(b',');
    actor(buf, inc.actor1.as_ref());
    buf.push(b',');
    actor(buf, inc.actor2.as_ref());
    buf.push(b',');
    opt(buf, inc.interaction.as_ref());
    buf.push(b',');
    if inc.civilian_targeting {
        buf.extend_from_slice(b"Civilian targeting");
    }
    buf.push(b',');
    if let Some(iso) = inc.iso {
        uint(buf, iso.into());
    }
    for s in [
        &inc.region,
        &inc.country,
        &inc.admin1,
        &inc.admin2,
        &inc.admin3,
        &inc.location,
    ] {
        buf.push(b',');
        opt(buf, s.as_ref());
    }
    buf.push(b',');
    let _ = write!(buf, "{},{},", inc.lat, inc.lon);
    buf.extend_from_slice(match inc.geo_precision {
        GeoPrecision::ExactTown => b"1",
        GeoPrecision::NearTown | GeoPrecision::District | GeoPrecision::Area => b"2",
        GeoPrecision::Region | GeoPrecision::Country | GeoPrecision::WaterOrAirspace => b"3",
        GeoPrecision::Unknown => b"",
    });
    buf.push(b',');
    list(buf, &inc.sources);
    buf.push(b',');
    opt(buf, inc.source_scale.as_ref());
    buf.push(b',');
    let notes = inc.notes.as_deref().unwrap_or("");
    match rich {
        Some(r) => {
            let violent = !matches!(
                inc.event_type,
                Some(EventType::Protests | EventType::Riots) | None
            );
            let location = inc.location.as_deref().unwrap_or("the area");
            r.write_field(buf, notes, location, violent);
        }
        None => text(buf, notes),
    }
    buf.push(b',');
    if let Some(f) = inc.coded_fatalities() {
        uint(buf, f.into());
    }
    buf.push(b',');
    list(buf, &inc.tags);
    buf.push(b',');
    if let Some(ts) = inc.timestamp {
        let _ = write!(buf, "{ts}");
    }
    buf.push(b'\n');
}
