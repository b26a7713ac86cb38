//! Threads and posts: their states, why a post waits, and the bodies a
//! young person reads and sends.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::links::TextSpan;
use super::spaces::SpaceView;
use crate::text_checks::Finding;

/// Where a post is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PostStatus {
    /// Waiting for a moderator; only its author (and moderators) see it.
    Pending,
    /// Everyone in the space sees it.
    Published,
    /// A moderator did not let it go up; the author is told why.
    Rejected,
    /// A moderator took it down after it was up; the author is told why.
    Removed,
    /// Its author took it down.
    Deleted,
}

impl PostStatus {
    pub const ALL: [PostStatus; 5] = [
        PostStatus::Pending,
        PostStatus::Published,
        PostStatus::Rejected,
        PostStatus::Removed,
        PostStatus::Deleted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PostStatus::Pending => "pending",
            PostStatus::Published => "published",
            PostStatus::Rejected => "rejected",
            PostStatus::Removed => "removed",
            PostStatus::Deleted => "deleted",
        }
    }

    pub fn parse(s: &str) -> Option<PostStatus> {
        PostStatus::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// What the author is told about their post.
    pub fn plain(self) -> &'static str {
        match self {
            PostStatus::Pending => "Waiting for a grown-up to check it",
            PostStatus::Published => "Up: others in the space can see it",
            PostStatus::Rejected => "Not put up",
            PostStatus::Removed => "Taken down by a moderator",
            PostStatus::Deleted => "Deleted by you",
        }
    }
}

/// Why a post waits for approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HoldReason {
    /// The author is under 18 and the space checks their posts first.
    Under18,
    /// A phone number, email, address, postcode, school or social media.
    PersonalDetails,
    /// A word on the council's "hold for approval" list.
    WatchedWord,
    /// Words that suggest harm: the author's worker has been alerted.
    SuggestsHarm,
}

impl HoldReason {
    pub const ALL: [HoldReason; 4] = [
        HoldReason::Under18,
        HoldReason::PersonalDetails,
        HoldReason::WatchedWord,
        HoldReason::SuggestsHarm,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HoldReason::Under18 => "under_18",
            HoldReason::PersonalDetails => "personal_details",
            HoldReason::WatchedWord => "watched_word",
            HoldReason::SuggestsHarm => "suggests_harm",
        }
    }

    pub fn parse(s: &str) -> Option<HoldReason> {
        HoldReason::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Stored as a comma-separated list.
    pub fn join(reasons: &[HoldReason]) -> String {
        reasons
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn split(s: &str) -> Vec<HoldReason> {
        s.split(',').filter_map(HoldReason::parse).collect()
    }

    /// Reads a stored list back: `None` when any part is not a reason we
    /// know (the server reports that rather than dropping it).
    pub fn parse_list(s: &str) -> Option<Vec<HoldReason>> {
        if s.is_empty() {
            return Some(vec![]);
        }
        s.split(',').map(HoldReason::parse).collect()
    }
}

/// A thread in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadSummary {
    pub id: String,
    /// The space's id.
    pub space: String,
    pub title: String,
    /// The display name of whoever started it.
    pub started_by: String,
    pub started_at: DateTime<Utc>,
    /// I started it.
    pub mine: bool,
    /// The opening post's status: anything but `published` is only shown to
    /// its author (and moderators).
    pub status: PostStatus,
    pub locked: bool,
}

/// One page of threads, newest first. `next` is the cursor for the page
/// after (send it back as `before`); none when this is the last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadPage {
    pub threads: Vec<ThreadSummary>,
    pub next: Option<String>,
}

/// A post as a young person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostView {
    pub id: String,
    pub thread_id: String,
    /// The author's display name.
    pub author: String,
    pub mine: bool,
    /// Plain text. Show it as text, never as HTML.
    pub body: String,
    /// Where the body has web links: show them as links, never fetch them.
    pub links: Vec<TextSpan>,
    /// The first post of its thread.
    pub opening: bool,
    pub status: PostStatus,
    pub created_at: DateTime<Utc>,
    /// A moderator changed it before it went up (the author was told).
    pub edited_by_moderator: bool,
}

/// A thread and one page of its posts, oldest first. `next` is the cursor
/// for the posts after (send it back as `after`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadView {
    pub thread: ThreadSummary,
    pub space_name: String,
    pub posts: Vec<PostView>,
    pub next: Option<String>,
    /// Whether I can reply now (not locked, not suspended, thread is up).
    pub can_reply: bool,
    /// Why not, in plain words.
    pub cannot_reply_because: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewThread {
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReply {
    pub body: String,
}

/// Help for a young person whose words suggest they may be at risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HarmHelp {
    /// Warm words, naming Childline and who will be told.
    pub message: String,
    pub childline_phone: String,
    /// The council's duty desk, day or night.
    pub duty_phone: String,
}

/// What happened to what I posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostOutcome {
    pub post: PostView,
    /// Up now, or waiting for a grown-up.
    pub status: PostStatus,
    /// What to tell me now (none when it simply went up).
    pub message: Option<String>,
    /// Personal details found in the text, to highlight.
    pub personal_details: Vec<Finding>,
    /// When my words suggest I may be at risk: Childline and the duty desk.
    pub help: Option<HarmHelp>,
}

/// One of my own posts, with what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyPost {
    pub post: PostView,
    pub thread_title: String,
    pub space_name: String,
    /// The status in words.
    pub status_text: String,
    /// A moderator's words to me: why it was not put up or was taken down,
    /// or what they changed.
    pub moderator_note: Option<String>,
}

/// Me in the forum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyForum {
    /// The name others see on my posts.
    pub display_name: String,
    /// False while I still have the name the app made up for me.
    pub display_name_chosen: bool,
    /// Whether I may use my real name (18 and over, by choice only).
    pub may_use_real_name: bool,
    pub can_post: bool,
    /// While I may not post: until when, and why.
    pub suspended_until: Option<DateTime<Utc>>,
    pub suspension_reason: Option<String>,
    pub spaces: Vec<SpaceView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisplayNameChange {
    pub display_name: String,
    /// Say yes to use my real name (only from 18). Leave out otherwise.
    #[serde(default)]
    pub use_real_name: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReport {
    /// Why, if I want to say (it is fine not to).
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportReceipt {
    pub id: String,
    pub message: String,
    /// When the reason I gave suggests I may be at risk: Childline and the
    /// duty desk (my worker is told).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<HarmHelp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewBlock {
    /// A post by the person to block.
    pub post_id: String,
}

/// Someone I have blocked: I do not see their posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BlockView {
    pub id: String,
    pub display_name: String,
    pub since: DateTime<Utc>,
}
