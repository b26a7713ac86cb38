//! Positive Journeys' events (meetings, trips, training young people help
//! to give) with sign-up, places left and a reminder; and consultations and
//! quick polls with results shown back ("you said, we did").
//!
//! Places: a sign-up takes its place with one conditional UPDATE in its own
//! transaction, so the last place goes to exactly one person however many
//! ask at once. Reminders are scheduled jobs (`push::scheduler`, kind
//! [`EVENT_REMINDER`]), planned in the sign-up's transaction for 10:00 the
//! day before (or 08:00 on the day when that has passed) and run by the
//! background worker, which registers [`EventReminder`] through
//! [`register_jobs`].

use crate::access;
use crate::auth::Caller;
use crate::entities::{
    forum_event as event, forum_event_signup as signup, forum_poll as poll, forum_space as space,
    local_authority, scheduled_job,
};
use crate::error::ApiError;
use crate::push::quiet::{local_instant, zone};
use crate::push::scheduler::{self, JobError, JobFuture, JobHandler, Registry};
use crate::repo::events as repo;
use crate::repo::forum as forum_repo;
use crate::repo::push::{self as push_repo, NewJob, CANCELLED, PENDING};
use crate::repo::{audit, councils, notifications, people};
use crate::services::forum::{
    alert_harm, harm_help, is_unique_violation, names_or_role, optional_field, participant,
    required_field, watched_words, Participant,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, TransactionTrait};
use serde::{Deserialize, Serialize};
use shared::access::Ability;
use shared::forum::{
    AnswerOutcome, ClosePoll, EventDraft, EventKind, EventView, MyAnswer, NewAnswer, NewSignUp,
    OptionResult, PollDraft, PollKind, PollOutcome, PollResults, PollView, SignUpOutcome,
    SignUpRow, StaffEventView, StaffPollView, BODY_MAX_CHARS, DESCRIPTION_MAX_CHARS,
    LOCATION_MAX_CHARS, NAME_MAX_CHARS, POLL_OPTIONS_MAX, POLL_OPTION_MAX_CHARS, REASON_MAX_CHARS,
};
use shared::people::Role;
use shared::text_checks::{scan, Verdict};

/// The kind of an event reminder job (and of its notification).
pub const EVENT_REMINDER: &str = "forum_event_reminder";
pub const EVENTS_LINK: &str = "/forum/events";
pub const POLLS_LINK: &str = "/forum/polls";
/// The most places an event may have.
const PLACES_MAX: u32 = 10_000;

/// Adds the forum's kinds of scheduled job to the worker's registry.
pub fn register_jobs(registry: &mut Registry) {
    registry.register(EVENT_REMINDER, std::sync::Arc::new(EventReminder));
}

fn kind_of(s: &str) -> EventKind {
    EventKind::parse(s).unwrap_or(EventKind::Other)
}

fn places(n: Option<i32>) -> Option<u32> {
    n.map(|p| u32::try_from(p).unwrap_or(0))
}

fn when(tz: Tz, at: DateTime<Utc>) -> String {
    at.with_timezone(&tz)
        .format("%A %-d %B at %H:%M")
        .to_string()
}

/// Whether a participant may see an event (or poll) for this space: none
/// is for anyone who may see any space.
fn for_them(p: &Participant, space_id: Option<i32>) -> bool {
    match space_id {
        Some(id) => p.space_by_id(id).is_some(),
        None => !p.spaces.is_empty(),
    }
}

fn slug_of_space(spaces: &[space::Model], id: Option<i32>) -> Option<String> {
    id.and_then(|id| spaces.iter().find(|s| s.id == id).map(|s| s.slug.clone()))
}

fn event_view(
    e: &event::Model,
    spaces: &[space::Model],
    signed_up: bool,
    now: DateTime<Utc>,
) -> EventView {
    let places_total = places(e.places);
    let places_left =
        places_total.map(|p| p.saturating_sub(places(Some(e.places_taken)).unwrap_or(0)));
    let open = !e.cancelled
        && e.starts_at > now
        && e.sign_up_closes_at.is_none_or(|c| c > now)
        && places_left != Some(0);
    EventView {
        id: e.public_id.clone(),
        kind: kind_of(&e.kind),
        title: e.title.clone(),
        description: e.description.clone(),
        location: e.location.clone(),
        starts_at: e.starts_at,
        ends_at: e.ends_at,
        space: slug_of_space(spaces, e.space_id),
        places: places_total,
        places_left,
        sign_up_closes_at: e.sign_up_closes_at,
        signed_up,
        can_sign_up: open && !signed_up,
        cancelled: e.cancelled,
    }
}

// -------------------------------------------------------- for young people

pub async fn list_events(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<EventView>, ApiError> {
    let p = participant(db, caller).await?;
    let now = Utc::now();
    let rows: Vec<event::Model> = repo::events_from(db, p.council.id, now, 200)
        .await?
        .into_iter()
        .filter(|e| for_them(&p, e.space_id))
        .collect();
    let mine = repo::my_signups(db, p.young_person.id, rows.iter().map(|e| e.id).collect()).await?;
    Ok(rows
        .iter()
        .filter(|e| !e.cancelled || mine.iter().any(|s| s.event_id == e.id))
        .map(|e| event_view(e, &p.spaces, mine.iter().any(|s| s.event_id == e.id), now))
        .collect())
}

async fn visible_event(
    db: &impl ConnectionTrait,
    p: &Participant,
    event_public_id: &str,
) -> Result<event::Model, ApiError> {
    repo::event_by_public_id(db, p.council.id, event_public_id)
        .await?
        .filter(|e| for_them(p, e.space_id))
        .ok_or(ApiError::NotFound)
}

/// When to remind someone of an event: 10:00 local the day before, or
/// 08:00 on the day if that has passed and the event is at least an hour
/// later; none when it is too soon.
pub fn reminder_time(
    tz: Tz,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<(NaiveDate, DateTime<Utc>)> {
    let day = starts_at.with_timezone(&tz).date_naive();
    if let Some(before) = day.pred_opt() {
        let at = local_instant(tz, before, 10 * 60);
        if at > now {
            return Some((before, at));
        }
    }
    let morning = local_instant(tz, day, 8 * 60);
    (morning > now && morning + Duration::hours(1) <= starts_at).then_some((day, morning))
}

/// What an event reminder job carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventReminderPayload {
    pub signup_id: i32,
}

fn reminder_subject(s: &signup::Model) -> String {
    format!("forum-signup:{}", s.public_id)
}

/// Plans (or moves) one sign-up's reminder, in the caller's transaction;
/// answers when it will go.
pub async fn plan_reminder(
    txn: &impl ConnectionTrait,
    tz: Tz,
    e: &event::Model,
    s: &signup::Model,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, ApiError> {
    let subject = reminder_subject(s);
    let wanted = reminder_time(tz, e.starts_at, now);
    let payload = serde_json::to_string(&EventReminderPayload { signup_id: s.id })
        .map_err(|x| ApiError::Internal(x.to_string()))?;
    let mut cancel = vec![];
    let mut have = false;
    for j in
        push_repo::jobs_for_subjects(txn, EVENT_REMINDER, std::slice::from_ref(&subject)).await?
    {
        match wanted {
            Some((day, at)) if j.due_on == day => {
                have = true;
                match j.status.as_str() {
                    CANCELLED => push_repo::revive_job(txn, j.id, at, &payload).await?,
                    PENDING if j.run_at != at => {
                        push_repo::reschedule_job(txn, j.id, at, &payload).await?
                    }
                    _ => {}
                }
            }
            _ if j.status == PENDING => cancel.push(j.id),
            _ => {}
        }
    }
    push_repo::cancel_jobs(txn, &cancel, now).await?;
    if let (Some((day, at)), false) = (wanted, have) {
        scheduler::plan(
            txn,
            vec![NewJob {
                kind: EVENT_REMINDER.to_owned(),
                subject,
                due_on: day,
                run_at: at,
                payload,
            }],
            now,
        )
        .await?;
    }
    Ok(wanted.map(|(_, at)| at))
}

async fn cancel_reminder(
    txn: &impl ConnectionTrait,
    s: &signup::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let ids: Vec<i64> = push_repo::jobs_for_subjects(txn, EVENT_REMINDER, &[reminder_subject(s)])
        .await?
        .into_iter()
        .filter(|j| j.status == PENDING)
        .map(|j| j.id)
        .collect();
    push_repo::cancel_jobs(txn, &ids, now).await?;
    Ok(())
}

/// Signs up; the last place goes to exactly one person.
pub async fn sign_up(
    db: &DatabaseConnection,
    caller: &Caller,
    event_public_id: &str,
    n: &NewSignUp,
) -> Result<SignUpOutcome, ApiError> {
    let p = participant(db, caller).await?;
    let e = visible_event(db, &p, event_public_id).await?;
    let note = optional_field("note", n.note.as_deref(), REASON_MAX_CHARS)?;
    let now = Utc::now();
    if e.cancelled {
        return Err(ApiError::Conflict(
            "This event has been cancelled.".to_owned(),
        ));
    }
    if e.starts_at <= now {
        return Err(ApiError::Conflict(
            "This event has started already.".to_owned(),
        ));
    }
    if e.sign_up_closes_at.is_some_and(|c| c <= now) {
        return Err(ApiError::Conflict(
            "Signing up for this event has closed.".to_owned(),
        ));
    }
    let existing = repo::signup_of(db, e.id, p.young_person.id).await?;
    let already = || ApiError::Conflict("You are signed up for this already.".to_owned());
    if existing
        .as_ref()
        .is_some_and(|s| s.status == repo::SIGNED_UP)
    {
        return Err(already());
    }
    let tz = zone(&p.council.time_zone);
    let txn = db.begin().await?;
    // The place first: this also takes SQLite's write lock before reading.
    if !repo::take_place(&txn, e.id, now).await? {
        return Err(ApiError::Conflict(
            "Sorry, all the places have gone.".to_owned(),
        ));
    }
    let s = match existing {
        Some(old) => {
            if !repo::set_signup_status(
                &txn,
                old.id,
                repo::CANCELLED,
                repo::SIGNED_UP,
                note.as_deref(),
                now,
            )
            .await?
            {
                return Err(already());
            }
            old
        }
        None => match repo::insert_signup(
            &txn,
            p.council.id,
            e.id,
            p.young_person.id,
            note.as_deref(),
            now,
        )
        .await
        {
            Ok(s) => s,
            Err(x) if is_unique_violation(&x) => return Err(already()),
            Err(x) => return Err(x.into()),
        },
    };
    let reminder_at = plan_reminder(&txn, tz, &e, &s, now).await?;
    txn.commit().await?;
    let officers = names_or_role(
        &forum_repo::staff_with_role(db, p.council.id, Role::ParticipationOfficer)
            .await?
            .into_iter()
            .map(|a| a.display_name)
            .collect::<Vec<_>>(),
    );
    let e = repo::event_by_id(db, e.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(SignUpOutcome {
        event: event_view(&e, &p.spaces, true, now),
        reminder_at,
        message: format!(
            "You're signed up for {} on {}. {officers} can see your name{} so they can plan it. {}",
            e.title,
            when(tz, e.starts_at),
            if note.is_some() { " and your note" } else { "" },
            match reminder_at {
                Some(at) => format!("We'll remind you on {}.", when(tz, at)),
                None => "It's very soon, so there will be no reminder.".to_owned(),
            }
        ),
    })
}

/// Cancels my sign-up (nothing to cancel is fine too).
pub async fn cancel_sign_up(
    db: &DatabaseConnection,
    caller: &Caller,
    event_public_id: &str,
) -> Result<(), ApiError> {
    let p = participant(db, caller).await?;
    let e = visible_event(db, &p, event_public_id).await?;
    let Some(s) = repo::signup_of(db, e.id, p.young_person.id)
        .await?
        .filter(|s| s.status == repo::SIGNED_UP)
    else {
        return Ok(());
    };
    let now = Utc::now();
    let txn = db.begin().await?;
    if repo::set_signup_status(&txn, s.id, repo::SIGNED_UP, repo::CANCELLED, None, now).await? {
        repo::give_back_place(&txn, e.id).await?;
        cancel_reminder(&txn, &s, now).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// "Positive Journeys: Bowling is tomorrow": a notification, whose push
/// carries no more than "You have an update".
pub struct EventReminder;

impl JobHandler for EventReminder {
    fn run<'a>(
        &'a self,
        txn: &'a DatabaseTransaction,
        job: &'a scheduled_job::Model,
        now: DateTime<Utc>,
    ) -> JobFuture<'a> {
        Box::pin(async move {
            let p: EventReminderPayload = serde_json::from_str(&job.payload)
                .map_err(|e| JobError(format!("bad payload: {e}")))?;
            let Some(s) = repo::signup_by_id(txn, p.signup_id).await? else {
                return Ok(());
            };
            if s.status != repo::SIGNED_UP {
                return Ok(());
            }
            let Some(e) = repo::event_by_id(txn, s.event_id).await? else {
                return Ok(());
            };
            if e.cancelled || e.starts_at <= now {
                return Ok(());
            }
            let Some(account_id) = people::by_id(txn, s.young_person_id)
                .await?
                .and_then(|y| y.account_id)
            else {
                return Ok(());
            };
            let tz = councils::by_id(txn, e.authority_id)
                .await?
                .map(|c| zone(&c.time_zone))
                .unwrap_or(chrono_tz::Europe::London);
            let body = format!(
                "Reminder: {} is on {}, at {}.",
                e.title,
                when(tz, e.starts_at),
                e.location
            );
            notifications::add(
                txn,
                notifications::NewNotification {
                    account_id,
                    kind: EVENT_REMINDER,
                    title: "You have an update",
                    body: &body,
                    link: EVENTS_LINK,
                    urgent: false,
                },
                now,
            )
            .await?;
            Ok(())
        })
    }
}

// ------------------------------------------------ for the participation officer

async fn council(
    db: &impl ConnectionTrait,
    caller: &Caller,
) -> Result<local_authority::Model, ApiError> {
    councils::by_id(db, caller.authority_id)
        .await?
        .ok_or(ApiError::NotFound)
}

async fn space_id_of(
    db: &impl ConnectionTrait,
    authority_id: i32,
    slug: Option<&str>,
) -> Result<Option<i32>, ApiError> {
    match slug.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => Ok(Some(
            forum_repo::space_by_slug(db, authority_id, s)
                .await?
                .filter(|s| !s.archived)
                .ok_or_else(|| {
                    ApiError::validation("space", "There is no open space with that id.")
                })?
                .id,
        )),
    }
}

struct CheckedEvent {
    title: String,
    description: String,
    location: String,
    places: Option<i32>,
}

fn check_event(d: &EventDraft) -> Result<CheckedEvent, ApiError> {
    let title = required_field("title", &d.title, NAME_MAX_CHARS, "a title")?;
    let description = optional_field("description", Some(&d.description), DESCRIPTION_MAX_CHARS)?
        .unwrap_or_default();
    let location = required_field("location", &d.location, LOCATION_MAX_CHARS, "where it is")?;
    if d.ends_at <= d.starts_at {
        return Err(ApiError::validation(
            "ends_at",
            "The end must be after the start.",
        ));
    }
    if d.sign_up_closes_at.is_some_and(|c| c > d.starts_at) {
        return Err(ApiError::validation(
            "sign_up_closes_at",
            "Signing up must close before the event starts.",
        ));
    }
    let places = match d.places {
        Some(0) => {
            return Err(ApiError::validation(
                "places",
                "Give at least 1 place, or leave it out for no limit.",
            ))
        }
        Some(n) if n > PLACES_MAX => {
            return Err(ApiError::validation(
                "places",
                format!("Give {PLACES_MAX} places or fewer."),
            ))
        }
        Some(n) => Some(i32::try_from(n).unwrap_or(i32::MAX)),
        None => None,
    };
    Ok(CheckedEvent {
        title,
        description,
        location,
        places,
    })
}

fn event_write<'a>(
    d: &'a EventDraft,
    c: &'a CheckedEvent,
    space_id: Option<i32>,
) -> repo::EventWrite<'a> {
    repo::EventWrite {
        space_id,
        kind: d.kind.as_str(),
        title: &c.title,
        description: &c.description,
        location: &c.location,
        starts_at: d.starts_at,
        ends_at: d.ends_at,
        places: c.places,
        sign_up_closes_at: d.sign_up_closes_at,
        cancelled: d.cancelled,
    }
}

fn staff_event_view(
    e: &event::Model,
    spaces: &[space::Model],
    now: DateTime<Utc>,
) -> StaffEventView {
    StaffEventView {
        event: event_view(e, spaces, false, now),
        signed_up: places(Some(e.places_taken)).unwrap_or(0),
        created_at: e.created_at,
    }
}

pub async fn staff_events(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<StaffEventView>, ApiError> {
    access::require(caller, Ability::RunParticipation)?;
    let now = Utc::now();
    let spaces = forum_repo::spaces(db, caller.authority_id, true).await?;
    Ok(
        repo::events_from(db, caller.authority_id, now - Duration::days(30), 500)
            .await?
            .iter()
            .map(|e| staff_event_view(e, &spaces, now))
            .collect(),
    )
}

pub async fn create_event(
    db: &DatabaseConnection,
    caller: &Caller,
    d: &EventDraft,
) -> Result<StaffEventView, ApiError> {
    access::require(caller, Ability::RunParticipation)?;
    let c = check_event(d)?;
    let now = Utc::now();
    if d.starts_at <= now {
        return Err(ApiError::validation(
            "starts_at",
            "The event must start in the future.",
        ));
    }
    if d.cancelled {
        return Err(ApiError::validation(
            "cancelled",
            "A new event cannot be cancelled already.",
        ));
    }
    let space_id = space_id_of(db, caller.authority_id, d.space.as_deref()).await?;
    let e = repo::insert_event(
        db,
        caller.authority_id,
        event_write(d, &c, space_id),
        caller.account_id,
        now,
    )
    .await?;
    let spaces = forum_repo::spaces(db, caller.authority_id, true).await?;
    Ok(staff_event_view(&e, &spaces, now))
}

/// Changes an event. Cancelling it tells everyone signed up and stops their
/// reminders; moving it moves their reminders.
pub async fn update_event(
    db: &DatabaseConnection,
    caller: &Caller,
    event_public_id: &str,
    d: &EventDraft,
) -> Result<StaffEventView, ApiError> {
    access::require(caller, Ability::RunParticipation)?;
    let old = repo::event_by_public_id(db, caller.authority_id, event_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let c = check_event(d)?;
    if let Some(p) = c.places {
        if p < old.places_taken {
            return Err(ApiError::validation(
                "places",
                format!(
                    "{} people have signed up already: give at least that many places.",
                    old.places_taken
                ),
            ));
        }
    }
    let space_id = space_id_of(db, caller.authority_id, d.space.as_deref()).await?;
    let now = Utc::now();
    let tz = zone(&council(db, caller).await?.time_zone);
    let txn = db.begin().await?;
    if !repo::update_event(&txn, old.id, event_write(d, &c, space_id), now).await? {
        return Err(ApiError::Conflict(
            "More people signed up a moment ago than that many places. Reload and try again."
                .to_owned(),
        ));
    }
    let e = repo::event_by_id(&txn, old.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let signups = repo::signups_for(&txn, e.id).await?;
    let newly_cancelled = e.cancelled && !old.cancelled;
    for s in &signups {
        if e.cancelled {
            cancel_reminder(&txn, s, now).await?;
        } else if e.starts_at != old.starts_at || old.cancelled {
            plan_reminder(&txn, tz, &e, s, now).await?;
        }
        if newly_cancelled || (!e.cancelled && e.starts_at != old.starts_at) {
            let body = if newly_cancelled {
                format!(
                    "Sorry: {} on {} is cancelled.",
                    e.title,
                    when(tz, old.starts_at)
                )
            } else {
                format!("{} has moved to {}.", e.title, when(tz, e.starts_at))
            };
            if let Some(account_id) = people::by_id(&txn, s.young_person_id)
                .await?
                .and_then(|y| y.account_id)
            {
                notifications::add(
                    &txn,
                    notifications::NewNotification {
                        account_id,
                        kind: "forum_event_changed",
                        title: "You have an update",
                        body: &body,
                        link: EVENTS_LINK,
                        urgent: false,
                    },
                    now,
                )
                .await?;
            }
        }
    }
    txn.commit().await?;
    let spaces = forum_repo::spaces(db, caller.authority_id, true).await?;
    Ok(staff_event_view(&e, &spaces, now))
}

/// Who is coming, for the participation officer to plan the event. Each
/// young person listed gets an audit row (it is their name and age).
pub async fn signups(
    db: &DatabaseConnection,
    caller: &Caller,
    event_public_id: &str,
) -> Result<Vec<SignUpRow>, ApiError> {
    access::require(caller, Ability::RunParticipation)?;
    let e = repo::event_by_public_id(db, caller.authority_id, event_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let rows = repo::signups_for(db, e.id).await?;
    let ids: Vec<i32> = rows.iter().map(|s| s.young_person_id).collect();
    let people = forum_repo::young_people_by_ids(db, &ids).await?;
    let council = council(db, caller).await?;
    let today = crate::services::forum::council_today(&council);
    let now = Utc::now();
    let txn = db.begin().await?;
    let mut out = vec![];
    for s in rows {
        let Some(y) = people.iter().find(|y| y.id == s.young_person_id) else {
            continue;
        };
        audit::record(
            &txn,
            audit::Event {
                authority_id: caller.authority_id,
                actor_account_id: Some(caller.account_id),
                actor_role: caller.role.as_str(),
                young_person_id: Some(y.id),
                action: "read_event_signups",
                basis: "signed_up_to_event",
                allocation_id: None,
                outcome: "allowed",
                reason: Some(&e.title),
            },
            now,
        )
        .await?;
        out.push(SignUpRow {
            name: y.preferred_name.clone(),
            age: shared::care_status::age_on(y.date_of_birth, today),
            note: s.note,
            signed_up_at: s.created_at,
        });
    }
    txn.commit().await?;
    Ok(out)
}

// ------------------------------------------------------------------- polls

fn options_of(p: &poll::Model) -> Vec<String> {
    serde_json::from_str(&p.options).unwrap_or_default()
}

fn is_open(p: &poll::Model, now: DateTime<Utc>) -> bool {
    p.closed_at.is_none() && p.closes_at > now
}

async fn results(db: &impl ConnectionTrait, p: &poll::Model) -> Result<PollResults, ApiError> {
    let chosen = repo::options_chosen(db, p.id).await?;
    let options = options_of(p);
    Ok(PollResults {
        answers: u32::try_from(chosen.len()).unwrap_or(u32::MAX),
        options: options
            .iter()
            .enumerate()
            .map(|(i, o)| OptionResult {
                option: o.clone(),
                count: u32::try_from(
                    chosen
                        .iter()
                        .filter(|c| **c == i32::try_from(i).ok())
                        .count(),
                )
                .unwrap_or(u32::MAX),
            })
            .collect(),
    })
}

async fn poll_view(
    db: &impl ConnectionTrait,
    p: &poll::Model,
    spaces: &[space::Model],
    mine: Option<MyAnswer>,
    staff: bool,
    now: DateTime<Utc>,
) -> Result<PollView, ApiError> {
    let open = is_open(p, now);
    let show_results = staff || !open || mine.is_some();
    Ok(PollView {
        id: p.public_id.clone(),
        kind: PollKind::parse(&p.kind).unwrap_or(PollKind::Poll),
        question: p.question.clone(),
        description: p.description.clone(),
        options: options_of(p),
        allows_comment: p.allows_comment,
        space: slug_of_space(spaces, p.space_id),
        closes_at: p.closed_at.unwrap_or(p.closes_at),
        open,
        my_answer: mine,
        results: if show_results {
            Some(results(db, p).await?)
        } else {
            None
        },
        you_said_we_did: if open {
            None
        } else {
            p.you_said_we_did.clone()
        },
    })
}

fn my_answer(a: crate::entities::forum_poll_answer::Model) -> MyAnswer {
    MyAnswer {
        option: a.option_index.and_then(|i| u32::try_from(i).ok()),
        comment: a.comment,
    }
}

/// Open polls and those closed in the last 90 days, for me.
pub async fn list_polls(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<PollView>, ApiError> {
    let p = participant(db, caller).await?;
    let now = Utc::now();
    let mut out = vec![];
    for row in repo::polls_from(db, p.council.id, now - Duration::days(90), 100).await? {
        if !for_them(&p, row.space_id) {
            continue;
        }
        let mine = repo::answer_of(db, row.id, p.young_person.id)
            .await?
            .map(my_answer);
        out.push(poll_view(db, &row, &p.spaces, mine, false, now).await?);
    }
    Ok(out)
}

/// Answers a poll once. An option outside the list answers 422; a second
/// answer 409; words that suggest harm in a comment alert the worker.
pub async fn answer(
    db: &DatabaseConnection,
    caller: &Caller,
    poll_public_id: &str,
    a: &NewAnswer,
) -> Result<AnswerOutcome, ApiError> {
    let p = participant(db, caller).await?;
    let row = repo::poll_by_public_id(db, p.council.id, poll_public_id)
        .await?
        .filter(|r| for_them(&p, r.space_id))
        .ok_or(ApiError::NotFound)?;
    let options = options_of(&row);
    let option = match (a.option, options.is_empty()) {
        (Some(i), false) if (i as usize) < options.len() => Some(i32::try_from(i).unwrap_or(0)),
        (Some(_), false) => {
            return Err(ApiError::validation(
                "option",
                "That is not one of the answers. Choose one of them.",
            ))
        }
        (Some(_), true) => {
            return Err(ApiError::validation(
                "option",
                "This one has no answers to choose from: say what you think instead.",
            ))
        }
        (None, false) => {
            return Err(ApiError::validation("option", "Choose one of the answers."));
        }
        (None, true) => None,
    };
    let comment = optional_field("comment", a.comment.as_deref(), BODY_MAX_CHARS)?;
    if comment.is_some() && !row.allows_comment {
        return Err(ApiError::validation(
            "comment",
            "This one only asks you to choose an answer.",
        ));
    }
    if option.is_none() && comment.is_none() {
        return Err(ApiError::validation("comment", "Write what you think."));
    }
    let now = Utc::now();
    if !is_open(&row, now) {
        return Err(ApiError::Conflict(
            "This has closed, so it cannot be answered now.".to_owned(),
        ));
    }
    let already = || ApiError::Conflict("You have answered this already. Thank you!".to_owned());
    if repo::answer_of(db, row.id, p.young_person.id)
        .await?
        .is_some()
    {
        return Err(already());
    }
    let checked = match &comment {
        Some(c) => Some(scan(c, &watched_words(db, p.council.id).await?)),
        None => None,
    };
    if let Some(s) = checked.as_ref().filter(|s| s.verdict == Verdict::Block) {
        let words: Vec<String> = s
            .watched
            .iter()
            .filter(|m| m.tier == shared::text_checks::Tier::Block)
            .map(|m| format!("\"{}\"", m.pattern))
            .collect();
        return Err(ApiError::validation(
            "comment",
            format!(
                "{} Change: {}.",
                s.message_for_child().unwrap_or_default(),
                words.join(", ")
            ),
        ));
    }
    let harm = checked.as_ref().is_some_and(|s| s.suggests_harm);
    let txn = db.begin().await?;
    match repo::insert_answer(
        &txn,
        p.council.id,
        row.id,
        p.young_person.id,
        option,
        comment.as_deref(),
        now,
    )
    .await
    {
        Ok(_) => {}
        Err(x) if is_unique_violation(&x) => return Err(already()),
        Err(x) => return Err(x.into()),
    }
    if harm {
        let phrases: Vec<String> = checked
            .iter()
            .flat_map(|s| s.harm_matches.iter().map(|m| m.phrase.clone()))
            .collect();
        alert_harm(
            &txn,
            &p,
            &format!("an answer to \"{}\"", row.question),
            &phrases,
            None,
            None,
            now,
        )
        .await?;
    }
    txn.commit().await?;
    let mine = repo::answer_of(db, row.id, p.young_person.id)
        .await?
        .map(my_answer);
    Ok(AnswerOutcome {
        poll: poll_view(db, &row, &p.spaces, mine, false, now).await?,
        help: harm.then(|| harm_help(&p.council)),
    })
}

async fn staff_poll_view(
    db: &impl ConnectionTrait,
    p: &poll::Model,
    spaces: &[space::Model],
    now: DateTime<Utc>,
) -> Result<StaffPollView, ApiError> {
    Ok(StaffPollView {
        poll: poll_view(db, p, spaces, None, true, now).await?,
        results: results(db, p).await?,
        comments: repo::comments(db, p.id).await?,
        created_at: p.created_at,
    })
}

pub async fn staff_polls(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<StaffPollView>, ApiError> {
    access::require(caller, Ability::RunParticipation)?;
    let now = Utc::now();
    let spaces = forum_repo::spaces(db, caller.authority_id, true).await?;
    let mut out = vec![];
    for p in repo::polls_from(db, caller.authority_id, now - Duration::days(365), 200).await? {
        out.push(staff_poll_view(db, &p, &spaces, now).await?);
    }
    Ok(out)
}

async fn staff_poll(
    db: &impl ConnectionTrait,
    caller: &Caller,
    poll_public_id: &str,
) -> Result<poll::Model, ApiError> {
    access::require(caller, Ability::RunParticipation)?;
    repo::poll_by_public_id(db, caller.authority_id, poll_public_id)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn staff_poll_detail(
    db: &DatabaseConnection,
    caller: &Caller,
    poll_public_id: &str,
) -> Result<StaffPollView, ApiError> {
    let p = staff_poll(db, caller, poll_public_id).await?;
    let spaces = forum_repo::spaces(db, caller.authority_id, true).await?;
    staff_poll_view(db, &p, &spaces, Utc::now()).await
}

pub async fn create_poll(
    db: &DatabaseConnection,
    caller: &Caller,
    d: &PollDraft,
) -> Result<StaffPollView, ApiError> {
    access::require(caller, Ability::RunParticipation)?;
    let question = required_field("question", &d.question, REASON_MAX_CHARS, "the question")?;
    let description = optional_field("description", Some(&d.description), DESCRIPTION_MAX_CHARS)?
        .unwrap_or_default();
    let mut options: Vec<String> = vec![];
    for (i, o) in d.options.iter().enumerate() {
        let o = required_field(
            &format!("options[{i}]"),
            o,
            POLL_OPTION_MAX_CHARS,
            "the answer",
        )?;
        if options.iter().any(|x| x.eq_ignore_ascii_case(&o)) {
            return Err(ApiError::validation(
                format!("options[{i}]"),
                format!("\"{o}\" is in the list twice."),
            ));
        }
        options.push(o);
    }
    if options.len() > POLL_OPTIONS_MAX {
        return Err(ApiError::validation(
            "options",
            format!("Give {POLL_OPTIONS_MAX} answers or fewer."),
        ));
    }
    match (d.kind, options.len()) {
        (_, 1) | (PollKind::Poll, 0) => {
            return Err(ApiError::validation(
                "options",
                "Give at least 2 answers to choose from.",
            ))
        }
        (PollKind::Consultation, 0) if !d.allows_comment => {
            return Err(ApiError::validation(
                "allows_comment",
                "With no answers to choose from, let young people write what they think.",
            ))
        }
        _ => {}
    }
    let now = Utc::now();
    if d.closes_at <= now {
        return Err(ApiError::validation(
            "closes_at",
            "It must close in the future.",
        ));
    }
    if d.closes_at > now + Duration::days(366) {
        return Err(ApiError::validation(
            "closes_at",
            "It must close within a year.",
        ));
    }
    let space_id = space_id_of(db, caller.authority_id, d.space.as_deref()).await?;
    let row = repo::insert_poll(
        db,
        repo::NewPoll {
            authority_id: caller.authority_id,
            space_id,
            kind: d.kind.as_str(),
            question: &question,
            description: &description,
            options_json: serde_json::to_string(&options)
                .map_err(|e| ApiError::Internal(e.to_string()))?,
            allows_comment: d.allows_comment,
            closes_at: d.closes_at,
            created_by: caller.account_id,
        },
        now,
    )
    .await?;
    let spaces = forum_repo::spaces(db, caller.authority_id, true).await?;
    staff_poll_view(db, &row, &spaces, now).await
}

fn outcome_text(text: Option<&str>) -> Result<Option<String>, ApiError> {
    optional_field("you_said_we_did", text, DESCRIPTION_MAX_CHARS)
}

/// Closes a poll now, with "you said, we did" if it is ready.
pub async fn close_poll(
    db: &DatabaseConnection,
    caller: &Caller,
    poll_public_id: &str,
    c: &ClosePoll,
) -> Result<StaffPollView, ApiError> {
    let p = staff_poll(db, caller, poll_public_id).await?;
    let text = outcome_text(c.you_said_we_did.as_deref())?;
    let now = Utc::now();
    let txn = db.begin().await?;
    if !repo::close_poll(&txn, p.id, now).await? {
        return Err(ApiError::Conflict("This has closed already.".to_owned()));
    }
    if let Some(t) = &text {
        repo::set_outcome(&txn, p.id, t).await?;
    }
    txn.commit().await?;
    staff_poll_detail(db, caller, poll_public_id).await
}

/// Says what the council did about what young people said (once closed).
pub async fn set_outcome(
    db: &DatabaseConnection,
    caller: &Caller,
    poll_public_id: &str,
    o: &PollOutcome,
) -> Result<StaffPollView, ApiError> {
    let p = staff_poll(db, caller, poll_public_id).await?;
    let text = outcome_text(Some(&o.you_said_we_did))?
        .ok_or_else(|| ApiError::validation("you_said_we_did", "Write what the council did."))?;
    if is_open(&p, Utc::now()) {
        return Err(ApiError::Conflict(
            "It is still open. Close it first, then say what was done.".to_owned(),
        ));
    }
    repo::set_outcome(db, p.id, &text).await?;
    staff_poll_detail(db, caller, poll_public_id).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn reminders_go_the_day_before_or_that_morning() {
        let tz = chrono_tz::Europe::London;
        // An event on Saturday 14 March 2026 at 14:00 (GMT).
        let start = Utc
            .with_ymd_and_hms(2026, 3, 14, 14, 0, 0)
            .single()
            .unwrap_or_default();
        let early = Utc
            .with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
            .single()
            .unwrap_or_default();
        let (day, at) = reminder_time(tz, start, early).unwrap_or_default();
        assert_eq!(
            day,
            NaiveDate::from_ymd_opt(2026, 3, 13).unwrap_or_default()
        );
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 3, 13, 10, 0, 0)
                .single()
                .unwrap_or_default()
        );
        // Signed up the evening before: that morning at 08:00.
        let late = Utc
            .with_ymd_and_hms(2026, 3, 13, 19, 0, 0)
            .single()
            .unwrap_or_default();
        let (day, at) = reminder_time(tz, start, late).unwrap_or_default();
        assert_eq!(
            day,
            NaiveDate::from_ymd_opt(2026, 3, 14).unwrap_or_default()
        );
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 3, 14, 8, 0, 0)
                .single()
                .unwrap_or_default()
        );
        // On the day: too soon.
        let same = Utc
            .with_ymd_and_hms(2026, 3, 14, 9, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(reminder_time(tz, start, same), None);
        // Summer time: 10:00 BST is 09:00 UTC.
        let summer = Utc
            .with_ymd_and_hms(2026, 7, 4, 13, 0, 0)
            .single()
            .unwrap_or_default();
        let (_, at) = reminder_time(tz, summer, early).unwrap_or_default();
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 7, 3, 9, 0, 0)
                .single()
                .unwrap_or_default()
        );
    }
}
