//! The in-app notifications list (push delivery builds on it later).

use crate::entities::notification as n;
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

pub async fn add(
    db: &impl ConnectionTrait,
    x: NewNotification<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    n::ActiveModel {
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
    .await
    .map(|_| ())
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
