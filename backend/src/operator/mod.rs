//! The operator's commands (issue 17): what `backend council create`,
//! `backend staff add` and the others do, as library functions that return
//! typed results, so tests call them directly and `cli/` only parses and
//! prints. Each connects with the normal settings and migrates first, is
//! safe to run again, and writes an audit row naming the operator.

pub mod backup;
pub mod config_check;
pub mod council;
pub mod import;
pub mod keys;
pub mod offer;
pub mod staff;
pub mod team;

use crate::config::Settings;
use crate::error::ApiError;
use crate::repo::audit;
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};

/// Who ran the command: the server's login name, for the audit row (an
/// operator has no account in the app).
#[derive(Debug, Clone)]
pub struct Operator {
    pub who: String,
}

impl Operator {
    /// The user behind `sudo` when there is one, else the login name.
    pub fn from_env() -> Operator {
        let who = ["SUDO_USER", "USER", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
            .unwrap_or_else(|| "unknown".to_owned());
        Operator { who }
    }

    pub fn named(who: &str) -> Operator {
        Operator {
            who: who.to_owned(),
        }
    }
}

/// What a command did: made something, or found it already there (and
/// changed nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<T> {
    Created(T),
    Existed(T),
}

impl<T> Outcome<T> {
    pub fn value(&self) -> &T {
        match self {
            Outcome::Created(v) | Outcome::Existed(v) => v,
        }
    }
    pub fn created(&self) -> bool {
        matches!(self, Outcome::Created(_))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OperatorError {
    /// Bad input: nothing was written.
    #[error("{0}")]
    Invalid(String),
    /// A council, team or person that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// It exists with other values: nothing was changed.
    #[error("{0}")]
    Differs(String),
    #[error("the database: {0}")]
    Database(#[from] DbErr),
    #[error(transparent)]
    Secrets(#[from] crate::secrets::SecretsError),
    #[error("{0}")]
    Failed(String),
}

impl From<ApiError> for OperatorError {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::Validation { field, message } => {
                OperatorError::Invalid(format!("{field}: {message}"))
            }
            ApiError::Conflict(m) => OperatorError::Differs(m),
            ApiError::NotFound => OperatorError::NotFound("not found".to_owned()),
            // The API hides the detail from callers; the operator needs it.
            ApiError::Internal(detail) => OperatorError::Failed(detail),
            other => OperatorError::Failed(other.to_string()),
        }
    }
}

/// Opens the database the server uses and brings its schema up to date.
pub async fn connect(settings: &Settings) -> Result<DatabaseConnection, OperatorError> {
    let db = crate::db::connect(&settings.database_url).await?;
    crate::db::migrate(&db).await?;
    Ok(db)
}

/// The same audit row in every council's trail, for a change that touches
/// them all (keys, backups); none while no council exists.
pub(crate) async fn record_for_every_council(
    db: &DatabaseConnection,
    operator: &Operator,
    action: &str,
    detail: &str,
) -> Result<(), DbErr> {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await?;
    for c in crate::repo::councils::list(&txn).await? {
        record(&txn, c.id, operator, action, detail).await?;
    }
    txn.commit().await
}

/// The audit row of an operator's change, in the change's transaction.
pub(crate) async fn record(
    db: &impl ConnectionTrait,
    authority_id: i32,
    operator: &Operator,
    action: &str,
    detail: &str,
) -> Result<(), DbErr> {
    let reason = format!("{detail} (by {} on the server)", operator.who);
    audit::record(
        db,
        audit::Event {
            authority_id,
            actor_account_id: None,
            actor_role: audit::OPERATOR,
            young_person_id: None,
            action,
            basis: audit::OPERATOR_BASIS,
            allocation_id: None,
            outcome: "done",
            reason: Some(&reason),
        },
        Utc::now(),
    )
    .await
}

/// A council by its slug, or a plain "no such council".
pub(crate) async fn council_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> Result<crate::entities::local_authority::Model, OperatorError> {
    crate::repo::councils::by_slug(db, slug.trim())
        .await?
        .ok_or_else(|| {
            OperatorError::NotFound(format!(
                "There is no council \"{}\". `backend council list` shows the councils set up here.",
                slug.trim()
            ))
        })
}
