//! The same id in two files: the newer timestamp wins, stats say which.
mod common;

use common::import;
use sahel_risk::model::{IStr, IncidentStore, Scenario};

#[test]
fn newer_timestamp_wins_across_files() {
    let mut store = IncidentStore::new();
    let s1 = store.merge(import("merge_old.csv").incidents, "merge_old.csv");
    assert_eq!((s1.added, s1.replaced.len()), (3, 0));
    let s2 = store.merge(import("merge_new.csv").incidents, "merge_new.csv");
    assert_eq!(s2.added, 1);
    assert_eq!(s2.replaced, [IStr::from("MLI500")]);
    assert_eq!(s2.kept_existing, [IStr::from("MLI501")]);
    assert_eq!(
        s2.summary(),
        "merge_new.csv: 1 new, 1 replaced (MLI500), 1 older copy ignored"
    );
    assert_eq!(store.len(), 4);
    assert_eq!(store.get("MLI500").unwrap().coded_fatalities(), Some(10));
    assert_eq!(store.get("MLI501").unwrap().coded_fatalities(), Some(2));
    assert_eq!(
        store.fatalities_by_dataset(Scenario::Best).acled,
        10 + 2 + 3 + 4
    );
}

#[test]
fn acled_and_ucdp_are_summed_apart() {
    let mut store = IncidentStore::new();
    store.merge(import("acled_current.csv").incidents, "a");
    store.merge(import("ucdp_ged.csv").incidents, "u");
    let best = store.fatalities_by_dataset(Scenario::Best);
    assert_eq!((best.acled, best.ucdp), (47, 14));
    let high = store.fatalities_by_dataset(Scenario::High);
    // Kayes: 80 claimed by the army instead of 12; UCDP highs 5 + 9 + 7
    assert_eq!((high.acled, high.ucdp), (47 - 12 + 80, 21));
    let low = store.fatalities_by_dataset(Scenario::Low);
    assert_eq!((low.acled, low.ucdp), (47, 2 + 4 + 7));
    assert_eq!(store.counts_by_dataset().ucdp, 3);
}
