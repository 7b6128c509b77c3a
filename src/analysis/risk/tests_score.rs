//! Hand-computed score on four 1° squares (see `four_squares`).

use super::testutil::{Ev, assign_all, four_squares};
use super::{
    Assignment, ClassMethod, NO_FATALITY_FIGURE, RiskParams, RiskTable, UnitSet, days_from_civil,
    effective_days, scale_score, score, severity,
};

/// as_of = 2025-03-15 (day 739 325), half-life 90 days, window 365 days ([`p90`]); actors 0,
/// 2, 3 are non-state groups, 1 is state.
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
/// Unit 0: events 3, fatalities 10, Σw = 2, Σw·severity = 1 (10 deaths), Σw civ = 1.5,
/// groups {0: 2 events, 1.5; 2: 1 event, 0.5} so one group with ≥ 2 events, trend (2, 1).
/// Unit 1: events 1, fat 4, Σw = 0.25, Σw·severity = 0.25 · ln 5 / ln 11, civ 0, group 3 with
/// one event, trend (0, 0).
/// Unit 2: events 1, fat 0, Σw = 2^(-365/90), no non-state group, trend (0, 0).
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

/// The parameters the table above was computed with.
fn p90(as_of: i32) -> RiskParams {
    RiskParams {
        half_life_days: 90.0,
        window_days: 365,
        ..RiskParams::new(as_of)
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn raw_components_by_hand() {
    assert_eq!(D, days_from_civil(2025, 3, 15));
    let (_, _, t) = run(&p90(D));
    let w6 = (-365.0f64 / 90.0).exp2();
    let r = &t.rows;
    assert_eq!((r[0].events, r[0].fatalities, r[0].trend), (3, 10, (2, 1)));
    assert_eq!(r[0].raw[..3], [2.0, 1.0, 1.5]);
    assert_eq!(r[0].raw[4], 1.0, "one group with two events");
    assert_eq!(r[0].top_actors, vec![(0, 1.5), (2, 0.5)]);
    assert_eq!((r[1].events, r[1].fatalities, r[1].trend), (1, 4, (0, 0)));
    assert!(close(r[1].raw[1], 0.25 * severity(4)));
    assert_eq!((r[1].raw[0], r[1].raw[2], r[1].raw[4]), (0.25, 0.0, 0.0));
    assert_eq!(r[1].top_actors, vec![(3, 0.25)]);
    assert_eq!((r[2].events, r[2].fatalities), (1, 0));
    assert_eq!((r[2].raw[0], r[2].raw[1], r[2].raw[4]), (w6, 0.0, 0.0));
    assert_eq!((r[3].events, r[3].raw[0]), (0, 0.0));
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
    assert!((severity(10) - 1.0).abs() < 1e-12 && severity(0) == 0.0);
}

#[test]
fn own_history_only_by_hand() {
    let p = RiskParams {
        eb: false,
        ..p90(D)
    };
    let (_, _, t) = run(&p);
    let scale = 90.0 / effective_days(365, 90.0);
    let w6 = (-365.0f64 / 90.0).exp2();
    // Events' worth over the next 90 days: own decayed events, severity, civilians; no
    // neighbourhood term without smoothing; one group only, so no fragmentation uplift.
    let v0 = [scale * 2.0, scale, scale * 1.5, 0.0, 0.0];
    let v1 = [scale * 0.25, scale * 0.25 * severity(4), 0.0, 0.0, 0.0];
    let v2 = [scale * w6, 0.0, 0.0, 0.0, 0.0];
    for k in 0..5 {
        assert!(
            close(t.rows[0].value[k], v0[k]),
            "{k}: {:?}",
            t.rows[0].value
        );
        assert!(close(t.rows[1].value[k], v1[k]));
        assert!(close(t.rows[2].value[k], v2[k]));
    }
    assert_eq!(t.rows[3].value, [0.0; 5]);
    // score = 100 ln(1 + S) / ln(1 + 250), S = Σ value.
    for (r, v) in t.rows.iter().zip([v0, v1, v2]) {
        let want = scale_score(v.iter().sum(), 250.0);
        assert!(close(r.score, want), "{} vs {want}", r.score);
        assert!(close(r.expected_events, v[0]));
        assert_eq!(r.trust, 1.0);
    }
    // Contributions add up exactly to the score and follow the components.
    for r in &t.rows {
        assert_eq!(r.contribution.iter().sum::<f64>(), r.score);
    }
    assert!(close(
        t.rows[0].contribution[2] / t.rows[0].contribution[0],
        0.75
    ));
    let ranks: Vec<u32> = t.rows.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    // Fixed breaks by default: a class means the same on every map.
    assert_eq!(t.breaks, [20.0, 40.0, 60.0, 80.0]);
    assert_eq!(t.rows[3].class, 1);
}

#[test]
fn the_neighbourhood_warms_a_quiet_unit() {
    let (_, a, t) = run(&p90(D));
    // The four squares touch each other (edges or the corner).
    assert_eq!(a.neighbours()[3], vec![0, 1, 2]);
    let quiet = &t.rows[3];
    assert_eq!(quiet.events, 0);
    assert!(quiet.score > 0.0, "{quiet:?}");
    assert!(quiet.value[3] > 0.0 && quiet.value[..3] == [0.0; 3]);
    // Smoothing never makes a quiet unit outrank the unit holding most of the violence.
    assert!(quiet.score < t.rows[0].score);
    for r in &t.rows {
        assert!((0.0..=1.0).contains(&r.trust));
        assert_eq!(r.contribution.iter().sum::<f64>(), r.score);
        assert!(r.expected_range.0 as f64 <= r.expected_events.ceil());
        assert!(r.expected_range.1 as f64 >= r.expected_events.floor());
    }
}

#[test]
fn coarse_weight_weights_and_quantile_classes() {
    let p = RiskParams {
        coarse_weight: 0.2,
        weights: [1.0, 0.0, 0.0, 0.0, 0.0],
        classes: ClassMethod::Quantile,
        eb: false,
        ..p90(D)
    };
    let (_, _, t) = run(&p);
    // e2 is coarse: w = 1 × 0.2, so unit 0 Σw = 1 + 0.5 + 0.2 = 1.7.
    assert!(close(t.rows[0].raw[0], 1.7));
    // Only intensity counts.
    let scale = 90.0 / effective_days(365, 90.0);
    assert!(close(t.rows[0].score, scale_score(1.7 * scale, 250.0)));
    assert_eq!(t.rows[1].contribution[1..], [0.0; 4]);
    // Quantile classes over the three positive scores: the highest is class 5.
    assert_eq!((t.rows[0].class, t.rows[3].class), (5, 1));
}

#[test]
fn window_edges_and_selection() {
    // window 0: only events on as_of (e0, e2) count.
    let (_, _, t) = run(&RiskParams {
        window_days: 0,
        ..p90(D)
    });
    assert_eq!(
        t.rows.iter().map(|r| r.events).collect::<Vec<_>>(),
        [2, 0, 0, 0]
    );
    assert_eq!(t.months.len(), 1);
    // as_of one day later: e4 (D+1) enters, e6 is now 366 days old and leaves.
    let (_, _, t) = run(&p90(D + 1));
    assert_eq!(t.rows[0].events, 3);
    assert_eq!((t.rows[2].events, t.rows[2].fatalities), (1, 100));
    // Selection: only e3 selected; its unit ranks first.
    let set = four_squares();
    let ev = store();
    let a = assign_all(&set, &ev);
    let sel = [3u32];
    let t = score(&a, &ev.view(Some(&sel)), &p90(D)).unwrap();
    assert_eq!(
        t.rows.iter().map(|r| r.events).collect::<Vec<_>>(),
        [0, 1, 0, 0]
    );
    assert_eq!(t.rows[1].rank, 1);
}
