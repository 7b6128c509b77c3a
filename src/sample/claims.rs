//! Disputed death tolls: for some fights between an army and a jihadist
//! group, the army's and the group's figures beside the dataset coding.

use chrono::{Days, NaiveDate};

use super::actors::{self, Side};
use super::countries::Country;
use super::rng::Rng;
use crate::model::{ActorKind, Claim, Claimant, IStr, Interner};

/// Source of the dataset-coding claim of generated incidents.
pub const CODING_SOURCE: &str = "Sample coding (synthetic)";

/// The figures of one dispute.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dispute {
    /// Militants the army says it "neutralized".
    pub government: Option<u32>,
    /// (group's short name, soldiers it says it killed; `None`: no number).
    pub armed_group: Option<(&'static str, Option<u32>)>,
}

/// How a group signs its claims.
pub(crate) fn short_name(group: &str) -> &'static str {
    match group {
        actors::KATIBA_MACINA => "Katiba Macina",
        actors::ANSAROUL_ISLAM => "Ansaroul Islam",
        actors::ISGS => "ISGS",
        actors::IS_SAHEL => "IS Sahel",
        actors::ISWAP => "ISWAP",
        actors::JAS => "Boko Haram (JAS)",
        _ => "JNIM",
    }
}

/// A dispute for an event between `a1` and `a2` with probability `p` when
/// one side is an army and the other a jihadist group (or the army is
/// accused of killing civilians).
pub(crate) fn dispute(
    a1: &Side,
    a2: Option<&Side>,
    coded: u32,
    p: f64,
    rng: &mut Rng,
) -> Option<Dispute> {
    let state = |s: &Side| s.kind == ActorKind::StateForces;
    let jihadist = [Some(a1), a2]
        .into_iter()
        .flatten()
        .find(|s| actors::is_jihadist(s.name));
    let army = state(a1) || a2.is_some_and(state);
    let civilians = a2.is_some_and(|s| s.kind == ActorKind::Civilians);
    let eligible = army && (jihadist.is_some() || (state(a1) && civilians));
    if !eligible || !rng.chance(p) {
        return None;
    }
    let government = coded.max(1) * 2 + 3 + rng.range(0, 15);
    match jihadist {
        None => Some(Dispute {
            government: Some(government),
            armed_group: None,
        }),
        Some(j) => {
            let group = short_name(j.name);
            let killed = match rng.chance(0.2) {
                true => None,
                false => Some(coded + rng.range(2, 25)),
            };
            let x = rng.unit();
            Some(Dispute {
                government: (x < 0.7).then_some(government),
                armed_group: (x >= 0.4).then_some((group, killed)),
            })
        }
    }
}

/// The claims of a dispute, beside the coded one.
pub(crate) fn dispute_claims(
    d: &Dispute,
    country: &Country,
    date: NaiveDate,
    interner: &mut Interner,
    rng: &mut Rng,
) -> Vec<Claim> {
    let mut out = Vec::with_capacity(2);
    let day = |rng: &mut Rng| date.checked_add_days(Days::new(rng.range(0, 2).into()));
    if let Some(n) = d.government {
        let mut c = Claim::new(
            Claimant::Government,
            source(interner, country.army_source),
            Some(n),
        );
        c.date = day(rng);
        c.note = Some(format!("Army: {n} militants neutralized"));
        out.push(c);
    }
    if let Some((group, killed)) = d.armed_group {
        let src = interner.intern(&format!("{group} statement (synthetic)"));
        let mut c = Claim::new(Claimant::ArmedGroup, src, killed);
        c.date = day(rng);
        c.note = Some(match killed {
            Some(n) => format!("{group} claimed to have killed {n} soldiers"),
            None => format!("{group} claimed it seized weapons and vehicles"),
        });
        out.push(c);
    }
    out
}

fn source(interner: &mut Interner, army: &str) -> IStr {
    interner.intern(&format!("{army} (synthetic)"))
}
