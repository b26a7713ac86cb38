//! Staff accounts of one council: listing, creating, switching off and new
//! one-time codes. The admin check stays with the handler.

use crate::caller::Caller;
use crate::entities::{account, team};
use crate::error::ApiError;
use crate::repo::{accounts, sessions};
use crate::services::auth::issue_code;
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
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
    let checked = check_new(db, caller.authority_id, body).await?;
    let txn = db.begin().await?;
    let (_, code) = insert(&txn, caller.authority_id, &checked, Some(caller.account_id)).await?;
    txn.commit().await?;
    Ok(code)
}

/// A new member of staff's details, checked and tidied.
#[derive(Debug, Clone)]
pub struct CheckedStaff {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub team_id: Option<i32>,
}

/// Checks a new member of staff for this council: a staff role, a
/// username in the allowed letters, a name, a team of this council. The
/// username's being free is checked by [`insert`]'s caller.
pub async fn check_new(
    db: &impl ConnectionTrait,
    authority_id: i32,
    body: &NewStaff,
) -> Result<CheckedStaff, ApiError> {
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
            accounts::team_by_slug(db, authority_id, slug)
                .await?
                .ok_or_else(|| {
                    ApiError::validation("team", "No team of this council has that name.")
                })?
                .id,
        ),
        None => None,
    };
    Ok(CheckedStaff {
        username: u,
        display_name: name.to_owned(),
        role: body.role,
        team_id,
    })
}

/// Stores the account and its first one-time code, in the caller's
/// transaction. `created_by` is who made it; `None` is an operator on the
/// server, who has no account: the code then names the account itself as
/// its maker (the column cannot be empty) and the audit row names the
/// operator.
pub async fn insert(
    txn: &impl ConnectionTrait,
    authority_id: i32,
    s: &CheckedStaff,
    created_by: Option<i32>,
) -> Result<(account::Model, ActivationCode), ApiError> {
    if accounts::by_username(txn, &s.username).await?.is_some() {
        return Err(ApiError::Conflict(
            "That username is taken. Choose another.".to_owned(),
        ));
    }
    let account = accounts::create(
        txn,
        accounts::NewAccount {
            authority_id,
            username: &s.username,
            role: s.role,
            display_name: &s.display_name,
            team_id: s.team_id,
            password_hash: None,
        },
        Utc::now(),
    )
    .await?;
    let code = issue_code(txn, &account, "activate", created_by.unwrap_or(account.id)).await?;
    Ok((account, code))
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
