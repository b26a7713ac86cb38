//! Young people's circumstances: the facts the offer's rules need that the
//! care record does not hold.

use crate::entities::circumstances as c;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use shared::offer::Circumstances;

pub async fn for_young_person(
    db: &impl ConnectionTrait,
    yp_id: i32,
) -> Result<Option<c::Model>, DbErr> {
    c::Entity::find()
        .filter(c::Column::YoungPersonId.eq(yp_id))
        .one(db)
        .await
}

/// Writes the facts (creating the row the first time).
pub async fn set(
    db: &impl ConnectionTrait,
    yp_id: i32,
    x: &Circumstances,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if for_young_person(db, yp_id).await?.is_some() {
        c::Entity::update_many()
            .col_expr(c::Column::InEducation, Expr::value(x.in_education))
            .col_expr(
                c::Column::InHigherEducation,
                Expr::value(x.in_higher_education),
            )
            .col_expr(
                c::Column::InApprenticeship,
                Expr::value(x.in_apprenticeship),
            )
            .col_expr(c::Column::InWork, Expr::value(x.in_work))
            .col_expr(c::Column::StayingPut, Expr::value(x.staying_put))
            .col_expr(c::Column::LivesInBorough, Expr::value(x.lives_in_borough))
            .col_expr(c::Column::UpdatedAt, Expr::value(now))
            .col_expr(c::Column::UpdatedBy, Expr::value(by))
            .filter(c::Column::YoungPersonId.eq(yp_id))
            .exec(db)
            .await?;
        return Ok(());
    }
    c::ActiveModel {
        young_person_id: Set(yp_id),
        in_education: Set(x.in_education),
        in_higher_education: Set(x.in_higher_education),
        in_apprenticeship: Set(x.in_apprenticeship),
        in_work: Set(x.in_work),
        staying_put: Set(x.staying_put),
        lives_in_borough: Set(x.lives_in_borough),
        updated_at: Set(now),
        updated_by: Set(by),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}
