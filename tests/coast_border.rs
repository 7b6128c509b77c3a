//! Signed distance to the coastal states' northern border (the Sahel border by default, the
//! whole land border as an option), and the country an incident counts in.

#[path = "coast_common/brute.rs"]
mod brute;
#[path = "coast_common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use geo::{LineString, MultiPolygon};
use sahel_risk::analysis::coast::{BorderIndex, BorderKind, COASTAL_STATES, CoastIndex};

fn border() -> BorderIndex {
    let countries = common::countries();
    BorderIndex::new(
        countries.iter().map(|(i, s)| (i.as_str(), s)),
        &COASTAL_STATES,
    )
}

fn whole_land_border() -> BorderIndex {
    let countries = common::countries();
    BorderIndex::with_kind(
        countries.iter().map(|(i, s)| (i.as_str(), s)),
        &COASTAL_STATES,
        BorderKind::WholeLandBorder,
    )
}

/// The loose ends of the measured border's stretches joined end to end.
fn loose_ends(b: &BorderIndex) -> Vec<(f64, f64)> {
    let mut degree: BTreeMap<(i64, i64), usize> = BTreeMap::new();
    for stretch in b.land_border() {
        let line = &stretch.line.0;
        for c in [line[0], line[line.len() - 1]] {
            *degree
                .entry(((c.x * 1e5).round() as i64, (c.y * 1e5).round() as i64))
                .or_default() += 1;
        }
    }
    degree
        .iter()
        .filter(|(_, d)| **d != 2)
        .map(|(k, _)| (k.0 as f64 / 1e5, k.1 as f64 / 1e5))
        .collect()
}

#[test]
fn sahel_border_is_one_line_between_the_tripoints() {
    let b = border();
    assert_eq!(b.kind(), BorderKind::Sahel);
    let stats = b.stats();
    let neighbours: Vec<&str> = stats.by_neighbour.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(neighbours, ["BFA", "MLI", "NER"]);
    assert!(stats.land_edges > 500 && stats.unmeasured_land_edges > 500);
    let whole = whole_land_border().stats().clone();
    assert_eq!(
        stats.land_edges + stats.unmeasured_land_edges,
        whole.land_edges
    );
    // One line from the Côte d'Ivoire–Mali–Guinea tripoint to the Benin–Niger–Nigeria
    // tripoint, both ends far inland.
    let ends = loose_ends(&b);
    assert_eq!(ends.len(), 2, "{ends:?}");
    let sea = CoastIndex::new(&common::coastline());
    for (lon, lat) in &ends {
        assert!(sea.distance_km(*lon, *lat) > 300.0, "end ({lon}, {lat})");
    }
    assert!((-8.6..-7.8).contains(&ends[0].0) && (3.5..3.9).contains(&ends[1].0));
    // Natural Earth: about 2,200 km, against about 4,060 km for the whole land border.
    let (sahel_km, whole_km) = (b.length_km(), whole_land_border().length_km());
    assert!((2_100.0..2_300.0).contains(&sahel_km), "{sahel_km}");
    assert!((3_950.0..4_150.0).contains(&whole_km), "{whole_km}");
}

#[test]
fn kandi_is_measured_to_the_sahel_not_nigeria() {
    // Kandi (Benin): 92 km from the border with Burkina Faso (the W park, where Benin, Burkina
    // Faso and Niger meet); the whole land border put it 66 km from Nigeria.
    let (lon, lat) = (2.94, 11.13);
    let sahel = border().locate(lon, lat).unwrap();
    assert!((-95.0..-89.0).contains(&sahel.km), "{sahel:?}");
    assert_eq!(
        (sahel.coastal.as_str(), sahel.neighbour.as_str()),
        ("BEN", "BFA")
    );
    let whole = whole_land_border().locate(lon, lat).unwrap();
    assert!((-69.0..-63.0).contains(&whole.km), "{whole:?}");
    assert_eq!(whole.neighbour, "NGA");
    // Lagos and Kankan are outside the coastal states: positive, measured to the Sahel border.
    let lagos = border().locate(3.39, 6.45).unwrap();
    assert!(lagos.km > 500.0 && lagos.neighbour != "NGA", "{lagos:?}");
    let kankan = border().locate(-9.30, 10.38).unwrap();
    assert!(kankan.km > 0.0 && kankan.neighbour == "MLI", "{kankan:?}");
}

#[test]
fn country_of_a_point() {
    let b = border();
    assert_eq!(b.country_at(2.94, 11.13), Some("BEN"));
    assert_eq!(b.country_at(3.39, 6.6), Some("NGA"));
    assert_eq!(b.country_at(-1.52, 12.37), Some("BFA"));
    assert_eq!(b.country_at(0.0, 3.0), None);
    assert_eq!(b.country_at(f64::NAN, 3.0), None);
    assert!(b.is_coastal("GHA") && !b.is_coastal("NGA"));
}

#[test]
fn land_border_is_one_line_from_liberia_to_nigeria() {
    let b = whole_land_border();
    let stats = b.stats();
    assert_eq!(stats.coastal_found, ["BEN", "CIV", "GHA", "TGO"]);
    let neighbours: Vec<&str> = stats.by_neighbour.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(neighbours, ["BFA", "GIN", "LBR", "MLI", "NER", "NGA"]);
    assert!(stats.land_edges > 1000 && stats.internal_edges > 0 && stats.unshared_edges > 0);
    assert_eq!(stats.unmeasured_land_edges, 0);
    // Joined end to end, the stretches make one line: two loose ends, both on the sea.
    let mut degree: BTreeMap<(i64, i64), usize> = BTreeMap::new();
    for stretch in b.land_border() {
        let line = &stretch.line.0;
        for c in [line[0], line[line.len() - 1]] {
            *degree
                .entry(((c.x * 1e5).round() as i64, (c.y * 1e5).round() as i64))
                .or_default() += 1;
        }
    }
    let ends: Vec<(f64, f64)> = degree
        .iter()
        .filter(|(_, d)| **d != 2)
        .map(|(k, _)| (k.0 as f64 / 1e5, k.1 as f64 / 1e5))
        .collect();
    assert_eq!(ends.len(), 2, "{ends:?}");
    let sea = CoastIndex::new(&common::coastline());
    for (lon, lat) in &ends {
        assert!(
            sea.distance_km(*lon, *lat) < 3.0,
            "end ({lon}, {lat}) is not on the coast"
        );
    }
    let lons: Vec<f64> = ends.iter().map(|e| e.0).collect();
    assert!(lons[0] < -7.0 && lons[1] > 2.5, "{ends:?}"); // Liberia ... Nigeria
}

#[test]
fn signs_and_sanity_values() {
    let b = border();
    let s = |lon, lat| b.signed_km(lon, lat);
    // Ouagadougou: about 150 km north of the Ghana/Togo border.
    let ouaga = s(-1.5197, 12.3714);
    assert!((100.0..200.0).contains(&ouaga), "Ouagadougou {ouaga}");
    assert_eq!(b.locate(-1.5197, 12.3714).unwrap().neighbour, "BFA");
    // Tamale, Kumasi, Lomé, Abidjan, Cotonou, Parakou, Sokodé, Bouaké: inside.
    for (name, lon, lat) in [
        ("Tamale", -0.85, 9.40),
        ("Kumasi", -1.62, 6.69),
        ("Lomé", 1.222, 6.128),
        ("Abidjan", -4.03, 5.32),
        ("Cotonou", 2.42, 6.37),
        ("Parakou", 2.62, 9.34),
        ("Sokodé", 1.13, 8.98),
        ("Bouaké", -5.03, 7.69),
        ("sea off Ghana", 0.0, 4.0),
        ("sea off Côte d'Ivoire", -5.0, 3.5),
    ] {
        assert!(s(lon, lat) < 0.0, "{name}: {}", s(lon, lat));
    }
    // Sahel states and the other neighbours: outside.
    for (name, lon, lat) in [
        ("Bobo-Dioulasso", -4.30, 11.18),
        ("Sikasso", -5.67, 11.32),
        ("Niamey", 2.11, 13.51),
        ("Bamako", -8.0, 12.64),
        ("Kano", 8.52, 12.0),
        ("Lagos", 3.39, 6.45),
        ("Kankan", -9.30, 10.38),
        ("Monrovia", -10.80, 6.30),
        ("sea off Senegal", -18.0, 14.0),
        ("Sahara", 5.0, 24.0),
    ] {
        assert!(s(lon, lat) > 0.0, "{name}: {}", s(lon, lat));
    }
    // Tamale is about 170 km south of the Burkina Faso border.
    assert!((120.0..220.0).contains(&-s(-0.85, 9.40)));
    // The sign does not depend on the border measured.
    let w = whole_land_border();
    for (lon, lat) in [(-0.85, 9.40), (3.39, 6.45), (-9.30, 10.38), (0.0, 4.0)] {
        assert_eq!(
            s(lon, lat) < 0.0,
            w.signed_km(lon, lat) < 0.0,
            "({lon}, {lat})"
        );
    }
}

#[test]
fn sign_flips_at_the_border() {
    // Walking north along 1°W from Ghana into Burkina Faso: one sign change, at the border.
    let b = border();
    let walk: Vec<(f64, f64)> = (0..500)
        .map(|i| 8.0 + i as f64 * 0.01)
        .map(|lat| (lat, b.signed_km(-1.0, lat)))
        .collect();
    let flips: Vec<_> = walk
        .windows(2)
        .filter(|w| (w[0].1 < 0.0) != (w[1].1 < 0.0))
        .collect();
    assert_eq!(flips.len(), 1, "{flips:?}");
    let (before, after) = (flips[0][0], flips[0][1]);
    assert!(before.1 < 0.0 && after.1 > 0.0);
    assert!(-before.1 < 1.2 && after.1 < 1.2, "{before:?} {after:?}");
    assert!((10.9..11.2).contains(&before.0), "{before:?}");
}

#[test]
fn magnitude_matches_brute_force_to_the_land_border() {
    for b in [border(), whole_land_border()] {
        brute_force_check(&b);
    }
}

fn brute_force_check(b: &BorderIndex) {
    let lines: Vec<LineString<f64>> = b.land_border().iter().map(|l| l.line.clone()).collect();
    let mut x: u64 = 0x0bad_5eed;
    let mut rnd = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..100 {
        let (lon, lat) = (-18.0 + 34.0 * rnd(), 3.0 + 23.0 * rnd());
        let reference = brute::distance_km(&lines, [lon, lat]);
        let d = b.signed_km(lon, lat).abs();
        assert!(
            (d - reference).abs() <= 1e-3 * reference + 1e-6,
            "({lon}, {lat}): {d} vs {reference}"
        );
    }
}

#[test]
fn many_invalid_and_degenerate() {
    let b = border();
    let points = [
        [-1.52, 12.37],
        [f64::NAN, 1.0],
        [0.0, 100.0],
        [-0.85, 9.4],
        [500.0, 10.0],
    ];
    let many = b.signed_km_many(&points);
    for (p, d) in points.iter().zip(&many) {
        assert_eq!(b.signed_km(p[0], p[1]).to_bits(), d.to_bits());
    }
    assert!(many[1].is_nan() && many[2].is_nan() && b.locate(f64::NAN, 0.0).is_none());
    assert!(many[4].is_finite());
    // No coastal state found: no land border, NaN everywhere, no panic.
    let countries = common::countries();
    let none = BorderIndex::new(countries.iter().map(|(i, s)| (i.as_str(), s)), &["XXX"]);
    assert_eq!(none.stats().land_edges, 0);
    assert!(none.signed_km(0.0, 10.0).is_nan());
    // A coastal state with no neighbour in the input (island): no land border either.
    let alone = BorderIndex::new(
        countries
            .iter()
            .filter(|(i, _)| i == "GHA")
            .map(|(i, s)| (i.as_str(), s)),
        &["GHA"],
    );
    assert_eq!(alone.stats().land_edges, 0);
    assert!(alone.signed_km(-1.0, 8.0).is_nan());
    let empty: Vec<(&str, &MultiPolygon<f64>)> = Vec::new();
    assert!(
        BorderIndex::new(empty, &COASTAL_STATES)
            .signed_km(0.0, 0.0)
            .is_nan()
    );
}

mod readout {
    //! The band counts: which incidents count north of the border, and in which country.
    use chrono::NaiveDate;
    use sahel_risk::analysis::IncidentColumns;
    use sahel_risk::analysis::coast::{
        BorderKind, CoastDistances, CoastReadout, DEFAULT_BANDS_KM, Side, indexes_for_kind,
    };
    use sahel_risk::geodata::GeoData;
    use sahel_risk::model::{Actor, Dataset, DatePrecision, EventDate, IStr, Incident};

    fn incident(id: &str, actor: &str, country: Option<&str>, lon: f64, lat: f64) -> Incident {
        let day = NaiveDate::from_ymd_opt(2025, 5, 10).unwrap();
        let mut i = Incident::new(
            IStr::new(id),
            Dataset::Acled,
            EventDate::day(day, DatePrecision::Day),
            lon,
            lat,
        );
        i.actor1 = Some(Actor {
            name: IStr::new(actor),
            kind: None,
            associated: Vec::new(),
        });
        i.country = country.map(IStr::new);
        i
    }

    const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";

    fn readout(incidents: &[Incident], kind: BorderKind) -> (CoastDistances, CoastReadout) {
        let geo = GeoData::embedded();
        let (sea, border) = indexes_for_kind(&geo, kind);
        let columns = IncidentColumns::new(incidents);
        let d = CoastDistances::compute(&columns, &sea, &border);
        let all: Vec<u32> = (0..incidents.len() as u32).collect();
        let r = CoastReadout::compute(&columns, &d, &all, &DEFAULT_BANDS_KM, 0.5);
        (d, r)
    }

    fn counts(r: &CoastReadout) -> Vec<usize> {
        r.bands.iter().map(|b| b.last_12m).collect()
    }

    #[test]
    fn a_jnim_row_inside_nigeria_is_not_north_of_the_border() {
        // 3.9°E 11.5°N: Nigeria, near the Benin–Niger–Nigeria tripoint.
        let rows = [incident("ng", JNIM, Some("Nigeria"), 3.9, 11.5)];
        let (d, r) = readout(&rows, BorderKind::Sahel);
        // Its distance alone would put it in the 100 km band...
        assert!(d.border_km[0] > 0.0 && d.border_km[0] < 100.0, "{d:?}");
        assert_eq!(d.side[0], Side::Other);
        // ... but it is not in Mali, Burkina Faso or Niger.
        assert_eq!(counts(&r), [0, 0, 0]);
        assert_eq!(r.inside, (0, 0));
        // The whole-land-border option keeps the old measure: 50 km from Benin.
        let (d, r) = readout(&rows, BorderKind::WholeLandBorder);
        assert!(d.border_km[0] > 10.0 && d.border_km[0] <= 50.0, "{d:?}");
        assert_eq!(counts(&r), [0, 1, 1]);
        assert_eq!(r.border, BorderKind::WholeLandBorder);
    }

    #[test]
    fn bands_count_by_the_datasets_country_and_flag_mismatches() {
        let rows = [
            // 0: Burkina Faso, north of Ghana.
            incident("bf", JNIM, Some("Burkina Faso"), -1.0, 11.3),
            // 1: said to be in Burkina Faso, the point is in Ghana.
            incident("bf-in-gh", JNIM, Some("Burkina Faso"), -1.0, 10.85),
            // 2: said to be in Ghana, the point is in Burkina Faso.
            incident("gh-in-bf", JNIM, Some("Ghana"), -1.0, 11.3),
            // 3: no country: the polygon (Niger) decides.
            incident("ne", JNIM, None, 3.2, 12.1),
            // 4: an unidentified armed group: beside, not among the jihadist.
            incident(
                "uag",
                "Unidentified Armed Group (Burkina Faso)",
                None,
                -1.0,
                11.3,
            ),
            // 5: a non-jihadist actor in the band: not counted.
            incident(
                "army",
                "Military Forces of Burkina Faso (2022-)",
                None,
                -1.0,
                11.3,
            ),
        ];
        let (d, r) = readout(&rows, BorderKind::Sahel);
        let km = |i: usize| d.border_km[i];
        assert!(km(0) > 0.0 && km(0) <= 50.0, "{}", km(0));
        assert!(km(1) < 0.0 && km(1) >= -50.0, "{}", km(1));
        assert!(km(3) > 0.0 && km(3) <= 100.0, "{}", km(3));
        assert_eq!(d.mismatch, [false, true, true, false, false, false]);
        assert_eq!(
            d.side[..4],
            [Side::Sahel, Side::Sahel, Side::Coastal, Side::Sahel]
        );
        assert_eq!((r.jihadist, r.unidentified), (4, 1));
        assert_eq!((r.country_mismatch, r.country_mismatch_jihadist), (2, 2));
        assert_eq!(r.mismatch_examples, [1, 2]);
        // Rows 0, 1 (counted in Burkina Faso at |km|) and 3, each in the bands it is near enough
        // for; not row 2 (Ghana's), nor 4 and 5.
        let in_band = |b: f64| [0, 1, 3].iter().filter(|&&i| km(i).abs() <= b).count();
        assert_eq!(counts(&r), [in_band(10.0), in_band(50.0), 3]);
        assert!(in_band(50.0) >= 2);
        assert_eq!(r.inside, (1, 0));
        assert_eq!(r.quarters[0].unidentified, 1);
        assert_eq!(r.quarters[0].n, 4);
    }
}
