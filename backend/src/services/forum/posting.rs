//! Posting: new threads and replies checked as they are posted (held,
//! refused or published), and deleting one's own post.

use super::harm::{alert_harm, harm_help};
use super::members::{participant, Participant};
use super::reading::{post_view, visible_thread, why_not_reply};
use super::watched_words;
use crate::caller::Caller;
use crate::entities::{forum_post as post, forum_space as space, forum_thread as thread};
use crate::error::ApiError;
use crate::repo::forum as repo;
use crate::repo::moderation::{self as modlog, Entry};
use crate::services::flood;
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::forum::{
    decide, Decision, FloodKind, HoldReason, ModAction, NewReply, NewThread, PostOutcome,
    PostStatus, Window, BODY_MAX_CHARS, TITLE_MAX_CHARS,
};
use shared::text_checks::scan;

// ----------------------------------------------------------------- posting

fn reasons_in_words(reasons: &[HoldReason], details: &[&str], words: &[String]) -> String {
    reasons
        .iter()
        .map(|r| match r {
            HoldReason::Under18 => "under 18 (this space checks their posts first)".to_owned(),
            HoldReason::PersonalDetails => format!("personal details ({})", details.join(", ")),
            HoldReason::WatchedWord => format!("watched words ({})", words.join(", ")),
            HoldReason::SuggestsHarm => "words that suggest harm".to_owned(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn detail_name(k: shared::text_checks::DetailKind) -> &'static str {
    use shared::text_checks::DetailKind as D;
    match k {
        D::Phone => "phone number",
        D::Email => "email address",
        D::Postcode => "postcode",
        D::Address => "address",
        D::School => "school",
        D::SocialMedia => "social media",
    }
}

/// Checks, decides and stores a new thread (with `title`) or a reply.
async fn submit(
    db: &DatabaseConnection,
    account_id: i32,
    p: &Participant,
    s: &space::Model,
    existing: Option<&thread::Model>,
    title: Option<String>,
    body: String,
) -> Result<PostOutcome, ApiError> {
    let words = watched_words(db, p.council.id).await?;
    let title_scan = title.as_deref().map(|t| scan(t, &words));
    let body_scan = scan(&body, &words);
    let decision = decide(
        title_scan.as_ref(),
        &body_scan,
        p.under_18(),
        s.hold_under_18,
    );
    let (status, reasons, flagged, harm, message) = match decision {
        Decision::Block { field, message, .. } => {
            return Err(ApiError::validation(field, message));
        }
        Decision::Hold {
            reasons,
            flagged,
            suggests_harm,
            message,
        } => (
            PostStatus::Pending,
            reasons,
            flagged,
            suggests_harm,
            Some(message),
        ),
        Decision::Publish { flagged } => (PostStatus::Published, vec![], flagged, false, None),
    };
    let scans: Vec<&shared::text_checks::ScanResult> =
        title_scan.iter().chain([&body_scan]).collect();
    let mut details: Vec<&str> = scans
        .iter()
        .flat_map(|sc| sc.personal_details.iter().map(|f| detail_name(f.kind)))
        .collect();
    details.sort_unstable();
    details.dedup();
    let held_words: Vec<String> = scans
        .iter()
        .flat_map(|sc| {
            sc.watched
                .iter()
                .filter(|m| m.tier == shared::text_checks::Tier::Hold)
                .map(|m| m.pattern.clone())
        })
        .collect();
    let phrases: Vec<String> = scans
        .iter()
        .flat_map(|sc| sc.harm_matches.iter().map(|m| m.phrase.clone()))
        .collect();

    let now = Utc::now();
    let limits = s.flood_limits();
    let (kind, window) = match existing {
        Some(_) => (
            FloodKind::Reply,
            Window {
                per_hour: limits.replies_per_hour,
                per_day: limits.replies_per_day,
            },
        ),
        None => (
            FloodKind::Thread,
            Window {
                per_hour: limits.threads_per_hour,
                per_day: limits.threads_per_day,
            },
        ),
    };
    let txn = flood::begin(
        db,
        &flood::Attempt {
            authority_id: p.council.id,
            account_id,
            member_id: Some(p.member.id),
            kind,
            space_id: Some(s.id),
            window,
            gap_secs: limits.min_gap_secs,
            text: Some(("body", &body)),
        },
        now,
    )
    .await?;
    let t = match existing {
        Some(t) => t.clone(),
        None => {
            repo::insert_thread(
                &txn,
                p.council.id,
                s.id,
                p.member.id,
                title.as_deref().unwrap_or_default(),
                status,
                now,
            )
            .await?
        }
    };
    let row = repo::insert_post(
        &txn,
        repo::NewPost {
            authority_id: p.council.id,
            thread_id: t.id,
            space_id: s.id,
            author_member_id: p.member.id,
            opening: existing.is_none(),
            body: &body,
            status,
            hold_reasons: HoldReason::join(&reasons),
            flagged,
            suggests_harm: harm,
        },
        now,
    )
    .await?;
    if status == PostStatus::Published && existing.is_some() {
        repo::touch_thread(&txn, t.id, now).await?;
    }
    if status == PostStatus::Pending {
        modlog::record(
            &txn,
            Entry {
                post_id: Some(row.id),
                thread_id: Some(t.id),
                member_id: Some(p.member.id),
                reason: Some(&format!(
                    "Held for approval: {}.",
                    reasons_in_words(&reasons, &details, &held_words)
                )),
                ..Entry::new(p.council.id, ModAction::AutoHeld)
            },
            now,
        )
        .await?;
    }
    if harm {
        alert_harm(
            &txn,
            p,
            &format!("a post in {}", s.name),
            &phrases,
            Some(row.id),
            Some(t.id),
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(PostOutcome {
        post: post_view(
            &row,
            &t.public_id,
            p.member.display_name.clone(),
            p.member.id,
        )?,
        status,
        message,
        personal_details: body_scan.personal_details.clone(),
        help: harm.then(|| harm_help(&p.council)),
    })
}

pub async fn start_thread(
    db: &DatabaseConnection,
    caller: &Caller,
    slug: &str,
    n: &NewThread,
) -> Result<PostOutcome, ApiError> {
    let p = participant(db, caller).await?;
    let s = p.space(slug)?;
    let title = super::required_field("title", &n.title, TITLE_MAX_CHARS, "a title")?;
    let body = super::required_field("body", &n.body, BODY_MAX_CHARS, "your post")?;
    if let Some(why) = p.suspended_because(Utc::now()) {
        return Err(ApiError::Conflict(why));
    }
    submit(db, caller.account_id, &p, s, None, Some(title), body).await
}

/// Replying to a locked thread answers 409: the reply itself is fine, the
/// thread's state (which a moderator may change back) is what stops it.
pub async fn reply(
    db: &DatabaseConnection,
    caller: &Caller,
    thread_public_id: &str,
    n: &NewReply,
) -> Result<PostOutcome, ApiError> {
    let p = participant(db, caller).await?;
    let (t, s) = visible_thread(db, &p, thread_public_id).await?;
    let body = super::required_field("body", &n.body, BODY_MAX_CHARS, "your reply")?;
    if let Some(why) = why_not_reply(&t, &p, Utc::now())? {
        return Err(ApiError::Conflict(why));
    }
    submit(db, caller.account_id, &p, s, Some(&t), None, body).await
}

/// A post the participant may see, with its thread and space.
pub(super) async fn visible_post<'p>(
    db: &impl ConnectionTrait,
    p: &'p Participant,
    post_public_id: &str,
) -> Result<(post::Model, thread::Model, &'p space::Model), ApiError> {
    let row = repo::post_by_public_id(db, p.council.id, post_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if !repo::post_visible_to(&row, p.viewer()) {
        return Err(ApiError::NotFound);
    }
    let t = repo::thread_by_id(db, row.thread_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let s = p.space_by_id(t.space_id).ok_or(ApiError::NotFound)?;
    if !repo::thread_visible_to(&t, p.viewer()) {
        return Err(ApiError::NotFound);
    }
    Ok((row, t, s))
}

/// The author takes their own post down (an opening post takes its thread
/// with it). Someone else's post answers 404.
pub async fn delete_own(
    db: &DatabaseConnection,
    caller: &Caller,
    post_public_id: &str,
) -> Result<(), ApiError> {
    let p = participant(db, caller).await?;
    let row = repo::post_by_public_id(db, p.council.id, post_public_id)
        .await?
        .filter(|r| r.author_member_id == p.member.id)
        .ok_or(ApiError::NotFound)?;
    if row.status()? == PostStatus::Deleted {
        return Err(ApiError::NotFound);
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    if !repo::delete_by_author(&txn, row.id, now).await? {
        return Err(ApiError::Conflict(
            "This post is not up any more, so there is nothing to delete.".to_owned(),
        ));
    }
    if row.opening {
        repo::set_thread_status(&txn, row.thread_id, PostStatus::Deleted).await?;
    }
    txn.commit().await?;
    Ok(())
}
