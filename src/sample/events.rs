//! What happens: event type and sub-type mix, who acts, how many die.

use super::actors::{self, Place, Side};
use super::rng::Rng;
use crate::model::{ActorKind, EventType, SubEventType};

/// Event type mix, roughly ACLED's for the central Sahel (per mille).
const TYPE_MIX: [(u32, EventType); 6] = [
    (350, EventType::Battles),
    (300, EventType::ViolenceAgainstCivilians),
    (150, EventType::ExplosionsRemoteViolence),
    (100, EventType::StrategicDevelopments),
    (70, EventType::Protests),
    (30, EventType::Riots),
];

pub(crate) fn pick_type(rng: &mut Rng) -> EventType {
    *rng.pick_weighted(&TYPE_MIX)
}

pub(crate) fn pick_sub(t: EventType, rng: &mut Rng) -> SubEventType {
    use SubEventType as S;
    match t {
        EventType::Battles => *rng.pick_weighted(&[
            (88, S::ArmedClash),
            (5, S::GovernmentRegainsTerritory),
            (7, S::NonStateActorOvertakesTerritory),
        ]),
        EventType::ExplosionsRemoteViolence => *rng.pick_weighted(&[
            (55, S::RemoteExplosiveLandmineIed),
            (30, S::AirDroneStrike),
            (11, S::ShellingArtilleryMissile),
            (2, S::SuicideBomb),
            (2, S::Grenade),
        ]),
        EventType::ViolenceAgainstCivilians => *rng.pick_weighted(&[
            (75, S::Attack),
            (22, S::AbductionForcedDisappearance),
            (3, S::SexualViolence),
        ]),
        EventType::StrategicDevelopments => *rng.pick_weighted(&[
            (35, S::LootingPropertyDestruction),
            (20, S::Arrests),
            (15, S::DisruptedWeaponsUse),
            (10, S::ChangeToGroupActivity),
            (5, S::Agreement),
            (5, S::NonViolentTransferOfTerritory),
            (4, S::HeadquartersOrBaseEstablished),
            (6, S::Other),
        ]),
        EventType::Protests => *rng.pick_weighted(&[
            (88, S::PeacefulProtest),
            (9, S::ProtestWithIntervention),
            (3, S::ExcessiveForceAgainstProtesters),
        ]),
        EventType::Riots => {
            *rng.pick_weighted(&[(55, S::ViolentDemonstration), (45, S::MobViolence)])
        }
    }
}

/// Actor 1 and actor 2 of an event of sub-type `sub` at `p`.
pub(crate) fn sides(sub: SubEventType, p: &Place, rng: &mut Rng) -> (Side, Option<Side>) {
    use SubEventType as S;
    let a = actors::jihadist;
    match sub {
        S::ArmedClash => {
            let (x, y) = actors::clash(p, rng);
            (x, Some(y))
        }
        S::GovernmentRegainsTerritory => (actors::state(p, rng), Some(a(p, rng))),
        S::NonStateActorOvertakesTerritory => (a(p, rng), Some(actors::state(p, rng))),
        S::RemoteExplosiveLandmineIed => {
            let x = actors::perpetrator(p, rng, 0.55);
            let y = match rng.unit() {
                u if u < 0.05 && actors::in_mali_before_minusma_left(p) => actors::minusma(),
                u if u < 0.68 => actors::state(p, rng),
                _ => actors::civilians(p),
            };
            (x, Some(y))
        }
        S::AirDroneStrike => {
            let x = match actors::france_active(p) && rng.chance(0.35) {
                true => actors::france(),
                false => actors::state(p, rng),
            };
            let y = match rng.unit() {
                u if u < 0.55 => Some(a(p, rng)),
                u if u < 0.92 => Some(actors::civilians(p)),
                _ => None,
            };
            (x, y)
        }
        S::SuicideBomb => (a(p, rng), Some(actors::state(p, rng))),
        S::ShellingArtilleryMissile => match rng.chance(0.7) {
            true => (a(p, rng), Some(actors::state(p, rng))),
            false => (actors::state(p, rng), Some(a(p, rng))),
        },
        S::Grenade => (actors::unidentified(p), Some(actors::civilians(p))),
        S::Attack | S::AbductionForcedDisappearance | S::SexualViolence => {
            let jihadist = match sub {
                S::Attack => 0.50,
                S::AbductionForcedDisappearance => 0.55,
                _ => 0.25,
            };
            let x = match rng.unit() {
                u if u < jihadist => a(p, rng),
                u if u < jihadist + 0.12 => actors::state(p, rng),
                u if u < jihadist + 0.15 && actors::wagner_active(p) => actors::wagner(p),
                u if u < jihadist + 0.28 => actors::militia(p, rng),
                _ => actors::unidentified(p),
            };
            (x, Some(actors::civilians(p)))
        }
        S::LootingPropertyDestruction => {
            let x = match rng.unit() {
                u if u < 0.45 => a(p, rng),
                u if u < 0.80 => actors::unidentified(p),
                u if u < 0.90 => actors::militia(p, rng),
                _ => actors::state(p, rng),
            };
            (x, Some(actors::civilians(p)))
        }
        S::Arrests => {
            let y = match rng.chance(0.5) {
                true => actors::civilians(p),
                false => a(p, rng),
            };
            let x = match rng.chance(0.5) {
                true => actors::police(p),
                false => actors::state(p, rng),
            };
            (x, Some(y))
        }
        S::DisruptedWeaponsUse => {
            let y = rng.chance(0.4).then(|| a(p, rng));
            (actors::state(p, rng), y)
        }
        S::Agreement => match rng.chance(0.7) {
            true => (a(p, rng), Some(actors::civilians(p))),
            false => (actors::militia(p, rng), Some(a(p, rng))),
        },
        S::ChangeToGroupActivity | S::NonViolentTransferOfTerritory => match rng.chance(0.7) {
            true => (a(p, rng), None),
            false => (actors::state(p, rng), None),
        },
        S::HeadquartersOrBaseEstablished => match rng.chance(0.6) {
            true => (a(p, rng), None),
            false => (actors::state(p, rng), None),
        },
        S::Other | S::ChemicalWeapon => (actors::unidentified(p), None),
        S::PeacefulProtest => (actors::protesters(p), None),
        S::ProtestWithIntervention => (actors::protesters(p), Some(actors::police(p))),
        S::ExcessiveForceAgainstProtesters => (actors::police(p), Some(actors::protesters(p))),
        S::ViolentDemonstration => {
            let y = rng.chance(0.5).then(|| actors::police(p));
            (actors::rioters(p), y)
        }
        S::MobViolence => (actors::rioters(p), Some(actors::civilians(p))),
    }
}

/// Long-tailed fatalities: (share of zero, lognormal mu, sigma).
fn fatality_model(sub: SubEventType) -> (f64, f64, f64) {
    use SubEventType as S;
    match sub {
        S::ArmedClash => (0.22, 1.1, 1.15),
        S::GovernmentRegainsTerritory => (0.40, 0.8, 1.0),
        S::NonStateActorOvertakesTerritory => (0.20, 1.6, 1.2),
        S::AirDroneStrike => (0.30, 1.2, 1.1),
        S::ShellingArtilleryMissile => (0.60, 0.4, 0.8),
        S::RemoteExplosiveLandmineIed => (0.45, 0.7, 0.9),
        S::SuicideBomb => (0.10, 1.8, 1.0),
        S::Grenade | S::MobViolence => (0.60, 0.2, 0.6),
        S::Attack => (0.15, 0.7, 1.15),
        S::AbductionForcedDisappearance => (0.95, 0.0, 0.5),
        S::SexualViolence | S::PeacefulProtest | S::Agreement | S::ChemicalWeapon => {
            (1.0, 0.0, 0.0)
        }
        S::LootingPropertyDestruction => (0.92, 0.2, 0.6),
        S::ProtestWithIntervention => (0.97, 0.0, 0.5),
        S::ExcessiveForceAgainstProtesters => (0.60, 0.3, 0.7),
        S::ViolentDemonstration => (0.90, 0.2, 0.6),
        _ => (0.97, 0.0, 0.6),
    }
}

pub(crate) fn fatalities(sub: SubEventType, rng: &mut Rng) -> u32 {
    let (zero, mu, sigma) = fatality_model(sub);
    if zero >= 1.0 || rng.chance(zero) {
        return 0;
    }
    (rng.lognormal(mu, sigma).ceil() as u32).clamp(1, 800)
}

/// ACLED's `disorder_type` for a sub-type.
pub(crate) fn disorder_type(sub: SubEventType) -> &'static str {
    use SubEventType as S;
    match sub {
        S::ExcessiveForceAgainstProtesters | S::MobViolence => "Political violence; Demonstrations",
        _ => match sub.parent() {
            EventType::Protests | EventType::Riots => "Demonstrations",
            EventType::StrategicDevelopments => "Strategic developments",
            _ => "Political violence",
        },
    }
}

/// ACLED's text `interaction`: both kinds in code order ("State forces-
/// Rebel group"), or "<kind> only".
pub(crate) fn interaction(a: ActorKind, b: Option<ActorKind>) -> String {
    match b {
        None => format!("{} only", a.label()),
        Some(b) => {
            let (x, y) = if a.code() <= b.code() { (a, b) } else { (b, a) };
            format!("{}-{}", x.label(), y.label())
        }
    }
}

pub(crate) const SOURCE_SCALES: [(u32, &str); 8] = [
    (30, "Local partner-National"),
    (20, "National"),
    (15, "Subnational"),
    (10, "New media-National"),
    (8, "International"),
    (7, "National-International"),
    (5, "Subnational-National"),
    (5, "Other-National"),
];
