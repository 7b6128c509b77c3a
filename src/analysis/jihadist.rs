//! Which actors count as jihadist for the coast analyses (the names ACLED uses, and variants).

use crate::geodata::fold;
use crate::model::Incident;

/// Folded fragments of the jihadist groups' names in ACLED and the press:
/// "JNIM: Group for Support of Islam and Muslims", "Islamic State (West Africa) - Greater Sahara
/// Faction", "Islamic State Sahel Province", "Ansaroul Islam", "Katiba Macina", ISWAP, Boko Haram.
const FRAGMENTS: [&str; 9] = [
    "jnim",
    "group for support of islam and muslims",
    "islamic state",
    "greater sahara",
    "ansaroul islam",
    "ansarul islam",
    "katiba macina",
    "iswap",
    "boko haram",
];

pub fn is_jihadist_actor(name: &str) -> bool {
    let f = fold(name);
    FRAGMENTS.iter().any(|frag| f.contains(frag))
}

/// An incident where either side, or an associate, is a jihadist group.
pub fn is_jihadist_incident(i: &Incident) -> bool {
    [&i.actor1, &i.actor2]
        .into_iter()
        .flatten()
        .any(|a| is_jihadist_actor(&a.name) || a.associated.iter().any(|s| is_jihadist_actor(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acled_names_match_and_others_do_not() {
        assert!(is_jihadist_actor(
            "JNIM: Group for Support of Islam and Muslims"
        ));
        assert!(is_jihadist_actor(
            "Islamic State (West Africa) - Greater Sahara Faction"
        ));
        assert!(is_jihadist_actor("Islamic State Sahel Province"));
        assert!(is_jihadist_actor("Ansaroul Islam"));
        assert!(is_jihadist_actor("Katiba Macina"));
        assert!(!is_jihadist_actor("Military Forces of Mali (2021-)"));
        assert!(!is_jihadist_actor("Dan Na Ambassagou"));
        assert!(!is_jihadist_actor("Civilians (Mali)"));
    }
}
