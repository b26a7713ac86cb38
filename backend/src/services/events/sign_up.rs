//! Events for young people: the list they may join, signing up and
//! cancelling.

use super::reminders::{cancel_reminder, plan_reminder};
use super::{event_view, for_them, when};
use crate::caller::Caller;
use crate::entities::forum_event as event;
use crate::error::ApiError;
use crate::push::quiet::zone;
use crate::repo::events as repo;
use crate::repo::forum as forum_repo;
use crate::services::forum::{
    alert_harm, harm_help, harm_phrases, is_unique_violation, names_or_role, optional_field,
    participant, Participant,
};
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::forum::{EventView, NewSignUp, SignUpOutcome, SignupStatus, REASON_MAX_CHARS};
use shared::people::Role;

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
    rows.iter()
        .filter(|e| !e.cancelled || mine.iter().any(|s| s.event_id == e.id))
        .map(|e| event_view(e, &p.spaces, mine.iter().any(|s| s.event_id == e.id), now))
        .collect()
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
    if let Some(s) = &existing {
        if s.status()? == SignupStatus::SignedUp {
            return Err(already());
        }
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
                SignupStatus::Cancelled,
                SignupStatus::SignedUp,
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
    let harm = harm_phrases(note.as_deref());
    if !harm.is_empty() {
        let what = format!("a note when signing up for \"{}\"", e.title);
        alert_harm(&txn, &p, &what, &harm, None, None, now).await?;
    }
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
        event: event_view(&e, &p.spaces, true, now)?,
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
        help: (!harm.is_empty()).then(|| harm_help(&p.council)),
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
    let Some(s) = repo::signup_of(db, e.id, p.young_person.id).await? else {
        return Ok(());
    };
    if s.status()? != SignupStatus::SignedUp {
        return Ok(());
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    if repo::set_signup_status(
        &txn,
        s.id,
        SignupStatus::SignedUp,
        SignupStatus::Cancelled,
        None,
        now,
    )
    .await?
    {
        repo::give_back_place(&txn, e.id).await?;
        cancel_reminder(&txn, &s, now).await?;
    }
    txn.commit().await?;
    Ok(())
}
