//! The moderation log, append-only, as managers read it.

use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::forum as repo;
use crate::repo::moderation as modlog;
use crate::services::forum::page_size;
use sea_orm::DatabaseConnection;
use shared::access::Ability;
use shared::forum::{ModLogEntry, ModLogPage};
use shared::people::Role;

// --------------------------------------------------------------------- log

/// The moderation log, newest first. Only about one post when asked.
pub async fn log(
    db: &DatabaseConnection,
    caller: &Caller,
    post_public_id: Option<&str>,
    before: Option<&str>,
    limit: Option<u64>,
) -> Result<ModLogPage, ApiError> {
    access::require(caller, Ability::ReadModerationLog)?;
    let a = caller.authority_id;
    let post_id = match post_public_id.filter(|p| !p.is_empty()) {
        Some(pid) => Some(
            repo::post_by_public_id(db, a, pid)
                .await?
                .ok_or_else(|| ApiError::validation("post", "There is no post with that id."))?
                .id,
        ),
        None => None,
    };
    let cursor = match before.filter(|c| !c.is_empty()) {
        Some(c) => Some(
            modlog::by_public_id(db, a, c)
                .await?
                .map(|e| (e.at, e.id))
                .ok_or_else(|| ApiError::validation("before", "That page marker is not right."))?,
        ),
        None => None,
    };
    let limit = page_size(limit);
    let mut rows = modlog::page(db, a, post_id, cursor, limit + 1).await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let mut pids: Vec<i64> = rows.iter().filter_map(|r| r.post_id).collect();
    pids.sort_unstable();
    pids.dedup();
    let posts = repo::posts_by_ids(db, &pids).await?;
    let mut tids: Vec<i64> = rows.iter().filter_map(|r| r.thread_id).collect();
    tids.sort_unstable();
    tids.dedup();
    let threads = repo::threads_by_ids(db, &tids).await?;
    let mut mids: Vec<i32> = rows.iter().filter_map(|r| r.member_id).collect();
    mids.sort_unstable();
    mids.dedup();
    let members = repo::members_by_ids(db, &mids).await?;
    Ok(ModLogPage {
        next: more
            .then(|| rows.last().map(|r| r.public_id.clone()))
            .flatten(),
        entries: rows
            .into_iter()
            .map(|r| {
                Ok(ModLogEntry {
                    action: r.action()?,
                    post_id: r.post_id.and_then(|id| {
                        posts
                            .iter()
                            .find(|p| p.id == id)
                            .map(|p| p.public_id.clone())
                    }),
                    thread_id: r.thread_id.and_then(|id| {
                        threads
                            .iter()
                            .find(|t| t.id == id)
                            .map(|t| t.public_id.clone())
                    }),
                    member: r.member_id.and_then(|id| {
                        members
                            .iter()
                            .find(|m| m.id == id)
                            .map(|m| m.display_name.clone())
                    }),
                    id: r.public_id,
                    at: r.at,
                    actor: r.actor_name,
                    actor_role: r
                        .actor_role
                        .as_deref()
                        .map(|s| {
                            ApiError::stored("forum_moderation_log", "actor_role", s, Role::parse)
                        })
                        .transpose()?,
                    reason: r.reason,
                    original_title: r.original_title,
                    original_body: r.original_body,
                    new_title: r.new_title,
                    new_body: r.new_body,
                })
            })
            .collect::<Result<_, ApiError>>()?,
    })
}
