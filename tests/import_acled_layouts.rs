//! ACLED CSV layouts (current, pre-2023, monadic, legacy 2017), with
//! concrete numbers.
mod common;

use common::{by_id, error_lines, import};
use sahel_risk::import::Format;
use sahel_risk::model::{
    ActorKind, Claimant, DatePrecision, EventType, GeoPrecision, IStr, Scenario, SubEventType,
};

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn current_layout_counts() {
    let imp = import("acled_current.csv");
    let r = &imp.report;
    assert_eq!(r.format, Format::AcledCsv);
    assert_eq!((r.rows, r.events, r.merged, r.rejected), (9, 9, 0, 0));
    assert_eq!(r.fatalities, 47);
    assert_eq!(r.date_min, Some(date("2025-06-15")));
    assert_eq!(r.date_max, Some(date("2025-07-01")));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn western_mali_1_july_2025_two_claims_side_by_side() {
    let imp = import("acled_current.csv");
    let places = [
        ("MLI36001", "Kayes", 14.44776, -11.44393),
        ("MLI36002", "Diboli", 14.45511, -12.19945),
        ("MLI36003", "Sandare", 14.7038, -10.3057),
        ("MLI36004", "Nioro du Sahel", 15.22932, -9.59277),
        ("MLI36005", "Gogui", 15.68592, -9.32967),
        ("MLI36006", "Niono", 14.25054, -5.98679),
        ("MLI36007", "Molodo", 14.23719, -6.02269),
    ];
    for (id, loc, lat, lon) in places {
        let i = by_id(&imp, id);
        assert_eq!(i.location.as_deref(), Some(loc));
        assert_eq!((i.lat, i.lon), (lat, lon), "{loc}");
        assert_eq!(i.date.start, date("2025-07-01"));
        assert_eq!(i.date.precision, DatePrecision::Day);
        assert_eq!(i.geo_precision, GeoPrecision::ExactTown);
        assert!(!i.geo_precision.is_approximate());
    }
    let kayes = by_id(&imp, "MLI36001");
    assert_eq!(kayes.claims.len(), 3, "{:#?}", kayes.claims);
    let coded = kayes.coded_claim().unwrap();
    assert_eq!((coded.source.as_str(), coded.best), ("ACLED", Some(12)));
    let gov = &kayes.claims[1];
    assert_eq!(gov.claimant, Claimant::Government);
    assert_eq!(gov.source, "Malian Armed Forces (FAMa)");
    assert_eq!((gov.low, gov.best, gov.high), (Some(80), None, None));
    let jnim = &kayes.claims[2];
    assert_eq!(jnim.claimant, Claimant::ArmedGroup);
    assert_eq!(jnim.source, "JNIM");
    assert!(!jnim.has_number());
    assert_eq!(
        jnim.note.as_deref(),
        Some("claimed it had taken several barracks")
    );
    assert!(!gov.user_added && !jnim.user_added);
    assert_eq!(kayes.fatalities(Scenario::Best), Some(12));
    assert_eq!(kayes.fatalities(Scenario::Low), Some(12));
    assert_eq!(kayes.fatalities(Scenario::High), Some(80));
    // the other towns carry no extra claim
    assert_eq!(by_id(&imp, "MLI36005").claims.len(), 1);
}

#[test]
fn current_layout_fields() {
    let imp = import("acled_current.csv");
    let k = by_id(&imp, "MLI36001");
    assert_eq!(k.event_type, Some(EventType::Battles));
    assert_eq!(k.sub_event_type, Some(SubEventType::ArmedClash));
    assert_eq!(k.event_type_raw.as_deref(), Some("Battles"));
    let a1 = k.actor1.as_ref().unwrap();
    assert_eq!(a1.name, "JNIM: Group for Support of Islam and Muslims");
    assert_eq!(a1.kind, Some(ActorKind::RebelGroup));
    assert_eq!(
        k.actor2.as_ref().unwrap().kind,
        Some(ActorKind::StateForces)
    );
    assert_eq!(k.interaction.as_deref(), Some("Rebel group-State forces"));
    assert_eq!((k.iso, k.country.as_deref()), (Some(466), Some("Mali")));
    assert_eq!(
        k.sources,
        [IStr::from("FAMa"), "Reuters".into(), "Le Monde".into()]
    );
    assert_eq!(k.source_scale.as_deref(), Some("National-International"));
    assert_eq!(k.timestamp, Some(1751900000));
    assert!(!k.civilian_targeting);
    // repeated strings share one allocation
    let d = by_id(&imp, "MLI36002");
    assert!(IStr::ptr_eq(&a1.name, &d.actor1.as_ref().unwrap().name));
    assert!(IStr::ptr_eq(
        k.country.as_ref().unwrap(),
        d.country.as_ref().unwrap()
    ));
    // newline, comma and "" escapes inside notes
    assert_eq!(
        d.notes.as_deref(),
        Some(
            "On 1 July 2025, JNIM attacked the army post in Diboli,\non the Senegal border \
             (reported in one article as \"Binoli\")."
        )
    );
    let niono = by_id(&imp, "MLI36006");
    let assoc = &niono.actor2.as_ref().unwrap().associated;
    assert_eq!(assoc, &[IStr::from("Africa Corps"), "Wagner Group".into()]);
    let niamey = by_id(&imp, "NIR5001");
    assert_eq!(
        niamey.disorder_types().collect::<Vec<_>>(),
        ["Political violence", "Demonstrations"]
    );
    assert!(niamey.civilian_targeting);
    assert_eq!(niamey.tags, [IStr::from("crowd size=around 200")]);
    assert_eq!(
        niamey.sub_event_type,
        Some(SubEventType::ExcessiveForceAgainstProtesters)
    );
    assert_eq!(niamey.coded_fatalities(), Some(0));
    let djibo = by_id(&imp, "BFO9001");
    assert_eq!(djibo.country.as_deref(), Some("Burkina Faso"));
    assert_eq!(djibo.geo_precision, GeoPrecision::NearTown);
    assert!(djibo.geo_precision.is_approximate());
    assert_eq!(djibo.sub_event_type, Some(SubEventType::AirDroneStrike));
    assert_eq!(djibo.event_type, Some(EventType::ExplosionsRemoteViolence));
}

#[test]
fn pre_2023_layout_and_notes_claims() {
    let imp = import("acled_pre2023.csv");
    let r = &imp.report;
    assert_eq!((r.rows, r.events, r.rejected, r.fatalities), (3, 3, 0, 32));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let inates = by_id(&imp, "NIR1001");
    assert_eq!(
        inates.actor1.as_ref().unwrap().kind,
        Some(ActorKind::RebelGroup)
    );
    assert_eq!(
        inates.actor2.as_ref().unwrap().kind,
        Some(ActorKind::StateForces)
    );
    assert_eq!(inates.interaction.as_deref(), Some("12"));
    assert_eq!(
        inates.sub_event_type,
        Some(SubEventType::NonStateActorOvertakesTerritory)
    );
    assert_eq!(inates.iso, Some(562));
    let isgs = &inates.claims[1];
    assert_eq!(
        (isgs.claimant, isgs.source.as_str(), isgs.best),
        (Claimant::ArmedGroup, "ISGS", Some(35))
    );
    assert_eq!(inates.fatalities(Scenario::Best), Some(28));
    assert_eq!(inates.fatalities(Scenario::High), Some(35));
    let bankass = by_id(&imp, "MLI2002");
    assert!(
        bankass.civilian_targeting,
        "inferred for VAC without the column"
    );
    assert_eq!(bankass.date.precision, DatePrecision::Week);
    let voj = &bankass.claims[1];
    assert_eq!(
        (voj.claimant, voj.source.as_str(), voj.best),
        (Claimant::Media, "VoJ", Some(3))
    );
    assert_eq!(bankass.fatalities(Scenario::Low), Some(3));
    assert_eq!(bankass.fatalities(Scenario::High), Some(4));
    let titao = by_id(&imp, "BFO3003");
    assert_eq!(titao.date.precision, DatePrecision::Month);
    assert_eq!(titao.geo_precision, GeoPrecision::Region);
    assert!(titao.actor2.is_none());
}

#[test]
fn monadic_rows_merge_without_doubling_the_toll() {
    let imp = import("acled_monadic.csv");
    let r = &imp.report;
    assert_eq!((r.rows, r.events, r.merged, r.rejected), (7, 4, 3, 0));
    // summing rows would give 43
    assert_eq!(r.fatalities, 24);
    let boni = by_id(&imp, "MLI100");
    assert_eq!(boni.coded_fatalities(), Some(10));
    assert_eq!(boni.claims.len(), 1);
    assert_eq!(
        boni.actor1.as_ref().unwrap().name,
        "JNIM: Group for Support of Islam and Muslims"
    );
    let a2 = boni.actor2.as_ref().unwrap();
    assert_eq!(a2.name, "Military Forces of Mali (2021-)");
    assert_eq!(a2.kind, Some(ActorKind::StateForces));
    assert_eq!(a2.associated, [IStr::from("Africa Corps")]);
    // non-adjacent rows of MLI101 still merge
    assert_eq!(
        by_id(&imp, "MLI101").actor2.as_ref().unwrap().kind,
        Some(ActorKind::StateForces)
    );
    // newer timestamp supplies the figure
    let m = by_id(&imp, "MLI104");
    assert_eq!(
        (m.coded_fatalities(), m.timestamp),
        (Some(6), Some(1700009999))
    );
    assert!(m.actor1.is_some() && m.actor2.is_some());
    assert!(
        r.warnings
            .iter()
            .any(|w| w.starts_with("one-row-per-actor (monadic) export: 3 rows merged"))
    );
    assert!(r.warnings.contains(
        &"1 row: rows with the same event id disagree on fatalities (kept one figure, not the sum) (line 8)"
            .to_string()
    ));
}

#[test]
fn legacy_2017_upper_case() {
    let imp = import("acled_legacy_2017.csv");
    let r = &imp.report;
    assert_eq!((r.rows, r.events, r.rejected, r.fatalities), (8, 7, 1, 7));
    assert_eq!(error_lines(&imp), [11], "line counts the multi-line notes");
    assert_eq!(r.errors[0].field, "latitude");
    assert!(r.warnings.contains(
        &"missing columns: sub_event_type, timestamp (imported what is there)".to_string()
    ));
    let t = |id: &str| {
        let i = by_id(&imp, id);
        (i.event_type, i.sub_event_type)
    };
    assert_eq!(
        t("MLI1"),
        (Some(EventType::Battles), Some(SubEventType::ArmedClash))
    );
    assert_eq!(
        t("MLI2"),
        (
            Some(EventType::Battles),
            Some(SubEventType::GovernmentRegainsTerritory)
        )
    );
    assert_eq!(
        t("MLI3"),
        (
            Some(EventType::Battles),
            Some(SubEventType::NonStateActorOvertakesTerritory)
        )
    );
    assert_eq!(t("MLI4"), (Some(EventType::ExplosionsRemoteViolence), None));
    assert_eq!(t("MLI5"), (Some(EventType::Riots), None));
    assert_eq!(t("MLI6"), (Some(EventType::Protests), None));
    assert_eq!(t("MLI8"), (Some(EventType::StrategicDevelopments), None));
    let m1 = by_id(&imp, "MLI1");
    assert_eq!(
        m1.event_type_raw.as_deref(),
        Some("Battle-No change of territory")
    );
    assert_eq!(
        m1.actor1.as_ref().unwrap().associated,
        [IStr::from("Ansar Dine")]
    );
    assert_eq!(m1.notes.as_deref().unwrap().matches('\n').count(), 2);
    assert_eq!(m1.date.start, date("2015-01-01"));
    assert_eq!(by_id(&imp, "MLI2").date.start, date("2017-02-15"));
    assert_eq!(by_id(&imp, "MLI3").date.start, date("2017-02-16"));
    assert_eq!(
        by_id(&imp, "MLI4").actor2.as_ref().unwrap().kind,
        Some(ActorKind::ExternalOtherForces)
    );
}
