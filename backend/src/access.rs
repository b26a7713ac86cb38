//! Authorisation of every read and change of a young person's record, and
//! its audit row. The rules themselves are `shared::access::allowed`.
//!
//! Someone else's record, or another council's, answers 404 exactly like a
//! record that does not exist.

use crate::auth::Caller;
use crate::entities::young_person;
use crate::error::ApiError;
use crate::repo::{allocations, audit, people};
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use shared::access::{allowed, Action, Relation, Relationship};
use shared::people::Role;

/// Permission to do `action` to one young person's record.
#[derive(Debug, Clone)]
pub struct Grant {
    pub young_person: young_person::Model,
    pub relation: Relation,
    pub allocation_id: Option<i32>,
    pub action: Action,
}

/// How the caller is linked to this young person at this moment.
pub async fn relation(
    db: &impl ConnectionTrait,
    caller: &Caller,
    yp: &young_person::Model,
) -> Result<(Relation, Option<i32>), ApiError> {
    let now = Utc::now();
    if caller.role == Role::YoungPerson {
        let own = caller.young_person_id == Some(yp.id);
        return Ok((
            if own {
                Relation::Own
            } else {
                Relation::Unrelated
            },
            None,
        ));
    }
    let mine = allocations::current_for_staff(db, yp.id, caller.account_id, now).await?;
    // Prefer the allocation that matches the caller's role.
    if let Some(a) = mine
        .iter()
        .find(|a| {
            Relationship::parse(&a.relationship).map(Relationship::staff_role) == Some(caller.role)
        })
        .or(mine.first())
    {
        if let Some(rel) = Relationship::parse(&a.relationship) {
            return Ok((Relation::Allocated(rel), Some(a.id)));
        }
    }
    if caller.role == Role::TeamManager {
        if let Some(team) = caller.team_id {
            if let Some(a) = allocations::current_in_team(db, yp.id, team, now).await? {
                return Ok((Relation::ManagesTeam, Some(a.id)));
            }
        }
    }
    if caller.role == Role::Admin
        && allocations::active_break_glass(db, caller.account_id, yp.id, now)
            .await?
            .is_some()
    {
        return Ok((Relation::BreakGlass, None));
    }
    Ok((Relation::Unrelated, None))
}

/// Decides; a refusal is written to the audit trail at once and answers 404.
/// An allowed action is recorded by [`Grant::record`], inside the change's
/// own transaction for changes.
pub async fn check(
    db: &DatabaseConnection,
    caller: &Caller,
    young_person_public_id: &str,
    action: Action,
) -> Result<Grant, ApiError> {
    let Some(yp) = people::by_public_id(db, caller.authority_id, young_person_public_id).await?
    else {
        return Err(ApiError::NotFound);
    };
    let (relation, allocation_id) = relation(db, caller, &yp).await?;
    decide(db, caller, yp, relation, allocation_id, action).await
}

/// Allowed, or refused with an audit row at once (and 404).
async fn decide(
    db: &DatabaseConnection,
    caller: &Caller,
    yp: young_person::Model,
    relation: Relation,
    allocation_id: Option<i32>,
    action: Action,
) -> Result<Grant, ApiError> {
    if !allowed(caller.role, relation, action) {
        audit::record(
            db,
            audit::Event {
                authority_id: caller.authority_id,
                actor_account_id: Some(caller.account_id),
                actor_role: caller.role.as_str(),
                young_person_id: Some(yp.id),
                action: action.as_str(),
                basis: relation.basis(),
                allocation_id,
                outcome: "denied",
                reason: None,
            },
            Utc::now(),
        )
        .await?;
        return Err(ApiError::NotFound);
    }
    Ok(Grant {
        young_person: yp,
        relation,
        allocation_id,
        action,
    })
}

/// `check`, then record the read at once.
pub async fn read(
    db: &DatabaseConnection,
    caller: &Caller,
    young_person_public_id: &str,
    action: Action,
) -> Result<Grant, ApiError> {
    let grant = check(db, caller, young_person_public_id, action).await?;
    grant.record_read(db, caller).await?;
    Ok(grant)
}

/// The signed-in young person's own record, checked like any other (and,
/// with `read`, recorded at once). Staff have no record of their own: 404.
pub async fn own(
    db: &DatabaseConnection,
    caller: &Caller,
    action: Action,
    read: bool,
) -> Result<Grant, ApiError> {
    let y = match &caller.young_person {
        Some(y) => y.clone(),
        None => {
            let yp_id = caller.young_person_id.ok_or(ApiError::NotFound)?;
            people::by_id(db, yp_id).await?.ok_or(ApiError::NotFound)?
        }
    };
    // As `check` would find it: in the caller's council, and their own, so
    // no query for a relationship.
    if y.authority_id != caller.authority_id {
        return Err(ApiError::NotFound);
    }
    let grant = decide(db, caller, y, Relation::Own, None, action).await?;
    if read {
        grant.record_read(db, caller).await?;
    }
    Ok(grant)
}

impl Grant {
    /// Records a read before it is answered: through the app's batched
    /// writer when the request has one, else at once.
    pub async fn record_read(
        &self,
        db: &DatabaseConnection,
        caller: &Caller,
    ) -> Result<(), ApiError> {
        match &caller.audit_log {
            Some(log) => log.record(db, self.event(caller, None), Utc::now()).await,
            None => self.record(db, caller, None).await,
        }
    }

    fn event<'a>(&'a self, caller: &'a Caller, reason: Option<&'a str>) -> audit::Event<'a> {
        audit::Event {
            authority_id: caller.authority_id,
            actor_account_id: Some(caller.account_id),
            actor_role: caller.role.as_str(),
            young_person_id: Some(self.young_person.id),
            action: self.action.as_str(),
            basis: self.relation.basis(),
            allocation_id: self.allocation_id,
            outcome: "allowed",
            reason,
        }
    }

    pub async fn record(
        &self,
        conn: &impl ConnectionTrait,
        caller: &Caller,
        reason: Option<&str>,
    ) -> Result<(), ApiError> {
        audit::record(conn, self.event(caller, reason), Utc::now()).await?;
        Ok(())
    }
}

/// A staff-wide ability (not about one record); refusal answers 404 too, so
/// the endpoint's existence says nothing to those who may not use it.
pub fn require(caller: &Caller, ability: shared::access::Ability) -> Result<(), ApiError> {
    if shared::access::can(caller.role, ability) {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// What guards each endpoint. The authorization walk test reads this table
/// with `shared::access::{allowed, can}`, and fails for any documented
/// endpoint that has no line here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person, about themself only.
    SignedIn,
    /// A signed-in young person, about their own record.
    YoungPersonSelf,
    /// A staff-wide ability.
    Ability(shared::access::Ability),
    /// One young person's record, named by `{id}` in the path.
    Record(Action),
}

pub const ENDPOINTS: &[(&str, &str, Guard)] = &[
    ("get", "/api/health", Guard::Public),
    ("get", "/api/openapi.json", Guard::Public),
    ("get", "/api/councils", Guard::Public),
    ("get", "/api/councils/{slug}", Guard::Public),
    ("get", "/api/councils/{slug}/teams", Guard::Public),
    ("post", "/api/auth/login", Guard::Public),
    ("post", "/api/auth/refresh", Guard::Public),
    ("post", "/api/auth/activate", Guard::Public),
    ("post", "/api/auth/logout", Guard::SignedIn),
    ("get", "/api/me", Guard::SignedIn),
    ("get", "/api/me/home", Guard::YoungPersonSelf),
    (
        "get",
        "/api/staff/home",
        Guard::Ability(shared::access::Ability::SeeStaffHome),
    ),
    ("post", "/api/me/password", Guard::SignedIn),
    ("put", "/api/me/language", Guard::SignedIn),
    ("get", "/api/me/sessions", Guard::SignedIn),
    ("delete", "/api/me/sessions/{id}", Guard::SignedIn),
    ("get", "/api/me/record-views", Guard::YoungPersonSelf),
    ("get", "/api/me/notifications", Guard::SignedIn),
    ("post", "/api/me/notifications/{id}/read", Guard::SignedIn),
    ("post", "/api/me/notifications/read-all", Guard::SignedIn),
    ("get", "/api/push/vapid-public-key", Guard::Public),
    ("get", "/api/me/push-subscriptions", Guard::SignedIn),
    ("post", "/api/me/push-subscriptions", Guard::SignedIn),
    ("delete", "/api/me/push-subscriptions/{id}", Guard::SignedIn),
    ("get", "/api/me/notification-preferences", Guard::SignedIn),
    ("put", "/api/me/notification-preferences", Guard::SignedIn),
    (
        "get",
        "/api/people",
        Guard::Ability(shared::access::Ability::ListCaseload),
    ),
    (
        "post",
        "/api/people",
        Guard::Ability(shared::access::Ability::CreateYoungPerson),
    ),
    (
        "get",
        "/api/people/{id}",
        Guard::Record(Action::ReadProfile),
    ),
    (
        "post",
        "/api/people/{id}/care-episodes",
        Guard::Record(Action::WriteCareHistory),
    ),
    (
        "post",
        "/api/people/{id}/account",
        Guard::Record(Action::IssueActivationCode),
    ),
    (
        "post",
        "/api/people/{id}/code",
        Guard::Record(Action::IssueActivationCode),
    ),
    (
        "get",
        "/api/people/{id}/allocations",
        Guard::Record(Action::ReadAllocations),
    ),
    (
        "post",
        "/api/people/{id}/allocations",
        Guard::Record(Action::ManageAllocations),
    ),
    (
        "get",
        "/api/people/{id}/audit",
        Guard::Record(Action::ReadAudit),
    ),
    (
        "post",
        "/api/people/{id}/break-glass",
        Guard::Record(Action::BreakGlass),
    ),
    (
        "get",
        "/api/staff",
        Guard::Ability(shared::access::Ability::ManageStaff),
    ),
    (
        "post",
        "/api/staff",
        Guard::Ability(shared::access::Ability::ManageStaff),
    ),
    (
        "patch",
        "/api/staff/{id}",
        Guard::Ability(shared::access::Ability::ManageStaff),
    ),
    (
        "post",
        "/api/staff/{id}/code",
        Guard::Ability(shared::access::Ability::ManageStaff),
    ),
    // The local offer (issue 4).
    ("get", "/api/councils/{slug}/offer", Guard::Public),
    ("get", "/api/me/offer", Guard::YoungPersonSelf),
    ("get", "/api/me/offer/search", Guard::YoungPersonSelf),
    ("get", "/api/me/offer/requests", Guard::YoungPersonSelf),
    ("post", "/api/me/offer/requests", Guard::YoungPersonSelf),
    (
        "get",
        "/api/people/{id}/offer",
        Guard::Record(Action::ReadOffer),
    ),
    (
        "get",
        "/api/people/{id}/circumstances",
        Guard::Record(Action::ReadCircumstances),
    ),
    (
        "patch",
        "/api/people/{id}/circumstances",
        Guard::Record(Action::WriteCircumstances),
    ),
    (
        "get",
        "/api/people/{id}/offer-requests",
        Guard::Record(Action::ReadOfferRequests),
    ),
    (
        "get",
        "/api/offer/requests",
        Guard::Ability(shared::access::Ability::AnswerOfferRequests),
    ),
    // Then, inside, the request's young person is checked with
    // Action::AnswerOfferRequest (someone else's answers 404).
    (
        "patch",
        "/api/offer/requests/{id}",
        Guard::Ability(shared::access::Ability::AnswerOfferRequests),
    ),
    (
        "get",
        "/api/offer/entitlements",
        Guard::Ability(shared::access::Ability::ManageOffer),
    ),
    (
        "post",
        "/api/offer/entitlements",
        Guard::Ability(shared::access::Ability::ManageOffer),
    ),
    (
        "put",
        "/api/offer/entitlements/{id}",
        Guard::Ability(shared::access::Ability::ManageOffer),
    ),
    (
        "get",
        "/api/offer/changes",
        Guard::Ability(shared::access::Ability::ManageOffer),
    ),
    (
        "get",
        "/api/people/{id}/plan",
        Guard::Record(Action::ReadPlan),
    ),
    (
        "get",
        "/api/people/{id}/plan/shared",
        Guard::Record(Action::ReadPlan),
    ),
    (
        "put",
        "/api/people/{id}/plan/draft",
        Guard::Record(Action::WritePlan),
    ),
    (
        "post",
        "/api/people/{id}/plan/share",
        Guard::Record(Action::WritePlan),
    ),
    (
        "post",
        "/api/people/{id}/plan/answer",
        Guard::Record(Action::AnswerPlanQuery),
    ),
    (
        "get",
        "/api/plan-questions",
        Guard::Ability(shared::access::Ability::ListCaseload),
    ),
    ("get", "/api/me/plan", Guard::YoungPersonSelf),
    ("get", "/api/me/plan/history", Guard::YoungPersonSelf),
    ("post", "/api/me/plan/questions", Guard::YoungPersonSelf),
    ("get", "/api/me/plan/questions", Guard::YoungPersonSelf),
    ("get", "/api/me/people", Guard::YoungPersonSelf),
    (
        "get",
        "/api/me/profile",
        Guard::Ability(shared::access::Ability::EditOwnProfile),
    ),
    (
        "put",
        "/api/me/profile",
        Guard::Ability(shared::access::Ability::EditOwnProfile),
    ),
    // Reviews and "good for me" feedback (issue 6). Other ids (a review, a
    // feedback, an alert, a form) travel in the query or the body; inside,
    // each must belong to the young person already checked, else 404.
    ("get", "/api/me/reviews", Guard::YoungPersonSelf),
    ("get", "/api/me/reviews/next.ics", Guard::YoungPersonSelf),
    ("post", "/api/me/reviews/requests", Guard::YoungPersonSelf),
    (
        "put",
        "/api/me/reviews/participation",
        Guard::YoungPersonSelf,
    ),
    ("get", "/api/me/feedback", Guard::YoungPersonSelf),
    ("put", "/api/me/feedback/draft", Guard::YoungPersonSelf),
    ("post", "/api/me/feedback", Guard::YoungPersonSelf),
    (
        "get",
        "/api/people/{id}/reviews",
        Guard::Record(Action::ReadReviews),
    ),
    (
        "post",
        "/api/people/{id}/reviews",
        Guard::Record(Action::ManageReviews),
    ),
    (
        "patch",
        "/api/people/{id}/reviews",
        Guard::Record(Action::ManageReviews),
    ),
    (
        "post",
        "/api/people/{id}/reviews/outcome",
        Guard::Record(Action::ManageReviews),
    ),
    (
        "get",
        "/api/people/{id}/feedback",
        Guard::Record(Action::ReadFeedback),
    ),
    (
        "post",
        "/api/people/{id}/feedback/answer",
        Guard::Record(Action::AnswerFeedback),
    ),
    (
        "get",
        "/api/reviews",
        Guard::Ability(shared::access::Ability::ListReviews),
    ),
    (
        "get",
        "/api/reviews/settings",
        Guard::Ability(shared::access::Ability::ManageReviewSettings),
    ),
    (
        "put",
        "/api/reviews/settings",
        Guard::Ability(shared::access::Ability::ManageReviewSettings),
    ),
    (
        "get",
        "/api/feedback/forms",
        Guard::Ability(shared::access::Ability::ManageFeedbackForms),
    ),
    (
        "post",
        "/api/feedback/forms",
        Guard::Ability(shared::access::Ability::ManageFeedbackForms),
    ),
    (
        "get",
        "/api/feedback/insights",
        Guard::Ability(shared::access::Ability::ViewFeedbackInsights),
    ),
    // Then each alert: sent to the caller, or about a young person the
    // caller may handle (Action::ReadAlerts / RespondToAlert), else 404.
    (
        "get",
        "/api/safeguarding-alerts",
        Guard::Ability(shared::access::Ability::HandleSafeguardingAlerts),
    ),
    (
        "post",
        "/api/safeguarding-alerts/response",
        Guard::Ability(shared::access::Ability::HandleSafeguardingAlerts),
    ),
    // Positive Journeys (issue 8). Young people see only the spaces their
    // age and status allow (shared::forum::SpaceRule): a space, thread,
    // post, event or poll outside them answers 404, like one that does not
    // exist. Moderators see forum names, never case records.
    (
        "get",
        "/api/forum/me",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "put",
        "/api/forum/me/display-name",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "get",
        "/api/forum/me/posts",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "get",
        "/api/forum/spaces",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "get",
        "/api/forum/spaces/{space}/threads",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "post",
        "/api/forum/spaces/{space}/threads",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "get",
        "/api/forum/threads/{thread}",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "post",
        "/api/forum/threads/{thread}/replies",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "delete",
        "/api/forum/posts/{post}",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "post",
        "/api/forum/posts/{post}/report",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "get",
        "/api/forum/blocks",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "post",
        "/api/forum/blocks",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "delete",
        "/api/forum/blocks/{block}",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "get",
        "/api/forum/events",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "post",
        "/api/forum/events/{event}/signup",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "delete",
        "/api/forum/events/{event}/signup",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "get",
        "/api/forum/polls",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "post",
        "/api/forum/polls/{poll}/answer",
        Guard::Ability(shared::access::Ability::TakePart),
    ),
    (
        "get",
        "/api/forum/moderation/queue",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "post",
        "/api/forum/moderation/posts/{post}/approve",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "post",
        "/api/forum/moderation/posts/{post}/reject",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "post",
        "/api/forum/moderation/posts/{post}/remove",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "post",
        "/api/forum/moderation/posts/{post}/keep",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "get",
        "/api/forum/moderation/threads",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "get",
        "/api/forum/moderation/threads/{thread}",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "post",
        "/api/forum/moderation/threads/{thread}/lock",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "post",
        "/api/forum/moderation/members/{member}/suspension",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "get",
        "/api/forum/moderation/watched-words",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "put",
        "/api/forum/moderation/watched-words",
        Guard::Ability(shared::access::Ability::ModerateForum),
    ),
    (
        "get",
        "/api/forum/moderation/log",
        Guard::Ability(shared::access::Ability::ReadModerationLog),
    ),
    (
        "get",
        "/api/forum/admin/spaces",
        Guard::Ability(shared::access::Ability::ManageForumSpaces),
    ),
    (
        "post",
        "/api/forum/admin/spaces",
        Guard::Ability(shared::access::Ability::ManageForumSpaces),
    ),
    (
        "put",
        "/api/forum/admin/spaces/{space}",
        Guard::Ability(shared::access::Ability::ManageForumSpaces),
    ),
    (
        "get",
        "/api/forum/admin/events",
        Guard::Ability(shared::access::Ability::RunParticipation),
    ),
    (
        "post",
        "/api/forum/admin/events",
        Guard::Ability(shared::access::Ability::RunParticipation),
    ),
    (
        "put",
        "/api/forum/admin/events/{event}",
        Guard::Ability(shared::access::Ability::RunParticipation),
    ),
    (
        "get",
        "/api/forum/admin/events/{event}/signups",
        Guard::Ability(shared::access::Ability::RunParticipation),
    ),
    (
        "get",
        "/api/forum/admin/polls",
        Guard::Ability(shared::access::Ability::RunParticipation),
    ),
    (
        "post",
        "/api/forum/admin/polls",
        Guard::Ability(shared::access::Ability::RunParticipation),
    ),
    (
        "get",
        "/api/forum/admin/polls/{poll}",
        Guard::Ability(shared::access::Ability::RunParticipation),
    ),
    (
        "post",
        "/api/forum/admin/polls/{poll}/close",
        Guard::Ability(shared::access::Ability::RunParticipation),
    ),
    (
        "put",
        "/api/forum/admin/polls/{poll}/outcome",
        Guard::Ability(shared::access::Ability::RunParticipation),
    ),
    (
        "get",
        "/api/forum/participation",
        Guard::Ability(shared::access::Ability::ReadParticipationFigures),
    ),
    (
        "get",
        "/api/teams/mine/staff",
        Guard::Ability(shared::access::Ability::ListTeamStaff),
    ),
];

pub fn guard_of(method: &str, path: &str) -> Option<Guard> {
    ENDPOINTS
        .iter()
        .find(|(m, p, _)| m.eq_ignore_ascii_case(method) && *p == path)
        .map(|(_, _, g)| *g)
}
