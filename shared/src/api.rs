//! Request and response bodies that both sides of the wire decode.

use serde::{Deserialize, Serialize};

/// The one error shape every API failure answers with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// A stable machine-readable code, such as `validation` or `not_found`.
    pub error: String,
    /// Words for a person: what went wrong and what to do.
    pub message: String,
    /// The request field at fault, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` when the database answered.
    pub status: String,
    /// `sqlite` or `postgres`.
    pub database: String,
}

/// `GET /api/health/live`: the process answers (nothing else is checked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Liveness {
    /// Always `alive`.
    pub status: String,
}

/// `GET /api/health/ready`: may this instance take traffic?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    /// `ready`, or `not_ready` (answered with 503).
    pub status: String,
    /// The check that failed: `database`, `migrations` or `worker`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed: Option<String>,
    /// Why, in words for an operator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// `GET /api/setup`: whether this installation still needs its first
/// council (the app then shows the operator what to run on the server).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetupState {
    /// No council is set up yet.
    pub needs_setup: bool,
}

/// A council that runs Good for Me, as anyone may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Council {
    /// Short name used in addresses, such as `bexley`.
    pub slug: String,
    pub name: String,
    /// The phone number to call for help, day or night.
    pub duty_phone: String,
    /// IANA time zone, such as `Europe/London`.
    pub time_zone: String,
}

/// A team of the council's children's services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Team {
    pub slug: String,
    pub name: String,
    pub kind: crate::people::TeamKind,
}
