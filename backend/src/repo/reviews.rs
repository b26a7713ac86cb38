//! Review meetings, the council's review promise, and young people's
//! requests for an earlier review.

use crate::entities::{account, review, review_request as rq, review_setting};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use shared::reviews::{Participation, ReviewStatus};
use std::collections::HashMap;

pub const BOOKED: &str = ReviewStatus::Booked.as_str();
const HELD: &str = ReviewStatus::Held.as_str();

/// Rows per `IN (...)` list.
const CHUNK: usize = 500;

// ------------------------------------------------------------- the promise

pub async fn setting(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Option<review_setting::Model>, DbErr> {
    review_setting::Entity::find_by_id(authority_id)
        .one(db)
        .await
}

/// Sets the council's promise (a row is made if there is none).
pub async fn set_setting(
    db: &impl ConnectionTrait,
    authority_id: i32,
    first_review_within_calendar_month: bool,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if setting(db, authority_id).await?.is_some() {
        review_setting::Entity::update_many()
            .col_expr(
                review_setting::Column::FirstReviewWithinCalendarMonth,
                Expr::value(first_review_within_calendar_month),
            )
            .col_expr(review_setting::Column::UpdatedAt, Expr::value(now))
            .col_expr(review_setting::Column::UpdatedBy, Expr::value(by))
            .filter(review_setting::Column::AuthorityId.eq(authority_id))
            .exec(db)
            .await
            .map(|_| ())
    } else {
        review_setting::ActiveModel {
            authority_id: Set(authority_id),
            first_review_within_calendar_month: Set(first_review_within_calendar_month),
            updated_at: Set(now),
            updated_by: Set(by),
        }
        .insert(db)
        .await
        .map(|_| ())
    }
}

// ----------------------------------------------------------------- reviews

pub struct NewReviewRow<'a> {
    pub authority_id: i32,
    pub young_person_id: i32,
    pub kind: &'a str,
    pub status: ReviewStatus,
    pub scheduled_on: NaiveDate,
    pub start_minute: Option<i32>,
    pub end_minute: Option<i32>,
    pub place: &'a str,
    pub invited_json: String,
    pub participation: Participation,
    pub brought_forward: bool,
    pub chair_account_id: Option<i32>,
    pub created_by: i32,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    r: NewReviewRow<'_>,
    now: DateTime<Utc>,
) -> Result<review::Model, DbErr> {
    review::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(r.authority_id),
        young_person_id: Set(r.young_person_id),
        kind: Set(r.kind.to_owned()),
        status: Set(r.status.as_str().to_owned()),
        scheduled_on: Set(r.scheduled_on),
        start_minute: Set(r.start_minute),
        end_minute: Set(r.end_minute),
        place: Set(r.place.to_owned()),
        invited_json: Set(r.invited_json),
        participation: Set(r.participation.as_str().to_owned()),
        brought_forward: Set(r.brought_forward),
        chair_account_id: Set(r.chair_account_id),
        created_by: Set(r.created_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// One of this young person's reviews; anyone else's is `None`.
pub async fn of_person(
    db: &impl ConnectionTrait,
    yp_id: i32,
    public_id: &str,
) -> Result<Option<review::Model>, DbErr> {
    review::Entity::find()
        .filter(review::Column::YoungPersonId.eq(yp_id))
        .filter(review::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, review::Model>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        for r in review::Entity::find()
            .filter(review::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            out.insert(r.id, r);
        }
    }
    Ok(out)
}

/// Every review of these young people, newest date first.
pub async fn for_people(
    db: &impl ConnectionTrait,
    yp_ids: &[i32],
) -> Result<Vec<review::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in yp_ids.chunks(CHUNK) {
        out.extend(
            review::Entity::find()
                .filter(review::Column::YoungPersonId.is_in(chunk.to_vec()))
                .order_by_desc(review::Column::ScheduledOn)
                .order_by_desc(review::Column::Id)
                .all(db)
                .await?,
        );
    }
    out.sort_by_key(|r| std::cmp::Reverse((r.scheduled_on, r.id)));
    Ok(out)
}

/// The booked review of this young person, if any (at most one is booked
/// at a time).
pub async fn booked(db: &impl ConnectionTrait, yp_id: i32) -> Result<Option<review::Model>, DbErr> {
    review::Entity::find()
        .filter(review::Column::YoungPersonId.eq(yp_id))
        .filter(review::Column::Status.eq(BOOKED))
        .order_by_asc(review::Column::ScheduledOn)
        .one(db)
        .await
}

/// The days this young person's reviews were held.
pub async fn held_dates(db: &impl ConnectionTrait, yp_id: i32) -> Result<Vec<NaiveDate>, DbErr> {
    Ok(review::Entity::find()
        .filter(review::Column::YoungPersonId.eq(yp_id))
        .filter(review::Column::Status.eq(HELD))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| r.held_on)
        .collect())
}

pub struct BookingWrite {
    pub scheduled_on: NaiveDate,
    pub start_minute: Option<i32>,
    pub end_minute: Option<i32>,
    pub place: String,
    pub invited_json: String,
    pub participation: Participation,
    pub brought_forward: bool,
    pub status: ReviewStatus,
}

/// Changes a booked review; false when it is no longer booked.
pub async fn update_booking(
    db: &impl ConnectionTrait,
    id: i32,
    w: BookingWrite,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let r = review::Entity::update_many()
        .col_expr(review::Column::ScheduledOn, Expr::value(w.scheduled_on))
        .col_expr(review::Column::StartMinute, Expr::value(w.start_minute))
        .col_expr(review::Column::EndMinute, Expr::value(w.end_minute))
        .col_expr(review::Column::Place, Expr::value(w.place))
        .col_expr(review::Column::InvitedJson, Expr::value(w.invited_json))
        .col_expr(
            review::Column::Participation,
            Expr::value(w.participation.as_str()),
        )
        .col_expr(
            review::Column::BroughtForward,
            Expr::value(w.brought_forward),
        )
        .col_expr(review::Column::Status, Expr::value(w.status.as_str()))
        .col_expr(review::Column::UpdatedAt, Expr::value(now))
        .filter(review::Column::Id.eq(id))
        .filter(review::Column::Status.eq(BOOKED))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// The young person's choice of how to take part, on a review still
/// booked; false when it is no longer booked.
pub async fn set_participation(
    db: &impl ConnectionTrait,
    id: i32,
    participation: Participation,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let r = review::Entity::update_many()
        .col_expr(
            review::Column::Participation,
            Expr::value(participation.as_str()),
        )
        .col_expr(review::Column::UpdatedAt, Expr::value(now))
        .filter(review::Column::Id.eq(id))
        .filter(review::Column::Status.eq(BOOKED))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

pub struct OutcomeWrite {
    pub held_on: NaiveDate,
    pub outcomes: String,
    pub decisions: String,
    pub override_reason: Option<String>,
    pub by: i32,
}

/// Records the review as held with what was decided (or corrects it);
/// false when it was cancelled.
pub async fn record_outcome(
    db: &impl ConnectionTrait,
    id: i32,
    w: OutcomeWrite,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let r = review::Entity::update_many()
        .col_expr(review::Column::Status, Expr::value(HELD))
        .col_expr(review::Column::HeldOn, Expr::value(w.held_on))
        .col_expr(review::Column::Outcomes, Expr::value(w.outcomes))
        .col_expr(review::Column::Decisions, Expr::value(w.decisions))
        .col_expr(
            review::Column::OverrideReason,
            Expr::value(w.override_reason),
        )
        .col_expr(review::Column::OutcomesAt, Expr::value(now))
        .col_expr(review::Column::OutcomesBy, Expr::value(w.by))
        .col_expr(review::Column::UpdatedAt, Expr::value(now))
        .filter(review::Column::Id.eq(id))
        .filter(review::Column::Status.is_in([BOOKED, HELD]))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

/// Accounts by id, for names.
pub async fn accounts(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<i32, account::Model>, DbErr> {
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut out = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        for a in account::Entity::find()
            .filter(account::Column::Id.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            out.insert(a.id, a);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------- requests

pub async fn add_request(
    db: &impl ConnectionTrait,
    yp_id: i32,
    message: Option<String>,
    now: DateTime<Utc>,
) -> Result<rq::Model, DbErr> {
    rq::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        young_person_id: Set(yp_id),
        message: Set(message),
        asked_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// This young person's requests, newest first.
pub async fn requests_of(
    db: &impl ConnectionTrait,
    yp_id: i32,
    limit: u64,
) -> Result<Vec<rq::Model>, DbErr> {
    rq::Entity::find()
        .filter(rq::Column::YoungPersonId.eq(yp_id))
        .order_by_desc(rq::Column::AskedAt)
        .limit(limit)
        .all(db)
        .await
}

/// Open requests of these young people.
pub async fn open_requests(
    db: &impl ConnectionTrait,
    yp_ids: &[i32],
) -> Result<Vec<rq::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in yp_ids.chunks(CHUNK) {
        out.extend(
            rq::Entity::find()
                .filter(rq::Column::YoungPersonId.is_in(chunk.to_vec()))
                .filter(rq::Column::ResolvedAt.is_null())
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Marks the young person's open requests answered.
pub async fn resolve_requests(
    db: &impl ConnectionTrait,
    yp_id: i32,
    by: i32,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(rq::Entity::update_many()
        .col_expr(rq::Column::ResolvedAt, Expr::value(now))
        .col_expr(rq::Column::ResolvedBy, Expr::value(by))
        .filter(rq::Column::YoungPersonId.eq(yp_id))
        .filter(rq::Column::ResolvedAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}
