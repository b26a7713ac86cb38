//! Push subscriptions (one per device): subscribing, finding, deleting and
//! purging dead ones.

use super::PENDING;
use crate::entities::{push_delivery as delivery, push_subscription as sub, session};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};

// ---------------------------------------------------------------- devices

/// The SHA-256 of an endpoint, hex: how endpoints are found and kept unique.
pub fn endpoint_hash(endpoint: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(endpoint.as_bytes()))
}

pub struct NewSubscription<'a> {
    pub account_id: i32,
    pub session_id: i32,
    pub endpoint: &'a str,
    pub p256dh: &'a str,
    pub auth: &'a str,
}

/// Adds a device, or updates it when the browser sends the same endpoint
/// again (new keys, or a different person now signed in on it: what was
/// waiting for the previous person is dropped). Keeps at most `max` devices
/// per person, dropping the oldest. Answers the row and whether it is new.
pub async fn subscribe(
    db: &DatabaseConnection,
    n: NewSubscription<'_>,
    max: u64,
    now: DateTime<Utc>,
) -> Result<(sub::Model, bool), DbErr> {
    let txn = db.begin().await?;
    let hash = endpoint_hash(n.endpoint);
    // A write first: on SQLite this takes the write lock before any read,
    // so a concurrent writer makes us wait rather than fail. What was
    // waiting for someone else on this device is dropped.
    delivery::Entity::delete_many()
        .filter(delivery::Column::Status.eq(PENDING))
        .filter(
            delivery::Column::SubscriptionId.in_subquery(
                Query::select()
                    .column(sub::Column::Id)
                    .from(sub::Entity)
                    .and_where(sub::Column::EndpointHash.eq(&hash))
                    .and_where(sub::Column::AccountId.ne(n.account_id))
                    .to_owned(),
            ),
        )
        .exec(&txn)
        .await?;
    let existing = sub::Entity::find()
        .filter(sub::Column::EndpointHash.eq(&hash))
        .one(&txn)
        .await?;
    let (row, created) = match existing {
        Some(old) => {
            let mut am: sub::ActiveModel = old.into();
            am.account_id = Set(n.account_id);
            am.session_id = Set(Some(n.session_id));
            am.p256dh = Set(n.p256dh.to_owned());
            am.auth = Set(n.auth.to_owned());
            (am.update(&txn).await?, false)
        }
        None => (
            sub::ActiveModel {
                public_id: Set(uuid::Uuid::new_v4().to_string()),
                account_id: Set(n.account_id),
                session_id: Set(Some(n.session_id)),
                endpoint: Set(n.endpoint.to_owned()),
                endpoint_hash: Set(hash),
                p256dh: Set(n.p256dh.to_owned()),
                auth: Set(n.auth.to_owned()),
                created_at: Set(now),
                last_success_at: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?,
            true,
        ),
    };
    let mine = sub::Entity::find()
        .filter(sub::Column::AccountId.eq(n.account_id))
        .order_by_desc(sub::Column::CreatedAt)
        .order_by_desc(sub::Column::Id)
        .all(&txn)
        .await?;
    for old in mine
        .into_iter()
        .filter(|s| s.id != row.id)
        .skip(max.saturating_sub(1) as usize)
    {
        delete_subscription(&txn, old.id).await?;
    }
    txn.commit().await?;
    Ok((row, created))
}

pub async fn subscriptions_of(
    db: &impl ConnectionTrait,
    account_id: i32,
) -> Result<Vec<sub::Model>, DbErr> {
    sub::Entity::find()
        .filter(sub::Column::AccountId.eq(account_id))
        .order_by_desc(sub::Column::CreatedAt)
        .all(db)
        .await
}

/// One of this person's devices; someone else's is `None`.
pub async fn subscription_of(
    db: &impl ConnectionTrait,
    account_id: i32,
    public_id: &str,
) -> Result<Option<sub::Model>, DbErr> {
    sub::Entity::find()
        .filter(sub::Column::AccountId.eq(account_id))
        .filter(sub::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

/// Removes a device and everything queued or recorded for it.
pub async fn delete_subscription(
    db: &impl ConnectionTrait,
    subscription_id: i32,
) -> Result<(), DbErr> {
    delivery::Entity::delete_many()
        .filter(delivery::Column::SubscriptionId.eq(subscription_id))
        .exec(db)
        .await?;
    sub::Entity::delete_many()
        .filter(sub::Column::Id.eq(subscription_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Forgets devices whose sign-in has ended or run out (logout, password
/// change, a disabled account, 30 days unused): they would get nothing.
pub async fn purge_dead_subscriptions(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let dead_sessions = Query::select()
        .column(session::Column::Id)
        .from(session::Entity)
        .cond_where(
            Condition::any()
                .add(session::Column::EndedAt.is_not_null())
                .add(session::Column::ExpiresAt.lte(now)),
        )
        .to_owned();
    let ids: Vec<i32> = sub::Entity::find()
        .select_only()
        .column(sub::Column::Id)
        .filter(
            Condition::any()
                .add(sub::Column::SessionId.is_null())
                .add(sub::Column::SessionId.in_subquery(dead_sessions)),
        )
        .into_tuple()
        .all(db)
        .await?;
    for id in &ids {
        let txn = db.begin().await?;
        delete_subscription(&txn, *id).await?;
        txn.commit().await?;
    }
    Ok(ids.len() as u64)
}

pub async fn mark_success(
    db: &impl ConnectionTrait,
    subscription_id: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    sub::Entity::update_many()
        .col_expr(sub::Column::LastSuccessAt, Expr::value(now))
        .filter(sub::Column::Id.eq(subscription_id))
        .exec(db)
        .await
        .map(|_| ())
}
