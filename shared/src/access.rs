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
    /// Their reviews: when, where, who; outcomes; the schedule.
    ReadReviews,
    /// Book, move or cancel a review and record what was decided (their
    /// IRO; a personal adviser for a care leaver's pathway plan review).
    ManageReviews,
    /// A young person asks for their review to be brought forward.
    AskForReview,
    /// A young person fills in and sends their own review feedback form.
    GiveFeedback,
    /// Read the feedback a young person chose to send to the reader.
    ReadFeedback,
    /// Write the "you said, we did" answer to it.
    AnswerFeedback,
    /// Record what was done about a safeguarding alert.
    RespondToAlert,
    /// See safeguarding alerts about them.
    ReadAlerts,
}

impl Action {
    pub const ALL: [Action; 25] = [
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
        Action::ReadReviews,
        Action::ManageReviews,
        Action::AskForReview,
        Action::GiveFeedback,
        Action::ReadFeedback,
        Action::AnswerFeedback,
        Action::RespondToAlert,
        Action::ReadAlerts,
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
            Action::ReadReviews => "read_reviews",
            Action::ManageReviews => "manage_reviews",
            Action::AskForReview => "ask_for_review",
            Action::GiveFeedback => "give_feedback",
            Action::ReadFeedback => "read_feedback",
            Action::AnswerFeedback => "answer_feedback",
            Action::RespondToAlert => "respond_to_alert",
            Action::ReadAlerts => "read_alerts",
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
            Action::ReadReviews => "looked at your reviews",
            Action::ManageReviews => "booked or updated your review",
            Action::AskForReview => "asked for an earlier review",
            Action::GiveFeedback => "worked on your views for your review",
            Action::ReadFeedback => "read the views you sent for your review",
            Action::AnswerFeedback => "answered the views you sent for your review",
            Action::RespondToAlert => "followed up a worry about your safety",
            Action::ReadAlerts => "looked at a worry about your safety",
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
                | A::ReadReviews
                | A::AskForReview
                | A::GiveFeedback
        ),
        // A personal adviser runs a care leaver's pathway plan reviews.
        (Role::PersonalAdviser, R::Allocated(Relationship::PersonalAdviser))
            if matches!(action, A::ManageReviews | A::AnswerFeedback) =>
        {
            true
        }
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
                | A::ReadReviews
                | A::ReadFeedback
                | A::RespondToAlert
                | A::ReadAlerts
        ),
        (Role::Iro, R::Allocated(Relationship::Iro)) => matches!(
            action,
            A::ReadProfile
                | A::ReadAllocations
                | A::ReadOffer
                | A::ReadCircumstances
                | A::ReadPlan
                | A::ReadReviews
                | A::ManageReviews
                | A::ReadFeedback
                | A::AnswerFeedback
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
                | A::ReadReviews
                | A::RespondToAlert
                | A::ReadAlerts
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
                | A::ReadReviews
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
    /// See who is in one's own team (managers allocating work).
    ListTeamStaff,
    /// See the reviews of the young people one works with, overdue first.
    ListReviews,
    /// Set the council's review promise (first review within a month).
    ManageReviewSettings,
    /// Revise the "good for me" feedback forms (each change a new version).
    ManageFeedbackForms,
    /// Anonymous totals of feedback, small groups hidden.
    ViewFeedbackInsights,
    /// See and respond to safeguarding alerts (never participation
    /// officers; admins see no case content).
    HandleSafeguardingAlerts,
    /// Positive Journeys: read and post in the spaces one's age and status
    /// allow, report, block, sign up to events, answer polls (young people).
    TakePart,
    /// The forum's moderation queue: approve, edit, reject, remove, lock,
    /// suspend; the council's watched words (participation officers).
    ModerateForum,
    /// Read the moderation log (managers, and those who moderate).
    ReadModerationLog,
    /// Add spaces and set their age rules (administrators and
    /// participation officers).
    ManageForumSpaces,
    /// Run events, consultations and polls (participation officers).
    RunParticipation,
    /// Anonymous participation figures, small groups hidden.
    ReadParticipationFigures,
    /// The staff home screen: counts of one's own waiting work.
    SeeStaffHome,
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
        Ability::ListTeamStaff => role == Role::TeamManager,
        Ability::ListReviews => matches!(
            role,
            Role::SocialWorker | Role::PersonalAdviser | Role::Iro | Role::TeamManager
        ),
        Ability::ManageReviewSettings | Ability::ManageFeedbackForms => role == Role::Admin,
        Ability::ViewFeedbackInsights => matches!(role, Role::TeamManager | Role::Admin),
        Ability::HandleSafeguardingAlerts => matches!(
            role,
            Role::SocialWorker | Role::PersonalAdviser | Role::TeamManager
        ),
        Ability::TakePart => role == Role::YoungPerson,
        Ability::ModerateForum | Ability::RunParticipation => role == Role::ParticipationOfficer,
        Ability::ReadModerationLog | Ability::ReadParticipationFigures => matches!(
            role,
            Role::ParticipationOfficer | Role::TeamManager | Role::Admin
        ),
        Ability::ManageForumSpaces => matches!(role, Role::ParticipationOfficer | Role::Admin),
        Ability::SeeStaffHome => role.is_staff(),
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
    fn the_forum_is_for_young_people_and_moderated_by_participation() {
        for role in Role::ALL {
            assert_eq!(can(role, Ability::TakePart), role == Role::YoungPerson);
            assert_eq!(
                can(role, Ability::ModerateForum),
                role == Role::ParticipationOfficer
            );
        }
        // Managers read the moderation log; nobody young does.
        assert!(can(Role::TeamManager, Ability::ReadModerationLog));
        assert!(!can(Role::YoungPerson, Ability::ReadModerationLog));
        assert!(!can(Role::SocialWorker, Ability::ReadModerationLog));
        assert!(can(Role::Admin, Ability::ManageForumSpaces));
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
    fn feedback_is_read_only_by_workers_and_alerts_never_by_participation() {
        assert!(allowed(
            Role::YoungPerson,
            Relation::Own,
            Action::GiveFeedback
        ));
        assert!(!allowed(
            Role::YoungPerson,
            Relation::Own,
            Action::ReadFeedback
        ));
        assert!(allowed(
            Role::Iro,
            Relation::Allocated(Relationship::Iro),
            Action::AnswerFeedback
        ));
        assert!(!allowed(
            Role::SocialWorker,
            Relation::Allocated(Relationship::SocialWorker),
            Action::ManageReviews
        ));
        assert!(allowed(
            Role::PersonalAdviser,
            Relation::Allocated(Relationship::PersonalAdviser),
            Action::ManageReviews
        ));
        assert!(!allowed(
            Role::TeamManager,
            Relation::ManagesTeam,
            Action::ReadFeedback
        ));
        assert!(!can(
            Role::ParticipationOfficer,
            Ability::HandleSafeguardingAlerts
        ));
        assert!(!can(Role::Admin, Ability::HandleSafeguardingAlerts));
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
