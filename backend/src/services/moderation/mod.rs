//! Keeping Positive Journeys safe: the participation officer's queue and
//! actions, the council's watched words and spaces, the moderation log
//! (append-only; managers read it) and anonymous participation figures.
//!
//! Moderation states of a post (`shared::forum::PostStatus`):
//!
//! ```text
//!   posted ──(checks pass)──────────────► published ──remove──► removed
//!      │                                    ▲    │  ╰─keep (flag/reports)
//!      ╰─(held: under 18, details,          │    ╰─author deletes─► deleted
//!         hold word, harm)──► pending ──approve (as is, or edited)
//!                                │
//!                                ├─reject (kind reason)──► rejected
//!                                ╰─author deletes──────────► deleted
//! ```
//!
//! Every move is one conditional UPDATE on the post's current status, so
//! two moderators acting at once cannot both win (the second gets 409).
//! Each action writes its moderation log entry and tells the author in the
//! same transaction. Moderators see display names only, never real names
//! or anything from the case record.

mod queue;
mod posts;
mod threads;
mod watched_words;
mod mod_log;
mod spaces;
mod figures;

pub use queue::{queue};
pub use posts::{approve, reject, remove, keep};
pub use threads::{lock, suspend, threads_for_moderation, thread_for_moderation};
pub use watched_words::{get_watched_words, set_watched_words};
pub use mod_log::{log};
pub use spaces::{admin_spaces, create_space, update_space};
pub use figures::{participation};

use crate::access;
use crate::auth::Caller;
use crate::entities::{
    forum_member as member, forum_post as post, forum_space as space, forum_thread as thread,
};
use crate::error::ApiError;
use crate::repo::forum::{self as repo, Viewer};
use crate::repo::moderation::{self as modlog, Entry};
use crate::repo::{councils, events as events_repo, notifications, people};
use crate::services::forum::{
    account_of_member, is_unique_violation, optional_field, page_size, required_field, rule_of,
    status_of, thread_summary, watched_words, MY_POSTS_LINK,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};
use shared::access::Ability;
use shared::forum::{
    band_label, display_name_key, find_links, is_slug, slug_of, suppress, suppress_one,
    AdminSpaceView, Approve, BandCount, HoldReason, Keep, LockThread, ModAction, ModLogEntry,
    ModLogPage, ModPostView, ModReason, ModThreadView, ModerationQueue, ParticipationFigures,
    PostStatus, QueueItem, ReportView, SpaceDraft, Suspend, SuspensionView, ThreadPage,
    WatchedWord, WatchedWords, BODY_MAX_CHARS, DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS,
    REASON_MAX_CHARS, SUSPENSION_DAYS_MAX, TITLE_MAX_CHARS, WATCHED_WORDS_MAX,
    WATCHED_WORD_MAX_CHARS,
};
use shared::people::{AgeBand, Role};
use shared::text_checks::scan;

fn staff_entry<'a>(caller: &'a Caller, action: ModAction) -> Entry<'a> {
    Entry {
        actor_account_id: Some(caller.account_id),
        actor_role: Some(caller.role.as_str()),
        actor_name: Some(&caller.display_name),
        ..Entry::new(caller.authority_id, action)
    }
}

async fn tell(
    db: &impl ConnectionTrait,
    account_id: Option<i32>,
    kind: &str,
    body: &str,
    link: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if let Some(account_id) = account_id {
        notifications::add(
            db,
            notifications::NewNotification {
                account_id,
                kind,
                title: "You have an update",
                body,
                link,
                urgent: false,
            },
            now,
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn moderation_actions_have_distinct_names() {
        let all = shared::forum::ModAction::ALL;
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.as_str(), b.as_str());
            }
        }
    }
}
