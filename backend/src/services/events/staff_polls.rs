//! Polls for the participation officer: creating, closing, and saying what
//! was done with the answers.

use super::polls::{is_open, poll_view, results};
use super::staff_events::space_id_of;
use crate::access;
use crate::caller::Caller;
use crate::entities::{forum_poll as poll, forum_space as space};
use crate::error::ApiError;
use crate::repo::events as repo;
use crate::repo::forum as forum_repo;
use crate::services::forum::{optional_field, required_field};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::access::Ability;
use shared::forum::{
    ClosePoll, PollDraft, PollKind, PollOutcome, StaffPollView, DESCRIPTION_MAX_CHARS,
    POLL_OPTIONS_MAX, POLL_OPTION_MAX_CHARS,
};
use shared::limits::POLL_QUESTION_MAX_CHARS;

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
    let question = required_field(
        "question",
        &d.question,
        POLL_QUESTION_MAX_CHARS,
        "the question",
    )?;
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
