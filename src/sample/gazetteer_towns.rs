//! Towns for the sample, taken from the bundled gazetteer: the seven countries the sample
//! covers, with the admin-1 region found by point-in-polygon (GeoNames only gives codes).

use crate::geodata::GeoData;

use super::towns::Town;

/// ISO 3166 alpha-2 (GeoNames) to alpha-3 for the countries the sample covers.
const COUNTRIES: [(&str, &str); 7] = [
    ("ML", "MLI"),
    ("BF", "BFA"),
    ("NE", "NER"),
    ("BJ", "BEN"),
    ("TG", "TGO"),
    ("GH", "GHA"),
    ("CI", "CIV"),
];

/// Places with at least this population pull events (villages would only add noise).
const MIN_POPULATION: u32 = 2_000;

pub fn gazetteer_towns(geo: &GeoData) -> Vec<Town> {
    let mut towns: Vec<Town> = geo
        .gazetteer
        .places
        .iter()
        .filter(|p| p.population >= MIN_POPULATION)
        .filter_map(|p| {
            let iso3 = COUNTRIES.iter().find(|(a2, _)| *a2 == p.country)?.1;
            let region = geo
                .admin1
                .locate(p.lon, p.lat)
                .map(|i| &geo.admin1.regions[i])?;
            (region.country == iso3)
                .then(|| Town::new(&p.name, p.lon, p.lat, iso3, &region.name, p.population))
        })
        .collect();
    // The gazetteer is sorted by importance; the generator wants a stable, documented order.
    towns.sort_by(|a, b| a.name.cmp(&b.name).then(a.lon.total_cmp(&b.lon)));
    towns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn towns_cover_the_seven_countries_with_region_names() {
        let geo = GeoData::embedded();
        let towns = gazetteer_towns(&geo);
        assert!(towns.len() > 500, "{}", towns.len());
        for (_, iso3) in COUNTRIES {
            assert!(towns.iter().any(|t| t.country_iso3 == iso3), "{iso3}");
        }
        let djibo = towns.iter().find(|t| t.name == "Djibo").expect("Djibo");
        assert_eq!(djibo.admin1, "Sahel");
    }
}
