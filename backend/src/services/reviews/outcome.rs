//! Recording a review's outcome, and the staff list of reviews with
//! overdue ones first.

use super::booking::{cancel_reminders, staff_view, tell_young_person};
use super::{band_of, in_status, local_today, policy, status_of, BOOK_BACK_DAYS};
use crate::access::{self, Grant};
use crate::caller::Caller;
use crate::entities::{review, young_person};
use crate::error::ApiError;
use crate::repo::{feedback as fb_repo, people, reviews as repo};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::access::{allowed, Ability, Action};
use shared::reviews::{
    schedule, ReviewListRow, ReviewOutcome, ReviewStatus, StaffReviewsView, OUTCOME_MAX,
};

/// `POST /api/people/{id}/reviews/outcome`: the review was held; what was
/// decided, checked for the young person's age like a plan.
pub async fn record_outcome(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    o: &ReviewOutcome,
) -> Result<StaffReviewsView, ApiError> {
    let y = &grant.young_person;
    if o.review_id.trim().is_empty() {
        return Err(ApiError::validation("review_id", "Say which review."));
    }
    let outcomes = o.outcomes.trim();
    let decisions = o.decisions.trim();
    for (field, text, what) in [
        ("outcomes", outcomes, "what was talked about"),
        ("decisions", decisions, "what was decided"),
    ] {
        if text.is_empty() {
            return Err(ApiError::validation(
                field,
                format!("Write {what}, in words the young person understands."),
            ));
        }
        if text.chars().count() > OUTCOME_MAX {
            return Err(ApiError::validation(
                field,
                format!("Keep this to {OUTCOME_MAX} characters or fewer."),
            ));
        }
    }
    let r = repo::of_person(db, y.id, o.review_id.trim())
        .await?
        .ok_or(ApiError::NotFound)?;
    if status_of(&r)? == ReviewStatus::Cancelled {
        return Err(ApiError::Conflict("This review was cancelled.".to_owned()));
    }
    let (today, _) = local_today(db, y.authority_id).await?;
    if o.held_on > today || o.held_on < today - Duration::days(BOOK_BACK_DAYS) {
        return Err(ApiError::validation(
            "held_on",
            "Give the day the review was held: today or a day in the last six years.",
        ));
    }
    let band = band_of(y, today);
    let failing: Vec<&str> = [
        ("what was talked about", outcomes),
        ("what was decided", decisions),
    ]
    .into_iter()
    .filter(|(_, t)| !shared::plain_language::check(t, band).passes)
    .map(|(name, _)| name)
    .collect();
    crate::services::plain_override::check(&failing, o.override_reason.as_deref(), |failing| {
        format!(
            "The young person may not understand {}. Make the words plainer, or say why they must stay as they are.",
            failing.join(" and ")
        )
    })?;
    let reason = crate::services::plain_override::reason(o.override_reason.as_deref());
    let answered = fb_repo::for_review(db, r.id)
        .await?
        .is_some_and(|f| f.response.is_some());
    let now = Utc::now();
    let txn = db.begin().await?;
    let ok = repo::record_outcome(
        &txn,
        r.id,
        repo::OutcomeWrite {
            held_on: o.held_on,
            outcomes: outcomes.to_owned(),
            decisions: decisions.to_owned(),
            override_reason: if failing.is_empty() {
                None
            } else {
                reason.map(str::to_owned)
            },
            by: caller.account_id,
        },
        now,
    )
    .await?;
    if !ok {
        return Err(ApiError::Conflict("This review was cancelled.".to_owned()));
    }
    grant
        .record(&txn, caller, if failing.is_empty() { None } else { reason })
        .await?;
    cancel_reminders(&txn, y, now).await?;
    let body = if answered {
        "What was decided at your review is ready to read, with your IRO's answer to what you said."
    } else {
        "What was decided at your review is ready to read."
    };
    tell_young_person(&txn, y, "review_outcome", body, now).await?;
    txn.commit().await?;
    staff_view(db, grant).await
}

// ------------------------------------------------------------- staff lists

/// `GET /api/reviews`: the reviews of the young people the caller works
/// with (a manager: their team's), overdue first, then by due date.
pub async fn list(
    db: &DatabaseConnection,
    caller: &Caller,
    overdue_only: bool,
) -> Result<Vec<ReviewListRow>, ApiError> {
    access::require(caller, Ability::ListReviews)?;
    let caseload = crate::services::people::caseload(db, caller).await?;
    let mut ys: Vec<young_person::Model> = vec![];
    for p in caseload {
        if let Some(y) = people::by_public_id(db, caller.authority_id, &p.id).await? {
            let (rel, _) = access::relation(db, caller, &y).await?;
            if allowed(caller.role, rel, Action::ReadReviews) {
                ys.push(y);
            }
        }
    }
    let (today, _) = local_today(db, caller.authority_id).await?;
    let policy = policy(db, caller.authority_id).await?;
    let ids: Vec<i32> = ys.iter().map(|y| y.id).collect();
    let reviews = repo::for_people(db, &ids).await?;
    let open = repo::open_requests(db, &ids).await?;
    let booked: Vec<&review::Model> = in_status(&reviews, ReviewStatus::Booked)?;
    let fbs = fb_repo::for_reviews(db, &booked.iter().map(|r| r.id).collect::<Vec<_>>()).await?;
    let names = repo::accounts(
        db,
        &booked
            .iter()
            .filter_map(|r| r.chair_account_id)
            .collect::<Vec<_>>(),
    )
    .await?;
    let mut rows = vec![];
    for y in &ys {
        let episodes = people::episodes(db, y.id).await?;
        let held: Vec<NaiveDate> = reviews
            .iter()
            .filter(|r| r.young_person_id == y.id)
            .filter_map(|r| r.held_on)
            .collect();
        let next = schedule(y.date_of_birth, &episodes, &held, policy, today).map(|s| s.next);
        let b = booked
            .iter()
            .filter(|r| r.young_person_id == y.id)
            .min_by_key(|r| r.scheduled_on);
        let row = ReviewListRow {
            young_person_id: y.public_id.clone(),
            name: y.preferred_name.clone(),
            overdue: next.is_some_and(|n| n.overdue),
            next_due: next,
            booked_id: b.map(|r| r.public_id.clone()),
            booked_date: b.map(|r| r.scheduled_on),
            booked_late: match (b, next) {
                (Some(r), Some(n)) => r.scheduled_on > n.due,
                _ => false,
            },
            chair: b
                .and_then(|r| r.chair_account_id)
                .and_then(|id| names.get(&id))
                .map(|a| a.display_name.clone()),
            feedback_sent: b.is_some_and(|r| fbs.iter().any(|f| f.review_id == r.id)),
            open_requests: open.iter().filter(|q| q.young_person_id == y.id).count() as u32,
        };
        if !overdue_only || row.overdue {
            rows.push(row);
        }
    }
    rows.sort_by_key(|r| {
        (
            !r.overdue,
            r.next_due.map(|n| n.due).unwrap_or(NaiveDate::MAX),
            r.name.clone(),
        )
    });
    Ok(rows)
}
