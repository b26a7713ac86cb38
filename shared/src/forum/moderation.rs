//! Moderation: the queue, the actions a moderator takes, watched words and
//! the log that records every action.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::links::TextSpan;
use super::posts::{HoldReason, PostStatus, ThreadSummary};
use crate::people::Role;
use crate::text_checks::{Finding, HarmMatch, WatchedMatch, WatchedWord};

/// A post as a moderator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModPostView {
    pub id: String,
    pub thread_id: String,
    pub thread_title: String,
    pub space: String,
    /// The author's forum id (for a suspension) and display name. Never
    /// their real name.
    pub author_id: String,
    pub author: String,
    pub opening: bool,
    /// The thread's title, for an opening post (a moderator may edit it).
    pub title: Option<String>,
    pub body: String,
    pub links: Vec<TextSpan>,
    pub status: PostStatus,
    pub hold_reasons: Vec<HoldReason>,
    pub flagged: bool,
    pub suggests_harm: bool,
    pub edited_by_moderator: bool,
    pub created_at: DateTime<Utc>,
}

/// A report as a moderator sees it: the post as it was when reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportView {
    pub id: String,
    pub reason: Option<String>,
    pub reported_at: DateTime<Utc>,
    pub snapshot_title: Option<String>,
    pub snapshot_body: String,
    pub snapshot_author: String,
    pub open: bool,
    /// `removed`, `kept` once resolved.
    pub outcome: Option<String>,
}

/// One thing for a moderator to look at, with what the checks found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    pub post: ModPostView,
    /// In the body (byte offsets into `post.body`), to highlight.
    pub personal_details: Vec<Finding>,
    pub watched: Vec<WatchedMatch>,
    pub harm: Vec<HarmMatch>,
    pub reports: Vec<ReportView>,
}

/// The moderation queue: posts waiting (words suggesting harm first), posts
/// up with a flagged word, and reported posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModerationQueue {
    pub held: Vec<QueueItem>,
    pub flagged: Vec<QueueItem>,
    pub reported: Vec<QueueItem>,
}

/// A thread with every post in every state, for a moderator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModThreadView {
    pub thread: ThreadSummary,
    pub lock_reason: Option<String>,
    pub posts: Vec<ModPostView>,
    pub next: Option<String>,
}

/// Approve a waiting post, as it is or edited. When `title` or `body`
/// differ from what was written, the original is kept in the moderation log
/// and the author is told (`note`, or a kind default).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Approve {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub body: Option<String>,
    /// What the author is told about the change.
    #[serde(default)]
    pub note: Option<String>,
}

/// Reject a waiting post, or remove one that is up: the reason is shown to
/// the author, so make it kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModReason {
    pub reason: String,
}

/// Keep a flagged or reported post up (resolving its reports).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Keep {
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LockThread {
    pub locked: bool,
    pub reason: String,
}

/// Stop someone posting for `days` days (1 to 90); 0 lets them post again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suspend {
    pub days: i64,
    /// Shown to the young person.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SuspensionView {
    pub member_id: String,
    pub display_name: String,
    pub suspended_until: Option<DateTime<Utc>>,
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WatchedWords {
    pub words: Vec<WatchedWord>,
}

/// Where a young person's report of a post stands. Stored as text (`as_str`); the server reads it back with
/// `parse` and treats an unknown value as an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportStatus {
    /// Not yet looked at by a moderator.
    Open,
    Resolved,
}

impl ReportStatus {
    pub const ALL: [ReportStatus; 2] = [ReportStatus::Open, ReportStatus::Resolved];

    pub const fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Open => "open",
            ReportStatus::Resolved => "resolved",
        }
    }

    pub fn parse(s: &str) -> Option<ReportStatus> {
        ReportStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// What a moderation log entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ModAction {
    /// The checks held a post for approval (no person did this).
    AutoHeld,
    /// Words suggested harm; the author's worker was alerted.
    HarmAlert,
    /// A young person reported a post.
    Reported,
    Approved,
    /// Approved after a moderator changed it; the original is kept here.
    ApprovedWithEdits,
    Rejected,
    Removed,
    /// A flagged or reported post was looked at and left up.
    Kept,
    ReportResolved,
    Locked,
    Unlocked,
    Suspended,
    SuspensionLifted,
    WatchedWordsChanged,
    SpaceCreated,
    SpaceChanged,
}

impl ModAction {
    pub const ALL: [ModAction; 16] = [
        ModAction::AutoHeld,
        ModAction::HarmAlert,
        ModAction::Reported,
        ModAction::Approved,
        ModAction::ApprovedWithEdits,
        ModAction::Rejected,
        ModAction::Removed,
        ModAction::Kept,
        ModAction::ReportResolved,
        ModAction::Locked,
        ModAction::Unlocked,
        ModAction::Suspended,
        ModAction::SuspensionLifted,
        ModAction::WatchedWordsChanged,
        ModAction::SpaceCreated,
        ModAction::SpaceChanged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ModAction::AutoHeld => "auto_held",
            ModAction::HarmAlert => "harm_alert",
            ModAction::Reported => "reported",
            ModAction::Approved => "approved",
            ModAction::ApprovedWithEdits => "approved_with_edits",
            ModAction::Rejected => "rejected",
            ModAction::Removed => "removed",
            ModAction::Kept => "kept",
            ModAction::ReportResolved => "report_resolved",
            ModAction::Locked => "locked",
            ModAction::Unlocked => "unlocked",
            ModAction::Suspended => "suspended",
            ModAction::SuspensionLifted => "suspension_lifted",
            ModAction::WatchedWordsChanged => "watched_words_changed",
            ModAction::SpaceCreated => "space_created",
            ModAction::SpaceChanged => "space_changed",
        }
    }

    pub fn parse(s: &str) -> Option<ModAction> {
        ModAction::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// One line of the moderation log: who, what, when, why. The log cannot be
/// changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModLogEntry {
    pub id: String,
    pub at: DateTime<Utc>,
    /// Staff name, a young person's display name, or none for the
    /// automatic checks.
    pub actor: Option<String>,
    pub actor_role: Option<Role>,
    pub action: ModAction,
    pub post_id: Option<String>,
    pub thread_id: Option<String>,
    /// The young person concerned, by display name.
    pub member: Option<String>,
    pub reason: Option<String>,
    /// Before a moderator's edit.
    pub original_title: Option<String>,
    pub original_body: Option<String>,
    /// After it.
    pub new_title: Option<String>,
    pub new_body: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModLogPage {
    pub entries: Vec<ModLogEntry>,
    pub next: Option<String>,
}
