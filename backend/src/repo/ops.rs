//! What operators watch: the background worker's heartbeat and the numbers
//! `/metrics` reads at scrape time. Counts and times only, never who.

use crate::entities::{
    push_delivery as delivery, safeguarding_alert as alert, scheduled_job as job,
    worker_heartbeat as beat,
};
use crate::repo::push::PENDING;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

/// Records that `instance` finished a pass at `at`.
pub async fn beat(
    db: &impl ConnectionTrait,
    instance: &str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    beat::Entity::insert(beat::ActiveModel {
        instance: Set(instance.to_owned()),
        beat_at: Set(at),
    })
    .on_conflict(
        OnConflict::column(beat::Column::Instance)
            .update_column(beat::Column::BeatAt)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

/// A worker that stops cleanly leaves no heartbeat behind (so a retired
/// worker does not make every instance unready; a crashed one does).
pub async fn forget(db: &impl ConnectionTrait, instance: &str) -> Result<(), DbErr> {
    beat::Entity::delete_by_id(instance.to_owned())
        .exec(db)
        .await
        .map(|_| ())
}

/// The latest heartbeat of any worker, if one has ever beaten.
pub async fn latest_beat(db: &impl ConnectionTrait) -> Result<Option<DateTime<Utc>>, DbErr> {
    Ok(beat::Entity::find()
        .order_by_desc(beat::Column::BeatAt)
        .one(db)
        .await?
        .map(|b| b.beat_at))
}

/// Pending push deliveries and when the oldest was queued.
pub async fn outbox_depth(
    db: &impl ConnectionTrait,
) -> Result<(u64, Option<DateTime<Utc>>), DbErr> {
    let pending = delivery::Entity::find().filter(delivery::Column::Status.eq(PENDING));
    let count = pending.clone().count(db).await?;
    let oldest = pending
        .select_only()
        .column(delivery::Column::CreatedAt)
        .order_by_asc(delivery::Column::CreatedAt)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await?;
    Ok((count, oldest))
}

/// When the longest-waiting job that is due (and pending) should have run.
pub async fn oldest_due_job(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    job::Entity::find()
        .select_only()
        .column(job::Column::RunAt)
        .filter(job::Column::Status.eq(PENDING))
        .filter(job::Column::RunAt.lte(now))
        .order_by_asc(job::Column::RunAt)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await
}

/// Safeguarding alerts nobody has responded to, raised before `before`.
pub async fn unanswered_alerts_before(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
) -> Result<u64, DbErr> {
    alert::Entity::find()
        .filter(alert::Column::RespondedAt.is_null())
        .filter(alert::Column::RaisedAt.lt(before))
        .count(db)
        .await
}
