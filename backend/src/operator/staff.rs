//! `backend staff add`, `staff new-code` and `staff deactivate`: the same
//! accounts and one-time codes an administrator makes on the staff page
//! (`services::staff`), for the first administrator of a new council.

use super::{council_by_slug, record, Operator, OperatorError, Outcome};
use crate::entities::{account, local_authority};
use crate::repo::{accounts, sessions};
use crate::services::auth::issue_code;
use crate::services::staff;
use chrono::Utc;
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::accounts::{ActivationCode, NewStaff};
use shared::people::Role;

/// A role as typed: `team-manager` or `team_manager`; never a young person.
pub fn parse_role(s: &str) -> Result<Role, OperatorError> {
    Role::parse(&s.trim().replace('-', "_"))
        .filter(|r| *r != Role::YoungPerson)
        .ok_or_else(|| {
            let roles: Vec<String> = Role::ALL
                .iter()
                .filter(|r| **r != Role::YoungPerson)
                .map(|r| r.as_str().replace('_', "-"))
                .collect();
            OperatorError::Invalid(format!(
                "--role: \"{s}\" is not a staff role. Use one of: {}.",
                roles.join(", ")
            ))
        })
}

/// A new member of staff: the account and its one-time code, or the
/// account that was already there (and no code: `staff new-code` makes one).
#[derive(Debug, Clone)]
pub struct Added {
    pub username: String,
    pub code: Option<ActivationCode>,
}

pub async fn add(
    db: &DatabaseConnection,
    council: &str,
    body: &NewStaff,
    operator: &Operator,
) -> Result<Outcome<Added>, OperatorError> {
    let c = council_by_slug(db, council).await?;
    let checked = staff::check_new(db, c.id, body).await?;
    if let Some(existing) = accounts::by_username(db, &checked.username).await? {
        return same_account(&c, &existing, &checked).map(|()| {
            Outcome::Existed(Added {
                username: existing.username,
                code: None,
            })
        });
    }
    let txn = db.begin().await?;
    let (account, code) = staff::insert(&txn, c.id, &checked, None).await?;
    record(
        &txn,
        c.id,
        operator,
        "staff.add",
        &format!(
            "staff account {} ({}) added",
            account.username,
            checked.role.as_str()
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(Outcome::Created(Added {
        username: account.username,
        code: Some(code),
    }))
}

/// An existing account is the one asked for, or the command says how not.
fn same_account(
    c: &local_authority::Model,
    a: &account::Model,
    wanted: &staff::CheckedStaff,
) -> Result<(), OperatorError> {
    if a.authority_id != c.id {
        return Err(OperatorError::Differs(format!(
            "The username \"{}\" belongs to another council's account; choose another. Nothing was changed.",
            a.username
        )));
    }
    let mut differs = Vec::new();
    if a.role != wanted.role.as_str() {
        differs.push(format!(
            "role: it is {}, you gave {}",
            a.role,
            wanted.role.as_str()
        ));
    }
    if a.display_name != wanted.display_name {
        differs.push(format!(
            "name: it is \"{}\", you gave \"{}\"",
            a.display_name, wanted.display_name
        ));
    }
    if a.team_id != wanted.team_id {
        differs.push("team: it is in another team".to_owned());
    }
    if differs.is_empty() {
        Ok(())
    } else {
        Err(OperatorError::Differs(format!(
            "The account \"{}\" already exists with other values; nothing was changed (an administrator changes accounts on the staff page).\n  {}",
            a.username,
            differs.join("\n  ")
        )))
    }
}

async fn staff_account(
    db: &DatabaseConnection,
    council: &local_authority::Model,
    username: &str,
) -> Result<account::Model, OperatorError> {
    let u = username.trim().to_lowercase();
    accounts::by_username(db, &u)
        .await?
        .filter(|a| a.authority_id == council.id && a.role != Role::YoungPerson.as_str())
        .ok_or_else(|| {
            OperatorError::NotFound(format!(
                "{} has no member of staff with the username \"{u}\".",
                council.slug
            ))
        })
}

/// A new one-time code for an account (an activation code until it has a
/// password, then a reset code). A switched-off account gets none.
pub async fn new_code(
    db: &DatabaseConnection,
    council: &str,
    username: &str,
    operator: &Operator,
) -> Result<ActivationCode, OperatorError> {
    let c = council_by_slug(db, council).await?;
    let a = staff_account(db, &c, username).await?;
    if a.disabled_at.is_some() {
        return Err(OperatorError::Invalid(format!(
            "\"{}\" is switched off; an administrator switches it on again on the staff page first.",
            a.username
        )));
    }
    let purpose = if a.password_hash.is_some() {
        "reset"
    } else {
        "activate"
    };
    let txn = db.begin().await?;
    let code = issue_code(&txn, &a, purpose, a.id).await?;
    record(
        &txn,
        c.id,
        operator,
        "staff.new_code",
        &format!("new one-time code for {}", a.username),
    )
    .await?;
    txn.commit().await?;
    Ok(code)
}

/// Switches the account off and ends every session it has at once.
/// Switched off already: nothing changes.
pub async fn deactivate(
    db: &DatabaseConnection,
    council: &str,
    username: &str,
    operator: &Operator,
) -> Result<Outcome<String>, OperatorError> {
    let c = council_by_slug(db, council).await?;
    let a = staff_account(db, &c, username).await?;
    if a.disabled_at.is_some() {
        return Ok(Outcome::Existed(a.username));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    accounts::set_disabled(&txn, a.id, Some(now)).await?;
    sessions::end_all(&txn, a.id, None, "account disabled", now).await?;
    record(
        &txn,
        c.id,
        operator,
        "staff.deactivate",
        &format!("staff account {} switched off", a.username),
    )
    .await?;
    txn.commit().await?;
    Ok(Outcome::Created(a.username))
}
