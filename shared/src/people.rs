//! Who is who: roles, legal status, care-leaver categories and age bands.

use serde::{Deserialize, Serialize};

/// What a signed-in person is to the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A child in care or a care leaver.
    YoungPerson,
    SocialWorker,
    PersonalAdviser,
    /// Independent reviewing officer: chairs review meetings.
    Iro,
    /// Runs Positive Journeys (the Children in Care Council) and its forum.
    ParticipationOfficer,
    TeamManager,
    Admin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::YoungPerson,
        Role::SocialWorker,
        Role::PersonalAdviser,
        Role::Iro,
        Role::ParticipationOfficer,
        Role::TeamManager,
        Role::Admin,
    ];

    /// The stored form, the same as the JSON form.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::YoungPerson => "young_person",
            Role::SocialWorker => "social_worker",
            Role::PersonalAdviser => "personal_adviser",
            Role::Iro => "iro",
            Role::ParticipationOfficer => "participation_officer",
            Role::TeamManager => "team_manager",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    pub fn is_staff(self) -> bool {
        self != Role::YoungPerson
    }

    /// The role in words a child understands.
    pub fn plain_name(self) -> &'static str {
        match self {
            Role::YoungPerson => "young person",
            Role::SocialWorker => "social worker",
            Role::PersonalAdviser => "personal adviser",
            Role::Iro => "independent reviewing officer (the person who runs your review meeting)",
            Role::ParticipationOfficer => "participation officer (runs Positive Journeys)",
            Role::TeamManager => "team manager",
            Role::Admin => "administrator",
        }
    }
}

/// The kinds of team in a council's children's services (seed 004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TeamKind {
    LookedAfterChildren,
    LeavingCare,
    Safeguarding,
    Participation,
    VirtualSchool,
    Management,
    Other,
}

impl TeamKind {
    pub const ALL: [TeamKind; 7] = [
        TeamKind::LookedAfterChildren,
        TeamKind::LeavingCare,
        TeamKind::Safeguarding,
        TeamKind::Participation,
        TeamKind::VirtualSchool,
        TeamKind::Management,
        TeamKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TeamKind::LookedAfterChildren => "looked_after_children",
            TeamKind::LeavingCare => "leaving_care",
            TeamKind::Safeguarding => "safeguarding",
            TeamKind::Participation => "participation",
            TeamKind::VirtualSchool => "virtual_school",
            TeamKind::Management => "management",
            TeamKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<TeamKind> {
        TeamKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Why the council looks after a child (Children Act 1989).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegalStatus {
    /// Section 20: accommodated with a parent's agreement.
    Section20,
    /// Section 31: a care order from a court.
    Section31,
    /// An interim care order while the court decides.
    InterimCareOrder,
    /// A placement order (adoption planned).
    PlacementOrder,
    /// Remanded to the council's care.
    Remand,
    /// No longer looked after.
    CareEnded,
}

/// Care-leaver category (Children Act 1989, as amended). Always computed from
/// date of birth and care episodes, never typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CareLeaverCategory {
    /// Not a care leaver (yet): a younger child in care, or never eligible.
    None,
    /// 16-17, looked after 13 weeks since 14 including after 16, still looked after.
    Eligible,
    /// 16-17, was eligible, has left care.
    Relevant,
    /// 18-25, was eligible or relevant.
    FormerRelevant,
    /// Looked after at some point after 16 but not eligible.
    Qualifying,
}

/// Age bands used to pick the right words and forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgeBand {
    /// Under 8: pictures and faces, done with a trusted adult.
    Under8,
    /// 8 to 11.
    From8To11,
    /// 12 to 17.
    From12To17,
    /// 18 to 25: care leavers.
    From18To25,
    /// Over 25: no longer supported.
    Over25,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_stored_form() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn team_kinds_round_trip() {
        for k in TeamKind::ALL {
            assert_eq!(TeamKind::parse(k.as_str()), Some(k));
        }
    }
}
