//! Staff reading what young people sent and answering it ("you said, we
//! did").

use super::forms::questions_of;
use super::screen::answers_from_rows;
use crate::access::Grant;
use crate::caller::Caller;
use crate::entities::{account, feedback as fb, feedback_form as ff, review};
use crate::error::ApiError;
use crate::repo::{feedback as repo, notifications};
use crate::services::reviews::{self as reviews_svc, status_of};
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::reviews::{AnsweredQuestion, FeedbackAnswer, ReviewStatus, StaffFeedback, MESSAGE_MAX};
use std::collections::HashMap;

// ------------------------------------------------------------ for readers

fn staff_feedback(
    f: &fb::Model,
    r: &review::Model,
    form: &ff::Model,
    answers: &[crate::entities::feedback_answer::Model],
    readers: Vec<String>,
    names: &HashMap<i32, account::Model>,
) -> Result<StaffFeedback, ApiError> {
    let questions = questions_of(form)?;
    let given = answers_from_rows(answers);
    let mut answered = vec![];
    let mut skipped = vec![];
    for q in &questions {
        match given.iter().find(|a| a.question == q.key) {
            Some(a) => answered.push(AnsweredQuestion {
                key: q.key.clone(),
                prompt: q.prompt.clone(),
                kind: q.kind,
                priority: q.priority,
                scale: a.scale,
                scale_label: a
                    .scale
                    .and_then(|s| q.option(&s.to_string()))
                    .map(|o| o.label.clone()),
                choices: a
                    .choices
                    .iter()
                    .map(|c| {
                        q.option(c)
                            .map(|o| o.label.clone())
                            .unwrap_or_else(|| c.clone())
                    })
                    .collect(),
                text: a.text.clone(),
            }),
            None => skipped.push(q.prompt.clone()),
        }
    }
    Ok(StaffFeedback {
        id: f.public_id.clone(),
        review_id: r.public_id.clone(),
        review_date: r.scheduled_on,
        submitted_at: f.submitted_at,
        form: form.form_key()?,
        form_title: form.title.clone(),
        form_version: form.version.max(0) as u32,
        answered,
        skipped,
        readers,
        suggests_harm: f.suggests_harm,
        you_said_we_did: reviews_svc::you_said_we_did(f, names),
        answer_shown_to_child: f.response.is_some() && status_of(r)? == ReviewStatus::Held,
    })
}

async fn staff_views(
    db: &impl ConnectionTrait,
    rows: Vec<fb::Model>,
) -> Result<Vec<StaffFeedback>, ApiError> {
    let ids: Vec<i32> = rows.iter().map(|f| f.id).collect();
    let reviews =
        crate::repo::reviews::by_ids(db, &rows.iter().map(|f| f.review_id).collect::<Vec<_>>())
            .await?;
    let forms: HashMap<i32, ff::Model> =
        repo::forms_by_ids(db, &rows.iter().map(|f| f.form_id).collect::<Vec<_>>())
            .await?
            .into_iter()
            .map(|f| (f.id, f))
            .collect();
    let answers = repo::answers_of(db, &ids).await?;
    let readers = repo::readers_of(db, &ids).await?;
    let mut account_ids: Vec<i32> = readers.iter().map(|r| r.account_id).collect();
    account_ids.extend(rows.iter().filter_map(|f| f.responded_by));
    let names = crate::repo::reviews::accounts(db, &account_ids).await?;
    let mut out = vec![];
    for f in &rows {
        let (Some(r), Some(form)) = (reviews.get(&f.review_id), forms.get(&f.form_id)) else {
            continue;
        };
        let mine: Vec<_> = answers
            .iter()
            .filter(|a| a.feedback_id == f.id)
            .cloned()
            .collect();
        let who = readers
            .iter()
            .filter(|x| x.feedback_id == f.id)
            .filter_map(|x| names.get(&x.account_id).map(|a| a.display_name.clone()))
            .collect();
        out.push(staff_feedback(f, r, form, &mine, who, &names)?);
    }
    Ok(out)
}

/// `GET /api/people/{id}/feedback`: what the young person chose to send to
/// the caller, newest first.
pub async fn for_reader(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
) -> Result<Vec<StaffFeedback>, ApiError> {
    let rows = repo::readable_by(db, grant.young_person.id, caller.account_id).await?;
    staff_views(db, rows).await
}

/// `POST /api/people/{id}/feedback/answer`: "you said, we did". The young
/// person sees it once the review has happened.
pub async fn answer(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    a: &FeedbackAnswer,
) -> Result<StaffFeedback, ApiError> {
    let text = a.answer.trim();
    if text.is_empty() {
        return Err(ApiError::validation(
            "answer",
            "Write your answer: what the young person said, and what you did about it.",
        ));
    }
    if text.chars().count() > MESSAGE_MAX {
        return Err(ApiError::validation(
            "answer",
            format!("Keep the answer to {MESSAGE_MAX} characters or fewer."),
        ));
    }
    if a.feedback_id.trim().is_empty() {
        return Err(ApiError::validation("feedback_id", "Say which feedback."));
    }
    let y = &grant.young_person;
    let f = repo::of_person(db, y.id, a.feedback_id.trim())
        .await?
        .ok_or(ApiError::NotFound)?;
    // Only someone the young person chose to read it may answer it.
    if !repo::readers_of(db, &[f.id])
        .await?
        .iter()
        .any(|x| x.account_id == caller.account_id)
    {
        return Err(ApiError::NotFound);
    }
    let r = crate::repo::reviews::by_ids(db, &[f.review_id])
        .await?
        .remove(&f.review_id)
        .ok_or(ApiError::NotFound)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    repo::set_response(&txn, f.id, text, caller.account_id, now).await?;
    grant.record(&txn, caller, None).await?;
    if status_of(&r)? == ReviewStatus::Held {
        if let Some(account_id) = y.account_id {
            notifications::add(
                &txn,
                notifications::NewNotification {
                    account_id,
                    kind: "review_feedback_answer",
                    title: "You have an update",
                    body: "There is an answer to what you said before your review.",
                    link: "/my/review",
                    urgent: false,
                },
                now,
            )
            .await?;
        }
    }
    txn.commit().await?;
    let f = repo::of_person(db, y.id, &f.public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    staff_views(db, vec![f])
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)
}
