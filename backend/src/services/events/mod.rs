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

mod polls;
mod reminders;
mod sign_up;
mod staff_events;
mod staff_polls;

pub use polls::{answer, list_polls};
pub use reminders::{plan_reminder, reminder_time, EventReminder, EventReminderPayload};
pub use sign_up::{cancel_sign_up, list_events, sign_up};
pub use staff_events::{create_event, signups, staff_events, update_event};
pub use staff_polls::{close_poll, create_poll, set_outcome, staff_poll_detail, staff_polls};

use crate::entities::{forum_event as event, forum_space as space};
use crate::push::scheduler::Registry;
use crate::services::forum::Participant;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use shared::forum::EventView;

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
) -> Result<EventView, crate::error::ApiError> {
    let places_total = places(e.places);
    let places_left =
        places_total.map(|p| p.saturating_sub(places(Some(e.places_taken)).unwrap_or(0)));
    let open = !e.cancelled
        && e.starts_at > now
        && e.sign_up_closes_at.is_none_or(|c| c > now)
        && places_left != Some(0);
    Ok(EventView {
        id: e.public_id.clone(),
        kind: e.kind()?,
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
    })
}
