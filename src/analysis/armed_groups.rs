//! The one table of named armed groups: which actor labels are jihadist, which are sub-units of
//! a parent group, and which labels name no group at all.
//!
//! ACLED and UCDP GED name the same organisation in several ways, and ACLED codes sub-units and
//! uncertain attributions as actors of their own. Counted as written, "JNIM: Group for Support
//! of Islam and Muslims", its sub-unit "Katiba Macina", "Unidentified Armed Group (Mali)" and
//! "JNIM and/or Islamic State (West Africa) - Greater Sahara Faction" would be four groups.
//! Here they are one group (JNIM), one group (JNIM), no group and no group.
//!
//! # The table
//!
//! [`GROUPS`] lists each group once: its canonical name, whether it is a jihadist group, and the
//! folded name fragments (see [`fold`]) that identify it in either dataset. Sub-units are
//! fragments of their parent's entry (Katiba Macina and Katiba Serma are JNIM's). The groups that
//! merged into JNIM in March 2017 (Ansar Dine, Al Mourabitoune, AQIM's Sahara emirate) keep their
//! own entries: before 2017 they were separate organisations, and ACLED still codes AQIM apart.
//! The Islamic State's Sahel branch (ISGS until 2022, "Islamic State Sahel Province" since) and
//! its West Africa Province (ISWAP, Lake Chad) are two groups; UCDP's bare "IS" is its own entry,
//! since UCDP does not separate the branches.
//!
//! Sources of the names: ACLED's actor list for Mali, Burkina Faso, Niger, Nigeria and the coastal
//! states, and UCDP GED's side names for the same countries (the project's reference note
//! "risk-and-coast" lists them).
//!
//! # Labels that name no group
//!
//! * "Unidentified Armed Group (Country)" and other labels starting with "Unidentified": the
//!   perpetrator is unknown ([`is_unidentified`]).
//! * Compound labels, "A and/or B": the coder could not decide between groups
//!   ([`is_compound`]). A compound label is jihadist when every alternative is.
//!
//! # Examples
//!
//! ```
//! use sahel_risk::analysis::armed_groups::{named_group, is_jihadist_actor};
//! assert_eq!(named_group("Katiba Macina").map(|g| g.name), Some("JNIM"));
//! assert_eq!(named_group("Unidentified Armed Group (Mali)"), None);
//! assert!(is_jihadist_actor("JNIM and/or Islamic State Sahel Province"));
//! assert!(!is_jihadist_actor("Dan Na Ambassagou"));
//! ```

use crate::geodata::fold;
use crate::model::Incident;

/// One armed group of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// Canonical name (what the app shows and counts).
    pub name: &'static str,
    /// A jihadist group (coast frontier and bands count these).
    pub jihadist: bool,
    /// Folded fragments: a folded label containing one of them is this group.
    fragments: &'static [&'static str],
    /// Folded labels that are this group only when they are the whole label (UCDP's "IS").
    exact: &'static [&'static str],
}

const fn group(
    name: &'static str,
    jihadist: bool,
    fragments: &'static [&'static str],
    exact: &'static [&'static str],
) -> Group {
    Group {
        name,
        jihadist,
        fragments,
        exact,
    }
}

/// The named groups, most specific first (the first entry whose fragment matches wins: the IS
/// Sahel branch is tried before ISWAP because ACLED's "Islamic State (West Africa) - Greater
/// Sahara Faction" names both "West Africa" and "Greater Sahara").
pub const GROUPS: &[Group] = &[
    group(
        "JNIM",
        true,
        &[
            "jnim",
            "group for support of islam and muslims",
            "nusrat al islam",
            "nusrat al islam wal muslimin",
            "katiba macina",
            "katiba macena",
            "katiba serma",
            "katiba gourma",
            "katiba hanifa",
        ],
        &[],
    ),
    group(
        "Islamic State Sahel Province",
        true,
        &[
            "greater sahara",
            "islamic state sahel",
            "islamic state in the greater sahara",
            "isgs",
            "issp",
            "is sahel",
        ],
        &[],
    ),
    group(
        "Islamic State West Africa Province",
        true,
        &["iswap", "islamic state west africa"],
        &[],
    ),
    group(
        "Boko Haram (JAS)",
        true,
        &[
            "boko haram",
            "jamaatu ahli is sunnah",
            "jama atu ahlis sunna",
            "jamaatu ahlis sunna",
            "lidda awati wal jihad",
        ],
        &[],
    ),
    group(
        "Ansaroul Islam",
        true,
        &["ansaroul islam", "ansarul islam", "ansar ul islam"],
        &[],
    ),
    group(
        "Ansar Dine",
        true,
        &["ansar dine", "ansar eddine", "ansar al din"],
        &[],
    ),
    group(
        "Al Mourabitoune",
        true,
        &["mourabitoun", "murabitun", "mourabitoune"],
        &[],
    ),
    group(
        "AQIM",
        true,
        &[
            "aqim",
            "al qaeda in the islamic maghreb",
            "al qaida in the islamic maghreb",
        ],
        &[],
    ),
    group(
        "MUJAO",
        true,
        &["mujao", "movement for oneness and jihad", "mujwa"],
        &[],
    ),
    group("Ansaru", true, &["ansaru"], &[]),
    group("Lakurawa", true, &["lakurawa"], &[]),
    group(
        "Islamic State (UCDP: all branches)",
        true,
        &["islamic state"],
        &["is"],
    ),
];

/// The label names an unknown perpetrator ("Unidentified Armed Group (Mali)").
pub fn is_unidentified(name: &str) -> bool {
    fold(name).starts_with("unidentified")
}

/// The label names an unknown armed group ("Unidentified Armed Group (Mali)"), not another
/// unknown actor ("Unidentified Communal Militia (Mali)", "Unidentified civilians").
pub fn is_unidentified_armed_group(name: &str) -> bool {
    is_unidentified(name) && fold(name).contains("armed group")
}

/// The label hedges between groups ("JNIM and/or Islamic State …").
pub fn is_compound(name: &str) -> bool {
    name.to_ascii_lowercase().contains("and/or")
}

fn lookup(folded: &str) -> Option<&'static Group> {
    GROUPS.iter().find(|g| {
        g.exact.contains(&folded) || g.fragments.iter().any(|f| contains_words(folded, f))
    })
}

/// `hay` contains `needle` starting and ending on word boundaries ("isgs" is not found in
/// "thisgs"). Both are folded: lowercase words separated by single spaces.
fn contains_words(hay: &str, needle: &str) -> bool {
    let needle = fold(needle);
    hay.match_indices(&needle).any(|(at, _)| {
        let before = at == 0 || hay.as_bytes()[at - 1] == b' ';
        let end = at + needle.len();
        let after = end == hay.len() || hay.as_bytes()[end] == b' ';
        before && after
    })
}

/// The group of the table that `label` names (sub-units give their parent); `None` for labels
/// outside the table, unidentified perpetrators and compound labels.
pub fn named_group(label: &str) -> Option<&'static Group> {
    if is_unidentified(label) || is_compound(label) {
        return None;
    }
    lookup(&fold(label))
}

/// The name under which `label` counts as an organised group: the table's canonical name for
/// the groups it knows, the label itself for any other; `None` for unidentified perpetrators and
/// compound labels, which name no group.
pub fn group_key(label: &str) -> Option<String> {
    if is_unidentified(label) || is_compound(label) {
        return None;
    }
    Some(lookup(&fold(label)).map_or_else(|| label.trim().to_string(), |g| g.name.to_string()))
}

/// A jihadist group, or a compound label all of whose alternatives are jihadist groups.
pub fn is_jihadist_actor(name: &str) -> bool {
    if is_unidentified(name) {
        return false;
    }
    if is_compound(name) {
        let lower = name.to_ascii_lowercase();
        let parts: Vec<&str> = lower.split("and/or").map(str::trim).collect();
        return parts
            .iter()
            .all(|p| !p.is_empty() && lookup(&fold(p)).is_some_and(|g| g.jihadist));
    }
    lookup(&fold(name)).is_some_and(|g| g.jihadist)
}

/// An incident where either side, or an associate, is a jihadist group.
pub fn is_jihadist_incident(i: &Incident) -> bool {
    [&i.actor1, &i.actor2]
        .into_iter()
        .flatten()
        .any(|a| is_jihadist_actor(&a.name) || a.associated.iter().any(|s| is_jihadist_actor(s)))
}

/// An incident attributed to an unidentified armed group (either side or an associate).
pub fn is_unidentified_incident(i: &Incident) -> bool {
    [&i.actor1, &i.actor2].into_iter().flatten().any(|a| {
        is_unidentified_armed_group(&a.name)
            || a.associated.iter().any(|s| is_unidentified_armed_group(s))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_of_the_reference_list_is_jihadist() {
        for name in [
            "JNIM: Group for Support of Islam and Muslims",
            "Islamic State (West Africa) - Greater Sahara Faction",
            "Islamic State Sahel Province",
            "ISGS",
            "Ansaroul Islam",
            "Katiba Macina",
            "Katiba Serma",
            "Ansar Dine",
            "AQIM: Al Qaeda in the Islamic Maghreb",
            "Al Mourabitoune",
            "MUJAO: Movement for Oneness and Jihad in West Africa",
            "Ansaru",
            "Lakurawa",
            "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
            "ISWAP",
            "Islamic State West Africa Province",
            "IS",
            "JNIM",
            "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad",
            "Ansarul Islam",
        ] {
            assert!(is_jihadist_actor(name), "{name}");
        }
    }

    #[test]
    fn others_are_not_jihadist() {
        for name in [
            "Military Forces of Mali (2021-)",
            "Dan Na Ambassagou",
            "Civilians (Mali)",
            "Unidentified Armed Group (Mali)",
            "Wagner Group",
            "CMA: Coordination of Azawad Movements",
            "Koglweogo Militia",
            "Islamic Council of Mali",
            "Protesters (Mali)",
            "JNIM and/or Unidentified Armed Group (Mali)",
        ] {
            assert!(!is_jihadist_actor(name), "{name}");
        }
    }

    #[test]
    fn sub_units_count_as_their_parent() {
        let k = |s| group_key(s);
        assert_eq!(k("Katiba Macina").as_deref(), Some("JNIM"));
        assert_eq!(
            k("JNIM: Group for Support of Islam and Muslims").as_deref(),
            Some("JNIM")
        );
        assert_eq!(
            k("Islamic State (West Africa) - Greater Sahara Faction").as_deref(),
            Some("Islamic State Sahel Province")
        );
        assert_eq!(
            k("Islamic State Sahel Province").as_deref(),
            Some("Islamic State Sahel Province")
        );
        assert_eq!(
            k("Islamic State West Africa Province").as_deref(),
            Some("Islamic State West Africa Province")
        );
        assert_eq!(k("Dan Na Ambassagou").as_deref(), Some("Dan Na Ambassagou"));
        assert_eq!(k("Unidentified Armed Group (Mali)"), None);
        assert_eq!(k("JNIM and/or Islamic State Sahel Province"), None);
    }

    #[test]
    fn unidentified_armed_groups_and_other_unknown_actors() {
        assert!(is_unidentified_armed_group(
            "Unidentified Armed Group (Mali)"
        ));
        assert!(is_unidentified_armed_group(
            "unidentified armed group (Burkina Faso)"
        ));
        assert!(!is_unidentified_armed_group(
            "Unidentified Communal Militia (Mali)"
        ));
        assert!(!is_unidentified_armed_group("JNIM"));
        // An associate counts too.
        let mut i = Incident::new(
            "x".into(),
            crate::model::Dataset::Acled,
            crate::model::EventDate::day(
                chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
                crate::model::DatePrecision::Day,
            ),
            0.0,
            12.0,
        );
        i.actor1 = Some(crate::model::Actor {
            name: "Civilians (Mali)".into(),
            kind: None,
            associated: vec!["Unidentified Armed Group (Mali)".into()],
        });
        assert!(is_unidentified_incident(&i));
    }

    #[test]
    fn short_names_match_whole_words_only() {
        assert!(!is_jihadist_actor("Isis Farmers Cooperative"));
        assert!(!is_jihadist_actor("Thisgs Militia"));
        assert!(is_jihadist_actor("IS"));
        assert!(!is_jihadist_actor("Militia (IS unknown)"));
    }
}
