//! The dataset's country of an incident as an ISO 3166-1 alpha-3 code, to compare with the
//! polygon the incident's point falls in.
//!
//! ACLED and UCDP GED name countries in English ("Burkina Faso", "Ivory Coast"); the bundled
//! Natural Earth countries carry iso3 codes. [`iso3_of_country_name`] maps the names of the
//! bundled countries (with the spellings the two datasets, French and the save format use) to
//! their codes; names are compared folded (case, accents and punctuation ignored).

use crate::geodata::fold;

/// (iso3, spellings): every country of the bundled geodata.
const NAMES: &[(&str, &[&str])] = &[
    ("BEN", &["Benin", "Bénin", "Dahomey"]),
    ("BFA", &["Burkina Faso", "Burkina", "Upper Volta"]),
    ("CAF", &["Central African Republic", "Centrafrique"]),
    (
        "CIV",
        &[
            "Ivory Coast",
            "Côte d'Ivoire",
            "Cote d'Ivoire",
            "Cote dIvoire",
        ],
    ),
    ("CMR", &["Cameroon", "Cameroun"]),
    ("DZA", &["Algeria", "Algérie"]),
    ("ESH", &["Western Sahara", "Sahara Occidental"]),
    ("GHA", &["Ghana"]),
    ("GIN", &["Guinea", "Guinée", "Guinea-Conakry"]),
    ("GMB", &["Gambia", "The Gambia", "Gambie"]),
    ("GNB", &["Guinea-Bissau", "Guinée-Bissau"]),
    ("GNQ", &["Equatorial Guinea", "Guinée équatoriale"]),
    ("LBR", &["Liberia"]),
    ("LBY", &["Libya", "Libye"]),
    ("MAR", &["Morocco", "Maroc"]),
    ("MLI", &["Mali"]),
    ("MRT", &["Mauritania", "Mauritanie"]),
    ("NER", &["Niger"]),
    ("NGA", &["Nigeria", "Nigéria"]),
    ("SEN", &["Senegal", "Sénégal"]),
    ("SLE", &["Sierra Leone"]),
    ("TCD", &["Chad", "Tchad"]),
    ("TGO", &["Togo"]),
];

/// The iso3 code of a dataset's country name (or of an iso3 code itself); `None` for an empty
/// or unknown name.
///
/// ```
/// use sahel_risk::analysis::coast::iso3_of_country_name;
/// assert_eq!(iso3_of_country_name("Ivory Coast"), Some("CIV"));
/// assert_eq!(iso3_of_country_name("burkina faso"), Some("BFA"));
/// assert_eq!(iso3_of_country_name("NER"), Some("NER"));
/// assert_eq!(iso3_of_country_name(""), None);
/// ```
pub fn iso3_of_country_name(name: &str) -> Option<&'static str> {
    let folded = fold(name);
    if folded.is_empty() {
        return None;
    }
    NAMES
        .iter()
        .find(|(iso3, names)| {
            folded == iso3.to_ascii_lowercase() || names.iter().any(|n| fold(n) == folded)
        })
        .map(|(iso3, _)| *iso3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datasets_spellings_and_lookalikes() {
        assert_eq!(iso3_of_country_name("Niger"), Some("NER"));
        assert_eq!(iso3_of_country_name("Nigeria"), Some("NGA"));
        assert_eq!(iso3_of_country_name("Guinea"), Some("GIN"));
        assert_eq!(iso3_of_country_name("Guinea-Bissau"), Some("GNB"));
        assert_eq!(iso3_of_country_name("Côte d’Ivoire"), Some("CIV"));
        assert_eq!(iso3_of_country_name(" Mali "), Some("MLI"));
        assert_eq!(iso3_of_country_name("France"), None);
        assert_eq!(iso3_of_country_name("   "), None);
    }
}
