use crate::entities::{account, activation_code as code, team};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::people::Role;

use super::chunked::{by_column_in, inserted_in_order, CHUNK};

pub async fn by_username(
    db: &impl ConnectionTrait,
    username: &str,
) -> Result<Option<account::Model>, DbErr> {
    account::Entity::find()
        .filter(account::Column::Username.eq(username.trim().to_lowercase()))
        .one(db)
        .await
}

pub async fn by_id(db: &impl ConnectionTrait, id: i32) -> Result<Option<account::Model>, DbErr> {
    account::Entity::find_by_id(id).one(db).await
}

/// An account of this council with this public id.
pub async fn by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<account::Model>, DbErr> {
    account::Entity::find()
        .filter(account::Column::AuthorityId.eq(authority_id))
        .filter(account::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub struct NewAccount<'a> {
    pub authority_id: i32,
    pub username: &'a str,
    pub role: Role,
    pub display_name: &'a str,
    pub team_id: Option<i32>,
    pub password_hash: Option<String>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    n: NewAccount<'_>,
    now: DateTime<Utc>,
) -> Result<account::Model, DbErr> {
    create_many(db, &[n], now)
        .await?
        .pop()
        .ok_or(DbErr::RecordNotInserted)
}

/// Makes the accounts a chunk a statement (the CSV import makes thousands)
/// and reads them back in the order given.
pub async fn create_many(
    db: &impl ConnectionTrait,
    rows: &[NewAccount<'_>],
    now: DateTime<Utc>,
) -> Result<Vec<account::Model>, DbErr> {
    let ids: Vec<String> = rows
        .iter()
        .map(|_| uuid::Uuid::new_v4().to_string())
        .collect();
    for (chunk, chunk_ids) in rows.chunks(CHUNK).zip(ids.chunks(CHUNK)) {
        account::Entity::insert_many(chunk.iter().zip(chunk_ids).map(|(n, id)| {
            account::ActiveModel {
                public_id: Set(id.clone()),
                authority_id: Set(n.authority_id),
                username: Set(n.username.trim().to_lowercase()),
                password_hash: Set(n.password_hash.clone()),
                role: Set(n.role.as_str().to_owned()),
                display_name: Set(n.display_name.trim().to_owned()),
                team_id: Set(n.team_id),
                password_changed_at: Set(n.password_hash.as_ref().map(|_| now)),
                created_at: Set(now),
                ..Default::default()
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    inserted_in_order::<account::Entity>(db, account::Column::PublicId, &ids, |m| {
        m.public_id.clone()
    })
    .await
}

/// Every account with one of these usernames (any council), for matching
/// an import against.
pub async fn by_usernames(
    db: &impl ConnectionTrait,
    usernames: &[&str],
) -> Result<Vec<account::Model>, DbErr> {
    by_column_in::<account::Entity, _>(db, account::Column::Username, usernames).await
}

/// Every team of this council.
pub async fn teams_of(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<team::Model>, DbErr> {
    team::Entity::find()
        .filter(team::Column::AuthorityId.eq(authority_id))
        .all(db)
        .await
}

pub async fn set_password(
    db: &impl ConnectionTrait,
    account_id: i32,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    account::Entity::update_many()
        .col_expr(account::Column::PasswordHash, Expr::value(hash))
        .col_expr(account::Column::PasswordChangedAt, Expr::value(now))
        .filter(account::Column::Id.eq(account_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Keeps this person's language ("en", "ar").
pub async fn set_language(
    db: &impl ConnectionTrait,
    account_id: i32,
    language: &str,
) -> Result<(), DbErr> {
    account::Entity::update_many()
        .col_expr(account::Column::Language, Expr::value(language))
        .filter(account::Column::Id.eq(account_id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn set_disabled(
    db: &impl ConnectionTrait,
    account_id: i32,
    at: Option<DateTime<Utc>>,
) -> Result<(), DbErr> {
    account::Entity::update_many()
        .col_expr(account::Column::DisabledAt, Expr::value(at))
        .filter(account::Column::Id.eq(account_id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn staff(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<(account::Model, Option<team::Model>)>, DbErr> {
    account::Entity::find()
        .filter(account::Column::AuthorityId.eq(authority_id))
        .filter(account::Column::Role.ne(Role::YoungPerson.as_str()))
        .order_by_asc(account::Column::DisplayName)
        .find_also_related(team::Entity)
        .all(db)
        .await
}

/// The names of a council's staff (not young people), enabled or not: a
/// forum name may not copy any of them.
pub async fn staff_names(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<String>, DbErr> {
    account::Entity::find()
        .select_only()
        .column(account::Column::DisplayName)
        .filter(account::Column::AuthorityId.eq(authority_id))
        .filter(account::Column::Role.ne(Role::YoungPerson.as_str()))
        .into_tuple::<String>()
        .all(db)
        .await
}

pub async fn team_by_slug(
    db: &impl ConnectionTrait,
    authority_id: i32,
    slug: &str,
) -> Result<Option<team::Model>, DbErr> {
    team::Entity::find()
        .filter(team::Column::AuthorityId.eq(authority_id))
        .filter(team::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn team_by_id(
    db: &impl ConnectionTrait,
    team_id: i32,
) -> Result<Option<team::Model>, DbErr> {
    team::Entity::find_by_id(team_id).one(db).await
}

pub async fn managers_of_team(
    db: &impl ConnectionTrait,
    team_id: Option<i32>,
    authority_id: i32,
) -> Result<Vec<account::Model>, DbErr> {
    let mut q = account::Entity::find()
        .filter(account::Column::AuthorityId.eq(authority_id))
        .filter(account::Column::Role.eq(Role::TeamManager.as_str()))
        .filter(account::Column::DisabledAt.is_null());
    if let Some(t) = team_id {
        q = q.filter(account::Column::TeamId.eq(t));
    }
    q.all(db).await
}

// One-time codes.

pub async fn add_code(
    db: &impl ConnectionTrait,
    account_id: i32,
    code_hash: &str,
    purpose: &str,
    created_by: i32,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    // A new code replaces any unused one.
    code::Entity::update_many()
        .col_expr(code::Column::UsedAt, Expr::value(now))
        .filter(code::Column::AccountId.eq(account_id))
        .filter(code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    add_first_codes(
        db,
        &[(account_id, code_hash.to_owned(), created_by)],
        purpose,
        now,
        expires_at,
    )
    .await
}

/// Codes for accounts that have none yet (just made), (account, hash,
/// made by), a chunk a statement: there is no older code to replace.
pub async fn add_first_codes(
    db: &impl ConnectionTrait,
    rows: &[(i32, String, i32)],
    purpose: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), DbErr> {
    for chunk in rows.chunks(CHUNK) {
        code::Entity::insert_many(
            chunk
                .iter()
                .map(|(account_id, hash, by)| code::ActiveModel {
                    account_id: Set(*account_id),
                    code_hash: Set(hash.clone()),
                    purpose: Set(purpose.to_owned()),
                    created_by: Set(*by),
                    created_at: Set(now),
                    expires_at: Set(expires_at),
                    ..Default::default()
                }),
        )
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

pub async fn code_by_hash(
    db: &impl ConnectionTrait,
    code_hash: &str,
) -> Result<Option<code::Model>, DbErr> {
    code::Entity::find()
        .filter(code::Column::CodeHash.eq(code_hash))
        .one(db)
        .await
}

/// Uses a code once; false if it was already used.
pub async fn use_code(
    db: &impl ConnectionTrait,
    id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let r = code::Entity::update_many()
        .col_expr(code::Column::UsedAt, Expr::value(now))
        .filter(code::Column::Id.eq(id))
        .filter(code::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
