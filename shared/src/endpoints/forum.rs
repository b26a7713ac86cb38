//! Positive Journeys forum for young people: spaces, conversations, replies, reports and blocks.

use super::prelude::*;
use super::ToQuery;
use serde::{Deserialize, Serialize};

endpoints! {
    /// My forum name, whether I can post, and the spaces my age and status allow
    ForumMe: GET "/api/forum/me" () -> crate::forum::MyForum, Ability(Ability::TakePart);
    /// Changed
    SetDisplayName: PUT "/api/forum/me/display-name" () body crate::forum::DisplayNameChange, -> crate::forum::MyForum, Ability(Ability::TakePart);
    /// My posts, newest first, with what happened to each (waiting, up, not put up, taken down) and any words from a moderator
    MyPosts: GET "/api/forum/me/posts" () query BeforeQuery, -> Vec<crate::forum::MyPost>, Ability(Ability::TakePart);
    /// The spaces my age and status allow, each saying who can read it
    Spaces: GET "/api/forum/spaces" () -> Vec<crate::forum::SpaceView>, Ability(Ability::TakePart);
    /// Threads, newest first (with my own waiting ones); none by people I blocked
    SpaceThreads: GET "/api/forum/spaces/{space}/threads" (space) query BeforeQuery, -> crate::forum::ThreadPage, Ability(Ability::TakePart);
    /// Posted: up now, or waiting for a grown-up (and why); with help when my words suggest I may be at risk
    StartThread: POST "/api/forum/spaces/{space}/threads" (space) body crate::forum::NewThread, -> crate::forum::PostOutcome, Ability(Ability::TakePart);
    /// The thread and a page of its posts, oldest first, and whether I can reply
    Thread: GET "/api/forum/threads/{thread}" (thread) query AfterQuery, -> crate::forum::ThreadView, Ability(Ability::TakePart);
    /// Posted: up now, or waiting for a grown-up
    Reply: POST "/api/forum/threads/{thread}/replies" (thread) body crate::forum::NewReply, -> crate::forum::PostOutcome, Ability(Ability::TakePart);
    /// Deleted (a first post takes its thread with it)
    DeletePost: DELETE "/api/forum/posts/{post}" (post) -> (), Ability(Ability::TakePart);
    /// Reported; a copy of the post as it is now is kept for the moderator
    Report: POST "/api/forum/posts/{post}/report" (post) body crate::forum::NewReport, -> crate::forum::ReportReceipt, Ability(Ability::TakePart);
    /// People I have blocked (by forum name)
    Blocks: GET "/api/forum/blocks" () -> Vec<crate::forum::BlockView>, Ability(Ability::TakePart);
    /// Blocked: I will not see their posts (they are not told)
    AddBlock: POST "/api/forum/blocks" () body crate::forum::NewBlock, -> crate::forum::BlockView, Ability(Ability::TakePart);
    /// Unblocked
    Unblock: DELETE "/api/forum/blocks/{block}" (block) -> (), Ability(Ability::TakePart);
}

/// A page of a list, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct BeforeQuery {
    /// The `next` of the page before.
    pub before: Option<String>,
    /// How many (1 to 50; 20 when left out).
    pub limit: Option<u64>,
}

impl ToQuery for BeforeQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("before", self.before.as_ref().map(ToString::to_string)),
            ("limit", self.limit.as_ref().map(ToString::to_string)),
        ]
    }
}

/// A page of a thread's posts, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct AfterQuery {
    /// The `next` of the page before.
    pub after: Option<String>,
    /// How many (1 to 50; 20 when left out).
    pub limit: Option<u64>,
}

impl ToQuery for AfterQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("after", self.after.as_ref().map(ToString::to_string)),
            ("limit", self.limit.as_ref().map(ToString::to_string)),
        ]
    }
}
