//! Counts for the participation figures.

use super::members::members_by_ids;
use crate::entities::forum_post as post;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

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
