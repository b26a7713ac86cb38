//! Flood limits: the events the limiter counts, the lock that makes the
//! count and the insert one step per account, the hits the participation
//! officer sees, and each space's limits.

use crate::entities::{account, flood_event as event, flood_hit as hit, forum_space as space};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use shared::forum::FloodLimits;

/// Takes the account's row lock until the transaction ends, so two
/// requests from one account count and insert one after the other (on
/// several server instances too). PostgreSQL: `SELECT ... FOR UPDATE`.
/// SQLite has no row locks; a write as the transaction's first statement
/// takes its single writer lock (waiting up to the busy timeout) before
/// anything is read, which serialises the same way.
pub async fn lock_account(db: &impl ConnectionTrait, account_id: i32) -> Result<(), DbErr> {
    match db.get_database_backend() {
        DbBackend::Postgres => account::Entity::find_by_id(account_id)
            .select_only()
            .column(account::Column::Id)
            .lock_exclusive()
            .into_tuple::<i32>()
            .one(db)
            .await
            .map(|_| ()),
        _ => account::Entity::update_many()
            .col_expr(account::Column::Id, Expr::col(account::Column::Id))
            .filter(account::Column::Id.eq(account_id))
            .exec(db)
            .await
            .map(|_| ()),
    }
}

/// The account's events since `since`, every kind.
pub async fn events_since(
    db: &impl ConnectionTrait,
    account_id: i32,
    since: DateTime<Utc>,
) -> Result<Vec<event::Model>, DbErr> {
    event::Entity::find()
        .filter(event::Column::AccountId.eq(account_id))
        .filter(event::Column::CreatedAt.gt(since))
        .all(db)
        .await
}

pub struct NewEvent<'a> {
    pub authority_id: i32,
    pub account_id: i32,
    pub kind: &'a str,
    pub space_id: Option<i32>,
    pub text_hash: Option<&'a str>,
}

pub async fn insert_event(
    db: &impl ConnectionTrait,
    e: NewEvent<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    event::ActiveModel {
        authority_id: Set(e.authority_id),
        account_id: Set(e.account_id),
        kind: Set(e.kind.to_owned()),
        space_id: Set(e.space_id),
        text_hash: Set(e.text_hash.map(str::to_owned)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// Drops the account's events no limit looks at any more.
pub async fn delete_events_before(
    db: &impl ConnectionTrait,
    account_id: i32,
    before: DateTime<Utc>,
) -> Result<(), DbErr> {
    event::Entity::delete_many()
        .filter(event::Column::AccountId.eq(account_id))
        .filter(event::Column::CreatedAt.lt(before))
        .exec(db)
        .await
        .map(|_| ())
}

pub struct NewHit<'a> {
    pub authority_id: i32,
    pub account_id: i32,
    pub member_id: Option<i32>,
    pub kind: &'a str,
    pub limit_kind: &'a str,
    pub space_id: Option<i32>,
}

/// Records a hit: a refusal of the same kind, limit and space since
/// `merge_since` adds to that row's attempts instead of a new row.
pub async fn record_hit(
    db: &impl ConnectionTrait,
    h: NewHit<'_>,
    merge_since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut q = hit::Entity::find()
        .filter(hit::Column::AccountId.eq(h.account_id))
        .filter(hit::Column::Kind.eq(h.kind))
        .filter(hit::Column::LimitKind.eq(h.limit_kind))
        .filter(hit::Column::LastAt.gt(merge_since));
    q = match h.space_id {
        Some(id) => q.filter(hit::Column::SpaceId.eq(id)),
        None => q.filter(hit::Column::SpaceId.is_null()),
    };
    if let Some(row) = q.order_by_desc(hit::Column::LastAt).one(db).await? {
        hit::Entity::update_many()
            .col_expr(
                hit::Column::Attempts,
                Expr::col(hit::Column::Attempts).add(1),
            )
            .col_expr(hit::Column::LastAt, Expr::value(now))
            .filter(hit::Column::Id.eq(row.id))
            .exec(db)
            .await?;
        return Ok(());
    }
    hit::ActiveModel {
        authority_id: Set(h.authority_id),
        account_id: Set(h.account_id),
        member_id: Set(h.member_id),
        kind: Set(h.kind.to_owned()),
        limit_kind: Set(h.limit_kind.to_owned()),
        space_id: Set(h.space_id),
        attempts: Set(1),
        first_at: Set(now),
        last_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// The council's latest hits of these kinds since `since`, newest first.
pub async fn hits(
    db: &impl ConnectionTrait,
    authority_id: i32,
    kinds: &[&str],
    since: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<hit::Model>, DbErr> {
    hit::Entity::find()
        .filter(hit::Column::AuthorityId.eq(authority_id))
        .filter(hit::Column::LastAt.gt(since))
        .filter(hit::Column::Kind.is_in(kinds.iter().copied()))
        .order_by_desc(hit::Column::LastAt)
        .order_by_desc(hit::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// A space's flood limits (the rest of it is `forum::update_space`).
pub async fn set_space_limits(
    db: &impl ConnectionTrait,
    space_id: i32,
    l: &FloodLimits,
) -> Result<(), DbErr> {
    let n = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    space::Entity::update_many()
        .col_expr(
            space::Column::ThreadsPerHour,
            Expr::value(n(l.threads_per_hour)),
        )
        .col_expr(
            space::Column::ThreadsPerDay,
            Expr::value(n(l.threads_per_day)),
        )
        .col_expr(
            space::Column::RepliesPerHour,
            Expr::value(n(l.replies_per_hour)),
        )
        .col_expr(
            space::Column::RepliesPerDay,
            Expr::value(n(l.replies_per_day)),
        )
        .col_expr(space::Column::MinGapSecs, Expr::value(n(l.min_gap_secs)))
        .filter(space::Column::Id.eq(space_id))
        .exec(db)
        .await
        .map(|_| ())
}
