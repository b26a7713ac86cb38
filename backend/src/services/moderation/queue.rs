//! The moderation queue: held, flagged and reported posts with what the
//! checks found, and posts as moderators see them.

use crate::access;
use crate::caller::Caller;
use crate::entities::{
    forum_member as member, forum_post as post, forum_space as space, forum_thread as thread,
};
use crate::error::ApiError;
use crate::repo::forum as repo;
use crate::services::forum::watched_words;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use shared::access::Ability;
use shared::forum::{
    find_links, ModPostView, ModerationQueue, QueueItem, ReportStatus, ReportView, WatchedWord,
};
use shared::text_checks::scan;

/// How many items each part of the queue shows.
const QUEUE_MAX: u64 = 200;

/// Posts with their threads, spaces and authors, as moderators see them.
pub(super) struct Context {
    pub(super) threads: Vec<thread::Model>,
    pub(super) spaces: Vec<space::Model>,
    pub(super) members: Vec<member::Model>,
}

impl Context {
    pub(super) async fn load(
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

    pub(super) fn thread(&self, id: i64) -> Option<&thread::Model> {
        self.threads.iter().find(|t| t.id == id)
    }

    pub(super) fn slug(&self, space_id: i32) -> String {
        self.spaces
            .iter()
            .find(|s| s.id == space_id)
            .map(|s| s.slug.clone())
            .unwrap_or_default()
    }

    pub(super) fn member(&self, id: i32) -> Option<&member::Model> {
        self.members.iter().find(|m| m.id == id)
    }

    pub(super) fn view(&self, p: &post::Model) -> Result<ModPostView, ApiError> {
        let t = self.thread(p.thread_id);
        let m = self.member(p.author_member_id);
        Ok(ModPostView {
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
            status: p.status()?,
            hold_reasons: p.hold_reasons()?,
            flagged: p.flagged,
            suggests_harm: p.suggests_harm,
            edited_by_moderator: p.edited,
            created_at: p.created_at,
        })
    }
}

fn report_view(r: &crate::entities::forum_report::Model) -> Result<ReportView, ApiError> {
    Ok(ReportView {
        id: r.public_id.clone(),
        reason: r.reason.clone(),
        reported_at: r.created_at,
        snapshot_title: r.snapshot_title.clone(),
        snapshot_body: r.snapshot_body.clone(),
        snapshot_author: r.snapshot_author.clone(),
        open: r.status()? == ReportStatus::Open,
        outcome: r.outcome.clone(),
    })
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
    posts
        .iter()
        .map(|p| {
            let s = scan(&p.body, words);
            Ok(QueueItem {
                post: ctx.view(p)?,
                personal_details: s.personal_details,
                watched: s.watched,
                harm: s.harm_matches,
                reports: reports
                    .iter()
                    .filter(|r| r.post_id == p.id)
                    .map(report_view)
                    .collect::<Result<_, _>>()?,
            })
        })
        .collect()
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

pub(super) async fn view_one(
    db: &impl ConnectionTrait,
    caller: &Caller,
    id: i64,
) -> Result<ModPostView, ApiError> {
    let p = repo::post_by_id(db, id).await?.ok_or(ApiError::NotFound)?;
    let ctx = Context::load(db, caller.authority_id, std::slice::from_ref(&p), &[]).await?;
    ctx.view(&p)
}
