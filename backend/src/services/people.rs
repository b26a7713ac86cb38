//! Young people's records, their accounts, allocations and audit views.

use crate::access::{self, Grant};
use crate::caller::Caller;
use crate::entities::young_person;
use crate::error::ApiError;
use crate::repo::{accounts, allocations, audit, notifications, people};
use crate::services::auth::issue_code;
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::access::{Ability, Relationship};
use shared::accounts::{
    AccessEntry, ActivationCode, AllocationView, AuditRow, NewAllocation, NewCareEpisode,
    NewYoungPerson, PersonSummary, YoungPersonView,
};
use shared::care_status::care_summary;
use shared::people::Role;

use shared::limits::{
    PERSON_NAME_MAX_CHARS as NAME_MAX, PERSON_NOTE_MAX_CHARS as NOTE_MAX, REASON_MIN_CHARS,
    USERNAME_MAX_CHARS, USERNAME_MIN_CHARS,
};

pub const BREAK_GLASS_MINUTES: i64 = 60;

pub async fn view(db: &DatabaseConnection, grant: &Grant) -> Result<YoungPersonView, ApiError> {
    let y = &grant.young_person;
    let today = Utc::now().date_naive();
    let episodes = people::episodes(db, y.id).await?;
    let summary = care_summary(y.date_of_birth, &episodes, today, false);
    Ok(YoungPersonView {
        id: y.public_id.clone(),
        preferred_name: y.preferred_name.clone(),
        date_of_birth: y.date_of_birth,
        age: summary.age,
        age_band: summary.age_band,
        care_leaver_category: summary.category,
        looked_after_now: summary.looked_after_now,
        legal_status: people::legal_status_on(db, y.id, today).await?,
        episodes,
        has_account: y.account_id.is_some(),
        username: people::username_of(db, y.account_id).await?,
        social_workers_so_far: match grant.relation {
            shared::access::Relation::ManagesTeam => {
                Some(crate::repo::allocations::social_workers_so_far(db, y.id).await?)
            }
            _ => None,
        },
    })
}

fn check_name(name: &str) -> Result<(), ApiError> {
    let n = name.trim();
    if n.is_empty() {
        return Err(ApiError::validation(
            "preferred_name",
            "Give the name the young person likes to be called.",
        ));
    }
    if n.chars().count() > NAME_MAX {
        return Err(ApiError::validation(
            "preferred_name",
            format!("Keep the name to {NAME_MAX} characters or fewer."),
        ));
    }
    Ok(())
}

/// The oldest age this service is for.
pub const MAX_AGE_YEARS: u32 = 25;

/// What is wrong with a new record's dates, (field, words), all of them:
/// the admin page shows the first, the CSV import every one. The same
/// rules for both.
pub fn date_problems(
    date_of_birth: NaiveDate,
    care_started: NaiveDate,
    care_ended: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<(&'static str, String)> {
    let mut out = vec![];
    if date_of_birth > today {
        out.push((
            "date_of_birth",
            "The date of birth is in the future.".to_owned(),
        ));
    } else if date_of_birth < today - Duration::days(366 * (i64::from(MAX_AGE_YEARS) + 1)) {
        out.push((
            "date_of_birth",
            format!("This service is for young people up to {MAX_AGE_YEARS}."),
        ));
    }
    if care_started < date_of_birth || care_started > today {
        out.push((
            "care_started",
            "Care must start between the date of birth and today.".to_owned(),
        ));
    }
    if let Some(end) = care_ended {
        if end <= care_started {
            out.push(("care_ended", "Care must end after it started.".to_owned()));
        } else if end > today {
            out.push(("care_ended", "The end of care is in the future.".to_owned()));
        }
    }
    out
}

pub async fn create(
    db: &DatabaseConnection,
    caller: &Caller,
    n: &NewYoungPerson,
) -> Result<young_person::Model, ApiError> {
    access::require(caller, Ability::CreateYoungPerson)?;
    check_name(&n.preferred_name)?;
    let today = Utc::now().date_naive();
    if let Some((field, message)) =
        date_problems(n.date_of_birth, n.care_started, n.care_ended, today)
            .into_iter()
            .next()
    {
        return Err(ApiError::validation(field, message));
    }
    let social_worker = match &n.social_worker_id {
        Some(id) => Some(
            accounts::by_public_id(db, caller.authority_id, id)
                .await?
                .filter(|a| a.disabled_at.is_none())
                .map(|a| a.role().map(|r| (r, a)))
                .transpose()?
                .filter(|(r, _)| *r == Role::SocialWorker)
                .map(|(_, a)| a)
                .ok_or_else(|| {
                    ApiError::validation("social_worker_id", "No social worker here has that id.")
                })?,
        ),
        None => None,
    };
    let now = Utc::now();
    let txn = db.begin().await?;
    let y = people::create(
        &txn,
        caller.authority_id,
        &n.preferred_name,
        n.date_of_birth,
        now,
    )
    .await?;
    if let Some(sw) = &social_worker {
        allocations::reallocate(&txn, y.id, Relationship::SocialWorker, sw.id, None, now).await?;
    }
    people::add_episode(&txn, y.id, n.care_started, n.care_ended).await?;
    people::add_legal_status(&txn, y.id, n.legal_status, n.care_started).await?;
    audit::record(
        &txn,
        audit::Event {
            authority_id: caller.authority_id,
            actor_account_id: Some(caller.account_id),
            actor_role: caller.role.as_str(),
            young_person_id: Some(y.id),
            action: "create_record",
            basis: "ability_create_young_person",
            allocation_id: None,
            outcome: "allowed",
            reason: None,
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(y)
}

pub async fn add_episode(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    n: &NewCareEpisode,
) -> Result<(), ApiError> {
    let y = &grant.young_person;
    let today = Utc::now().date_naive();
    if n.start < y.date_of_birth || n.start > today {
        return Err(ApiError::validation(
            "start",
            "The start must be between the date of birth and today.",
        ));
    }
    if let Some(end) = n.end {
        if end <= n.start {
            return Err(ApiError::validation(
                "end",
                "The end must be after the start.",
            ));
        }
    }
    let existing = people::episodes(db, y.id).await?;
    let overlaps = existing.iter().any(|e| {
        let e_end = e.end.unwrap_or(chrono::NaiveDate::MAX);
        let n_end = n.end.unwrap_or(chrono::NaiveDate::MAX);
        n.start < e_end && e.start < n_end
    });
    if overlaps {
        return Err(ApiError::validation(
            "start",
            "This overlaps a time in care already recorded.",
        ));
    }
    let txn = db.begin().await?;
    people::add_episode(&txn, y.id, n.start, n.end).await?;
    if let Some(status) = n.legal_status {
        people::add_legal_status(&txn, y.id, status, n.start).await?;
    }
    grant.record(&txn, caller, None).await?;
    txn.commit().await?;
    Ok(())
}

/// The worker creates the account; the young person chooses their password
/// with the code on their own phone.
pub async fn create_account(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    username: &str,
) -> Result<ActivationCode, ApiError> {
    let y = &grant.young_person;
    if y.account_id.is_some() {
        return Err(ApiError::Conflict(
            "This young person already has an account. Make a new code instead.".to_owned(),
        ));
    }
    let u = username.trim().to_lowercase();
    let ok_chars = u
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.');
    let n = u.chars().count();
    if !(USERNAME_MIN_CHARS..=USERNAME_MAX_CHARS).contains(&n) || !ok_chars {
        return Err(ApiError::validation(
            "username",
            format!("Use {USERNAME_MIN_CHARS} to {USERNAME_MAX_CHARS} letters, numbers, dots, dashes or underscores."),
        ));
    }
    if accounts::by_username(db, &u).await?.is_some() {
        return Err(ApiError::Conflict(
            "That username is taken. Choose another.".to_owned(),
        ));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let account = accounts::create(
        &txn,
        accounts::NewAccount {
            authority_id: caller.authority_id,
            username: &u,
            role: Role::YoungPerson,
            display_name: &y.preferred_name,
            team_id: None,
            password_hash: None,
        },
        now,
    )
    .await?;
    people::link_account(&txn, y.id, account.id).await?;
    let code = issue_code(&txn, &account, "activate", caller.account_id).await?;
    grant.record(&txn, caller, None).await?;
    txn.commit().await?;
    Ok(code)
}

/// A new code for a forgotten password (or a lost first one).
pub async fn new_code(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
) -> Result<ActivationCode, ApiError> {
    let Some(account_id) = grant.young_person.account_id else {
        return Err(ApiError::Conflict(
            "This young person has no account yet. Create one first.".to_owned(),
        ));
    };
    let account = accounts::by_id(db, account_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let txn = db.begin().await?;
    let code = issue_code(&txn, &account, "reset", caller.account_id).await?;
    grant.record(&txn, caller, None).await?;
    txn.commit().await?;
    Ok(code)
}

pub async fn allocations(
    db: &DatabaseConnection,
    grant: &Grant,
) -> Result<Vec<AllocationView>, ApiError> {
    allocations::history(db, grant.young_person.id)
        .await?
        .into_iter()
        .filter_map(|(a, staff)| {
            let staff = staff?;
            Some(a.relationship().map(|relationship| AllocationView {
                id: a.id,
                relationship,
                staff_id: staff.public_id,
                staff_name: staff.display_name,
                starts_at: a.starts_at,
                ends_at: a.ends_at,
                handover_note: a.handover_note,
            }))
        })
        .collect()
}

/// Ends the current worker of this kind and starts the new one now: the
/// old worker loses access on their next request. The young person is told.
pub async fn reallocate(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    n: &NewAllocation,
) -> Result<AllocationView, ApiError> {
    let staff = accounts::by_public_id(db, caller.authority_id, &n.staff_id)
        .await?
        .filter(|s| s.disabled_at.is_none())
        .ok_or_else(|| ApiError::validation("staff_id", "No member of staff has that id here."))?;
    if staff.role()? != n.relationship.staff_role() {
        return Err(ApiError::validation(
            "staff_id",
            format!("That person is not a {}.", n.relationship.plain()),
        ));
    }
    if let Some(note) = &n.handover_note {
        if note.chars().count() > NOTE_MAX {
            return Err(ApiError::validation(
                "handover_note",
                format!("Keep the note to {NOTE_MAX} characters or fewer."),
            ));
        }
    }
    let now = Utc::now();
    let y = &grant.young_person;
    let txn = db.begin().await?;
    let a = allocations::reallocate(
        &txn,
        y.id,
        n.relationship,
        staff.id,
        n.handover_note.clone(),
        now,
    )
    .await?;
    grant.record(&txn, caller, None).await?;
    if let Some(account_id) = y.account_id {
        // No names in the title: a lock screen may be seen by others.
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id,
                kind: "new_worker",
                title: "You have an update",
                body: &format!(
                    "You have a new {}: {}.",
                    n.relationship.plain(),
                    staff.display_name
                ),
                link: "/my/people",
                urgent: false,
            },
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(AllocationView {
        id: a.id,
        relationship: n.relationship,
        staff_id: staff.public_id,
        staff_name: staff.display_name,
        starts_at: a.starts_at,
        ends_at: None,
        handover_note: None,
    })
}

/// An admin opens a record for a stated reason, for an hour; managers are
/// alerted.
pub async fn break_glass(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    reason: &str,
) -> Result<(), ApiError> {
    let r = reason.trim();
    if r.chars().count() < REASON_MIN_CHARS {
        return Err(ApiError::validation(
            "reason",
            format!(
                "Say why you need to open this record (at least {REASON_MIN_CHARS} characters)."
            ),
        ));
    }
    if r.chars().count() > NOTE_MAX {
        return Err(ApiError::validation(
            "reason",
            format!("Keep the reason to {NOTE_MAX} characters or fewer."),
        ));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    allocations::add_break_glass(
        &txn,
        caller.account_id,
        grant.young_person.id,
        r,
        now,
        now + Duration::minutes(BREAK_GLASS_MINUTES),
    )
    .await?;
    grant.record(&txn, caller, Some(r)).await?;
    for m in accounts::managers_of_team(&txn, None, caller.authority_id).await? {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id: m.id,
                kind: "break_glass",
                title: "Emergency access to a record",
                body: &format!(
                    "{} opened a young person's record. Reason: {r}",
                    caller.display_name
                ),
                link: &format!("/staff/people/{}/audit", grant.young_person.public_id),
                urgent: true,
            },
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// The staff of the caller's own team (managers pick workers from it).
pub async fn my_team(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<shared::accounts::TeamMember>, ApiError> {
    access::require(caller, Ability::ListTeamStaff)?;
    let Some(team) = caller.team_id else {
        return Ok(vec![]);
    };
    accounts::staff(db, caller.authority_id)
        .await?
        .into_iter()
        .filter(|(a, _)| a.team_id == Some(team) && a.disabled_at.is_none())
        .map(|(a, _)| {
            Ok(shared::accounts::TeamMember {
                role: a.role()?,
                id: a.public_id,
                display_name: a.display_name,
            })
        })
        .collect()
}

/// The caller's caseload: only the young people they may see now.
pub async fn caseload(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<PersonSummary>, ApiError> {
    access::require(caller, Ability::ListCaseload)?;
    let now = Utc::now();
    let rows: Vec<(young_person::Model, String)> = match caller.role {
        Role::SocialWorker | Role::PersonalAdviser | Role::Iro => {
            people::allocated_to(db, &[caller.account_id], now)
                .await?
                .into_iter()
                .map(|(p, rel)| (p, format!("allocated_{rel}")))
                .collect()
        }
        Role::TeamManager => {
            let staff = match caller.team_id {
                Some(t) => people::staff_ids_in_team(db, t).await?,
                None => vec![],
            };
            people::allocated_to(db, &staff, now)
                .await?
                .into_iter()
                .map(|(p, _)| (p, "team_manager".to_owned()))
                .collect()
        }
        // Admins manage accounts: names only, no case content.
        Role::Admin => people::all_in_authority(db, caller.authority_id, 1000)
            .await?
            .into_iter()
            .map(|p| (p, "admin_accounts".to_owned()))
            .collect(),
        _ => vec![],
    };
    Ok(rows
        .into_iter()
        .map(|(p, basis)| PersonSummary {
            id: p.public_id,
            preferred_name: p.preferred_name,
            basis,
            has_account: p.account_id.is_some(),
        })
        .collect())
}

pub async fn audit_rows(db: &DatabaseConnection, grant: &Grant) -> Result<Vec<AuditRow>, ApiError> {
    Ok(audit::for_young_person(db, grant.young_person.id, 500)
        .await?
        .into_iter()
        .map(|(r, actor)| AuditRow {
            at: r.at,
            actor: actor.map(|a| a.display_name),
            actor_role: r.actor_role,
            action: r.action,
            basis: r.basis,
            outcome: r.outcome,
            reason: r.reason,
        })
        .collect())
}

/// "Your social worker, Sam Patel, looked at your details."
pub async fn who_looked(db: &DatabaseConnection, yp_id: i32) -> Result<Vec<AccessEntry>, ApiError> {
    let rows =
        audit::for_young_person_except(db, yp_id, shared::access::Relation::Own.basis(), 200)
            .await?;
    Ok(rows
        .into_iter()
        .filter(|(r, _)| r.outcome == "allowed" && r.basis != "own_record")
        .map(|(r, actor)| {
            let who = match r.basis.as_str() {
                "allocated_social_worker" => "Your social worker",
                "allocated_personal_adviser" => "Your personal adviser",
                "allocated_iro" => "Your IRO (the person who runs your review meetings)",
                "team_manager" => "A manager in your worker's team",
                "break_glass" => "An administrator, in an emergency,",
                _ => "Someone who runs your records",
            };
            let actor = actor.map(|a| a.display_name).unwrap_or_default();
            let name = if actor.is_empty() {
                "someone"
            } else {
                actor.as_str()
            };
            let what = shared::access::Action::ALL
                .into_iter()
                .find(|a| a.as_str() == r.action)
                .map(|a| a.plain())
                .unwrap_or("made a change to your records");
            AccessEntry {
                at: r.at,
                text: format!("{who}, {name}, {what}."),
                basis: r.basis,
                name: actor,
                action: r.action,
            }
        })
        .collect())
}
