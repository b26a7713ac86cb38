//! Counts for the staff home screen. They read ids and states only, never
//! what a young person wrote, and each is scoped to one council or to young
//! people the caller's service has already chosen.

use crate::entities::{
    feedback as fb, feedback_reader as fr, forum_post as post, forum_report as report,
    offer_request as req, plan_query as pq,
};
use crate::repo::forum::REPORT_OPEN;
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};
use shared::forum::PostStatus;

/// Rows per `IN (...)` list.
const CHUNK: usize = 500;

/// The young person of each feedback sent to this account that nobody has
/// answered yet: one entry per feedback.
pub async fn feedback_waiting(
    db: &impl ConnectionTrait,
    authority_id: i32,
    account_id: i32,
) -> Result<Vec<i32>, DbErr> {
    fb::Entity::find()
        .select_only()
        .column(fb::Column::YoungPersonId)
        .filter(fb::Column::AuthorityId.eq(authority_id))
        .filter(fb::Column::RespondedAt.is_null())
        .filter(
            fb::Column::Id.in_subquery(
                Query::select()
                    .column(fr::Column::FeedbackId)
                    .from(fr::Entity)
                    .and_where(fr::Column::AccountId.eq(account_id))
                    .to_owned(),
            ),
        )
        .into_tuple::<i32>()
        .all(db)
        .await
}

/// (young person, sent to, status) of every open offer request of these
/// young people.
pub async fn open_requests(
    db: &impl ConnectionTrait,
    yp_ids: &[i32],
) -> Result<Vec<(i32, String, String)>, DbErr> {
    let mut out = Vec::new();
    for chunk in yp_ids.chunks(CHUNK) {
        out.extend(
            req::Entity::find()
                .select_only()
                .column(req::Column::YoungPersonId)
                .column(req::Column::SentTo)
                .column(req::Column::Status)
                .filter(req::Column::YoungPersonId.is_in(chunk.to_vec()))
                .filter(req::Column::OpenKey.is_not_null())
                .into_tuple::<(i32, String, String)>()
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Questions about these young people's plans with no answer yet.
pub async fn unanswered_plan_questions(
    db: &impl ConnectionTrait,
    yp_ids: &[i32],
) -> Result<u64, DbErr> {
    let mut n = 0;
    for chunk in yp_ids.chunks(CHUNK) {
        n += pq::Entity::find()
            .filter(pq::Column::YoungPersonId.is_in(chunk.to_vec()))
            .filter(pq::Column::Answer.is_null())
            .count(db)
            .await?;
    }
    Ok(n)
}

/// The council's moderation queue, counted.
pub struct QueueCounts {
    pub waiting: u64,
    pub suggests_harm: u64,
    pub reported: u64,
    pub flagged: u64,
}

pub async fn moderation_queue(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<QueueCounts, DbErr> {
    let pending = || {
        post::Entity::find()
            .filter(post::Column::AuthorityId.eq(authority_id))
            .filter(post::Column::Status.eq(PostStatus::Pending.as_str()))
    };
    let waiting = pending().count(db).await?;
    let suggests_harm = pending()
        .filter(post::Column::SuggestsHarm.eq(true))
        .count(db)
        .await?;
    let flagged = post::Entity::find()
        .filter(post::Column::AuthorityId.eq(authority_id))
        .filter(post::Column::FlagOpen.eq(true))
        .count(db)
        .await?;
    // A post reported by three people is one post to look at.
    let reported = report::Entity::find()
        .select_only()
        .column(report::Column::PostId)
        .distinct()
        .filter(report::Column::AuthorityId.eq(authority_id))
        .filter(report::Column::Status.eq(REPORT_OPEN))
        .count(db)
        .await?;
    Ok(QueueCounts {
        waiting,
        suggests_harm,
        reported,
        flagged,
    })
}
