//! Towns the sample places events at, and a small built-in list so that
//! the sample also works without the gazetteer.

/// A populated place. The app passes the GeoNames gazetteer (countries
/// ML, BF, NE, BJ, TG, GH, CI mapped to ISO3); `admin1` should be the
/// region's name (it is copied into the incidents' admin1).
#[derive(Clone, Debug, PartialEq)]
pub struct Town {
    pub name: String,
    pub lon: f64,
    pub lat: f64,
    pub country_iso3: String,
    pub admin1: String,
    pub population: u32,
}

impl Town {
    pub fn new(
        name: &str,
        lon: f64,
        lat: f64,
        country_iso3: &str,
        admin1: &str,
        population: u32,
    ) -> Self {
        Town {
            name: name.to_string(),
            lon,
            lat,
            country_iso3: country_iso3.to_string(),
            admin1: admin1.to_string(),
            population,
        }
    }
}

/// (name, lat, lon, ISO3, admin1 as ACLED writes it, approximate population)
const BUILTIN: &[(&str, f64, f64, &str, &str, u32)] = &[
    // Mali
    ("Bamako", 12.60915, -7.97522, "MLI", "Bamako", 2_700_000),
    ("Kayes", 14.44776, -11.44393, "MLI", "Kayes", 127_000),
    ("Nioro du Sahel", 15.22932, -9.59277, "MLI", "Kayes", 33_000),
    ("Segou", 13.43170, -6.21570, "MLI", "Segou", 130_000),
    ("Niono", 14.25054, -5.98679, "MLI", "Segou", 35_000),
    ("Sikasso", 11.31755, -5.66654, "MLI", "Sikasso", 225_000),
    ("Mopti", 14.48430, -4.18296, "MLI", "Mopti", 120_000),
    ("Sevare", 14.53330, -4.09670, "MLI", "Mopti", 40_000),
    ("Djenne", 13.90608, -4.55332, "MLI", "Mopti", 33_000),
    ("Bandiagara", 14.35005, -3.61038, "MLI", "Mopti", 17_000),
    ("Bankass", 14.07800, -3.51700, "MLI", "Mopti", 12_000),
    ("Douentza", 15.00278, -2.94972, "MLI", "Mopti", 24_000),
    ("Boni", 15.07000, -2.22000, "MLI", "Mopti", 8_000),
    ("Timbuktu", 16.77348, -3.00742, "MLI", "Timbuktu", 55_000),
    ("Gao", 16.27167, -0.04472, "MLI", "Gao", 87_000),
    ("Ansongo", 15.65970, 0.50220, "MLI", "Gao", 30_000),
    ("Menaka", 15.91985, 2.39609, "MLI", "Menaka", 20_000),
    ("Kidal", 18.44111, 1.40778, "MLI", "Kidal", 26_000),
    // Burkina Faso
    (
        "Ouagadougou",
        12.36566,
        -1.53388,
        "BFA",
        "Centre",
        2_400_000,
    ),
    ("Djibo", 14.09864, -1.62665, "BFA", "Sahel", 60_000),
    ("Dori", 14.03540, -0.03450, "BFA", "Sahel", 46_000),
    ("Arbinda", 14.22970, -0.86670, "BFA", "Sahel", 30_000),
    ("Gorom-Gorom", 14.44390, -0.23610, "BFA", "Sahel", 10_000),
    ("Kaya", 13.09170, -1.08440, "BFA", "Centre-Nord", 120_000),
    ("Ouahigouya", 13.58278, -2.42158, "BFA", "Nord", 125_000),
    (
        "Dedougou",
        12.46340,
        -3.46070,
        "BFA",
        "Boucle du Mouhoun",
        63_000,
    ),
    ("Fada N'gourma", 12.06160, 0.35840, "BFA", "Est", 75_000),
    ("Pama", 11.24940, 0.70610, "BFA", "Est", 10_000),
    ("Diapaga", 12.07080, 1.78860, "BFA", "Est", 15_000),
    (
        "Bobo-Dioulasso",
        11.17715,
        -4.29790,
        "BFA",
        "Hauts-Bassins",
        900_000,
    ),
    ("Banfora", 10.63333, -4.76667, "BFA", "Cascades", 110_000),
    // Niger
    ("Niamey", 13.51366, 2.10980, "NER", "Niamey", 1_300_000),
    ("Tillaberi", 14.21170, 1.45310, "NER", "Tillaberi", 25_000),
    ("Ouallam", 14.31880, 2.08660, "NER", "Tillaberi", 20_000),
    ("Tera", 14.00780, 0.75310, "NER", "Tillaberi", 30_000),
    ("Ayorou", 14.73080, 0.91740, "NER", "Tillaberi", 10_000),
    ("Banibangou", 15.04060, 2.70250, "NER", "Tillaberi", 5_000),
    ("Torodi", 13.11670, 1.80000, "NER", "Tillaberi", 8_000),
    ("Tahoua", 14.88880, 5.26920, "NER", "Tahoua", 150_000),
    ("Maradi", 13.50000, 7.10170, "NER", "Maradi", 270_000),
    ("Diffa", 13.31540, 12.61130, "NER", "Diffa", 50_000),
    // Benin
    ("Natitingou", 10.30416, 1.37962, "BEN", "Atacora", 50_000),
    ("Tanguieta", 10.62120, 1.26480, "BEN", "Atacora", 25_000),
    ("Kandi", 11.13420, 2.93860, "BEN", "Alibori", 60_000),
    ("Malanville", 11.86180, 3.38620, "BEN", "Alibori", 40_000),
    // Togo
    ("Dapaong", 10.86230, 0.20760, "TGO", "Savanes", 60_000),
    ("Mango", 10.35920, 0.47080, "TGO", "Savanes", 50_000),
    // Ghana
    ("Bawku", 11.06160, -0.24170, "GHA", "Upper East", 70_000),
    (
        "Bolgatanga",
        10.78556,
        -0.85139,
        "GHA",
        "Upper East",
        80_000,
    ),
    // Cote d'Ivoire
    (
        "Ferkessedougou",
        9.59280,
        -5.19440,
        "CIV",
        "Savanes",
        60_000,
    ),
    ("Kong", 9.15100, -4.61030, "CIV", "Savanes", 20_000),
    ("Bouna", 9.26667, -3.00000, "CIV", "Zanzan", 40_000),
];

/// About fifty real towns of the region with approximate coordinates and
/// populations, for tests and for running without the gazetteer.
pub fn builtin_towns() -> Vec<Town> {
    BUILTIN
        .iter()
        .map(|&(name, lat, lon, iso3, admin1, pop)| Town::new(name, lon, lat, iso3, admin1, pop))
        .collect()
}
