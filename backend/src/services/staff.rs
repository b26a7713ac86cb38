//! Staff accounts of one council: listing, creating, switching off and new
//! one-time codes. The admin check stays with the handler.

use crate::caller::Caller;
use crate::entities::{account, team};
use crate::error::ApiError;
use crate::repo::{accounts, sessions};
use crate::services::auth::issue_code;
use chrono::Utc;
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::accounts::{ActivationCode, NewStaff, StaffUpdate, StaffView};
use shared::limits::{STAFF_NAME_MAX_CHARS, USERNAME_MAX_CHARS, USERNAME_MIN_CHARS};
use shared::people::Role;

fn view(a: account::Model, team: Option<team::Model>) -> Result<StaffView, ApiError> {
    Ok(StaffView {
        role: a.role()?,
        id: a.public_id,
        username: a.username,
        display_name: a.display_name,
        team: team.map(|t| t.slug),
        disabled: a.disabled_at.is_some(),
        activated: a.password_hash.is_some(),
    })
}

/// Every member of staff of the caller's council.
pub async fn list(db: &DatabaseConnection, caller: &Caller) -> Result<Vec<StaffView>, ApiError> {
    accounts::staff(db, caller.authority_id)
        .await?
        .into_iter()
        .map(|(a, t)| view(a, t))
        .collect()
}

/// A new staff account, not yet activated: the code sets its password.
pub async fn create(
    db: &DatabaseConnection,
    caller: &Caller,
    body: &NewStaff,
) -> Result<ActivationCode, ApiError> {
    if body.role == Role::YoungPerson {
        return Err(ApiError::validation(
            "role",
            "Young people's accounts are made from their record.",
        ));
    }
    let u = body.username.trim().to_lowercase();
    if !(USERNAME_MIN_CHARS..=USERNAME_MAX_CHARS).contains(&u.chars().count())
        || !u
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    {
        return Err(ApiError::validation(
            "username",
            format!("Use {USERNAME_MIN_CHARS} to {USERNAME_MAX_CHARS} letters, numbers, dots, dashes or underscores."),
        ));
    }
    let name = body.display_name.trim();
    if name.is_empty() || name.chars().count() > STAFF_NAME_MAX_CHARS {
        return Err(ApiError::validation(
            "display_name",
            format!("Give a name of 1 to {STAFF_NAME_MAX_CHARS} characters."),
        ));
    }
    let team_id = match &body.team {
        Some(slug) => Some(
            accounts::team_by_slug(db, caller.authority_id, slug)
                .await?
                .ok_or_else(|| {
                    ApiError::validation("team", "No team of this council has that name.")
                })?
                .id,
        ),
        None => None,
    };
    if accounts::by_username(db, &u).await?.is_some() {
        return Err(ApiError::Conflict(
            "That username is taken. Choose another.".to_owned(),
        ));
    }
    let txn = db.begin().await?;
    let account = accounts::create(
        &txn,
        accounts::NewAccount {
            authority_id: caller.authority_id,
            username: &u,
            role: body.role,
            display_name: name,
            team_id,
            password_hash: None,
        },
        Utc::now(),
    )
    .await?;
    let code = issue_code(&txn, &account, "activate", caller.account_id).await?;
    txn.commit().await?;
    Ok(code)
}

/// A staff account of the caller's council (never a young person's).
async fn staff_account(
    db: &DatabaseConnection,
    caller: &Caller,
    id: &str,
) -> Result<account::Model, ApiError> {
    accounts::by_public_id(db, caller.authority_id, id)
        .await?
        .filter(|a| a.role != Role::YoungPerson.as_str())
        .ok_or(ApiError::NotFound)
}

/// Switches an account off or on; switching off ends every session at once.
/// `None` when the account's role is not one this build knows.
pub async fn update(
    db: &DatabaseConnection,
    caller: &Caller,
    id: &str,
    body: &StaffUpdate,
) -> Result<Option<StaffView>, ApiError> {
    let a = staff_account(db, caller, id).await?;
    if a.id == caller.account_id && body.disabled {
        return Err(ApiError::validation(
            "disabled",
            "You cannot switch off your own account.",
        ));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    accounts::set_disabled(&txn, a.id, body.disabled.then_some(now)).await?;
    if body.disabled {
        sessions::end_all(&txn, a.id, None, "account disabled", now).await?;
    }
    txn.commit().await?;
    let updated = accounts::by_id(db, a.id).await?.ok_or(ApiError::NotFound)?;
    let team = match updated.team_id {
        Some(t) => accounts::team_by_id(db, t).await?,
        None => None,
    };
    view(updated, team).map(Some)
}

/// A new one-time code to set a password.
pub async fn new_code(
    db: &DatabaseConnection,
    caller: &Caller,
    id: &str,
) -> Result<ActivationCode, ApiError> {
    let a = staff_account(db, caller, id).await?;
    issue_code(db, &a, "reset", caller.account_id).await
}
