//! Reading the forum: pages of threads and posts (keyset cursors), and the
//! young person's own posts with what happened to them.

use super::members::{participant, Participant};
use super::{bad_cursor, page_size};
use crate::caller::Caller;
use crate::entities::{
    forum_member as member, forum_post as post, forum_space as space, forum_thread as thread,
};
use crate::error::ApiError;
use crate::repo::forum::{self as repo, Cursor};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use shared::forum::{
    find_links, MyPost, PostStatus, PostView, ThreadPage, ThreadSummary, ThreadView,
};

// ----------------------------------------------------------------- reading

pub(super) async fn display_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<Vec<member::Model>, ApiError> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(repo::members_by_ids(db, &ids).await?)
}

pub(super) fn name_in(members: &[member::Model], id: i32) -> String {
    members
        .iter()
        .find(|m| m.id == id)
        .map(|m| m.display_name.clone())
        .unwrap_or_default()
}

pub fn thread_summary(
    t: &thread::Model,
    space_slug: &str,
    members: &[member::Model],
    me: Option<i32>,
) -> Result<ThreadSummary, ApiError> {
    Ok(ThreadSummary {
        id: t.public_id.clone(),
        space: space_slug.to_owned(),
        title: t.title.clone(),
        started_by: name_in(members, t.author_member_id),
        started_at: t.created_at,
        mine: me == Some(t.author_member_id),
        status: t.status()?,
        locked: t.locked,
    })
}

pub(super) fn post_view(
    p: &post::Model,
    thread_public_id: &str,
    author: String,
    me: i32,
) -> Result<PostView, ApiError> {
    Ok(PostView {
        id: p.public_id.clone(),
        thread_id: thread_public_id.to_owned(),
        author,
        mine: p.author_member_id == me,
        links: find_links(&p.body),
        body: p.body.clone(),
        opening: p.opening,
        status: p.status()?,
        created_at: p.created_at,
        edited_by_moderator: p.edited,
    })
}

/// The (created_at, id) of a thread named by a cursor.
async fn thread_cursor(
    db: &impl ConnectionTrait,
    authority_id: i32,
    cursor: Option<&str>,
) -> Result<Option<Cursor>, ApiError> {
    let Some(c) = cursor.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let t = repo::thread_by_public_id(db, authority_id, c)
        .await?
        .ok_or_else(|| bad_cursor("before"))?;
    Ok(Some((t.created_at, t.id)))
}

async fn post_cursor(
    db: &impl ConnectionTrait,
    authority_id: i32,
    cursor: Option<&str>,
    field: &str,
) -> Result<Option<Cursor>, ApiError> {
    let Some(c) = cursor.filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    let p = repo::post_by_public_id(db, authority_id, c)
        .await?
        .ok_or_else(|| bad_cursor(field))?;
    Ok(Some((p.created_at, p.id)))
}

pub async fn threads(
    db: &DatabaseConnection,
    caller: &Caller,
    slug: &str,
    before: Option<&str>,
    limit: Option<u64>,
) -> Result<ThreadPage, ApiError> {
    let p = participant(db, caller).await?;
    let s = p.space(slug)?;
    let limit = page_size(limit);
    let cursor = thread_cursor(db, p.council.id, before).await?;
    let mut rows = repo::thread_page(db, s.id, p.viewer(), cursor, limit + 1).await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let members = display_names(db, rows.iter().map(|t| t.author_member_id)).await?;
    Ok(ThreadPage {
        next: more
            .then(|| rows.last().map(|t| t.public_id.clone()))
            .flatten(),
        threads: rows
            .iter()
            .map(|t| thread_summary(t, &s.slug, &members, Some(p.member.id)))
            .collect::<Result<_, _>>()?,
    })
}

/// A thread the participant may see, with its space.
pub(super) async fn visible_thread<'p>(
    db: &impl ConnectionTrait,
    p: &'p Participant,
    thread_public_id: &str,
) -> Result<(thread::Model, &'p space::Model), ApiError> {
    let t = repo::thread_by_public_id(db, p.council.id, thread_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let s = p.space_by_id(t.space_id).ok_or(ApiError::NotFound)?;
    if !repo::thread_visible_to(&t, p.viewer()) {
        return Err(ApiError::NotFound);
    }
    Ok((t, s))
}

pub(super) fn why_not_reply(
    t: &thread::Model,
    p: &Participant,
    now: DateTime<Utc>,
) -> Result<Option<String>, ApiError> {
    if t.locked {
        return Ok(Some(
            "This conversation is closed, so nobody can reply. You can start a new one.".to_owned(),
        ));
    }
    if t.status()? != PostStatus::Published {
        return Ok(Some(
            "You can reply once a grown-up has checked the first post and put it up.".to_owned(),
        ));
    }
    Ok(p.suspended_because(now))
}

pub async fn thread(
    db: &DatabaseConnection,
    caller: &Caller,
    thread_public_id: &str,
    after: Option<&str>,
    limit: Option<u64>,
) -> Result<ThreadView, ApiError> {
    let p = participant(db, caller).await?;
    let (t, s) = visible_thread(db, &p, thread_public_id).await?;
    let limit = page_size(limit);
    let cursor = post_cursor(db, p.council.id, after, "after").await?;
    let mut rows = repo::post_page(db, t.id, p.viewer(), cursor, limit + 1).await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let members = display_names(
        db,
        rows.iter()
            .map(|r| r.author_member_id)
            .chain([t.author_member_id]),
    )
    .await?;
    let why = why_not_reply(&t, &p, Utc::now())?;
    Ok(ThreadView {
        thread: thread_summary(&t, &s.slug, &members, Some(p.member.id))?,
        space_name: s.name.clone(),
        next: more
            .then(|| rows.last().map(|r| r.public_id.clone()))
            .flatten(),
        posts: rows
            .iter()
            .map(|r| {
                post_view(
                    r,
                    &t.public_id,
                    name_in(&members, r.author_member_id),
                    p.member.id,
                )
            })
            .collect::<Result<_, _>>()?,
        can_reply: why.is_none(),
        cannot_reply_because: why,
    })
}

pub async fn my_posts(
    db: &DatabaseConnection,
    caller: &Caller,
    before: Option<&str>,
    limit: Option<u64>,
) -> Result<Vec<MyPost>, ApiError> {
    let p = participant(db, caller).await?;
    let limit = page_size(limit);
    let cursor = post_cursor(db, p.council.id, before, "before").await?;
    let rows = repo::posts_of_member(db, p.member.id, cursor, limit).await?;
    let mut thread_ids: Vec<i64> = rows.iter().map(|r| r.thread_id).collect();
    thread_ids.sort_unstable();
    thread_ids.dedup();
    let threads = repo::threads_by_ids(db, &thread_ids).await?;
    let spaces = repo::spaces(db, p.council.id, true).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let Some(t) = threads.iter().find(|t| t.id == r.thread_id) else {
            continue;
        };
        let Some(s) = spaces.iter().find(|s| s.id == t.space_id) else {
            continue;
        };
        let status = r.status()?;
        out.push(MyPost {
            post: post_view(r, &t.public_id, p.member.display_name.clone(), p.member.id)?,
            thread_title: t.title.clone(),
            space_name: s.name.clone(),
            status_text: status.plain().to_owned(),
            moderator_note: r.moderator_note.clone(),
        });
    }
    Ok(out)
}
