//! Who may do what to whose records: the one table of rules.
//!
//! The server computes how the caller relates to the young person whose
//! record is asked for ([`Relation`]) and asks [`allowed`]. The authorization
//! test walks every endpoint, role and relation through this same function,
//! so the code and its test cannot drift apart.

use crate::people::Role;
use serde::{Deserialize, Serialize};

/// How a member of staff is linked to a young person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    SocialWorker,
    PersonalAdviser,
    Iro,
}

impl Relationship {
    pub const ALL: [Relationship; 3] = [
        Relationship::SocialWorker,
        Relationship::PersonalAdviser,
        Relationship::Iro,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::SocialWorker => "social_worker",
            Relationship::PersonalAdviser => "personal_adviser",
            Relationship::Iro => "iro",
        }
    }

    pub fn parse(s: &str) -> Option<Relationship> {
        Relationship::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The staff role that may hold this kind of allocation.
    pub fn staff_role(self) -> Role {
        match self {
            Relationship::SocialWorker => Role::SocialWorker,
            Relationship::PersonalAdviser => Role::PersonalAdviser,
            Relationship::Iro => Role::Iro,
        }
    }

    /// Said to a child: "your social worker".
    pub fn plain(self) -> &'static str {
        match self {
            Relationship::SocialWorker => "social worker",
            Relationship::PersonalAdviser => "personal adviser",
            Relationship::Iro => "IRO (the person who runs your review meetings)",
        }
    }
}

/// The caller's link to the young person whose record is asked for, now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The young person themself.
    Own,
    /// Staff with a current allocation of this kind.
    Allocated(Relationship),
    /// A team manager whose team has a worker allocated now.
    ManagesTeam,
    /// An admin with a recorded, unexpired break-glass reason.
    BreakGlass,
    /// Same council, no link.
    Unrelated,
}

impl Relation {
    /// How the audit trail names the basis of an access.
    pub fn basis(self) -> &'static str {
        match self {
            Relation::Own => "own_record",
            Relation::Allocated(Relationship::SocialWorker) => "allocated_social_worker",
            Relation::Allocated(Relationship::PersonalAdviser) => "allocated_personal_adviser",
            Relation::Allocated(Relationship::Iro) => "allocated_iro",
            Relation::ManagesTeam => "team_manager",
            Relation::BreakGlass => "break_glass",
            Relation::Unrelated => "none",
        }
    }
}

/// What is being done to a young person's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Name, date of birth, care status: case content.
    ReadProfile,
    /// Care episodes and legal status changes.
    WriteCareHistory,
    /// Who the young person's workers are, now and before.
    ReadAllocations,
    /// Allocate or reallocate a worker.
    ManageAllocations,
    /// Create the young person's account or a new one-time code for it.
    IssueActivationCode,
    /// The audit trail of who looked at the record.
    ReadAudit,
    /// Record a break-glass reason (admins only; see [`allowed`]).
    BreakGlass,
    /// What the local offer gives this young person ("My offer").
    ReadOffer,
    /// Their circumstances: in education, work, Staying Put, where they live.
    ReadCircumstances,
    /// Record a change of circumstances (their allocated worker).
    WriteCircumstances,
    /// "Ask about this": a young person's own request about an entitlement.
    AskAboutOffer,
    /// Their requests about the local offer and how each is going.
    ReadOfferRequests,
    /// Answer a request: in progress, agreed, paid or turned down.
    AnswerOfferRequest,
    /// Their plan (care plan or pathway plan), as shared and in draft.
    ReadPlan,
    /// Write the draft plan and share it with them.
    WritePlan,
    /// "I don't understand this" / "I don't agree" on their own plan.
    AskAboutPlan,
    /// Answer their question about the plan.
    AnswerPlanQuery,
}

impl Action {
    pub const ALL: [Action; 17] = [
        Action::ReadProfile,
        Action::WriteCareHistory,
        Action::ReadAllocations,
        Action::ManageAllocations,
        Action::IssueActivationCode,
        Action::ReadAudit,
        Action::BreakGlass,
        Action::ReadOffer,
        Action::ReadCircumstances,
        Action::WriteCircumstances,
        Action::AskAboutOffer,
        Action::ReadOfferRequests,
        Action::AnswerOfferRequest,
        Action::ReadPlan,
        Action::WritePlan,
        Action::AskAboutPlan,
        Action::AnswerPlanQuery,
    ];

    /// How the audit trail names the action.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::ReadProfile => "read_profile",
            Action::WriteCareHistory => "write_care_history",
            Action::ReadAllocations => "read_allocations",
            Action::ManageAllocations => "manage_allocations",
            Action::IssueActivationCode => "issue_activation_code",
            Action::ReadAudit => "read_audit",
            Action::BreakGlass => "break_glass",
            Action::ReadOffer => "read_offer",
            Action::ReadCircumstances => "read_circumstances",
            Action::WriteCircumstances => "write_circumstances",
            Action::AskAboutOffer => "ask_about_offer",
            Action::ReadOfferRequests => "read_offer_requests",
            Action::AnswerOfferRequest => "answer_offer_request",
            Action::ReadPlan => "read_plan",
            Action::WritePlan => "write_plan",
            Action::AskAboutPlan => "ask_about_plan",
            Action::AnswerPlanQuery => "answer_plan_query",
        }
    }

    /// Words for the young person's "who looked at my records" list.
    pub fn plain(self) -> &'static str {
        match self {
            Action::ReadProfile => "looked at your details",
            Action::WriteCareHistory => "updated your care history",
            Action::ReadAllocations => "looked at who your workers are",
            Action::ManageAllocations => "changed who your workers are",
            Action::IssueActivationCode => "made a sign-in code for your account",
            Action::ReadAudit => "looked at who has seen your records",
            Action::BreakGlass => "asked for emergency access to your records",
            Action::ReadOffer => "looked at what the local offer gives you",
            Action::ReadCircumstances => {
                "looked at what you are doing now (study, work and where you live)"
            }
            Action::WriteCircumstances => {
                "updated what you are doing now (study, work and where you live)"
            }
            Action::AskAboutOffer => "asked about something in the local offer",
            Action::ReadOfferRequests => "looked at your requests about the local offer",
            Action::AnswerOfferRequest => "answered your request about the local offer",
            Action::ReadPlan => "looked at your plan",
            Action::WritePlan => "worked on your plan",
            Action::AskAboutPlan => "asked about your plan",
            Action::AnswerPlanQuery => "answered your question about your plan",
        }
    }
}

/// The rules. Anything not listed is refused.
pub fn allowed(role: Role, relation: Relation, action: Action) -> bool {
    use Action as A;
    use Relation as R;
    match (role, relation) {
        (Role::YoungPerson, R::Own) => matches!(
            action,
            A::ReadProfile
                | A::ReadAllocations
                | A::ReadOffer
                | A::ReadCircumstances
                | A::AskAboutOffer
                | A::ReadOfferRequests
                | A::ReadPlan
                | A::AskAboutPlan
        ),
        (Role::SocialWorker, R::Allocated(Relationship::SocialWorker))
        | (Role::PersonalAdviser, R::Allocated(Relationship::PersonalAdviser)) => matches!(
            action,
            A::ReadProfile
                | A::WriteCareHistory
                | A::ReadAllocations
                | A::IssueActivationCode
                | A::ReadOffer
                | A::ReadCircumstances
                | A::WriteCircumstances
                | A::ReadOfferRequests
                | A::AnswerOfferRequest
                | A::ReadPlan
                | A::WritePlan
                | A::AnswerPlanQuery
        ),
        (Role::Iro, R::Allocated(Relationship::Iro)) => matches!(
            action,
            A::ReadProfile | A::ReadAllocations | A::ReadOffer | A::ReadCircumstances | A::ReadPlan
        ),
        (Role::TeamManager, R::ManagesTeam) => matches!(
            action,
            A::ReadProfile
                | A::WriteCareHistory
                | A::ReadAllocations
                | A::ManageAllocations
                | A::IssueActivationCode
                | A::ReadAudit
                | A::ReadOffer
                | A::ReadCircumstances
                | A::WriteCircumstances
                | A::ReadOfferRequests
                | A::AnswerOfferRequest
                | A::ReadPlan
                | A::WritePlan
                | A::AnswerPlanQuery
        ),
        // Admins run accounts and allocations for their council, and see
        // case content only through a recorded break-glass reason.
        (Role::Admin, R::BreakGlass) => matches!(
            action,
            A::ReadProfile
                | A::ReadAllocations
                | A::ManageAllocations
                | A::IssueActivationCode
                | A::BreakGlass
                | A::ReadOffer
                | A::ReadCircumstances
                | A::ReadOfferRequests
                | A::ReadPlan
        ),
        (Role::Admin, R::Unrelated) => matches!(
            action,
            A::ManageAllocations | A::IssueActivationCode | A::BreakGlass
        ),
        // Participation officers never see case records.
        _ => false,
    }
}

/// Staff-wide abilities that are not about one young person's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ability {
    /// Create and disable staff accounts.
    ManageStaff,
    /// Add a young person's record.
    CreateYoungPerson,
    /// See the list of young people one works with.
    ListCaseload,
    /// Edit the council's local offer (every change is versioned).
    ManageOffer,
    /// See and answer the local-offer requests of the young people one
    /// works with.
    AnswerOfferRequests,
    /// Write one's own "about me" for young people to read.
    EditOwnProfile,
}

pub fn can(role: Role, ability: Ability) -> bool {
    match ability {
        Ability::ManageStaff => role == Role::Admin,
        Ability::CreateYoungPerson => matches!(role, Role::Admin | Role::TeamManager),
        Ability::ListCaseload => matches!(
            role,
            Role::SocialWorker
                | Role::PersonalAdviser
                | Role::Iro
                | Role::TeamManager
                | Role::Admin
        ),
        Ability::ManageOffer => role == Role::Admin,
        Ability::AnswerOfferRequests => matches!(
            role,
            Role::SocialWorker | Role::PersonalAdviser | Role::TeamManager
        ),
        Ability::EditOwnProfile => role.is_staff(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participation_officers_never_see_case_records() {
        for rel in [
            Relation::Own,
            Relation::ManagesTeam,
            Relation::BreakGlass,
            Relation::Unrelated,
            Relation::Allocated(Relationship::SocialWorker),
        ] {
            for a in Action::ALL {
                assert!(!allowed(Role::ParticipationOfficer, rel, a));
            }
        }
    }

    #[test]
    fn nobody_reads_an_unrelated_record() {
        for role in Role::ALL {
            assert!(
                !allowed(role, Relation::Unrelated, Action::ReadProfile),
                "{role:?}"
            );
        }
    }

    #[test]
    fn admins_need_break_glass_for_case_content() {
        assert!(!allowed(
            Role::Admin,
            Relation::Unrelated,
            Action::ReadProfile
        ));
        assert!(allowed(
            Role::Admin,
            Relation::BreakGlass,
            Action::ReadProfile
        ));
    }

    #[test]
    fn a_worker_allocated_in_another_role_gets_nothing_from_it() {
        // An IRO who is somehow recorded as a social worker's allocation.
        assert!(!allowed(
            Role::Iro,
            Relation::Allocated(Relationship::SocialWorker),
            Action::ReadProfile
        ));
    }

    #[test]
    fn only_the_young_person_asks_about_their_offer() {
        for role in Role::ALL {
            for rel in [
                Relation::Allocated(Relationship::PersonalAdviser),
                Relation::Allocated(Relationship::SocialWorker),
                Relation::ManagesTeam,
                Relation::BreakGlass,
            ] {
                assert!(!allowed(role, rel, Action::AskAboutOffer), "{role:?}");
            }
        }
        assert!(allowed(
            Role::YoungPerson,
            Relation::Own,
            Action::AskAboutOffer
        ));
        assert!(!allowed(
            Role::YoungPerson,
            Relation::Own,
            Action::WriteCircumstances
        ));
        assert!(allowed(
            Role::PersonalAdviser,
            Relation::Allocated(Relationship::PersonalAdviser),
            Action::AnswerOfferRequest
        ));
    }

    #[test]
    fn actions_have_distinct_names() {
        for (i, a) in Action::ALL.iter().enumerate() {
            for b in &Action::ALL[i + 1..] {
                assert_ne!(a.as_str(), b.as_str());
            }
        }
    }

    #[test]
    fn relationships_round_trip() {
        for r in Relationship::ALL {
            assert_eq!(Relationship::parse(r.as_str()), Some(r));
        }
    }
}
