//! Young people blocking (and unblocking) another member.

use super::is_unique_violation;
use super::members::participant;
use super::posting::visible_post;
use super::reading::{display_names, name_in};
use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::forum as repo;
use chrono::Utc;
use sea_orm::DatabaseConnection;
use shared::forum::{BlockView, NewBlock};

// ------------------------------------------------------------------ blocks

pub async fn blocks(db: &DatabaseConnection, caller: &Caller) -> Result<Vec<BlockView>, ApiError> {
    let p = participant(db, caller).await?;
    let rows = repo::blocked_by(db, p.young_person.id).await?;
    let members = display_names(db, rows.iter().map(|b| b.blocked_member_id)).await?;
    Ok(rows
        .into_iter()
        .map(|b| BlockView {
            display_name: name_in(&members, b.blocked_member_id),
            id: b.public_id,
            since: b.created_at,
        })
        .collect())
}

/// Blocks whoever wrote this post: their posts are hidden from me.
pub async fn block(
    db: &DatabaseConnection,
    caller: &Caller,
    b: &NewBlock,
) -> Result<BlockView, ApiError> {
    let p = participant(db, caller).await?;
    let id = b.post_id.trim();
    if id.is_empty() {
        return Err(ApiError::validation(
            "post_id",
            "Choose a post by the person you want to block.",
        ));
    }
    let (row, _, _) = visible_post(db, &p, id).await?;
    if row.author_member_id == p.member.id {
        return Err(ApiError::validation(
            "post_id",
            "This is your own post: you cannot block yourself.",
        ));
    }
    let made =
        match repo::insert_block(db, p.young_person.id, row.author_member_id, Utc::now()).await {
            Ok(m) => m,
            Err(e) if is_unique_violation(&e) => {
                return Err(ApiError::Conflict(
                    "You have blocked them already.".to_owned(),
                ))
            }
            Err(e) => return Err(e.into()),
        };
    let members = display_names(db, [row.author_member_id]).await?;
    Ok(BlockView {
        display_name: name_in(&members, row.author_member_id),
        id: made.public_id,
        since: made.created_at,
    })
}

pub async fn unblock(
    db: &DatabaseConnection,
    caller: &Caller,
    block_public_id: &str,
) -> Result<(), ApiError> {
    let p = participant(db, caller).await?;
    if repo::delete_block(db, p.young_person.id, block_public_id).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}
