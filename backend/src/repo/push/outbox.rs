//! The delivery outbox: enqueueing, claiming due deliveries, loading what
//! one batch needs, and finishing each delivery.

use super::{FAILED, PENDING, SENT, SKIPPED};
use crate::entities::{
    account, local_authority, notification, notification_preference as pref,
    notification_setting as setting, push_delivery as delivery, push_subscription as sub, session,
};
use crate::repo::chunked::{self};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

// ----------------------------------------------------------------- outbox

/// Queues a notification for every device its person has now. Called by
/// `notifications::add` on the same connection, so inside the event's own
/// transaction: the event, the notification and its deliveries commit
/// together or not at all.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    notification_id: i64,
    account_id: i32,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let subs = sub::Entity::find()
        .select_only()
        .column(sub::Column::Id)
        .filter(sub::Column::AccountId.eq(account_id))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    let rows: Vec<delivery::ActiveModel> = subs
        .into_iter()
        .map(|subscription_id| delivery::ActiveModel {
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            notification_id: Set(notification_id),
            subscription_id: Set(subscription_id),
            status: Set(PENDING.to_owned()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            claimed_by: Set(None),
            claimed_until: Set(None),
            last_status: Set(None),
            last_error: Set(None),
            created_at: Set(now),
            finished_at: Set(None),
            ..Default::default()
        })
        .collect();
    let n = rows.len() as u64;
    if n > 0 {
        delivery::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    Ok(n)
}

/// Rows free to claim: pending, due, and not held by a live claim.
fn claimable(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(delivery::Column::Status.eq(PENDING))
        .add(delivery::Column::NextAttemptAt.lte(now))
        .add(
            Condition::any()
                .add(delivery::Column::ClaimedBy.is_null())
                .add(delivery::Column::ClaimedUntil.lt(now)),
        )
}

pub async fn due_deliveries(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<i64>, DbErr> {
    delivery::Entity::find()
        .select_only()
        .column(delivery::Column::Id)
        .filter(claimable(now))
        .order_by_asc(delivery::Column::NextAttemptAt)
        .order_by_asc(delivery::Column::Id)
        .limit(limit)
        .into_tuple::<i64>()
        .all(db)
        .await
}

/// Takes one row for `token` until `until`; false when someone else holds
/// it or it is no longer due.
pub async fn claim_delivery(
    db: &impl ConnectionTrait,
    id: i64,
    token: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = delivery::Entity::update_many()
        .col_expr(delivery::Column::ClaimedBy, Expr::value(token))
        .col_expr(delivery::Column::ClaimedUntil, Expr::value(until))
        .filter(delivery::Column::Id.eq(id))
        .filter(claimable(now))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

pub async fn deliveries_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<delivery::Model>, DbErr> {
    chunked::by_column_in::<delivery::Entity, _>(db, delivery::Column::Id, ids).await
}

pub async fn notifications_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<notification::Model>, DbErr> {
    chunked::by_column_in::<notification::Entity, _>(db, notification::Column::Id, ids).await
}

pub async fn subscriptions_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<sub::Model>, DbErr> {
    chunked::by_column_in::<sub::Entity, _>(db, sub::Column::Id, ids).await
}

pub async fn accounts_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<account::Model>, DbErr> {
    chunked::by_column_in::<account::Entity, _>(db, account::Column::Id, ids).await
}

pub async fn sessions_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<session::Model>, DbErr> {
    chunked::by_column_in::<session::Entity, _>(db, session::Column::Id, ids).await
}

pub async fn preferences_by_accounts(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<pref::Model>, DbErr> {
    chunked::by_column_in::<pref::Entity, _>(db, pref::Column::AccountId, ids).await
}

pub async fn settings_by_accounts(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<setting::Model>, DbErr> {
    chunked::by_column_in::<setting::Entity, _>(db, setting::Column::AccountId, ids).await
}

pub async fn authorities(db: &impl ConnectionTrait) -> Result<Vec<local_authority::Model>, DbErr> {
    local_authority::Entity::find().all(db).await
}

/// How a claimed row ends its claim.
#[derive(Debug, Clone)]
pub enum Finish {
    /// The push service took it.
    Sent { status: i32 },
    /// Given up: a refusal that retrying will not change, or too many tries.
    Failed { status: Option<i32>, error: String },
    /// Not pushed by choice (the person turned this kind off).
    Skipped { reason: String },
    /// Try again at `at`; `attempted` counts it as a try (a quiet-hours hold
    /// does not).
    Retry {
        at: DateTime<Utc>,
        attempted: bool,
        status: Option<i32>,
        error: Option<String>,
    },
}

/// Ends our claim on a row and records the outcome, in one UPDATE that
/// only applies while the claim is still ours. False: the claim was lost
/// (it expired and someone else took the row), so nothing was written.
pub async fn finish_delivery(
    db: &impl ConnectionTrait,
    id: i64,
    token: &str,
    outcome: &Finish,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let none_str: Option<String> = None;
    let none_time: Option<DateTime<Utc>> = None;
    let mut q = delivery::Entity::update_many()
        .col_expr(delivery::Column::ClaimedBy, Expr::value(none_str))
        .col_expr(delivery::Column::ClaimedUntil, Expr::value(none_time));
    q = match outcome {
        Finish::Sent { status } => q
            .col_expr(delivery::Column::Status, Expr::value(SENT))
            .col_expr(delivery::Column::FinishedAt, Expr::value(now))
            .col_expr(delivery::Column::LastStatus, Expr::value(*status))
            .col_expr(
                delivery::Column::Attempts,
                Expr::col(delivery::Column::Attempts).add(1),
            ),
        Finish::Failed { status, error } => q
            .col_expr(delivery::Column::Status, Expr::value(FAILED))
            .col_expr(delivery::Column::FinishedAt, Expr::value(now))
            .col_expr(delivery::Column::LastStatus, Expr::value(*status))
            .col_expr(delivery::Column::LastError, Expr::value(error.clone()))
            .col_expr(
                delivery::Column::Attempts,
                Expr::col(delivery::Column::Attempts).add(1),
            ),
        Finish::Skipped { reason } => q
            .col_expr(delivery::Column::Status, Expr::value(SKIPPED))
            .col_expr(delivery::Column::FinishedAt, Expr::value(now))
            .col_expr(delivery::Column::LastError, Expr::value(reason.clone())),
        Finish::Retry {
            at,
            attempted,
            status,
            error,
        } => {
            let q = q.col_expr(delivery::Column::NextAttemptAt, Expr::value(*at));
            if *attempted {
                q.col_expr(delivery::Column::LastStatus, Expr::value(*status))
                    .col_expr(delivery::Column::LastError, Expr::value(error.clone()))
                    .col_expr(
                        delivery::Column::Attempts,
                        Expr::col(delivery::Column::Attempts).add(1),
                    )
            } else {
                q
            }
        }
    };
    let res = q
        .filter(delivery::Column::Id.eq(id))
        .filter(delivery::Column::ClaimedBy.eq(token))
        .filter(delivery::Column::Status.eq(PENDING))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Forgets finished deliveries older than `before` (the in-app list keeps
/// the notification itself).
pub async fn purge_finished(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(delivery::Entity::delete_many()
        .filter(delivery::Column::Status.ne(PENDING))
        .filter(delivery::Column::FinishedAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}

/// How many deliveries are still waiting (for health and tests).
pub async fn pending_count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    delivery::Entity::find()
        .filter(delivery::Column::Status.eq(PENDING))
        .count(db)
        .await
}
