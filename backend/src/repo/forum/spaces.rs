//! Forum spaces of a council: reading, creating and changing them.

use crate::entities::forum_space as space;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

// ------------------------------------------------------------------ spaces

pub async fn spaces(
    db: &impl ConnectionTrait,
    authority_id: i32,
    include_archived: bool,
) -> Result<Vec<space::Model>, DbErr> {
    let mut q = space::Entity::find().filter(space::Column::AuthorityId.eq(authority_id));
    if !include_archived {
        q = q.filter(space::Column::Archived.eq(false));
    }
    q.order_by_asc(space::Column::Position)
        .order_by_asc(space::Column::Id)
        .all(db)
        .await
}

pub async fn space_by_slug(
    db: &impl ConnectionTrait,
    authority_id: i32,
    slug: &str,
) -> Result<Option<space::Model>, DbErr> {
    space::Entity::find()
        .filter(space::Column::AuthorityId.eq(authority_id))
        .filter(space::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn spaces_by_ids(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> Result<Vec<space::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    space::Entity::find()
        .filter(space::Column::Id.is_in(ids))
        .all(db)
        .await
}

pub struct SpaceWrite<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub min_age: i32,
    pub max_age: i32,
    pub audience: &'a str,
    pub hold_under_18: bool,
    pub archived: bool,
}

pub async fn insert_space(
    db: &impl ConnectionTrait,
    authority_id: i32,
    slug: &str,
    w: SpaceWrite<'_>,
    created_by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<space::Model, DbErr> {
    let position = space::Entity::find()
        .filter(space::Column::AuthorityId.eq(authority_id))
        .count(db)
        .await?;
    space::ActiveModel {
        authority_id: Set(authority_id),
        slug: Set(slug.to_owned()),
        name: Set(w.name.to_owned()),
        description: Set(w.description.to_owned()),
        min_age: Set(w.min_age),
        max_age: Set(w.max_age),
        audience: Set(w.audience.to_owned()),
        hold_under_18: Set(w.hold_under_18),
        archived: Set(w.archived),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        created_by: Set(created_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn update_space(
    db: &impl ConnectionTrait,
    id: i32,
    w: SpaceWrite<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    space::Entity::update_many()
        .col_expr(space::Column::Name, Expr::value(w.name))
        .col_expr(space::Column::Description, Expr::value(w.description))
        .col_expr(space::Column::MinAge, Expr::value(w.min_age))
        .col_expr(space::Column::MaxAge, Expr::value(w.max_age))
        .col_expr(space::Column::Audience, Expr::value(w.audience))
        .col_expr(space::Column::HoldUnder18, Expr::value(w.hold_under_18))
        .col_expr(space::Column::Archived, Expr::value(w.archived))
        .col_expr(space::Column::UpdatedAt, Expr::value(now))
        .filter(space::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}
