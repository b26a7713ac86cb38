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

mod sign_up;
mod reminders;
mod staff_events;
mod polls;
mod staff_polls;

pub use sign_up::{list_events, sign_up, cancel_sign_up};
pub use reminders::{reminder_time, EventReminderPayload, plan_reminder, EventReminder};
pub use staff_events::{staff_events, create_event, update_event, signups};
pub use polls::{list_polls, answer};
pub use staff_polls::{staff_polls, staff_poll_detail, create_poll, close_poll, set_outcome};

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
