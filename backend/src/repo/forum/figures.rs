//! Counts for the participation figures.

use crate::repo::chunked::{self, CHUNK};
use crate::entities::{
    forum_block as block, forum_member as member, forum_post as post, forum_report as report,
    forum_setting as setting, forum_space as space, forum_thread as thread,
    forum_watched_word as word, young_person,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::forum::{PostStatus, WatchedWord};
use shared::text_checks::Tier;
use crate::repo::keyset::Cursor;
use crate::repo::keyset::{self, Direction};
use super::members::{members_by_ids};

// ----------------------------------------------------------------- figures

/// Young people (by id) who posted between these instants.
pub async fn posters_between(
    db: &impl ConnectionTrait,
    authority_id: i32,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<i32>, DbErr> {
    let member_ids: Vec<i32> = post::Entity::find()
        .select_only()
        .column(post::Column::AuthorMemberId)
        .distinct()
        .filter(post::Column::AuthorityId.eq(authority_id))
        .filter(post::Column::CreatedAt.gte(from))
        .filter(post::Column::CreatedAt.lt(to))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    Ok(members_by_ids(db, &member_ids)
        .await?
        .into_iter()
        .map(|m| m.young_person_id)
        .collect())
}

/// Active staff of this council in this role (for "who reads this" and for
/// telling moderators about reports).
pub async fn staff_with_role(
    db: &impl ConnectionTrait,
    authority_id: i32,
    role: shared::people::Role,
) -> Result<Vec<crate::entities::account::Model>, DbErr> {
    use crate::entities::account;
    account::Entity::find()
        .filter(account::Column::AuthorityId.eq(authority_id))
        .filter(account::Column::Role.eq(role.as_str()))
        .filter(account::Column::DisabledAt.is_null())
        .order_by_asc(account::Column::DisplayName)
        .all(db)
        .await
}
