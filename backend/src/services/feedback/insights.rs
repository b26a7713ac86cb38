//! Anonymous totals over a period, with small groups hidden.

use super::forms::questions_of;
use crate::access::{self};
use crate::caller::Caller;
use crate::entities::{feedback as fb, feedback_form as ff};
use crate::error::ApiError;
use crate::repo::feedback as repo;
use chrono::{Datelike, Duration, Months, NaiveDate, Utc};
use sea_orm::DatabaseConnection;
use shared::access::Ability;
use shared::reviews::{
    choices_cell, faces_cell, period_label, period_labels, FormKey, InsightsReport, Period,
    PriorityInsight, Question, QuestionInsight, QuestionKind, MIN_GROUP,
};
use shared::reviews::{Priority, SUPPRESSED_NOTE};
use std::collections::{BTreeMap, HashMap};

/// Anonymous totals cover at most this long.
const INSIGHTS_MAX_DAYS: i64 = 3 * 366;

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
        let key = form.form_key()?;
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
