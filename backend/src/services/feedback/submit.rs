//! Sending feedback: idempotent (a replay answers as the first send did),
//! all or nothing, and raising a safeguarding alert when words suggest harm.

use super::forms::questions_of;
use super::screen::{check_ids, chosen_readers, reader_options, review_and_form, sent_view};
use super::{field, internal};
use crate::access::Grant;
use crate::caller::Caller;
use crate::entities::young_person;
use crate::error::ApiError;
use crate::repo::{feedback as repo, notifications};
use crate::services::reviews as reviews_svc;
use crate::services::safeguarding::{harm_in, raise_alert, route_alert};
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, SqlErr, TransactionTrait};
use shared::reviews::{
    check_answer_sizes, participation_from_answers, validate_answers, SendFeedback, SentFeedback,
};

/// A replay of an earlier send with the same id, if there was one.
async fn replay(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    s: &SendFeedback,
) -> Result<Option<SentFeedback>, ApiError> {
    let Some(f) = repo::by_submission(db, y.id, s.submission_id.trim()).await? else {
        return Ok(None);
    };
    let r = crate::repo::reviews::by_ids(db, &[f.review_id])
        .await?
        .remove(&f.review_id)
        .ok_or(ApiError::NotFound)?;
    if r.public_id != s.review_id.trim() {
        return Err(ApiError::validation(
            "submission_id",
            "This id was already used to send views for another review.",
        ));
    }
    Ok(Some(sent_view(db, &f, &r).await?))
}

/// `POST /api/me/feedback`. Idempotent on `submission_id`; stored in one
/// transaction or not at all. Answers `(result, replayed)`.
pub async fn send(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    s: &SendFeedback,
) -> Result<(SentFeedback, bool), ApiError> {
    if uuid::Uuid::parse_str(s.submission_id.trim()).is_err() {
        return Err(ApiError::validation(
            "submission_id",
            "The app must send a new UUID with each form.",
        ));
    }
    check_ids(&s.review_id, &s.form_id)?;
    check_answer_sizes(&s.answers).map_err(field)?;
    let y = &grant.young_person;
    if let Some(done) = replay(db, y, s).await? {
        return Ok((done, true));
    }
    let (r, form) = review_and_form(db, y, &s.review_id, &s.form_id).await?;
    if repo::for_review(db, r.id).await?.is_some() {
        // The same send may have been stored a moment ago by a retry.
        if let Some(done) = replay(db, y, s).await? {
            return Ok((done, true));
        }
        return Err(ApiError::Conflict(
            "You have already sent your views for this review. If you want to add something, tell your IRO."
                .to_owned(),
        ));
    }
    let questions = questions_of(&form)?;
    let answers = validate_answers(&questions, &s.answers).map_err(field)?;
    let now = Utc::now();
    let options = reader_options(db, y.id, now).await?;
    let draft = repo::draft(db, y.id, r.id).await?;
    let draft_readers: Option<Vec<String>> = draft
        .as_ref()
        .and_then(|d| d.readers_json.as_deref())
        .and_then(|j| serde_json::from_str(j).ok());
    let readers = chosen_readers(
        &options,
        s.readers.as_deref().or(draft_readers.as_deref()),
        true,
    )?;
    let texts: Vec<&str> = answers.iter().filter_map(|a| a.text.as_deref()).collect();
    let harm = harm_in(&texts);
    let routing = match &harm {
        Some(_) => Some(route_alert(db, y, now).await?),
        None => None,
    };

    let txn = db.begin().await?;
    // The first write: a second send with the same id (or for the same
    // review) stops here on the unique indexes, before anything else.
    let created = repo::insert_feedback(
        &txn,
        repo::NewFeedback {
            authority_id: y.authority_id,
            young_person_id: y.id,
            review_id: r.id,
            form_id: form.id,
            submission_id: s.submission_id.trim(),
            suggests_harm: harm.is_some(),
        },
        now,
    )
    .await;
    let f = match created {
        Ok(f) => f,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            txn.rollback().await?;
            if let Some(done) = replay(db, y, s).await? {
                return Ok((done, true));
            }
            return Err(ApiError::Conflict(
                "You have already sent your views for this review.".to_owned(),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    repo::insert_answers(
        &txn,
        f.id,
        answers
            .iter()
            .map(|a| {
                Ok(repo::NewAnswer {
                    question_key: a.question.clone(),
                    scale: a.scale.map(i32::from),
                    choices_json: if a.choices.is_empty() {
                        None
                    } else {
                        Some(serde_json::to_string(&a.choices).map_err(internal)?)
                    },
                    text: a.text.clone(),
                })
            })
            .collect::<Result<Vec<_>, ApiError>>()?,
    )
    .await?;
    repo::insert_readers(
        &txn,
        f.id,
        &readers
            .iter()
            .map(|(o, id)| (*id, o.relationship.as_str().to_owned()))
            .collect::<Vec<_>>(),
    )
    .await?;
    repo::delete_draft(&txn, y.id, r.id).await?;
    // "How do you want to take part?" is the young person's choice for the
    // meeting too, unless it is the one already recorded.
    if let Some(choice) = participation_from_answers(&answers) {
        if choice.as_str() != r.participation
            && crate::repo::reviews::set_participation(&txn, r.id, choice, now).await?
        {
            reviews_svc::tell_chair_of_choice(&txn, y, &r, now).await?;
        }
    }
    grant.record(&txn, caller, None).await?;
    for (_, account_id) in &readers {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id: *account_id,
                kind: "review_feedback",
                title: "New views before a review",
                body: &format!(
                    "{} sent their views for their review on {}.",
                    y.preferred_name,
                    r.scheduled_on.format("%A %-d %B")
                ),
                link: &format!("/staff/people/{}/feedback", y.public_id),
                urgent: false,
            },
            now,
        )
        .await?;
    }
    if let (Some(h), Some(routing)) = (&harm, &routing) {
        raise_alert(&txn, y, routing, "feedback", &f.public_id, h, now).await?;
    }
    txn.commit().await?;
    Ok((sent_view(db, &f, &r).await?, false))
}
