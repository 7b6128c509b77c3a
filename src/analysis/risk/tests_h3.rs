//! H3 unit sets: coverage by centre, lookup assignment, diffusion counts.

use super::testutil::{Ev, rect};
use super::{RiskError, RiskParams, UnitSet, assign, score};
use geo::{Contains, Point};
use h3o::{CellIndex, LatLng, Resolution};
use std::sync::atomic::{AtomicBool, AtomicU32};

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn cells_with_centre_inside_become_units() {
    let within = [rect(0.0, 0.0, 2.0, 2.0), rect(1.0, 0.0, 3.0, 1.0)];
    let set = UnitSet::h3(5, &within, &names(&["A", "B"])).unwrap();
    assert_eq!(set.h3_resolution(), Some(5));
    // Σ cell areas ≈ area covered (2°×2° + the 1°×1° of B outside A ≈ 5 × 12 300 km²).
    let covered: f64 = set.areas_km2().iter().sum();
    assert!(
        (covered - 5.0 * 12_300.0).abs() < 0.05 * 5.0 * 12_300.0,
        "{covered}"
    );
    for (u, area) in set.units().iter().zip(set.areas_km2()) {
        let cell: CellIndex = u.id.parse().unwrap();
        assert_eq!(u.name, u.id);
        let c = LatLng::from(cell);
        let centre = Point::new(c.lng(), c.lat());
        let expected = if within[0].contains(&centre) {
            "A"
        } else {
            "B"
        };
        assert_eq!(u.country, expected, "first polygon containing the centre");
        assert!(
            within
                .iter()
                .any(|w| w.contains(&centre) || geo::Intersects::intersects(w, &centre))
        );
        assert_eq!(u.shape.0[0].exterior().0.len(), 7, "hexagon ring, closed");
        assert!(
            (*area - cell.area_km2()).abs() < 0.01 * cell.area_km2(),
            "{area}"
        );
    }
}

#[test]
fn events_located_by_cell_lookup() {
    let set = UnitSet::h3(6, &[rect(0.0, 0.0, 1.0, 1.0)], &names(&["A"])).unwrap();
    for k in 0..400 {
        let (x, y) = (0.05 + 0.0023 * k as f64, 0.95 - 0.0021 * k as f64);
        let cell = LatLng::new(y, x).unwrap().to_cell(Resolution::Six);
        match set.locate(x, y) {
            Some(u) => assert_eq!(set.units()[u].id, cell.to_string()),
            None => assert!(!set.units().iter().any(|u| u.id == cell.to_string())),
        }
    }
    assert_eq!(set.locate(10.0, 10.0), None);
    assert_eq!(set.locate(0.5, 95.0), None, "invalid latitude");
}

#[test]
fn neighbours_and_scoring_on_h3_units() {
    let set = UnitSet::h3(5, &[rect(0.0, 0.0, 1.0, 1.0)], &names(&["A"])).unwrap();
    let cancel = AtomicBool::new(false);
    // Interior hexagons have the 18 cells of the two rings around them (k = 2 at res 5).
    let most = set.neighbours().iter().map(Vec::len).max().unwrap();
    assert_eq!(most, 18);
    let mut ev = Ev::new(&[true]);
    ev.push(0.5, 0.5, 100, 3, true, false, &[0])
        .push(0.51, 0.5, 100, 0, false, false, &[0]);
    let p = RiskParams::for_units(&set, 100);
    let a = assign(&set, &ev.view(None), &cancel, &AtomicU32::new(0)).unwrap();
    let t = score(&a, &ev.view(None), &p).unwrap();
    assert_eq!(t.rows.len(), set.len());
    assert_eq!(t.rows.iter().map(|r| r.events).sum::<u32>(), 2);
    let top = t.rows.iter().find(|r| r.rank == 1).unwrap();
    assert!(top.score > 0.0 && top.events == 2, "{top:?}");
    // Its neighbours expect some violence too; far cells less.
    let around = set.neighbours()[top.unit].len();
    let warmed = t
        .rows
        .iter()
        .filter(|r| r.events == 0 && r.score > 0.0)
        .count();
    assert!(warmed >= around, "{warmed} < {around}");
}

#[test]
fn unsupported_resolution_and_bad_names() {
    let w = [rect(0.0, 0.0, 1.0, 1.0)];
    assert!(matches!(
        UnitSet::h3(7, &w, &names(&["A"])),
        Err(RiskError::InvalidParams(_))
    ));
    assert!(matches!(
        UnitSet::h3(5, &w, &names(&[])),
        Err(RiskError::InvalidUnits(_))
    ));
}
