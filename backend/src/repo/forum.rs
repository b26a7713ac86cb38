//! Positive Journeys' forum: spaces, members, threads, posts, reports,
//! blocks and the council's watched words. Every lookup by public id takes
//! the council's id. Pages are keyset on (created_at, id).

use crate::entities::{
    forum_block as block, forum_member as member, forum_post as post, forum_report as report,
    forum_setting as setting, forum_space as space, forum_thread as thread,
    forum_watched_word as word, young_person,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::forum::{PostStatus, WatchedWord};
use shared::text_checks::Tier;

/// Rows per `IN (...)` list.
const CHUNK: usize = 500;

pub const REPORT_OPEN: &str = "open";
pub const REPORT_RESOLVED: &str = "resolved";

/// A keyset cursor: the (created_at, id) of the last row of a page.
pub type Cursor = (DateTime<Utc>, i64);

fn st(s: PostStatus) -> &'static str {
    s.as_str()
}

// ------------------------------------------------------------------ spaces

pub async fn spaces(
    db: &impl ConnectionTrait,
    authority_id: i32,
    include_archived: bool,
) -> Result<Vec<space::Model>, DbErr> {
    let mut q = space::Entity::find().filter(space::Column::AuthorityId.eq(authority_id));
    if !include_archived {
        q = q.filter(space::Column::Archived.eq(false));
    }
    q.order_by_asc(space::Column::Position)
        .order_by_asc(space::Column::Id)
        .all(db)
        .await
}

pub async fn space_by_slug(
    db: &impl ConnectionTrait,
    authority_id: i32,
    slug: &str,
) -> Result<Option<space::Model>, DbErr> {
    space::Entity::find()
        .filter(space::Column::AuthorityId.eq(authority_id))
        .filter(space::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn spaces_by_ids(
    db: &impl ConnectionTrait,
    ids: Vec<i32>,
) -> Result<Vec<space::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    space::Entity::find()
        .filter(space::Column::Id.is_in(ids))
        .all(db)
        .await
}

pub struct SpaceWrite<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub min_age: i32,
    pub max_age: i32,
    pub audience: &'a str,
    pub hold_under_18: bool,
    pub archived: bool,
}

pub async fn insert_space(
    db: &impl ConnectionTrait,
    authority_id: i32,
    slug: &str,
    w: SpaceWrite<'_>,
    created_by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<space::Model, DbErr> {
    let position = space::Entity::find()
        .filter(space::Column::AuthorityId.eq(authority_id))
        .count(db)
        .await?;
    space::ActiveModel {
        authority_id: Set(authority_id),
        slug: Set(slug.to_owned()),
        name: Set(w.name.to_owned()),
        description: Set(w.description.to_owned()),
        min_age: Set(w.min_age),
        max_age: Set(w.max_age),
        audience: Set(w.audience.to_owned()),
        hold_under_18: Set(w.hold_under_18),
        archived: Set(w.archived),
        position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        created_by: Set(created_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn update_space(
    db: &impl ConnectionTrait,
    id: i32,
    w: SpaceWrite<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    space::Entity::update_many()
        .col_expr(space::Column::Name, Expr::value(w.name))
        .col_expr(space::Column::Description, Expr::value(w.description))
        .col_expr(space::Column::MinAge, Expr::value(w.min_age))
        .col_expr(space::Column::MaxAge, Expr::value(w.max_age))
        .col_expr(space::Column::Audience, Expr::value(w.audience))
        .col_expr(space::Column::HoldUnder18, Expr::value(w.hold_under_18))
        .col_expr(space::Column::Archived, Expr::value(w.archived))
        .col_expr(space::Column::UpdatedAt, Expr::value(now))
        .filter(space::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

// ----------------------------------------------------------------- members

pub async fn member_of(
    db: &impl ConnectionTrait,
    young_person_id: i32,
) -> Result<Option<member::Model>, DbErr> {
    member::Entity::find()
        .filter(member::Column::YoungPersonId.eq(young_person_id))
        .one(db)
        .await
}

pub async fn member_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<member::Model>, DbErr> {
    member::Entity::find()
        .filter(member::Column::AuthorityId.eq(authority_id))
        .filter(member::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn members_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<member::Model>, DbErr> {
    let mut out = vec![];
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            member::Entity::find()
                .filter(member::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Fails with a unique-constraint error when the name is taken in the
/// council (or the young person is a member already).
pub async fn insert_member(
    db: &impl ConnectionTrait,
    authority_id: i32,
    young_person_id: i32,
    display_name: &str,
    name_key: &str,
    now: DateTime<Utc>,
) -> Result<member::Model, DbErr> {
    member::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(authority_id),
        young_person_id: Set(young_person_id),
        display_name: Set(display_name.to_owned()),
        name_key: Set(name_key.to_owned()),
        name_chosen: Set(false),
        suspended_until: Set(None),
        suspension_reason: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Fails with a unique-constraint error when the name is taken.
pub async fn set_display_name(
    db: &impl ConnectionTrait,
    id: i32,
    display_name: &str,
    name_key: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    member::Entity::update_many()
        .col_expr(member::Column::DisplayName, Expr::value(display_name))
        .col_expr(member::Column::NameKey, Expr::value(name_key))
        .col_expr(member::Column::NameChosen, Expr::value(true))
        .col_expr(member::Column::UpdatedAt, Expr::value(now))
        .filter(member::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn set_suspension(
    db: &impl ConnectionTrait,
    id: i32,
    until: Option<DateTime<Utc>>,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    member::Entity::update_many()
        .col_expr(member::Column::SuspendedUntil, Expr::value(until))
        .col_expr(
            member::Column::SuspensionReason,
            Expr::value(reason.map(str::to_owned)),
        )
        .col_expr(member::Column::UpdatedAt, Expr::value(now))
        .filter(member::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn young_people_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<young_person::Model>, DbErr> {
    let mut out = vec![];
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            young_person::Entity::find()
                .filter(young_person::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

// ----------------------------------------------------------------- threads

pub async fn insert_thread(
    db: &impl ConnectionTrait,
    authority_id: i32,
    space_id: i32,
    author_member_id: i32,
    title: &str,
    status: PostStatus,
    now: DateTime<Utc>,
) -> Result<thread::Model, DbErr> {
    thread::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(authority_id),
        space_id: Set(space_id),
        author_member_id: Set(author_member_id),
        title: Set(title.to_owned()),
        status: Set(st(status).to_owned()),
        locked: Set(false),
        lock_reason: Set(None),
        created_at: Set(now),
        last_post_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn thread_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<thread::Model>, DbErr> {
    thread::Entity::find()
        .filter(thread::Column::AuthorityId.eq(authority_id))
        .filter(thread::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn thread_by_id(
    db: &impl ConnectionTrait,
    id: i64,
) -> Result<Option<thread::Model>, DbErr> {
    thread::Entity::find_by_id(id).one(db).await
}

pub async fn threads_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<thread::Model>, DbErr> {
    let mut out = vec![];
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            thread::Entity::find()
                .filter(thread::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

pub async fn set_thread_status(
    db: &impl ConnectionTrait,
    id: i64,
    status: PostStatus,
) -> Result<(), DbErr> {
    thread::Entity::update_many()
        .col_expr(thread::Column::Status, Expr::value(st(status)))
        .filter(thread::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn set_thread_title(
    db: &impl ConnectionTrait,
    id: i64,
    title: &str,
) -> Result<(), DbErr> {
    thread::Entity::update_many()
        .col_expr(thread::Column::Title, Expr::value(title))
        .filter(thread::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Locks or unlocks; false when it already was.
pub async fn set_thread_lock(
    db: &impl ConnectionTrait,
    id: i64,
    locked: bool,
    reason: Option<&str>,
) -> Result<bool, DbErr> {
    Ok(thread::Entity::update_many()
        .col_expr(thread::Column::Locked, Expr::value(locked))
        .col_expr(
            thread::Column::LockReason,
            Expr::value(reason.map(str::to_owned)),
        )
        .filter(thread::Column::Id.eq(id))
        .filter(thread::Column::Locked.eq(!locked))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

pub async fn touch_thread(
    db: &impl ConnectionTrait,
    id: i64,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    thread::Entity::update_many()
        .col_expr(thread::Column::LastPostAt, Expr::value(at))
        .filter(thread::Column::Id.eq(id))
        .filter(thread::Column::LastPostAt.lt(at))
        .exec(db)
        .await
        .map(|_| ())
}

/// Who is reading a page, for what they may see.
#[derive(Debug, Clone, Copy)]
pub enum Viewer<'a> {
    /// A young person: published posts, their own waiting ones, and nothing
    /// by those they blocked.
    Member { id: i32, blocked: &'a [i32] },
    /// A moderator: everything.
    Moderator,
}

fn thread_visible(v: Viewer<'_>) -> Condition {
    match v {
        Viewer::Moderator => Condition::all(),
        Viewer::Member { id, blocked } => {
            let mut c = Condition::all().add(
                Condition::any()
                    .add(thread::Column::Status.eq(st(PostStatus::Published)))
                    .add(
                        Condition::all()
                            .add(thread::Column::AuthorMemberId.eq(id))
                            .add(thread::Column::Status.eq(st(PostStatus::Pending))),
                    ),
            );
            if !blocked.is_empty() {
                c = c.add(thread::Column::AuthorMemberId.is_not_in(blocked.iter().copied()));
            }
            c
        }
    }
}

fn post_visible(v: Viewer<'_>) -> Condition {
    match v {
        Viewer::Moderator => Condition::all(),
        Viewer::Member { id, blocked } => {
            let mut c = Condition::all().add(
                Condition::any()
                    .add(post::Column::Status.eq(st(PostStatus::Published)))
                    .add(
                        Condition::all()
                            .add(post::Column::AuthorMemberId.eq(id))
                            .add(post::Column::Status.eq(st(PostStatus::Pending))),
                    ),
            );
            if !blocked.is_empty() {
                c = c.add(post::Column::AuthorMemberId.is_not_in(blocked.iter().copied()));
            }
            c
        }
    }
}

/// Whether this thread is visible to the viewer.
pub fn thread_visible_to(t: &thread::Model, v: Viewer<'_>) -> bool {
    match v {
        Viewer::Moderator => true,
        Viewer::Member { id, blocked } => {
            !blocked.contains(&t.author_member_id)
                && (t.status == st(PostStatus::Published)
                    || (t.author_member_id == id && t.status == st(PostStatus::Pending)))
        }
    }
}

pub fn post_visible_to(p: &post::Model, v: Viewer<'_>) -> bool {
    match v {
        Viewer::Moderator => true,
        Viewer::Member { id, blocked } => {
            !blocked.contains(&p.author_member_id)
                && (p.status == st(PostStatus::Published)
                    || (p.author_member_id == id && p.status == st(PostStatus::Pending)))
        }
    }
}

/// A space's threads, newest first, from before the cursor.
pub async fn thread_page(
    db: &impl ConnectionTrait,
    space_id: i32,
    viewer: Viewer<'_>,
    before: Option<Cursor>,
    limit: u64,
) -> Result<Vec<thread::Model>, DbErr> {
    let mut q = thread::Entity::find()
        .filter(thread::Column::SpaceId.eq(space_id))
        .filter(thread_visible(viewer));
    if let Some((at, id)) = before {
        q = q.filter(
            Condition::any().add(thread::Column::CreatedAt.lt(at)).add(
                Condition::all()
                    .add(thread::Column::CreatedAt.eq(at))
                    .add(thread::Column::Id.lt(id)),
            ),
        );
    }
    q.order_by_desc(thread::Column::CreatedAt)
        .order_by_desc(thread::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

// ------------------------------------------------------------------- posts

pub struct NewPost<'a> {
    pub authority_id: i32,
    pub thread_id: i64,
    pub space_id: i32,
    pub author_member_id: i32,
    pub opening: bool,
    pub body: &'a str,
    pub status: PostStatus,
    pub hold_reasons: String,
    pub flagged: bool,
    pub suggests_harm: bool,
}

pub async fn insert_post(
    db: &impl ConnectionTrait,
    n: NewPost<'_>,
    now: DateTime<Utc>,
) -> Result<post::Model, DbErr> {
    let published = n.status == PostStatus::Published;
    post::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(n.authority_id),
        thread_id: Set(n.thread_id),
        space_id: Set(n.space_id),
        author_member_id: Set(n.author_member_id),
        opening: Set(n.opening),
        body: Set(n.body.to_owned()),
        status: Set(st(n.status).to_owned()),
        hold_reasons: Set(n.hold_reasons),
        flagged: Set(n.flagged),
        flag_open: Set(n.flagged && published),
        suggests_harm: Set(n.suggests_harm),
        edited: Set(false),
        moderator_note: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        created_at: Set(now),
        published_at: Set(published.then_some(now)),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn post_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::AuthorityId.eq(authority_id))
        .filter(post::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn post_by_id(db: &impl ConnectionTrait, id: i64) -> Result<Option<post::Model>, DbErr> {
    post::Entity::find_by_id(id).one(db).await
}

pub async fn posts_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i64],
) -> Result<Vec<post::Model>, DbErr> {
    let mut out = vec![];
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            post::Entity::find()
                .filter(post::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// The opening post of a thread.
pub async fn opening_post(
    db: &impl ConnectionTrait,
    thread_id: i64,
) -> Result<Option<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::ThreadId.eq(thread_id))
        .filter(post::Column::Opening.eq(true))
        .one(db)
        .await
}

/// A thread's posts, oldest first, from after the cursor.
pub async fn post_page(
    db: &impl ConnectionTrait,
    thread_id: i64,
    viewer: Viewer<'_>,
    after: Option<Cursor>,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    let mut q = post::Entity::find()
        .filter(post::Column::ThreadId.eq(thread_id))
        .filter(post_visible(viewer));
    if let Some((at, id)) = after {
        q = q.filter(
            Condition::any().add(post::Column::CreatedAt.gt(at)).add(
                Condition::all()
                    .add(post::Column::CreatedAt.eq(at))
                    .add(post::Column::Id.gt(id)),
            ),
        );
    }
    q.order_by_asc(post::Column::CreatedAt)
        .order_by_asc(post::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// A member's own posts, newest first.
pub async fn posts_of_member(
    db: &impl ConnectionTrait,
    member_id: i32,
    before: Option<Cursor>,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    let mut q = post::Entity::find()
        .filter(post::Column::AuthorMemberId.eq(member_id))
        .filter(post::Column::Status.ne(st(PostStatus::Deleted)));
    if let Some((at, id)) = before {
        q = q.filter(
            Condition::any().add(post::Column::CreatedAt.lt(at)).add(
                Condition::all()
                    .add(post::Column::CreatedAt.eq(at))
                    .add(post::Column::Id.lt(id)),
            ),
        );
    }
    q.order_by_desc(post::Column::CreatedAt)
        .order_by_desc(post::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// What a moderator decided about a post.
pub struct Decision<'a> {
    pub from: &'a [PostStatus],
    pub to: PostStatus,
    pub by: Option<i32>,
    pub note: Option<&'a str>,
    /// A moderator's new text (kept as the post's body).
    pub body: Option<&'a str>,
}

/// Moves a post on, only while it is in one of `from` (so two moderators
/// acting at once cannot both win). Answers whether it moved.
pub async fn decide(
    db: &impl ConnectionTrait,
    id: i64,
    d: Decision<'_>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut q = post::Entity::update_many()
        .col_expr(post::Column::Status, Expr::value(st(d.to)))
        .col_expr(post::Column::DecidedBy, Expr::value(d.by))
        .col_expr(post::Column::DecidedAt, Expr::value(Some(now)))
        .col_expr(post::Column::FlagOpen, Expr::value(false));
    if let Some(note) = d.note {
        q = q.col_expr(post::Column::ModeratorNote, Expr::value(note));
    }
    if let Some(body) = d.body {
        q = q
            .col_expr(post::Column::Body, Expr::value(body))
            .col_expr(post::Column::Edited, Expr::value(true));
    }
    if d.to == PostStatus::Published {
        q = q.col_expr(post::Column::PublishedAt, Expr::value(Some(now)));
    }
    let from: Vec<&str> = d.from.iter().map(|s| st(*s)).collect();
    Ok(q.filter(post::Column::Id.eq(id))
        .filter(post::Column::Status.is_in(from))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// The author deletes their own post; false when it was not theirs to
/// delete any more.
pub async fn delete_by_author(
    db: &impl ConnectionTrait,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    Ok(post::Entity::update_many()
        .col_expr(post::Column::Status, Expr::value(st(PostStatus::Deleted)))
        .col_expr(post::Column::DecidedAt, Expr::value(Some(now)))
        .col_expr(post::Column::FlagOpen, Expr::value(false))
        .filter(post::Column::Id.eq(id))
        .filter(post::Column::Status.is_in([st(PostStatus::Pending), st(PostStatus::Published)]))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// A moderator has looked at a flagged post; false when there was no open
/// flag.
pub async fn close_flag(db: &impl ConnectionTrait, id: i64) -> Result<bool, DbErr> {
    Ok(post::Entity::update_many()
        .col_expr(post::Column::FlagOpen, Expr::value(false))
        .filter(post::Column::Id.eq(id))
        .filter(post::Column::FlagOpen.eq(true))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

/// Posts waiting for approval, oldest first.
pub async fn pending_posts(
    db: &impl ConnectionTrait,
    authority_id: i32,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::AuthorityId.eq(authority_id))
        .filter(post::Column::Status.eq(st(PostStatus::Pending)))
        .order_by_asc(post::Column::CreatedAt)
        .order_by_asc(post::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Posts up with a flag nobody has looked at, oldest first.
pub async fn flagged_posts(
    db: &impl ConnectionTrait,
    authority_id: i32,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::AuthorityId.eq(authority_id))
        .filter(post::Column::FlagOpen.eq(true))
        .order_by_asc(post::Column::CreatedAt)
        .order_by_asc(post::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

// ----------------------------------------------------------------- reports

pub struct NewReport<'a> {
    pub authority_id: i32,
    pub post_id: i64,
    pub reporter_young_person_id: i32,
    pub reason: Option<&'a str>,
    pub snapshot_title: Option<&'a str>,
    pub snapshot_body: &'a str,
    pub snapshot_author: &'a str,
}

/// Fails with a unique-constraint error when this person has reported this
/// post before.
pub async fn insert_report(
    db: &impl ConnectionTrait,
    n: NewReport<'_>,
    now: DateTime<Utc>,
) -> Result<report::Model, DbErr> {
    report::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(n.authority_id),
        post_id: Set(n.post_id),
        reporter_young_person_id: Set(n.reporter_young_person_id),
        reason: Set(n.reason.map(str::to_owned)),
        snapshot_title: Set(n.snapshot_title.map(str::to_owned)),
        snapshot_body: Set(n.snapshot_body.to_owned()),
        snapshot_author: Set(n.snapshot_author.to_owned()),
        status: Set(REPORT_OPEN.to_owned()),
        outcome: Set(None),
        created_at: Set(now),
        resolved_at: Set(None),
        resolved_by: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn report_of(
    db: &impl ConnectionTrait,
    post_id: i64,
    reporter_young_person_id: i32,
) -> Result<Option<report::Model>, DbErr> {
    report::Entity::find()
        .filter(report::Column::PostId.eq(post_id))
        .filter(report::Column::ReporterYoungPersonId.eq(reporter_young_person_id))
        .one(db)
        .await
}

/// The reports of these posts, oldest first.
pub async fn reports_for(
    db: &impl ConnectionTrait,
    post_ids: &[i64],
) -> Result<Vec<report::Model>, DbErr> {
    let mut out = vec![];
    for chunk in post_ids.chunks(CHUNK) {
        out.extend(
            report::Entity::find()
                .filter(report::Column::PostId.is_in(chunk.iter().copied()))
                .order_by_asc(report::Column::CreatedAt)
                .order_by_asc(report::Column::Id)
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Posts with open reports, oldest report first.
pub async fn reported_post_ids(
    db: &impl ConnectionTrait,
    authority_id: i32,
    limit: u64,
) -> Result<Vec<i64>, DbErr> {
    let rows: Vec<i64> = report::Entity::find()
        .select_only()
        .column(report::Column::PostId)
        .filter(report::Column::AuthorityId.eq(authority_id))
        .filter(report::Column::Status.eq(REPORT_OPEN))
        .order_by_asc(report::Column::CreatedAt)
        .order_by_asc(report::Column::Id)
        .limit(limit.saturating_mul(4))
        .into_tuple::<i64>()
        .all(db)
        .await?;
    let mut out: Vec<i64> = vec![];
    for id in rows {
        if !out.contains(&id) {
            out.push(id);
        }
        if out.len() as u64 >= limit {
            break;
        }
    }
    Ok(out)
}

/// Resolves a post's open reports with this outcome; answers those it
/// resolved.
pub async fn resolve_reports(
    db: &impl ConnectionTrait,
    post_id: i64,
    outcome: &str,
    by: i32,
    now: DateTime<Utc>,
) -> Result<Vec<report::Model>, DbErr> {
    let open = report::Entity::find()
        .filter(report::Column::PostId.eq(post_id))
        .filter(report::Column::Status.eq(REPORT_OPEN))
        .all(db)
        .await?;
    let mut out = vec![];
    for r in open {
        let res = report::Entity::update_many()
            .col_expr(report::Column::Status, Expr::value(REPORT_RESOLVED))
            .col_expr(report::Column::Outcome, Expr::value(outcome))
            .col_expr(report::Column::ResolvedAt, Expr::value(Some(now)))
            .col_expr(report::Column::ResolvedBy, Expr::value(Some(by)))
            .filter(report::Column::Id.eq(r.id))
            .filter(report::Column::Status.eq(REPORT_OPEN))
            .exec(db)
            .await?;
        if res.rows_affected == 1 {
            out.push(r);
        }
    }
    Ok(out)
}

// ------------------------------------------------------------------ blocks

/// Members this young person has blocked.
pub async fn blocked_by(
    db: &impl ConnectionTrait,
    young_person_id: i32,
) -> Result<Vec<block::Model>, DbErr> {
    block::Entity::find()
        .filter(block::Column::BlockerYoungPersonId.eq(young_person_id))
        .order_by_desc(block::Column::CreatedAt)
        .order_by_desc(block::Column::Id)
        .all(db)
        .await
}

/// Fails with a unique-constraint error when already blocked.
pub async fn insert_block(
    db: &impl ConnectionTrait,
    young_person_id: i32,
    member_id: i32,
    now: DateTime<Utc>,
) -> Result<block::Model, DbErr> {
    block::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        blocker_young_person_id: Set(young_person_id),
        blocked_member_id: Set(member_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Removes one of this young person's blocks; false when there is none
/// with that id.
pub async fn delete_block(
    db: &impl ConnectionTrait,
    young_person_id: i32,
    public_id: &str,
) -> Result<bool, DbErr> {
    Ok(block::Entity::delete_many()
        .filter(block::Column::BlockerYoungPersonId.eq(young_person_id))
        .filter(block::Column::PublicId.eq(public_id))
        .exec(db)
        .await?
        .rows_affected
        == 1)
}

// ----------------------------------------------------------- watched words

fn tier_str(t: Tier) -> &'static str {
    match t {
        Tier::Block => "block",
        Tier::Hold => "hold",
        Tier::Flag => "flag",
    }
}

fn tier_of(s: &str) -> Tier {
    match s {
        "block" => Tier::Block,
        "hold" => Tier::Hold,
        _ => Tier::Flag,
    }
}

/// The council's list, and whether it has been set up at all.
pub async fn watched_words(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<(Vec<WatchedWord>, bool), DbErr> {
    let set = setting::Entity::find()
        .filter(setting::Column::AuthorityId.eq(authority_id))
        .one(db)
        .await?
        .is_some_and(|s| s.watched_words_set);
    let words = word::Entity::find()
        .filter(word::Column::AuthorityId.eq(authority_id))
        .order_by_asc(word::Column::Tier)
        .order_by_asc(word::Column::PatternKey)
        .all(db)
        .await?
        .into_iter()
        .map(|w| WatchedWord {
            tier: tier_of(&w.tier),
            pattern: w.pattern,
        })
        .collect();
    Ok((words, set))
}

/// Replaces the council's list (already checked: keys unique).
pub async fn replace_watched_words(
    db: &impl ConnectionTrait,
    authority_id: i32,
    words: &[(WatchedWord, String)],
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    // The settings row first: it also takes SQLite's write lock.
    let updated = setting::Entity::update_many()
        .col_expr(setting::Column::WatchedWordsSet, Expr::value(true))
        .col_expr(setting::Column::UpdatedAt, Expr::value(now))
        .filter(setting::Column::AuthorityId.eq(authority_id))
        .exec(db)
        .await?
        .rows_affected;
    if updated == 0 {
        setting::ActiveModel {
            authority_id: Set(authority_id),
            watched_words_set: Set(true),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    word::Entity::delete_many()
        .filter(word::Column::AuthorityId.eq(authority_id))
        .exec(db)
        .await?;
    for chunk in words.chunks(CHUNK) {
        let rows: Vec<word::ActiveModel> = chunk
            .iter()
            .map(|(w, key)| word::ActiveModel {
                authority_id: Set(authority_id),
                pattern: Set(w.pattern.clone()),
                pattern_key: Set(key.clone()),
                tier: Set(tier_str(w.tier).to_owned()),
                created_by: Set(by),
                created_at: Set(now),
                ..Default::default()
            })
            .collect();
        if !rows.is_empty() {
            word::Entity::insert_many(rows).exec(db).await?;
        }
    }
    Ok(())
}

// ----------------------------------------------------------------- figures

/// Young people (by id) who posted between these instants.
pub async fn posters_between(
    db: &impl ConnectionTrait,
    authority_id: i32,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<i32>, DbErr> {
    let member_ids: Vec<i32> = post::Entity::find()
        .select_only()
        .column(post::Column::AuthorMemberId)
        .distinct()
        .filter(post::Column::AuthorityId.eq(authority_id))
        .filter(post::Column::CreatedAt.gte(from))
        .filter(post::Column::CreatedAt.lt(to))
        .into_tuple::<i32>()
        .all(db)
        .await?;
    Ok(members_by_ids(db, &member_ids)
        .await?
        .into_iter()
        .map(|m| m.young_person_id)
        .collect())
}

/// Active staff of this council in this role (for "who reads this" and for
/// telling moderators about reports).
pub async fn staff_with_role(
    db: &impl ConnectionTrait,
    authority_id: i32,
    role: shared::people::Role,
) -> Result<Vec<crate::entities::account::Model>, DbErr> {
    use crate::entities::account;
    account::Entity::find()
        .filter(account::Column::AuthorityId.eq(authority_id))
        .filter(account::Column::Role.eq(role.as_str()))
        .filter(account::Column::DisabledAt.is_null())
        .order_by_asc(account::Column::DisplayName)
        .all(db)
        .await
}
