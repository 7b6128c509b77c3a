//! Tests of the actors of generated incidents: kinds and calendars.

use std::collections::HashMap;

use chrono::Datelike;

use super::tests_generate::{date, default_set};
use super::*;
use crate::model::ActorKind;

#[test]
fn actor_kinds_and_names_follow_the_calendar() {
    let mut kinds: HashMap<&str, Option<ActorKind>> = HashMap::new();
    for i in default_set() {
        let d = i.date.start;
        for a in [&i.actor1, &i.actor2].into_iter().flatten() {
            let k = *kinds.entry(a.name.as_str()).or_insert(a.kind);
            assert_eq!(k, a.kind, "{} coded with two kinds", a.name);
            let name = a.name.as_str();
            let want = if name.starts_with("Military Forces of Mali") {
                let suffix = match d {
                    _ if d < date(2020, 8, 18) => "(2013-2020)",
                    _ if d < date(2021, 5, 24) => "(2020-2021)",
                    _ => "(2021-)",
                };
                assert!(name.ends_with(suffix), "{name} on {d}");
                ActorKind::StateForces
            } else if name.starts_with("Military Forces of France") {
                ActorKind::ExternalOtherForces
            } else if name.starts_with("Military Forces") || name.starts_with("Police Forces") {
                ActorKind::StateForces
            } else if name.starts_with("Civilians (") {
                ActorKind::Civilians
            } else if name.starts_with("Protesters (") {
                ActorKind::Protesters
            } else if name.starts_with("Rioters (") {
                ActorKind::Rioters
            } else if is_jihadist(name) {
                ActorKind::RebelGroup
            } else {
                continue;
            };
            assert_eq!(a.kind, Some(want), "{name}");
        }
        let names: Vec<&str> = [&i.actor1, &i.actor2]
            .into_iter()
            .flatten()
            .flat_map(|a| std::iter::once(&a.name).chain(&a.associated))
            .map(|s| s.as_str())
            .collect();
        let has = |n: &str| names.contains(&n);
        if has("Wagner Group") || has("Africa Corps") {
            assert_eq!(i.country.as_deref(), Some("Mali"), "{}", i.id);
            assert!(d >= date(2021, 12, 20));
        }
        assert!(!has("Wagner Group") || d < date(2025, 6, 6), "{}", i.id);
        assert!(!has("Africa Corps") || d >= date(2025, 6, 6), "{}", i.id);
        let isgs = "Islamic State (West Africa) - Greater Sahara Faction";
        assert!(!has(isgs) || d.year() < 2022, "{}", i.id);
        assert!(
            !has("Islamic State Sahel Province") || d.year() >= 2022,
            "{}",
            i.id
        );
    }
    for name in [
        "JNIM: Group for Support of Islam and Muslims",
        "Islamic State Sahel Province",
        "Ansaroul Islam",
        "Katiba Macina",
        "Military Forces of Burkina Faso (2022-)",
        "Military Forces of Niger (2023-)",
        "Wagner Group",
        "VDP: Volunteers for the Defense of the Homeland",
        "Dan Na Ambassagou",
        "Koglweogo Militia",
        "Civilians (Mali)",
        "Protesters (Mali)",
        "Rioters (Niger)",
    ] {
        assert!(kinds.contains_key(name), "{name} never appears");
    }
}
