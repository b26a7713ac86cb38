//! Positive Journeys: the Children in Care Council's spaces (forum), events,
//! consultations and quick polls, and the moderation that keeps them safe.
//!
//! This module holds the API bodies and the pure rules both sides need:
//! who may join a space ([`SpaceRule::admits`]), what happens to a post
//! ([`decide`], over [`crate::text_checks::scan`]), display names
//! ([`check_display_name`]), links in plain text ([`find_links`]) and the
//! small-number suppression of participation figures ([`suppress`]).
//!
//! Design choices the screens rely on:
//! - Text is plain. Links are found and shown, never fetched (no previews).
//! - A young person is shown by a display name they choose; the server gives
//!   them a made-up one until they do. Real names are never shown.
//! - No direct messages, no public profiles, no counts of replies, views or
//!   likes, and no "new since" marks: nothing is there to keep anyone
//!   scrolling (the Children's code).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::care_status::CareSummary;
use crate::people::{AgeBand, CareLeaverCategory, Role};
use crate::text_checks::{self, Finding, HarmMatch, ScanResult, Tier, Verdict, WatchedMatch};

pub use crate::text_checks::WatchedWord;

/// A thread's title.
pub const TITLE_MAX_CHARS: usize = 120;
/// A post's text.
pub const BODY_MAX_CHARS: usize = 4000;
/// Reasons (a report's, a moderator's) and short notes.
pub const REASON_MAX_CHARS: usize = 500;
pub const DISPLAY_NAME_MIN_CHARS: usize = 3;
pub const DISPLAY_NAME_MAX_CHARS: usize = 24;
/// A space's name, an event's or a poll's title.
pub const NAME_MAX_CHARS: usize = 120;
/// A space's, event's or poll's description; "you said, we did".
pub const DESCRIPTION_MAX_CHARS: usize = 4000;
pub const LOCATION_MAX_CHARS: usize = 200;
pub const POLL_OPTIONS_MAX: usize = 10;
pub const POLL_OPTION_MAX_CHARS: usize = 120;
/// A watched word or phrase, and how many a council may have.
pub const WATCHED_WORD_MAX_CHARS: usize = 60;
pub const WATCHED_WORDS_MAX: usize = 1000;
/// Suspensions, in whole days.
pub const SUSPENSION_DAYS_MAX: u32 = 90;
/// The youngest and oldest ages a space may be for.
pub const YOUNGEST: u32 = 4;
pub const OLDEST: u32 = 25;
/// Items in one page of threads, posts or log entries.
pub const PAGE_DEFAULT: u64 = 20;
pub const PAGE_MAX: u64 = 50;
/// Participation figures under this are not shown.
pub const SUPPRESS_BELOW: u32 = 5;
pub const CHILDLINE_PHONE: &str = "0800 1111";

// ---------------------------------------------------------------------------
// Spaces and who may join them
// ---------------------------------------------------------------------------

/// Who a space is for, besides age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Children looked after now.
    InCare,
    /// Care leavers: eligible, relevant, former relevant or qualifying.
    CareLeavers,
    /// Either.
    Both,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::InCare, Audience::CareLeavers, Audience::Both];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::InCare => "in_care",
            Audience::CareLeavers => "care_leavers",
            Audience::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Whether this category is a care leaver's.
pub fn is_care_leaver(c: CareLeaverCategory) -> bool {
    c != CareLeaverCategory::None
}

/// A space's rule: ages (whole years, both ends included) and who.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpaceRule {
    pub min_age: u32,
    pub max_age: u32,
    pub audience: Audience,
}

impl SpaceRule {
    /// Whether a young person with this care summary (today) may see and
    /// use the space. A 17-year-old still in care who is also an eligible
    /// care leaver fits both "in care" and "care leavers".
    pub fn admits(&self, s: &CareSummary) -> bool {
        if s.age < self.min_age || s.age > self.max_age {
            return false;
        }
        let in_care = s.looked_after_now;
        let leaver = is_care_leaver(s.category);
        match self.audience {
            Audience::InCare => in_care,
            Audience::CareLeavers => leaver,
            Audience::Both => in_care || leaver,
        }
    }

    /// "Children in care aged 8 to 17".
    pub fn describe(&self) -> String {
        let who = match self.audience {
            Audience::InCare => "Children in care",
            Audience::CareLeavers => "Care leavers",
            Audience::Both => "Children in care and care leavers",
        };
        format!("{who} aged {} to {}", self.min_age, self.max_age)
    }

    /// The field at fault and what to do, when the rule cannot be right.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if !(YOUNGEST..=OLDEST).contains(&self.min_age) {
            return Err((
                "min_age",
                format!("The youngest age must be between {YOUNGEST} and {OLDEST}."),
            ));
        }
        if !(YOUNGEST..=OLDEST).contains(&self.max_age) {
            return Err((
                "max_age",
                format!("The oldest age must be between {YOUNGEST} and {OLDEST}."),
            ));
        }
        if self.min_age > self.max_age {
            return Err((
                "max_age",
                "The oldest age must not be below the youngest.".to_owned(),
            ));
        }
        Ok(())
    }
}

/// A space as a young person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpaceView {
    /// Short name used in addresses, such as `positive-journeys`.
    pub id: String,
    pub name: String,
    pub description: String,
    /// "Children in care aged 8 to 17".
    pub who_for: String,
    /// Whether my posts here wait for a grown-up to check them first.
    pub my_posts_are_checked_first: bool,
    /// Who can read what I write here, in plain words (the Children's code).
    pub who_can_read: String,
}

/// A space as an administrator or the participation officer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminSpaceView {
    pub id: String,
    pub name: String,
    pub description: String,
    pub rule: SpaceRule,
    pub who_for: String,
    /// Posts by under-18s wait for approval (on by default).
    pub hold_under_18: bool,
    pub archived: bool,
    pub position: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new space, or a change to one (everything is sent each time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpaceDraft {
    /// Short name for addresses (lower case letters, digits and hyphens).
    /// Only when creating; made from the name when left out. Never changes.
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub rule: SpaceRule,
    #[serde(default = "yes")]
    pub hold_under_18: bool,
    #[serde(default)]
    pub archived: bool,
}

fn yes() -> bool {
    true
}

// ---------------------------------------------------------------------------
// Threads and posts
// ---------------------------------------------------------------------------

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
}

/// A byte range of a text (always on `char` boundaries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
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

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Consultations and quick polls
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PollKind {
    /// One question, a few options.
    Poll,
    /// A question the council wants views on, with room to say more.
    Consultation,
}

impl PollKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PollKind::Poll => "poll",
            PollKind::Consultation => "consultation",
        }
    }

    pub fn parse(s: &str) -> Option<PollKind> {
        [PollKind::Poll, PollKind::Consultation]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OptionResult {
    pub option: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollResults {
    pub answers: u32,
    pub options: Vec<OptionResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyAnswer {
    /// Index into `options`.
    pub option: Option<u32>,
    pub comment: Option<String>,
}

/// A poll or consultation as a young person sees it. Results show once I
/// have answered or it has closed; "you said, we did" once the council has
/// written it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollView {
    pub id: String,
    pub kind: PollKind,
    pub question: String,
    pub description: String,
    pub options: Vec<String>,
    pub allows_comment: bool,
    pub space: Option<String>,
    pub closes_at: DateTime<Utc>,
    pub open: bool,
    pub my_answer: Option<MyAnswer>,
    pub results: Option<PollResults>,
    pub you_said_we_did: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAnswer {
    /// Index into the options (0 is the first). Needed when there are
    /// options.
    #[serde(default)]
    pub option: Option<u32>,
    /// More to say (consultations only).
    #[serde(default)]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerOutcome {
    pub poll: PollView,
    pub help: Option<HarmHelp>,
}

/// A new poll or consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollDraft {
    #[serde(default)]
    pub space: Option<String>,
    pub kind: PollKind,
    pub question: String,
    #[serde(default)]
    pub description: String,
    /// 2 to 10 options; a consultation may have none (comments only).
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub allows_comment: bool,
    pub closes_at: DateTime<Utc>,
}

/// Close a poll now (and, if ready, say what the council did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClosePoll {
    #[serde(default)]
    pub you_said_we_did: Option<String>,
}

/// "You said, we did", shown to young people once the poll has closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollOutcome {
    pub you_said_we_did: String,
}

/// A poll with its results and comments (never who said what).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffPollView {
    pub poll: PollView,
    pub results: PollResults,
    pub comments: Vec<String>,
    pub created_at: DateTime<Utc>,
}

// ---------------------------------------------------------------------------
// Moderation
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Participation figures
// ---------------------------------------------------------------------------

/// A count, or none when it is under [`SUPPRESS_BELOW`] (and not zero), or
/// when showing it would let a small group be worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BandCount {
    pub band: AgeBand,
    pub label: String,
    pub count: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipationFigures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Young people who posted, signed up to an event or answered a poll
    /// or consultation.
    pub took_part: Option<u32>,
    pub by_age_band: Vec<BandCount>,
    pub posted: Option<u32>,
    pub signed_up_to_events: Option<u32>,
    pub answered_polls: Option<u32>,
    /// How to read the figures.
    pub note: String,
}

pub fn band_label(b: AgeBand) -> &'static str {
    match b {
        AgeBand::Under8 => "Under 8",
        AgeBand::From8To11 => "8 to 11",
        AgeBand::From12To17 => "12 to 17",
        AgeBand::From18To25 => "18 to 25",
        AgeBand::Over25 => "Over 25",
    }
}

/// Hides counts from 1 to [`SUPPRESS_BELOW`] - 1. When exactly one count is
/// hidden and the total is shown, the smallest other non-zero count is hidden
/// too, so the hidden one cannot be worked out by subtraction.
pub fn suppress(counts: &[u32]) -> Vec<Option<u32>> {
    let small = |c: u32| c > 0 && c < SUPPRESS_BELOW;
    let mut out: Vec<Option<u32>> = counts
        .iter()
        .map(|&c| if small(c) { None } else { Some(c) })
        .collect();
    if out.iter().filter(|c| c.is_none()).count() == 1 {
        let next = out
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.filter(|&v| v > 0).map(|v| (v, i)))
            .min();
        if let Some((_, i)) = next {
            out[i] = None;
        }
    }
    out
}

/// One count on its own: hidden when small.
pub fn suppress_one(count: u32) -> Option<u32> {
    (count == 0 || count >= SUPPRESS_BELOW).then_some(count)
}

// ---------------------------------------------------------------------------
// Pure rules
// ---------------------------------------------------------------------------

/// Trims, and checks a required text is there and not too long. The error
/// is a message for a person.
pub fn required_text(text: &str, max: usize, what: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("Write {what}."));
    }
    let n = t.chars().count();
    if n > max {
        return Err(format!(
            "This is {n} characters long. Keep {what} to {max} characters or fewer."
        ));
    }
    Ok(t.to_owned())
}

/// Trims an optional text (blank is none) and checks its length.
pub fn optional_text(text: Option<&str>, max: usize) -> Result<Option<String>, String> {
    let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let n = t.chars().count();
    if n > max {
        return Err(format!(
            "This is {n} characters long. Keep it to {max} characters or fewer."
        ));
    }
    Ok(Some(t.to_owned()))
}

/// What should happen to a post, from the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Refused, storing nothing: `field` holds words to change.
    Block {
        field: &'static str,
        words: Vec<String>,
        message: String,
    },
    /// Waits for a moderator.
    Hold {
        reasons: Vec<HoldReason>,
        flagged: bool,
        suggests_harm: bool,
        message: String,
    },
    /// Goes up now; `flagged` shows it to moderators too.
    Publish { flagged: bool },
}

const UNDER_18_MESSAGE: &str = "Thanks! A grown-up checks posts in this space before others see them. You can see yours in \"My posts\" while it waits.";

/// Decides a post from the scans of its title (a new thread) and body.
///
/// Harm first (hold, whatever else is there, so a child in distress gets
/// help rather than a refusal); then any Block-tier word refuses the post;
/// then personal details, Hold-tier words and the under-18 rule hold it.
pub fn decide(
    title: Option<&ScanResult>,
    body: &ScanResult,
    under_18: bool,
    space_holds_under_18: bool,
) -> Decision {
    let scans: Vec<&ScanResult> = title.into_iter().chain(std::iter::once(body)).collect();
    let harm = scans.iter().any(|s| s.suggests_harm);
    let flagged = scans.iter().any(|s| s.flagged);
    if !harm {
        for (field, s) in [("title", title), ("body", Some(body))] {
            let Some(s) = s else { continue };
            if s.verdict == Verdict::Block {
                let mut words: Vec<String> = s
                    .watched
                    .iter()
                    .filter(|m| m.tier == Tier::Block)
                    .map(|m| m.pattern.clone())
                    .collect();
                words.dedup();
                let message = format!(
                    "{} Change: {}.",
                    Tier::Block.message_for_child().unwrap_or_default(),
                    words
                        .iter()
                        .map(|w| format!("\"{w}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                return Decision::Block {
                    field,
                    words,
                    message,
                };
            }
        }
    }
    let mut reasons = vec![];
    if under_18 && space_holds_under_18 {
        reasons.push(HoldReason::Under18);
    }
    if scans.iter().any(|s| !s.personal_details.is_empty()) {
        reasons.push(HoldReason::PersonalDetails);
    }
    if scans
        .iter()
        .any(|s| s.watched.iter().any(|m| m.tier == Tier::Hold))
    {
        reasons.push(HoldReason::WatchedWord);
    }
    if harm {
        reasons.push(HoldReason::SuggestsHarm);
    }
    if reasons.is_empty() {
        return Decision::Publish { flagged };
    }
    let message = if harm {
        text_checks::kind_message_for_harm().to_owned()
    } else if let Some(f) = scans.iter().find_map(|s| s.personal_details.first()) {
        f.kind.message().to_owned()
    } else if reasons.contains(&HoldReason::WatchedWord) {
        Tier::Hold
            .message_for_child()
            .unwrap_or_default()
            .to_owned()
    } else {
        UNDER_18_MESSAGE.to_owned()
    };
    Decision::Hold {
        reasons,
        flagged,
        suggests_harm: harm,
        message,
    }
}

/// Web links in plain text (`http://`, `https://` or `www.`), to show as
/// links. Trailing punctuation is left out of a link.
pub fn find_links(text: &str) -> Vec<TextSpan> {
    let mut out = vec![];
    let mut start = None;
    let flush = |s: usize, e: usize, out: &mut Vec<TextSpan>| {
        let word = &text[s..e];
        let lower = word.to_ascii_lowercase();
        let is_link = lower.starts_with("http://")
            || lower.starts_with("https://")
            || (lower.starts_with("www.") && lower.len() > 4);
        if is_link {
            let trimmed = word.trim_end_matches(['.', ',', '!', '?', ')', ';', ':', '"', '\'']);
            if trimmed.len() > 8 || (lower.starts_with("www.") && trimmed.len() > 4) {
                out.push(TextSpan {
                    start: s,
                    end: s + trimmed.len(),
                });
            }
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                flush(s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        flush(s, text.len(), &mut out);
    }
    out
}

/// Lower-case letters and digits only.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

const RESERVED_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "moderator",
    "staff",
    "council",
    "official",
    "participation",
    "positivejourneys",
    "socialworker",
    "childline",
];

/// Checks a display name a young person chose, and tidies its spaces.
///
/// 3 to 24 characters: letters, digits, spaces, `-`, `_`, `.` and `'`, with
/// at least one letter. Not their real name (unless they are allowed to
/// and chose to), no personal details (a handle, a phone number, a school),
/// no run of 4 digits or more (a year of birth, part of a phone number), no
/// watched word of any tier, nothing that suggests harm, not a name that
/// looks official. The error is a message for the young person.
pub fn check_display_name(
    name: &str,
    preferred_name: &str,
    may_use_real_name: bool,
    watched: &[WatchedWord],
) -> Result<String, String> {
    let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = tidy.chars().count();
    if !(DISPLAY_NAME_MIN_CHARS..=DISPLAY_NAME_MAX_CHARS).contains(&n) {
        return Err(format!(
            "Choose a name of {DISPLAY_NAME_MIN_CHARS} to {DISPLAY_NAME_MAX_CHARS} letters."
        ));
    }
    if !tidy
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '\''))
    {
        return Err("Use letters, numbers, spaces and - _ . ' only in your forum name.".to_owned());
    }
    if !tidy.chars().any(char::is_alphabetic) {
        return Err("Put at least one letter in your forum name.".to_owned());
    }
    let mut run = 0;
    for c in tidy.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 4 {
            return Err(
                "Leave out long numbers: they can be part of a phone number or a birthday."
                    .to_owned(),
            );
        }
    }
    let squashed = squash(&tidy);
    let real = squash(preferred_name);
    if !may_use_real_name && real.chars().count() >= 2 && squashed.contains(&real) {
        return Err(
            "This looks like your real name. To keep you safe, choose a name that is not your real one."
                .to_owned(),
        );
    }
    if RESERVED_NAMES.iter().any(|r| squashed.contains(r)) {
        return Err("Choose a name that does not sound like staff or the council.".to_owned());
    }
    let scan = text_checks::scan(&tidy, watched);
    if !scan.personal_details.is_empty() {
        return Err(
            "This looks like a way to find you (a handle, a number or a place). Choose a name that does not say who or where you are."
                .to_owned(),
        );
    }
    if !scan.watched.is_empty() || scan.suggests_harm {
        return Err("Choose a kinder name.".to_owned());
    }
    Ok(tidy)
}

/// The key that keeps display names unique within a council.
pub fn display_name_key(name: &str) -> String {
    squash(name)
}

/// A slug for a space made from its name.
pub fn slug_of(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// Whether a slug is well formed.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text_checks::{default_watched_words, scan};

    fn summary(age: u32, in_care: bool, cat: CareLeaverCategory) -> CareSummary {
        CareSummary {
            age,
            age_band: AgeBand::From12To17,
            category: cat,
            looked_after_now: in_care,
        }
    }

    fn pj() -> SpaceRule {
        SpaceRule {
            min_age: 8,
            max_age: 17,
            audience: Audience::InCare,
        }
    }

    fn seniors() -> SpaceRule {
        SpaceRule {
            min_age: 16,
            max_age: 25,
            audience: Audience::CareLeavers,
        }
    }

    #[test]
    fn spaces_admit_by_age_and_status() {
        use CareLeaverCategory as C;
        let leo = summary(10, true, C::None);
        let aisha = summary(14, true, C::None);
        let tyler = summary(17, true, C::Eligible);
        let priya = summary(19, false, C::FormerRelevant);
        let marcus = summary(23, false, C::FormerRelevant);
        let mia = summary(7, true, C::None);
        assert!(pj().admits(&leo) && !seniors().admits(&leo));
        assert!(pj().admits(&aisha) && !seniors().admits(&aisha));
        assert!(pj().admits(&tyler) && seniors().admits(&tyler));
        assert!(!pj().admits(&priya) && seniors().admits(&priya));
        assert!(!pj().admits(&marcus) && seniors().admits(&marcus));
        assert!(!pj().admits(&mia) && !seniors().admits(&mia));
        // A 16-year-old who was never looked after long enough is not a
        // care leaver; a relevant 17-year-old (left care) is.
        assert!(!seniors().admits(&summary(16, true, C::None)));
        assert!(seniors().admits(&summary(17, false, C::Relevant)));
        let both = SpaceRule {
            audience: Audience::Both,
            ..seniors()
        };
        assert!(both.admits(&summary(16, true, C::None)));
        assert!(!both.admits(&summary(20, false, C::None)));
    }

    #[test]
    fn rules_are_checked_and_described() {
        assert_eq!(pj().describe(), "Children in care aged 8 to 17");
        assert!(pj().check().is_ok());
        let bad = SpaceRule {
            min_age: 18,
            max_age: 10,
            audience: Audience::Both,
        };
        assert_eq!(bad.check().err().map(|e| e.0), Some("max_age"));
        let young = SpaceRule { min_age: 2, ..pj() };
        assert_eq!(young.check().err().map(|e| e.0), Some("min_age"));
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
        }
    }

    #[test]
    fn decisions() {
        let words = default_watched_words();
        let clean = scan("We went bowling, it was great", &words);
        assert_eq!(
            decide(None, &clean, false, true),
            Decision::Publish { flagged: false }
        );
        // Under 18 in a space that checks first.
        match decide(None, &clean, true, true) {
            Decision::Hold { reasons, .. } => assert_eq!(reasons, vec![HoldReason::Under18]),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            decide(None, &clean, true, false),
            Decision::Publish { flagged: false }
        );
        // A phone number holds, and says why.
        let phone = scan("text me on 07700 900123", &words);
        match decide(None, &phone, false, true) {
            Decision::Hold {
                reasons, message, ..
            } => {
                assert_eq!(reasons, vec![HoldReason::PersonalDetails]);
                assert!(message.contains("phone number"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        // A block word in the title refuses, naming the title.
        let title = scan("you retard", &words);
        match decide(Some(&title), &clean, false, true) {
            Decision::Block {
                field,
                words,
                message,
            } => {
                assert_eq!(field, "title");
                assert_eq!(words, vec!["retard".to_owned()]);
                assert!(message.contains("\"retard\""));
            }
            other => panic!("{other:?}"),
        }
        // Harm wins over a block word.
        let harm = scan("I want to die, retard", &words);
        match decide(None, &harm, false, true) {
            Decision::Hold {
                reasons,
                suggests_harm,
                message,
                ..
            } => {
                assert!(suggests_harm);
                assert!(reasons.contains(&HoldReason::SuggestsHarm));
                assert!(message.contains("0800 1111"));
            }
            other => panic!("{other:?}"),
        }
        // Flag publishes, flagged.
        let flag = scan("that film was stupid", &words);
        assert_eq!(
            decide(None, &flag, false, true),
            Decision::Publish { flagged: true }
        );
    }

    #[test]
    fn display_names() {
        let w = default_watched_words();
        assert_eq!(
            check_display_name("  Blue   Fox ", "Aisha", false, &w),
            Ok("Blue Fox".to_owned())
        );
        assert!(check_display_name("Aisha", "Aisha", false, &w).is_err());
        assert!(check_display_name("aisha_14", "Aisha", false, &w).is_err());
        assert!(check_display_name("Marcus", "Marcus", true, &w).is_ok());
        assert!(check_display_name("ab", "Leo", false, &w).is_err());
        assert!(check_display_name(&"x".repeat(25), "Leo", false, &w).is_err());
        assert!(check_display_name("Fox 2011", "Leo", false, &w).is_err());
        assert!(check_display_name("@foxy", "Leo", false, &w).is_err());
        assert!(check_display_name("foxy<script>", "Leo", false, &w).is_err());
        assert!(check_display_name("Stupid Fox", "Leo", false, &w).is_err());
        assert!(check_display_name("The Moderator", "Leo", false, &w).is_err());
        assert!(check_display_name("12345", "Leo", false, &w).is_err());
        assert!(check_display_name("Star 12", "Leo", false, &w).is_ok());
        assert_eq!(display_name_key("Blue Fox"), display_name_key("blue-fox"));
    }

    #[test]
    fn links_are_found_not_fetched() {
        let t = "see https://example.org/a?b=1, and www.bexley.gov.uk. not a.link";
        let spans = find_links(t);
        let words: Vec<&str> = spans.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            words,
            vec!["https://example.org/a?b=1", "www.bexley.gov.uk"]
        );
        assert!(find_links("http:// www.").is_empty());
        assert!(find_links("😀 https://x.org/😀").len() == 1);
    }

    #[test]
    fn small_numbers_are_suppressed() {
        assert_eq!(suppress(&[10, 3, 0]), vec![None, None, Some(0)]);
        assert_eq!(
            suppress(&[10, 3, 7, 20]),
            vec![Some(10), None, None, Some(20)]
        );
        assert_eq!(suppress(&[1, 2, 30]), vec![None, None, Some(30)]);
        assert_eq!(suppress(&[5, 6]), vec![Some(5), Some(6)]);
        assert_eq!(suppress_one(4), None);
        assert_eq!(suppress_one(0), Some(0));
        assert_eq!(suppress_one(5), Some(5));
    }

    #[test]
    fn names_round_trip() {
        for s in PostStatus::ALL {
            assert_eq!(PostStatus::parse(s.as_str()), Some(s));
        }
        for a in ModAction::ALL {
            assert_eq!(ModAction::parse(a.as_str()), Some(a));
        }
        for k in EventKind::ALL {
            assert_eq!(EventKind::parse(k.as_str()), Some(k));
        }
        let r = [HoldReason::Under18, HoldReason::SuggestsHarm];
        assert_eq!(HoldReason::split(&HoldReason::join(&r)), r.to_vec());
        assert_eq!(
            slug_of("Positive Journeys: Seniors!"),
            "positive-journeys-seniors"
        );
        assert!(is_slug("positive-journeys") && !is_slug("-x") && !is_slug("A"));
    }
}
