use crate::entities::login_failure as lf;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

/// How many failures since `since`, and when the oldest of them was.
pub async fn count_since(
    db: &impl ConnectionTrait,
    key: &str,
    since: DateTime<Utc>,
) -> Result<(u64, Option<DateTime<Utc>>), DbErr> {
    let q = lf::Entity::find()
        .filter(lf::Column::ThrottleKey.eq(key))
        .filter(lf::Column::At.gt(since));
    let count = q.clone().count(db).await?;
    if count == 0 {
        return Ok((0, None));
    }
    let oldest = q.order_by_asc(lf::Column::At).one(db).await?.map(|r| r.at);
    Ok((count, oldest))
}

pub async fn insert(db: &impl ConnectionTrait, key: &str, at: DateTime<Utc>) -> Result<(), DbErr> {
    lf::ActiveModel {
        throttle_key: Set(key.to_owned()),
        at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

pub async fn delete_before(db: &impl ConnectionTrait, before: DateTime<Utc>) -> Result<(), DbErr> {
    lf::Entity::delete_many()
        .filter(lf::Column::At.lt(before))
        .exec(db)
        .await
        .map(|_| ())
}
