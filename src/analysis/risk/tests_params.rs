//! Decay, parameter checks, classes, ranks, calendar.

use super::{ClassMethod, RiskParams, breaks, civil_from_days, class_of, days_from_civil, ranks};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9
}

#[test]
fn decay_half_life_and_coarse() {
    let p = RiskParams {
        half_life_days: 90.0,
        window_days: 365,
        ..RiskParams::new(1000)
    };
    assert_eq!(p.event_weight(1000, false), 1.0);
    assert_eq!(p.event_weight(910, false), 0.5, "one half-life old");
    assert_eq!(p.event_weight(820, false), 0.25);
    assert_eq!(p.event_weight(910, true), 0.25, "coarse × 0.5");
    let flat = RiskParams {
        half_life_days: f64::INFINITY,
        ..p.clone()
    };
    assert_eq!(flat.event_weight(1, false), 1.0);
    assert!(p.in_window(635) && !p.in_window(634) && p.in_window(1000) && !p.in_window(1001));
}

#[test]
fn params_validation() {
    let ok = RiskParams::new(0);
    assert!(ok.validate().is_ok());
    for bad in [
        RiskParams {
            half_life_days: 0.0,
            ..ok.clone()
        },
        RiskParams {
            window_days: -1,
            ..ok.clone()
        },
        RiskParams {
            coarse_weight: 1.5,
            ..ok.clone()
        },
        RiskParams {
            weights: [0.0; 5],
            ..ok.clone()
        },
        RiskParams {
            weights: [1.0, -1.0, 1.0, 1.0, 1.0],
            ..ok.clone()
        },
        RiskParams {
            classes: ClassMethod::Fixed([3.0, 2.0, 4.0, 5.0]),
            ..ok.clone()
        },
        RiskParams {
            horizon_days: 0,
            ..ok.clone()
        },
    ] {
        assert!(bad.validate().is_err(), "{bad:?}");
    }
}

#[test]
fn ranks_and_classes() {
    assert_eq!(ranks(&[5.0, 10.0, 5.0, 0.0]), vec![2, 1, 2, 4]);
    // Positive scores 10, 20, 30, 40, 50 → type-7 quintile breaks 18, 26, 34, 42.
    let s = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 0.0];
    let b = breaks(&ClassMethod::Quantile, &s);
    for (got, want) in b.iter().zip([18.0, 26.0, 34.0, 42.0]) {
        assert!(close(*got, want));
    }
    let classes: Vec<u8> = s.iter().map(|&v| class_of(v, &b)).collect();
    assert_eq!(classes, vec![1, 1, 2, 3, 4, 5, 1]);
    assert_eq!(breaks(&ClassMethod::Quantile, &[0.0, 0.0]), [0.0; 4]);
    // A single unit with events is class 5; a score equal to a fixed break goes up.
    assert_eq!(
        class_of(7.0, &breaks(&ClassMethod::Quantile, &[0.0, 7.0])),
        5
    );
    assert_eq!(class_of(40.0, &[20.0, 40.0, 60.0, 80.0]), 3);
}

#[test]
fn calendar() {
    // Python: date(1970,1,1).toordinal() = 719163, date(2024,2,29) = 738945, date(1,1,1) = 1.
    assert_eq!(days_from_civil(1970, 1, 1), 719_163);
    assert_eq!(days_from_civil(2024, 2, 29), 738_945);
    assert_eq!(days_from_civil(1, 1, 1), 1);
    assert_eq!(civil_from_days(738_945), (2024, 2, 29));
    assert_eq!(civil_from_days(730_180), (2000, 3, 1));
    for d in (1..800_000).step_by(997) {
        let (y, m, dd) = civil_from_days(d);
        assert_eq!(days_from_civil(y, m, dd), d);
    }
}
