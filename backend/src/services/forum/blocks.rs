//! Young people blocking (and unblocking) another member.

use crate::access;
use crate::auth::Caller;
use crate::entities::{
    forum_member as member, forum_post as post, forum_space as space, forum_thread as thread,
    local_authority, young_person,
};
use crate::error::ApiError;
use crate::repo::forum::{self as repo, Cursor, Viewer};
use crate::repo::moderation::{self as modlog, Entry};
use crate::repo::{circumstances, councils, notifications, offer_requests, people};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, SqlErr, TransactionTrait};
use shared::access::{Ability, Relationship};
use shared::care_status::{care_summary, CareSummary};
use shared::forum::{
    check_display_name, decide, display_name_key, find_links, optional_text, required_text,
    Audience, BlockView, Decision, DisplayNameChange, HarmHelp, HoldReason, ModAction, MyForum,
    MyPost, NewBlock, NewReply, NewReport, NewThread, PostOutcome, PostStatus, PostView,
    ReportReceipt, SpaceRule, SpaceView, ThreadPage, ThreadSummary, ThreadView, WatchedWord,
    BODY_MAX_CHARS, CHILDLINE_PHONE, PAGE_DEFAULT, PAGE_MAX, REASON_MAX_CHARS, TITLE_MAX_CHARS,
};
use shared::people::Role;
use shared::text_checks::{default_watched_words, kind_message_for_harm, scan};
use super::{is_unique_violation};
use super::members::{participant};
use super::reading::{display_names, name_in};
use super::posting::{visible_post};

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
