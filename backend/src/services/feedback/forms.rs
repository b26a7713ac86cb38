//! Feedback forms as versioned data: their questions and translations,
//! publishing a new version, and the list staff edit from.

use super::{field, internal};
use crate::access::{self};
use crate::caller::Caller;
use crate::entities::feedback_form as ff;
use crate::error::ApiError;
use crate::repo::feedback as repo;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, SqlErr};
use shared::access::Ability;
use shared::reviews::{
    tidy_translations, validate_form, FormDefinition, FormFamily, FormKey, FormTranslations,
    FormVersionSummary, FormVersionView, Question,
};

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
