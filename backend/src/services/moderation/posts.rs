//! Moderators' moves of one post: approve (as is or edited), reject,
//! remove and keep. Each is one conditional update, its log entry and a
//! word to the author, in one transaction.

use super::queue::view_one;
use super::{staff_entry, tell};
use crate::access;
use crate::caller::Caller;
use crate::entities::{
    forum_member as member, forum_post as post, forum_space as space, forum_thread as thread,
};
use crate::error::ApiError;
use crate::repo::forum as repo;
use crate::repo::moderation::{self as modlog, Entry};
use crate::repo::people;
use crate::services::forum::{account_of_member, optional_field, required_field, MY_POSTS_LINK};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};
use shared::access::Ability;
use shared::forum::{
    Approve, Keep, ModAction, ModPostView, ModReason, PostStatus, BODY_MAX_CHARS, REASON_MAX_CHARS,
    TITLE_MAX_CHARS,
};

async fn post_for_moderation(
    db: &impl ConnectionTrait,
    caller: &Caller,
    post_public_id: &str,
) -> Result<(post::Model, thread::Model, space::Model), ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    let p = repo::post_by_public_id(db, caller.authority_id, post_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let t = repo::thread_by_id(db, p.thread_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let s = repo::spaces_by_ids(db, vec![t.space_id])
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)?;
    Ok((p, t, s))
}

fn not_in(status: PostStatus, what: &str) -> ApiError {
    ApiError::Conflict(format!(
        "This post is {} now, so it cannot be {what}. Reload the queue to see where it is.",
        status.plain().to_lowercase()
    ))
}

async fn author(
    db: &impl ConnectionTrait,
    p: &post::Model,
) -> Result<(Option<member::Model>, Option<i32>), ApiError> {
    let m = repo::members_by_ids(db, &[p.author_member_id])
        .await?
        .into_iter()
        .next();
    let account = match &m {
        Some(m) => account_of_member(db, m).await?,
        None => None,
    };
    Ok((m, account))
}

/// One moderator's move of a post from one status to another.
struct Move<'a> {
    from: &'a [PostStatus],
    to: PostStatus,
    /// What the move is called in the 409 ("approved", "turned down").
    verb: &'a str,
    /// The reason or note kept on the post.
    note: Option<&'a str>,
    /// A moderator's new text for the post.
    body: Option<&'a str>,
    /// The log entry; the author's member id is filled in here.
    entry: Entry<'a>,
}

/// The open transaction a post was moved in, with its author and the time:
/// the caller finishes (tells the author) and commits.
struct Moved {
    txn: DatabaseTransaction,
    account: Option<i32>,
    now: DateTime<Utc>,
}

/// The log entry of a moderator's action on a post.
fn post_entry<'a>(
    caller: &'a Caller,
    action: ModAction,
    p: &post::Model,
    reason: Option<&'a str>,
) -> Entry<'a> {
    Entry {
        post_id: Some(p.id),
        thread_id: Some(p.thread_id),
        reason,
        ..staff_entry(caller, action)
    }
}

/// Moves a post on: 409 unless it is in one of `from`, or when another
/// moderator moves it first (the update is conditional). In one
/// transaction: the post, its thread when it opens it, the log entry.
async fn move_post(
    db: &DatabaseConnection,
    p: &post::Model,
    t: &thread::Model,
    mv: Move<'_>,
) -> Result<Moved, ApiError> {
    let from = p.status()?;
    if !mv.from.contains(&from) {
        return Err(not_in(from, mv.verb));
    }
    let now = Utc::now();
    let (m, account) = author(db, p).await?;
    let txn = db.begin().await?;
    let moved = repo::decide(
        &txn,
        p.id,
        repo::Decision {
            from: mv.from,
            to: mv.to,
            by: mv.entry.actor_account_id,
            note: mv.note,
            body: mv.body,
        },
        now,
    )
    .await?;
    if !moved {
        return Err(not_in(from, mv.verb));
    }
    if p.opening {
        repo::set_thread_status(&txn, t.id, mv.to).await?;
    }
    let entry = Entry {
        member_id: m.as_ref().map(|m| m.id),
        ..mv.entry
    };
    modlog::record(&txn, entry, now).await?;
    Ok(Moved { txn, account, now })
}

/// Approves a waiting post, as written or edited (to take out personal
/// details, say). An edit keeps the original in the moderation log, and
/// the author is told what changed.
pub async fn approve(
    db: &DatabaseConnection,
    caller: &Caller,
    post_public_id: &str,
    a: &Approve,
) -> Result<ModPostView, ApiError> {
    let (p, t, s) = post_for_moderation(db, caller, post_public_id).await?;
    let title = match a.title.as_deref() {
        Some(x) => Some(required_field("title", x, TITLE_MAX_CHARS, "a title")?),
        None => None,
    };
    let body = match a.body.as_deref() {
        Some(x) => Some(required_field("body", x, BODY_MAX_CHARS, "the post")?),
        None => None,
    };
    let note = optional_field("note", a.note.as_deref(), REASON_MAX_CHARS)?;
    if title.is_some() && !p.opening {
        return Err(ApiError::validation(
            "title",
            "Only the first post of a conversation has a title.",
        ));
    }
    let new_title = title.filter(|x| *x != t.title);
    let new_body = body.filter(|x| *x != p.body);
    let edited = new_title.is_some() || new_body.is_some();
    let note = match (note, edited) {
        (Some(n), _) => Some(n),
        (None, true) => Some(
            "A grown-up took some details out of your post to keep you safe, then put it up."
                .to_owned(),
        ),
        (None, false) => None,
    };
    let action = if edited {
        ModAction::ApprovedWithEdits
    } else {
        ModAction::Approved
    };
    let Moved { txn, account, now } = move_post(
        db,
        &p,
        &t,
        Move {
            from: &[PostStatus::Pending],
            to: PostStatus::Published,
            verb: "approved",
            note: note.as_deref(),
            body: new_body.as_deref(),
            entry: Entry {
                original_title: new_title.as_ref().map(|_| t.title.as_str()),
                original_body: new_body.as_ref().map(|_| p.body.as_str()),
                new_title: new_title.as_deref(),
                new_body: new_body.as_deref(),
                ..post_entry(caller, action, &p, note.as_deref())
            },
        },
    )
    .await?;
    if p.opening {
        if let Some(x) = &new_title {
            repo::set_thread_title(&txn, t.id, x).await?;
        }
    } else {
        repo::touch_thread(&txn, t.id, now).await?;
    }
    let mut body_text = format!("Your post in {} is up now.", s.name);
    if let (true, Some(n)) = (edited, &note) {
        body_text = format!("{body_text} It was changed a little first: {n}");
    } else if let Some(n) = &note {
        body_text = format!("{body_text} {n}");
    }
    tell(
        &txn,
        account,
        "forum_post_approved",
        &body_text,
        &format!("/forum/threads/{}", t.public_id),
        now,
    )
    .await?;
    txn.commit().await?;
    view_one(db, caller, p.id).await
}

fn kind_reason(r: &ModReason) -> Result<String, ApiError> {
    required_field(
        "reason",
        &r.reason,
        REASON_MAX_CHARS,
        "a reason (the young person will read it, so make it kind)",
    )
}

/// Does not let a waiting post go up, with a kind reason the author sees.
pub async fn reject(
    db: &DatabaseConnection,
    caller: &Caller,
    post_public_id: &str,
    r: &ModReason,
) -> Result<ModPostView, ApiError> {
    let (p, t, s) = post_for_moderation(db, caller, post_public_id).await?;
    let reason = kind_reason(r)?;
    let Moved { txn, account, now } = move_post(
        db,
        &p,
        &t,
        Move {
            from: &[PostStatus::Pending],
            to: PostStatus::Rejected,
            verb: "turned down",
            note: Some(&reason),
            body: None,
            entry: post_entry(caller, ModAction::Rejected, &p, Some(&reason)),
        },
    )
    .await?;
    tell(
        &txn,
        account,
        "forum_post_rejected",
        &format!("Your post in {} was not put up. {reason}", s.name),
        MY_POSTS_LINK,
        now,
    )
    .await?;
    txn.commit().await?;
    view_one(db, caller, p.id).await
}

/// Resolves the post's open reports (in the caller's transaction), logging
/// each and thanking whoever reported it.
async fn resolve_reports(
    txn: &impl ConnectionTrait,
    caller: &Caller,
    p: &post::Model,
    outcome: &str,
    now: DateTime<Utc>,
) -> Result<usize, ApiError> {
    let resolved = repo::resolve_reports(txn, p.id, outcome, caller.account_id, now).await?;
    let reason = format!("Report resolved: post {outcome}.");
    for r in &resolved {
        modlog::record(
            txn,
            Entry {
                member_id: Some(p.author_member_id),
                ..post_entry(caller, ModAction::ReportResolved, p, Some(&reason))
            },
            now,
        )
        .await?;
        let reporter = people::by_id(txn, r.reporter_young_person_id)
            .await?
            .and_then(|y| y.account_id);
        let body = if outcome == "removed" {
            "Thank you for your report. A grown-up looked at the post and took it down."
        } else {
            "Thank you for your report. A grown-up looked at the post."
        };
        tell(txn, reporter, "forum_report_resolved", body, "/forum", now).await?;
    }
    Ok(resolved.len())
}

/// Takes down a post that was up (or that its author deleted while it had
/// open reports), with a reason the author sees. Resolves its reports.
pub async fn remove(
    db: &DatabaseConnection,
    caller: &Caller,
    post_public_id: &str,
    r: &ModReason,
) -> Result<ModPostView, ApiError> {
    let (p, t, s) = post_for_moderation(db, caller, post_public_id).await?;
    let reason = kind_reason(r)?;
    let Moved { txn, account, now } = move_post(
        db,
        &p,
        &t,
        Move {
            from: &[PostStatus::Published, PostStatus::Deleted],
            to: PostStatus::Removed,
            verb: "taken down",
            note: Some(&reason),
            body: None,
            entry: post_entry(caller, ModAction::Removed, &p, Some(&reason)),
        },
    )
    .await?;
    resolve_reports(&txn, caller, &p, "removed", now).await?;
    if p.status()? == PostStatus::Published {
        tell(
            &txn,
            account,
            "forum_post_removed",
            &format!("A grown-up took down your post in {}. {reason}", s.name),
            MY_POSTS_LINK,
            now,
        )
        .await?;
    }
    txn.commit().await?;
    view_one(db, caller, p.id).await
}

/// Leaves a flagged or reported post up: closes the flag and resolves the
/// reports as kept.
pub async fn keep(
    db: &DatabaseConnection,
    caller: &Caller,
    post_public_id: &str,
    k: &Keep,
) -> Result<ModPostView, ApiError> {
    let (p, _, _) = post_for_moderation(db, caller, post_public_id).await?;
    let note = optional_field("note", k.note.as_deref(), REASON_MAX_CHARS)?;
    let status = p.status()?;
    if status != PostStatus::Published {
        return Err(not_in(status, "kept up"));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let closed = repo::close_flag(&txn, p.id).await?;
    let resolved = resolve_reports(&txn, caller, &p, "kept", now).await?;
    if !closed && resolved == 0 {
        return Err(ApiError::Conflict(
            "There is nothing to look at on this post: no flag and no open report.".to_owned(),
        ));
    }
    modlog::record(
        &txn,
        Entry {
            member_id: Some(p.author_member_id),
            ..post_entry(caller, ModAction::Kept, &p, note.as_deref())
        },
        now,
    )
    .await?;
    txn.commit().await?;
    view_one(db, caller, p.id).await
}
