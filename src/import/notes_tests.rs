use super::*;

fn one(notes: &str) -> Claim {
    let v = extract_claims(notes);
    assert_eq!(v.len(), 1, "{notes}: {v:?}");
    v.into_iter().next().unwrap()
}

#[test]
fn voj_reported() {
    let c = one(
        "On 3 May 2021, JNIM attacked Boni. Fatalities coded as 0 (VoJ reported 3 fatalities).",
    );
    assert_eq!(c.claimant, Claimant::Media);
    assert_eq!(c.source, "VoJ");
    assert_eq!((c.low, c.best, c.high), (None, Some(3), None));
}

#[test]
fn isgs_said_it_killed() {
    let c = one("ISGS said in a statement on Telegram that it had killed 35 soldiers in Inates.");
    assert_eq!(c.claimant, Claimant::ArmedGroup);
    assert_eq!(c.source, "ISGS");
    assert_eq!(c.best, Some(35));
    assert!(c.note.as_deref().unwrap().contains("killed 35"));
}

#[test]
fn army_neutralized_more_than() {
    let c = one(
        "On 1 July 2025, JNIM militants attacked army positions in Kayes. The Malian Armed Forces \
         (FAMa) said they repelled the attacks and neutralized more than 80 militants.",
    );
    assert_eq!(c.claimant, Claimant::Government);
    assert_eq!(c.source, "Malian Armed Forces (FAMa)");
    assert_eq!((c.low, c.best, c.high), (Some(80), None, None));
    let c = one("The army neutralized 80 terrorists near Nioro du Sahel.");
    assert_eq!((c.claimant, c.best), (Claimant::Government, Some(80)));
    assert_eq!(c.source, "army");
}

#[test]
fn armed_group_claim_without_number() {
    let v = extract_claims(
        "The Malian army said it neutralized over 80 assailants. JNIM claimed it had taken several barracks.",
    );
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!((v[0].claimant, v[0].low), (Claimant::Government, Some(80)));
    assert_eq!(v[1].claimant, Claimant::ArmedGroup);
    assert_eq!(v[1].source, "JNIM");
    assert!(!v[1].has_number());
    assert_eq!(
        v[1].note.as_deref(),
        Some("claimed it had taken several barracks")
    );
}

#[test]
fn other_shapes() {
    let c =
        one("In a statement, Human Rights Watch reported at least 12 civilians killed in Solenzo.");
    assert_eq!((c.claimant, c.low), (Claimant::UnNgo, Some(12)));
    let c = one("JNIM claimed responsibility and said it killed dozens of soldiers.");
    assert_eq!((c.claimant, c.low), (Claimant::ArmedGroup, Some(12)));
    let c = one("On Monday JNIM claimed it had killed 20 soldiers.");
    assert_eq!((c.source.as_str(), c.best), ("JNIM", Some(20)));
    let c = one("Le Monde reported up to 40 deaths.");
    assert_eq!((c.claimant, c.high), (Claimant::Media, Some(40)));
}

#[test]
fn no_false_positives_on_plain_notes() {
    for n in [
        "On 5 March 2024, JNIM militants attacked a FAMa post in Boni (Douentza, Mopti). 12 soldiers were killed.",
        "Local sources reported that 5 civilians were killed by unidentified gunmen.",
        "Residents said 4 people were killed and several houses burned.",
        "Property destruction reported.",
        "FAMa reported the arrest of 3 suspects in Sevare.",
        "ISGS claimed responsibility for the attack.",
        "On 12 June 2023, around 200 people protested in Bamako. [size=around 200]",
        "Military sources said the convoy hit an IED; no fatalities reported.",
        "",
        "said said said 999",
        "(((( claimed )))) 12 killed",
    ] {
        assert!(extract_claims(n).is_empty(), "{n}: {:?}", extract_claims(n));
    }
}

#[test]
fn duplicates_collapse() {
    let v = extract_claims("ISGS said it killed 35 soldiers. ISGS said it killed 35 soldiers.");
    assert_eq!(v.len(), 1);
}

#[test]
fn core_strips_what_trim_matches_strips() {
    for t in [
        "said",
        "(FAMa)",
        "\"neutralized\"",
        "80.",
        "é",
        "éa",
        "a—",
        "",
        "--",
        "x1",
    ] {
        assert_eq!(
            core(t),
            t.trim_matches(|c: char| !c.is_alphanumeric()),
            "{t:?}"
        );
    }
}

mod skipping {
    use super::super::{extract, may_hold_claim, trigger_positions};
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "The",
        "Malian",
        "Armed",
        "Forces",
        "(FAMa)",
        "FAMa",
        "JNIM",
        "ISGS",
        "army",
        "said",
        "SAID",
        "Said",
        "says",
        "claimed",
        "CLAIMED",
        "claims",
        "reported",
        "Reports",
        "stated",
        "announced",
        "neutralized",
        "NEUTRALISED",
        "\"neutralized\"",
        "killed",
        "killing",
        "more",
        "than",
        "at",
        "least",
        "80",
        "12",
        "1,200",
        "dozens",
        "militants.",
        "soldiers,",
        "and",
        "it",
        "had",
        "responsibility",
        "fatalities",
        "dead.",
        "On",
        "Monday",
        "UN",
        "MSF",
        "residents",
        "of",
        "Human",
        "Rights",
        "Watch",
        "x.",
        "y!",
        "z?",
        "\n",
        "Caf\u{e9}",
        "r\u{e9}ported",
        "claimant",
        "reportedly",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn skipping_sentences_changes_nothing(words in prop::collection::vec(prop::sample::select(WORDS), 0..160)) {
            let notes = words.join(" ");
            prop_assert_eq!(trigger_positions(&notes).is_some(), may_hold_claim(&notes));
            prop_assert_eq!(extract(&notes, true), extract(&notes, false), "{:?}", notes);
        }
    }
}

mod splitting {
    use super::super::{sentences, words};
    use proptest::prelude::*;

    /// The byte loop `sentences` replaced.
    fn sentences_by_bytes(text: &str) -> Vec<(usize, &str)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut start = 0;
        for (i, &c) in b.iter().enumerate() {
            let end = match c {
                b'\n' => true,
                b'.' | b'!' | b'?' => b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()),
                _ => false,
            };
            if end {
                out.push((start, &text[start..i]));
                start = i + 1;
            }
        }
        out.push((start, &text[start..]));
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn same_sentences_and_words(text in "([a-z]{0,6}|[.!? \t\n\r\u{b}\u{c}\u{a0}\u{85}é,])*") {
            prop_assert_eq!(sentences(&text), sentences_by_bytes(&text));
            let want: Vec<&str> = text.split_whitespace().collect();
            prop_assert_eq!(words(&text), want);
        }
    }
}
