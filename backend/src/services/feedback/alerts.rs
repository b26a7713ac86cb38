//! Safeguarding alerts as staff see them: the list for the people they
//! work with, and recording what they did.

use crate::access::{self};
use crate::caller::Caller;
use crate::entities::young_person;
use crate::error::ApiError;
use crate::repo::{audit, feedback as repo, people};
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};
use shared::access::{allowed, Ability, Action, Relation};
use shared::reviews::{AlertResponse, AlertResponseView, AlertView, MESSAGE_MAX};

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
            routed_to: a.routed_to()?,
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
