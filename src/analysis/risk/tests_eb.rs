//! EB worked example, decay, normalisation, classes, ranks, calendar.

use super::{
    ClassMethod, RiskParams, breaks, civil_from_days, class_of, days_from_civil, eb_rates,
    normalise, ranks,
};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9
}

/// n = [0, 1, 10, 5], x = [1, 0.1, 10, 5], m = 4:
/// Σn = 16, Σx = 16.1, b = 16/16.1 = 160/161 ≈ 0.993 788 819 875 776 4
/// p = [0, 10, 1, 1]
/// s² = [1·(0−b)² + 0.1·(10−b)² + 10·(1−b)² + 5·(1−b)²] / 16.1
///    = [(25600 + 210250 + 10 + 5) / 25921] / 16.1 = 235865 / 25921 / 16.1
///    = 14650/25921 ≈ 0.565 178 812 545 812 3
/// a  = s² − b/(Σx/m) = 14650/25921 − (160/161)/4.025 = 14650/25921 − 6400/25921
///    = 8250/25921 ≈ 0.318 274 757 918 290 2
/// shrink_i = a / (a + b/x_i): b/x = [160/161, 1600/161, 16/161, 32/161]
///    → [825/3401, 165/5317, 4125/5413, 4125/6701]
/// EB_i = b + shrink_i (p_i − b)
///    → [0.752 719 788 297 559 6, 1.273 274 402 858 755, 0.998 522 076 482 542, 0.997 612 296 672 138 5]
#[test]
fn eb_worked_example() {
    let e = eb_rates(&[0.0, 1.0, 10.0, 5.0], &[1.0, 0.1, 10.0, 5.0]);
    assert!(close(e.b, 160.0 / 161.0));
    assert!(close(e.s2, 14650.0 / 25921.0));
    assert!(close(e.a, 8250.0 / 25921.0));
    let b = 160.0 / 161.0;
    let want = [
        b + 825.0 / 3401.0 * (0.0 - b),
        b + 165.0 / 5317.0 * (10.0 - b),
        b + 4125.0 / 5413.0 * (1.0 - b),
        b + 4125.0 / 6701.0 * (1.0 - b),
    ];
    let printed = [
        0.7527197882975596,
        1.273274402858755,
        0.998522076482542,
        0.9976122966721385,
    ];
    for i in 0..4 {
        assert!(
            close(e.rates[i], want[i]) && close(e.rates[i], printed[i]),
            "{i}: {}",
            e.rates[i]
        );
    }
    // The tiny area with one event (p = 10) is pulled almost all the way to b.
    assert!(e.rates[1] < 1.3);
}

#[test]
fn eb_degenerate_cases() {
    // No events: all zero. Prior variance clipped at 0: complete shrinkage to b.
    assert_eq!(eb_rates(&[0.0, 0.0], &[1.0, 2.0]).rates, vec![0.0, 0.0]);
    let e = eb_rates(&[1.0, 1.0], &[1.0, 1.0]);
    assert_eq!((e.a, e.rates.clone()), (0.0, vec![1.0, 1.0]));
    // Zero exposure gets the global rate.
    let e = eb_rates(&[1.0, 3.0], &[0.0, 2.0]);
    assert_eq!(e.rates[0], e.b);
}

#[test]
fn decay_half_life_and_coarse() {
    let p = RiskParams::new(1000);
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
            diffusion_resolution: 12,
            ..ok.clone()
        },
    ] {
        assert!(bad.validate().is_err(), "{bad:?}");
    }
}

#[test]
fn log_normalisation() {
    assert_eq!(normalise(0.0, 0.0), 0.0);
    assert_eq!(normalise(5.0, 5.0), 1.0);
    // ln(1+1)/ln(1+3) = ln 2 / ln 4 = 0.5
    assert!(close(normalise(1.0, 3.0), 0.5));
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
