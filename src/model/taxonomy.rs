//! ACLED's event taxonomy (6 types, 25 sub-types), the mapping of legacy
//! ACLED types and UCDP's `type_of_violence` onto it, and actor kinds.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    Battles,
    ExplosionsRemoteViolence,
    ViolenceAgainstCivilians,
    Protests,
    Riots,
    StrategicDevelopments,
}

impl EventType {
    pub const ALL: [EventType; 6] = [
        Self::Battles,
        Self::ExplosionsRemoteViolence,
        Self::ViolenceAgainstCivilians,
        Self::Protests,
        Self::Riots,
        Self::StrategicDevelopments,
    ];

    /// ACLED's spelling.
    pub fn name(self) -> &'static str {
        match self {
            Self::Battles => "Battles",
            Self::ExplosionsRemoteViolence => "Explosions/Remote violence",
            Self::ViolenceAgainstCivilians => "Violence against civilians",
            Self::Protests => "Protests",
            Self::Riots => "Riots",
            Self::StrategicDevelopments => "Strategic developments",
        }
    }

    /// Exact current name, case-insensitive.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        Self::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(raw))
    }
}

macro_rules! sub_types {
    ($( $v:ident => $name:literal, $parent:ident; )*) => {
        /// ACLED's 25 sub-event types.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum SubEventType { $($v,)* }

        impl SubEventType {
            pub const ALL: [SubEventType; 25] = [$(Self::$v,)*];

            pub fn name(self) -> &'static str {
                match self { $(Self::$v => $name,)* }
            }

            /// The event type this sub-type belongs to.
            pub fn parent(self) -> EventType {
                match self { $(Self::$v => EventType::$parent,)* }
            }
        }
    };
}

sub_types! {
    ArmedClash => "Armed clash", Battles;
    GovernmentRegainsTerritory => "Government regains territory", Battles;
    NonStateActorOvertakesTerritory => "Non-state actor overtakes territory", Battles;
    ChemicalWeapon => "Chemical weapon", ExplosionsRemoteViolence;
    AirDroneStrike => "Air/drone strike", ExplosionsRemoteViolence;
    SuicideBomb => "Suicide bomb", ExplosionsRemoteViolence;
    ShellingArtilleryMissile => "Shelling/artillery/missile attack", ExplosionsRemoteViolence;
    RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED", ExplosionsRemoteViolence;
    Grenade => "Grenade", ExplosionsRemoteViolence;
    SexualViolence => "Sexual violence", ViolenceAgainstCivilians;
    Attack => "Attack", ViolenceAgainstCivilians;
    AbductionForcedDisappearance => "Abduction/forced disappearance", ViolenceAgainstCivilians;
    PeacefulProtest => "Peaceful protest", Protests;
    ProtestWithIntervention => "Protest with intervention", Protests;
    ExcessiveForceAgainstProtesters => "Excessive force against protesters", Protests;
    ViolentDemonstration => "Violent demonstration", Riots;
    MobViolence => "Mob violence", Riots;
    Agreement => "Agreement", StrategicDevelopments;
    Arrests => "Arrests", StrategicDevelopments;
    ChangeToGroupActivity => "Change to group/activity", StrategicDevelopments;
    DisruptedWeaponsUse => "Disrupted weapons use", StrategicDevelopments;
    HeadquartersOrBaseEstablished => "Headquarters or base established", StrategicDevelopments;
    LootingPropertyDestruction => "Looting/property destruction", StrategicDevelopments;
    NonViolentTransferOfTerritory => "Non-violent transfer of territory", StrategicDevelopments;
    Other => "Other", StrategicDevelopments;
}

impl SubEventType {
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        Self::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(raw))
    }
}

/// Lowercase with spaces, dashes and underscores removed, for loose matching.
fn squash(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\u{2013}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Maps an ACLED `event_type` (current or legacy) to the current taxonomy.
/// Legacy types may imply a sub-type ("Battle-No change of territory" is an
/// armed clash). "Riots/Protests" becomes `Riots` when rioters are involved
/// (`rioters` = an actor coded as rioters), `Protests` otherwise.
pub fn classify_event_type(raw: &str, rioters: bool) -> Option<(EventType, Option<SubEventType>)> {
    if let Some(t) = EventType::parse(raw) {
        return Some((t, None));
    }
    use EventType as E;
    use SubEventType as S;
    let r = match squash(raw).as_str() {
        "riots/protests" | "riotsprotests" | "protests/riots" => {
            (if rioters { E::Riots } else { E::Protests }, None)
        }
        "battlenochangeofterritory" => (E::Battles, Some(S::ArmedClash)),
        "battlegovernmentregainsterritory" => (E::Battles, Some(S::GovernmentRegainsTerritory)),
        "battlenonstateactorovertakesterritory" | "battlenonstateactorsovertaketerritory" => {
            (E::Battles, Some(S::NonStateActorOvertakesTerritory))
        }
        "remoteviolence" | "explosions/remoteviolence" => (E::ExplosionsRemoteViolence, None),
        "violenceagainstcivilians" => (E::ViolenceAgainstCivilians, None),
        "strategicdevelopment" | "strategicdevelopments" => (E::StrategicDevelopments, None),
        "nonviolenttransferofterritory" => (
            E::StrategicDevelopments,
            Some(S::NonViolentTransferOfTerritory),
        ),
        "headquartersorbaseestablished" => (
            E::StrategicDevelopments,
            Some(S::HeadquartersOrBaseEstablished),
        ),
        "battles" | "battle" => (E::Battles, None),
        "riots" => (E::Riots, None),
        "protests" => (E::Protests, None),
        _ => return None,
    };
    Some(r)
}

/// UCDP `type_of_violence`: 1 state-based and 2 non-state conflict map to
/// `Battles`; 3 one-sided violence maps to `ViolenceAgainstCivilians` with
/// civilian targeting. Returns (type, civilian_targeting).
pub fn classify_ucdp_violence(code: u8) -> Option<(EventType, bool)> {
    match code {
        1 | 2 => Some((EventType::Battles, false)),
        3 => Some((EventType::ViolenceAgainstCivilians, true)),
        _ => None,
    }
}

/// ACLED actor kinds (`inter1`/`inter2`), given as codes 1-8 or text labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActorKind {
    StateForces,
    RebelGroup,
    PoliticalMilitia,
    IdentityMilitia,
    Rioters,
    Protesters,
    Civilians,
    ExternalOtherForces,
}

impl ActorKind {
    pub const ALL: [ActorKind; 8] = [
        Self::StateForces,
        Self::RebelGroup,
        Self::PoliticalMilitia,
        Self::IdentityMilitia,
        Self::Rioters,
        Self::Protesters,
        Self::Civilians,
        Self::ExternalOtherForces,
    ];

    /// ACLED's numeric code (1-8).
    pub fn code(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code).checked_sub(1)?).copied()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::StateForces => "State forces",
            Self::RebelGroup => "Rebel group",
            Self::PoliticalMilitia => "Political militia",
            Self::IdentityMilitia => "Identity militia",
            Self::Rioters => "Rioters",
            Self::Protesters => "Protesters",
            Self::Civilians => "Civilians",
            Self::ExternalOtherForces => "External/Other forces",
        }
    }

    /// Parses a code ("2", "2.0") or a label ("Rebel group", "Rebel groups"),
    /// case-insensitively and without allocating. "0" and unknown text give
    /// `None`.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        let num = raw.strip_suffix(".0").unwrap_or(raw);
        if let Ok(code) = num.parse::<u8>() {
            return Self::from_code(code);
        }
        let singular = raw
            .strip_suffix('s')
            .or_else(|| raw.strip_suffix('S'))
            .unwrap_or(raw);
        Self::ALL.into_iter().find(|k| {
            let label = k.label();
            let label = label.strip_suffix('s').unwrap_or(label);
            label.eq_ignore_ascii_case(singular)
                || (*k == Self::ExternalOtherForces
                    && singular.eq_ignore_ascii_case("external/other"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_five_sub_types_with_parents() {
        assert_eq!(SubEventType::ALL.len(), 25);
        let battles = SubEventType::ALL
            .iter()
            .filter(|s| s.parent() == EventType::Battles)
            .count();
        assert_eq!(battles, 3);
        assert_eq!(
            SubEventType::parse("remote explosive/landmine/IED"),
            Some(SubEventType::RemoteExplosiveLandmineIed)
        );
    }

    #[test]
    fn legacy_types() {
        use EventType as E;
        assert_eq!(
            classify_event_type("Battle-No change of territory", false),
            Some((E::Battles, Some(SubEventType::ArmedClash)))
        );
        assert_eq!(
            classify_event_type("Battle-Non-state actor overtakes territory", false),
            Some((
                E::Battles,
                Some(SubEventType::NonStateActorOvertakesTerritory)
            ))
        );
        assert_eq!(
            classify_event_type("Remote violence", false),
            Some((E::ExplosionsRemoteViolence, None))
        );
        assert_eq!(
            classify_event_type("Riots/Protests", true),
            Some((E::Riots, None))
        );
        assert_eq!(
            classify_event_type("Riots/Protests", false),
            Some((E::Protests, None))
        );
        assert_eq!(
            classify_event_type("Strategic development", false),
            Some((E::StrategicDevelopments, None))
        );
        assert_eq!(classify_event_type("Picnic", false), None);
    }

    #[test]
    fn actor_kinds() {
        assert_eq!(ActorKind::parse("1"), Some(ActorKind::StateForces));
        assert_eq!(
            ActorKind::parse("8.0"),
            Some(ActorKind::ExternalOtherForces)
        );
        assert_eq!(ActorKind::parse("0"), None);
        assert_eq!(
            ActorKind::parse("Rebel groups"),
            Some(ActorKind::RebelGroup)
        );
        assert_eq!(
            ActorKind::parse("External/Other forces"),
            Some(ActorKind::ExternalOtherForces)
        );
        assert_eq!(
            ActorKind::parse("political militia"),
            Some(ActorKind::PoliticalMilitia)
        );
        assert_eq!(ActorKind::parse("Civilians").map(ActorKind::code), Some(7));
        assert_eq!(
            classify_ucdp_violence(3),
            Some((EventType::ViolenceAgainstCivilians, true))
        );
    }
}
