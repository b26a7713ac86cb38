//! "Ask about this": a young person's request about an entitlement goes to
//! their personal adviser (or social worker, if they have no personal
//! adviser), who answers it in their own list; the young person follows it
//! (asked, being looked at, agreed, paid, turned down with a reason).

use crate::access::{self, Grant};
use crate::caller::Caller;
use crate::entities::{offer_request as req, young_person};
use crate::error::ApiError;
use crate::repo::{councils, notifications, offer as offer_repo, offer_requests as repo, people};
use crate::services::flood;
use crate::services::offer::{entitlement_of, facts_of};
use crate::services::{free_text, safeguarding};
use chrono::Utc;
use sea_orm::{DatabaseConnection, SqlErr, TransactionTrait};
use shared::access::{allowed, Ability, Action, Relationship};
use shared::eligibility::{my_offer_item, Payment};
use shared::forum::FloodKind;
use shared::offer::{
    NewOfferRequest, OfferRequestAnswer, OfferRequestEvent, OfferRequestView, RequestStatus,
    MESSAGE_MAX,
};
use shared::people::{AgeBand, Role};
use std::collections::{HashMap, HashSet};

/// The views of these requests, with their entitlements, young people and
/// stories. Rows are kept in the order given.
async fn views(
    db: &DatabaseConnection,
    rows: Vec<req::Model>,
) -> Result<Vec<OfferRequestView>, ApiError> {
    let ents: HashMap<i32, _> =
        offer_repo::by_ids(db, rows.iter().map(|r| r.entitlement_id).collect())
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
    let yps: HashMap<i32, young_person::Model> =
        repo::young_people(db, rows.iter().map(|r| r.young_person_id).collect())
            .await?
            .into_iter()
            .map(|y| (y.id, y))
            .collect();
    let events = repo::events(db, rows.iter().map(|r| r.id).collect()).await?;
    let actors = offer_repo::accounts(
        db,
        events.iter().filter_map(|e| e.actor_account_id).collect(),
    )
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (Some(e), Some(y)) = (ents.get(&r.entitlement_id), yps.get(&r.young_person_id)) else {
            continue;
        };
        let status = r.status()?;
        let history = events
            .iter()
            .filter(|ev| ev.request_id == r.id)
            .map(|ev| {
                let status = ev.status()?;
                let by = match ev
                    .actor_account_id
                    .filter(|a| Some(*a) != y.account_id)
                    .and_then(|a| actors.get(&a))
                {
                    Some(a) => Some(format!("{} ({})", a.display_name, a.role()?.plain_name())),
                    None => None,
                };
                Ok(OfferRequestEvent {
                    status,
                    status_text: status.plain().to_owned(),
                    message: ev.message.clone(),
                    by,
                    at: ev.at,
                })
            })
            .collect::<Result<_, ApiError>>()?;
        let sent_to = r.sent_to()?;
        out.push(OfferRequestView {
            id: r.public_id,
            young_person_id: y.public_id.clone(),
            young_person_name: y.preferred_name.clone(),
            entitlement_id: e.slug.clone(),
            entitlement_title: e.title.clone(),
            amount_text: entitlement_of(e)?.amount_text(),
            status,
            status_text: status.plain().to_owned(),
            open: r.open_key.is_some(),
            sent_to,
            message: r.message,
            answer: r.answer,
            created_at: r.created_at,
            updated_at: r.updated_at,
            history,
            support: None,
        });
    }
    Ok(out)
}

/// One tap: the request reaches the young person's personal adviser (or
/// social worker if none), in the same transaction as its audit row and
/// the worker's notification. Nothing is stored when it is refused.
pub async fn ask(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    n: &NewOfferRequest,
) -> Result<OfferRequestView, ApiError> {
    let slug = n.entitlement_id.trim();
    if slug.is_empty() {
        return Err(ApiError::validation(
            "entitlement_id",
            "Say which part of the local offer you are asking about.",
        ));
    }
    let message = free_text::optional("message", n.message.as_deref(), MESSAGE_MAX)?;
    let y = &grant.young_person;
    let council = councils::by_id(db, y.authority_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let row = offer_repo::by_slug(db, y.authority_id, slug)
        .await?
        .filter(|e| !e.retired && !e.example_to_edit)
        .ok_or_else(|| {
            ApiError::validation(
                "entitlement_id",
                "We could not find that in the local offer. It may have been taken out.",
            )
        })?;
    let e = entitlement_of(&row)?;
    let now = Utc::now();
    let today = now.date_naive();
    let (facts, _) = facts_of(db, y, today).await?;
    let item = my_offer_item(&e, &facts, today);
    if !item.applies {
        let mut msg = format!(
            "\"{}\" is not for you at the moment, so nothing was sent.",
            e.title
        );
        match &item.coming_up_note {
            Some(note) => msg.push_str(&format!(" {note} You can ask then.")),
            None => {
                if let Some(r) = item.reasons.iter().find(|r| !r.met) {
                    msg.push(' ');
                    msg.push_str(&r.text);
                }
            }
        }
        msg.push_str(&format!(
            " If you think this is wrong, talk to your worker or call {}.",
            council.duty_phone
        ));
        return Err(ApiError::validation("entitlement_id", msg));
    }
    if repo::open_for(db, y.id, row.id).await?.is_some() {
        return Err(already_asked(&e.title));
    }
    let (sent_to, worker) =
        match repo::current_worker(db, y.id, Relationship::PersonalAdviser, now).await? {
            Some(w) => (Relationship::PersonalAdviser, w),
            None => match repo::current_worker(db, y.id, Relationship::SocialWorker, now).await? {
                Some(w) => (Relationship::SocialWorker, w),
                None => {
                    return Err(ApiError::Conflict(format!(
                        "You do not have a personal adviser or social worker at the moment, so there is nobody to send this to. Call {} and they will help.",
                        council.duty_phone
                    )))
                }
            },
        };
    // Words that suggest harm raise a safeguarding alert, and make the
    // worker's notification urgent.
    let harm =
        safeguarding::check_for_harm(db, y, &[message.as_deref().unwrap_or_default()], now).await?;
    let urgent = harm.is_some();
    // Same entitlement and words again is "the same text twice".
    let dedupe = message.as_deref().map(|m| format!("{slug}\n{m}"));
    let attempt = flood::Attempt::request(
        y.authority_id,
        caller.account_id,
        FloodKind::OfferRequest,
        dedupe.as_deref(),
    );
    let txn = flood::begin(db, &attempt, now).await?;
    let created = repo::create(
        &txn,
        repo::NewRequest {
            authority_id: y.authority_id,
            young_person_id: y.id,
            entitlement_id: row.id,
            sent_to,
            message: message.as_deref(),
        },
        now,
    )
    .await;
    let r = match created {
        Ok(r) => r,
        Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(already_asked(&e.title));
        }
        Err(err) => return Err(err.into()),
    };
    repo::add_event(
        &txn,
        r.id,
        RequestStatus::Asked,
        message.as_deref(),
        Some(caller.account_id),
        now,
    )
    .await?;
    grant.record(&txn, caller, None).await?;
    notifications::add(
        &txn,
        notifications::NewNotification {
            account_id: worker,
            kind: "offer_request",
            // No names in the title: a lock screen may be seen by others.
            title: "New request about the local offer",
            body: &format!("{} asked about: {}.", y.preferred_name, e.title),
            link: "/staff/offer/requests",
            urgent,
        },
        now,
    )
    .await?;
    if let Some(h) = &harm {
        h.raise(&txn, y, "offer_request", &r.public_id, now).await?;
    }
    txn.commit().await?;
    let mut answer = views(db, vec![r])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("a new request could not be read back".to_owned()))?;
    answer.support = harm.map(|h| h.support());
    Ok(answer)
}

fn already_asked(title: &str) -> ApiError {
    ApiError::Conflict(format!(
        "You have already asked about \"{title}\" and it is still open. You can follow it in your requests."
    ))
}

/// One young person's requests, newest first.
pub async fn for_young_person(
    db: &DatabaseConnection,
    grant: &Grant,
) -> Result<Vec<OfferRequestView>, ApiError> {
    views(
        db,
        repo::for_young_people(db, vec![grant.young_person.id], false, 500).await?,
    )
    .await
}

/// The requests a worker answers: for a social worker or personal adviser,
/// those sent to them as the young person's worker now (so a new worker
/// takes them over); for a team manager, those of their team's young
/// people. Each young person in the list is an audited read.
pub async fn for_worker(
    db: &DatabaseConnection,
    caller: &Caller,
    include_closed: bool,
) -> Result<Vec<OfferRequestView>, ApiError> {
    access::require(caller, Ability::AnswerOfferRequests)?;
    let now = Utc::now();
    let staff = match caller.role {
        Role::TeamManager => match caller.team_id {
            Some(t) => people::staff_ids_in_team(db, t).await?,
            None => vec![],
        },
        _ => vec![caller.account_id],
    };
    let allocs = repo::allocations_of(db, staff, now).await?;
    // (young person, relationship) pairs whose requests belong here.
    let mine: HashSet<(i32, String)> = allocs
        .iter()
        .map(|a| (a.young_person_id, a.relationship.clone()))
        .collect();
    let yp_ids: Vec<i32> = allocs.iter().map(|a| a.young_person_id).collect();
    let rows: Vec<req::Model> = repo::for_young_people(db, yp_ids, !include_closed, 500)
        .await?
        .into_iter()
        .filter(|r| {
            caller.role == Role::TeamManager
                || mine.contains(&(r.young_person_id, r.sent_to.clone()))
        })
        .collect();
    // Audit one read per young person; keep only those the rules allow.
    let mut seen: HashMap<i32, bool> = HashMap::new();
    let yps: HashMap<i32, young_person::Model> =
        repo::young_people(db, rows.iter().map(|r| r.young_person_id).collect())
            .await?
            .into_iter()
            .map(|y| (y.id, y))
            .collect();
    for id in rows.iter().map(|r| r.young_person_id) {
        if seen.contains_key(&id) {
            continue;
        }
        let Some(y) = yps
            .get(&id)
            .filter(|y| y.authority_id == caller.authority_id)
        else {
            seen.insert(id, false);
            continue;
        };
        let (relation, allocation_id) = access::relation(db, caller, y).await?;
        let ok = allowed(caller.role, relation, Action::ReadOfferRequests);
        if ok {
            Grant {
                young_person: y.clone(),
                relation,
                allocation_id,
                action: Action::ReadOfferRequests,
            }
            .record(db, caller, None)
            .await?;
        }
        seen.insert(id, ok);
    }
    let rows = rows
        .into_iter()
        .filter(|r| seen.get(&r.young_person_id).copied().unwrap_or(false))
        .collect();
    views(db, rows).await
}

/// A worker moves a request on; the young person gets the news in the app
/// ("You have an update") in the same transaction.
pub async fn answer(
    db: &DatabaseConnection,
    caller: &Caller,
    request_id: &str,
    a: &OfferRequestAnswer,
) -> Result<OfferRequestView, ApiError> {
    access::require(caller, Ability::AnswerOfferRequests)?;
    if a.status == RequestStatus::Asked {
        return Err(ApiError::validation(
            "status",
            "Choose in_progress, agreed, paid or turned_down.",
        ));
    }
    let message = free_text::optional("message", a.message.as_deref(), MESSAGE_MAX)?;
    if a.status == RequestStatus::TurnedDown && message.is_none() {
        return Err(ApiError::validation(
            "message",
            "Say why it is turned down, in plain words the young person understands.",
        ));
    }
    let r = repo::by_public_id(db, caller.authority_id, request_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let y = people::by_id(db, r.young_person_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let grant = access::check(db, caller, &y.public_id, Action::AnswerOfferRequest).await?;
    if let Some(m) = &message {
        let band = shared::care_status::age_band(y.date_of_birth, Utc::now().date_naive());
        // Young adults read at least at the 12-17 level: simpler is kinder.
        let band = band.min(AgeBand::From12To17);
        let plain = shared::plain_language::check(m, band);
        if !plain.passes {
            return Err(ApiError::validation(
                "message",
                format!(
                    "Write this in plain words the young person understands. {}",
                    plain.issues.join(" ")
                ),
            ));
        }
    }
    let row = offer_repo::by_ids(db, vec![r.entitlement_id])
        .await?
        .pop()
        .ok_or(ApiError::NotFound)?;
    let e = entitlement_of(&row)?;
    let is_money = e.payment != Payment::NotMoney;
    let from = r.status()?;
    if !from.is_open(is_money) {
        return Err(ApiError::Conflict(format!(
            "This request is already closed ({}). The young person can ask again.",
            from.plain().to_lowercase()
        )));
    }
    if !from.can_move_to(a.status, is_money) {
        let why = if a.status == RequestStatus::Paid {
            "This is not paid as money, so it cannot be marked paid. Choose agreed instead."
        } else {
            "A request cannot go back to an earlier step. Choose a later one."
        };
        return Err(ApiError::validation("status", why));
    }
    let now = Utc::now();
    let open = a.status.is_open(is_money);
    let txn = db.begin().await?;
    if !repo::set_status(&txn, r.id, from, a.status, message.as_deref(), open, now).await? {
        return Err(ApiError::Conflict(
            "Someone else answered this request a moment ago. Load it again.".to_owned(),
        ));
    }
    repo::add_event(
        &txn,
        r.id,
        a.status,
        message.as_deref(),
        Some(caller.account_id),
        now,
    )
    .await?;
    grant.record(&txn, caller, None).await?;
    if let Some(account_id) = y.account_id {
        let mut body = format!(
            "Your request about {}: {}.",
            e.title,
            a.status.plain().to_lowercase()
        );
        if let Some(m) = &message {
            body.push(' ');
            body.push_str(m);
        }
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id,
                kind: "offer_request",
                title: "You have an update",
                body: &body,
                link: "/my/offer/requests",
                urgent: false,
            },
            now,
        )
        .await?;
    }
    txn.commit().await?;
    let r = repo::by_public_id(db, caller.authority_id, request_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    views(db, vec![r])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("an answered request could not be read back".to_owned()))
}
