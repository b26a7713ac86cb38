//! Scheduled jobs: inserting, finding by subject, cancelling, claiming and
//! finishing them.

use super::{CANCELLED, DONE, FAILED, PENDING};
use crate::entities::scheduled_job as job;
use crate::repo::chunked::CHUNK;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, PostgresQueryBuilder};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait, Set, Statement, TryInsertResult,
};

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
