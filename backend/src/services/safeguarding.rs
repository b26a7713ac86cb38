//! Safeguarding alerts: finding words that suggest harm in what a young
//! person wrote, choosing who is alerted (the named worker in office hours,
//! else the duty team) and recording the alert. Feedback and requests for
//! an earlier review both raise them; this module depends on neither.

use crate::entities::young_person;
use crate::error::ApiError;
use crate::push::quiet;
use crate::repo::allocations::current_workers;
use crate::repo::{accounts, councils, feedback as repo, notifications};
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::access::Relationship;
use shared::reviews::{out_of_hours, AlertRoute};

/// How much of what the young person wrote an alert carries.
const EXCERPT_MAX: usize = 1000;

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}

/// Words that suggest harm in any of these texts: the phrases as written,
/// and what was written around them.
pub struct Harm {
    pub phrases: Vec<String>,
    pub excerpt: String,
}

pub fn harm_in(texts: &[&str]) -> Option<Harm> {
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

/// Words that suggest harm in what a young person is sending, found before
/// it is stored: who will be alerted, and the help to show them.
pub struct HarmFound {
    pub harm: Harm,
    pub routing: Routing,
    duty_phone: String,
}

/// Checks `texts` for words that suggest harm, before the transaction that
/// stores them; then [`HarmFound::raise`] inside it.
pub async fn check_for_harm(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    texts: &[&str],
    now: DateTime<Utc>,
) -> Result<Option<HarmFound>, ApiError> {
    let Some(harm) = harm_in(texts) else {
        return Ok(None);
    };
    let routing = route_alert(db, y, now).await?;
    let duty_phone = councils::by_id(db, y.authority_id)
        .await?
        .map(|c| c.duty_phone)
        .unwrap_or_default();
    Ok(Some(HarmFound {
        harm,
        routing,
        duty_phone,
    }))
}

impl HarmFound {
    /// Records the alert and tells whoever it is routed to, in `txn`.
    /// `source` says where the words were written (see [`raise_alert`]).
    pub async fn raise(
        &self,
        txn: &impl ConnectionTrait,
        y: &young_person::Model,
        source: &str,
        source_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ApiError> {
        raise_alert(txn, y, &self.routing, source, source_id, &self.harm, now).await
    }

    /// Childline and the duty desk, in kind words, for the young person.
    pub fn support(&self) -> shared::reviews::SupportMessage {
        shared::reviews::SupportMessage::new(&self.duty_phone)
    }
}

/// Who is alerted, now.
pub struct Routing {
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
pub async fn route_alert(
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
pub async fn raise_alert(
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
        "offer_request" => "in a request about the local offer",
        "plan_question" => "in a question about their plan",
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
