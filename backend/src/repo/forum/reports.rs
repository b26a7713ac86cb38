//! Reports of posts, and blocks between members.

use super::{REPORT_OPEN, REPORT_RESOLVED};
use crate::entities::{forum_block as block, forum_report as report};
use crate::repo::chunked::CHUNK;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

// ----------------------------------------------------------------- reports

pub struct NewReport<'a> {
    pub authority_id: i32,
    pub post_id: i64,
    pub reporter_young_person_id: i32,
    pub reason: Option<&'a str>,
    pub snapshot_title: Option<&'a str>,
    pub snapshot_body: &'a str,
    pub snapshot_author: &'a str,
}

/// Fails with a unique-constraint error when this person has reported this
/// post before.
pub async fn insert_report(
    db: &impl ConnectionTrait,
    n: NewReport<'_>,
    now: DateTime<Utc>,
) -> Result<report::Model, DbErr> {
    report::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(n.authority_id),
        post_id: Set(n.post_id),
        reporter_young_person_id: Set(n.reporter_young_person_id),
        reason: Set(n.reason.map(str::to_owned)),
        snapshot_title: Set(n.snapshot_title.map(str::to_owned)),
        snapshot_body: Set(n.snapshot_body.to_owned()),
        snapshot_author: Set(n.snapshot_author.to_owned()),
        status: Set(REPORT_OPEN.to_owned()),
        outcome: Set(None),
        created_at: Set(now),
        resolved_at: Set(None),
        resolved_by: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn report_of(
    db: &impl ConnectionTrait,
    post_id: i64,
    reporter_young_person_id: i32,
) -> Result<Option<report::Model>, DbErr> {
    report::Entity::find()
        .filter(report::Column::PostId.eq(post_id))
        .filter(report::Column::ReporterYoungPersonId.eq(reporter_young_person_id))
        .one(db)
        .await
}

/// The reports of these posts, oldest first.
pub async fn reports_for(
    db: &impl ConnectionTrait,
    post_ids: &[i64],
) -> Result<Vec<report::Model>, DbErr> {
    let mut out = vec![];
    for chunk in post_ids.chunks(CHUNK) {
        out.extend(
            report::Entity::find()
                .filter(report::Column::PostId.is_in(chunk.iter().copied()))
                .order_by_asc(report::Column::CreatedAt)
                .order_by_asc(report::Column::Id)
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Posts with open reports, oldest report first.
pub async fn reported_post_ids(
    db: &impl ConnectionTrait,
    authority_id: i32,
    limit: u64,
) -> Result<Vec<i64>, DbErr> {
    let rows: Vec<i64> = report::Entity::find()
        .select_only()
        .column(report::Column::PostId)
        .filter(report::Column::AuthorityId.eq(authority_id))
        .filter(report::Column::Status.eq(REPORT_OPEN))
        .order_by_asc(report::Column::CreatedAt)
        .order_by_asc(report::Column::Id)
        .limit(limit.saturating_mul(4))
        .into_tuple::<i64>()
        .all(db)
        .await?;
    let mut out: Vec<i64> = vec![];
    for id in rows {
        if !out.contains(&id) {
            out.push(id);
        }
        if out.len() as u64 >= limit {
            break;
        }
    }
    Ok(out)
}

/// Resolves a post's open reports with this outcome; answers those it
/// resolved.
pub async fn resolve_reports(
    db: &impl ConnectionTrait,
    post_id: i64,
    outcome: &str,
    by: i32,
    now: DateTime<Utc>,
) -> Result<Vec<report::Model>, DbErr> {
    let open = report::Entity::find()
        .filter(report::Column::PostId.eq(post_id))
        .filter(report::Column::Status.eq(REPORT_OPEN))
        .all(db)
        .await?;
    let mut out = vec![];
    for r in open {
        let res = report::Entity::update_many()
            .col_expr(report::Column::Status, Expr::value(REPORT_RESOLVED))
            .col_expr(report::Column::Outcome, Expr::value(outcome))
            .col_expr(report::Column::ResolvedAt, Expr::value(Some(now)))
            .col_expr(report::Column::ResolvedBy, Expr::value(Some(by)))
            .filter(report::Column::Id.eq(r.id))
            .filter(report::Column::Status.eq(REPORT_OPEN))
            .exec(db)
            .await?;
        if res.rows_affected == 1 {
            out.push(r);
        }
    }
    Ok(out)
}

// ------------------------------------------------------------------ blocks

/// Members this young person has blocked.
pub async fn blocked_by(
    db: &impl ConnectionTrait,
    young_person_id: i32,
) -> Result<Vec<block::Model>, DbErr> {
    block::Entity::find()
        .filter(block::Column::BlockerYoungPersonId.eq(young_person_id))
        .order_by_desc(block::Column::CreatedAt)
        .order_by_desc(block::Column::Id)
        .all(db)
        .await
}

/// Fails with a unique-constraint error when already blocked.
pub async fn insert_block(
    db: &impl ConnectionTrait,
    young_person_id: i32,
    member_id: i32,
    now: DateTime<Utc>,
) -> Result<block::Model, DbErr> {
    block::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        blocker_young_person_id: Set(young_person_id),
        blocked_member_id: Set(member_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Removes one of this young person's blocks; false when there is none
/// with that id.
pub async fn delete_block(
    db: &impl ConnectionTrait,
    young_person_id: i32,
    public_id: &str,
) -> Result<bool, DbErr> {
    Ok(block::Entity::delete_many()
        .filter(block::Column::BlockerYoungPersonId.eq(young_person_id))
        .filter(block::Column::PublicId.eq(public_id))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}
