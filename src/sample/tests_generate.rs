//! Tests of the generator: determinism, coverage, plausibility.

use std::collections::HashSet;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::model::{ActorKind, EventType, GeoPrecision, Incident};

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The default set on the built-in towns, generated once for all tests.
pub(super) fn default_set() -> &'static [Incident] {
    static SET: OnceLock<Vec<Incident>> = OnceLock::new();
    SET.get_or_init(|| generate(&SampleConfig::default(), &builtin_towns()))
}

pub(super) fn share(v: &[Incident], f: impl Fn(&Incident) -> bool) -> f64 {
    v.iter().filter(|i| f(i)).count() as f64 / v.len() as f64
}

pub(super) fn small(seed: u64) -> SampleConfig {
    SampleConfig {
        seed,
        events: 2_000,
        ..SampleConfig::default()
    }
}

#[test]
fn same_seed_same_output_other_seed_differs() {
    let towns = builtin_towns();
    let a = generate(&small(7), &towns);
    let b = generate(&small(7), &towns);
    assert_eq!(a, b);
    let c = generate(&small(8), &towns);
    assert_eq!(c.len(), a.len());
    let same = a.iter().zip(&c).filter(|(x, y)| x == y).count();
    assert!(same < 10, "{same} identical incidents across seeds");
}

#[test]
fn count_and_date_range_honoured() {
    let all = default_set();
    assert_eq!(all.len(), 12_000);
    let cfg = SampleConfig::default();
    assert!(
        all.iter()
            .all(|i| (cfg.start..=cfg.end).contains(&i.date.start))
    );
    assert!(all.iter().all(|i| i.date.start == i.date.end));
    assert!(all.windows(2).all(|w| w[0].date.start <= w[1].date.start));
    let years: HashSet<i32> = all.iter().map(|i| i.date.start.year()).collect();
    assert_eq!(years.len(), 7, "every year 2019-2025 has events");

    let march = SampleConfig {
        seed: 3,
        start: date(2023, 3, 1),
        end: date(2023, 3, 31),
        events: 500,
    };
    let v = generate(&march, &builtin_towns());
    assert_eq!(v.len(), 500);
    assert!(
        v.iter()
            .all(|i| i.date.start.month() == 3 && i.date.start.year() == 2023)
    );
    let one_day = SampleConfig {
        start: date(2024, 2, 29),
        end: date(2024, 2, 29),
        events: 20,
        ..march.clone()
    };
    assert!(
        generate(&one_day, &[])
            .iter()
            .all(|i| i.date.start == date(2024, 2, 29))
    );
    assert!(
        generate(
            &SampleConfig {
                events: 0,
                ..march.clone()
            },
            &[]
        )
        .is_empty()
    );
    let backwards = SampleConfig {
        start: date(2024, 1, 2),
        end: date(2024, 1, 1),
        ..march
    };
    assert!(generate(&backwards, &[]).is_empty());
}

#[test]
fn ids_are_sample_ids_and_every_incident_is_marked() {
    let all = default_set();
    let ids: HashSet<&str> = all.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), all.len());
    assert_eq!(all[0].id, "SMP00001");
    for i in all {
        let digits = i.id.strip_prefix(ID_PREFIX).expect("SMP prefix");
        assert!(
            digits.len() >= 5 && digits.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            i.id
        );
        assert!(i.sources.iter().any(|s| s == SYNTHETIC_SOURCE));
        assert!(i.tags.iter().any(|t| t == SAMPLE_TAG));
        assert!(i.notes.as_deref().unwrap().starts_with("[SYNTHETIC] "));
        let coded = i.coded_claim().expect("coded claim");
        assert_eq!(coded.source, CODING_SOURCE);
        assert!(coded.best.is_some());
    }
}

#[test]
fn coordinates_inside_the_region() {
    let inside = |i: &Incident| (-18.0..=16.0).contains(&i.lon) && (3.0..=26.0).contains(&i.lat);
    assert!(default_set().iter().all(inside));
    // Towns on the edges of the box: jitter must not push events out.
    let mut towns = builtin_towns();
    towns.push(Town::new("Edge east", 15.995, 14.0, "NER", "Diffa", 5_000));
    towns.push(Town::new("Edge north", 4.0, 23.5, "NER", "Agadez", 5_000));
    let v = generate(&small(11), &towns);
    assert!(v.iter().all(inside));
}

#[test]
fn stacking_on_town_points() {
    let all = default_set();
    let towns = builtin_towns();
    let points: HashSet<(u64, u64)> = towns
        .iter()
        .map(|t| (t.lon.to_bits(), t.lat.to_bits()))
        .collect();
    let on_point = |i: &Incident| points.contains(&(i.lon.to_bits(), i.lat.to_bits()));
    let stacked = share(all, on_point);
    assert!(
        (0.30..=0.50).contains(&stacked),
        "{stacked:.3} on town points"
    );
    let exact = share(all, |i| {
        on_point(i) && i.geo_precision == GeoPrecision::ExactTown
    });
    assert!(
        (0.28..=0.45).contains(&exact),
        "{exact:.3} exact precision-1"
    );
    let region = share(all, |i| i.geo_precision == GeoPrecision::Region);
    assert!((0.05..=0.10).contains(&region), "{region:.3} precision 3");
    // Precision 3 sits on the most populous town of its region.
    for i in all
        .iter()
        .filter(|i| i.geo_precision == GeoPrecision::Region)
    {
        assert!(on_point(i), "{}", i.id);
        let town = towns
            .iter()
            .find(|t| (t.lon, t.lat) == (i.lon, i.lat))
            .unwrap();
        assert_eq!(i.location.as_deref(), Some(town.name.as_str()));
        assert_eq!(i.admin1.as_deref(), Some(town.admin1.as_str()));
        let biggest = towns
            .iter()
            .filter(|t| t.country_iso3 == town.country_iso3 && t.admin1 == town.admin1)
            .map(|t| t.population)
            .max();
        assert_eq!(Some(town.population), biggest, "{}", i.id);
    }
    // Jittered points stay within a few km of a town.
    let near = share(all, |i| i.geo_precision == GeoPrecision::NearTown);
    assert!(near > 0.3, "{near:.3}");
    for i in all.iter().filter(|i| !on_point(i)) {
        let d = towns
            .iter()
            .map(|t| (t.lon - i.lon).hypot(t.lat - i.lat))
            .fold(f64::MAX, f64::min);
        assert!(d < 0.4, "{} is {d:.2} degrees from any town", i.id);
    }
}

#[test]
fn event_type_mix_and_consistent_coding() {
    let all = default_set();
    let expected = [
        (EventType::Battles, 0.35),
        (EventType::ViolenceAgainstCivilians, 0.30),
        (EventType::ExplosionsRemoteViolence, 0.15),
        (EventType::StrategicDevelopments, 0.10),
        (EventType::Protests, 0.07),
        (EventType::Riots, 0.03),
    ];
    for (t, want) in expected {
        let got = share(all, |i| i.event_type == Some(t));
        assert!((got - want).abs() < 0.025, "{t:?}: {got:.3} vs {want}");
    }
    for i in all {
        let t = i.event_type.unwrap();
        let sub = i.sub_event_type.unwrap();
        assert_eq!(sub.parent(), t, "{}", i.id);
        assert_eq!(i.event_type_raw.as_deref(), Some(t.name()));
        assert_eq!(i.sub_event_type_raw.as_deref(), Some(sub.name()));
        if t == EventType::ViolenceAgainstCivilians {
            assert!(i.civilian_targeting, "{}", i.id);
            assert_eq!(i.actor2.as_ref().unwrap().kind, Some(ActorKind::Civilians));
        }
        if i.civilian_targeting {
            assert!(i.disorder_types().any(|d| d == "Political violence"));
        }
        let demo = matches!(t, EventType::Protests | EventType::Riots);
        assert_eq!(
            demo,
            i.disorder_types().any(|d| d == "Demonstrations"),
            "{}",
            i.id
        );
        assert!(i.interaction.is_some() && i.iso.is_some() && i.country.is_some());
    }
    let protests: Vec<&Incident> = all
        .iter()
        .filter(|i| i.event_type == Some(EventType::Protests))
        .collect();
    let quiet = protests
        .iter()
        .filter(|i| i.coded_fatalities() == Some(0))
        .count();
    assert!(quiet as f64 / protests.len() as f64 > 0.95);
}
