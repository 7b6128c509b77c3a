//! The app's own format round-trips everything, user-added claims included.
mod common;

use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::select;

use common::{import, import_bytes};
use sahel_risk::import::{Format, ImportError, import_path, import_reader, native};
use sahel_risk::model::*;

fn istr() -> impl Strategy<Value = IStr> {
    prop_oneof![any::<String>(), "[A-Za-z ;,\"\n]{0,12}"].prop_map(IStr::from)
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (-3000i32..3000, 1u32..=365).prop_map(|(y, o)| NaiveDate::from_yo_opt(y, o).unwrap())
}

fn coord() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO,
        -180.0..180.0f64
    ]
}

fn claim() -> impl Strategy<Value = Claim> {
    let who = select(vec![
        Claimant::DatasetCoding,
        Claimant::Government,
        Claimant::ArmedGroup,
        Claimant::UnNgo,
        Claimant::Media,
        Claimant::Other,
    ]);
    let n = || proptest::option::of(any::<u32>());
    (
        who,
        istr(),
        proptest::option::of(date()),
        n(),
        n(),
        n(),
        proptest::option::of(any::<String>()),
        any::<bool>(),
    )
        .prop_map(
            |(claimant, source, date, low, best, high, note, user_added)| Claim {
                claimant,
                source,
                date,
                low,
                best,
                high,
                note,
                user_added,
            },
        )
}

fn actor() -> impl Strategy<Value = Actor> {
    (
        istr(),
        proptest::option::of(select(ActorKind::ALL.to_vec())),
        prop::collection::vec(istr(), 0..3),
    )
        .prop_map(|(name, kind, associated)| Actor {
            name,
            kind,
            associated,
        })
}

fn extra() -> impl Strategy<Value = UcdpExtra> {
    let s = || proptest::option::of(any::<String>());
    let n = || proptest::option::of(any::<u32>());
    (
        (
            proptest::option::of(istr()),
            proptest::option::of(istr()),
            proptest::option::of(istr()),
        ),
        (s(), s(), s(), s()),
        (n(), proptest::option::of(any::<u8>()), n(), n(), n(), n()),
    )
        .prop_map(
            |((relid, conflict_name, dyad_name), (wd, so, sd, sorig), (ns, ec, da, db, dc, du))| {
                UcdpExtra {
                    relid,
                    conflict_name,
                    dyad_name,
                    where_description: wd,
                    source_office: so,
                    source_date: sd,
                    source_original: sorig,
                    number_of_sources: ns,
                    event_clarity: ec,
                    deaths_a: da,
                    deaths_b: db,
                    deaths_civilians: dc,
                    deaths_unknown: du,
                }
            },
        )
}

fn incident() -> impl Strategy<Value = Incident> {
    let oi = || proptest::option::of(istr());
    let ds = select(vec![
        Dataset::Acled,
        Dataset::Ucdp,
        Dataset::User,
        Dataset::Other,
    ]);
    let dp = select(vec![
        DatePrecision::Day,
        DatePrecision::FewDays,
        DatePrecision::Week,
        DatePrecision::Month,
        DatePrecision::Year,
    ]);
    let gp = select(vec![
        GeoPrecision::ExactTown,
        GeoPrecision::NearTown,
        GeoPrecision::District,
        GeoPrecision::Region,
        GeoPrecision::Area,
        GeoPrecision::Country,
        GeoPrecision::WaterOrAirspace,
        GeoPrecision::Unknown,
    ]);
    let head = (istr(), ds, date(), date(), dp, coord(), coord(), gp);
    let kinds = (
        proptest::option::of(select(EventType::ALL.to_vec())),
        proptest::option::of(select(SubEventType::ALL.to_vec())),
        oi(),
        oi(),
        proptest::option::of(any::<u8>()),
        oi(),
        proptest::option::of(actor()),
        proptest::option::of(actor()),
        oi(),
        any::<bool>(),
    );
    let place = (
        proptest::option::of(any::<u16>()),
        oi(),
        oi(),
        oi(),
        oi(),
        oi(),
        oi(),
    );
    let rest = (
        prop::collection::vec(istr(), 0..3),
        oi(),
        proptest::option::of(any::<String>().prop_map(Box::<str>::from)),
        prop::collection::vec(istr(), 0..3),
        proptest::option::of(any::<i64>()),
        prop::collection::vec(claim(), 0..4),
        proptest::option::of(extra().prop_map(Box::new)),
    );
    (head, kinds, place, rest).prop_map(|(h, k, p, r)| {
        let date = EventDate {
            start: h.2,
            end: h.3,
            precision: h.4,
        };
        let mut i = Incident::new(h.0, h.1, date, h.5, h.6);
        i.geo_precision = h.7;
        (
            i.event_type,
            i.sub_event_type,
            i.event_type_raw,
            i.sub_event_type_raw,
        ) = (k.0, k.1, k.2, k.3);
        (
            i.ucdp_violence,
            i.disorder_type,
            i.actor1,
            i.actor2,
            i.interaction,
        ) = (k.4, k.5, k.6, k.7, k.8);
        i.civilian_targeting = k.9;
        (
            i.iso, i.country, i.region, i.admin1, i.admin2, i.admin3, i.location,
        ) = p;
        (
            i.sources,
            i.source_scale,
            i.notes,
            i.tags,
            i.timestamp,
            i.claims,
            i.ucdp,
        ) = r;
        i
    })
}

fn round_trip(incidents: &[Incident]) -> Vec<Incident> {
    let mut buf = Vec::new();
    native::write(&mut buf, "mem", incidents).unwrap();
    let imp = import_reader(
        &buf[..],
        "mem.json",
        buf.len() as u64,
        &|_, _| {},
        &AtomicBool::new(false),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imp.report.format, Format::SahelRisk);
    assert_eq!(imp.report.rejected, 0, "{:?}", imp.report.errors);
    imp.incidents
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn native_round_trip_is_lossless(mut v in prop::collection::vec(incident(), 0..6)) {
        for (n, i) in v.iter_mut().enumerate() {
            i.id = format!("{n}:{}", i.id).into();
        }
        let back = round_trip(&v);
        prop_assert_eq!(back, v);
    }
}

#[test]
fn every_importer_output_round_trips() {
    let mut all = Vec::new();
    for f in [
        "acled_current.csv",
        "acled_legacy_2017.csv",
        "ucdp_ged.csv",
        "acled_monadic.csv",
    ] {
        all.extend(import(f).incidents);
    }
    let n = all.len();
    assert_eq!(round_trip(&all), all);
    assert_eq!(n, 9 + 7 + 3 + 4);
}

#[test]
fn user_claims_survive_save_and_load_through_the_store() {
    let mut store = IncidentStore::new();
    store.merge(import("acled_current.csv").incidents, "acled_current.csv");
    let mut resident = Claim::new(Claimant::Media, "resident of Kayes", None);
    resident.note = Some("woke to gunfire and smoke".into());
    resident.date = NaiveDate::from_ymd_opt(2025, 7, 1);
    resident.high = Some(100);
    assert!(store.add_user_claim("MLI36001", resident.clone()));

    let path = std::env::temp_dir().join(format!("sahel-risk-test-{}.json", std::process::id()));
    native::save(&path, store.incidents()).unwrap();
    assert!(!path.with_extension("json.partial").exists());
    let loaded = import_path(&path, &|_, _| {}, &AtomicBool::new(false)).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(loaded.report.format, Format::SahelRisk);
    assert_eq!((loaded.report.events, loaded.report.fatalities), (9, 47));
    assert_eq!(loaded.incidents, store.incidents());
    let kayes = loaded
        .incidents
        .iter()
        .find(|i| i.id == "MLI36001")
        .unwrap();
    let user: Vec<_> = kayes.claims.iter().filter(|c| c.user_added).collect();
    assert_eq!(user.len(), 1);
    assert_eq!(user[0].source, "resident of Kayes");
    assert_eq!(kayes.fatalities(Scenario::High), Some(100));
    // loading re-shares repeated strings
    let other = loaded
        .incidents
        .iter()
        .find(|i| i.id == "MLI36002")
        .unwrap();
    assert!(IStr::ptr_eq(
        kayes.country.as_ref().unwrap(),
        other.country.as_ref().unwrap()
    ));

    // a refresh from ACLED keeps the user's claim
    let stats = store.merge(import("acled_current.csv").incidents, "refresh.csv");
    assert_eq!((stats.replaced.len(), stats.user_claims_carried), (9, 1));
    assert_eq!(store.get("MLI36001").unwrap().claims.len(), 4);
}

#[test]
fn newer_versions_and_bad_records() {
    let e = import_bytes(b"{\"format\":\"sahel-risk\",\"version\":99,\"incidents\":[{\"x\":1}]}")
        .unwrap_err();
    assert!(
        matches!(
            e,
            ImportError::UnsupportedVersion {
                found: 99,
                supported: 1,
                ..
            }
        ),
        "{e:?}"
    );

    let good = import("acled_partial.csv").incidents;
    let mut buf = Vec::new();
    native::write(&mut buf, "mem", &good).unwrap();
    let text = String::from_utf8(buf).unwrap();
    let broken = text.replacen("\"dataset\":\"Acled\"", "\"dataset\":\"Nonsense\"", 1);
    let imp = import_bytes(broken.as_bytes()).unwrap();
    assert_eq!(
        (imp.report.rows, imp.report.events, imp.report.rejected),
        (3, 2, 1)
    );
    assert_eq!(imp.report.errors[0].line, 1);
    assert_eq!(imp.report.errors[0].field, "incident");
    assert!(
        text.starts_with("{\"format\":\"sahel-risk\",\"version\":1,\"count\":3,\"incidents\":[\n{")
    );
}

#[test]
fn mixed_dataset_file_reports_acled_only_and_says_so() {
    let mut all = import("acled_current.csv").incidents;
    all.extend(import("ucdp_ged.csv").incidents);
    let mut buf = Vec::new();
    native::write(&mut buf, "mem", &all).unwrap();
    let imp = import_bytes(&buf).unwrap();
    assert_eq!((imp.report.events, imp.report.fatalities), (12, 47));
    assert_eq!(
        imp.report.warnings,
        [
            "file mixes datasets: ACLED 9 events (47 fatalities), UCDP GED 3 events (14 fatalities); \
          `fatalities` counts ACLED only (datasets are never added)"
        ]
    );
}

#[test]
fn hand_written_minimal_native_file() {
    let text = br#"{"format":"sahel-risk","version":1,"incidents":[
      {"id":"user:1","dataset":"User","date":{"start":"2025-07-01","end":"2025-07-01","precision":"Day"},
       "lon":-11.44393,"lat":"14.44776","geo_precision":"ExactTown",
       "claims":[{"claimant":"Media","source":"resident","date":null,"low":null,"best":2,"high":null,"note":"heard gunfire"}]}
    ]}"#;
    let imp = import_bytes(text).unwrap();
    assert_eq!(imp.report.rejected, 0, "{:?}", imp.report.errors);
    let i = &imp.incidents[0];
    assert_eq!((i.lon, i.lat), (-11.44393, 14.44776));
    assert_eq!(i.fatalities(Scenario::Best), Some(2));
    assert!(i.sources.is_empty() && !i.claims[0].user_added);
}
