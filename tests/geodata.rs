//! The embedded geodata: every expected unit present, geometry valid and inside the box,
//! the gazetteer, search and region hit-testing.

use geo::{CoordsIter, Length, Validation};
use sahel_risk::geodata::{BOX, GeoData, HitKind, RegionLevel, fold};
use std::sync::OnceLock;

fn geo() -> &'static GeoData {
    static GEO: OnceLock<GeoData> = OnceLock::new();
    GEO.get_or_init(GeoData::embedded)
}

fn names(level: RegionLevel, country: &str) -> Vec<String> {
    let mut v: Vec<String> = geo()
        .regions(level)
        .regions
        .iter()
        .filter(|r| r.country == country)
        .map(|r| fold(&r.name))
        .collect();
    v.sort();
    v
}

#[test]
fn expected_countries_are_present() {
    let isos: Vec<&str> = geo()
        .countries
        .regions
        .iter()
        .map(|r| r.country.as_str())
        .collect();
    for iso in [
        "MLI", "BFA", "NER", "BEN", "TGO", "GHA", "CIV", "SEN", "MRT", "GIN", "NGA", "GMB", "GNB",
        "SLE", "LBR", "DZA", "TCD",
    ] {
        assert!(
            isos.contains(&iso),
            "{iso} missing from countries: {isos:?}"
        );
    }
}

#[test]
fn mali_niger_and_burkina_units_are_present() {
    assert_eq!(
        names(RegionLevel::Admin1, "MLI"),
        [
            "bamako",
            "gao",
            "kayes",
            "kidal",
            "koulikoro",
            "mopti",
            "segou",
            "sikasso",
            "timbuktu"
        ]
    );
    assert_eq!(
        names(RegionLevel::Admin1, "NER"),
        [
            "agadez",
            "diffa",
            "dosso",
            "maradi",
            "niamey",
            "tahoua",
            "tillaberi",
            "zinder"
        ]
    );
    assert_eq!(
        names(RegionLevel::Admin1, "BFA"),
        [
            "boucle du mouhoun",
            "cascades",
            "centre",
            "centre est",
            "centre nord",
            "centre ouest",
            "centre sud",
            "est",
            "hauts bassins",
            "nord",
            "plateau central",
            "sahel",
            "sud ouest"
        ]
    );
    let provinces = names(RegionLevel::Province, "BFA");
    assert_eq!(provinces.len(), 45, "{provinces:?}");
    for p in [
        "kadiogo", "soum", "oudalan", "gourma", "tapoa", "houet", "yatenga",
    ] {
        assert!(provinces.contains(&p.to_owned()), "{p} missing");
    }
    // Every province names its region, and that region exists.
    let regions = names(RegionLevel::Admin1, "BFA");
    for p in &geo().provinces.regions {
        let parent = p.parent.as_deref().map(fold).unwrap_or_default();
        assert!(
            regions.contains(&parent),
            "{} has unknown region {parent:?}",
            p.name
        );
    }
}

#[test]
fn coastal_states_have_admin1_units() {
    for iso in ["BEN", "TGO", "GHA", "CIV"] {
        assert!(
            names(RegionLevel::Admin1, iso).len() >= 5,
            "{iso} has too few regions"
        );
    }
}

#[test]
fn polygons_are_valid_and_inside_the_box() {
    let g = geo();
    let inside = |x: f64, y: f64| {
        (BOX[0] - 1e-6..=BOX[2] + 1e-6).contains(&x) && (BOX[1] - 1e-6..=BOX[3] + 1e-6).contains(&y)
    };
    for level in [
        RegionLevel::Country,
        RegionLevel::Admin1,
        RegionLevel::Province,
    ] {
        for r in &g.regions(level).regions {
            assert!(
                r.shape.is_valid(),
                "{} ({:?}) invalid: {:?}",
                r.name,
                level,
                r.shape.validation_errors()
            );
            assert!(
                r.shape.coords_iter().all(|c| inside(c.x, c.y)),
                "{} outside the box",
                r.name
            );
        }
    }
    for a in g.land.iter().chain(&g.lakes) {
        assert!(a.shape.is_valid());
        assert!(a.shape.coords_iter().all(|c| inside(c.x, c.y)));
    }
    for l in g.coastline.iter().chain(&g.rivers) {
        assert!(l.line.coords_iter().all(|c| inside(c.x, c.y)));
    }
    assert!(!g.coastline.is_empty() && g.rivers.len() >= 5 && g.lakes.len() >= 3);
}

#[test]
fn ids_are_unique() {
    for level in [RegionLevel::Admin1, RegionLevel::Province] {
        let mut ids: Vec<&str> = geo()
            .regions(level)
            .regions
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids at {level:?}");
    }
}

#[test]
fn hit_testing_finds_the_right_units() {
    let g = geo();
    let at = |level: RegionLevel, lon: f64, lat: f64| {
        g.regions(level)
            .locate(lon, lat)
            .map(|i| g.regions(level).regions[i].name.clone())
    };
    assert_eq!(
        at(RegionLevel::Admin1, -7.97522, 12.60915).map(|n| fold(&n)),
        Some("bamako".into())
    );
    assert_eq!(
        at(RegionLevel::Admin1, -0.04472, 16.27167).map(|n| fold(&n)),
        Some("gao".into())
    );
    assert_eq!(
        at(RegionLevel::Admin1, -1.62665, 14.09864).map(|n| fold(&n)),
        Some("sahel".into())
    );
    assert_eq!(
        at(RegionLevel::Province, -1.62665, 14.09864).map(|n| fold(&n)),
        Some("soum".into())
    );
    assert_eq!(
        at(RegionLevel::Country, 2.1098, 13.51366).map(|n| fold(&n)),
        Some("niger".into())
    );
    // Offshore from Lomé: no region.
    assert_eq!(at(RegionLevel::Admin1, 1.2, 5.2), None);
}

#[test]
fn mali_and_burkina_share_a_border() {
    let g = geo();
    let borders = g.border_between("MLI", "BFA");
    let km: f64 = borders
        .iter()
        .map(|l| geo::Haversine.length(l) / 1000.0)
        .sum();
    // The Mali–Burkina Faso border is about 1,000 km long.
    assert!((800.0..1300.0).contains(&km), "border length {km} km");
}

#[test]
fn gazetteer_has_the_places_the_issues_name() {
    let g = geo();
    for (name, lat, lon) in [
        ("Bamako", 12.60915, -7.97522),
        ("Kayes", 14.44776, -11.44393),
        ("Diboli", 14.45511, -12.19945),
        ("Sandaré", 14.7038, -10.3057),
        ("Nioro du Sahel", 15.22932, -9.59277),
        ("Niono", 14.25054, -5.98679),
        ("Djibo", 14.09864, -1.62665),
        ("Ouagadougou", 12.36566, -1.53388),
        ("Niamey", 13.51366, 2.1098),
        ("Cotonou", 6.36536, 2.41833),
        ("Lomé", 6.12874, 1.22154),
    ] {
        let p = g
            .gazetteer
            .find_exact(name)
            .unwrap_or_else(|| panic!("{name} not in the gazetteer"));
        assert!(
            (p.lat - lat).abs() < 0.02 && (p.lon - lon).abs() < 0.02,
            "{name} at {} {}",
            p.lat,
            p.lon
        );
    }
    assert!(g.gazetteer.places.len() > 5000);
    assert_eq!(
        g.gazetteer.places[0].rank,
        sahel_risk::geodata::PlaceRank::Capital
    );
}

#[test]
fn search_ignores_accents_and_case_and_knows_aliases() {
    let g = geo();
    let first = |q: &str| {
        g.search(q, 5)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no hit for {q}"))
    };
    let segou = first("segou");
    assert_eq!(segou.name, "Ségou");
    assert!(matches!(
        segou.kind,
        HitKind::Region {
            level: RegionLevel::Admin1,
            ..
        }
    ));
    let a = first("Timbuktu");
    let b = first("tombouctou");
    assert_eq!(
        a.kind, b.kind,
        "Timbuktu and Tombouctou must find the same region"
    );
    assert_eq!(fold(&first("OUAGADOUGOU").name), "ouagadougou");
    assert_eq!(fold(&first("lome").name), "lome");
    assert!(g.search("zzqx", 5).is_empty());
}
