//! Moderating threads and members: locking a conversation, suspending a
//! member, and threads as moderators see them.

use super::queue::Context;
use super::{staff_entry, tell};
use crate::access;
use crate::caller::Caller;
use crate::entities::forum_space as space;
use crate::error::ApiError;
use crate::repo::councils;
use crate::repo::forum::{self as repo, Viewer};
use crate::repo::moderation::{self as modlog, Entry};
use crate::services::forum::{account_of_member, page_size, required_field, thread_summary};
use chrono::{Duration, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::access::Ability;
use shared::forum::{
    LockThread, ModAction, ModThreadView, Suspend, SuspensionView, ThreadPage, REASON_MAX_CHARS,
    SUSPENSION_DAYS_MAX,
};

pub async fn lock(
    db: &DatabaseConnection,
    caller: &Caller,
    thread_public_id: &str,
    l: &LockThread,
) -> Result<ModThreadView, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    let t = repo::thread_by_public_id(db, caller.authority_id, thread_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let reason = required_field("reason", &l.reason, REASON_MAX_CHARS, "a reason")?;
    let now = Utc::now();
    let txn = db.begin().await?;
    if !repo::set_thread_lock(&txn, t.id, l.locked, l.locked.then_some(reason.as_str())).await? {
        return Err(ApiError::Conflict(
            if l.locked {
                "This conversation is locked already."
            } else {
                "This conversation is not locked."
            }
            .to_owned(),
        ));
    }
    modlog::record(
        &txn,
        Entry {
            thread_id: Some(t.id),
            member_id: Some(t.author_member_id),
            reason: Some(&reason),
            ..staff_entry(
                caller,
                if l.locked {
                    ModAction::Locked
                } else {
                    ModAction::Unlocked
                },
            )
        },
        now,
    )
    .await?;
    txn.commit().await?;
    thread_for_moderation(db, caller, thread_public_id, None, None).await
}

/// Stops a young person posting for a number of days, with a reason they
/// see; 0 days lets them post again.
pub async fn suspend(
    db: &DatabaseConnection,
    caller: &Caller,
    member_public_id: &str,
    s: &Suspend,
) -> Result<SuspensionView, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    let m = repo::member_by_public_id(db, caller.authority_id, member_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if s.days < 0 || s.days > i64::from(SUSPENSION_DAYS_MAX) {
        return Err(ApiError::validation(
            "days",
            format!("Choose from 1 to {SUSPENSION_DAYS_MAX} days, or 0 to let them post again."),
        ));
    }
    let reason = required_field(
        "reason",
        &s.reason,
        REASON_MAX_CHARS,
        "a reason (the young person will read it)",
    )?;
    let now = Utc::now();
    let account = account_of_member(db, &m).await?;
    let council = councils::by_id(db, caller.authority_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let tz = crate::push::quiet::zone(&council.time_zone);
    let txn = db.begin().await?;
    let (until, action, told) = if s.days == 0 {
        if m.suspended_until.is_none_or(|u| u <= now) {
            return Err(ApiError::Conflict(
                "They are not stopped from posting.".to_owned(),
            ));
        }
        repo::set_suspension(&txn, m.id, None, None, now).await?;
        (
            None,
            ModAction::SuspensionLifted,
            format!("You can post in Positive Journeys again. {reason}"),
        )
    } else {
        let until = now + Duration::days(s.days);
        repo::set_suspension(&txn, m.id, Some(until), Some(&reason), now).await?;
        (
            Some(until),
            ModAction::Suspended,
            format!(
                "You can't post in Positive Journeys until {}. {reason} You can still read, and you can talk to your worker about it.",
                until.with_timezone(&tz).format("%A %-d %B")
            ),
        )
    };
    let logged = match until {
        Some(u) => format!("{reason} (until {})", u.format("%Y-%m-%d %H:%M UTC")),
        None => reason.clone(),
    };
    modlog::record(
        &txn,
        Entry {
            member_id: Some(m.id),
            reason: Some(&logged),
            ..staff_entry(caller, action)
        },
        now,
    )
    .await?;
    tell(&txn, account, "forum_suspension", &told, "/forum", now).await?;
    txn.commit().await?;
    Ok(SuspensionView {
        member_id: m.public_id,
        display_name: m.display_name,
        suspended_until: until,
        reason: until.map(|_| reason),
    })
}

/// Threads for a moderator, newest first: every state, optionally one
/// space's.
pub async fn threads_for_moderation(
    db: &DatabaseConnection,
    caller: &Caller,
    space_slug: Option<&str>,
    before: Option<&str>,
    limit: Option<u64>,
) -> Result<ThreadPage, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    let spaces = repo::spaces(db, caller.authority_id, true).await?;
    let chosen: Vec<&space::Model> = match space_slug.filter(|s| !s.is_empty()) {
        Some(slug) => vec![spaces
            .iter()
            .find(|s| s.slug == slug)
            .ok_or_else(|| ApiError::validation("space", "There is no space with that id."))?],
        None => spaces.iter().collect(),
    };
    let limit = page_size(limit);
    let cursor = match before.filter(|c| !c.is_empty()) {
        Some(c) => Some(
            repo::thread_by_public_id(db, caller.authority_id, c)
                .await?
                .map(|t| (t.created_at, t.id))
                .ok_or_else(|| ApiError::validation("before", "That page marker is not right."))?,
        ),
        None => None,
    };
    let mut rows = vec![];
    for s in &chosen {
        rows.extend(repo::thread_page(db, s.id, Viewer::Moderator, cursor, limit + 1).await?);
    }
    rows.sort_by_key(|t| std::cmp::Reverse((t.created_at, t.id)));
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let mut mids: Vec<i32> = rows.iter().map(|t| t.author_member_id).collect();
    mids.sort_unstable();
    mids.dedup();
    let members = repo::members_by_ids(db, &mids).await?;
    let slug = |id: i32| {
        spaces
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.slug.clone())
            .unwrap_or_default()
    };
    Ok(ThreadPage {
        next: more
            .then(|| rows.last().map(|t| t.public_id.clone()))
            .flatten(),
        threads: rows
            .iter()
            .map(|t| thread_summary(t, &slug(t.space_id), &members, None))
            .collect::<Result<_, _>>()?,
    })
}

/// A thread with every post in every state.
pub async fn thread_for_moderation(
    db: &DatabaseConnection,
    caller: &Caller,
    thread_public_id: &str,
    after: Option<&str>,
    limit: Option<u64>,
) -> Result<ModThreadView, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    let t = repo::thread_by_public_id(db, caller.authority_id, thread_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let limit = page_size(limit);
    let cursor = match after.filter(|c| !c.is_empty()) {
        Some(c) => Some(
            repo::post_by_public_id(db, caller.authority_id, c)
                .await?
                .map(|p| (p.created_at, p.id))
                .ok_or_else(|| ApiError::validation("after", "That page marker is not right."))?,
        ),
        None => None,
    };
    let mut rows = repo::post_page(db, t.id, Viewer::Moderator, cursor, limit + 1).await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let ctx = Context::load(db, caller.authority_id, &rows, std::slice::from_ref(&t)).await?;
    Ok(ModThreadView {
        thread: thread_summary(&t, &ctx.slug(t.space_id), &ctx.members, None)?,
        lock_reason: t.lock_reason.clone(),
        posts: rows.iter().map(|p| ctx.view(p)).collect::<Result<_, _>>()?,
        next: more
            .then(|| rows.last().map(|p| p.public_id.clone()))
            .flatten(),
    })
}
