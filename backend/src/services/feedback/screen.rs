//! The young person's side before sending: the form screen for their next
//! review, who may read it, and the server's copy of a draft.

use super::forms::{form_view, questions_of};
use super::{field, internal};
use crate::access::Grant;
use crate::caller::Caller;
use crate::entities::{feedback as fb, feedback_form as ff, review, young_person};
use crate::error::ApiError;
use crate::repo::allocations::current_workers;
use crate::repo::{councils, feedback as repo};
use crate::services::reviews::{self as reviews_svc, local_today, status_of};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::access::Relationship;
use shared::language::Language;
use shared::reviews::{
    check_answer_sizes, default_readers, validate_answers, who_will_see, Answer, DraftView,
    FeedbackScreen, ReaderOption, ReviewStatus, SaveDraft, SentFeedback, SupportMessage,
};

// ----------------------------------------------------------------- readers

/// Who could read the young person's answers: their workers now.
pub(super) async fn reader_options(
    db: &impl ConnectionTrait,
    yp_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<(ReaderOption, i32)>, ApiError> {
    let workers = current_workers(db, yp_id, now).await?;
    let defaults = default_readers(
        &workers
            .iter()
            .map(|(rel, a)| (a.public_id.clone(), *rel))
            .collect::<Vec<_>>(),
    );
    Ok(workers
        .into_iter()
        .map(|(rel, a)| {
            (
                ReaderOption {
                    default: defaults.contains(&a.public_id),
                    staff_id: a.public_id,
                    name: a.display_name,
                    relationship: rel,
                },
                a.id,
            )
        })
        .collect())
}

/// The chosen readers (or the defaults), each one of the options.
pub(super) fn chosen_readers(
    options: &[(ReaderOption, i32)],
    chosen: Option<&[String]>,
    must_have_one: bool,
) -> Result<Vec<(ReaderOption, i32)>, ApiError> {
    let picked: Vec<(ReaderOption, i32)> = match chosen {
        None => options.iter().filter(|(o, _)| o.default).cloned().collect(),
        Some(ids) => {
            let mut out = vec![];
            for id in ids {
                let Some(o) = options.iter().find(|(o, _)| &o.staff_id == id) else {
                    return Err(ApiError::validation(
                        "readers",
                        "You can only choose from your own workers.",
                    ));
                };
                if !out
                    .iter()
                    .any(|(x, _): &(ReaderOption, i32)| x.staff_id == o.0.staff_id)
                {
                    out.push(o.clone());
                }
            }
            out
        }
    };
    if must_have_one && picked.is_empty() {
        return Err(ApiError::validation(
            "readers",
            if options.is_empty() {
                "You have no workers to send this to yet. Ask your carer to tell the council."
            } else {
                "Choose at least one person to read this."
            },
        ));
    }
    Ok(picked)
}

// ------------------------------------------------------------- the screen

fn answers_json(answers: &[Answer]) -> Result<String, ApiError> {
    serde_json::to_string(answers).map_err(internal)
}

/// The young person's own review by id, or their next one.
async fn own_review(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    review_id: Option<&str>,
) -> Result<review::Model, ApiError> {
    match review_id.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => crate::repo::reviews::of_person(db, y.id, id)
            .await?
            .ok_or(ApiError::NotFound),
        None => {
            let (today, _) = local_today(db, y.authority_id).await?;
            reviews_svc::my_next(db, y, today)
                .await?
                .ok_or(ApiError::NotFound)
        }
    }
}

/// What a sent form answered, rebuilt from what was stored (so a second
/// send with the same id answers exactly the same).
pub(super) async fn sent_view(
    db: &impl ConnectionTrait,
    f: &fb::Model,
    r: &review::Model,
) -> Result<SentFeedback, ApiError> {
    let rows = repo::readers_of(db, &[f.id]).await?;
    let mut ids: Vec<i32> = rows.iter().map(|x| x.account_id).collect();
    ids.extend(f.responded_by);
    let names = crate::repo::reviews::accounts(db, &ids).await?;
    let mut pairs: Vec<(String, Relationship)> = Vec::with_capacity(rows.len());
    for x in &rows {
        let rel = x.relationship()?;
        if let Some(a) = names.get(&x.account_id) {
            pairs.push((a.public_id.clone(), rel));
        }
    }
    let defaults = default_readers(&pairs);
    let readers: Vec<ReaderOption> = rows
        .iter()
        .filter_map(|x| {
            let a = names.get(&x.account_id)?;
            Some(ReaderOption {
                staff_id: a.public_id.clone(),
                name: a.display_name.clone(),
                // Every row's relationship was read above.
                relationship: x.relationship().ok()?,
                default: defaults.contains(&a.public_id),
            })
        })
        .collect();
    let duty_phone = councils::by_id(db, f.authority_id)
        .await?
        .map(|c| c.duty_phone)
        .unwrap_or_default();
    Ok(SentFeedback {
        id: f.public_id.clone(),
        submission_id: f.submission_id.clone(),
        review_id: r.public_id.clone(),
        submitted_at: f.submitted_at,
        who_will_see: who_will_see(&readers),
        readers,
        support: f.suggests_harm.then(|| SupportMessage::new(&duty_phone)),
        you_said_we_did: if status_of(r)? == ReviewStatus::Held {
            reviews_svc::you_said_we_did(f, &names)
        } else {
            None
        },
    })
}

pub(super) fn answers_from_rows(rows: &[crate::entities::feedback_answer::Model]) -> Vec<Answer> {
    rows.iter()
        .map(|a| Answer {
            question: a.question_key.clone(),
            scale: a.scale.and_then(|s| u8::try_from(s).ok()),
            choices: a
                .choices_json
                .as_deref()
                .and_then(|j| serde_json::from_str(j).ok())
                .unwrap_or_default(),
            text: a.text.clone(),
        })
        .collect()
}

/// `GET /api/me/feedback`: the form, the draft, who will read it, and
/// what was sent. `None` when no review is named and none is booked: there
/// is nothing to fill in yet, which is not an error.
pub async fn screen(
    db: &DatabaseConnection,
    grant: &Grant,
    language: Option<Language>,
    review_id: Option<&str>,
) -> Result<Option<FeedbackScreen>, ApiError> {
    let y = &grant.young_person;
    let named = review_id.map(str::trim).filter(|s| !s.is_empty());
    let r = match own_review(db, y, named).await {
        Ok(r) => r,
        Err(ApiError::NotFound) if named.is_none() => return Ok(None),
        Err(e) => return Err(e),
    };
    let (today, _) = local_today(db, y.authority_id).await?;
    let draft = repo::draft(db, y.id, r.id).await?;
    let sent = repo::for_review(db, r.id).await?;
    let form = match (&sent, &draft) {
        (Some(f), _) => repo::forms_by_ids(db, &[f.form_id])
            .await?
            .into_iter()
            .next(),
        (None, Some(d)) => repo::forms_by_ids(db, &[d.form_id])
            .await?
            .into_iter()
            .next(),
        (None, None) => {
            let key = reviews_svc::form_key_for(db, y, today).await?;
            repo::latest_form(db, y.authority_id, key.as_str()).await?
        }
    }
    .ok_or(ApiError::NotFound)?;
    let options = reader_options(db, y.id, Utc::now()).await?;
    let draft_view = match &draft {
        Some(d) => Some(DraftView {
            form_id: form.public_id.clone(),
            answers: serde_json::from_str(&d.answers_json).unwrap_or_default(),
            readers: d
                .readers_json
                .as_deref()
                .and_then(|j| serde_json::from_str(j).ok()),
            updated_at: d.updated_at,
        }),
        None => None,
    };
    let chosen = chosen_readers(
        &options,
        draft_view.as_ref().and_then(|d| d.readers.as_deref()),
        false,
    )
    .unwrap_or_default();
    let (sent_view, sent_answers) = match &sent {
        Some(f) => (
            Some(sent_view(db, f, &r).await?),
            answers_from_rows(&repo::answers_of(db, &[f.id]).await?),
        ),
        None => (None, vec![]),
    };
    let mut form_view = form_view(&form)?;
    // Only the young person's own language, once they have chosen one;
    // until then the app follows the phone, so it gets them all.
    if let Some(l) = language {
        form_view.translations.retain(|tag, _| tag == l.as_str());
    }
    Ok(Some(FeedbackScreen {
        review: reviews_svc::my_review_view(db, y, &r).await?,
        form: form_view,
        draft: draft_view,
        who_will_see: who_will_see(&chosen.iter().map(|(o, _)| o.clone()).collect::<Vec<_>>()),
        reader_options: options.into_iter().map(|(o, _)| o).collect(),
        sent: sent_view,
        sent_answers,
    }))
}

/// Checks shared by saving and sending, before anything is looked up.
pub(super) fn check_ids(review_id: &str, form_id: &str) -> Result<(), ApiError> {
    if review_id.trim().is_empty() {
        return Err(ApiError::validation(
            "review_id",
            "Say which review this is for.",
        ));
    }
    if form_id.trim().is_empty() {
        return Err(ApiError::validation(
            "form_id",
            "Say which form this answers.",
        ));
    }
    Ok(())
}

/// The review (theirs, still to happen) and the form version.
pub(super) async fn review_and_form(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    review_id: &str,
    form_id: &str,
) -> Result<(review::Model, ff::Model), ApiError> {
    let r = own_review(db, y, Some(review_id)).await?;
    if status_of(&r)? != ReviewStatus::Booked {
        return Err(ApiError::validation(
            "review_id",
            "This review has already happened (or was cancelled), so views can't be sent for it now. You can still tell your IRO anything.",
        ));
    }
    let form = repo::form_by_public_id(db, y.authority_id, form_id.trim())
        .await?
        .ok_or_else(|| ApiError::validation("form_id", "There is no such form."))?;
    Ok((r, form))
}

/// `PUT /api/me/feedback/draft`: the last write wins.
pub async fn save_draft(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    d: &SaveDraft,
) -> Result<DraftView, ApiError> {
    check_ids(&d.review_id, &d.form_id)?;
    check_answer_sizes(&d.answers).map_err(field)?;
    let y = &grant.young_person;
    let (r, form) = review_and_form(db, y, &d.review_id, &d.form_id).await?;
    if repo::for_review(db, r.id).await?.is_some() {
        return Err(ApiError::Conflict(
            "You have already sent your views for this review.".to_owned(),
        ));
    }
    let answers = validate_answers(&questions_of(&form)?, &d.answers).map_err(field)?;
    let now = Utc::now();
    if let Some(ids) = &d.readers {
        let options = reader_options(db, y.id, now).await?;
        chosen_readers(&options, Some(ids), false)?;
    }
    let txn = db.begin().await?;
    repo::save_draft(
        &txn,
        y.id,
        r.id,
        form.id,
        answers_json(&answers)?,
        match &d.readers {
            Some(ids) => Some(serde_json::to_string(ids).map_err(internal)?),
            None => None,
        },
        now,
    )
    .await?;
    grant.record(&txn, caller, None).await?;
    txn.commit().await?;
    Ok(DraftView {
        form_id: form.public_id,
        answers,
        readers: d.readers.clone(),
        updated_at: now,
    })
}
