//! Positive Journeys for young people: the spaces their age and status
//! allow, threads and replies checked as they are posted, their own posts
//! and what happened to them, reports, blocks and their display name.
//!
//! What happens to a post is [`shared::forum::decide`] over
//! [`shared::text_checks::scan`] with the council's watched words: a Block
//! word refuses it (422, nothing stored); harm, personal details, a Hold
//! word or the under-18 rule of the space hold it for approval; words that
//! suggest harm also alert the young person's named worker (urgent, in the
//! same transaction) and answer the young person with Childline and the
//! council's duty desk.

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

/// Where young people's notifications about the forum open in the app.
pub const MY_POSTS_LINK: &str = "/forum/my-posts";
pub const MODERATION_LINK: &str = "/staff/forum/moderation";

pub fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}

/// The rule of a stored space; none when it cannot be read (nobody is let
/// in rather than everybody).
pub fn rule_of(s: &space::Model) -> Option<SpaceRule> {
    Some(SpaceRule {
        min_age: u32::try_from(s.min_age).ok()?,
        max_age: u32::try_from(s.max_age).ok()?,
        audience: Audience::parse(&s.audience)?,
    })
}

pub fn status_of(s: &str) -> PostStatus {
    PostStatus::parse(s).unwrap_or(PostStatus::Pending)
}

/// Today in the council's time zone.
pub fn council_today(council: &local_authority::Model) -> chrono::NaiveDate {
    Utc::now()
        .with_timezone(&crate::push::quiet::zone(&council.time_zone))
        .date_naive()
}

/// The council's watched words: its own list once set up, the defaults
/// before.
pub async fn watched_words(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<WatchedWord>, ApiError> {
    let (words, set) = repo::watched_words(db, authority_id).await?;
    Ok(if set { words } else { default_watched_words() })
}

/// A page size from the query.
pub fn page_size(limit: Option<u64>) -> u64 {
    limit.unwrap_or(PAGE_DEFAULT).clamp(1, PAGE_MAX)
}

fn bad_cursor(field: &str) -> ApiError {
    ApiError::validation(
        field,
        "That page marker is not one we gave out. Start from the first page.",
    )
}

/// A young person using Positive Journeys, with what they may see.
pub struct Participant {
    pub young_person: young_person::Model,
    pub council: local_authority::Model,
    pub summary: CareSummary,
    pub member: member::Model,
    /// Spaces their age and status allow (not archived).
    pub spaces: Vec<space::Model>,
    /// Members whose posts they do not see.
    pub blocked: Vec<i32>,
}

impl Participant {
    pub fn viewer(&self) -> Viewer<'_> {
        Viewer::Member {
            id: self.member.id,
            blocked: &self.blocked,
        }
    }

    /// A space they may see, by its id; anything else is not found.
    pub fn space(&self, slug: &str) -> Result<&space::Model, ApiError> {
        self.spaces
            .iter()
            .find(|s| s.slug == slug)
            .ok_or(ApiError::NotFound)
    }

    pub fn space_by_id(&self, id: i32) -> Option<&space::Model> {
        self.spaces.iter().find(|s| s.id == id)
    }

    pub fn under_18(&self) -> bool {
        self.summary.age < 18
    }

    /// Whether they may post now; the reason when not.
    pub fn suspended_because(&self, now: DateTime<Utc>) -> Option<String> {
        let until = self.member.suspended_until.filter(|u| *u > now)?;
        let tz = crate::push::quiet::zone(&self.council.time_zone);
        Some(format!(
            "You can't post in Positive Journeys until {}. {}",
            until.with_timezone(&tz).format("%A %-d %B at %H:%M"),
            self.member.suspension_reason.clone().unwrap_or_default()
        ))
    }
}

/// The signed-in young person as a participant (404 for anyone else).
pub async fn participant(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Participant, ApiError> {
    access::require(caller, Ability::TakePart)?;
    let yp_id = caller.young_person_id.ok_or(ApiError::NotFound)?;
    let yp = people::by_id(db, yp_id)
        .await?
        .filter(|y| y.authority_id == caller.authority_id)
        .ok_or(ApiError::NotFound)?;
    let council = councils::by_id(db, yp.authority_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let episodes = people::episodes(db, yp.id).await?;
    let in_education = circumstances::for_young_person(db, yp.id)
        .await?
        .is_some_and(|c| c.in_education);
    let summary = care_summary(
        yp.date_of_birth,
        &episodes,
        council_today(&council),
        in_education,
    );
    let spaces = repo::spaces(db, yp.authority_id, false)
        .await?
        .into_iter()
        .filter(|s| rule_of(s).is_some_and(|r| r.admits(&summary)))
        .collect();
    let member = ensure_member(db, &yp).await?;
    let blocked = repo::blocked_by(db, yp.id)
        .await?
        .into_iter()
        .map(|b| b.blocked_member_id)
        .collect();
    Ok(Participant {
        young_person: yp,
        council,
        summary,
        member,
        spaces,
        blocked,
    })
}

const ADJECTIVES: &[&str] = &[
    "Brave", "Bright", "Calm", "Clever", "Cosy", "Gentle", "Golden", "Happy", "Kind", "Lucky",
    "Mighty", "Quiet", "Quick", "Silver", "Sunny", "Swift", "Wise", "Jolly", "Bold", "Cheery",
];
const ANIMALS: &[&str] = &[
    "Otter", "Fox", "Badger", "Owl", "Hedgehog", "Robin", "Dolphin", "Panda", "Tiger", "Falcon",
    "Rabbit", "Koala", "Penguin", "Squirrel", "Deer", "Hare", "Swan", "Wren", "Seal", "Lynx",
];

/// A made-up name such as "Brave Otter 27", never containing the real name.
fn made_up_name(real: &str) -> String {
    let mut name = String::new();
    for _ in 0..100 {
        let b = *uuid::Uuid::new_v4().as_bytes();
        name = format!(
            "{} {} {}",
            ADJECTIVES[usize::from(b[0]) % ADJECTIVES.len()],
            ANIMALS[usize::from(b[1]) % ANIMALS.len()],
            10 + u32::from(b[2]) % 90
        );
        if check_display_name(&name, real, false, &[]).is_ok() {
            break;
        }
    }
    name
}

/// Their forum membership, made the first time with a made-up name.
async fn ensure_member(
    db: &DatabaseConnection,
    yp: &young_person::Model,
) -> Result<member::Model, ApiError> {
    if let Some(m) = repo::member_of(db, yp.id).await? {
        return Ok(m);
    }
    for _ in 0..20 {
        let name = made_up_name(&yp.preferred_name);
        match repo::insert_member(
            db,
            yp.authority_id,
            yp.id,
            &name,
            &display_name_key(&name),
            Utc::now(),
        )
        .await
        {
            Ok(m) => return Ok(m),
            Err(e) if is_unique_violation(&e) => {
                // Made at the same moment by another request, or the name
                // is taken: look again, then try another name.
                if let Some(m) = repo::member_of(db, yp.id).await? {
                    return Ok(m);
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(ApiError::Unavailable)
}

async fn officer_names(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<String>, ApiError> {
    Ok(
        repo::staff_with_role(db, authority_id, Role::ParticipationOfficer)
            .await?
            .into_iter()
            .map(|a| a.display_name)
            .collect(),
    )
}

/// "Dee Harper" / "Dee Harper and Sam Lee" / "the participation officer".
pub fn names_or_role(names: &[String]) -> String {
    match names {
        [] => "the participation officer".to_owned(),
        [one] => format!("{one} (participation officer)"),
        more => format!(
            "{} and {} (participation officers)",
            more[..more.len() - 1].join(", "),
            more[more.len() - 1]
        ),
    }
}

fn space_view(s: &space::Model, p: &Participant, officers: &str) -> SpaceView {
    let who_for = rule_of(s).map(|r| r.describe()).unwrap_or_default();
    let checked = p.under_18() && s.hold_under_18;
    SpaceView {
        id: s.slug.clone(),
        name: s.name.clone(),
        description: s.description.clone(),
        who_can_read: format!(
            "{who_for} in {} can read what you post here, and so can {officers}, who looks after the space. They see your forum name, never your real name.",
            p.council.name
        ),
        who_for,
        my_posts_are_checked_first: checked,
    }
}

pub async fn my_forum(db: &DatabaseConnection, caller: &Caller) -> Result<MyForum, ApiError> {
    let p = participant(db, caller).await?;
    let officers = names_or_role(&officer_names(db, p.council.id).await?);
    let now = Utc::now();
    let suspended = p.suspended_because(now).is_some();
    Ok(MyForum {
        display_name: p.member.display_name.clone(),
        display_name_chosen: p.member.name_chosen,
        may_use_real_name: !p.under_18(),
        can_post: !suspended,
        suspended_until: p.member.suspended_until.filter(|u| *u > now),
        suspension_reason: if suspended {
            p.member.suspension_reason.clone()
        } else {
            None
        },
        spaces: p
            .spaces
            .iter()
            .map(|s| space_view(s, &p, &officers))
            .collect(),
    })
}

pub async fn spaces(db: &DatabaseConnection, caller: &Caller) -> Result<Vec<SpaceView>, ApiError> {
    Ok(my_forum(db, caller).await?.spaces)
}

pub async fn set_display_name(
    db: &DatabaseConnection,
    caller: &Caller,
    c: &DisplayNameChange,
) -> Result<MyForum, ApiError> {
    let p = participant(db, caller).await?;
    if c.use_real_name && p.under_18() {
        return Err(ApiError::validation(
            "use_real_name",
            "You can choose to use your real name from 18. Until then, pick a made-up name.",
        ));
    }
    let words = watched_words(db, p.council.id).await?;
    let name = check_display_name(
        &c.display_name,
        &p.young_person.preferred_name,
        c.use_real_name && !p.under_18(),
        &words,
    )
    .map_err(|m| ApiError::validation("display_name", m))?;
    match repo::set_display_name(db, p.member.id, &name, &display_name_key(&name), Utc::now()).await
    {
        Ok(()) => {}
        Err(e) if is_unique_violation(&e) => {
            return Err(ApiError::Conflict(
                "Someone else has that name already. Try another one.".to_owned(),
            ))
        }
        Err(e) => return Err(e.into()),
    }
    my_forum(db, caller).await
}

// ----------------------------------------------------------------- reading

async fn display_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<Vec<member::Model>, ApiError> {
    let mut ids: Vec<i32> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(repo::members_by_ids(db, &ids).await?)
}

fn name_in(members: &[member::Model], id: i32) -> String {
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
) -> ThreadSummary {
    ThreadSummary {
        id: t.public_id.clone(),
        space: space_slug.to_owned(),
        title: t.title.clone(),
        started_by: name_in(members, t.author_member_id),
        started_at: t.created_at,
        mine: me == Some(t.author_member_id),
        status: status_of(&t.status),
        locked: t.locked,
    }
}

fn post_view(p: &post::Model, thread_public_id: &str, author: String, me: i32) -> PostView {
    PostView {
        id: p.public_id.clone(),
        thread_id: thread_public_id.to_owned(),
        author,
        mine: p.author_member_id == me,
        links: find_links(&p.body),
        body: p.body.clone(),
        opening: p.opening,
        status: status_of(&p.status),
        created_at: p.created_at,
        edited_by_moderator: p.edited,
    }
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
            .collect(),
    })
}

/// A thread the participant may see, with its space.
async fn visible_thread<'p>(
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

fn why_not_reply(t: &thread::Model, p: &Participant, now: DateTime<Utc>) -> Option<String> {
    if t.locked {
        return Some(
            "This conversation is closed, so nobody can reply. You can start a new one.".to_owned(),
        );
    }
    if status_of(&t.status) != PostStatus::Published {
        return Some(
            "You can reply once a grown-up has checked the first post and put it up.".to_owned(),
        );
    }
    p.suspended_because(now)
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
    let why = why_not_reply(&t, &p, Utc::now());
    Ok(ThreadView {
        thread: thread_summary(&t, &s.slug, &members, Some(p.member.id)),
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
            .collect(),
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
    Ok(rows
        .iter()
        .filter_map(|r| {
            let t = threads.iter().find(|t| t.id == r.thread_id)?;
            let s = spaces.iter().find(|s| s.id == t.space_id)?;
            let status = status_of(&r.status);
            Some(MyPost {
                post: post_view(r, &t.public_id, p.member.display_name.clone(), p.member.id),
                thread_title: t.title.clone(),
                space_name: s.name.clone(),
                status_text: status.plain().to_owned(),
                moderator_note: r.moderator_note.clone(),
            })
        })
        .collect())
}

// ----------------------------------------------------------------- posting

fn text_field(field: &str, text: &str, max: usize, what: &str) -> Result<String, ApiError> {
    required_text(text, max, what).map_err(|m| ApiError::validation(field, m))
}

/// Who hears that a young person's words suggest harm: their named worker
/// (a social worker while in care, else a personal adviser; the other if
/// there is none), or, with nobody allocated, the participation officers.
async fn workers_to_alert(
    db: &impl ConnectionTrait,
    yp: &young_person::Model,
    in_care: bool,
    now: DateTime<Utc>,
) -> Result<(Vec<i32>, &'static str), ApiError> {
    let order = if in_care {
        [Relationship::SocialWorker, Relationship::PersonalAdviser]
    } else {
        [Relationship::PersonalAdviser, Relationship::SocialWorker]
    };
    for rel in order {
        if let Some(w) = offer_requests::current_worker(db, yp.id, rel, now).await? {
            return Ok((
                vec![w],
                match rel {
                    Relationship::SocialWorker => "Their social worker was alerted.",
                    _ => "Their personal adviser was alerted.",
                },
            ));
        }
    }
    let officers: Vec<i32> = repo::staff_with_role(db, yp.authority_id, Role::ParticipationOfficer)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    Ok((
        officers,
        "Nobody is allocated to them: the participation officers were alerted.",
    ))
}

/// Alerts the named worker (urgent) and logs it, in the caller's
/// transaction. `what` says where the words were written.
pub async fn alert_harm(
    txn: &impl ConnectionTrait,
    p: &Participant,
    what: &str,
    phrases: &[String],
    post_id: Option<i64>,
    thread_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let yp = &p.young_person;
    let (workers, who) = workers_to_alert(txn, yp, p.summary.looked_after_now, now).await?;
    let body = format!(
        "{} wrote something in {what} that suggests they may be at risk (\"{}\"). It has not been shown to anyone else. Please check on them today.",
        yp.preferred_name,
        phrases.join("\", \"")
    );
    for w in &workers {
        notifications::add(
            txn,
            notifications::NewNotification {
                account_id: *w,
                kind: "forum_harm_alert",
                title: "You have an urgent update",
                body: &body,
                link: &format!("/staff/people/{}", yp.public_id),
                urgent: true,
            },
            now,
        )
        .await?;
    }
    modlog::record(
        txn,
        Entry {
            post_id,
            thread_id,
            member_id: Some(p.member.id),
            reason: Some(&format!("Words that suggest harm in {what}. {who}")),
            ..Entry::new(p.council.id, ModAction::HarmAlert)
        },
        now,
    )
    .await?;
    Ok(())
}

pub fn harm_help(council: &local_authority::Model) -> HarmHelp {
    HarmHelp {
        message: format!(
            "{} You can also call {}'s duty desk on {}, day or night.",
            kind_message_for_harm(),
            council.name,
            council.duty_phone
        ),
        childline_phone: CHILDLINE_PHONE.to_owned(),
        duty_phone: council.duty_phone.clone(),
    }
}

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
    let txn = db.begin().await?;
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
        ),
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
    let title = text_field("title", &n.title, TITLE_MAX_CHARS, "a title")?;
    let body = text_field("body", &n.body, BODY_MAX_CHARS, "your post")?;
    if let Some(why) = p.suspended_because(Utc::now()) {
        return Err(ApiError::Conflict(why));
    }
    submit(db, &p, s, None, Some(title), body).await
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
    let body = text_field("body", &n.body, BODY_MAX_CHARS, "your reply")?;
    if let Some(why) = why_not_reply(&t, &p, Utc::now()) {
        return Err(ApiError::Conflict(why));
    }
    submit(db, &p, s, Some(&t), None, body).await
}

/// A post the participant may see, with its thread and space.
async fn visible_post<'p>(
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
        .filter(|r| status_of(&r.status) != PostStatus::Deleted)
        .ok_or(ApiError::NotFound)?;
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

/// "Report this post": two taps, a reason if they want. A second report of
/// the same post by the same person answers 409.
pub async fn report(
    db: &DatabaseConnection,
    caller: &Caller,
    post_public_id: &str,
    r: &NewReport,
) -> Result<ReportReceipt, ApiError> {
    let p = participant(db, caller).await?;
    let (row, t, s) = visible_post(db, &p, post_public_id).await?;
    let reason = optional_text(r.reason.as_deref(), REASON_MAX_CHARS)
        .map_err(|m| ApiError::validation("reason", m))?;
    if row.author_member_id == p.member.id {
        return Err(ApiError::validation(
            "post",
            "This is your own post. You can delete it instead.",
        ));
    }
    let already = || {
        ApiError::Conflict(
            "You have reported this post already. Thank you: a grown-up will look at it."
                .to_owned(),
        )
    };
    if repo::report_of(db, row.id, p.young_person.id)
        .await?
        .is_some()
    {
        return Err(already());
    }
    let author = repo::members_by_ids(db, &[row.author_member_id])
        .await?
        .into_iter()
        .next()
        .map(|m| m.display_name)
        .unwrap_or_default();
    let now = Utc::now();
    let txn = db.begin().await?;
    let made = match repo::insert_report(
        &txn,
        repo::NewReport {
            authority_id: p.council.id,
            post_id: row.id,
            reporter_young_person_id: p.young_person.id,
            reason: reason.as_deref(),
            snapshot_title: row.opening.then_some(t.title.as_str()),
            snapshot_body: &row.body,
            snapshot_author: &author,
        },
        now,
    )
    .await
    {
        Ok(m) => m,
        Err(e) if is_unique_violation(&e) => return Err(already()),
        Err(e) => return Err(e.into()),
    };
    modlog::record(
        &txn,
        Entry {
            actor_account_id: Some(caller.account_id),
            actor_role: Some(Role::YoungPerson.as_str()),
            actor_name: Some(&p.member.display_name),
            post_id: Some(row.id),
            thread_id: Some(t.id),
            member_id: Some(row.author_member_id),
            reason: reason.as_deref(),
            ..Entry::new(p.council.id, ModAction::Reported)
        },
        now,
    )
    .await?;
    for officer in repo::staff_with_role(&txn, p.council.id, Role::ParticipationOfficer).await? {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id: officer.id,
                kind: "forum_report",
                title: "You have an update",
                body: &format!("A post in {} has been reported.", s.name),
                link: MODERATION_LINK,
                urgent: false,
            },
            now,
        )
        .await?;
    }
    txn.commit().await?;
    let officers = names_or_role(&officer_names(db, p.council.id).await?);
    Ok(ReportReceipt {
        id: made.public_id,
        message: format!(
            "Thank you for telling us. {officers} will look at it. Nobody else is told who reported it."
        ),
    })
}

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

/// The optional-text check with a field name, for other forum services.
pub fn optional_field(
    field: &str,
    text: Option<&str>,
    max: usize,
) -> Result<Option<String>, ApiError> {
    optional_text(text, max).map_err(|m| ApiError::validation(field, m))
}

/// The required-text check with a field name, for other forum services.
pub fn required_field(field: &str, text: &str, max: usize, what: &str) -> Result<String, ApiError> {
    text_field(field, text, max, what)
}

/// The young person's account, to tell them something.
pub async fn account_of_member(
    db: &impl ConnectionTrait,
    m: &member::Model,
) -> Result<Option<i32>, ApiError> {
    Ok(people::by_id(db, m.young_person_id)
        .await?
        .and_then(|y| y.account_id))
}
