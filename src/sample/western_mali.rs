//! The hand-written events of 1 July 2025: JNIM's coordinated attacks on
//! army posts in western Mali, with the army's and JNIM's claims side by
//! side. Written from press reports in our own words; the coded figures
//! are the sample's own (synthetic), not any dataset's.

use chrono::NaiveDate;

use super::actors::JNIM;
use super::countries::{REGION, country};
use super::{HAND_WRITTEN_SOURCE, SAMPLE_TAG};
use crate::model::{
    Actor, ActorKind, Claim, Claimant, Dataset, DatePrecision, EventDate, EventType, GeoPrecision,
    Incident, SubEventType,
};

/// Source of the coded figure of the hand-written events.
pub const HAND_CODING_SOURCE: &str = "Sample coding (synthetic)";
/// Source and note of the army's claim (held on the Kayes event only, so
/// that the total across the attacked towns is counted once).
pub const ARMY_SOURCE: &str = "Malian Armed Forces (FAMa) communiqué, 1 July 2025";
pub const ARMY_NOTE: &str = "Army: more than 80 militants neutralized across the attacked towns";
pub const JNIM_SOURCE: &str = "JNIM statement";
pub const JNIM_NOTE: &str = "JNIM claimed it took several barracks";
/// Tag of the hand-written events, beside [`SAMPLE_TAG`].
pub const HAND_WRITTEN_TAG: &str = "hand-written";

/// (id suffix, location, admin1, lat, lon, coded fatalities, what happened there)
const TOWNS: [(&str, &str, &str, f64, f64, u32, &str); 7] = [
    (
        "KAYES",
        "Kayes",
        "Kayes",
        14.44776,
        -11.44393,
        6,
        "In Kayes, the regional capital, army positions were attacked; a resident described \
         waking to gunfire and seeing smoke over the town. The Malian army said it had repelled \
         the attacks and neutralized more than 80 militants across the attacked towns. JNIM \
         claimed it took several barracks.",
    ),
    (
        "DIBOLI",
        "Diboli",
        "Kayes",
        14.45511,
        -12.19945,
        4,
        "In Diboli, on the border with Senegal, the army post was attacked (one article spelled \
         the town \"Binoli\").",
    ),
    (
        "SANDARE",
        "Sandare",
        "Kayes",
        14.7038,
        -10.3057,
        3,
        "In Sandare (also written Sandere), the army post was attacked.",
    ),
    (
        "NIORO-DU-SAHEL",
        "Nioro du Sahel",
        "Kayes",
        15.22932,
        -9.59277,
        5,
        "In Nioro du Sahel, the army post was attacked.",
    ),
    (
        "GOGUI",
        "Gogui",
        "Kayes",
        15.68592,
        -9.32967,
        2,
        "In Gogui, near the Mauritanian border, the army post was attacked.",
    ),
    (
        "NIONO",
        "Niono",
        "Segou",
        14.25054,
        -5.98679,
        4,
        "In Niono, several hundred kilometres east of Kayes, the army post was attacked the same \
         day.",
    ),
    (
        "MOLODO",
        "Molodo",
        "Segou",
        14.23719,
        -6.02269,
        3,
        "In Molodo, a few kilometres west of Niono, the army post was attacked.",
    ),
];

/// One incident per attacked town, Battles / Armed clash, JNIM against the
/// Malian army. Every event carries the sample's coded figure; the Kayes
/// event also carries the army's claim (at least 80) and JNIM's claim (no
/// number), side by side.
pub fn western_mali_2025_07_01() -> Vec<Incident> {
    let date = NaiveDate::from_ymd_opt(2025, 7, 1).expect("valid date");
    let mali = country("MLI").expect("Mali is a sample country");
    let army = "Military Forces of Mali (2021-)";
    let kinds = (ActorKind::RebelGroup, ActorKind::StateForces);
    TOWNS
        .iter()
        .map(|&(key, location, admin1, lat, lon, coded, local)| {
            let id = format!("WML-2025-07-01-{key}");
            let mut inc = Incident::new(
                id.into(),
                Dataset::Acled,
                EventDate::day(date, DatePrecision::Day),
                lon,
                lat,
            );
            inc.event_type = Some(EventType::Battles);
            inc.sub_event_type = Some(SubEventType::ArmedClash);
            inc.event_type_raw = Some(EventType::Battles.name().into());
            inc.sub_event_type_raw = Some(SubEventType::ArmedClash.name().into());
            inc.disorder_type = Some("Political violence".into());
            inc.actor1 = Some(Actor {
                name: JNIM.into(),
                kind: Some(kinds.0),
                associated: Vec::new(),
            });
            inc.actor2 = Some(Actor {
                name: army.into(),
                kind: Some(kinds.1),
                associated: Vec::new(),
            });
            inc.interaction = Some("State forces-Rebel group".into());
            inc.iso = Some(mali.iso);
            inc.country = Some(mali.name.into());
            inc.region = Some(REGION.into());
            inc.admin1 = Some(admin1.into());
            inc.location = Some(location.into());
            inc.geo_precision = GeoPrecision::ExactTown;
            inc.sources = vec![HAND_WRITTEN_SOURCE.into()];
            inc.source_scale = Some("National-International".into());
            inc.tags = vec![SAMPLE_TAG.into(), HAND_WRITTEN_TAG.into()];
            inc.timestamp = Some(1_751_500_800); // 3 July 2025, 00:00 UTC
            inc.notes = Some(
                format!(
                    "On 1 July 2025, JNIM fighters launched coordinated attacks on army \
                     posts in several towns of western Mali at once: Kayes, Diboli, Sandare, \
                     Nioro du Sahel and Gogui in Kayes region, and Niono and Molodo in Segou \
                     region. {local} Fatalities coded as {coded} for this town (sample coding, \
                     synthetic)."
                )
                .into(),
            );
            let mut coding = Claim::new(Claimant::DatasetCoding, HAND_CODING_SOURCE, Some(coded));
            coding.date = Some(date);
            coding.note = Some(format!(
                "Synthetic coding for the sample (not a dataset figure): {coded} killed in {location}"
            ));
            inc.claims.push(coding);
            if key == "KAYES" {
                let mut gov = Claim::new(Claimant::Government, ARMY_SOURCE, None);
                gov.low = Some(80);
                gov.date = Some(date);
                gov.note = Some(ARMY_NOTE.to_string());
                let mut jnim = Claim::new(Claimant::ArmedGroup, JNIM_SOURCE, None);
                jnim.date = Some(date);
                jnim.note = Some(JNIM_NOTE.to_string());
                inc.claims.push(gov);
                inc.claims.push(jnim);
            }
            inc
        })
        .collect()
}
