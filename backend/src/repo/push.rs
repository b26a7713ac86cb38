//! Push subscriptions, preferences, the delivery outbox and scheduled jobs.
//!
//! Claims (outbox rows and jobs) are taken one row at a time with a
//! conditional UPDATE (`... WHERE claimed_by IS NULL OR claimed_until < now`)
//! and the number of rows it changed: the same on SQLite and PostgreSQL, and
//! safe with several instances. Finishing is one UPDATE that also checks the
//! claim is still ours.

use crate::entities::{
    account, local_authority, notification, notification_preference as pref,
    notification_setting as setting, push_delivery as delivery, push_subscription as sub,
    scheduled_job as job, session,
};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, PostgresQueryBuilder, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend,
    DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set,
    Statement, TransactionTrait, TryInsertResult,
};

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";
pub const SKIPPED: &str = "skipped";
pub const DONE: &str = "done";
pub const CANCELLED: &str = "cancelled";

/// A safe number of rows per multi-row statement on both databases.
const CHUNK: usize = 500;

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

// ------------------------------------------------------------ preferences

pub async fn preferences_of(
    db: &impl ConnectionTrait,
    account_id: i32,
) -> Result<Vec<pref::Model>, DbErr> {
    pref::Entity::find()
        .filter(pref::Column::AccountId.eq(account_id))
        .all(db)
        .await
}

pub async fn set_preference(
    db: &impl ConnectionTrait,
    account_id: i32,
    kind: &str,
    push: bool,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    pref::Entity::insert(pref::ActiveModel {
        account_id: Set(account_id),
        kind: Set(kind.to_owned()),
        push: Set(push),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([pref::Column::AccountId, pref::Column::Kind])
            .update_columns([pref::Column::Push, pref::Column::UpdatedAt])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

pub async fn setting_of(
    db: &impl ConnectionTrait,
    account_id: i32,
) -> Result<Option<setting::Model>, DbErr> {
    setting::Entity::find()
        .filter(setting::Column::AccountId.eq(account_id))
        .one(db)
        .await
}

pub async fn set_quiet_hours(
    db: &impl ConnectionTrait,
    account_id: i32,
    start_minute: u16,
    end_minute: u16,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    setting::Entity::insert(setting::ActiveModel {
        account_id: Set(account_id),
        quiet_start_minute: Set(i32::from(start_minute)),
        quiet_end_minute: Set(i32::from(end_minute)),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(setting::Column::AccountId)
            .update_columns([
                setting::Column::QuietStartMinute,
                setting::Column::QuietEndMinute,
                setting::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

/// The council's time zone name for an account.
pub async fn time_zone_of(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Option<String>, DbErr> {
    Ok(local_authority::Entity::find_by_id(authority_id)
        .one(db)
        .await?
        .map(|a| a.time_zone))
}

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
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            delivery::Entity::find()
                .filter(delivery::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

pub async fn notifications_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<notification::Model>, DbErr> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            notification::Entity::find()
                .filter(notification::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

pub async fn subscriptions_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<sub::Model>, DbErr> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            sub::Entity::find()
                .filter(sub::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

pub async fn accounts_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<account::Model>, DbErr> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            account::Entity::find()
                .filter(account::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

pub async fn sessions_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<session::Model>, DbErr> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            session::Entity::find()
                .filter(session::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

pub async fn preferences_by_accounts(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<pref::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            pref::Entity::find()
                .filter(pref::Column::AccountId.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

pub async fn settings_by_accounts(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<setting::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            setting::Entity::find()
                .filter(setting::Column::AccountId.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
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

// --------------------------------------------------------- scheduled jobs

pub struct NewJob {
    pub kind: String,
    pub subject: String,
    pub due_on: NaiveDate,
    pub run_at: DateTime<Utc>,
    pub payload: String,
}

/// Inserts jobs, leaving any (kind, subject, due date) that already exists
/// as it is. Answers how many were new.
pub async fn insert_jobs(
    db: &impl ConnectionTrait,
    jobs: Vec<NewJob>,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let mut inserted = 0;
    let mut rows = jobs.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<job::ActiveModel> = rows
            .by_ref()
            .take(CHUNK)
            .map(|j| job::ActiveModel {
                kind: Set(j.kind),
                subject: Set(j.subject),
                due_on: Set(j.due_on),
                run_at: Set(j.run_at),
                payload: Set(j.payload),
                status: Set(PENDING.to_owned()),
                attempts: Set(0),
                claimed_by: Set(None),
                claimed_until: Set(None),
                last_error: Set(None),
                created_at: Set(now),
                finished_at: Set(None),
                ..Default::default()
            })
            .collect();
        let res = job::Entity::insert_many(chunk)
            .on_conflict_do_nothing_on([
                job::Column::Kind,
                job::Column::Subject,
                job::Column::DueOn,
            ])
            .exec_without_returning(db)
            .await?;
        if let TryInsertResult::Inserted(n) = res {
            inserted += n;
        }
    }
    Ok(inserted)
}

/// Every job of this kind for these subjects, whatever its state.
pub async fn jobs_for_subjects(
    db: &impl ConnectionTrait,
    kind: &str,
    subjects: &[String],
) -> Result<Vec<job::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in subjects.chunks(CHUNK) {
        let q = job::Entity::find()
            .filter(job::Column::Kind.eq(kind))
            .filter(job::Column::Subject.is_in(chunk.iter().cloned()));
        let rows = match db.get_database_backend() {
            // The same prepared statement run many times gets PostgreSQL's
            // generic plan, chosen while the table was small: an index scan
            // on `kind` alone that filters every row through the list, one
            // second a call at 100,000 people. With the values written into
            // the statement (escaped by sea-query) each call is planned for
            // its own list and uses the (kind, subject, due_on) index.
            DbBackend::Postgres => {
                let sql = q.clone().into_query().to_string(PostgresQueryBuilder);
                job::Entity::find()
                    .from_raw_sql(Statement::from_string(DbBackend::Postgres, sql))
                    .all(db)
                    .await?
            }
            _ => q.all(db).await?,
        };
        out.extend(rows);
    }
    Ok(out)
}

/// Cancels jobs that have not run yet.
pub async fn cancel_jobs(
    db: &impl ConnectionTrait,
    ids: &[i64],
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let mut n = 0;
    for chunk in ids.chunks(CHUNK) {
        n += job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(CANCELLED))
            .col_expr(job::Column::FinishedAt, Expr::value(now))
            .filter(job::Column::Id.is_in(chunk.iter().copied()))
            .filter(job::Column::Status.eq(PENDING))
            .exec(db)
            .await?
            .rows_affected;
    }
    Ok(n)
}

/// Brings a cancelled job back, with its new time and payload.
pub async fn revive_job(
    db: &impl ConnectionTrait,
    id: i64,
    run_at: DateTime<Utc>,
    payload: &str,
) -> Result<(), DbErr> {
    let none_time: Option<DateTime<Utc>> = None;
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(PENDING))
        .col_expr(job::Column::RunAt, Expr::value(run_at))
        .col_expr(job::Column::Payload, Expr::value(payload))
        .col_expr(job::Column::FinishedAt, Expr::value(none_time))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.eq(CANCELLED))
        .exec(db)
        .await
        .map(|_| ())
}

/// Moves a job that has not run yet to a new time and payload.
pub async fn reschedule_job(
    db: &impl ConnectionTrait,
    id: i64,
    run_at: DateTime<Utc>,
    payload: &str,
) -> Result<(), DbErr> {
    job::Entity::update_many()
        .col_expr(job::Column::RunAt, Expr::value(run_at))
        .col_expr(job::Column::Payload, Expr::value(payload))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::Status.eq(PENDING))
        .exec(db)
        .await
        .map(|_| ())
}

fn job_claimable(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(job::Column::Status.eq(PENDING))
        .add(job::Column::RunAt.lte(now))
        .add(
            Condition::any()
                .add(job::Column::ClaimedBy.is_null())
                .add(job::Column::ClaimedUntil.lt(now)),
        )
}

pub async fn due_jobs(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<i64>, DbErr> {
    job::Entity::find()
        .select_only()
        .column(job::Column::Id)
        .filter(job_claimable(now))
        .order_by_asc(job::Column::RunAt)
        .order_by_asc(job::Column::Id)
        .limit(limit)
        .into_tuple::<i64>()
        .all(db)
        .await
}

/// Takes one job for `token` until `until`, counting the attempt; false
/// when another worker holds it or it has already run.
pub async fn claim_job(
    db: &impl ConnectionTrait,
    id: i64,
    token: &str,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = job::Entity::update_many()
        .col_expr(job::Column::ClaimedBy, Expr::value(token))
        .col_expr(job::Column::ClaimedUntil, Expr::value(until))
        .col_expr(
            job::Column::Attempts,
            Expr::col(job::Column::Attempts).add(1),
        )
        .filter(job::Column::Id.eq(id))
        .filter(job_claimable(now))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

pub async fn job_by_id(db: &impl ConnectionTrait, id: i64) -> Result<Option<job::Model>, DbErr> {
    job::Entity::find_by_id(id).one(db).await
}

/// Marks our claimed job done; false when the claim is no longer ours (the
/// caller then rolls back what the job did).
pub async fn finish_job(
    db: &impl ConnectionTrait,
    id: i64,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let none_str: Option<String> = None;
    let none_time: Option<DateTime<Utc>> = None;
    let res = job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(DONE))
        .col_expr(job::Column::FinishedAt, Expr::value(now))
        .col_expr(job::Column::ClaimedBy, Expr::value(none_str))
        .col_expr(job::Column::ClaimedUntil, Expr::value(none_time))
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::ClaimedBy.eq(token))
        .filter(job::Column::Status.eq(PENDING))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Records a failed run: try again at `retry_at`, or give up.
pub async fn fail_job(
    db: &impl ConnectionTrait,
    id: i64,
    token: &str,
    error: &str,
    retry_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let none_str: Option<String> = None;
    let none_time: Option<DateTime<Utc>> = None;
    let mut q = job::Entity::update_many()
        .col_expr(job::Column::ClaimedBy, Expr::value(none_str))
        .col_expr(job::Column::ClaimedUntil, Expr::value(none_time))
        .col_expr(job::Column::LastError, Expr::value(error));
    q = match retry_at {
        Some(at) => q.col_expr(job::Column::RunAt, Expr::value(at)),
        None => q
            .col_expr(job::Column::Status, Expr::value(FAILED))
            .col_expr(job::Column::FinishedAt, Expr::value(now)),
    };
    let res = q
        .filter(job::Column::Id.eq(id))
        .filter(job::Column::ClaimedBy.eq(token))
        .filter(job::Column::Status.eq(PENDING))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}
