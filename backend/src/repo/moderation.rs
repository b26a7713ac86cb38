//! The forum's moderation log: append-only. There is no update or delete
//! here, on purpose; the log is read by moderators and managers.

use super::keyset::{self, Cursor, Direction};
use crate::entities::forum_moderation_log as log;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use shared::forum::ModAction;

/// One action: who (none for the automatic checks), what, about which post,
/// thread or member, and why; an edit keeps the text before and after.
#[derive(Debug)]
pub struct Entry<'a> {
    pub authority_id: i32,
    pub action: ModAction,
    pub actor_account_id: Option<i32>,
    pub actor_role: Option<&'a str>,
    pub actor_name: Option<&'a str>,
    pub post_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub member_id: Option<i32>,
    pub reason: Option<&'a str>,
    pub original_title: Option<&'a str>,
    pub original_body: Option<&'a str>,
    pub new_title: Option<&'a str>,
    pub new_body: Option<&'a str>,
}

impl Entry<'_> {
    /// An entry with nothing but its council and action.
    pub fn new(authority_id: i32, action: ModAction) -> Self {
        Entry {
            authority_id,
            action,
            actor_account_id: None,
            actor_role: None,
            actor_name: None,
            post_id: None,
            thread_id: None,
            member_id: None,
            reason: None,
            original_title: None,
            original_body: None,
            new_title: None,
            new_body: None,
        }
    }
}

pub async fn record(
    db: &impl ConnectionTrait,
    e: Entry<'_>,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    let own = |s: Option<&str>| s.map(str::to_owned);
    log::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(e.authority_id),
        at: Set(at),
        actor_account_id: Set(e.actor_account_id),
        actor_role: Set(own(e.actor_role)),
        actor_name: Set(own(e.actor_name)),
        action: Set(e.action.as_str().to_owned()),
        post_id: Set(e.post_id),
        thread_id: Set(e.thread_id),
        member_id: Set(e.member_id),
        reason: Set(own(e.reason)),
        original_title: Set(own(e.original_title)),
        original_body: Set(own(e.original_body)),
        new_title: Set(own(e.new_title)),
        new_body: Set(own(e.new_body)),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

pub async fn by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<log::Model>, DbErr> {
    log::Entity::find()
        .filter(log::Column::AuthorityId.eq(authority_id))
        .filter(log::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

/// Newest first, from before the cursor; only about one post when asked.
pub async fn page(
    db: &impl ConnectionTrait,
    authority_id: i32,
    post_id: Option<i64>,
    before: Option<Cursor>,
    limit: u64,
) -> Result<Vec<log::Model>, DbErr> {
    let mut q = log::Entity::find().filter(log::Column::AuthorityId.eq(authority_id));
    if let Some(p) = post_id {
        q = q.filter(log::Column::PostId.eq(p));
    }
    keyset::page(
        q,
        log::Column::At,
        log::Column::Id,
        before,
        Direction::NewestFirst,
        limit,
    )
    .all(db)
    .await
}
