//! More generator tests: fatalities, drift, season, claims, town handling,
//! and the hand-written events.

use chrono::Datelike;

use super::tests_generate::{date, default_set, share, small};
use super::*;
use crate::model::{Claimant, DatePrecision, EventType, GeoPrecision, Incident, Scenario};

#[test]
fn fatalities_are_long_tailed() {
    let all = default_set();
    let mut f: Vec<u32> = all.iter().map(|i| i.coded_fatalities().unwrap()).collect();
    f.sort_unstable();
    let n = f.len() as f64;
    let at_most_3 = f.iter().filter(|&&x| x <= 3).count() as f64 / n;
    let tens = f.iter().filter(|&&x| (10..=50).contains(&x)).count() as f64 / n;
    let over_100 = f.iter().filter(|&&x| x > 100).count();
    assert!(
        (0.65..0.92).contains(&at_most_3),
        "{at_most_3:.3} at most 3"
    );
    assert!((0.03..0.15).contains(&tens), "{tens:.3} with 10-50");
    assert!((1..=36).contains(&over_100), "{over_100} over 100");
    assert!(f[f.len() / 2] <= 3);
}

fn median_jihadist_lat(v: &[Incident], year: i32) -> f64 {
    let mut lats: Vec<f64> = v
        .iter()
        .filter(|i| i.date.start.year() == year)
        .filter(|i| {
            [&i.actor1, &i.actor2]
                .into_iter()
                .flatten()
                .any(|a| is_jihadist(&a.name))
        })
        .map(|i| i.lat)
        .collect();
    assert!(lats.len() > 200, "{} jihadist events in {year}", lats.len());
    lats.sort_by(f64::total_cmp);
    lats[lats.len() / 2]
}

#[test]
fn jihadist_violence_drifts_south() {
    for seed in [20_250_701, 1, 2] {
        let cfg = SampleConfig {
            seed,
            ..SampleConfig::default()
        };
        let owned;
        let v = match seed {
            20_250_701 => default_set(),
            _ => {
                owned = generate(&cfg, &builtin_towns());
                &owned[..]
            }
        };
        let first = median_jihadist_lat(v, 2019);
        let last = median_jihadist_lat(v, 2025);
        assert!(last <= first - 0.3, "seed {seed}: {first:.2} -> {last:.2}");
        let coastal = |y: i32| {
            let year: Vec<&Incident> = v.iter().filter(|i| i.date.start.year() == y).collect();
            let c = year
                .iter()
                .filter(|i| {
                    matches!(
                        i.country.as_deref(),
                        Some("Benin" | "Togo" | "Ghana" | "Ivory Coast")
                    )
                })
                .count();
            c as f64 / year.len() as f64
        };
        assert!(coastal(2025) > coastal(2022) && coastal(2022) > coastal(2019));
    }
}

#[test]
fn dates_follow_the_season_and_precision_mix() {
    let all = default_set();
    // Per day, the dry season (February-April) is busier than August-September.
    let per_day = |months: &[u32], days: f64| {
        all.iter()
            .filter(|i| months.contains(&i.date.start.month()))
            .count() as f64
            / days
    };
    assert!(per_day(&[2, 3, 4], 89.0) > 1.2 * per_day(&[8, 9], 61.0));
    let day = share(all, |i| i.date.precision == DatePrecision::Day);
    let week = share(all, |i| i.date.precision == DatePrecision::Week);
    let month = share(all, |i| i.date.precision == DatePrecision::Month);
    assert!(
        day > 0.8 && week > 0.05 && month > 0.02,
        "{day} {week} {month}"
    );
}

#[test]
fn some_events_carry_disputed_claims() {
    let all = default_set();
    let disputed: Vec<&Incident> = all.iter().filter(|i| i.claims.len() > 1).collect();
    let s = disputed.len() as f64 / all.len() as f64;
    assert!((0.03..=0.07).contains(&s), "{s:.3} disputed");
    let (mut gov, mut armed, mut both, mut silent) = (0, 0, 0, 0);
    for i in &disputed {
        let coded = i.coded_fatalities().unwrap();
        let g = i.claims.iter().find(|c| c.claimant == Claimant::Government);
        let a = i.claims.iter().find(|c| c.claimant == Claimant::ArmedGroup);
        assert!(g.is_some() || a.is_some(), "{}", i.id);
        for c in g.iter().chain(a.iter()) {
            assert!(!c.source.is_empty() && c.note.is_some() && c.date >= Some(i.date.start));
            if let Some(n) = c.best {
                assert_ne!(n, coded, "{}: a dispute has a different figure", i.id);
            }
        }
        silent += usize::from(a.is_some_and(|c| !c.has_number()));
        gov += usize::from(g.is_some());
        armed += usize::from(a.is_some());
        both += usize::from(g.is_some() && a.is_some());
        assert!(i.notes.as_deref().unwrap().contains("Fatalities coded as"));
        if g.is_some_and(|c| c.has_number()) || a.is_some_and(|c| c.has_number()) {
            assert!(i.fatalities(Scenario::High) > i.fatalities(Scenario::Best));
        }
    }
    assert!(gov > 0 && armed > 0 && both > 0 && silent > 0);
}

#[test]
fn towns_outside_the_sample_or_dense_gazetteers() {
    // No usable town: the built-in list is used.
    let foreign = vec![Town::new("Dakar", -17.44, 14.69, "SEN", "Dakar", 2_500_000)];
    let v = generate(&small(5), &foreign);
    assert_eq!(v.len(), 2_000);
    assert!(v.iter().all(|i| i.location.as_deref() != Some("Dakar")));
    assert_eq!(v, generate(&small(5), &[]));
    // 2,000 tiny villages in one place do not pull events towards them.
    let mut towns = builtin_towns();
    for k in 0..2_000 {
        let (dx, dy) = (f64::from(k % 40) * 0.01, f64::from(k / 40) * 0.008);
        let name = format!("Village {k}");
        towns.push(Town::new(
            &name,
            -4.48 + dx,
            9.02 + dy,
            "CIV",
            "Savanes",
            800,
        ));
    }
    let v = generate(&small(5), &towns);
    let villages = share(&v, |i| {
        i.location
            .as_deref()
            .is_some_and(|l| l.starts_with("Village"))
    });
    assert!(
        villages < 0.03,
        "{villages:.3} in the dense village cluster"
    );
    // Coastal states' south is left out.
    let mut towns = builtin_towns();
    towns.push(Town::new(
        "Abidjan", -4.01, 5.35, "CIV", "Abidjan", 4_700_000,
    ));
    let v = generate(&small(5), &towns);
    assert!(v.iter().all(|i| i.lat > 8.0));
}

#[test]
fn western_mali_events_hold_both_claims() {
    let v = western_mali_2025_07_01();
    assert_eq!(v.len(), 7);
    let ids: Vec<&str> = v.iter().map(|i| i.id.as_str()).collect();
    assert!(ids.contains(&"WML-2025-07-01-KAYES") && ids.contains(&"WML-2025-07-01-MOLODO"));
    for i in &v {
        assert_eq!(i.date.start, date(2025, 7, 1));
        assert_eq!(i.date.precision, DatePrecision::Day);
        assert_eq!(i.geo_precision, GeoPrecision::ExactTown);
        assert_eq!(i.event_type, Some(EventType::Battles));
        assert_eq!(
            i.sub_event_type,
            Some(crate::model::SubEventType::ArmedClash)
        );
        assert_eq!(i.actor1.as_ref().unwrap().name, actors::JNIM);
        assert_eq!(
            i.actor2.as_ref().unwrap().name,
            "Military Forces of Mali (2021-)"
        );
        let notes = i.notes.as_deref().unwrap();
        assert!(!notes.starts_with("[SYNTHETIC]"));
        assert!(notes.contains("western Mali"));
        assert!(i.sources.iter().any(|s| s == HAND_WRITTEN_SOURCE));
        assert!(i.tags.iter().any(|t| t == SAMPLE_TAG));
        let coded = i.coded_claim().unwrap();
        assert_eq!(coded.source, "Sample coding (synthetic)");
        assert!((1..=10).contains(&coded.best.unwrap()));
    }
    let kayes = v.iter().find(|i| i.id == "WML-2025-07-01-KAYES").unwrap();
    assert_eq!((kayes.lat, kayes.lon), (14.44776, -11.44393));
    let gov = kayes
        .claims
        .iter()
        .find(|c| c.claimant == Claimant::Government)
        .unwrap();
    assert_eq!((gov.low, gov.best, gov.high), (Some(80), None, None));
    assert_eq!(gov.note.as_deref(), Some(ARMY_NOTE));
    assert_eq!(gov.source, ARMY_SOURCE);
    let jnim = kayes
        .claims
        .iter()
        .find(|c| c.claimant == Claimant::ArmedGroup)
        .unwrap();
    assert!(!jnim.has_number());
    assert_eq!(jnim.note.as_deref(), Some(JNIM_NOTE));
    assert_eq!(jnim.source, JNIM_SOURCE);
    assert_eq!(kayes.fatalities(Scenario::High), Some(80));
    assert_eq!(kayes.fatalities(Scenario::Best), kayes.coded_fatalities());
    // The army's total is held once, on Kayes.
    let with_gov = v.iter().filter(|i| i.claims.len() > 1).count();
    assert_eq!(with_gov, 1);
}

#[test]
fn sample_is_generated_plus_hand_written_sorted() {
    let towns = builtin_towns();
    let s = sample(&towns);
    assert_eq!(s.len(), 12_007);
    assert!(
        s.windows(2)
            .all(|w| (w[0].date.start, &w[0].id) < (w[1].date.start, &w[1].id))
    );
    assert_eq!(s.iter().filter(|i| i.id.starts_with("WML-")).count(), 7);
    assert_eq!(s, sample(&towns));
    assert!(SAMPLE_LABEL.contains("SAMPLE") && SAMPLE_LABEL.contains("synthetic"));
}
