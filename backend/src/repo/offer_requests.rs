//! Requests about the local offer ("Ask about this") and their stories, and
//! the allocations that decide who answers them.

use crate::entities::{allocation, offer_request as req, offer_request_event as ev, young_person};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use shared::access::Relationship;
use shared::offer::RequestStatus;

/// The key that makes a second open request for the same thing clash.
pub fn open_key(yp_id: i32, entitlement_id: i32) -> String {
    format!("{yp_id}:{entitlement_id}")
}

fn current(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(allocation::Column::StartsAt.lte(now))
        .add(
            Condition::any()
                .add(allocation::Column::EndsAt.is_null())
                .add(allocation::Column::EndsAt.gt(now)),
        )
}

/// The young person's current worker of this kind (the staff account id).
pub async fn current_worker(
    db: &impl ConnectionTrait,
    yp_id: i32,
    relationship: Relationship,
    now: DateTime<Utc>,
) -> Result<Option<i32>, DbErr> {
    Ok(allocation::Entity::find()
        .filter(allocation::Column::YoungPersonId.eq(yp_id))
        .filter(allocation::Column::Relationship.eq(relationship.as_str()))
        .filter(current(now))
        .order_by_desc(allocation::Column::StartsAt)
        .one(db)
        .await?
        .map(|a| a.staff_account_id))
}

/// Current allocations held by any of these staff accounts.
pub async fn allocations_of(
    db: &impl ConnectionTrait,
    staff_ids: Vec<i32>,
    now: DateTime<Utc>,
) -> Result<Vec<allocation::Model>, DbErr> {
    if staff_ids.is_empty() {
        return Ok(vec![]);
    }
    allocation::Entity::find()
        .filter(allocation::Column::StaffAccountId.is_in(staff_ids))
        .filter(current(now))
        .all(db)
        .await
}

pub async fn young_people(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> Result<Vec<young_person::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    young_person::Entity::find()
        .filter(young_person::Column::Id.is_in(ids))
        .all(db)
        .await
}

pub struct NewRequest<'a> {
    pub authority_id: i32,
    pub young_person_id: i32,
    pub entitlement_id: i32,
    pub sent_to: Relationship,
    pub message: Option<&'a str>,
}

/// Fails with a unique-constraint error when an open request for the same
/// entitlement exists already.
pub async fn create(
    db: &impl ConnectionTrait,
    n: NewRequest<'_>,
    now: DateTime<Utc>,
) -> Result<req::Model, DbErr> {
    req::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(n.authority_id),
        young_person_id: Set(n.young_person_id),
        entitlement_id: Set(n.entitlement_id),
        sent_to: Set(n.sent_to.as_str().to_owned()),
        status: Set(RequestStatus::Asked.as_str().to_owned()),
        message: Set(n.message.map(str::to_owned)),
        answer: Set(None),
        open_key: Set(Some(open_key(n.young_person_id, n.entitlement_id))),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn open_for(
    db: &impl ConnectionTrait,
    yp_id: i32,
    entitlement_id: i32,
) -> Result<Option<req::Model>, DbErr> {
    req::Entity::find()
        .filter(req::Column::OpenKey.eq(open_key(yp_id, entitlement_id)))
        .one(db)
        .await
}

pub async fn by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<req::Model>, DbErr> {
    req::Entity::find()
        .filter(req::Column::AuthorityId.eq(authority_id))
        .filter(req::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

/// Requests of these young people, newest first.
pub async fn for_young_people(
    db: &impl ConnectionTrait,
    yp_ids: Vec<i32>,
    open_only: bool,
    limit: u64,
) -> Result<Vec<req::Model>, DbErr> {
    if yp_ids.is_empty() {
        return Ok(vec![]);
    }
    let mut q = req::Entity::find().filter(req::Column::YoungPersonId.is_in(yp_ids));
    if open_only {
        q = q.filter(req::Column::OpenKey.is_not_null());
    }
    q.order_by_desc(req::Column::UpdatedAt)
        .order_by_desc(req::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Moves the request on; `open` false clears its open key. Only if it is
/// still at `from` (so two workers answering at once cannot both win).
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: i32,
    from: RequestStatus,
    to: RequestStatus,
    answer: Option<&str>,
    open: bool,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut q = req::Entity::update_many()
        .col_expr(req::Column::Status, Expr::value(to.as_str()))
        .col_expr(req::Column::UpdatedAt, Expr::value(now));
    if let Some(a) = answer {
        q = q.col_expr(req::Column::Answer, Expr::value(a));
    }
    if !open {
        q = q.col_expr(req::Column::OpenKey, Expr::value(Option::<String>::None));
    }
    let res = q
        .filter(req::Column::Id.eq(id))
        .filter(req::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

pub async fn add_event(
    db: &impl ConnectionTrait,
    request_id: i32,
    status: RequestStatus,
    message: Option<&str>,
    actor_account_id: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    ev::ActiveModel {
        request_id: Set(request_id),
        status: Set(status.as_str().to_owned()),
        message: Set(message.map(str::to_owned)),
        actor_account_id: Set(actor_account_id),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// The stories of these requests, oldest step first.
pub async fn events(
    db: &impl ConnectionTrait,
    request_ids: Vec<i32>,
) -> Result<Vec<ev::Model>, DbErr> {
    if request_ids.is_empty() {
        return Ok(vec![]);
    }
    ev::Entity::find()
        .filter(ev::Column::RequestId.is_in(request_ids))
        .order_by_asc(ev::Column::At)
        .order_by_asc(ev::Column::Id)
        .all(db)
        .await
}
