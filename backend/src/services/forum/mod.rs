//! Positive Journeys for young people: the spaces their age and status
//! allow, threads and replies checked as they are posted, their own posts
//! and what happened to them, reports, blocks and their display name.
//!
//! What happens to a post is [`shared::forum::decide`] over
//! [`shared::text_checks::scan`] with the council's watched words: a Block
//! word refuses it (422, nothing stored); harm, personal details, a Hold
//! word or the under-18 rule of the space hold it for approval; words that
//! suggest harm also alert the young person's named worker (urgent, in the
//! same transaction) and answer the young person with Childline and the
//! council's duty desk.

mod blocks;
mod harm;
mod look_alike;
mod members;
mod posting;
mod reading;
mod reports;

pub use blocks::{block, blocks, unblock};
pub use harm::{alert_harm, harm_help, harm_phrases};
pub use members::{my_forum, names_or_role, participant, set_display_name, spaces, Participant};
pub use posting::{delete_own, reply, start_thread};
pub use reading::{my_posts, thread, thread_summary, threads};
pub use reports::report;

use crate::entities::{forum_member as member, forum_space as space, local_authority};
use crate::error::ApiError;
use crate::repo::forum as repo;
use crate::repo::people;
use chrono::Utc;
use sea_orm::{ConnectionTrait, DbErr, SqlErr};
use shared::forum::{SpaceRule, WatchedWord, PAGE_DEFAULT, PAGE_MAX};
use shared::text_checks::default_watched_words;

/// Where young people's notifications about the forum open in the app.
pub const MY_POSTS_LINK: &str = "/forum/my-posts";
pub const MODERATION_LINK: &str = "/staff/forum/moderation";

pub fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// The rule of a stored space; none when it cannot be read (nobody is let
/// in rather than everybody).
pub fn rule_of(s: &space::Model) -> Result<SpaceRule, ApiError> {
    let age = |column, v: i32| {
        ApiError::stored("forum_space", column, &v.to_string(), |t| {
            t.parse::<u32>().ok()
        })
    };
    Ok(SpaceRule {
        min_age: age("min_age", s.min_age)?,
        max_age: age("max_age", s.max_age)?,
        audience: s.audience()?,
    })
}

/// Today in the council's time zone.
pub fn council_today(council: &local_authority::Model) -> chrono::NaiveDate {
    Utc::now()
        .with_timezone(&crate::push::quiet::zone(&council.time_zone))
        .date_naive()
}

/// The council's watched words: its own list once set up, the defaults
/// before.
pub async fn watched_words(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<WatchedWord>, ApiError> {
    let (words, set) = repo::watched_words(db, authority_id).await?;
    Ok(if set { words } else { default_watched_words() })
}

/// A page size from the query.
pub fn page_size(limit: Option<u64>) -> u64 {
    limit.unwrap_or(PAGE_DEFAULT).clamp(1, PAGE_MAX)
}

fn bad_cursor(field: &str) -> ApiError {
    ApiError::validation(
        field,
        "That page marker is not one we gave out. Start from the first page.",
    )
}

/// The free-text checks every field uses, under the names the forum
/// services know them by.
pub use crate::services::free_text::{optional as optional_field, required as required_field};

/// The young person's account, to tell them something.
pub async fn account_of_member(
    db: &impl ConnectionTrait,
    m: &member::Model,
) -> Result<Option<i32>, ApiError> {
    Ok(people::by_id(db, m.young_person_id)
        .await?
        .and_then(|y| y.account_id))
}
