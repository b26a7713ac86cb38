//! "Good for me" feedback: the form screen, the server's copy of a draft,
//! sending (idempotent, all or nothing), reading and answering ("you said,
//! we did"), the forms as versioned data, anonymous totals with small
//! groups hidden, and safeguarding alerts raised by words that suggest harm.

use crate::access::{self, Grant};
use crate::auth::Caller;
use crate::entities::{account, feedback as fb, feedback_form as ff, review, young_person};
use crate::error::ApiError;
use crate::push::quiet;
use crate::repo::{accounts, audit, councils, feedback as repo, notifications, people};
use crate::services::reviews::{self as reviews_svc, current_workers, local_today, status_of};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, SqlErr, TransactionTrait};
use shared::access::{allowed, Ability, Action, Relation, Relationship};
use shared::language::Language;
use shared::reviews::{
    check_answer_sizes, choices_cell, default_readers, faces_cell, out_of_hours,
    participation_from_answers, period_label, period_labels, tidy_translations, validate_answers,
    validate_form, who_will_see, AlertResponse, AlertResponseView, AlertRoute, AlertView, Answer,
    AnsweredQuestion, DraftView, FeedbackAnswer, FeedbackScreen, FormDefinition, FormFamily,
    FormKey, FormTranslations, FormVersionSummary, FormVersionView, InsightsReport, Period,
    PriorityInsight, Question, QuestionInsight, QuestionKind, ReaderOption, ReviewStatus,
    SaveDraft, SendFeedback, SentFeedback, StaffFeedback, SupportMessage, MESSAGE_MAX, MIN_GROUP,
};
use shared::reviews::{Priority, SUPPRESSED_NOTE};
use std::collections::{BTreeMap, HashMap};

/// How much of what the young person wrote an alert carries.
const EXCERPT_MAX: usize = 1000;
/// Anonymous totals cover at most this long.
const INSIGHTS_MAX_DAYS: i64 = 3 * 366;

fn field(e: shared::reviews::FieldError) -> ApiError {
    ApiError::validation(e.field, e.message)
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}

// ------------------------------------------------------------------- forms

pub(crate) fn questions_of(f: &ff::Model) -> Result<Vec<Question>, ApiError> {
    serde_json::from_str(&f.questions_json).map_err(internal)
}

/// A version's translations; none for one published before they existed.
pub(crate) fn translations_of(f: &ff::Model) -> Result<FormTranslations, ApiError> {
    match f.translations_json.as_deref() {
        Some(j) => serde_json::from_str(j).map_err(internal),
        None => Ok(FormTranslations::new()),
    }
}

pub(crate) fn form_view(f: &ff::Model) -> Result<FormVersionView, ApiError> {
    Ok(FormVersionView {
        id: f.public_id.clone(),
        key: FormKey::parse(&f.form_key).ok_or_else(|| internal("unknown form key"))?,
        version: f.version.max(0) as u32,
        title: f.title.clone(),
        intro: f.intro.clone(),
        with_adult: f.with_adult.clone(),
        questions: questions_of(f)?,
        published_at: f.created_at,
        translations: translations_of(f)?,
    })
}

/// Publishes `def` as the next version of its form in this council.
pub(crate) async fn publish(
    db: &impl ConnectionTrait,
    authority_id: i32,
    def: &FormDefinition,
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<ff::Model, ApiError> {
    validate_form(def).map_err(field)?;
    let key = def.key.as_str();
    let latest = repo::latest_form(db, authority_id, key).await?;
    let version = latest.as_ref().map(|f| f.version).unwrap_or(0) + 1;
    let with_adult = def
        .with_adult
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    // Sent without translations: keep the current version's, so an editor
    // that knows nothing of them never drops them. Either way only those
    // for texts still on the form are kept: reworded English has none.
    let given = match (&latest, def.translations.is_empty()) {
        (Some(f), true) => translations_of(f)?,
        _ => def.translations.clone(),
    };
    let translations = tidy_translations(
        &def.title,
        &def.intro,
        with_adult.as_deref(),
        &def.questions,
        &given,
    );
    let created = repo::insert_form(
        db,
        repo::NewForm {
            authority_id,
            key,
            version,
            title: def.title.trim(),
            intro: def.intro.trim(),
            with_adult,
            questions_json: serde_json::to_string(&def.questions).map_err(internal)?,
            translations_json: if translations.is_empty() {
                None
            } else {
                Some(serde_json::to_string(&translations).map_err(internal)?)
            },
            created_by: by,
        },
        now,
    )
    .await;
    match created {
        Ok(f) => Ok(f),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(ApiError::Conflict(
                "Someone published this form a moment ago. Reload and try again.".to_owned(),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /api/feedback/forms`.
pub async fn forms(db: &DatabaseConnection, caller: &Caller) -> Result<Vec<FormFamily>, ApiError> {
    access::require(caller, Ability::ManageFeedbackForms)?;
    let all = repo::forms_of(db, caller.authority_id).await?;
    let mut out = vec![];
    for key in FormKey::ALL {
        let versions: Vec<&ff::Model> = all.iter().filter(|f| f.form_key == key.as_str()).collect();
        let Some(current) = versions.iter().max_by_key(|f| f.version) else {
            continue;
        };
        out.push(FormFamily {
            key,
            current: form_view(current)?,
            versions: versions
                .iter()
                .map(|f| FormVersionSummary {
                    id: f.public_id.clone(),
                    version: f.version.max(0) as u32,
                    published_at: f.created_at,
                    questions: questions_of(f).map(|q| q.len() as u32).unwrap_or(0),
                })
                .collect(),
        });
    }
    Ok(out)
}

/// `POST /api/feedback/forms`: a new version; old answers keep theirs.
pub async fn publish_form(
    db: &DatabaseConnection,
    caller: &Caller,
    def: &FormDefinition,
) -> Result<FormVersionView, ApiError> {
    access::require(caller, Ability::ManageFeedbackForms)?;
    let f = publish(
        db,
        caller.authority_id,
        def,
        Some(caller.account_id),
        Utc::now(),
    )
    .await?;
    form_view(&f)
}

// ----------------------------------------------------------------- readers

/// Who could read the young person's answers: their workers now.
async fn reader_options(
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
fn chosen_readers(
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
async fn sent_view(
    db: &impl ConnectionTrait,
    f: &fb::Model,
    r: &review::Model,
) -> Result<SentFeedback, ApiError> {
    let rows = repo::readers_of(db, &[f.id]).await?;
    let mut ids: Vec<i32> = rows.iter().map(|x| x.account_id).collect();
    ids.extend(f.responded_by);
    let names = crate::repo::reviews::accounts(db, &ids).await?;
    let pairs: Vec<(String, Relationship)> = rows
        .iter()
        .filter_map(|x| {
            Some((
                names.get(&x.account_id)?.public_id.clone(),
                Relationship::parse(&x.relationship)?,
            ))
        })
        .collect();
    let defaults = default_readers(&pairs);
    let readers: Vec<ReaderOption> = rows
        .iter()
        .filter_map(|x| {
            let a = names.get(&x.account_id)?;
            Some(ReaderOption {
                staff_id: a.public_id.clone(),
                name: a.display_name.clone(),
                relationship: Relationship::parse(&x.relationship)?,
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
        you_said_we_did: if status_of(r) == ReviewStatus::Held {
            reviews_svc::you_said_we_did(f, &names)
        } else {
            None
        },
    })
}

fn answers_from_rows(rows: &[crate::entities::feedback_answer::Model]) -> Vec<Answer> {
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
fn check_ids(review_id: &str, form_id: &str) -> Result<(), ApiError> {
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
async fn review_and_form(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    review_id: &str,
    form_id: &str,
) -> Result<(review::Model, ff::Model), ApiError> {
    let r = own_review(db, y, Some(review_id)).await?;
    if status_of(&r) != ReviewStatus::Booked {
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
            && crate::repo::reviews::set_participation(&txn, r.id, choice.as_str(), now).await?
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
        form: FormKey::parse(&form.form_key).unwrap_or(FormKey::From12To17),
        form_title: form.title.clone(),
        form_version: form.version.max(0) as u32,
        answered,
        skipped,
        readers,
        suggests_harm: f.suggests_harm,
        you_said_we_did: reviews_svc::you_said_we_did(f, names),
        answer_shown_to_child: f.response.is_some() && status_of(r) == ReviewStatus::Held,
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
    if status_of(&r) == ReviewStatus::Held {
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

// ------------------------------------------------------------ safeguarding

/// Words that suggest harm in any of these texts: the phrases as written,
/// and what was written around them.
pub(crate) struct Harm {
    pub phrases: Vec<String>,
    pub excerpt: String,
}

pub(crate) fn harm_in(texts: &[&str]) -> Option<Harm> {
    let mut phrases = vec![];
    let mut parts = vec![];
    for t in texts {
        let scan = shared::text_checks::scan(t, &[]);
        if scan.suggests_harm {
            phrases.extend(scan.harm_matches.into_iter().map(|m| m.phrase));
            parts.push(t.chars().take(EXCERPT_MAX).collect::<String>());
        }
    }
    if phrases.is_empty() {
        return None;
    }
    let excerpt: String = parts.join(" / ").chars().take(EXCERPT_MAX * 2).collect();
    Some(Harm { phrases, excerpt })
}

/// Who is alerted, now.
pub(crate) struct Routing {
    pub route: AlertRoute,
    /// Alerted urgently (a push even in quiet hours).
    pub urgent: Vec<i32>,
    /// Told too, without waking them: the named worker out of hours.
    pub also: Vec<i32>,
}

/// The named worker (social worker, else personal adviser) in office
/// hours; out of hours, or with no named worker, the duty team. The duty
/// team is the council's team managers until councils can name their own
/// duty rota here.
pub(crate) async fn route_alert(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    now: DateTime<Utc>,
) -> Result<Routing, ApiError> {
    let workers = current_workers(db, y.id, now).await?;
    let named = workers
        .iter()
        .find(|(r, _)| *r == Relationship::SocialWorker)
        .or_else(|| {
            workers
                .iter()
                .find(|(r, _)| *r == Relationship::PersonalAdviser)
        })
        .map(|(_, a)| a.id);
    let tz = councils::by_id(db, y.authority_id)
        .await?
        .map(|c| quiet::zone(&c.time_zone))
        .unwrap_or(chrono_tz::Europe::London);
    let local = now.with_timezone(&tz).naive_local();
    match named {
        Some(worker) if !out_of_hours(local) => Ok(Routing {
            route: AlertRoute::NamedWorker,
            urgent: vec![worker],
            also: vec![],
        }),
        _ => {
            let duty: Vec<i32> = accounts::managers_of_team(db, None, y.authority_id)
                .await?
                .into_iter()
                .map(|a| a.id)
                .collect();
            if duty.is_empty() {
                // Nobody on duty: the named worker is better than nobody.
                return Ok(Routing {
                    route: AlertRoute::NamedWorker,
                    urgent: named.into_iter().collect(),
                    also: vec![],
                });
            }
            Ok(Routing {
                route: AlertRoute::DutyTeam,
                also: named.into_iter().filter(|n| !duty.contains(n)).collect(),
                urgent: duty,
            })
        }
    }
}

/// Records the alert and tells the people it is routed to, in the
/// transaction of what raised it.
pub(crate) async fn raise_alert(
    txn: &impl ConnectionTrait,
    y: &young_person::Model,
    routing: &Routing,
    source: &str,
    source_id: &str,
    harm: &Harm,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let recipients: Vec<i32> = routing
        .urgent
        .iter()
        .chain(routing.also.iter())
        .copied()
        .collect();
    repo::insert_alert(
        txn,
        repo::NewAlert {
            authority_id: y.authority_id,
            young_person_id: y.id,
            source,
            source_id,
            phrases_json: serde_json::to_string(&harm.phrases).map_err(internal)?,
            excerpt: harm.excerpt.clone(),
            routed_to: routing.route.as_str(),
        },
        &recipients,
        now,
    )
    .await?;
    let what = match source {
        "review_request" => "in a request for an earlier review",
        _ => "in their views for their review",
    };
    for (ids, urgent) in [(&routing.urgent, true), (&routing.also, false)] {
        for account_id in ids {
            notifications::add(
                txn,
                notifications::NewNotification {
                    account_id: *account_id,
                    kind: "safeguarding_alert",
                    title: "Urgent: a young person may need help",
                    body: &format!(
                        "{} wrote words that suggest they may be at risk, {what}. Read the alert and record what you did.",
                        y.preferred_name
                    ),
                    link: "/staff/alerts",
                    urgent,
                },
                now,
            )
            .await?;
        }
    }
    Ok(())
}

/// The young people whose alerts the caller handles through their work
/// with them (allocated worker, or manager of their team).
async fn alert_people(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<(young_person::Model, Relation)>, ApiError> {
    let mut out = vec![];
    for p in crate::services::people::caseload(db, caller).await? {
        if let Some(y) = people::by_public_id(db, caller.authority_id, &p.id).await? {
            let (rel, _) = access::relation(db, caller, &y).await?;
            if allowed(caller.role, rel, Action::ReadAlerts) {
                out.push((y, rel));
            }
        }
    }
    Ok(out)
}

async fn alert_views(
    db: &impl ConnectionTrait,
    rows: &[crate::entities::safeguarding_alert::Model],
) -> Result<Vec<AlertView>, ApiError> {
    let ids: Vec<i32> = rows.iter().map(|a| a.id).collect();
    let recipients = repo::recipients_of(db, &ids).await?;
    let mut account_ids: Vec<i32> = recipients.iter().map(|r| r.account_id).collect();
    account_ids.extend(rows.iter().filter_map(|a| a.responded_by));
    let names = crate::repo::reviews::accounts(db, &account_ids).await?;
    let mut out = vec![];
    for a in rows {
        let Some(y) = people::by_id(db, a.young_person_id).await? else {
            continue;
        };
        out.push(AlertView {
            id: a.public_id.clone(),
            young_person_id: y.public_id,
            young_person_name: y.preferred_name,
            raised_at: a.raised_at,
            source: a.source.clone(),
            phrases: serde_json::from_str(&a.phrases_json).unwrap_or_default(),
            excerpt: a.excerpt.clone(),
            routed_to: AlertRoute::parse(&a.routed_to).unwrap_or(AlertRoute::DutyTeam),
            alerted: recipients
                .iter()
                .filter(|r| r.alert_id == a.id)
                .filter_map(|r| names.get(&r.account_id).map(|x| x.display_name.clone()))
                .collect(),
            response: match (&a.response, a.responded_at) {
                (Some(text), Some(at)) => Some(AlertResponseView {
                    response: text.clone(),
                    by: a
                        .responded_by
                        .and_then(|id| names.get(&id))
                        .map(|x| x.display_name.clone())
                        .unwrap_or_default(),
                    at,
                }),
                _ => None,
            },
        });
    }
    Ok(out)
}

async fn audit_alert(
    db: &impl ConnectionTrait,
    caller: &Caller,
    yp_id: i32,
    action: Action,
    basis: &str,
    outcome: &str,
    reason: Option<&str>,
) -> Result<(), DbErr> {
    audit::record(
        db,
        audit::Event {
            authority_id: caller.authority_id,
            actor_account_id: Some(caller.account_id),
            actor_role: caller.role.as_str(),
            young_person_id: Some(yp_id),
            action: action.as_str(),
            basis,
            allocation_id: None,
            outcome,
            reason,
        },
        Utc::now(),
    )
    .await
}

/// `GET /api/safeguarding-alerts`: alerts sent to the caller, and those
/// about young people they work with now (a manager: their team's).
pub async fn alerts(
    db: &DatabaseConnection,
    caller: &Caller,
    include_answered: bool,
) -> Result<Vec<AlertView>, ApiError> {
    access::require(caller, Ability::HandleSafeguardingAlerts)?;
    let mine = alert_people(db, caller).await?;
    let ids: Vec<i32> = mine.iter().map(|(y, _)| y.id).collect();
    let rows = repo::alerts_for(
        db,
        caller.authority_id,
        caller.account_id,
        &ids,
        !include_answered,
        200,
    )
    .await?;
    let mut seen = vec![];
    for a in &rows {
        if seen.contains(&a.young_person_id) {
            continue;
        }
        seen.push(a.young_person_id);
        let basis = mine
            .iter()
            .find(|(y, _)| y.id == a.young_person_id)
            .map(|(_, rel)| rel.basis())
            .unwrap_or("alert_recipient");
        audit_alert(
            db,
            caller,
            a.young_person_id,
            Action::ReadAlerts,
            basis,
            "allowed",
            None,
        )
        .await?;
    }
    alert_views(db, &rows).await
}

/// `POST /api/safeguarding-alerts/response`: what was done; the alert
/// leaves the open list.
pub async fn respond(
    db: &DatabaseConnection,
    caller: &Caller,
    r: &AlertResponse,
) -> Result<AlertView, ApiError> {
    access::require(caller, Ability::HandleSafeguardingAlerts)?;
    let text = r.response.trim();
    if text.is_empty() {
        return Err(ApiError::validation(
            "response",
            "Write what was done (who you spoke to, and what happens next).",
        ));
    }
    if text.chars().count() > MESSAGE_MAX {
        return Err(ApiError::validation(
            "response",
            format!("Keep it to {MESSAGE_MAX} characters or fewer."),
        ));
    }
    if r.alert_id.trim().is_empty() {
        return Err(ApiError::validation("alert_id", "Say which alert."));
    }
    let a = repo::alert_by_public_id(db, caller.authority_id, r.alert_id.trim())
        .await?
        .ok_or(ApiError::NotFound)?;
    let y = people::by_id(db, a.young_person_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let recipient = repo::recipients_of(db, &[a.id])
        .await?
        .iter()
        .any(|x| x.account_id == caller.account_id);
    let (rel, _) = access::relation(db, caller, &y).await?;
    let by_work = allowed(caller.role, rel, Action::RespondToAlert);
    if !recipient && !by_work {
        audit_alert(
            db,
            caller,
            y.id,
            Action::RespondToAlert,
            rel.basis(),
            "denied",
            None,
        )
        .await?;
        return Err(ApiError::NotFound);
    }
    let basis = if by_work {
        rel.basis()
    } else {
        "alert_recipient"
    };
    let now = Utc::now();
    let txn = db.begin().await?;
    if !repo::respond_to_alert(&txn, a.id, text, caller.account_id, now).await? {
        return Err(ApiError::Conflict(
            "Someone recorded a response to this alert a moment ago. Reload to see it.".to_owned(),
        ));
    }
    audit_alert(
        &txn,
        caller,
        y.id,
        Action::RespondToAlert,
        basis,
        "allowed",
        None,
    )
    .await?;
    txn.commit().await?;
    let a = repo::alert_by_public_id(db, caller.authority_id, &a.public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    alert_views(db, &[a])
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)
}

// --------------------------------------------------------- anonymous totals

/// `GET /api/feedback/insights`: faces and choices only (never words),
/// per priority and per question, by month or quarter; a group answered by
/// fewer than [`MIN_GROUP`] young people is hidden, and says so.
pub async fn insights(
    db: &DatabaseConnection,
    caller: &Caller,
    period: Period,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<InsightsReport, ApiError> {
    access::require(caller, Ability::ViewFeedbackInsights)?;
    let today = Utc::now().date_naive();
    let to = to.unwrap_or(today);
    let from = match from {
        Some(f) => f,
        None => {
            let start = to.checked_sub_months(Months::new(11)).unwrap_or(to);
            let month0 = match period {
                Period::Month => start.month0(),
                Period::Quarter => start.month0() / 3 * 3,
            };
            NaiveDate::from_ymd_opt(start.year(), month0 + 1, 1).unwrap_or(start)
        }
    };
    if from > to {
        return Err(ApiError::validation("from", "Start on or before the end."));
    }
    if (to - from).num_days() > INSIGHTS_MAX_DAYS {
        return Err(ApiError::validation(
            "from",
            "Ask for three years or less at a time.",
        ));
    }
    let start = from.and_hms_opt(0, 0, 0).map(|d| d.and_utc());
    let end = (to + Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc());
    let (Some(start), Some(end)) = (start, end) else {
        return Err(ApiError::validation("to", "That date is out of range."));
    };
    let sent = repo::sent_between(db, caller.authority_id, start, end).await?;
    let answers = repo::answers_of(db, &sent.iter().map(|f| f.id).collect::<Vec<_>>()).await?;
    let mut form_ids: Vec<i32> = sent.iter().map(|f| f.form_id).collect();
    form_ids.sort_unstable();
    form_ids.dedup();
    let forms: HashMap<i32, ff::Model> = repo::forms_by_ids(db, &form_ids)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect();
    let mut questions_by_form: HashMap<i32, Vec<Question>> = HashMap::new();
    for (id, f) in &forms {
        questions_by_form.insert(*id, questions_of(f)?);
    }
    // The rows of the report: every faces and choice question of the
    // current forms, then any answered only on older versions.
    let mut rows: Vec<(FormKey, Question)> = vec![];
    for key in FormKey::ALL {
        if let Some(f) = repo::latest_form(db, caller.authority_id, key.as_str()).await? {
            for q in questions_of(&f)? {
                if q.kind != QuestionKind::Text {
                    rows.push((key, q));
                }
            }
        }
    }
    let labels = period_labels(from, to, period);
    type Faces = Vec<(i64, u8)>;
    type Picks = Vec<(i64, Vec<String>)>;
    let mut by_priority: BTreeMap<(Priority, String), Faces> = BTreeMap::new();
    let mut faces: HashMap<(FormKey, String, String), Faces> = HashMap::new();
    let mut picks: HashMap<(FormKey, String, String), Picks> = HashMap::new();
    let by_id: HashMap<i32, &fb::Model> = sent.iter().map(|f| (f.id, f)).collect();
    for a in &answers {
        let Some(f) = by_id.get(&a.feedback_id) else {
            continue;
        };
        let (Some(form), Some(questions)) =
            (forms.get(&f.form_id), questions_by_form.get(&f.form_id))
        else {
            continue;
        };
        let Some(key) = FormKey::parse(&form.form_key) else {
            continue;
        };
        let Some(q) = questions.iter().find(|q| q.key == a.question_key) else {
            continue;
        };
        if !rows.iter().any(|(k, x)| *k == key && x.key == q.key) && q.kind != QuestionKind::Text {
            rows.push((key, q.clone()));
        }
        let label = period_label(f.submitted_at.date_naive(), period);
        let who = i64::from(f.young_person_id);
        match q.kind {
            QuestionKind::Faces => {
                if let Some(s) = a.scale.and_then(|s| u8::try_from(s).ok()) {
                    faces
                        .entry((key, q.key.clone(), label.clone()))
                        .or_default()
                        .push((who, s));
                    if let Some(p) = q.priority {
                        by_priority.entry((p, label)).or_default().push((who, s));
                    }
                }
            }
            QuestionKind::OneChoice | QuestionKind::ManyChoices => {
                let chosen: Vec<String> = a
                    .choices_json
                    .as_deref()
                    .and_then(|j| serde_json::from_str(j).ok())
                    .unwrap_or_default();
                if !chosen.is_empty() {
                    picks
                        .entry((key, q.key.clone(), label))
                        .or_default()
                        .push((who, chosen));
                }
            }
            QuestionKind::Text => {}
        }
    }
    let empty_faces: Faces = vec![];
    let empty_picks: Picks = vec![];
    Ok(InsightsReport {
        period,
        from,
        to,
        min_group: MIN_GROUP,
        note: format!(
            "Only faces and choices are counted, never what young people wrote. {SUPPRESSED_NOTE} Counts are young people and answers, not names."
        ),
        priorities: Priority::ALL
            .into_iter()
            .map(|p| PriorityInsight {
                priority: p,
                title: p.title().to_owned(),
                cells: labels
                    .iter()
                    .map(|l| {
                        faces_cell(
                            l.clone(),
                            by_priority.get(&(p, l.clone())).unwrap_or(&empty_faces),
                        )
                    })
                    .collect(),
            })
            .collect(),
        questions: rows
            .into_iter()
            .map(|(key, q)| QuestionInsight {
                cells: labels
                    .iter()
                    .map(|l| {
                        let k = (key, q.key.clone(), l.clone());
                        match q.kind {
                            QuestionKind::Faces => {
                                faces_cell(l.clone(), faces.get(&k).unwrap_or(&empty_faces))
                            }
                            _ => choices_cell(
                                l.clone(),
                                &q.options,
                                picks.get(&k).unwrap_or(&empty_picks),
                            ),
                        }
                    })
                    .collect(),
                form: key,
                question: q.key,
                prompt: q.prompt,
                kind: q.kind,
                priority: q.priority,
            })
            .collect(),
    })
}
