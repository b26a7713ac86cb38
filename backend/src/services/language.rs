//! Each person's language (issue 9): the app's words follow it on every
//! device they sign in on.

use crate::error::ApiError;
use crate::repo::accounts;
use sea_orm::ConnectionTrait;
use shared::language::{Language, UNKNOWN_LANGUAGE};

/// The language this account chose, if any. A stored value the app no
/// longer speaks counts as no choice.
pub async fn of(db: &impl ConnectionTrait, account_id: i32) -> Result<Option<Language>, ApiError> {
    Ok(accounts::by_id(db, account_id)
        .await?
        .and_then(|a| a.language)
        .and_then(|l| Language::parse(&l)))
}

/// Checks and keeps a new choice. Only the exact forms ("en", "ar") are
/// taken, so what is stored always reads back.
pub async fn choose(
    db: &impl ConnectionTrait,
    account_id: i32,
    raw: &str,
) -> Result<Language, ApiError> {
    let language = Language::parse(raw.trim())
        .ok_or_else(|| ApiError::validation("language", UNKNOWN_LANGUAGE))?;
    accounts::set_language(db, account_id, language.as_str()).await?;
    Ok(language)
}
