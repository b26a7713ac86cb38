//! Plans in plain words: drafts checked for the child's age, sharing (with
//! a recorded reason when the check fails), every version kept, "what
//! changed since last time", and children's questions with answers.

use crate::access::{self, Grant};
use crate::caller::Caller;
use crate::entities::{plan_version, young_person};
use crate::error::ApiError;
/// Kept at its old path; it lives with the allocations it counts.
pub use crate::repo::allocations::social_workers_so_far;
use crate::repo::{allocations, councils, notifications, people, plans};
use crate::services::{flood, free_text, safeguarding};
use chrono::Utc;
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::access::{Action, Relationship};
use shared::care_status::care_summary;
use shared::forum::FloodKind;
use shared::glossary::find_terms;
use shared::limits::{PROFILE_ABOUT_MAX_CHARS, PROFILE_CONTACT_MAX_CHARS};
use shared::people::{AgeBand, CareLeaverCategory, Role};
use shared::plain_language::check;
use shared::plans::{
    changes, ChildPlanView, ChildSection, DraftPlan, NewPlanQuery, PlanKind, PlanQueryView,
    PlanVersionSummary, QueryKind, SectionCheck, SectionText, SharePlan, StaffPlanView,
    MESSAGE_MAX_CHARS, SECTION_MAX_CHARS,
};

/// Age band and the kind of plan that fits the young person today.
async fn band_and_kind(
    db: &DatabaseConnection,
    y: &young_person::Model,
) -> Result<(AgeBand, PlanKind), ApiError> {
    let episodes = people::episodes(db, y.id).await?;
    let s = care_summary(y.date_of_birth, &episodes, Utc::now().date_naive(), false);
    let kind = match s.category {
        CareLeaverCategory::None => PlanKind::CarePlan,
        _ => PlanKind::PathwayPlan,
    };
    Ok((s.age_band, kind))
}

fn kind_str(k: PlanKind) -> &'static str {
    match k {
        PlanKind::CarePlan => "care_plan",
        PlanKind::PathwayPlan => "pathway_plan",
    }
}

/// The stored plan kind: an unknown one is an error, not a care plan.
pub(crate) fn kind_from(s: &str) -> Result<PlanKind, ApiError> {
    ApiError::stored("plan_version", "kind", s, |s| {
        [PlanKind::CarePlan, PlanKind::PathwayPlan]
            .into_iter()
            .find(|k| kind_str(*k) == s)
    })
}

pub(crate) fn sections_of(v: &plan_version::Model) -> Vec<SectionText> {
    sections_from(&v.sections_json)
}

pub(crate) fn sections_from(json: &str) -> Vec<SectionText> {
    serde_json::from_str(json).unwrap_or_default()
}

fn draft_of(v: &plan_version::Model) -> DraftPlan {
    DraftPlan {
        sections: sections_of(v),
        next_date: v.next_date,
    }
}

fn checks_for(sections: &[SectionText], band: AgeBand) -> Vec<SectionCheck> {
    sections
        .iter()
        .map(|s| SectionCheck {
            section: s.section,
            report: check(&s.text, band),
        })
        .collect()
}

async fn summaries(
    db: &DatabaseConnection,
    yp_id: i32,
) -> Result<Vec<PlanVersionSummary>, ApiError> {
    let mut out = vec![];
    for v in plans::shared(db, yp_id, 200).await? {
        out.push(PlanVersionSummary {
            version: v.version.unwrap_or(0).max(0) as u32,
            shared_at: v.shared_at.unwrap_or(v.updated_at),
            shared_by: plans::account_name(db, v.shared_by).await?,
            override_reason: v.override_reason,
        });
    }
    Ok(out)
}

pub async fn staff_view(db: &DatabaseConnection, grant: &Grant) -> Result<StaffPlanView, ApiError> {
    let y = &grant.young_person;
    let (band, kind) = band_and_kind(db, y).await?;
    let draft = plans::draft(db, y.id).await?.map(|d| draft_of(&d));
    let checks = draft
        .as_ref()
        .map(|d| checks_for(&d.sections, band))
        .unwrap_or_default();
    let versions = summaries(db, y.id).await?;
    Ok(StaffPlanView {
        kind,
        draft,
        checks,
        shared_version: versions.first().map(|v| v.version),
        versions,
    })
}

fn validate_draft(d: &DraftPlan) -> Result<(), ApiError> {
    if d.sections.is_empty() {
        return Err(ApiError::validation(
            "sections",
            "Write at least one section.",
        ));
    }
    for (i, s) in d.sections.iter().enumerate() {
        if d.sections[..i].iter().any(|o| o.section == s.section) {
            return Err(ApiError::validation(
                format!("sections[{i}].section"),
                format!("\"{}\" is in the plan twice.", s.section.title()),
            ));
        }
        let len = s.text.trim().chars().count();
        if len == 0 {
            return Err(ApiError::validation(
                format!("sections[{i}].text"),
                format!(
                    "\"{}\" is empty. Write something, or leave the section out.",
                    s.section.title()
                ),
            ));
        }
        if len > SECTION_MAX_CHARS {
            return Err(ApiError::validation(
                format!("sections[{i}].text"),
                format!(
                    "\"{}\" is {len} characters long. Keep each section to {SECTION_MAX_CHARS} characters or fewer.",
                    s.section.title()
                ),
            ));
        }
    }
    Ok(())
}

pub async fn save_draft(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    d: &DraftPlan,
) -> Result<StaffPlanView, ApiError> {
    validate_draft(d)?;
    let y = &grant.young_person;
    let (_, kind) = band_and_kind(db, y).await?;
    // Stored in section order, text as typed (shown as text, never as HTML).
    let mut sections: Vec<SectionText> = d
        .sections
        .iter()
        .map(|s| SectionText {
            section: s.section,
            text: s.text.trim().to_owned(),
        })
        .collect();
    sections.sort_by_key(|s| s.section);
    let json = serde_json::to_string(&sections).map_err(|e| ApiError::Internal(e.to_string()))?;
    let txn = db.begin().await?;
    plans::save_draft(
        &txn,
        plans::DraftWrite {
            yp_id: y.id,
            kind: kind_str(kind),
            sections_json: json,
            next_date: d.next_date,
            written_by: caller.account_id,
        },
        Utc::now(),
    )
    .await?;
    grant.record(&txn, caller, None).await?;
    txn.commit().await?;
    staff_view(db, grant).await
}

pub async fn share(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    req: &SharePlan,
) -> Result<StaffPlanView, ApiError> {
    let y = &grant.young_person;
    let Some(draft) = plans::draft(db, y.id).await? else {
        return Err(ApiError::Conflict(
            "There is no draft to share. Write the plan first.".to_owned(),
        ));
    };
    let (band, _) = band_and_kind(db, y).await?;
    let failing: Vec<&'static str> = checks_for(&sections_of(&draft), band)
        .iter()
        .filter(|c| !c.report.passes)
        .map(|c| c.section.title())
        .collect();
    super::plain_override::check(&failing, req.override_reason.as_deref(), |failing| {
        format!(
            "These sections are not yet in words this young person can understand: {}. Make them plainer, or say why they must be shared as they are.",
            failing.join(", ")
        )
    })?;
    let reason = super::plain_override::reason(req.override_reason.as_deref());
    let now = Utc::now();
    let next = plans::shared(db, y.id, 1)
        .await?
        .first()
        .and_then(|v| v.version)
        .unwrap_or(0)
        + 1;
    let txn = db.begin().await?;
    let override_reason = if failing.is_empty() {
        None
    } else {
        reason.map(str::to_owned)
    };
    if !plans::share_draft(
        &txn,
        draft.id,
        next,
        caller.account_id,
        override_reason.clone(),
        now,
    )
    .await?
    {
        return Err(ApiError::Conflict(
            "Someone shared this draft a moment ago. Reload to see it.".to_owned(),
        ));
    }
    grant
        .record(&txn, caller, override_reason.as_deref())
        .await?;
    if let Some(account_id) = y.account_id {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id,
                kind: "plan_shared",
                title: "You have an update",
                body: "Your plan has changed. Have a look at what is new.",
                link: "/my/plan",
                urgent: false,
            },
            now,
        )
        .await?;
    }
    txn.commit().await?;
    staff_view(db, grant).await
}

/// The plan as the child sees it: the newest shared version, with what
/// changed since the one before and explanations of words that must stay.
pub async fn child_view(
    db: &DatabaseConnection,
    y: &young_person::Model,
    version: Option<i32>,
) -> Result<Option<ChildPlanView>, ApiError> {
    let current = match version {
        Some(n) => plans::shared_version(db, y.id, n).await?,
        None => plans::shared(db, y.id, 1).await?.into_iter().next(),
    };
    let Some(current) = current else {
        return Ok(None);
    };
    let n = current.version.unwrap_or(1);
    let before = match n {
        1 => None,
        _ => plans::shared_version(db, y.id, n - 1).await?,
    };
    let now_sections = sections_of(&current);
    let before_sections = before.as_ref().map(sections_of).unwrap_or_default();
    let (changed, removed) = if before.is_some() {
        changes(&before_sections, &now_sections)
    } else {
        (vec![], vec![])
    };
    let kind = kind_from(&current.kind)?;
    let sections = now_sections
        .into_iter()
        .map(|s| {
            let was = before_sections
                .iter()
                .find(|b| b.section == s.section)
                .map(|b| b.text.clone());
            let is_changed = changed.contains(&s.section);
            ChildSection {
                section: s.section,
                title: s.section.title().to_owned(),
                explained: find_terms(&s.text)
                    .into_iter()
                    .filter(|t| t.must_stay)
                    .collect(),
                changed: is_changed,
                before: if is_changed { was } else { None },
                text: s.text,
            }
        })
        .collect();
    Ok(Some(ChildPlanView {
        kind,
        title: kind.title().to_owned(),
        version: n.max(0) as u32,
        shared_at: current.shared_at.unwrap_or(current.updated_at),
        shared_by: plans::account_name(db, current.shared_by).await?,
        next_date: current.next_date,
        sections,
        removed,
    }))
}

pub async fn history(
    db: &DatabaseConnection,
    yp_id: i32,
) -> Result<Vec<PlanVersionSummary>, ApiError> {
    summaries(db, yp_id).await
}

/// The worker who should hear about a child's question: whoever shared
/// the plan if still allocated, else the current social worker or PA.
async fn worker_to_tell(
    db: &DatabaseConnection,
    y: &young_person::Model,
    shared_by: Option<i32>,
) -> Result<Option<i32>, ApiError> {
    let now = Utc::now();
    if let Some(id) = shared_by {
        if !allocations::current_for_staff(db, y.id, id, now)
            .await?
            .is_empty()
        {
            return Ok(Some(id));
        }
    }
    let current = allocations::history(db, y.id).await?;
    let pick = |rel: Relationship| {
        current
            .iter()
            .find(|(a, _)| {
                a.relationship == rel.as_str() && a.ends_at.is_none() && a.starts_at <= now
            })
            .map(|(a, _)| a.staff_account_id)
    };
    Ok(pick(Relationship::PersonalAdviser).or_else(|| pick(Relationship::SocialWorker)))
}

pub async fn ask(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    q: &NewPlanQuery,
) -> Result<PlanQueryView, ApiError> {
    let y = &grant.young_person;
    let Some(current) = plans::shared(db, y.id, 1).await?.into_iter().next() else {
        return Err(ApiError::validation(
            "section",
            "Your plan has not been shared with you yet.",
        ));
    };
    if !sections_of(&current).iter().any(|s| s.section == q.section) {
        return Err(ApiError::validation(
            "section",
            "That part is not in your plan.",
        ));
    }
    let message = free_text::optional("message", q.message.as_deref(), MESSAGE_MAX_CHARS)?;
    let tell = worker_to_tell(db, y, current.shared_by).await?;
    let now = Utc::now();
    let harm =
        safeguarding::check_for_harm(db, y, &[message.as_deref().unwrap_or_default()], now).await?;
    // The same words about the same part again is "the same text twice".
    let dedupe = message
        .as_deref()
        .map(|m| format!("{}\n{m}", q.section.as_str()));
    let attempt = flood::Attempt::request(
        y.authority_id,
        caller.account_id,
        FloodKind::PlanQuestion,
        dedupe.as_deref(),
    );
    let txn = flood::begin(db, &attempt, now).await?;
    let row = plans::add_query(
        &txn,
        y.id,
        current.id,
        q.section.as_str(),
        q.kind.as_str(),
        message,
        now,
    )
    .await?;
    grant.record(&txn, caller, None).await?;
    if let Some(worker) = tell {
        let what = match q.kind {
            QueryKind::DontUnderstand => "does not understand part of their plan",
            QueryKind::DontAgree => "does not agree with part of their plan",
        };
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id: worker,
                kind: "plan_query",
                title: "A young person has a question about their plan",
                body: &format!("{} {what} (\"{}\").", y.preferred_name, q.section.title()),
                link: &format!("/staff/people/{}", y.public_id),
                urgent: false,
            },
            now,
        )
        .await?;
    }
    if let Some(h) = &harm {
        h.raise(&txn, y, "plan_question", &row.public_id, now)
            .await?;
    }
    txn.commit().await?;
    let mut view = view_query(db, row, y).await?;
    view.support = harm.map(|h| h.support());
    Ok(view)
}

async fn view_query(
    db: &DatabaseConnection,
    q: crate::entities::plan_query::Model,
    y: &young_person::Model,
) -> Result<PlanQueryView, ApiError> {
    let (section, kind) = (q.section()?, q.kind()?);
    Ok(PlanQueryView {
        id: q.public_id,
        young_person_id: y.public_id.clone(),
        young_person_name: y.preferred_name.clone(),
        version: plans::version_number(db, q.plan_version_id).await?.max(0) as u32,
        section,
        kind,
        message: q.message,
        asked_at: q.asked_at,
        answer: q.answer,
        answered_by: match q.answered_by {
            Some(id) => Some(plans::account_name(db, Some(id)).await?),
            None => None,
        },
        answered_at: q.answered_at,
        support: None,
    })
}

pub async fn queries_of(
    db: &DatabaseConnection,
    y: &young_person::Model,
) -> Result<Vec<PlanQueryView>, ApiError> {
    let mut out = vec![];
    for q in plans::queries_for(db, &[y.id], 200).await? {
        out.push(view_query(db, q, y).await?);
    }
    Ok(out)
}

/// A worker's task list: questions from the young people on their caseload,
/// unanswered first.
pub async fn worker_queries(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<PlanQueryView>, ApiError> {
    let caseload = crate::services::people::caseload(db, caller).await?;
    let mut people_by_id = vec![];
    for p in caseload {
        if let Some(y) = people::by_public_id(db, caller.authority_id, &p.id).await? {
            // Only those whose plan this caller may read.
            let (rel, _) = access::relation(db, caller, &y).await?;
            if shared::access::allowed(caller.role, rel, Action::ReadPlan) {
                people_by_id.push(y);
            }
        }
    }
    let ids: Vec<i32> = people_by_id.iter().map(|y| y.id).collect();
    let mut out = vec![];
    for q in plans::queries_for(db, &ids, 500).await? {
        if let Some(y) = people_by_id.iter().find(|y| y.id == q.young_person_id) {
            out.push(view_query(db, q, y).await?);
        }
    }
    out.sort_by_key(|q| (q.answer.is_some(), std::cmp::Reverse(q.asked_at)));
    Ok(out)
}

pub async fn answer(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    query_public_id: &str,
    a: &shared::plans::PlanAnswer,
) -> Result<PlanQueryView, ApiError> {
    let y = &grant.young_person;
    let q = plans::query_by_public_id(db, query_public_id)
        .await?
        .filter(|q| q.young_person_id == y.id)
        .ok_or_else(|| {
            ApiError::validation(
                "query_id",
                "That question is not about this young person's plan.",
            )
        })?;
    let t = a.answer.trim();
    if t.is_empty() {
        return Err(ApiError::validation("answer", "Write an answer."));
    }
    if t.chars().count() > MESSAGE_MAX_CHARS {
        return Err(ApiError::validation(
            "answer",
            format!("Keep the answer to {MESSAGE_MAX_CHARS} characters or fewer."),
        ));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    plans::answer_query(&txn, q.id, t, caller.account_id, now).await?;
    grant.record(&txn, caller, None).await?;
    if let Some(account_id) = y.account_id {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id,
                kind: "plan_answer",
                title: "You have an update",
                body: "Your question about your plan has an answer.",
                link: "/my/plan",
                urgent: false,
            },
            now,
        )
        .await?;
    }
    txn.commit().await?;
    let q = plans::query_by_public_id(db, query_public_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    view_query(db, q, y).await
}

/// A young person's people: their workers now, what each one does in a
/// sentence, how to reach them, and the duty desk for out of hours.
pub async fn my_people(
    db: &DatabaseConnection,
    y: &young_person::Model,
) -> Result<shared::plans::MyPeople, ApiError> {
    let now = Utc::now();
    let mut current = vec![];
    let mut recent_changes = vec![];
    for (a, staff) in allocations::history(db, y.id).await? {
        let rel = a.relationship()?;
        let Some(staff) = staff else {
            continue;
        };
        let profile = plans::profile(db, staff.id).await?;
        let person = shared::plans::Worker {
            relationship: rel,
            name: staff.display_name.clone(),
            role_explained: explain_role(rel).to_owned(),
            about_me: profile.as_ref().map(|p| p.about_me.clone()),
            contact_how: profile.as_ref().map(|p| p.contact_how.clone()),
            contact_when: profile.as_ref().map(|p| p.contact_when.clone()),
            since: a.starts_at,
        };
        match a.ends_at {
            None if a.starts_at <= now => current.push(person),
            Some(end) if end > now - chrono::Duration::days(90) => {
                recent_changes.push(shared::plans::WorkerChange {
                    relationship: rel,
                    previous_name: staff.display_name,
                    changed_at: end,
                    handover_note: a.handover_note,
                })
            }
            _ => {}
        }
    }
    let council = councils::by_id(db, y.authority_id).await?;
    Ok(shared::plans::MyPeople {
        workers: current,
        recent_changes,
        duty_phone: council.map(|c| c.duty_phone).unwrap_or_default(),
    })
}

pub fn explain_role(r: Relationship) -> &'static str {
    match r {
        Relationship::SocialWorker => {
            "Your social worker makes sure you are safe and well looked after, and helps make your plan with you."
        }
        Relationship::PersonalAdviser => {
            "Your personal adviser helps you as you leave care: with money, a home, college or work, and anything else. You can have one until you are 25."
        }
        Relationship::Iro => {
            "Your IRO (independent reviewing officer) runs your review meetings and checks that your plan is working for you. They do not work for your social worker's team."
        }
    }
}

/// Staff write their own "about me" for the young people they work with.
/// The caller's own "about me", so the form opens with what they wrote.
pub async fn my_profile(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<shared::plans::StaffProfile, ApiError> {
    if caller.role == Role::YoungPerson {
        return Err(ApiError::NotFound);
    }
    Ok(match plans::profile(db, caller.account_id).await? {
        Some(p) => shared::plans::StaffProfile {
            about_me: p.about_me,
            contact_how: p.contact_how,
            contact_when: p.contact_when,
        },
        None => shared::plans::StaffProfile {
            about_me: String::new(),
            contact_how: String::new(),
            contact_when: String::new(),
        },
    })
}

pub async fn save_profile(
    db: &DatabaseConnection,
    caller: &Caller,
    p: &shared::plans::StaffProfile,
) -> Result<(), ApiError> {
    if caller.role == Role::YoungPerson {
        return Err(ApiError::NotFound);
    }
    let about = p.about_me.trim();
    if about.chars().count() > PROFILE_ABOUT_MAX_CHARS {
        return Err(ApiError::validation(
            "about_me",
            format!("Keep it to {PROFILE_ABOUT_MAX_CHARS} characters or fewer."),
        ));
    }
    if p.contact_how.trim().chars().count() > PROFILE_CONTACT_MAX_CHARS {
        return Err(ApiError::validation(
            "contact_how",
            format!("Keep it to {PROFILE_CONTACT_MAX_CHARS} characters or fewer."),
        ));
    }
    if p.contact_when.trim().chars().count() > PROFILE_CONTACT_MAX_CHARS {
        return Err(ApiError::validation(
            "contact_when",
            format!("Keep it to {PROFILE_CONTACT_MAX_CHARS} characters or fewer."),
        ));
    }
    plans::save_profile(
        db,
        caller.account_id,
        about,
        p.contact_how.trim(),
        p.contact_when.trim(),
        Utc::now(),
    )
    .await?;
    Ok(())
}
