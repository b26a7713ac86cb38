//! Forum members: one per young person, with a display name and any
//! suspension.

use crate::entities::{forum_member as member, young_person};
use crate::repo::chunked::{self};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

// ----------------------------------------------------------------- members

pub async fn member_of(
    db: &impl ConnectionTrait,
    young_person_id: i32,
) -> Result<Option<member::Model>, DbErr> {
    member::Entity::find()
        .filter(member::Column::YoungPersonId.eq(young_person_id))
        .one(db)
        .await
}

pub async fn member_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<member::Model>, DbErr> {
    member::Entity::find()
        .filter(member::Column::AuthorityId.eq(authority_id))
        .filter(member::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn members_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<member::Model>, DbErr> {
    chunked::by_column_in::<member::Entity, _>(db, member::Column::Id, ids).await
}

/// Fails with a unique-constraint error when the name is taken in the
/// council (or the young person is a member already).
pub async fn insert_member(
    db: &impl ConnectionTrait,
    authority_id: i32,
    young_person_id: i32,
    display_name: &str,
    name_key: &str,
    now: DateTime<Utc>,
) -> Result<member::Model, DbErr> {
    member::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(authority_id),
        young_person_id: Set(young_person_id),
        display_name: Set(display_name.to_owned()),
        name_key: Set(name_key.to_owned()),
        name_chosen: Set(false),
        suspended_until: Set(None),
        suspension_reason: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Fails with a unique-constraint error when the name is taken.
pub async fn set_display_name(
    db: &impl ConnectionTrait,
    id: i32,
    display_name: &str,
    name_key: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    member::Entity::update_many()
        .col_expr(member::Column::DisplayName, Expr::value(display_name))
        .col_expr(member::Column::NameKey, Expr::value(name_key))
        .col_expr(member::Column::NameChosen, Expr::value(true))
        .col_expr(member::Column::UpdatedAt, Expr::value(now))
        .filter(member::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn set_suspension(
    db: &impl ConnectionTrait,
    id: i32,
    until: Option<DateTime<Utc>>,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    member::Entity::update_many()
        .col_expr(member::Column::SuspendedUntil, Expr::value(until))
        .col_expr(
            member::Column::SuspensionReason,
            Expr::value(reason.map(str::to_owned)),
        )
        .col_expr(member::Column::UpdatedAt, Expr::value(now))
        .filter(member::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn young_people_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<young_person::Model>, DbErr> {
    chunked::by_column_in::<young_person::Entity, _>(db, young_person::Column::Id, ids).await
}

/// Every forum name in a council but one member's own, to compare a new
/// name's look-alike skeleton against.
pub async fn other_display_names(
    db: &impl ConnectionTrait,
    authority_id: i32,
    except_member: i32,
) -> Result<Vec<String>, DbErr> {
    use sea_orm::QuerySelect;
    member::Entity::find()
        .select_only()
        .column(member::Column::DisplayName)
        .filter(member::Column::AuthorityId.eq(authority_id))
        .filter(member::Column::Id.ne(except_member))
        .into_tuple::<String>()
        .all(db)
        .await
}
