//! Threads: writing them, their status, title and lock, who may see them,
//! and pages of them.

use super::st;
use crate::entities::{forum_post as post, forum_thread as thread};
use crate::repo::chunked::{self};
use crate::repo::keyset::Cursor;
use crate::repo::keyset::{self, Direction};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use shared::forum::PostStatus;

// ----------------------------------------------------------------- threads

pub async fn insert_thread(
    db: &impl ConnectionTrait,
    authority_id: i32,
    space_id: i32,
    author_member_id: i32,
    title: &str,
    status: PostStatus,
    now: DateTime<Utc>,
) -> Result<thread::Model, DbErr> {
    thread::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(authority_id),
        space_id: Set(space_id),
        author_member_id: Set(author_member_id),
        title: Set(title.to_owned()),
        status: Set(st(status).to_owned()),
        locked: Set(false),
        lock_reason: Set(None),
        created_at: Set(now),
        last_post_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn thread_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<thread::Model>, DbErr> {
    thread::Entity::find()
        .filter(thread::Column::AuthorityId.eq(authority_id))
        .filter(thread::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn thread_by_id(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<thread::Model>, DbErr> {
    thread::Entity::find_by_id(id).one(db).await
}

pub async fn threads_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<thread::Model>, DbErr> {
    chunked::by_column_in::<thread::Entity, _>(db, thread::Column::Id, ids).await
}

pub async fn set_thread_status(
    db: &impl ConnectionTrait,
    id: i64,
    status: PostStatus,
) -> Result<(), DbErr> {
    thread::Entity::update_many()
        .col_expr(thread::Column::Status, Expr::value(st(status)))
        .filter(thread::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn set_thread_title(
    db: &impl ConnectionTrait,
    id: i64,
    title: &str,
) -> Result<(), DbErr> {
    thread::Entity::update_many()
        .col_expr(thread::Column::Title, Expr::value(title))
        .filter(thread::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Locks or unlocks; false when it already was.
pub async fn set_thread_lock(
    db: &impl ConnectionTrait,
    id: i64,
    locked: bool,
    reason: Option<&str>,
) -> Result<bool, DbErr> {
    Ok(thread::Entity::update_many()
        .col_expr(thread::Column::Locked, Expr::value(locked))
        .col_expr(
            thread::Column::LockReason,
            Expr::value(reason.map(str::to_owned)),
        )
        .filter(thread::Column::Id.eq(id))
        .filter(thread::Column::Locked.eq(!locked))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

pub async fn touch_thread(
    db: &impl ConnectionTrait,
    id: i64,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    thread::Entity::update_many()
        .col_expr(thread::Column::LastPostAt, Expr::value(at))
        .filter(thread::Column::Id.eq(id))
        .filter(thread::Column::LastPostAt.lt(at))
        .exec(db)
        .await
        .map(|_| ())
}

/// Who is reading a page, for what they may see.
#[derive(Debug, Clone, Copy)]
pub enum Viewer<'a> {
    /// A young person: published posts, their own waiting ones, and nothing
    /// by those they blocked.
    Member { id: i32, blocked: &'a [i32] },
    /// A moderator: everything.
    Moderator,
}

fn thread_visible(v: Viewer<'_>) -> Condition {
    match v {
        Viewer::Moderator => Condition::all(),
        Viewer::Member { id, blocked } => {
            let mut c = Condition::all().add(
                Condition::any()
                    .add(thread::Column::Status.eq(st(PostStatus::Published)))
                    .add(
                        Condition::all()
                            .add(thread::Column::AuthorMemberId.eq(id))
                            .add(thread::Column::Status.eq(st(PostStatus::Pending))),
                    ),
            );
            if !blocked.is_empty() {
                c = c.add(thread::Column::AuthorMemberId.is_not_in(blocked.iter().copied()));
            }
            c
        }
    }
}

pub(super) fn post_visible(v: Viewer<'_>) -> Condition {
    match v {
        Viewer::Moderator => Condition::all(),
        Viewer::Member { id, blocked } => {
            let mut c = Condition::all().add(
                Condition::any()
                    .add(post::Column::Status.eq(st(PostStatus::Published)))
                    .add(
                        Condition::all()
                            .add(post::Column::AuthorMemberId.eq(id))
                            .add(post::Column::Status.eq(st(PostStatus::Pending))),
                    ),
            );
            if !blocked.is_empty() {
                c = c.add(post::Column::AuthorMemberId.is_not_in(blocked.iter().copied()));
            }
            c
        }
    }
}

/// Whether this thread is visible to the viewer.
pub fn thread_visible_to(t: &thread::Model, v: Viewer<'_>) -> bool {
    match v {
        Viewer::Moderator => true,
        Viewer::Member { id, blocked } => {
            !blocked.contains(&t.author_member_id)
                && (t.status == st(PostStatus::Published)
                    || (t.author_member_id == id && t.status == st(PostStatus::Pending)))
        }
    }
}

pub fn post_visible_to(p: &post::Model, v: Viewer<'_>) -> bool {
    match v {
        Viewer::Moderator => true,
        Viewer::Member { id, blocked } => {
            !blocked.contains(&p.author_member_id)
                && (p.status == st(PostStatus::Published)
                    || (p.author_member_id == id && p.status == st(PostStatus::Pending)))
        }
    }
}

/// A space's threads, newest first, from before the cursor.
pub async fn thread_page(
    db: &impl ConnectionTrait,
    space_id: i32,
    viewer: Viewer<'_>,
    before: Option<Cursor>,
    limit: u64,
) -> Result<Vec<thread::Model>, DbErr> {
    let q = thread::Entity::find()
        .filter(thread::Column::SpaceId.eq(space_id))
        .filter(thread_visible(viewer));
    keyset::page(
        q,
        thread::Column::CreatedAt,
        thread::Column::Id,
        before,
        Direction::NewestFirst,
        limit,
    )
    .all(db)
    .await
}
