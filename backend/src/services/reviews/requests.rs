//! Young people asking for an earlier review, and choosing how they take
//! part in theirs.

use super::mine::mine;
use super::status_of;
use crate::access::Grant;
use crate::caller::Caller;
use crate::entities::{account, review, young_person};
use crate::error::ApiError;
use crate::repo::{allocations, notifications, reviews as repo};
use crate::services::{flood, free_text, safeguarding};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::access::Relationship;
use shared::forum::FloodKind;
use shared::reviews::{
    MyParticipation, MyReviews, NewReviewRequest, ReviewRequestSent, ReviewStatus, MESSAGE_MAX,
};

/// `POST /api/me/reviews/requests`: "Can my review be sooner?" reaches the
/// IRO and social worker (a care leaver's personal adviser).
pub async fn ask_earlier(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    n: &NewReviewRequest,
) -> Result<ReviewRequestSent, ApiError> {
    let y = &grant.young_person;
    let message = free_text::optional("message", n.message.as_deref(), MESSAGE_MAX)?;
    let now = Utc::now();
    let workers = allocations::current_workers(db, y.id, now).await?;
    let pick = |r: Relationship| workers.iter().filter(move |(rel, _)| *rel == r);
    let mut told: Vec<&(Relationship, account::Model)> = pick(Relationship::Iro).collect();
    let sw: Vec<_> = pick(Relationship::SocialWorker).collect();
    if sw.is_empty() {
        told.extend(pick(Relationship::PersonalAdviser));
    } else {
        told.extend(sw);
    }
    let duty = if told.is_empty() {
        crate::repo::accounts::managers_of_team(db, None, y.authority_id).await?
    } else {
        vec![]
    };
    let harm =
        safeguarding::check_for_harm(db, y, &[message.as_deref().unwrap_or_default()], now).await?;
    let attempt = flood::Attempt::request(
        y.authority_id,
        caller.account_id,
        FloodKind::ReviewRequest,
        message.as_deref(),
    );
    let txn = flood::begin(db, &attempt, now).await?;
    let row = repo::add_request(&txn, y.id, message, now).await?;
    grant.record(&txn, caller, None).await?;
    let to: Vec<i32> = told
        .iter()
        .map(|(_, a)| a.id)
        .chain(duty.iter().map(|a| a.id))
        .collect();
    for account_id in to {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id,
                kind: "review_request",
                title: "A young person asks for an earlier review",
                body: &format!("{} would like their review to be sooner.", y.preferred_name),
                link: &format!("/staff/people/{}/reviews", y.public_id),
                urgent: false,
            },
            now,
        )
        .await?;
    }
    if let Some(h) = &harm {
        h.raise(&txn, y, "review_request", &row.public_id, now)
            .await?;
    }
    txn.commit().await?;
    let names: Vec<String> = told
        .iter()
        .map(|(rel, a)| format!("{} ({})", a.display_name, shared::reviews::short_role(*rel)))
        .collect();
    let told_words = match names.as_slice() {
        [] => "We passed this on to the duty team. Someone will talk to you about it.".to_owned(),
        [one] => format!("We told {one}. They will talk to you about it."),
        [rest @ .., last] => format!(
            "We told {} and {last}. They will talk to you about it.",
            rest.join(", ")
        ),
    };
    Ok(ReviewRequestSent {
        id: row.public_id,
        told: told_words,
        support: harm.map(|h| h.support()),
    })
}

/// `PUT /api/me/reviews/participation`: how the young person wants to
/// take part (come, chair, lead part, or send their views instead). The IRO
/// running the review is told.
pub async fn set_participation(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    p: &MyParticipation,
) -> Result<MyReviews, ApiError> {
    let y = &grant.young_person;
    if p.review_id.trim().is_empty() {
        return Err(ApiError::validation("review_id", "Say which review."));
    }
    let r = repo::of_person(db, y.id, p.review_id.trim())
        .await?
        .ok_or(ApiError::NotFound)?;
    if status_of(&r)? != ReviewStatus::Booked {
        return Err(ApiError::Conflict(
            "This review has already happened or was cancelled. You can still tell your IRO what you think.".to_owned(),
        ));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    if !repo::set_participation(&txn, r.id, p.participation, now).await? {
        return Err(ApiError::Conflict(
            "This review has already happened or was cancelled.".to_owned(),
        ));
    }
    grant.record(&txn, caller, None).await?;
    tell_chair_of_choice(&txn, y, &r, now).await?;
    txn.commit().await?;
    mine(db, grant).await
}

/// "Leo has said how they want to take part": to the review's chair, with
/// no more than that (the choice itself is on the review page).
pub(crate) async fn tell_chair_of_choice(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    r: &review::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if let Some(chair) = r.chair_account_id {
        notifications::add(
            db,
            notifications::NewNotification {
                account_id: chair,
                kind: "review_participation",
                title: "How a young person will take part",
                body: &format!(
                    "{} has said how they want to take part in their review.",
                    y.preferred_name
                ),
                link: &format!("/staff/people/{}/reviews", y.public_id),
                urgent: false,
            },
            now,
        )
        .await?;
    }
    Ok(())
}
