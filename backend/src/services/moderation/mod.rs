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

mod figures;
mod flood_hits;
mod mod_log;
mod posts;
mod queue;
mod spaces;
mod threads;
mod watched_words;

pub use figures::participation;
pub use flood_hits::flood_hits;
pub use mod_log::log;
pub use posts::{approve, keep, reject, remove};
pub use queue::queue;
pub use spaces::{admin_spaces, create_space, update_space};
pub use threads::{lock, suspend, thread_for_moderation, threads_for_moderation};
pub use watched_words::{get_watched_words, set_watched_words};

use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::moderation::Entry;
use crate::repo::notifications;
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::forum::ModAction;

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
