//! The incident filter, on a fixture whose figures are known by hand:
//! 7 battles in Mali on 1 July 2025 (Kayes region 12+8+3+5+2, Ségou region 4+6 = 40),
//! an air strike in Burkina Faso on 15 June (7), a protest in Niger on 20 June (0, civilians targeted).

use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use sahel_risk::analysis::filter::ALL_EVENT_TYPES;
use sahel_risk::analysis::{Filter, IncidentColumns};
use sahel_risk::import::import_path;
use sahel_risk::model::{Dataset, EventType, Scenario};

fn columns() -> IncidentColumns {
    let p =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acled_current.csv");
    let imported = import_path(&p, &|_, _| {}, &AtomicBool::new(false)).unwrap();
    IncidentColumns::new(&imported.incidents)
}

fn count(c: &IncidentColumns, f: Filter) -> (usize, u64) {
    let r = f.apply(c);
    (
        r.indices.len(),
        r.fatalities_by_dataset[Dataset::Acled as usize],
    )
}

fn day(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

#[test]
fn no_filter_keeps_everything() {
    let c = columns();
    assert_eq!(count(&c, Filter::default()), (9, 47));
}

#[test]
fn dates_are_inclusive_at_both_edges() {
    let c = columns();
    assert_eq!(
        count(
            &c,
            Filter {
                date_from: day("2025-07-01"),
                ..Default::default()
            }
        ),
        (7, 40)
    );
    assert_eq!(
        count(
            &c,
            Filter {
                date_to: day("2025-06-15"),
                ..Default::default()
            }
        ),
        (1, 7)
    );
    assert_eq!(
        count(
            &c,
            Filter {
                date_from: day("2025-06-16"),
                date_to: day("2025-06-30"),
                ..Default::default()
            }
        ),
        (1, 0)
    );
    assert_eq!(
        count(
            &c,
            Filter {
                date_from: day("2025-07-02"),
                ..Default::default()
            }
        ),
        (0, 0)
    );
}

#[test]
fn event_types_civilians_and_fatalities() {
    let c = columns();
    let battles = 1
        << EventType::ALL
            .iter()
            .position(|t| *t == EventType::Battles)
            .unwrap();
    assert_eq!(
        count(
            &c,
            Filter {
                event_types: battles,
                ..Default::default()
            }
        ),
        (7, 40)
    );
    assert_eq!(
        count(
            &c,
            Filter {
                event_types: ALL_EVENT_TYPES & !battles,
                ..Default::default()
            }
        ),
        (2, 7)
    );
    assert_eq!(
        count(
            &c,
            Filter {
                civilian_only: true,
                ..Default::default()
            }
        ),
        (1, 0)
    );
    assert_eq!(
        count(
            &c,
            Filter {
                min_fatalities: 6,
                ..Default::default()
            }
        ),
        (4, 12 + 8 + 6 + 7)
    );
}

#[test]
fn places_and_actors() {
    let c = columns();
    assert_eq!(
        count(
            &c,
            Filter {
                countries: vec!["Mali".into()],
                ..Default::default()
            }
        ),
        (7, 40)
    );
    assert_eq!(
        count(
            &c,
            Filter {
                admin1: vec!["Mali / Segou".into()],
                ..Default::default()
            }
        ),
        (2, 10)
    );
    let jnim = "JNIM: Group for Support of Islam and Muslims".to_string();
    assert_eq!(
        count(
            &c,
            Filter {
                actors: vec![jnim],
                ..Default::default()
            }
        ),
        (8, 47)
    );
    assert_eq!(
        count(
            &c,
            Filter {
                actors: vec!["Nobody".into()],
                ..Default::default()
            }
        ),
        (0, 0)
    );
}

#[test]
fn scenario_changes_the_totals_not_the_events() {
    let c = columns();
    let best = count(&c, Filter::default());
    let high = count(
        &c,
        Filter {
            scenario: Scenario::High,
            ..Default::default()
        },
    );
    let low = count(
        &c,
        Filter {
            scenario: Scenario::Low,
            ..Default::default()
        },
    );
    assert_eq!((best.0, high.0, low.0), (9, 9, 9));
    // The army's "more than 80 neutralized" on the Kayes event lifts the high scenario.
    assert!(
        high.1 >= best.1 + 80 - 12,
        "high {} best {}",
        high.1,
        best.1
    );
    assert!(low.1 <= best.1);
}
