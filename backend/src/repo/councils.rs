use crate::entities::{local_authority, team};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use shared::api::{Council, Team};

pub fn to_council(m: local_authority::Model) -> Council {
    Council {
        slug: m.slug,
        name: m.name,
        duty_phone: m.duty_phone,
        time_zone: m.time_zone,
    }
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<local_authority::Model>, DbErr> {
    local_authority::Entity::find()
        .order_by_asc(local_authority::Column::Name)
        .all(db)
        .await
}

/// Whether any council is set up (a fresh installation has none).
pub async fn any(db: &impl ConnectionTrait) -> Result<bool, DbErr> {
    Ok(local_authority::Entity::find().one(db).await?.is_some())
}

pub async fn by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> Result<Option<local_authority::Model>, DbErr> {
    local_authority::Entity::find()
        .filter(local_authority::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn teams(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<Team>, crate::error::ApiError> {
    let rows = team::Entity::find()
        .filter(team::Column::AuthorityId.eq(authority_id))
        .order_by_asc(team::Column::Name)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|t| {
            Ok(Team {
                kind: t.kind()?,
                slug: t.slug,
                name: t.name,
            })
        })
        .collect()
}

/// Creates the council, or returns the existing one with that slug.
pub async fn ensure(
    db: &impl ConnectionTrait,
    c: &Council,
) -> Result<local_authority::Model, DbErr> {
    if let Some(existing) = by_slug(db, &c.slug).await? {
        return Ok(existing);
    }
    local_authority::ActiveModel {
        slug: Set(c.slug.clone()),
        name: Set(c.name.clone()),
        duty_phone: Set(c.duty_phone.clone()),
        time_zone: Set(c.time_zone.clone()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Creates the team unless the council already has one with that slug.
pub async fn ensure_team(
    db: &impl ConnectionTrait,
    authority_id: i32,
    t: &Team,
) -> Result<team::Model, DbErr> {
    if let Some(existing) = team::Entity::find()
        .filter(team::Column::AuthorityId.eq(authority_id))
        .filter(team::Column::Slug.eq(&t.slug))
        .one(db)
        .await?
    {
        return Ok(existing);
    }
    team::ActiveModel {
        authority_id: Set(authority_id),
        slug: Set(t.slug.clone()),
        name: Set(t.name.clone()),
        kind: Set(t.kind.as_str().to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn by_id(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<local_authority::Model>, DbErr> {
    local_authority::Entity::find_by_id(id).one(db).await
}
