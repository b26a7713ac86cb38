//! Events for the participation officer: creating and changing them, and
//! who signed up.

use super::reminders::{cancel_reminder, plan_reminder};
use super::{event_view, places, when, EVENTS_LINK, PLACES_MAX};
use crate::access;
use crate::caller::Caller;
use crate::entities::{forum_event as event, forum_space as space, local_authority};
use crate::error::ApiError;
use crate::push::quiet::zone;
use crate::repo::events as repo;
use crate::repo::forum as forum_repo;
use crate::repo::{audit, councils, notifications, people};
use crate::services::forum::{optional_field, required_field};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::access::Ability;
use shared::forum::{
    EventDraft, SignUpRow, StaffEventView, DESCRIPTION_MAX_CHARS, LOCATION_MAX_CHARS,
    NAME_MAX_CHARS,
};

// ------------------------------------------------ for the participation officer

async fn council(
    db: &impl ConnectionTrait,
    caller: &Caller,
) -> Result<local_authority::Model, ApiError> {
    councils::by_id(db, caller.authority_id)
        .await?
        .ok_or(ApiError::NotFound)
}

pub(super) async fn space_id_of(
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
) -> Result<StaffEventView, ApiError> {
    Ok(StaffEventView {
        event: event_view(e, spaces, false, now)?,
        signed_up: places(Some(e.places_taken)).unwrap_or(0),
        created_at: e.created_at,
    })
}

pub async fn staff_events(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<StaffEventView>, ApiError> {
    access::require(caller, Ability::RunParticipation)?;
    let now = Utc::now();
    let spaces = forum_repo::spaces(db, caller.authority_id, true).await?;
    repo::events_from(db, caller.authority_id, now - Duration::days(30), 500)
        .await?
        .iter()
        .map(|e| staff_event_view(e, &spaces, now))
        .collect()
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
    staff_event_view(&e, &spaces, now)
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
    staff_event_view(&e, &spaces, now)
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
