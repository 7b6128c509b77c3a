//! Tests of the ACLED CSV writer, through the app's own importer.

use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use super::*;
use crate::import::{Format, Imported, import_reader};
use crate::model::{Claimant, Incident};

fn the_sample() -> &'static [Incident] {
    static SET: OnceLock<Vec<Incident>> = OnceLock::new();
    SET.get_or_init(|| sample(&builtin_towns()))
}

fn write(v: &[Incident], rich: bool) -> Vec<u8> {
    let mut out = Vec::new();
    write_acled_csv(v, &mut out, rich).unwrap();
    out
}

fn import(bytes: &[u8]) -> Imported {
    let cancel = AtomicBool::new(false);
    import_reader(bytes, "sample.csv", bytes.len() as u64, &|_, _| {}, &cancel).unwrap()
}

fn total(v: &[Incident]) -> u64 {
    v.iter()
        .map(|i| u64::from(i.coded_fatalities().unwrap_or(0)))
        .sum()
}

#[test]
fn header_is_the_current_31_column_layout() {
    let bytes = write(&[], false);
    let text = String::from_utf8(bytes).unwrap();
    let header: Vec<&str> = text.trim_end().split(',').collect();
    assert_eq!(header.len(), 31);
    assert_eq!(header[0], "event_id_cnty");
    assert_eq!(header[14], "civilian_targeting");
    assert_eq!(header[27], "notes");
    assert_eq!(header[30], "timestamp");
    assert_eq!(header, crate::import::acled_columns());
}

#[test]
fn reimport_gives_the_same_events_and_fatalities() {
    let v = the_sample();
    for rich in [false, true] {
        let bytes = write(v, rich);
        let imported = import(&bytes);
        let r = &imported.report;
        assert_eq!(r.format, Format::AcledCsv);
        assert_eq!(r.rows, v.len() as u64, "rich={rich}");
        assert_eq!(r.events, v.len() as u64, "rich={rich}");
        assert_eq!(r.rejected, 0, "{:?}", r.errors.first());
        assert_eq!(r.merged, 0);
        assert_eq!(r.fatalities, total(v), "rich={rich}");
        assert_eq!(total(&imported.incidents), total(v));
        assert!(r.warnings.is_empty(), "rich={rich}: {:?}", r.warnings);
    }
}

#[test]
fn reimport_keeps_every_field() {
    let v = the_sample();
    let imported = import(&write(v, false)).incidents;
    assert_eq!(imported.len(), v.len());
    for (a, b) in v.iter().zip(&imported) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.date, b.date, "{}", a.id);
        assert_eq!((a.lon, a.lat), (b.lon, b.lat), "{}", a.id);
        assert_eq!(a.geo_precision, b.geo_precision, "{}", a.id);
        assert_eq!(a.event_type, b.event_type, "{}", a.id);
        assert_eq!(a.sub_event_type, b.sub_event_type, "{}", a.id);
        assert_eq!(a.disorder_type, b.disorder_type, "{}", a.id);
        assert_eq!(a.actor1, b.actor1, "{}", a.id);
        assert_eq!(a.actor2, b.actor2, "{}", a.id);
        assert_eq!(a.interaction, b.interaction, "{}", a.id);
        assert_eq!(a.civilian_targeting, b.civilian_targeting, "{}", a.id);
        assert_eq!(
            (a.iso, &a.region, &a.country, &a.admin1, &a.location),
            (b.iso, &b.region, &b.country, &b.admin1, &b.location)
        );
        assert_eq!(a.sources, b.sources, "{}", a.id);
        assert_eq!(a.source_scale, b.source_scale, "{}", a.id);
        assert_eq!(a.notes, b.notes, "{}", a.id);
        assert_eq!(a.tags, b.tags, "{}", a.id);
        assert_eq!(a.timestamp, b.timestamp, "{}", a.id);
        assert_eq!(a.coded_fatalities(), b.coded_fatalities(), "{}", a.id);
    }
}

#[test]
fn disputes_in_notes_come_back_as_claims() {
    let v = the_sample();
    let imported = import(&write(v, true)).incidents;
    let kayes = imported
        .iter()
        .find(|i| i.id == "WML-2025-07-01-KAYES")
        .unwrap();
    let gov = kayes
        .claims
        .iter()
        .find(|c| c.claimant == Claimant::Government);
    assert_eq!(gov.and_then(|c| c.low), Some(80), "{:?}", kayes.claims);
    let jnim = kayes
        .claims
        .iter()
        .find(|c| c.claimant == Claimant::ArmedGroup);
    assert!(jnim.is_some_and(|c| !c.has_number()), "{:?}", kayes.claims);
    // Generated disputes are written the ACLED way and read back.
    let with = |list: &[Incident], who: Claimant| {
        list.iter()
            .filter(|i| i.id.starts_with(ID_PREFIX))
            .filter(|i| i.claims.iter().any(|c| c.claimant == who))
            .count()
    };
    for who in [Claimant::Government, Claimant::ArmedGroup] {
        let (before, after) = (with(v, who), with(&imported, who));
        assert!(before > 100, "{who:?}");
        assert!(
            after >= before * 9 / 10 && after <= before,
            "{who:?}: {before} -> {after}"
        );
    }
}

#[test]
fn rich_notes_have_realistic_rows_and_csv_hazards() {
    let v = the_sample();
    let bytes = write(v, true);
    assert_eq!(bytes, write(v, true), "deterministic");
    let per_row = bytes.len() as f64 / v.len() as f64;
    assert!(
        (300.0..=500.0).contains(&per_row),
        "{per_row:.0} bytes per row"
    );
    let plain = write(v, false);
    assert!(bytes.len() > plain.len());
    let text = String::from_utf8(bytes).unwrap();
    let physical = text.lines().count();
    assert!(physical > v.len() + 1 + 10, "some notes span lines");
    assert!(
        text.contains("\"\"very tense\"\""),
        "escaped quotes inside notes"
    );
    let imported = import(text.as_bytes()).incidents;
    let mut longer = 0;
    for (a, b) in v.iter().zip(&imported) {
        let (na, nb) = (a.notes.as_deref().unwrap(), b.notes.as_deref().unwrap());
        assert!(nb.starts_with(na), "{}", a.id);
        longer += usize::from(nb.len() > na.len());
    }
    assert!(longer > v.len() / 10, "{longer} rows with extra sentences");
}
