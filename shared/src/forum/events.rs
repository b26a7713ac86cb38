//! Events (meetings, trips, training) and signing up to them.

use super::posts::HarmHelp;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Meeting,
    Trip,
    /// Training (for foster carers, say) that young people help to give.
    Training,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 4] = [
        EventKind::Meeting,
        EventKind::Trip,
        EventKind::Training,
        EventKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Trip => "trip",
            EventKind::Training => "training",
            EventKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a sign-up to an event stands. Stored as text (`as_str`); the server reads it back with
/// `parse` and treats an unknown value as an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignupStatus {
    SignedUp,
    /// Called off by the young person, or by the event being cancelled.
    Cancelled,
}

impl SignupStatus {
    pub const ALL: [SignupStatus; 2] = [SignupStatus::SignedUp, SignupStatus::Cancelled];

    pub const fn as_str(self) -> &'static str {
        match self {
            SignupStatus::SignedUp => "signed_up",
            SignupStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<SignupStatus> {
        SignupStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// An event as a young person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventView {
    pub id: String,
    pub kind: EventKind,
    pub title: String,
    pub description: String,
    pub location: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The space whose members it is for; none: anyone in Positive Journeys.
    pub space: Option<String>,
    /// None: no limit.
    pub places: Option<u32>,
    pub places_left: Option<u32>,
    pub sign_up_closes_at: Option<DateTime<Utc>>,
    pub signed_up: bool,
    pub can_sign_up: bool,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSignUp {
    /// Anything that would help me come (food I cannot eat, help to get
    /// there). Only the participation officer reads it.
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpOutcome {
    pub event: EventView,
    /// When I will be reminded (none when it is too soon for a reminder).
    pub reminder_at: Option<DateTime<Utc>>,
    pub message: String,
    /// When my note suggests I may be at risk: Childline and the duty desk
    /// (my worker is told).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<HarmHelp>,
}

/// A new event, or a change to one (everything is sent each time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventDraft {
    /// The space whose members it is for; none: anyone in any space.
    #[serde(default)]
    pub space: Option<String>,
    pub kind: EventKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub location: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// None: no limit.
    #[serde(default)]
    pub places: Option<u32>,
    #[serde(default)]
    pub sign_up_closes_at: Option<DateTime<Utc>>,
    /// Cancelling tells everyone signed up.
    #[serde(default)]
    pub cancelled: bool,
}

/// An event with its numbers, for the participation officer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffEventView {
    pub event: EventView,
    pub signed_up: u32,
    pub created_at: DateTime<Utc>,
}

/// Someone signed up to an event (the participation officer needs to know
/// who is coming; the young person was told so when they signed up).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpRow {
    pub name: String,
    pub age: u32,
    pub note: Option<String>,
    pub signed_up_at: DateTime<Utc>,
}
