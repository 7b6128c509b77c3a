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
