//! What each person wants pushed, and their quiet hours and time zone.

use crate::entities::{
    local_authority, notification_preference as pref, notification_setting as setting,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

// ------------------------------------------------------------ preferences

pub async fn preferences_of(
    db: &impl ConnectionTrait,
    account_id: i32,
) -> Result<Vec<pref::Model>, DbErr> {
    pref::Entity::find()
        .filter(pref::Column::AccountId.eq(account_id))
        .all(db)
        .await
}

pub async fn set_preference(
    db: &impl ConnectionTrait,
    account_id: i32,
    kind: &str,
    push: bool,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    pref::Entity::insert(pref::ActiveModel {
        account_id: Set(account_id),
        kind: Set(kind.to_owned()),
        push: Set(push),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([pref::Column::AccountId, pref::Column::Kind])
            .update_columns([pref::Column::Push, pref::Column::UpdatedAt])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

pub async fn setting_of(
    db: &impl ConnectionTrait,
    account_id: i32,
) -> Result<Option<setting::Model>, DbErr> {
    setting::Entity::find()
        .filter(setting::Column::AccountId.eq(account_id))
        .one(db)
        .await
}

pub async fn set_quiet_hours(
    db: &impl ConnectionTrait,
    account_id: i32,
    start_minute: u16,
    end_minute: u16,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    setting::Entity::insert(setting::ActiveModel {
        account_id: Set(account_id),
        quiet_start_minute: Set(i32::from(start_minute)),
        quiet_end_minute: Set(i32::from(end_minute)),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(setting::Column::AccountId)
            .update_columns([
                setting::Column::QuietStartMinute,
                setting::Column::QuietEndMinute,
                setting::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

/// The council's time zone name for an account.
pub async fn time_zone_of(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Option<String>, DbErr> {
    Ok(local_authority::Entity::find_by_id(authority_id)
        .one(db)
        .await?
        .map(|a| a.time_zone))
}
