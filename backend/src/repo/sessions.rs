//! Sessions (one per signed-in device) and their refresh tokens.

use crate::auth::Caller;
use crate::entities::{account, refresh_token as rt, session, young_person};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    IdenStatic, Iterable, QueryFilter, QueryOrder, Set,
};
use shared::people::Role;

/// A session lasts this long without being used.
pub const SESSION_DAYS: i64 = 30;

pub async fn create(
    db: &impl ConnectionTrait,
    account_id: i32,
    device: &str,
    refresh_hash: &str,
    now: DateTime<Utc>,
) -> Result<session::Model, DbErr> {
    let s = session::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        account_id: Set(account_id),
        device: Set(device.chars().take(120).collect()),
        created_at: Set(now),
        last_used_at: Set(now),
        expires_at: Set(now + Duration::days(SESSION_DAYS)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    add_refresh(db, s.id, refresh_hash, now).await?;
    Ok(s)
}

pub async fn add_refresh(
    db: &impl ConnectionTrait,
    session_id: i32,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    rt::ActiveModel {
        session_id: Set(session_id),
        token_hash: Set(hash.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

pub async fn refresh_by_hash(
    db: &impl ConnectionTrait,
    hash: &str,
) -> Result<Option<(rt::Model, session::Model)>, DbErr> {
    let Some(token) = rt::Entity::find()
        .filter(rt::Column::TokenHash.eq(hash))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let s = session::Entity::find_by_id(token.session_id)
        .one(db)
        .await?;
    Ok(s.map(|s| (token, s)))
}

/// Marks a refresh token used; false when it already was (a race or a replay).
pub async fn mark_used(
    db: &impl ConnectionTrait,
    token_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let res = rt::Entity::update_many()
        .col_expr(rt::Column::UsedAt, sea_orm::sea_query::Expr::value(now))
        .filter(rt::Column::Id.eq(token_id))
        .filter(rt::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

pub async fn touch(
    db: &impl ConnectionTrait,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    session::Entity::update_many()
        .col_expr(
            session::Column::LastUsedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .col_expr(
            session::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(now + Duration::days(SESSION_DAYS)),
        )
        .filter(session::Column::Id.eq(session_id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn end(
    db: &impl ConnectionTrait,
    session_id: i32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    session::Entity::update_many()
        .col_expr(
            session::Column::EndedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .col_expr(
            session::Column::EndReason,
            sea_orm::sea_query::Expr::value(reason),
        )
        .filter(session::Column::Id.eq(session_id))
        .filter(session::Column::EndedAt.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

/// Ends every open session of an account, except `keep` when given.
pub async fn end_all(
    db: &impl ConnectionTrait,
    account_id: i32,
    keep: Option<i32>,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let mut q = session::Entity::update_many()
        .col_expr(
            session::Column::EndedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .col_expr(
            session::Column::EndReason,
            sea_orm::sea_query::Expr::value(reason),
        )
        .filter(session::Column::AccountId.eq(account_id))
        .filter(session::Column::EndedAt.is_null());
    if let Some(k) = keep {
        q = q.filter(session::Column::Id.ne(k));
    }
    q.exec(db).await.map(|_| ())
}

pub async fn open_for(
    db: &impl ConnectionTrait,
    account_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<session::Model>, DbErr> {
    session::Entity::find()
        .filter(session::Column::AccountId.eq(account_id))
        .filter(session::Column::EndedAt.is_null())
        .filter(session::Column::ExpiresAt.gt(now))
        .order_by_desc(session::Column::LastUsedAt)
        .all(db)
        .await
}

pub async fn by_public_id(
    db: &impl ConnectionTrait,
    account_id: i32,
    public_id: &str,
) -> Result<Option<session::Model>, DbErr> {
    session::Entity::find()
        .filter(session::Column::AccountId.eq(account_id))
        .filter(session::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

/// The signed-in person behind an access token, when the session is still
/// open and the account enabled. One query (session, account and, for a
/// young person, their record): it runs on every request.
pub async fn caller_for(
    db: &impl ConnectionTrait,
    account_public_id: &str,
    session_public_id: &str,
    now: DateTime<Utc>,
) -> Result<Option<Caller>, crate::error::ApiError> {
    let mut q = Query::select();
    q.from(session::Entity);
    prefixed::<session::Entity>(&mut q, "s_");
    prefixed::<account::Entity>(&mut q, "a_");
    prefixed::<young_person::Entity>(&mut q, "y_");
    q.inner_join(
        account::Entity,
        Expr::col((account::Entity, account::Column::Id))
            .equals((session::Entity, session::Column::AccountId)),
    )
    .left_join(
        young_person::Entity,
        Expr::col((young_person::Entity, young_person::Column::AccountId))
            .equals((account::Entity, account::Column::Id)),
    )
    .and_where(Expr::col((session::Entity, session::Column::PublicId)).eq(session_public_id));
    let Some(row) = db.query_one(&q).await? else {
        return Ok(None);
    };
    let s = session::Model::from_query_result(&row, "s_")?;
    let a = account::Model::from_query_result(&row, "a_")?;
    if s.ended_at.is_some() || s.expires_at <= now {
        return Ok(None);
    }
    if a.public_id != account_public_id || a.disabled_at.is_some() {
        return Ok(None);
    }
    // An unknown stored role is an error (logged), not a signed-out caller.
    let role = a.role()?;
    let young_person = if role == Role::YoungPerson {
        young_person::Model::from_query_result_optional(&row, "y_")?
    } else {
        None
    };
    Ok(Some(Caller {
        account_id: a.id,
        public_id: a.public_id,
        authority_id: a.authority_id,
        role,
        username: a.username,
        display_name: a.display_name,
        team_id: a.team_id,
        session_id: s.id,
        session_public_id: s.public_id,
        young_person_id: young_person.as_ref().map(|y| y.id),
        young_person,
        audit_log: None,
    }))
}

/// Selects every column of `E` as `<prefix><column>`, for
/// `FromQueryResult::from_query_result(row, prefix)`.
fn prefixed<E: EntityTrait>(q: &mut SelectStatement, prefix: &str) {
    for c in E::Column::iter() {
        q.expr_as(
            Expr::col((E::default(), c)),
            Alias::new(format!("{prefix}{}", c.as_str())),
        );
    }
}
