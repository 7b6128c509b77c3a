//! Short ACLED-style notes for generated incidents, always starting with
//! "[SYNTHETIC]".

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::actors::Side;
use super::rng::Rng;
use crate::model::{ActorKind, DatePrecision, SubEventType};

pub(crate) const PREFIX: &str = "[SYNTHETIC] ";

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How the place is described.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Where {
    Town,
    Village,
    Near,
    Region,
}

pub(crate) struct NoteFacts<'a> {
    pub date: NaiveDate,
    pub precision: DatePrecision,
    pub sub: SubEventType,
    pub a1: &'a Side,
    pub a2: Option<&'a Side>,
    pub location: &'a str,
    pub admin1: &'a str,
    pub place: Where,
    pub fatalities: u32,
}

const TOPICS: [&str; 8] = [
    "insecurity",
    "the high cost of living",
    "power cuts",
    "the presence of foreign troops",
    "fuel shortages",
    "the closure of schools",
    "the arrest of a local leader",
    "water shortages",
];

fn date_phrase(out: &mut String, d: NaiveDate, p: DatePrecision) {
    let month = MONTHS[d.month0() as usize];
    let _ = match p {
        DatePrecision::Day => write!(out, "On {} {month} {}, ", d.day(), d.year()),
        DatePrecision::FewDays | DatePrecision::Week => {
            write!(out, "During the week of {} {month} {}, ", d.day(), d.year())
        }
        _ => write!(out, "In {month} {}, ", d.year()),
    };
}

fn where_phrase(f: &NoteFacts) -> (&'static str, &'static str) {
    match f.place {
        Where::Town => ("in ", ""),
        Where::Village => ("in a village of ", " commune"),
        Where::Near => ("near ", ""),
        Where::Region => ("in an unspecified location of ", " region"),
    }
}

/// Writes the notes of a generated incident into `out` (cleared first).
pub(crate) fn write_notes(out: &mut String, f: &NoteFacts, rng: &mut Rng) {
    use SubEventType as S;
    out.clear();
    out.push_str(PREFIX);
    date_phrase(out, f.date, f.precision);
    let (pre, post) = where_phrase(f);
    let loc = if f.place == Where::Region {
        f.admin1
    } else {
        f.location
    };
    let w = format_args!("{pre}{loc}{post}");
    let x = f.a1.words;
    let y = f.a2.map_or("", |s| s.words);
    let state_y = f.a2.is_some_and(|s| s.kind == ActorKind::StateForces);
    let v = rng.below(4);
    let topic = TOPICS[rng.below(TOPICS.len())];
    let _ = match f.sub {
        S::ArmedClash => match v {
            0 => write!(out, "{x} attacked {y} {w}"),
            1 => write!(out, "{x} clashed with {y} {w}"),
            2 if state_y => write!(out, "{x} ambushed a patrol of {y} {w}"),
            2 => write!(out, "{x} ambushed {y} {w}"),
            _ => write!(out, "{x} and {y} exchanged fire {w} for several hours"),
        },
        S::GovernmentRegainsTerritory => write!(out, "{x} retook an area {w} held by {y}"),
        S::NonStateActorOvertakesTerritory => {
            write!(
                out,
                "{x} overran a position held by {y} {w} and took control of the area"
            )
        }
        S::RemoteExplosiveLandmineIed if state_y => {
            write!(out, "a roadside IED laid by {x} hit a vehicle of {y} {w}")
        }
        S::RemoteExplosiveLandmineIed => {
            write!(
                out,
                "a vehicle carrying {y} struck an explosive device laid by {x} {w}"
            )
        }
        S::AirDroneStrike if f.a2.is_some() => {
            write!(out, "{x} carried out a drone strike {w}, hitting {y}")
        }
        S::AirDroneStrike => write!(out, "{x} carried out air strikes {w}"),
        S::ShellingArtilleryMissile => write!(out, "{x} fired mortar rounds at {y} {w}"),
        S::SuicideBomb => {
            write!(
                out,
                "{x} detonated a vehicle-borne explosive device at a camp of {y} {w}"
            )
        }
        S::Grenade => write!(out, "{x} threw a grenade at {y} {w}"),
        S::Attack => match v {
            0 => write!(out, "{x} raided a village {w} and attacked residents"),
            1 => write!(out, "{x} attacked a weekly market {w}"),
            2 => write!(out, "{x} stopped a bus {w} and attacked its passengers"),
            _ => write!(out, "{x} attacked {y} working in their fields {w}"),
        },
        S::AbductionForcedDisappearance => match v {
            0 | 1 => write!(out, "{x} abducted {} {y} {w}", 2 + rng.below(9)),
            2 => write!(out, "{x} kidnapped a village chief {w}"),
            _ => write!(out, "{x} abducted a trader on the road {w}"),
        },
        S::SexualViolence => write!(out, "{x} committed sexual violence against women {w}"),
        S::LootingPropertyDestruction => match v {
            0 => write!(out, "{x} looted shops and burnt granaries {w}"),
            1 => write!(out, "{x} stole cattle from herders {w}"),
            2 => write!(out, "{x} destroyed a telecommunications mast {w}"),
            _ => write!(out, "{x} burnt a school and a health centre {w}"),
        },
        S::Arrests if f.a2.is_some_and(|s| s.kind == ActorKind::Civilians) => {
            write!(out, "{x} arrested a journalist and two activists {w}")
        }
        S::Arrests => write!(
            out,
            "{x} arrested several people {w}, accused of links with {y}"
        ),
        S::DisruptedWeaponsUse => match v {
            0 | 1 => write!(out, "{x} found and defused an explosive device {w}"),
            _ => write!(out, "{x} seized weapons and motorbikes {w}"),
        },
        S::Agreement => write!(out, "{x} and {y} agreed on a local truce {w}"),
        S::ChangeToGroupActivity => write!(out, "{x} imposed a blockade {w}"),
        S::NonViolentTransferOfTerritory => {
            write!(out, "{x} moved into an area {w} without fighting")
        }
        S::HeadquartersOrBaseEstablished => write!(out, "{x} set up a base {w}"),
        S::Other | S::ChemicalWeapon => write!(out, "{x} set fire to vehicles {w}"),
        S::PeacefulProtest => write!(out, "{x} marched {w} against {topic}"),
        S::ProtestWithIntervention => {
            write!(
                out,
                "{x} gathered {w} against {topic}; {y} dispersed them with tear gas"
            )
        }
        S::ExcessiveForceAgainstProtesters => {
            write!(
                out,
                "{x} fired live rounds at {y} demonstrating {w} against {topic}"
            )
        }
        S::ViolentDemonstration => {
            write!(
                out,
                "{x} burnt tyres and blocked roads {w} to protest {topic}"
            )
        }
        S::MobViolence => write!(out, "a mob of {x} beat a suspected thief {w}"),
    };
    let _ = match f.fatalities {
        0 => write!(out, "."),
        1 => write!(out, ". 1 fatality."),
        n => write!(out, ". {n} fatalities."),
    };
}

/// Appends the disputed figures, ACLED style: "Fatalities coded as 4 (the
/// Malian army reported it neutralized 23 militants; JNIM claimed to have
/// killed 12 soldiers)."
pub(crate) fn append_dispute(
    out: &mut String,
    coded: u32,
    government: Option<(&str, u32)>,
    armed_group: Option<(&str, Option<u32>)>,
) {
    let _ = write!(out, " Fatalities coded as {coded} (");
    if let Some((army, n)) = government {
        let _ = write!(out, "{army} reported it neutralized {n} militants");
        if armed_group.is_some() {
            out.push_str("; ");
        }
    }
    let _ = match armed_group {
        Some((group, Some(n))) => write!(out, "{group} claimed to have killed {n} soldiers"),
        Some((group, None)) => write!(out, "{group} claimed it seized weapons and vehicles"),
        None => Ok(()),
    };
    out.push_str(").");
}
