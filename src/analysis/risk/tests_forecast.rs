//! Properties of the forecast score and its backtest: a claim-scenario switch moves only the
//! units whose fatalities change, components add up to the score, and a history that repeats
//! itself is forecast perfectly.

use super::testutil::{Ev, rect, unit};
use super::{
    Assignment, ClassMethod, RiskParams, UnitSet, assign, auc, backtest, capture, origins, score,
};
use proptest::prelude::*;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, AtomicU32};

/// 5 × 4 one-degree squares (unit `j * 5 + i` = [i, i+1] × [j, j+1]).
static GRID: LazyLock<UnitSet> = LazyLock::new(|| {
    let mut units = Vec::new();
    for j in 0..4 {
        for i in 0..5 {
            let (x, y) = (f64::from(i), f64::from(j));
            units.push(unit(&format!("u{i}_{j}"), rect(x, y, x + 1.0, y + 1.0)));
        }
    }
    UnitSet::new(units).unwrap()
});

const D: i32 = 739_000;

fn assign_grid(ev: &Ev) -> Assignment {
    assign(
        &GRID,
        &ev.view(None),
        &AtomicBool::new(false),
        &AtomicU32::new(0),
    )
    .unwrap()
}

/// (x, y, age in days, fatalities, civilian, group)
fn event() -> impl Strategy<Value = (f64, f64, i32, u32, bool, u32)> {
    (
        0.01f64..4.99,
        0.01f64..3.99,
        0i32..800,
        0u32..60,
        any::<bool>(),
        0u32..4,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_scenario_switch_moves_only_units_whose_figures_change(
        events in proptest::collection::vec(event(), 1..300),
        changed in proptest::collection::vec(any::<bool>(), 20),
        extra in 1u32..500,
        eb in any::<bool>(),
    ) {
        let mut low = Ev::new(&[true; 4]);
        for &(x, y, age, f, civ, g) in &events {
            low.push(x, y, D - age, f, civ, false, &[g]);
        }
        let a = assign_grid(&low);
        // "High" claims: more deaths on every event of the changed units only.
        let mut high = low.clone();
        for (i, &u) in a.unit_of().iter().enumerate() {
            if u != u32::MAX && changed[u as usize] {
                high.fat[i] += extra;
            }
        }
        let p = RiskParams { eb, ..RiskParams::new(D) };
        let (tl, th) = (
            score(&a, &low.view(None), &p).unwrap(),
            score(&a, &high.view(None), &p).unwrap(),
        );
        for (l, h) in tl.rows.iter().zip(&th.rows) {
            // Components add up to the score, in both scenarios.
            prop_assert_eq!(l.contribution.iter().sum::<f64>(), l.score);
            prop_assert_eq!(h.contribution.iter().sum::<f64>(), h.score);
            if !changed[l.unit] {
                prop_assert_eq!(l.score, h.score, "unit {}", l.unit);
                prop_assert_eq!(l.value, h.value);
                prop_assert_eq!(l.contribution, h.contribution);
            }
        }
        // Fixed classes: an unchanged unit keeps its class too.
        prop_assert!(matches!(p.classes, ClassMethod::Fixed(_)));
        for (l, h) in tl.rows.iter().zip(&th.rows) {
            if !changed[l.unit] {
                prop_assert_eq!(l.class, h.class);
            }
        }
    }
}

#[test]
fn a_history_that_repeats_itself_is_forecast_perfectly() {
    // Three busy units, every 10 days for four years, always at the same points.
    let mut ev = Ev::new(&[true]);
    let busy = [(0.5, 0.5), (3.5, 1.5), (2.5, 3.5)];
    let first = D - 4 * 365;
    for day in (first..=D).step_by(10) {
        for &(x, y) in &busy {
            ev.push(x, y, day, 1, false, false, &[0]);
        }
    }
    let a = assign_grid(&ev);
    let p = RiskParams::new(D);
    let dates = origins(first + 365, D - 90, 90);
    assert!(dates.len() >= 8, "{}", dates.len());
    let skill = backtest(&a, &ev.view(None), &p, &dates).unwrap();
    for s in &skill {
        assert_eq!(s.positives, 3);
        assert_eq!(s.auc, [1.0; 3], "{s:?}");
        assert_eq!(s.capture[0], [1.0; 3], "top 10 holds every event");
        assert!(s.horizon_events >= 27);
    }
}

#[test]
fn an_origin_sees_no_event_after_it() {
    // Events only after the origin: the score knows nothing, everything ties.
    let mut ev = Ev::new(&[true]);
    for k in 0..30 {
        ev.push(0.5, 0.5, D + 1 + k, 3, true, false, &[0]);
    }
    let a = assign_grid(&ev);
    let skill = backtest(&a, &ev.view(None), &RiskParams::new(D), &[D]).unwrap();
    assert_eq!(skill[0].auc[0], 0.5);
    assert_eq!(skill[0].horizon_events, 30);
    // Ties at the cut share the places: 10 of 20 tied units hold half of the events.
    assert!((skill[0].capture[0][0] - 0.5).abs() < 1e-12);
    // An event on the origin's day belongs to the past, one a horizon later to the future.
    let mut ev = Ev::new(&[true]);
    ev.push(0.5, 0.5, D, 1, false, false, &[0])
        .push(1.5, 0.5, D + 90, 1, false, false, &[0])
        .push(2.5, 0.5, D + 91, 1, false, false, &[0]);
    let a = assign_grid(&ev);
    let s = &backtest(&a, &ev.view(None), &RiskParams::new(D), &[D]).unwrap()[0];
    assert_eq!((s.positives, s.horizon_events), (1, 1));
}

#[test]
fn auc_and_capture_by_hand() {
    // Mann–Whitney: positives {0.9, 0.4}, negatives {0.5, 0.1}: pairs won 3 of 4.
    assert_eq!(auc(&[0.9, 0.5, 0.4, 0.1], &[1, 0, 2, 0]), 0.75);
    assert!(auc(&[1.0, 2.0], &[0, 0]).is_nan());
    // Top 2 of [5, 3, 3, 0]: unit 0 and one of the tied pair (half of each).
    let c = capture(&[5.0, 3.0, 3.0, 0.0], &[4, 2, 0, 2], 2);
    assert!((c - (4.0 + 1.0) / 8.0).abs() < 1e-12, "{c}");
    assert!(capture(&[1.0], &[0], 1).is_nan());
    assert_eq!(origins(10, 30, 10), vec![10, 20, 30]);
    assert!(origins(10, 5, 10).is_empty() && origins(0, 10, 0).is_empty());
}
