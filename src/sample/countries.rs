//! The seven countries of the sample: ACLED names and codes, and the names
//! of their state forces, which change with governments.

/// A date as a sortable number, yyyymmdd.
pub(crate) type Ymd = u32;

pub(crate) const fn ymd(y: u32, m: u32, d: u32) -> Ymd {
    y * 10_000 + m * 100 + d
}

pub(crate) struct Country {
    pub iso3: &'static str,
    /// ACLED numeric ISO 3166 code.
    pub iso: u16,
    /// ACLED's country name.
    pub name: &'static str,
    /// Coastal state (Gulf of Guinea): only its north is in the sample.
    pub coastal: bool,
    /// (first day, military name) in date order.
    pub military: &'static [(Ymd, &'static str)],
    pub police: &'static [(Ymd, &'static str)],
    pub civilians: &'static str,
    pub protesters: &'static str,
    pub rioters: &'static str,
    pub unidentified: &'static str,
    /// Who speaks for the army in a government claim.
    pub army_source: &'static str,
    /// The army in notes ("the Malian army").
    pub army_words: &'static str,
}

macro_rules! country {
    ($iso3:literal, $iso:literal, $name:literal, $coastal:literal, $army:literal, $words:literal,
     [$(($d:expr, $m:literal)),* $(,)?], [$(($pd:expr, $p:literal)),* $(,)?]) => {
        Country {
            iso3: $iso3,
            iso: $iso,
            name: $name,
            coastal: $coastal,
            military: &[$(($d, $m)),*],
            police: &[$(($pd, $p)),*],
            civilians: concat!("Civilians (", $name, ")"),
            protesters: concat!("Protesters (", $name, ")"),
            rioters: concat!("Rioters (", $name, ")"),
            unidentified: concat!("Unidentified Armed Group (", $name, ")"),
            army_source: $army,
            army_words: $words,
        }
    };
}

pub(crate) static COUNTRIES: [Country; 7] = [
    country!(
        "MLI",
        466,
        "Mali",
        false,
        "Malian Armed Forces (FAMa) communiqué",
        "the Malian army",
        [
            (0, "Military Forces of Mali (2013-2020)"),
            (ymd(2020, 8, 18), "Military Forces of Mali (2020-2021)"),
            (ymd(2021, 5, 24), "Military Forces of Mali (2021-)")
        ],
        [
            (0, "Police Forces of Mali (2013-2020)"),
            (ymd(2020, 8, 18), "Police Forces of Mali (2020-2021)"),
            (ymd(2021, 5, 24), "Police Forces of Mali (2021-)")
        ]
    ),
    country!(
        "BFA",
        854,
        "Burkina Faso",
        false,
        "Burkinabe army general staff communiqué",
        "the Burkinabe army",
        [
            (0, "Military Forces of Burkina Faso (2015-2022)"),
            (ymd(2022, 1, 24), "Military Forces of Burkina Faso (2022-)")
        ],
        [
            (0, "Police Forces of Burkina Faso (2015-2022)"),
            (ymd(2022, 1, 24), "Police Forces of Burkina Faso (2022-)")
        ]
    ),
    country!(
        "NER",
        562,
        "Niger",
        false,
        "Nigerien Armed Forces (FAN) communiqué",
        "the Nigerien army",
        [
            (0, "Military Forces of Niger (2011-2021)"),
            (ymd(2021, 4, 2), "Military Forces of Niger (2021-2023)"),
            (ymd(2023, 7, 26), "Military Forces of Niger (2023-)")
        ],
        [
            (0, "Police Forces of Niger (2011-2021)"),
            (ymd(2021, 4, 2), "Police Forces of Niger (2021-2023)"),
            (ymd(2023, 7, 26), "Police Forces of Niger (2023-)")
        ]
    ),
    country!(
        "BEN",
        204,
        "Benin",
        true,
        "Beninese Armed Forces (FAB) communiqué",
        "the Beninese army",
        [(0, "Military Forces of Benin (2016-)")],
        [(0, "Police Forces of Benin (2016-)")]
    ),
    country!(
        "TGO",
        768,
        "Togo",
        true,
        "Togolese Armed Forces (FAT) communiqué",
        "the Togolese army",
        [(0, "Military Forces of Togo (2005-)")],
        [(0, "Police Forces of Togo (2005-)")]
    ),
    country!(
        "GHA",
        288,
        "Ghana",
        true,
        "Ghana Armed Forces communiqué",
        "the Ghanaian army",
        [
            (0, "Military Forces of Ghana (2017-2025)"),
            (ymd(2025, 1, 7), "Military Forces of Ghana (2025-)")
        ],
        [
            (0, "Police Forces of Ghana (2017-2025)"),
            (ymd(2025, 1, 7), "Police Forces of Ghana (2025-)")
        ]
    ),
    country!(
        "CIV",
        384,
        "Ivory Coast",
        true,
        "Armed Forces of Ivory Coast (FACI) communiqué",
        "the Ivorian army",
        [(0, "Military Forces of Ivory Coast (2011-)")],
        [(0, "Police Forces of Ivory Coast (2011-)")]
    ),
];

pub(crate) fn country(iso3: &str) -> Option<&'static Country> {
    let iso3 = iso3.trim();
    COUNTRIES.iter().find(|c| c.iso3.eq_ignore_ascii_case(iso3))
}

fn by_date(table: &'static [(Ymd, &'static str)], date: Ymd) -> &'static str {
    table
        .iter()
        .rev()
        .find(|(from, _)| *from <= date)
        .map_or(table[0].1, |e| e.1)
}

impl Country {
    pub fn military_at(&self, date: Ymd) -> &'static str {
        by_date(self.military, date)
    }

    pub fn police_at(&self, date: Ymd) -> &'static str {
        by_date(self.police, date)
    }

    /// Index in [`COUNTRIES`].
    pub fn index(&self) -> usize {
        COUNTRIES
            .iter()
            .position(|c| c.iso3 == self.iso3)
            .unwrap_or(0)
    }
}

pub(crate) const REGION: &str = "Western Africa";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forces_change_with_governments() {
        let mali = country("mli").unwrap();
        assert_eq!(
            mali.military_at(ymd(2019, 3, 1)),
            "Military Forces of Mali (2013-2020)"
        );
        assert_eq!(
            mali.military_at(ymd(2025, 7, 1)),
            "Military Forces of Mali (2021-)"
        );
        let bf = country("BFA").unwrap();
        assert_eq!(
            bf.military_at(ymd(2022, 6, 1)),
            "Military Forces of Burkina Faso (2022-)"
        );
        let ne = country("NER").unwrap();
        assert_eq!(
            ne.military_at(ymd(2023, 8, 1)),
            "Military Forces of Niger (2023-)"
        );
        assert_eq!(country("CIV").unwrap().civilians, "Civilians (Ivory Coast)");
        assert!(country("SEN").is_none());
        assert_eq!(COUNTRIES[3].index(), 3);
    }
}
