//! Posts: writing them, pages of them, moderators' decisions (conditional
//! on the current status) and the queue's held and flagged posts.

use super::st;
use super::threads::{post_visible, Viewer};
use crate::entities::forum_post as post;
use crate::repo::chunked::{self};
use crate::repo::keyset::Cursor;
use crate::repo::keyset::{self, Direction};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use shared::forum::PostStatus;

// ------------------------------------------------------------------- posts

pub struct NewPost<'a> {
    pub authority_id: i32,
    pub thread_id: i64,
    pub space_id: i32,
    pub author_member_id: i32,
    pub opening: bool,
    pub body: &'a str,
    pub status: PostStatus,
    pub hold_reasons: String,
    pub flagged: bool,
    pub suggests_harm: bool,
}

pub async fn insert_post(
    db: &impl ConnectionTrait,
    n: NewPost<'_>,
    now: DateTime<Utc>,
) -> Result<post::Model, DbErr> {
    let published = n.status == PostStatus::Published;
    post::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(n.authority_id),
        thread_id: Set(n.thread_id),
        space_id: Set(n.space_id),
        author_member_id: Set(n.author_member_id),
        opening: Set(n.opening),
        body: Set(n.body.to_owned()),
        status: Set(st(n.status).to_owned()),
        hold_reasons: Set(n.hold_reasons),
        flagged: Set(n.flagged),
        flag_open: Set(n.flagged && published),
        suggests_harm: Set(n.suggests_harm),
        edited: Set(false),
        moderator_note: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        published_at: Set(published.then_some(now)),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn post_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::AuthorityId.eq(authority_id))
        .filter(post::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn post_by_id(db: &impl ConnectionTrait, id: i64) -> Result<Option<post::Model>, DbErr> {
    post::Entity::find_by_id(id).one(db).await
}

pub async fn posts_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<post::Model>, DbErr> {
    chunked::by_column_in::<post::Entity, _>(db, post::Column::Id, ids).await
}

/// The opening post of a thread.
pub async fn opening_post(
    db: &impl ConnectionTrait,
    thread_id: i64,
) -> Result<Option<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::ThreadId.eq(thread_id))
        .filter(post::Column::Opening.eq(true))
        .one(db)
        .await
}

/// A thread's posts, oldest first, from after the cursor.
pub async fn post_page(
    db: &impl ConnectionTrait,
    thread_id: i64,
    viewer: Viewer<'_>,
    after: Option<Cursor>,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    let q = post::Entity::find()
        .filter(post::Column::ThreadId.eq(thread_id))
        .filter(post_visible(viewer));
    keyset::page(
        q,
        post::Column::CreatedAt,
        post::Column::Id,
        after,
        Direction::OldestFirst,
        limit,
    )
    .all(db)
    .await
}

/// A member's own posts, newest first.
pub async fn posts_of_member(
    db: &impl ConnectionTrait,
    member_id: i32,
    before: Option<Cursor>,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    let q = post::Entity::find()
        .filter(post::Column::AuthorMemberId.eq(member_id))
        .filter(post::Column::Status.ne(st(PostStatus::Deleted)));
    keyset::page(
        q,
        post::Column::CreatedAt,
        post::Column::Id,
        before,
        Direction::NewestFirst,
        limit,
    )
    .all(db)
    .await
}

/// What a moderator decided about a post.
pub struct Decision<'a> {
    pub from: &'a [PostStatus],
    pub to: PostStatus,
    pub by: Option<i32>,
    pub note: Option<&'a str>,
    /// A moderator's new text (kept as the post's body).
    pub body: Option<&'a str>,
}

/// Moves a post on, only while it is in one of `from` (so two moderators
/// acting at once cannot both win). Answers whether it moved.
pub async fn decide(
    db: &impl ConnectionTrait,
    id: i64,
    d: Decision<'_>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut q = post::Entity::update_many()
        .col_expr(post::Column::Status, Expr::value(st(d.to)))
        .col_expr(post::Column::DecidedBy, Expr::value(d.by))
        .col_expr(post::Column::DecidedAt, Expr::value(Some(now)))
        .col_expr(post::Column::FlagOpen, Expr::value(false));
    if let Some(note) = d.note {
        q = q.col_expr(post::Column::ModeratorNote, Expr::value(note));
    }
    if let Some(body) = d.body {
        q = q
            .col_expr(post::Column::Body, Expr::value(body))
            .col_expr(post::Column::Edited, Expr::value(true));
    }
    if d.to == PostStatus::Published {
        q = q.col_expr(post::Column::PublishedAt, Expr::value(Some(now)));
    }
    let from: Vec<&str> = d.from.iter().map(|s| st(*s)).collect();
    Ok(q.filter(post::Column::Id.eq(id))
        .filter(post::Column::Status.is_in(from))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// The author deletes their own post; false when it was not theirs to
/// delete any more.
pub async fn delete_by_author(
    db: &impl ConnectionTrait,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(post::Entity::update_many()
        .col_expr(post::Column::Status, Expr::value(st(PostStatus::Deleted)))
        .col_expr(post::Column::DecidedAt, Expr::value(Some(now)))
        .col_expr(post::Column::FlagOpen, Expr::value(false))
        .filter(post::Column::Id.eq(id))
        .filter(post::Column::Status.is_in([st(PostStatus::Pending), st(PostStatus::Published)]))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// A moderator has looked at a flagged post; false when there was no open
/// flag.
pub async fn close_flag(db: &impl ConnectionTrait, id: i64) -> Result<bool, DbErr> {
    Ok(post::Entity::update_many()
        .col_expr(post::Column::FlagOpen, Expr::value(false))
        .filter(post::Column::Id.eq(id))
        .filter(post::Column::FlagOpen.eq(true))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// Posts waiting for approval, oldest first.
pub async fn pending_posts(
    db: &impl ConnectionTrait,
    authority_id: i32,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::AuthorityId.eq(authority_id))
        .filter(post::Column::Status.eq(st(PostStatus::Pending)))
        .order_by_asc(post::Column::CreatedAt)
        .order_by_asc(post::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Posts up with a flag nobody has looked at, oldest first.
pub async fn flagged_posts(
    db: &impl ConnectionTrait,
    authority_id: i32,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::AuthorityId.eq(authority_id))
        .filter(post::Column::FlagOpen.eq(true))
        .order_by_asc(post::Column::CreatedAt)
        .order_by_asc(post::Column::Id)
        .limit(limit)
        .all(db)
        .await
}
