//! Positive Journeys' events (with sign-ups) and consultations and polls
//! (with answers). Every lookup by public id takes the council's id.

use crate::entities::{
    forum_event as event, forum_event_signup as signup, forum_poll as poll,
    forum_poll_answer as answer,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use shared::forum::SignupStatus;

const SIGNED_UP: &str = SignupStatus::SignedUp.as_str();

// ------------------------------------------------------------------ events

pub struct EventWrite<'a> {
    pub space_id: Option<i32>,
    pub kind: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub location: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub places: Option<i32>,
    pub sign_up_closes_at: Option<DateTime<Utc>>,
    pub cancelled: bool,
}

pub async fn insert_event(
    db: &impl ConnectionTrait,
    authority_id: i32,
    w: EventWrite<'_>,
    by: i32,
    now: DateTime<Utc>,
) -> Result<event::Model, DbErr> {
    event::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(authority_id),
        space_id: Set(w.space_id),
        kind: Set(w.kind.to_owned()),
        title: Set(w.title.to_owned()),
        description: Set(w.description.to_owned()),
        location: Set(w.location.to_owned()),
        starts_at: Set(w.starts_at),
        ends_at: Set(w.ends_at),
        places: Set(w.places),
        places_taken: Set(0),
        sign_up_closes_at: Set(w.sign_up_closes_at),
        cancelled: Set(w.cancelled),
        created_by: Set(by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Changes an event; the places may not go below those taken (checked in
/// the same statement, so a sign-up at that moment cannot overbook it).
/// Answers whether it changed.
pub async fn update_event(
    db: &impl ConnectionTrait,
    id: i32,
    w: EventWrite<'_>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut q = event::Entity::update_many()
        .col_expr(event::Column::SpaceId, Expr::value(w.space_id))
        .col_expr(event::Column::Kind, Expr::value(w.kind))
        .col_expr(event::Column::Title, Expr::value(w.title))
        .col_expr(event::Column::Description, Expr::value(w.description))
        .col_expr(event::Column::Location, Expr::value(w.location))
        .col_expr(event::Column::StartsAt, Expr::value(w.starts_at))
        .col_expr(event::Column::EndsAt, Expr::value(w.ends_at))
        .col_expr(event::Column::Places, Expr::value(w.places))
        .col_expr(
            event::Column::SignUpClosesAt,
            Expr::value(w.sign_up_closes_at),
        )
        .col_expr(event::Column::Cancelled, Expr::value(w.cancelled))
        .col_expr(event::Column::UpdatedAt, Expr::value(now))
        .filter(event::Column::Id.eq(id));
    if let Some(p) = w.places {
        q = q.filter(event::Column::PlacesTaken.lte(p));
    }
    Ok(q.exec(db).await?.rows_affected == 1)
}

pub async fn event_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<event::Model>, DbErr> {
    event::Entity::find()
        .filter(event::Column::AuthorityId.eq(authority_id))
        .filter(event::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn event_by_id(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<event::Model>, DbErr> {
    event::Entity::find_by_id(id).one(db).await
}

/// Events that end after `since`, soonest first.
pub async fn events_from(
    db: &impl ConnectionTrait,
    authority_id: i32,
    since: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<event::Model>, DbErr> {
    event::Entity::find()
        .filter(event::Column::AuthorityId.eq(authority_id))
        .filter(event::Column::EndsAt.gt(since))
        .order_by_asc(event::Column::StartsAt)
        .order_by_asc(event::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Takes one place, only while there is one (or no limit), the event is on,
/// sign-up is open and it has not started. One statement: two people asking
/// for the last place cannot both have it.
pub async fn take_place(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(event::Entity::update_many()
        .col_expr(
            event::Column::PlacesTaken,
            Expr::col(event::Column::PlacesTaken).add(1),
        )
        .filter(event::Column::Id.eq(id))
        .filter(event::Column::Cancelled.eq(false))
        .filter(event::Column::StartsAt.gt(now))
        .filter(
            Condition::any()
                .add(event::Column::SignUpClosesAt.is_null())
                .add(event::Column::SignUpClosesAt.gt(now)),
        )
        .filter(
            Condition::any()
                .add(event::Column::Places.is_null())
                .add(Expr::col(event::Column::PlacesTaken).lt(Expr::col(event::Column::Places))),
        )
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

pub async fn give_back_place(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    event::Entity::update_many()
        .col_expr(
            event::Column::PlacesTaken,
            Expr::col(event::Column::PlacesTaken).sub(1),
        )
        .filter(event::Column::Id.eq(id))
        .filter(event::Column::PlacesTaken.gt(0))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn signup_of(
    db: &impl ConnectionTrait,
    event_id: i32,
    young_person_id: i32,
) -> Result<Option<signup::Model>, DbErr> {
    signup::Entity::find()
        .filter(signup::Column::EventId.eq(event_id))
        .filter(signup::Column::YoungPersonId.eq(young_person_id))
        .one(db)
        .await
}

pub async fn signup_by_id(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<signup::Model>, DbErr> {
    signup::Entity::find_by_id(id).one(db).await
}

/// Fails with a unique-constraint error when this person has a sign-up
/// row for the event already.
pub async fn insert_signup(
    db: &impl ConnectionTrait,
    authority_id: i32,
    event_id: i32,
    young_person_id: i32,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<signup::Model, DbErr> {
    signup::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(authority_id),
        event_id: Set(event_id),
        young_person_id: Set(young_person_id),
        status: Set(SIGNED_UP.to_owned()),
        note: Set(note.map(str::to_owned)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Moves a sign-up from one status to the other; false when it was not in
/// `from` (someone else, or another tab, got there first).
pub async fn set_signup_status(
    db: &impl ConnectionTrait,
    id: i32,
    from: SignupStatus,
    to: SignupStatus,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut q = signup::Entity::update_many()
        .col_expr(signup::Column::Status, Expr::value(to.as_str()))
        .col_expr(signup::Column::UpdatedAt, Expr::value(now));
    if to == SignupStatus::SignedUp {
        q = q.col_expr(signup::Column::Note, Expr::value(note.map(str::to_owned)));
    }
    Ok(q.filter(signup::Column::Id.eq(id))
        .filter(signup::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// Active sign-ups to an event, first come first.
pub async fn signups_for(
    db: &impl ConnectionTrait,
    event_id: i32,
) -> Result<Vec<signup::Model>, DbErr> {
    signup::Entity::find()
        .filter(signup::Column::EventId.eq(event_id))
        .filter(signup::Column::Status.eq(SIGNED_UP))
        .order_by_asc(signup::Column::CreatedAt)
        .order_by_asc(signup::Column::Id)
        .all(db)
        .await
}

/// This young person's active sign-ups among these events.
pub async fn my_signups(
    db: &impl ConnectionTrait,
    young_person_id: i32,
    event_ids: Vec<i32>,
) -> Result<Vec<signup::Model>, DbErr> {
    if event_ids.is_empty() {
        return Ok(vec![]);
    }
    signup::Entity::find()
        .filter(signup::Column::YoungPersonId.eq(young_person_id))
        .filter(signup::Column::EventId.is_in(event_ids))
        .filter(signup::Column::Status.eq(SIGNED_UP))
        .all(db)
        .await
}

/// Young people (by id) who signed up to something between these instants.
pub async fn signers_between(
    db: &impl ConnectionTrait,
    authority_id: i32,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<i32>, DbErr> {
    signup::Entity::find()
        .select_only()
        .column(signup::Column::YoungPersonId)
        .distinct()
        .filter(signup::Column::AuthorityId.eq(authority_id))
        .filter(signup::Column::Status.eq(SIGNED_UP))
        .filter(signup::Column::CreatedAt.gte(from))
        .filter(signup::Column::CreatedAt.lt(to))
        .into_tuple::<i32>()
        .all(db)
        .await
}

// ------------------------------------------------------------------- polls

pub struct NewPoll<'a> {
    pub authority_id: i32,
    pub space_id: Option<i32>,
    pub kind: &'a str,
    pub question: &'a str,
    pub description: &'a str,
    pub options_json: String,
    pub allows_comment: bool,
    pub closes_at: DateTime<Utc>,
    pub created_by: i32,
}

pub async fn insert_poll(
    db: &impl ConnectionTrait,
    n: NewPoll<'_>,
    now: DateTime<Utc>,
) -> Result<poll::Model, DbErr> {
    poll::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(n.authority_id),
        space_id: Set(n.space_id),
        kind: Set(n.kind.to_owned()),
        question: Set(n.question.to_owned()),
        description: Set(n.description.to_owned()),
        options: Set(n.options_json),
        allows_comment: Set(n.allows_comment),
        closes_at: Set(n.closes_at),
        closed_at: Set(None),
        you_said_we_did: Set(None),
        created_by: Set(n.created_by),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn poll_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<poll::Model>, DbErr> {
    poll::Entity::find()
        .filter(poll::Column::AuthorityId.eq(authority_id))
        .filter(poll::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

/// Polls that close after `since`, or were closed by hand after it, or
/// have an outcome, newest closing first.
pub async fn polls_from(
    db: &impl ConnectionTrait,
    authority_id: i32,
    since: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<poll::Model>, DbErr> {
    poll::Entity::find()
        .filter(poll::Column::AuthorityId.eq(authority_id))
        .filter(poll::Column::ClosesAt.gt(since))
        .order_by_desc(poll::Column::ClosesAt)
        .order_by_desc(poll::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Closes a poll now (if still open); false when it already was.
pub async fn close_poll(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(poll::Entity::update_many()
        .col_expr(poll::Column::ClosedAt, Expr::value(Some(now)))
        .filter(poll::Column::Id.eq(id))
        .filter(poll::Column::ClosedAt.is_null())
        .filter(poll::Column::ClosesAt.gt(now))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

pub async fn set_outcome(db: &impl ConnectionTrait, id: i32, text: &str) -> Result<(), DbErr> {
    poll::Entity::update_many()
        .col_expr(poll::Column::YouSaidWeDid, Expr::value(text))
        .filter(poll::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Fails with a unique-constraint error when this person has answered.
pub async fn insert_answer(
    db: &impl ConnectionTrait,
    authority_id: i32,
    poll_id: i32,
    young_person_id: i32,
    option_index: Option<i32>,
    comment: Option<&str>,
    now: DateTime<Utc>,
) -> Result<answer::Model, DbErr> {
    answer::ActiveModel {
        authority_id: Set(authority_id),
        poll_id: Set(poll_id),
        young_person_id: Set(young_person_id),
        option_index: Set(option_index),
        comment: Set(comment.map(str::to_owned)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn answer_of(
    db: &impl ConnectionTrait,
    poll_id: i32,
    young_person_id: i32,
) -> Result<Option<answer::Model>, DbErr> {
    answer::Entity::find()
        .filter(answer::Column::PollId.eq(poll_id))
        .filter(answer::Column::YoungPersonId.eq(young_person_id))
        .one(db)
        .await
}

/// Each answer's option (None for a comment only), for the counts.
pub async fn options_chosen(
    db: &impl ConnectionTrait,
    poll_id: i32,
) -> Result<Vec<Option<i32>>, DbErr> {
    answer::Entity::find()
        .select_only()
        .column(answer::Column::OptionIndex)
        .filter(answer::Column::PollId.eq(poll_id))
        .into_tuple::<Option<i32>>()
        .all(db)
        .await
}

/// The comments on a poll, oldest first, without who wrote them.
pub async fn comments(db: &impl ConnectionTrait, poll_id: i32) -> Result<Vec<String>, DbErr> {
    Ok(answer::Entity::find()
        .select_only()
        .column(answer::Column::Comment)
        .filter(answer::Column::PollId.eq(poll_id))
        .filter(answer::Column::Comment.is_not_null())
        .order_by_asc(answer::Column::CreatedAt)
        .into_tuple::<Option<String>>()
        .all(db)
        .await?
        .into_iter()
        .flatten()
        .collect())
}

/// Young people (by id) who answered a poll between these instants.
pub async fn answerers_between(
    db: &impl ConnectionTrait,
    authority_id: i32,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<i32>, DbErr> {
    answer::Entity::find()
        .select_only()
        .column(answer::Column::YoungPersonId)
        .distinct()
        .filter(answer::Column::AuthorityId.eq(authority_id))
        .filter(answer::Column::CreatedAt.gte(from))
        .filter(answer::Column::CreatedAt.lt(to))
        .into_tuple::<i32>()
        .all(db)
        .await
}
