//! `assign`: outside events, stacking, cancellation, progress, mismatch errors.

use super::testutil::{Ev, assign_all, four_squares};
use super::{NO_UNIT, RiskError, RiskParams, assign, compute, score};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

fn store(n: usize) -> Ev {
    let mut ev = Ev::new(&[true, false]);
    for i in 0..n {
        // Stacked on 7 "towns" inside the squares, every 10th event outside.
        let (x, y) = if i % 10 == 9 {
            (5.0, 5.0)
        } else {
            (0.1 + 0.25 * (i % 7) as f64, 0.3 + 0.2 * (i % 7) as f64)
        };
        ev.push(x, y, 1000, 1, i % 2 == 0, false, &[(i % 2) as u32]);
    }
    ev
}

#[test]
fn outside_events_are_counted_not_dropped() {
    let set = four_squares();
    let ev = store(1000);
    let a = assign_all(&set, &ev);
    assert_eq!(a.outside(), 100);
    assert_eq!(a.unit_of().iter().filter(|&&u| u == NO_UNIT).count(), 100);
    let t = score(&a, &ev.view(None), &RiskParams::new(1000)).unwrap();
    assert_eq!(t.outside, 100);
    assert_eq!(t.in_window, 1000);
    assert_eq!(t.rows.iter().map(|r| r.events as usize).sum::<usize>(), 900);
    // Only the selected outside events count.
    let sel: Vec<u32> = (0..20).collect();
    let t = score(&a, &ev.view(Some(&sel)), &RiskParams::new(1000)).unwrap();
    assert_eq!((t.outside, t.in_window), (2, 20));
}

#[test]
fn stacked_events_share_location_results() {
    let set = four_squares();
    let ev = store(700);
    let a = assign_all(&set, &ev);
    for i in 0..700 {
        assert_eq!(
            a.unit_of()[i],
            set.locate(ev.lon[i], ev.lat[i])
                .map_or(NO_UNIT, |u| u as u32)
        );
    }
}

#[test]
fn cancellation_and_progress() {
    let set = four_squares();
    let ev = store(200_000);
    let progress = AtomicU32::new(0);
    let cancelled = AtomicBool::new(true);
    let err = assign(&set, &ev.view(None), &cancelled, &progress).unwrap_err();
    assert_eq!(err, RiskError::Cancelled);
    let err = compute(
        &set,
        &ev.view(None),
        &RiskParams::new(1000),
        &cancelled,
        &progress,
    )
    .unwrap_err();
    assert_eq!(err, RiskError::Cancelled);
    let (a, t) = compute(
        &set,
        &ev.view(None),
        &RiskParams::new(1000),
        &AtomicBool::new(false),
        &progress,
    )
    .unwrap();
    assert_eq!(progress.load(Ordering::Relaxed), 1000);
    assert_eq!(a.n_events(), 200_000);
    assert_eq!(t.rows.len(), 4);
}

#[test]
fn mismatches_are_errors() {
    let set = four_squares();
    let ev = store(50);
    let a = assign_all(&set, &ev);
    let other = store(49);
    assert!(matches!(
        score(&a, &other.view(None), &RiskParams::new(1000)),
        Err(RiskError::Mismatch(_))
    ));
    let bad_sel = [99u32];
    assert!(matches!(
        score(&a, &ev.view(Some(&bad_sel)), &RiskParams::new(1000)),
        Err(RiskError::InvalidEvents(_))
    ));
    let mut broken = ev.clone();
    broken.day.pop();
    assert!(matches!(
        assign(
            &set,
            &broken.view(None),
            &AtomicBool::new(false),
            &AtomicU32::new(0)
        ),
        Err(RiskError::InvalidEvents(_))
    ));
}

#[test]
fn score_is_identical_on_one_thread() {
    let set = four_squares();
    let ev = store(300_000);
    let a = assign_all(&set, &ev);
    let p = RiskParams::new(1000);
    let many = score(&a, &ev.view(None), &p).unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let one = pool.install(|| score(&a, &ev.view(None), &p)).unwrap();
    assert_eq!(many, one, "float sums do not depend on the thread count");
}
