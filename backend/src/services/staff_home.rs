//! `GET /api/staff/home`: the counts on a member of staff's home screen.
//!
//! Each count is worked out the way its list works it out (the same young
//! people, the same access rules, the same states), so the number on the
//! home screen is the number of rows the list shows. No record's content
//! leaves here, only counts and, for views waiting for an answer, the
//! young person's name to link to; the reads are audited when the caller
//! opens the lists.

use crate::access;
use crate::caller::Caller;
use crate::entities::young_person;
use crate::error::ApiError;
use crate::repo::{feedback as fb_repo, offer_requests, people, staff_home as repo};
use crate::services::{people as people_svc, reviews};
use chrono::{Duration, Utc};
use sea_orm::DatabaseConnection;
use shared::access::{allowed, can, Ability, Action, Relation};
use shared::home::{
    FeedbackWaiting, ModerationCounts, RequestCounts, ReviewCounts, StaffHome, REVIEW_DUE_SOON_DAYS,
};
use shared::offer::RequestStatus;
use shared::people::Role;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Alerts the alerts list shows at most.
const ALERTS_LISTED: u64 = 200;

fn count(n: impl TryInto<u32>) -> u32 {
    n.try_into().unwrap_or(u32::MAX)
}

pub async fn home(db: &DatabaseConnection, caller: &Caller) -> Result<StaffHome, ApiError> {
    access::require(caller, Ability::SeeStaffHome)?;
    let role = caller.role;
    let mut out = StaffHome::default();

    // The caller's young people, with how the caller is linked to each (an
    // administrator's list is names only: nothing else of theirs counts).
    let mut mine: Vec<(young_person::Model, Relation)> = Vec::new();
    if can(role, Ability::ListCaseload) {
        let list = people_svc::caseload(db, caller).await?;
        out.caseload = Some(count(list.len()));
        if role != Role::Admin {
            for p in list {
                if let Some(y) = people::by_public_id(db, caller.authority_id, &p.id).await? {
                    let (rel, _) = access::relation(db, caller, &y).await?;
                    mine.push((y, rel));
                }
            }
        }
    }
    let may = |action: Action| -> Vec<&young_person::Model> {
        mine.iter()
            .filter(|(_, rel)| allowed(role, *rel, action))
            .map(|(y, _)| y)
            .collect()
    };

    // Readers are the young person's workers.
    if matches!(role, Role::SocialWorker | Role::PersonalAdviser | Role::Iro) {
        let mut waiting: HashMap<i32, u32> = HashMap::new();
        for yp in repo::feedback_waiting(db, caller.authority_id, caller.account_id).await? {
            *waiting.entry(yp).or_default() += 1;
        }
        let mut rows: Vec<FeedbackWaiting> = may(Action::ReadFeedback)
            .into_iter()
            .filter_map(|y| {
                waiting.get(&y.id).map(|n| FeedbackWaiting {
                    young_person_id: y.public_id.clone(),
                    name: y.preferred_name.clone(),
                    waiting: *n,
                })
            })
            .collect();
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        out.feedback_to_read = Some(rows);
    }

    if can(role, Ability::ListReviews) {
        let (today, _) = reviews::local_today(db, caller.authority_id).await?;
        let soon = today + Duration::days(REVIEW_DUE_SOON_DAYS);
        let mut c = ReviewCounts::default();
        for r in reviews::list(db, caller, false).await? {
            let due_soon = !r.overdue && r.next_due.is_some_and(|n| n.due <= soon);
            if r.overdue {
                c.overdue += 1;
            } else if due_soon {
                c.due_soon += 1;
            }
            if (r.overdue || due_soon) && r.booked_date.is_none() {
                c.not_booked += 1;
            }
            if r.booked_date.is_some_and(|d| d >= today && d <= soon) {
                c.booked_soon += 1;
            }
        }
        out.reviews = Some(c);
    }

    if can(role, Ability::AnswerOfferRequests) {
        out.offer_requests = Some(offer_request_counts(db, caller).await?);
    }

    if can(role, Ability::ListCaseload) && role != Role::Admin {
        let ids: Vec<i32> = may(Action::ReadPlan).iter().map(|y| y.id).collect();
        out.plan_questions = Some(count(repo::unanswered_plan_questions(db, &ids).await?));
    }

    if can(role, Ability::HandleSafeguardingAlerts) {
        let ids: Vec<i32> = may(Action::ReadAlerts).iter().map(|y| y.id).collect();
        let open = fb_repo::alerts_for(
            db,
            caller.authority_id,
            caller.account_id,
            &ids,
            true,
            ALERTS_LISTED,
        )
        .await?;
        out.safeguarding_alerts = Some(count(open.len()));
    }

    if can(role, Ability::ModerateForum) {
        let q = repo::moderation_queue(db, caller.authority_id).await?;
        out.moderation = Some(ModerationCounts {
            waiting: count(q.waiting),
            suggests_harm: count(q.suggests_harm),
            reported: count(q.reported),
            flagged: count(q.flagged),
        });
    }
    Ok(out)
}

/// As `GET /api/offer/requests` chooses them: for a worker, those sent to
/// them as the young person's worker now; for a manager, those of their
/// team's young people; then only those the access rules let them read.
async fn offer_request_counts(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<RequestCounts, ApiError> {
    let staff = match caller.role {
        Role::TeamManager => match caller.team_id {
            Some(t) => people::staff_ids_in_team(db, t).await?,
            None => vec![],
        },
        _ => vec![caller.account_id],
    };
    let allocs = offer_requests::allocations_of(db, staff, Utc::now()).await?;
    let sent_to_me: HashSet<(i32, &str)> = allocs
        .iter()
        .map(|a| (a.young_person_id, a.relationship.as_str()))
        .collect();
    let mut yp_ids: Vec<i32> = allocs.iter().map(|a| a.young_person_id).collect();
    yp_ids.sort_unstable();
    yp_ids.dedup();
    let rows: Vec<(i32, String, String)> = repo::open_requests(db, &yp_ids)
        .await?
        .into_iter()
        .filter(|(yp, sent_to, _)| {
            caller.role == Role::TeamManager || sent_to_me.contains(&(*yp, sent_to.as_str()))
        })
        .collect();
    let mut readable: BTreeMap<i32, bool> = BTreeMap::new();
    let mut asked_by: Vec<i32> = rows.iter().map(|r| r.0).collect();
    asked_by.sort_unstable();
    asked_by.dedup();
    for y in offer_requests::young_people(db, asked_by).await? {
        let ok = y.authority_id == caller.authority_id && {
            let (rel, _) = access::relation(db, caller, &y).await?;
            allowed(caller.role, rel, Action::ReadOfferRequests)
        };
        readable.insert(y.id, ok);
    }
    let mut c = RequestCounts::default();
    for (yp, _, status) in rows {
        if readable.get(&yp).copied().unwrap_or(false) {
            c.open += 1;
            let status =
                ApiError::stored("offer_request", "status", &status, RequestStatus::parse)?;
            if status == RequestStatus::Asked {
                c.new += 1;
            }
        }
    }
    Ok(c)
}
