//! Who a named source in ACLED notes is: armed group, government, UN/NGO,
//! or independent/media. Used by the notes claim extractor.

use std::cell::RefCell;
use std::collections::HashMap;

use super::notes::core;
use crate::model::Claimant;

const ARMED_WORDS: &[&str] = &[
    "jnim",
    "gsim",
    "isgs",
    "iss",
    "issp",
    "iswap",
    "isis",
    "aqim",
    "ansaroul",
    "katiba",
    "mnla",
    "cma",
    "fla",
    "csp",
    "hcua",
    "jihadists",
    "militants",
    "insurgents",
];
const ARMED_PHRASES: &[&str] = &[
    "islamic state",
    "al-qaeda",
    "al qaeda",
    "boko haram",
    "is sahel",
];
const GOV_WORDS: &[&str] = &[
    "army",
    "military",
    "government",
    "ministry",
    "minister",
    "fama",
    "fds",
    "gendarmerie",
    "police",
    "junta",
    "authorities",
    "presidency",
    "defence",
    "defense",
];
const GOV_PHRASES: &[&str] = &["armed forces", "forces armées", "forces armees"];
const UN_WORDS: &[&str] = &[
    "un", "minusma", "ocha", "unhcr", "unicef", "hrw", "amnesty", "msf", "icrc", "ngo", "ngos",
];
const UN_PHRASES: &[&str] = &[
    "united nations",
    "human rights watch",
    "red cross",
    "doctors without borders",
];

fn has_word(words: &[&str], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(w))
}

/// Who a named subject is; `None` when it is not a named source.
/// Remembered per thread: the same subjects come back in note after note.
pub(crate) fn classify(subject: &str) -> Option<Claimant> {
    thread_local! {
        static SEEN: RefCell<HashMap<Box<str>, Option<Claimant>>> = RefCell::default();
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(&c) = seen.get(subject) {
            return c;
        }
        let c = classify_uncached(subject);
        if seen.len() >= 1 << 14 {
            seen.clear();
        }
        seen.insert(subject.into(), c);
        c
    })
}

fn classify_uncached(subject: &str) -> Option<Claimant> {
    let lower = subject.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let phrase = |list: &[&str]| list.iter().any(|p| lower.contains(p));
    if has_word(&words, ARMED_WORDS) || phrase(ARMED_PHRASES) {
        return Some(Claimant::ArmedGroup);
    }
    if has_word(&words, GOV_WORDS) || phrase(GOV_PHRASES) {
        return Some(Claimant::Government);
    }
    if has_word(&words, UN_WORDS) || phrase(UN_PHRASES) {
        return Some(Claimant::UnNgo);
    }
    let toks: Vec<&str> = subject.split_whitespace().map(core).collect();
    let acronym = toks
        .iter()
        .any(|t| t.chars().filter(|c| c.is_uppercase()).count() >= 2);
    let capitalised = toks
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_uppercase))
        .count();
    (acronym || capitalised >= 2).then_some(Claimant::Media)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_sources() {
        assert_eq!(
            classify("Malian Armed Forces (FAMa)"),
            Some(Claimant::Government)
        );
        assert_eq!(classify("JNIM"), Some(Claimant::ArmedGroup));
        assert_eq!(
            classify("Islamic State Sahel Province"),
            Some(Claimant::ArmedGroup)
        );
        assert_eq!(classify("Human Rights Watch"), Some(Claimant::UnNgo));
        assert_eq!(classify("VoJ"), Some(Claimant::Media));
        assert_eq!(classify("Le Monde"), Some(Claimant::Media));
        assert_eq!(classify("Residents"), None);
        assert_eq!(
            classify("unidentified gunmen"),
            None,
            "'un' is matched as a word only"
        );
    }
}
