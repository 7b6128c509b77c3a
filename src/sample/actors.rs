//! Actor names as ACLED spells them, their kinds (inter codes), and who is
//! likely to act where and when.

use super::countries::{Country, Ymd, ymd};
use super::rng::Rng;
use crate::model::ActorKind;

pub const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
pub const ISGS: &str = "Islamic State (West Africa) - Greater Sahara Faction";
pub const IS_SAHEL: &str = "Islamic State Sahel Province";
pub const ANSAROUL_ISLAM: &str = "Ansaroul Islam";
pub const KATIBA_MACINA: &str = "Katiba Macina";
pub const ISWAP: &str = "Islamic State West Africa Province";
pub const JAS: &str = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad";
pub const WAGNER: &str = "Wagner Group";
pub const AFRICA_CORPS: &str = "Africa Corps";
pub const FRANCE: &str = "Military Forces of France (2017-)";
pub const MINUSMA: &str =
    "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2023)";
pub const VDP: &str = "VDP: Volunteers for the Defense of the Homeland";
pub const DAN_NA_AMBASSAGOU: &str = "Dan Na Ambassagou";
pub const KOGLWEOGO: &str = "Koglweogo Militia";
pub const DOZO_MALI: &str = "Dozo Communal Militia (Mali)";
pub const CMA: &str = "CMA: Coordination of Azawad Movements";
pub const CSP: &str = "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development";
pub const FLA: &str = "FLA: Azawad Liberation Front";

/// Groups the sample attributes jihadist violence to.
pub const JIHADIST: [&str; 7] = [
    JNIM,
    ISGS,
    IS_SAHEL,
    ANSAROUL_ISLAM,
    KATIBA_MACINA,
    ISWAP,
    JAS,
];

/// True for the jihadist groups (JNIM and its katibas, the Islamic State
/// branches, Boko Haram).
pub fn is_jihadist(name: &str) -> bool {
    JIHADIST.contains(&name)
}

/// One side of a generated event; `words` names it in notes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Side {
    pub name: &'static str,
    pub kind: ActorKind,
    pub assoc: Option<&'static str>,
    pub words: &'static str,
}

const fn side(name: &'static str, kind: ActorKind, words: &'static str) -> Side {
    Side {
        name,
        kind,
        assoc: None,
        words,
    }
}

/// Where and when an event happens, as the actor choice sees it.
pub(crate) struct Place<'a> {
    pub lon: f64,
    pub lat: f64,
    pub country: &'a Country,
    pub date: Ymd,
}

impl Place<'_> {
    fn near(&self, lon: f64, lat: f64, spread: f64) -> f64 {
        let d2 = (self.lon - lon).powi(2) + (self.lat - lat).powi(2);
        (-d2 / (2.0 * spread * spread)).exp()
    }

    fn is(&self, iso3: &str) -> bool {
        self.country.iso3 == iso3
    }

    fn north_mali(&self) -> bool {
        self.is("MLI") && self.lat > 16.3
    }
}

const WAGNER_ARRIVAL: Ymd = ymd(2021, 12, 20);
const WAGNER_EXIT: Ymd = ymd(2025, 6, 6);
const FRANCE_LEAVES_MALI: Ymd = ymd(2022, 8, 15);

pub(crate) fn jihadist(p: &Place, rng: &mut Rng) -> Side {
    use ActorKind::RebelGroup as R;
    if p.lon > 9.0 {
        return match rng.chance(0.6) {
            true => side(ISWAP, R, "ISWAP fighters"),
            false => side(JAS, R, "Boko Haram (JAS) fighters"),
        };
    }
    let is_share = 0.8 * p.near(2.0, 15.3, 1.3)
        + 0.5 * p.near(0.0, 14.4, 0.6)
        + if p.date >= ymd(2022, 1, 1) {
            0.25 * p.near(3.0, 11.8, 0.5)
        } else {
            0.0
        };
    if rng.chance(is_share.min(0.85)) {
        return match p.date < ymd(2022, 1, 1) {
            true => side(ISGS, R, "ISGS fighters"),
            false => side(IS_SAHEL, R, "Islamic State Sahel fighters"),
        };
    }
    let macina = p.near(-4.3, 14.2, 0.8);
    let x = rng.unit();
    if x < 0.25 * macina {
        return side(KATIBA_MACINA, R, "Katiba Macina militants");
    }
    if x < 0.55 * macina {
        return Side {
            assoc: Some(KATIBA_MACINA),
            ..side(JNIM, R, "JNIM militants")
        };
    }
    let soum = p.near(-1.7, 14.0, 0.6) * if p.date < ymd(2021, 1, 1) { 0.45 } else { 0.2 };
    if rng.chance(soum) {
        return side(ANSAROUL_ISLAM, R, "Ansaroul Islam militants");
    }
    side(JNIM, R, "JNIM militants")
}

pub(crate) fn wagner(p: &Place) -> Side {
    let name = if p.date < WAGNER_EXIT {
        WAGNER
    } else {
        AFRICA_CORPS
    };
    let words = if p.date < WAGNER_EXIT {
        "Wagner Group fighters"
    } else {
        "Africa Corps troops"
    };
    side(name, ActorKind::ExternalOtherForces, words)
}

/// The army of the country, sometimes with its partners.
pub(crate) fn state(p: &Place, rng: &mut Rng) -> Side {
    let mut s = side(
        p.country.military_at(p.date),
        ActorKind::StateForces,
        p.country.army_words,
    );
    if p.is("MLI") {
        if p.date >= WAGNER_ARRIVAL && rng.chance(0.35) {
            s.assoc = Some(wagner(p).name);
        } else if p.date < FRANCE_LEAVES_MALI && rng.chance(0.08) {
            s.assoc = Some(FRANCE);
        }
    } else if p.is("BFA") && p.date >= ymd(2020, 1, 21) && rng.chance(0.25) {
        s.assoc = Some(VDP);
    }
    s
}

pub(crate) fn police(p: &Place) -> Side {
    side(
        p.country.police_at(p.date),
        ActorKind::StateForces,
        "police",
    )
}

pub(crate) fn civilians(p: &Place) -> Side {
    side(p.country.civilians, ActorKind::Civilians, "civilians")
}

pub(crate) fn protesters(p: &Place) -> Side {
    side(p.country.protesters, ActorKind::Protesters, "protesters")
}

pub(crate) fn rioters(p: &Place) -> Side {
    side(p.country.rioters, ActorKind::Rioters, "rioters")
}

pub(crate) fn unidentified(p: &Place) -> Side {
    side(
        p.country.unidentified,
        ActorKind::PoliticalMilitia,
        "unidentified gunmen",
    )
}

/// Local self-defence groups and communal militias.
pub(crate) fn militia(p: &Place, rng: &mut Rng) -> Side {
    use ActorKind::{IdentityMilitia as I, PoliticalMilitia as P};
    match p.country.iso3 {
        "MLI" if p.near(-3.3, 14.3, 0.6) > 0.3 && rng.chance(0.7) => {
            side(DAN_NA_AMBASSAGOU, I, "Dan Na Ambassagou militiamen")
        }
        "MLI" => side(DOZO_MALI, I, "Dozo hunters"),
        "BFA" if p.date >= ymd(2020, 1, 21) && rng.chance(0.7) => side(VDP, P, "VDP auxiliaries"),
        "BFA" => side(KOGLWEOGO, I, "Koglweogo members"),
        "NER" => side("Communal Militia (Niger)", I, "a local vigilance committee"),
        "GHA" => side("Kusasi Ethnic Militia (Ghana)", I, "an armed Kusasi group"),
        "BEN" => side("Communal Militia (Benin)", I, "local hunters"),
        "TGO" => side("Communal Militia (Togo)", I, "local hunters"),
        _ => side("Dozo Communal Militia (Ivory Coast)", I, "Dozo hunters"),
    }
}

/// The armed movements of northern Mali (signatories, then rebels again).
pub(crate) fn northern_rebels(p: &Place) -> Side {
    use ActorKind::RebelGroup as R;
    if p.date < ymd(2023, 8, 11) {
        side(CMA, R, "CMA combatants")
    } else if p.date < ymd(2024, 12, 1) {
        side(CSP, R, "CSP-PSD combatants")
    } else {
        side(FLA, R, "FLA rebels")
    }
}

/// Attacker and target of an armed clash.
pub(crate) fn clash(p: &Place, rng: &mut Rng) -> (Side, Side) {
    let x = rng.unit();
    if x < 0.50 {
        (jihadist(p, rng), state(p, rng))
    } else if x < 0.62 {
        (state(p, rng), jihadist(p, rng))
    } else if x < 0.76 {
        (jihadist(p, rng), militia(p, rng))
    } else if x < 0.81 {
        let a = jihadist(p, rng);
        let b = jihadist(p, rng);
        if a.name != b.name {
            (a, b)
        } else {
            (a, militia(p, rng))
        }
    } else if x < 0.86 && p.north_mali() {
        match p.date >= ymd(2023, 8, 11) {
            true => (northern_rebels(p), state(p, rng)),
            false => (northern_rebels(p), jihadist(p, rng)),
        }
    } else if x < 0.93 {
        (militia(p, rng), unidentified(p))
    } else {
        (state(p, rng), unidentified(p))
    }
}

/// A jihadist group or, as often in the data, unidentified gunmen.
pub(crate) fn perpetrator(p: &Place, rng: &mut Rng, jihadist_share: f64) -> Side {
    match rng.chance(jihadist_share) {
        true => jihadist(p, rng),
        false => unidentified(p),
    }
}

pub(crate) fn in_mali_before_minusma_left(p: &Place) -> bool {
    p.is("MLI") && p.date < ymd(2023, 12, 31) && p.lat > 14.0
}

pub(crate) fn minusma() -> Side {
    side(
        MINUSMA,
        ActorKind::ExternalOtherForces,
        "MINUSMA peacekeepers",
    )
}

pub(crate) fn france_active(p: &Place) -> bool {
    (p.is("MLI") && p.date < FRANCE_LEAVES_MALI) || (p.is("NER") && p.date < ymd(2023, 8, 1))
}

pub(crate) fn france() -> Side {
    side(FRANCE, ActorKind::ExternalOtherForces, "French forces")
}

pub(crate) fn wagner_active(p: &Place) -> bool {
    p.is("MLI") && p.date >= WAGNER_ARRIVAL
}
