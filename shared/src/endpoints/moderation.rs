//! Moderating Positive Journeys: the queue, threads, suspensions, watched words, the log, spaces and figures.

use super::prelude::*;
use super::ToQuery;
use serde::{Deserialize, Serialize};

endpoints! {
    /// Posts waiting (words suggesting harm first), posts up with a flagged word, and reported posts with copies of what was reported; with what the checks found, to highlight
    Queue: GET "/api/forum/moderation/queue" () -> crate::forum::ModerationQueue, Ability(Ability::ModerateForum);
    /// Up now; an edit keeps the original in the moderation log and the author is told
    Approve: POST "/api/forum/moderation/posts/{post}/approve" (post) body crate::forum::Approve, -> crate::forum::ModPostView, Ability(Ability::ModerateForum);
    /// Not put up; the author is told the reason
    Reject: POST "/api/forum/moderation/posts/{post}/reject" (post) body crate::forum::ModReason, -> crate::forum::ModPostView, Ability(Ability::ModerateForum);
    /// Taken down; its reports are resolved and the author told why
    Remove: POST "/api/forum/moderation/posts/{post}/remove" (post) body crate::forum::ModReason, -> crate::forum::ModPostView, Ability(Ability::ModerateForum);
    /// Left up; its flag is closed and its reports resolved
    Keep: POST "/api/forum/moderation/posts/{post}/keep" (post) body crate::forum::Keep, -> crate::forum::ModPostView, Ability(Ability::ModerateForum);
    /// Threads in every state, newest first
    ModThreads: GET "/api/forum/moderation/threads" () query ModThreadsQuery, -> crate::forum::ThreadPage, Ability(Ability::ModerateForum);
    /// The thread with every post in every state
    ModThread: GET "/api/forum/moderation/threads/{thread}" (thread) query super::forum::AfterQuery, -> crate::forum::ModThreadView, Ability(Ability::ModerateForum);
    /// Locked (nobody can reply) or unlocked
    Lock: POST "/api/forum/moderation/threads/{thread}/lock" (thread) body crate::forum::LockThread, -> crate::forum::ModThreadView, Ability(Ability::ModerateForum);
    /// Stopped from posting until then (or, with 0 days, allowed again); they are told why
    Suspend: POST "/api/forum/moderation/members/{member}/suspension" (member) body crate::forum::Suspend, -> crate::forum::SuspensionView, Ability(Ability::ModerateForum);
    /// The council's watched words (block, hold for approval, flag)
    WatchedWords: GET "/api/forum/moderation/watched-words" () -> crate::forum::WatchedWords, Ability(Ability::ModerateForum);
    /// The whole list, replaced; the log says what was added and taken out
    SetWatchedWords: PUT "/api/forum/moderation/watched-words" () body crate::forum::WatchedWords, -> crate::forum::WatchedWords, Ability(Ability::ModerateForum);
    /// Who hit a posting limit lately (forum names only), newest first
    FloodHits: GET "/api/forum/moderation/flood-hits" () -> Vec<crate::forum::FloodHitView>, Ability(Ability::ModerateForum);
    /// Every moderation action, newest first: who, what, when, why (it cannot be changed)
    Log: GET "/api/forum/moderation/log" () query LogQuery, -> crate::forum::ModLogPage, Ability(Ability::ReadModerationLog);
    /// Every space with its rule, archived ones too
    AdminSpaces: GET "/api/forum/admin/spaces" () -> Vec<crate::forum::AdminSpaceView>, Ability(Ability::ManageForumSpaces);
    /// Made
    CreateSpace: POST "/api/forum/admin/spaces" () body crate::forum::SpaceDraft, -> crate::forum::AdminSpaceView, Ability(Ability::ManageForumSpaces);
    /// Changed (its id stays)
    UpdateSpace: PUT "/api/forum/admin/spaces/{space}" (space) body crate::forum::SpaceDraft, -> crate::forum::AdminSpaceView, Ability(Ability::ManageForumSpaces);
    /// How many took part, by age band, no names; groups under 5 hidden
    Participation: GET "/api/forum/participation" () query FiguresQuery, -> crate::forum::ParticipationFigures, Ability(Ability::ReadParticipationFigures);
}

/// Threads for a moderator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct ModThreadsQuery {
    /// Only this space's (its id).
    pub space: Option<String>,
    pub before: Option<String>,
    pub limit: Option<u64>,
}

impl ToQuery for ModThreadsQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("space", self.space.as_ref().map(ToString::to_string)),
            ("before", self.before.as_ref().map(ToString::to_string)),
            ("limit", self.limit.as_ref().map(ToString::to_string)),
        ]
    }
}

/// The moderation log.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct LogQuery {
    /// Only about this post.
    pub post: Option<String>,
    pub before: Option<String>,
    pub limit: Option<u64>,
}

impl ToQuery for LogQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("post", self.post.as_ref().map(ToString::to_string)),
            ("before", self.before.as_ref().map(ToString::to_string)),
            ("limit", self.limit.as_ref().map(ToString::to_string)),
        ]
    }
}

/// A period for participation figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct FiguresQuery {
    /// First day (a year before `to` when left out).
    pub from: Option<chrono::NaiveDate>,
    /// Last day (today when left out).
    pub to: Option<chrono::NaiveDate>,
}

impl ToQuery for FiguresQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("from", self.from.as_ref().map(ToString::to_string)),
            ("to", self.to.as_ref().map(ToString::to_string)),
        ]
    }
}
