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
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
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

/// How many items each part of the queue shows.
const QUEUE_MAX: u64 = 200;

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

/// Posts with their threads, spaces and authors, as moderators see them.
struct Context {
    threads: Vec<thread::Model>,
    spaces: Vec<space::Model>,
    members: Vec<member::Model>,
}

impl Context {
    async fn load(
        db: &impl ConnectionTrait,
        authority_id: i32,
        posts: &[post::Model],
        extra_threads: &[thread::Model],
    ) -> Result<Context, ApiError> {
        let mut tids: Vec<i64> = posts.iter().map(|p| p.thread_id).collect();
        tids.sort_unstable();
        tids.dedup();
        tids.retain(|id| !extra_threads.iter().any(|t| t.id == *id));
        let mut threads = repo::threads_by_ids(db, &tids).await?;
        threads.extend(extra_threads.iter().cloned());
        let mut mids: Vec<i32> = posts
            .iter()
            .map(|p| p.author_member_id)
            .chain(threads.iter().map(|t| t.author_member_id))
            .collect();
        mids.sort_unstable();
        mids.dedup();
        Ok(Context {
            members: repo::members_by_ids(db, &mids).await?,
            spaces: repo::spaces(db, authority_id, true).await?,
            threads,
        })
    }

    fn thread(&self, id: i64) -> Option<&thread::Model> {
        self.threads.iter().find(|t| t.id == id)
    }

    fn slug(&self, space_id: i32) -> String {
        self.spaces
            .iter()
            .find(|s| s.id == space_id)
            .map(|s| s.slug.clone())
            .unwrap_or_default()
    }

    fn member(&self, id: i32) -> Option<&member::Model> {
        self.members.iter().find(|m| m.id == id)
    }

    fn view(&self, p: &post::Model) -> ModPostView {
        let t = self.thread(p.thread_id);
        let m = self.member(p.author_member_id);
        ModPostView {
            id: p.public_id.clone(),
            thread_id: t.map(|t| t.public_id.clone()).unwrap_or_default(),
            thread_title: t.map(|t| t.title.clone()).unwrap_or_default(),
            space: self.slug(p.space_id),
            author_id: m.map(|m| m.public_id.clone()).unwrap_or_default(),
            author: m.map(|m| m.display_name.clone()).unwrap_or_default(),
            opening: p.opening,
            title: if p.opening {
                t.map(|t| t.title.clone())
            } else {
                None
            },
            links: find_links(&p.body),
            body: p.body.clone(),
            status: status_of(&p.status),
            hold_reasons: HoldReason::split(&p.hold_reasons),
            flagged: p.flagged,
            suggests_harm: p.suggests_harm,
            edited_by_moderator: p.edited,
            created_at: p.created_at,
        }
    }
}

fn report_view(r: &crate::entities::forum_report::Model) -> ReportView {
    ReportView {
        id: r.public_id.clone(),
        reason: r.reason.clone(),
        reported_at: r.created_at,
        snapshot_title: r.snapshot_title.clone(),
        snapshot_body: r.snapshot_body.clone(),
        snapshot_author: r.snapshot_author.clone(),
        open: r.status == repo::REPORT_OPEN,
        outcome: r.outcome.clone(),
    }
}

async fn queue_items(
    db: &impl ConnectionTrait,
    authority_id: i32,
    posts: Vec<post::Model>,
    words: &[WatchedWord],
) -> Result<Vec<QueueItem>, ApiError> {
    let ctx = Context::load(db, authority_id, &posts, &[]).await?;
    let ids: Vec<i64> = posts.iter().map(|p| p.id).collect();
    let reports = repo::reports_for(db, &ids).await?;
    Ok(posts
        .iter()
        .map(|p| {
            let s = scan(&p.body, words);
            QueueItem {
                post: ctx.view(p),
                personal_details: s.personal_details,
                watched: s.watched,
                harm: s.harm_matches,
                reports: reports
                    .iter()
                    .filter(|r| r.post_id == p.id)
                    .map(report_view)
                    .collect(),
            }
        })
        .collect())
}

pub async fn queue(db: &DatabaseConnection, caller: &Caller) -> Result<ModerationQueue, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    let a = caller.authority_id;
    let words = watched_words(db, a).await?;
    let mut held = repo::pending_posts(db, a, QUEUE_MAX).await?;
    // Words that suggest harm first, then oldest first.
    held.sort_by_key(|p| (!p.suggests_harm, p.created_at, p.id));
    let flagged = repo::flagged_posts(db, a, QUEUE_MAX).await?;
    let reported_ids = repo::reported_post_ids(db, a, QUEUE_MAX).await?;
    let mut reported = repo::posts_by_ids(db, &reported_ids).await?;
    reported.sort_by_key(|p| reported_ids.iter().position(|id| *id == p.id));
    Ok(ModerationQueue {
        held: queue_items(db, a, held, &words).await?,
        flagged: queue_items(db, a, flagged, &words).await?,
        reported: queue_items(db, a, reported, &words).await?,
    })
}

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

async fn view_one(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: i64,
) -> Result<ModPostView, ApiError> {
    let p = repo::post_by_id(db, id).await?.ok_or(ApiError::NotFound)?;
    let ctx = Context::load(db, caller.authority_id, std::slice::from_ref(&p), &[]).await?;
    Ok(ctx.view(&p))
}

fn not_in(status: &str, what: &str) -> ApiError {
    ApiError::Conflict(format!(
        "This post is {} now, so it cannot be {what}. Reload the queue to see where it is.",
        status_of(status).plain().to_lowercase()
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
    if status_of(&p.status) != PostStatus::Pending {
        return Err(not_in(&p.status, "approved"));
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
    let now = Utc::now();
    let (m, account) = author(db, &p).await?;
    let txn = db.begin().await?;
    let moved = repo::decide(
        &txn,
        p.id,
        repo::Decision {
            from: &[PostStatus::Pending],
            to: PostStatus::Published,
            by: Some(caller.account_id),
            note: note.as_deref(),
            body: new_body.as_deref(),
        },
        now,
    )
    .await?;
    if !moved {
        return Err(not_in(&p.status, "approved"));
    }
    if p.opening {
        repo::set_thread_status(&txn, t.id, PostStatus::Published).await?;
        if let Some(x) = &new_title {
            repo::set_thread_title(&txn, t.id, x).await?;
        }
    } else {
        repo::touch_thread(&txn, t.id, now).await?;
    }
    modlog::record(
        &txn,
        Entry {
            post_id: Some(p.id),
            thread_id: Some(t.id),
            member_id: m.as_ref().map(|m| m.id),
            reason: note.as_deref(),
            original_title: new_title.as_ref().map(|_| t.title.as_str()),
            original_body: new_body.as_ref().map(|_| p.body.as_str()),
            new_title: new_title.as_deref(),
            new_body: new_body.as_deref(),
            ..staff_entry(
                caller,
                if edited {
                    ModAction::ApprovedWithEdits
                } else {
                    ModAction::Approved
                },
            )
        },
        now,
    )
    .await?;
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
    if status_of(&p.status) != PostStatus::Pending {
        return Err(not_in(&p.status, "turned down"));
    }
    let now = Utc::now();
    let (m, account) = author(db, &p).await?;
    let txn = db.begin().await?;
    if !repo::decide(
        &txn,
        p.id,
        repo::Decision {
            from: &[PostStatus::Pending],
            to: PostStatus::Rejected,
            by: Some(caller.account_id),
            note: Some(&reason),
            body: None,
        },
        now,
    )
    .await?
    {
        return Err(not_in(&p.status, "turned down"));
    }
    if p.opening {
        repo::set_thread_status(&txn, t.id, PostStatus::Rejected).await?;
    }
    modlog::record(
        &txn,
        Entry {
            post_id: Some(p.id),
            thread_id: Some(t.id),
            member_id: m.as_ref().map(|m| m.id),
            reason: Some(&reason),
            ..staff_entry(caller, ModAction::Rejected)
        },
        now,
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
    for r in &resolved {
        modlog::record(
            txn,
            Entry {
                post_id: Some(p.id),
                thread_id: Some(p.thread_id),
                member_id: Some(p.author_member_id),
                reason: Some(&format!("Report resolved: post {outcome}.")),
                ..staff_entry(caller, ModAction::ReportResolved)
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
    let from = [PostStatus::Published, PostStatus::Deleted];
    if !from.contains(&status_of(&p.status)) {
        return Err(not_in(&p.status, "taken down"));
    }
    let now = Utc::now();
    let (m, account) = author(db, &p).await?;
    let txn = db.begin().await?;
    if !repo::decide(
        &txn,
        p.id,
        repo::Decision {
            from: &from,
            to: PostStatus::Removed,
            by: Some(caller.account_id),
            note: Some(&reason),
            body: None,
        },
        now,
    )
    .await?
    {
        return Err(not_in(&p.status, "taken down"));
    }
    if p.opening {
        repo::set_thread_status(&txn, t.id, PostStatus::Removed).await?;
    }
    modlog::record(
        &txn,
        Entry {
            post_id: Some(p.id),
            thread_id: Some(t.id),
            member_id: m.as_ref().map(|m| m.id),
            reason: Some(&reason),
            ..staff_entry(caller, ModAction::Removed)
        },
        now,
    )
    .await?;
    resolve_reports(&txn, caller, &p, "removed", now).await?;
    if status_of(&p.status) == PostStatus::Published {
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
    let (p, t, _) = post_for_moderation(db, caller, post_public_id).await?;
    let note = optional_field("note", k.note.as_deref(), REASON_MAX_CHARS)?;
    if status_of(&p.status) != PostStatus::Published {
        return Err(not_in(&p.status, "kept up"));
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
            post_id: Some(p.id),
            thread_id: Some(t.id),
            member_id: Some(p.author_member_id),
            reason: note.as_deref(),
            ..staff_entry(caller, ModAction::Kept)
        },
        now,
    )
    .await?;
    txn.commit().await?;
    view_one(db, caller, p.id).await
}

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
            .collect(),
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
        thread: thread_summary(&t, &ctx.slug(t.space_id), &ctx.members, None),
        lock_reason: t.lock_reason.clone(),
        posts: rows.iter().map(|p| ctx.view(p)).collect(),
        next: more
            .then(|| rows.last().map(|p| p.public_id.clone()))
            .flatten(),
    })
}

// ----------------------------------------------------------- watched words

pub async fn get_watched_words(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<WatchedWords, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    Ok(WatchedWords {
        words: watched_words(db, caller.authority_id).await?,
    })
}

/// Replaces the council's list; the log says what was added and taken out.
pub async fn set_watched_words(
    db: &DatabaseConnection,
    caller: &Caller,
    w: &WatchedWords,
) -> Result<WatchedWords, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    if w.words.len() > WATCHED_WORDS_MAX {
        return Err(ApiError::validation(
            "words",
            format!("Keep the list to {WATCHED_WORDS_MAX} words or fewer."),
        ));
    }
    let mut rows: Vec<(WatchedWord, String)> = vec![];
    for (i, word) in w.words.iter().enumerate() {
        let field = format!("words[{i}].pattern");
        let pattern = word
            .pattern
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if pattern.chars().count() > WATCHED_WORD_MAX_CHARS {
            return Err(ApiError::validation(
                field,
                format!("Keep each word or phrase to {WATCHED_WORD_MAX_CHARS} characters."),
            ));
        }
        let key = display_name_key(&pattern);
        if key.is_empty() {
            return Err(ApiError::validation(
                field,
                "Write a word or phrase (letters or numbers).",
            ));
        }
        if rows.iter().any(|(_, k)| *k == key) {
            return Err(ApiError::validation(
                field,
                format!("\"{pattern}\" is in the list twice."),
            ));
        }
        rows.push((
            WatchedWord {
                pattern,
                tier: word.tier,
            },
            key,
        ));
    }
    let before = watched_words(db, caller.authority_id).await?;
    let added: Vec<String> = rows
        .iter()
        .filter(|(n, _)| !before.contains(n))
        .map(|(n, _)| format!("{} ({:?})", n.pattern, n.tier).to_lowercase())
        .collect();
    let removed: Vec<String> = before
        .iter()
        .filter(|b| !rows.iter().any(|(n, _)| n == *b))
        .map(|b| format!("{} ({:?})", b.pattern, b.tier).to_lowercase())
        .collect();
    let now = Utc::now();
    let txn = db.begin().await?;
    repo::replace_watched_words(
        &txn,
        caller.authority_id,
        &rows,
        Some(caller.account_id),
        now,
    )
    .await?;
    let summary = format!(
        "Added: {}. Taken out: {}.",
        if added.is_empty() {
            "nothing".to_owned()
        } else {
            added.join(", ")
        },
        if removed.is_empty() {
            "nothing".to_owned()
        } else {
            removed.join(", ")
        }
    );
    modlog::record(
        &txn,
        Entry {
            reason: Some(&summary),
            ..staff_entry(caller, ModAction::WatchedWordsChanged)
        },
        now,
    )
    .await?;
    txn.commit().await?;
    get_watched_words(db, caller).await
}

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
            .filter_map(|r| {
                Some(ModLogEntry {
                    action: ModAction::parse(&r.action)?,
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
                    actor_role: r.actor_role.as_deref().and_then(Role::parse),
                    reason: r.reason,
                    original_title: r.original_title,
                    original_body: r.original_body,
                    new_title: r.new_title,
                    new_body: r.new_body,
                })
            })
            .collect(),
    })
}

// ------------------------------------------------------------------ spaces

fn admin_space_view(s: &space::Model) -> AdminSpaceView {
    let rule = rule_of(s).unwrap_or(shared::forum::SpaceRule {
        min_age: 0,
        max_age: 0,
        audience: shared::forum::Audience::Both,
    });
    AdminSpaceView {
        id: s.slug.clone(),
        name: s.name.clone(),
        description: s.description.clone(),
        who_for: rule.describe(),
        rule,
        hold_under_18: s.hold_under_18,
        archived: s.archived,
        position: s.position,
        created_at: s.created_at,
        updated_at: s.updated_at,
    }
}

pub async fn admin_spaces(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<AdminSpaceView>, ApiError> {
    access::require(caller, Ability::ManageForumSpaces)?;
    Ok(repo::spaces(db, caller.authority_id, true)
        .await?
        .iter()
        .map(admin_space_view)
        .collect())
}

struct CheckedSpace {
    name: String,
    description: String,
}

fn check_space(d: &SpaceDraft) -> Result<CheckedSpace, ApiError> {
    let name = required_field("name", &d.name, NAME_MAX_CHARS, "a name")?;
    let description = optional_field("description", Some(&d.description), DESCRIPTION_MAX_CHARS)?
        .unwrap_or_default();
    d.rule
        .check()
        .map_err(|(f, m)| ApiError::validation(format!("rule.{f}"), m))?;
    Ok(CheckedSpace { name, description })
}

fn write<'a>(d: &'a SpaceDraft, c: &'a CheckedSpace) -> repo::SpaceWrite<'a> {
    repo::SpaceWrite {
        name: &c.name,
        description: &c.description,
        min_age: i32::try_from(d.rule.min_age).unwrap_or(0),
        max_age: i32::try_from(d.rule.max_age).unwrap_or(0),
        audience: d.rule.audience.as_str(),
        hold_under_18: d.hold_under_18,
        archived: d.archived,
    }
}

fn describe_space(d: &SpaceDraft, c: &CheckedSpace) -> String {
    format!(
        "{}: {}; posts by under-18s {}{}.",
        c.name,
        d.rule.describe(),
        if d.hold_under_18 {
            "checked first"
        } else {
            "not checked first"
        },
        if d.archived { "; archived" } else { "" }
    )
}

pub async fn create_space(
    db: &DatabaseConnection,
    caller: &Caller,
    d: &SpaceDraft,
) -> Result<AdminSpaceView, ApiError> {
    access::require(caller, Ability::ManageForumSpaces)?;
    let c = check_space(d)?;
    let slug = match d.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) if is_slug(s) => s.to_owned(),
        Some(_) => {
            return Err(ApiError::validation(
                "id",
                "Use lower-case letters, numbers and hyphens only.",
            ))
        }
        None => {
            let s = slug_of(&c.name);
            if s.is_empty() {
                return Err(ApiError::validation(
                    "name",
                    "Put some letters or numbers in the name.",
                ));
            }
            s
        }
    };
    let taken = || ApiError::Conflict(format!("There is a space called \"{slug}\" already."));
    if repo::space_by_slug(db, caller.authority_id, &slug)
        .await?
        .is_some()
    {
        return Err(taken());
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let made = match repo::insert_space(
        &txn,
        caller.authority_id,
        &slug,
        write(d, &c),
        Some(caller.account_id),
        now,
    )
    .await
    {
        Ok(m) => m,
        Err(e) if is_unique_violation(&e) => return Err(taken()),
        Err(e) => return Err(e.into()),
    };
    modlog::record(
        &txn,
        Entry {
            reason: Some(&describe_space(d, &c)),
            ..staff_entry(caller, ModAction::SpaceCreated)
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(admin_space_view(&made))
}

pub async fn update_space(
    db: &DatabaseConnection,
    caller: &Caller,
    slug: &str,
    d: &SpaceDraft,
) -> Result<AdminSpaceView, ApiError> {
    access::require(caller, Ability::ManageForumSpaces)?;
    let s = repo::space_by_slug(db, caller.authority_id, slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let c = check_space(d)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    repo::update_space(&txn, s.id, write(d, &c), now).await?;
    modlog::record(
        &txn,
        Entry {
            reason: Some(&describe_space(d, &c)),
            ..staff_entry(caller, ModAction::SpaceChanged)
        },
        now,
    )
    .await?;
    txn.commit().await?;
    let s = repo::space_by_slug(db, caller.authority_id, slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(admin_space_view(&s))
}

// ----------------------------------------------------------------- figures

const BANDS: [AgeBand; 5] = [
    AgeBand::Under8,
    AgeBand::From8To11,
    AgeBand::From12To17,
    AgeBand::From18To25,
    AgeBand::Over25,
];

/// How many young people took part (posted, signed up to an event, answered
/// a poll or consultation) between two dates, by age band on the last day.
/// No names; counts from 1 to 4 are hidden, and so is one more band when
/// only one is hidden, so it cannot be worked out.
pub async fn participation(
    db: &DatabaseConnection,
    caller: &Caller,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<ParticipationFigures, ApiError> {
    access::require(caller, Ability::ReadParticipationFigures)?;
    let council = councils::by_id(db, caller.authority_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let today = crate::services::forum::council_today(&council);
    let to = to.unwrap_or(today);
    let from = from.unwrap_or(to - Duration::days(364));
    if from > to {
        return Err(ApiError::validation(
            "from",
            "The start date must not be after the end date.",
        ));
    }
    if (to - from).num_days() > 366 * 5 {
        return Err(ApiError::validation(
            "from",
            "Ask for five years or less at a time.",
        ));
    }
    let tz = crate::push::quiet::zone(&council.time_zone);
    let start = crate::push::quiet::local_instant(tz, from, 0);
    let end = crate::push::quiet::local_instant(tz, to + Duration::days(1), 0);
    let a = council.id;
    let posted = repo::posters_between(db, a, start, end).await?;
    let signed = events_repo::signers_between(db, a, start, end).await?;
    let answered = events_repo::answerers_between(db, a, start, end).await?;
    let mut all: Vec<i32> = posted
        .iter()
        .chain(signed.iter())
        .chain(answered.iter())
        .copied()
        .collect();
    all.sort_unstable();
    all.dedup();
    let people = repo::young_people_by_ids(db, &all).await?;
    let mut counts = [0u32; 5];
    for y in &people {
        let band = shared::care_status::age_band(y.date_of_birth, to);
        if let Some(i) = BANDS.iter().position(|b| *b == band) {
            counts[i] += 1;
        }
    }
    let shown = suppress(&counts);
    let distinct = |mut v: Vec<i32>| {
        v.sort_unstable();
        v.dedup();
        u32::try_from(v.len()).unwrap_or(u32::MAX)
    };
    Ok(ParticipationFigures {
        from,
        to,
        took_part: suppress_one(u32::try_from(people.len()).unwrap_or(u32::MAX)),
        by_age_band: BANDS
            .iter()
            .zip(shown)
            .map(|(b, count)| BandCount {
                band: *b,
                label: band_label(*b).to_owned(),
                count,
            })
            .collect(),
        posted: suppress_one(distinct(posted)),
        signed_up_to_events: suppress_one(distinct(signed)),
        answered_polls: suppress_one(distinct(answered)),
        note: format!(
            "Young people who posted, signed up to an event or answered a poll or consultation from {from} to {to}, by their age on {to}. No names. A blank is a group of fewer than {} (or one hidden so that such a group cannot be worked out).",
            shared::forum::SUPPRESS_BELOW
        ),
    })
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
