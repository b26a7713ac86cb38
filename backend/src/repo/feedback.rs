//! Feedback forms (versioned), drafts, sent feedback with its answers and
//! readers, and safeguarding alerts.

use crate::entities::{
    feedback as fb, feedback_answer as fa, feedback_draft as fd, feedback_form as ff,
    feedback_reader as fr, safeguarding_alert as sa, safeguarding_alert_recipient as sar,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

/// Rows per `IN (...)` list.
const CHUNK: usize = 500;

// ------------------------------------------------------------------- forms

/// The newest version of this form in this council.
pub async fn latest_form(
    db: &impl ConnectionTrait,
    authority_id: i32,
    key: &str,
) -> Result<Option<ff::Model>, DbErr> {
    ff::Entity::find()
        .filter(ff::Column::AuthorityId.eq(authority_id))
        .filter(ff::Column::FormKey.eq(key))
        .order_by_desc(ff::Column::Version)
        .one(db)
        .await
}

pub async fn form_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<ff::Model>, DbErr> {
    ff::Entity::find()
        .filter(ff::Column::AuthorityId.eq(authority_id))
        .filter(ff::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn forms_by_ids(db: &impl ConnectionTrait, ids: &[i32]) -> Result<Vec<ff::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            ff::Entity::find()
                .filter(ff::Column::Id.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Every version of every form of this council, newest first per key.
pub async fn forms_of(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<ff::Model>, DbErr> {
    ff::Entity::find()
        .filter(ff::Column::AuthorityId.eq(authority_id))
        .order_by_asc(ff::Column::FormKey)
        .order_by_desc(ff::Column::Version)
        .all(db)
        .await
}

pub struct NewForm<'a> {
    pub authority_id: i32,
    pub key: &'a str,
    pub version: i32,
    pub title: &'a str,
    pub intro: &'a str,
    pub with_adult: Option<String>,
    pub questions_json: String,
    pub translations_json: Option<String>,
    pub created_by: Option<i32>,
}

/// Publishes a version. The unique (council, key, version) index refuses
/// a version someone else published a moment before.
pub async fn insert_form(
    db: &impl ConnectionTrait,
    f: NewForm<'_>,
    now: DateTime<Utc>,
) -> Result<ff::Model, DbErr> {
    ff::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(f.authority_id),
        form_key: Set(f.key.to_owned()),
        version: Set(f.version),
        title: Set(f.title.to_owned()),
        intro: Set(f.intro.to_owned()),
        with_adult: Set(f.with_adult),
        questions_json: Set(f.questions_json),
        translations_json: Set(f.translations_json),
        created_at: Set(now),
        created_by: Set(f.created_by),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Gives a version translations it lacks (the seed's, for a version
/// published before they existed). Only a version with none is changed.
pub async fn add_form_translations(
    db: &impl ConnectionTrait,
    form_id: i32,
    translations_json: String,
) -> Result<(), DbErr> {
    ff::Entity::update_many()
        .col_expr(ff::Column::TranslationsJson, Expr::value(translations_json))
        .filter(ff::Column::Id.eq(form_id))
        .filter(ff::Column::TranslationsJson.is_null())
        .exec(db)
        .await?;
    Ok(())
}

// ------------------------------------------------------------------ drafts

pub async fn draft(
    db: &impl ConnectionTrait,
    yp_id: i32,
    review_id: i32,
) -> Result<Option<fd::Model>, DbErr> {
    fd::Entity::find()
        .filter(fd::Column::YoungPersonId.eq(yp_id))
        .filter(fd::Column::ReviewId.eq(review_id))
        .one(db)
        .await
}

/// Drafts of these reviews (to say "draft saved" in lists).
pub async fn drafts_for_reviews(
    db: &impl ConnectionTrait,
    review_ids: &[i32],
) -> Result<Vec<fd::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in review_ids.chunks(CHUNK) {
        out.extend(
            fd::Entity::find()
                .filter(fd::Column::ReviewId.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Writes the draft for this review, replacing any (the last write wins).
pub async fn save_draft(
    db: &impl ConnectionTrait,
    yp_id: i32,
    review_id: i32,
    form_id: i32,
    answers_json: String,
    readers_json: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    fd::Entity::insert(fd::ActiveModel {
        young_person_id: Set(yp_id),
        review_id: Set(review_id),
        form_id: Set(form_id),
        answers_json: Set(answers_json),
        readers_json: Set(readers_json),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([fd::Column::YoungPersonId, fd::Column::ReviewId])
            .update_columns([
                fd::Column::FormId,
                fd::Column::AnswersJson,
                fd::Column::ReadersJson,
                fd::Column::UpdatedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

pub async fn delete_draft(
    db: &impl ConnectionTrait,
    yp_id: i32,
    review_id: i32,
) -> Result<(), DbErr> {
    fd::Entity::delete_many()
        .filter(fd::Column::YoungPersonId.eq(yp_id))
        .filter(fd::Column::ReviewId.eq(review_id))
        .exec(db)
        .await
        .map(|_| ())
}

// ---------------------------------------------------------------- feedback

/// What a second send with the same idempotency key finds.
pub async fn by_submission(
    db: &impl ConnectionTrait,
    yp_id: i32,
    submission_id: &str,
) -> Result<Option<fb::Model>, DbErr> {
    fb::Entity::find()
        .filter(fb::Column::YoungPersonId.eq(yp_id))
        .filter(fb::Column::SubmissionId.eq(submission_id))
        .one(db)
        .await
}

pub async fn for_review(
    db: &impl ConnectionTrait,
    review_id: i32,
) -> Result<Option<fb::Model>, DbErr> {
    fb::Entity::find()
        .filter(fb::Column::ReviewId.eq(review_id))
        .one(db)
        .await
}

pub async fn for_reviews(
    db: &impl ConnectionTrait,
    review_ids: &[i32],
) -> Result<Vec<fb::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in review_ids.chunks(CHUNK) {
        out.extend(
            fb::Entity::find()
                .filter(fb::Column::ReviewId.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

pub async fn of_person(
    db: &impl ConnectionTrait,
    yp_id: i32,
    public_id: &str,
) -> Result<Option<fb::Model>, DbErr> {
    fb::Entity::find()
        .filter(fb::Column::YoungPersonId.eq(yp_id))
        .filter(fb::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

/// This young person's feedback that this account was chosen to read,
/// newest first.
pub async fn readable_by(
    db: &impl ConnectionTrait,
    yp_id: i32,
    account_id: i32,
) -> Result<Vec<fb::Model>, DbErr> {
    let ids: Vec<i32> = fr::Entity::find()
        .filter(fr::Column::AccountId.eq(account_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.feedback_id)
        .collect();
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        out.extend(
            fb::Entity::find()
                .filter(fb::Column::YoungPersonId.eq(yp_id))
                .filter(fb::Column::Id.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.submitted_at));
    Ok(out)
}

pub struct NewFeedback<'a> {
    pub authority_id: i32,
    pub young_person_id: i32,
    pub review_id: i32,
    pub form_id: i32,
    pub submission_id: &'a str,
    pub suggests_harm: bool,
}

pub async fn insert_feedback(
    db: &impl ConnectionTrait,
    f: NewFeedback<'_>,
    now: DateTime<Utc>,
) -> Result<fb::Model, DbErr> {
    fb::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(f.authority_id),
        young_person_id: Set(f.young_person_id),
        review_id: Set(f.review_id),
        form_id: Set(f.form_id),
        submission_id: Set(f.submission_id.to_owned()),
        suggests_harm: Set(f.suggests_harm),
        submitted_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub struct NewAnswer {
    pub question_key: String,
    pub scale: Option<i32>,
    pub choices_json: Option<String>,
    pub text: Option<String>,
}

pub async fn insert_answers(
    db: &impl ConnectionTrait,
    feedback_id: i32,
    answers: Vec<NewAnswer>,
) -> Result<(), DbErr> {
    if answers.is_empty() {
        return Ok(());
    }
    fa::Entity::insert_many(answers.into_iter().map(|a| fa::ActiveModel {
        feedback_id: Set(feedback_id),
        question_key: Set(a.question_key),
        scale: Set(a.scale),
        choices_json: Set(a.choices_json),
        text: Set(a.text),
        ..Default::default()
    }))
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

pub async fn insert_readers(
    db: &impl ConnectionTrait,
    feedback_id: i32,
    readers: &[(i32, String)],
) -> Result<(), DbErr> {
    if readers.is_empty() {
        return Ok(());
    }
    fr::Entity::insert_many(readers.iter().map(|(account_id, rel)| fr::ActiveModel {
        feedback_id: Set(feedback_id),
        account_id: Set(*account_id),
        relationship: Set(rel.clone()),
        ..Default::default()
    }))
    .exec_without_returning(db)
    .await
    .map(|_| ())
}

/// Answers of these feedback rows, in the order they were stored.
pub async fn answers_of(
    db: &impl ConnectionTrait,
    feedback_ids: &[i32],
) -> Result<Vec<fa::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in feedback_ids.chunks(CHUNK) {
        out.extend(
            fa::Entity::find()
                .filter(fa::Column::FeedbackId.is_in(chunk.to_vec()))
                .order_by_asc(fa::Column::Id)
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

pub async fn readers_of(
    db: &impl ConnectionTrait,
    feedback_ids: &[i32],
) -> Result<Vec<fr::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in feedback_ids.chunks(CHUNK) {
        out.extend(
            fr::Entity::find()
                .filter(fr::Column::FeedbackId.is_in(chunk.to_vec()))
                .order_by_asc(fr::Column::Id)
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// "You said, we did" (written again, it replaces the last one).
pub async fn set_response(
    db: &impl ConnectionTrait,
    id: i32,
    response: &str,
    by: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    fb::Entity::update_many()
        .col_expr(fb::Column::Response, Expr::value(response))
        .col_expr(fb::Column::RespondedBy, Expr::value(by))
        .col_expr(fb::Column::RespondedAt, Expr::value(now))
        .filter(fb::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// The council's feedback sent in `from..until`, for anonymous totals.
pub async fn sent_between(
    db: &impl ConnectionTrait,
    authority_id: i32,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<fb::Model>, DbErr> {
    fb::Entity::find()
        .filter(fb::Column::AuthorityId.eq(authority_id))
        .filter(fb::Column::SubmittedAt.gte(from))
        .filter(fb::Column::SubmittedAt.lt(until))
        .all(db)
        .await
}

// ------------------------------------------------------------------ alerts

pub struct NewAlert<'a> {
    pub authority_id: i32,
    pub young_person_id: i32,
    pub source: &'a str,
    pub source_id: &'a str,
    pub phrases_json: String,
    pub excerpt: String,
    pub routed_to: &'a str,
}

pub async fn insert_alert(
    db: &impl ConnectionTrait,
    a: NewAlert<'_>,
    recipients: &[i32],
    now: DateTime<Utc>,
) -> Result<sa::Model, DbErr> {
    let row = sa::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        authority_id: Set(a.authority_id),
        young_person_id: Set(a.young_person_id),
        source: Set(a.source.to_owned()),
        source_id: Set(a.source_id.to_owned()),
        phrases_json: Set(a.phrases_json),
        excerpt: Set(a.excerpt),
        routed_to: Set(a.routed_to.to_owned()),
        raised_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut ids = recipients.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if !ids.is_empty() {
        sar::Entity::insert_many(ids.into_iter().map(|account_id| sar::ActiveModel {
            alert_id: Set(row.id),
            account_id: Set(account_id),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(row)
}

/// Alerts of this council that went to `account_id` or are about one of
/// `yp_ids`, newest first; `open_only` leaves out those answered.
pub async fn alerts_for(
    db: &impl ConnectionTrait,
    authority_id: i32,
    account_id: i32,
    yp_ids: &[i32],
    open_only: bool,
    limit: u64,
) -> Result<Vec<sa::Model>, DbErr> {
    let mine: Vec<i32> = sar::Entity::find()
        .filter(sar::Column::AccountId.eq(account_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.alert_id)
        .collect();
    let mut who = Condition::any();
    for chunk in mine.chunks(CHUNK) {
        who = who.add(sa::Column::Id.is_in(chunk.to_vec()));
    }
    for chunk in yp_ids.chunks(CHUNK) {
        who = who.add(sa::Column::YoungPersonId.is_in(chunk.to_vec()));
    }
    if mine.is_empty() && yp_ids.is_empty() {
        return Ok(vec![]);
    }
    let mut q = sa::Entity::find()
        .filter(sa::Column::AuthorityId.eq(authority_id))
        .filter(who);
    if open_only {
        q = q.filter(sa::Column::RespondedAt.is_null());
    }
    q.order_by_desc(sa::Column::RaisedAt)
        .order_by_desc(sa::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

pub async fn alert_by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<sa::Model>, DbErr> {
    sa::Entity::find()
        .filter(sa::Column::AuthorityId.eq(authority_id))
        .filter(sa::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn recipients_of(
    db: &impl ConnectionTrait,
    alert_ids: &[i32],
) -> Result<Vec<sar::Model>, DbErr> {
    let mut out = Vec::new();
    for chunk in alert_ids.chunks(CHUNK) {
        out.extend(
            sar::Entity::find()
                .filter(sar::Column::AlertId.is_in(chunk.to_vec()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Records the response; false when someone recorded one first.
pub async fn respond_to_alert(
    db: &impl ConnectionTrait,
    id: i32,
    response: &str,
    by: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let r = sa::Entity::update_many()
        .col_expr(sa::Column::Response, Expr::value(response))
        .col_expr(sa::Column::RespondedBy, Expr::value(by))
        .col_expr(sa::Column::RespondedAt, Expr::value(now))
        .filter(sa::Column::Id.eq(id))
        .filter(sa::Column::RespondedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}
