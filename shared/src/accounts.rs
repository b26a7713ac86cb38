//! Sign-in, sessions, accounts, young people's records and allocations:
//! the bodies both sides of the wire use.

use crate::access::Relationship;
use crate::people::{AgeBand, CareLeaverCategory, LegalStatus, Role};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// The browser app leaves `refresh_token` out: its refresh token travels in
/// an HttpOnly cookie instead, so no script can read it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    #[serde(default)]
    pub refresh_token: Option<String>,
}

/// Answer to sign-in, refresh and activation.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
}

/// Choose a password with the one-time code a worker handed over.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivateRequest {
    pub code: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// `GET /api/me`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: String,
    pub username: String,
    pub role: Role,
    pub display_name: String,
    pub council: String,
    /// For a young person: their age band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_band: Option<AgeBand>,
    /// For a young person: their care-leaver category, computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_leaver_category: Option<CareLeaverCategory>,
    /// For a young person: the id of their record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub young_person_id: Option<String>,
    /// The language this person chose; `None` until they choose (the app
    /// then follows the phone's language).
    #[serde(default)]
    pub language: Option<crate::language::Language>,
}

/// One signed-in device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub id: String,
    pub device: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: DateTime<Utc>,
    /// The session this list was asked from.
    pub current: bool,
}

/// One line of "who looked at my records", in plain words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessEntry {
    pub at: DateTime<Utc>,
    /// "Your social worker, Sam Patel, looked at your details."
    pub text: String,
    /// The parts of `text`, so the app can say it in the young person's
    /// language: how the person is linked (an audit basis such as
    /// "allocated_social_worker"), their name, and what they did (an
    /// audit action such as "read_profile").
    #[serde(default)]
    pub basis: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub action: String,
}

/// One audit row, for a manager.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditRow {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub actor_role: String,
    pub action: String,
    pub basis: String,
    pub outcome: String,
    pub reason: Option<String>,
}

/// A young person as a worker's list shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonSummary {
    pub id: String,
    pub preferred_name: String,
    /// How the caller is linked to them, such as `allocated_social_worker`.
    pub basis: String,
    pub has_account: bool,
}

/// A young person's record (case content).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YoungPersonView {
    pub id: String,
    pub preferred_name: String,
    pub date_of_birth: NaiveDate,
    pub age: u32,
    pub age_band: AgeBand,
    pub care_leaver_category: CareLeaverCategory,
    pub looked_after_now: bool,
    pub legal_status: Option<LegalStatus>,
    pub episodes: Vec<crate::care_status::CareEpisode>,
    pub has_account: bool,
    pub username: Option<String>,
    /// How many social workers they have had (shown to managers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_workers_so_far: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewYoungPerson {
    pub preferred_name: String,
    pub date_of_birth: NaiveDate,
    /// When the current (or last) time in care began.
    pub care_started: NaiveDate,
    #[serde(default)]
    pub care_ended: Option<NaiveDate>,
    pub legal_status: LegalStatus,
    /// The social worker to allocate from the start (a staff account id),
    /// so that the record is on someone's list straight away.
    #[serde(default)]
    pub social_worker_id: Option<String>,
}

/// A member of staff as a manager sees their team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamMember {
    pub id: String,
    pub display_name: String,
    pub role: Role,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCareEpisode {
    pub start: NaiveDate,
    #[serde(default)]
    pub end: Option<NaiveDate>,
    #[serde(default)]
    pub legal_status: Option<LegalStatus>,
}

/// Create a young person's account: the worker picks the username.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewYoungPersonAccount {
    pub username: String,
}

/// A one-time code to hand over in person. Shown once, never stored plain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivationCode {
    pub username: String,
    pub code: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AllocationView {
    pub id: i32,
    pub relationship: Relationship,
    pub staff_id: String,
    pub staff_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub handover_note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAllocation {
    pub relationship: Relationship,
    /// The staff account's id.
    pub staff_id: String,
    /// For the young person, from the worker who is leaving.
    #[serde(default)]
    pub handover_note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BreakGlassRequest {
    /// Why the record must be opened; a manager is told.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffView {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub team: Option<String>,
    pub disabled: bool,
    pub activated: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewStaff {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// A team's short name, such as `lac-1`.
    #[serde(default)]
    pub team: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffUpdate {
    pub disabled: bool,
}

/// Rules for a new password, the same on the phone and the server.
pub mod password_rules {
    pub use crate::limits::{PASSWORD_MAX_CHARS as MAX_CHARS, PASSWORD_MIN_CHARS as MIN_CHARS};

    /// The most common passwords, refused whatever their length.
    const COMMON: &[&str] = &[
        "password",
        "password1",
        "password12",
        "password123",
        "12345678",
        "123456789",
        "1234567890",
        "qwertyuiop",
        "qwerty123",
        "iloveyou",
        "iloveyou1",
        "11111111",
        "00000000",
        "abc12345",
        "abcd1234",
        "1q2w3e4r",
        "1qaz2wsx",
        "sunshine",
        "princess",
        "football",
        "football1",
        "baseball",
        "welcome1",
        "welcome123",
        "letmein1",
        "trustno1",
        "superman",
        "starwars",
        "whatever",
        "passw0rd",
        "p@ssw0rd",
        "p@ssword",
        "qwertyui",
        "asdfghjk",
        "zxcvbnm1",
        "monkey123",
        "dragon123",
        "liverpool",
        "liverpool1",
        "chelsea1",
        "arsenal1",
        "manchester",
        "88888888",
        "12341234",
        "87654321",
        "11223344",
        "q1w2e3r4",
        "computer",
        "michelle",
        "jennifer",
        "charlie1",
        "jordan23",
        "pokemon1",
        "minecraft",
        "fortnite",
        "goodforme",
        "good-for-me",
        "bexley123",
        "changeme",
        "changeme1",
    ];

    /// None when acceptable; otherwise what to change, in plain words.
    pub fn problem(password: &str, username: &str) -> Option<&'static str> {
        let chars = password.chars().count();
        if chars < MIN_CHARS {
            return Some(
                "Your password needs at least 8 characters. A few words together works well.",
            );
        }
        if chars > MAX_CHARS {
            return Some("Your password is too long. Use 128 characters or fewer.");
        }
        let lower = password.to_lowercase();
        if COMMON.contains(&lower.as_str()) {
            return Some("That password is one of the most common ones, so it is easy to guess. Choose another.");
        }
        if !username.is_empty() && lower == username.to_lowercase() {
            return Some("Your password cannot be the same as your username.");
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::password_rules::problem;

    #[test]
    fn password_rules() {
        assert!(problem("short", "sam").is_some());
        assert!(problem("Password123", "sam").is_some());
        assert!(problem("sam-the-man", "sam-the-man").is_some());
        assert!(problem(&"x".repeat(129), "sam").is_some());
        assert!(problem("purple tiger jumps", "sam").is_none());
        // Length counts characters, not bytes.
        assert!(problem("ééééééé", "sam").is_some());
    }
}
