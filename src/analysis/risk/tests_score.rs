//! Hand-computed score on four 1° squares (see `four_squares`).

use super::testutil::{Ev, assign_all, four_squares};
use super::{
    Assignment, ClassMethod, NO_FATALITY_FIGURE, RiskParams, RiskTable, UnitSet, days_from_civil,
    eb_rates, score,
};

/// as_of = 2025-03-15 (day 739 325); actors 0, 2, 3 are non-state, 1 is state.
///
/// | ev | unit | day      | age | w                 | fat | civ | coarse | actors |
/// |----|------|----------|-----|-------------------|-----|-----|--------|--------|
/// | e0 | 0    | D        | 0   | 1                 | 10  | yes | no     | 0, 1   |
/// | e1 | 0    | D-90     | 90  | 2^-1 = 0.5        | 0   | no  | no     | 0      |
/// | e2 | 0    | D        | 0   | 1 × 0.5 = 0.5     | –   | yes | yes    | 2      |
/// | e3 | 1    | D-180    | 180 | 2^-2 = 0.25       | 4   | no  | no     | 3      |
/// | e4 | 2    | D+1      | –   | after as_of       | 100 | yes | no     | 0      |
/// | e5 | 2    | D-366    | 366 | before window     | 100 | yes | no     | 0      |
/// | e6 | 2    | D-365    | 365 | 2^(-365/90)≈0.0601| 0   | no  | no     | 1      |
/// | e7 | out  | D        | 0   | outside, counted  |     |     |        |        |
/// | e8 | out  | D-400    | 400 | outside, not in window |  |     |        |        |
///
/// Unit 0: events 3, fatalities 10, Σw = 2, Σw·f = 10, Σw civ = 1.5, 2 distinct cells
/// ((0.5,0.5) twice and (0.25,0.25)), non-state actors {0: 1.5, 2: 0.5}, trend (2, 1).
/// Unit 1: events 1, fat 4, Σw = 0.25, Σw·f = 1, civ 0, 1 cell, actors {3: 0.25}, trend (0, 0).
/// Unit 2: events 1, fat 0, Σw = 2^(-365/90), 1 cell, no non-state actor, trend (0, 0).
/// Unit 3: nothing.
pub(super) const D: i32 = 739_325;

fn store() -> Ev {
    let mut ev = Ev::new(&[true, false, true, true]);
    ev.push(0.5, 0.5, D, 10, true, false, &[0, 1])
        .push(0.25, 0.25, D - 90, 0, false, false, &[0])
        .push(0.5, 0.5, D, NO_FATALITY_FIGURE, true, true, &[2])
        .push(1.5, 0.5, D - 180, 4, false, false, &[3])
        .push(0.5, 1.5, D + 1, 100, true, false, &[0])
        .push(0.5, 1.5, D - 366, 100, true, false, &[0])
        .push(0.5, 1.5, D - 365, 0, false, false, &[1])
        .push(5.0, 5.0, D, 1, false, false, &[])
        .push(5.0, 5.0, D - 400, 1, false, false, &[]);
    ev
}

fn run(p: &RiskParams) -> (UnitSet, Assignment, RiskTable) {
    let set = four_squares();
    let ev = store();
    let a = assign_all(&set, &ev);
    let t = score(&a, &ev.view(None), p).unwrap();
    (set, a, t)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn raw_components_by_hand() {
    assert_eq!(D, days_from_civil(2025, 3, 15));
    let (_, _, t) = run(&RiskParams::new(D));
    let w6 = (-365.0f64 / 90.0).exp2();
    let r = &t.rows;
    assert_eq!((r[0].events, r[0].fatalities, r[0].trend), (3, 10, (2, 1)));
    assert_eq!(r[0].raw, [2.0, 10.0, 1.5, 2.0, 2.0]);
    assert_eq!(r[0].top_actors, vec![(0, 1.5), (2, 0.5)]);
    assert_eq!((r[1].events, r[1].fatalities, r[1].trend), (1, 4, (0, 0)));
    assert_eq!(r[1].raw, [0.25, 1.0, 0.0, 1.0, 1.0]);
    assert_eq!(r[1].top_actors, vec![(3, 0.25)]);
    assert_eq!((r[2].events, r[2].fatalities), (1, 0));
    assert_eq!(r[2].raw, [w6, 0.0, 0.0, 1.0, 0.0]);
    assert_eq!((r[3].events, r[3].raw), (0, [0.0; 5]));
    assert_eq!((t.outside, t.in_window), (1, 6));
    // Months 2024-03 … 2025-03 (13 bins): e0, e2 in 2025-03, e1 (2024-12-15) in bin 9,
    // e3 (2024-09-16) in bin 6, e6 (2024-03-15) in bin 0.
    assert_eq!(t.months.len(), 13);
    assert_eq!((t.months[0], t.months[12]), ((2024, 3), (2025, 3)));
    assert_eq!(r[0].monthly.iter().sum::<u32>(), 3);
    assert_eq!(
        (
            r[0].monthly[12],
            r[0].monthly[9],
            r[1].monthly[6],
            r[2].monthly[0]
        ),
        (2, 1, 1, 1)
    );
}

#[test]
fn composite_without_eb_by_hand() {
    let p = RiskParams {
        eb: false,
        ..RiskParams::new(D)
    };
    let (_, a, t) = run(&p);
    let (ar, c) = (a.areas_km2(), a.cells_per_unit());
    let (c0, c1, c2) = (f64::from(c[0]), f64::from(c[1]), f64::from(c[2]));
    let w6 = (-365.0f64 / 90.0).exp2();
    // Values: rates per 1,000 km², diffusion share, actor count.
    let v0 = [
        2000.0 / ar[0],
        10_000.0 / ar[0],
        1500.0 / ar[0],
        2.0 / c0,
        2.0,
    ];
    let v1 = [250.0 / ar[1], 1000.0 / ar[1], 0.0, 1.0 / c1, 1.0];
    let v2 = [1000.0 * w6 / ar[2], 0.0, 0.0, 1.0 / c2, 0.0];
    for k in 0..5 {
        assert!(
            close(t.rows[0].value[k], v0[k])
                && close(t.rows[1].value[k], v1[k])
                && close(t.rows[2].value[k], v2[k])
        );
    }
    // Unit 0 holds every maximum → all norms 1 → score 100.
    assert_eq!(t.max_value, t.rows[0].value);
    assert_eq!(t.rows[0].norm, [1.0; 5]);
    assert!(close(t.rows[0].score, 100.0));
    // norm = ln(1+v)/ln(1+max); score = 100 × mean(norm) with equal weights.
    let n = |v: f64, m: f64| v.ln_1p() / m.ln_1p();
    let s1 = 20.0 * (n(v1[0], v0[0]) + n(v1[1], v0[1]) + 0.0 + n(v1[3], v0[3]) + n(1.0, 2.0));
    let s2 = 20.0 * (n(v2[0], v0[0]) + n(v2[3], v0[3]));
    assert!(
        close(t.rows[1].score, s1) && close(t.rows[2].score, s2),
        "{} {s1} {} {s2}",
        t.rows[1].score,
        t.rows[2].score
    );
    assert!(s2 < s1 && s1 < 100.0);
    // Contributions add up exactly to the score.
    for r in &t.rows {
        assert_eq!(r.contribution.iter().sum::<f64>(), r.score);
    }
    // Ranks and quantile classes over the 3 positive scores [s2, s1, 100]:
    // q20 = s2 + 0.4(s1−s2), q40 = s2 + 0.8(s1−s2), q60 = s1 + 0.2(100−s1), q80 = s1 + 0.6(100−s1).
    let ranks: Vec<u32> = t.rows.iter().map(|r| r.rank).collect();
    let classes: Vec<u8> = t.rows.iter().map(|r| r.class).collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    assert_eq!(classes, [5, 3, 1, 1]);
    assert!(
        close(t.breaks[0], s2 + 0.4 * (s1 - s2)) && close(t.breaks[3], s1 + 0.6 * (100.0 - s1))
    );
}

#[test]
fn eb_rates_feed_the_rate_components() {
    let (_, a, t) = run(&RiskParams::new(D));
    let n = [2.0, 0.25, (-365.0f64 / 90.0).exp2(), 0.0];
    let eb = eb_rates(&n, a.areas_km2());
    for u in 0..4 {
        assert!(close(t.rows[u].value[0], eb.rates[u] * 1000.0));
    }
    // The empty unit gets a positive smoothed rate but no score: class 1, rank last.
    assert!(t.rows[3].value[0] > 0.0);
    assert_eq!(
        (
            t.rows[3].norm,
            t.rows[3].score,
            t.rows[3].class,
            t.rows[3].rank
        ),
        ([0.0; 5], 0.0, 1, 4)
    );
}

#[test]
fn coarse_weight_weights_and_fixed_classes() {
    let p = RiskParams {
        coarse_weight: 0.2,
        weights: [1.0, 0.0, 0.0, 0.0, 0.0],
        classes: ClassMethod::Fixed([20.0, 40.0, 60.0, 80.0]),
        eb: false,
        ..RiskParams::new(D)
    };
    let (_, a, t) = run(&p);
    // e2 is coarse: w = 1 × 0.2, so unit 0 Σw = 1 + 0.5 + 0.2 = 1.7.
    assert!(close(t.rows[0].raw[0], 1.7));
    // Only intensity counts: score = 100 × norm_intensity.
    let ar = a.areas_km2();
    let s1 = 100.0 * (250.0 / ar[1]).ln_1p() / (1700.0 / ar[0]).ln_1p();
    assert!(close(t.rows[1].score, s1));
    assert_eq!(t.rows[1].contribution[1..], [0.0; 4]);
    assert_eq!(t.breaks, [20.0, 40.0, 60.0, 80.0]);
    let expect = |s: f64| 1 + [20.0, 40.0, 60.0, 80.0].iter().filter(|b| **b <= s).count() as u8;
    assert_eq!(t.rows[1].class, expect(s1));
    assert_eq!((t.rows[0].class, t.rows[3].class), (5, 1));
}

#[test]
fn window_edges_and_selection() {
    // window 0: only events on as_of (e0, e2) count.
    let (_, _, t) = run(&RiskParams {
        window_days: 0,
        ..RiskParams::new(D)
    });
    assert_eq!(
        t.rows.iter().map(|r| r.events).collect::<Vec<_>>(),
        [2, 0, 0, 0]
    );
    assert_eq!(t.months.len(), 1);
    // as_of one day later: e4 (D+1) enters, e6 is now 366 days old and leaves.
    let (_, _, t) = run(&RiskParams::new(D + 1));
    assert_eq!(t.rows[0].events, 3);
    assert_eq!((t.rows[2].events, t.rows[2].fatalities), (1, 100));
    // Selection: only e3 selected.
    let set = four_squares();
    let ev = store();
    let a = assign_all(&set, &ev);
    let sel = [3u32];
    let t = score(&a, &ev.view(Some(&sel)), &RiskParams::new(D)).unwrap();
    assert_eq!(
        t.rows.iter().map(|r| r.events).collect::<Vec<_>>(),
        [0, 1, 0, 0]
    );
    // Unit 1 holds every maximum except civilians (all 0): 4 norms of 1 → 4 × 20 = 80.
    assert_eq!(
        (t.rows[1].score, t.rows[1].rank, t.rows[0].class),
        (80.0, 1, 1)
    );
}
