//! The one error type. Every failure answers `{"error", "message", "field"?}`
//! with a real status code; internals are logged, never sent.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use shared::api::ErrorBody;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request could not be read (malformed JSON, wrong type).
    #[error("{message}")]
    BadRequest {
        field: Option<String>,
        message: String,
    },
    /// The request was read but a value is not acceptable.
    #[error("{message}")]
    Validation { field: String, message: String },
    #[error("You need to sign in.")]
    Unauthorized,
    /// A failed sign-in: 401 with words that do not say which part was wrong.
    #[error("{0}")]
    BadCredentials(String),
    /// Also what someone else's record answers: it does not exist for you.
    #[error("We could not find that.")]
    NotFound,
    /// No API route has this address (distinct from a missing record).
    #[error("There is no such address in the API.")]
    UnknownEndpoint,
    #[error("{0}")]
    Conflict(String),
    #[error("That is too big to send. Make it shorter and try again.")]
    PayloadTooLarge,
    #[error("Too many tries. Wait {retry_after_secs} seconds and try again.")]
    TooManyRequests { retry_after_secs: u64 },
    /// A flood limit: 429 with Retry-After and words that say when they
    /// can go on.
    #[error("{message}")]
    Slow {
        retry_after_secs: u64,
        message: String,
    },
    #[error("The service is busy. Try again in a moment.")]
    Unavailable,
    /// The disk the database writes to is full: nothing was saved.
    #[error("We could not save this because the server has run out of space. Nothing was saved. Please try again later.")]
    StorageFull,
    #[error("Something went wrong on our side. Try again in a moment.")]
    Internal(String),
    /// A stored status, role or kind that is none of the values the code
    /// knows (a bad migration, a hand edit). Answered like `Internal` and
    /// logged with where it was found, never read as some default.
    #[error("Something went wrong on our side. Try again in a moment.")]
    UnknownStoredValue {
        table: &'static str,
        column: &'static str,
        value: String,
    },
}

impl ApiError {
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> ApiError {
        ApiError::Validation {
            field: field.into(),
            message: message.into(),
        }
    }

    /// Reads a stored text column as its enum: an unknown value is an
    /// internal error naming the table, column and value.
    pub fn stored<T>(
        table: &'static str,
        column: &'static str,
        value: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, ApiError> {
        parse(value).ok_or_else(|| {
            tracing::error!(
                table,
                column,
                value,
                "the database holds a value the code does not know"
            );
            ApiError::UnknownStoredValue {
                table,
                column,
                value: value.to_owned(),
            }
        })
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            field: None,
            message: message.into(),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { .. } => "bad_request",
            ApiError::Validation { .. } => "validation",
            ApiError::Unauthorized => "unauthorized",
            ApiError::BadCredentials(_) => "bad_credentials",
            ApiError::NotFound => "not_found",
            ApiError::UnknownEndpoint => "unknown_endpoint",
            ApiError::Conflict(_) => "conflict",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::TooManyRequests { .. } => "too_many_requests",
            // Its own code: the app shows these words, not its generic
            // "too many tries".
            ApiError::Slow { .. } => "posting_limit",
            ApiError::Unavailable => "unavailable",
            ApiError::StorageFull => "storage_full",
            ApiError::Internal(_) | ApiError::UnknownStoredValue { .. } => "internal",
        }
    }

    fn field(&self) -> Option<String> {
        match self {
            ApiError::BadRequest { field, .. } => field.clone(),
            ApiError::Validation { field, .. } => Some(field.clone()),
            _ => None,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized | ApiError::BadCredentials(_) => StatusCode::UNAUTHORIZED,
            ApiError::NotFound | ApiError::UnknownEndpoint => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::TooManyRequests { .. } | ApiError::Slow { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            ApiError::Unavailable | ApiError::StorageFull => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) | ApiError::UnknownStoredValue { .. } => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(detail) = self {
            tracing::error!(detail = %detail, "internal error");
        }
        let mut res = HttpResponse::build(self.status_code());
        match self {
            ApiError::TooManyRequests { retry_after_secs }
            | ApiError::Slow {
                retry_after_secs, ..
            } => {
                res.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            ApiError::Unauthorized => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            _ => {}
        }
        res.json(ErrorBody {
            error: self.code().to_owned(),
            message: self.to_string(),
            field: self.field(),
        })
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(e: sea_orm::DbErr) -> ApiError {
        match outage(&e) {
            Some(Outage::Full) => {
                tracing::error!(error = %e, "the database's disk is full");
                ApiError::StorageFull
            }
            // The database is down, restarting or overloaded: say so, so
            // clients keep what they have and retry.
            Some(Outage::Down) => {
                tracing::warn!(error = %e, "database unavailable");
                ApiError::Unavailable
            }
            None => ApiError::Internal(e.to_string()),
        }
    }
}

enum Outage {
    Down,
    Full,
}

/// Failures of the database itself rather than of the query: no
/// connection, a connection cut (a restart), a server shutting down or
/// starting up, SQLite busy past its timeout, a full disk.
fn outage(e: &sea_orm::DbErr) -> Option<Outage> {
    use sea_orm::sqlx::Error as X;
    use sea_orm::{DbErr, RuntimeErr};
    let runtime = match e {
        DbErr::ConnectionAcquire(_) => return Some(Outage::Down),
        DbErr::Conn(r) | DbErr::Exec(r) | DbErr::Query(r) => r,
        _ => return None,
    };
    let RuntimeErr::SqlxError(x) = runtime else {
        return None;
    };
    match x.as_ref() {
        X::Io(_)
        | X::Tls(_)
        | X::Protocol(_)
        | X::PoolTimedOut
        | X::PoolClosed
        | X::WorkerCrashed
        | X::BeginFailed => Some(Outage::Down),
        X::Database(d) => {
            let code = d.code()?;
            if let Ok(n) = code.parse::<i32>() {
                // SQLite's result codes: FULL, and BUSY / LOCKED / IOERR
                // (primary code in the low byte).
                return match n & 0xff {
                    13 => Some(Outage::Full),
                    5 | 6 | 10 => Some(Outage::Down),
                    _ => None,
                };
            }
            // PostgreSQL's SQLSTATE: connection exceptions (08), admin or
            // crash shutdown and "starting up" (57P0x), too many
            // connections (53300), disk full (53100).
            match code.as_ref() {
                "53100" => Some(Outage::Full),
                c if c.starts_with("08") || c.starts_with("57P0") || c == "53300" => {
                    Some(Outage::Down)
                }
                _ => None,
            }
        }
        _ => None,
    }
}

impl<E: std::fmt::Display> From<sea_orm::TransactionError<E>> for ApiError
where
    ApiError: From<E>,
    E: std::error::Error,
{
    fn from(e: sea_orm::TransactionError<E>) -> ApiError {
        match e {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(inner) => inner.into(),
        }
    }
}

/// Turns actix's JSON extractor failures into our shape, naming the problem.
pub fn json_error(err: actix_web::error::JsonPayloadError) -> ApiError {
    use actix_web::error::JsonPayloadError as J;
    match err {
        J::OverflowKnownLength { .. } | J::Overflow { .. } => ApiError::PayloadTooLarge,
        J::ContentType => {
            ApiError::bad_request("Send the body as JSON (Content-Type: application/json).")
        }
        J::Deserialize(e) => {
            let field = field_from_serde(&e.to_string());
            ApiError::BadRequest {
                field,
                message: format!("The JSON body could not be read: {e}"),
            }
        }
        other => ApiError::bad_request(format!("The request body could not be read: {other}")),
    }
}

pub fn query_error(err: actix_web::error::QueryPayloadError) -> ApiError {
    ApiError::bad_request(format!("The address has a value we could not read: {err}"))
}

pub fn path_error(err: actix_web::error::PathError) -> ApiError {
    let _ = err;
    ApiError::NotFound
}

/// serde names the missing or unknown field in backticks.
fn field_from_serde(msg: &str) -> Option<String> {
    let start = msg.find('`')? + 1;
    let len = msg[start..].find('`')?;
    Some(msg[start..start + len].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_outage_is_503_and_a_query_error_500() {
        use sea_orm::{ConnAcquireErr, DbErr, RuntimeErr};
        use std::sync::Arc;
        let status = |e: DbErr| ApiError::from(e).status_code();
        assert_eq!(
            status(DbErr::ConnectionAcquire(ConnAcquireErr::Timeout)),
            StatusCode::SERVICE_UNAVAILABLE
        );
        let cut = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset");
        assert_eq!(
            status(DbErr::Query(RuntimeErr::SqlxError(Arc::new(
                sea_orm::sqlx::Error::Io(cut)
            )))),
            StatusCode::SERVICE_UNAVAILABLE
        );
        assert_eq!(
            status(DbErr::Query(RuntimeErr::Internal("bad SQL".to_owned()))),
            StatusCode::INTERNAL_SERVER_ERROR
        );
        assert_eq!(ApiError::StorageFull.code(), "storage_full");
    }

    #[test]
    fn an_unknown_stored_value_is_an_internal_error_not_a_default() {
        let Err(e) = ApiError::stored("forum_post", "status", "pendnig", |s| {
            (s == "pending").then_some(1)
        }) else {
            panic!("an unknown value must not parse");
        };
        assert_eq!(e.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(e.code(), "internal");
        assert!(matches!(
            e,
            ApiError::UnknownStoredValue { table: "forum_post", column: "status", ref value }
                if value == "pendnig"
        ));
        assert!(matches!(
            ApiError::stored("forum_post", "status", "pending", |s| (s == "pending")
                .then_some(1)),
            Ok(1)
        ));
    }

    #[test]
    fn serde_field_names_are_picked_out() {
        assert_eq!(
            field_from_serde("missing field `username` at line 1 column 2"),
            Some("username".to_owned())
        );
        assert_eq!(field_from_serde("expected value at line 1"), None);
    }
}
