//! The in-app notifications list. Adding one also queues its push
//! deliveries (`repo::push::enqueue`) on the same connection, so they commit
//! with the event that caused them.

use crate::entities::notification as n;
use crate::entities::push_delivery as delivery;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

pub struct NewNotification<'a> {
    pub account_id: i32,
    pub kind: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub link: &'a str,
    pub urgent: bool,
}

/// Adds a notification to the person's list and queues a push to each of
/// their devices. Call it with the event's transaction.
pub async fn add(
    db: &impl ConnectionTrait,
    x: NewNotification<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let row = n::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        account_id: Set(x.account_id),
        kind: Set(x.kind.to_owned()),
        title: Set(x.title.to_owned()),
        body: Set(x.body.to_owned()),
        link: Set(x.link.to_owned()),
        urgent: Set(x.urgent),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    crate::repo::push::enqueue(db, row.id, row.account_id, now).await?;
    Ok(())
}

pub async fn for_account(
    db: &impl ConnectionTrait,
    account_id: i32,
    limit: u64,
) -> Result<Vec<n::Model>, DbErr> {
    n::Entity::find()
        .filter(n::Column::AccountId.eq(account_id))
        .order_by_desc(n::Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await
}

/// One of this person's notifications; someone else's is `None`.
pub async fn of_account(
    db: &impl ConnectionTrait,
    account_id: i32,
    public_id: &str,
) -> Result<Option<n::Model>, DbErr> {
    n::Entity::find()
        .filter(n::Column::AccountId.eq(account_id))
        .filter(n::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

/// Marks one notification read (it stays read if it already was).
pub async fn mark_read(
    db: &impl ConnectionTrait,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    n::Entity::update_many()
        .col_expr(n::Column::ReadAt, sea_orm::sea_query::Expr::value(now))
        .filter(n::Column::Id.eq(id))
        .filter(n::Column::ReadAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// Deletes one notification, and any delivery of it still waiting for a
/// device (so a deleted notification never arrives later).
pub async fn delete(db: &impl ConnectionTrait, id: i64) -> Result<(), DbErr> {
    delivery::Entity::delete_many()
        .filter(delivery::Column::NotificationId.eq(id))
        .exec(db)
        .await?;
    n::Entity::delete_by_id(id).exec(db).await.map(|_| ())
}

/// Marks all of a person's notifications read; answers how many changed.
pub async fn mark_all_read(
    db: &impl ConnectionTrait,
    account_id: i32,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(n::Entity::update_many()
        .col_expr(n::Column::ReadAt, sea_orm::sea_query::Expr::value(now))
        .filter(n::Column::AccountId.eq(account_id))
        .filter(n::Column::ReadAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}
