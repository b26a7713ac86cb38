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
//!
//! Layout: `spaces`, `posts`, `events`, `polls` and `moderation` hold the
//! API bodies of each part; `decide`, `display_names`, `links` and `figures`
//! the rules; `limits` the sizes they all check.

mod decide;
mod display_names;
mod events;
mod figures;
mod flood;
mod limits;
mod links;
mod moderation;
mod polls;
mod posts;
mod spaces;

#[cfg(test)]
mod tests;

pub use decide::{decide, Decision};
#[cfg(feature = "confusables")]
pub use display_names::display_name_skeleton;
pub use display_names::{check_display_name, display_name_key};
pub use events::{
    EventDraft, EventKind, EventView, NewSignUp, SignUpOutcome, SignUpRow, SignupStatus,
    StaffEventView,
};
pub use figures::{band_label, suppress, suppress_one, BandCount, ParticipationFigures};
pub use flood::{
    flood_message, flood_text_key, flood_wait, gap_wait, hit_summary, wait_words, FloodHitView,
    FloodKind, FloodLimits, LimitKind, Window, FLOOD_GAP_MAX_SECS, FLOOD_PER_DAY_MAX,
    FLOOD_PER_HOUR_MAX, REPORT_WINDOW, REQUEST_WINDOW,
};
pub use limits::{
    optional_text, required_text, BODY_MAX_CHARS, CHILDLINE_PHONE, DESCRIPTION_MAX_CHARS,
    DISPLAY_NAME_MAX_CHARS, DISPLAY_NAME_MIN_CHARS, LOCATION_MAX_CHARS, NAME_MAX_CHARS, OLDEST,
    PAGE_DEFAULT, PAGE_MAX, POLL_OPTIONS_MAX, POLL_OPTION_MAX_CHARS, REASON_MAX_CHARS,
    SUPPRESS_BELOW, SUSPENSION_DAYS_MAX, TITLE_MAX_CHARS, WATCHED_WORDS_MAX,
    WATCHED_WORD_MAX_CHARS, YOUNGEST,
};
pub use links::{find_links, TextSpan};
pub use moderation::{
    Approve, Keep, LockThread, ModAction, ModLogEntry, ModLogPage, ModPostView, ModReason,
    ModThreadView, ModerationQueue, QueueItem, ReportStatus, ReportView, Suspend, SuspensionView,
    WatchedWords,
};
pub use polls::{
    AnswerOutcome, ClosePoll, MyAnswer, NewAnswer, OptionResult, PollDraft, PollKind, PollOutcome,
    PollResults, PollView, StaffPollView,
};
pub use posts::{
    BlockView, DisplayNameChange, HarmHelp, HoldReason, MyForum, MyPost, NewBlock, NewReply,
    NewReport, NewThread, PostOutcome, PostStatus, PostView, ReportReceipt, ThreadPage,
    ThreadSummary, ThreadView,
};
pub use spaces::{
    is_care_leaver, is_slug, slug_of, AdminSpaceView, Audience, SpaceDraft, SpaceRule, SpaceView,
};

pub use crate::text_checks::WatchedWord;
