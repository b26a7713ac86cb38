//! Words that suggest harm in a post: alerting the young person's named
//! workers, and the help shown back to them.

use super::members::Participant;
use crate::entities::{local_authority, young_person};
use crate::error::ApiError;
use crate::repo::forum as repo;
use crate::repo::moderation::{self as modlog, Entry};
use crate::repo::{notifications, offer_requests};
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use shared::access::Relationship;
use shared::forum::{HarmHelp, ModAction, CHILDLINE_PHONE};
use shared::people::Role;
use shared::text_checks::kind_message_for_harm;

/// Who hears that a young person's words suggest harm: their named worker
/// (a social worker while in care, else a personal adviser; the other if
/// there is none), or, with nobody allocated, the participation officers.
async fn workers_to_alert(
    db: &impl ConnectionTrait,
    yp: &young_person::Model,
    in_care: bool,
    now: DateTime<Utc>,
) -> Result<(Vec<i32>, &'static str), ApiError> {
    let order = if in_care {
        [Relationship::SocialWorker, Relationship::PersonalAdviser]
    } else {
        [Relationship::PersonalAdviser, Relationship::SocialWorker]
    };
    for rel in order {
        if let Some(w) = offer_requests::current_worker(db, yp.id, rel, now).await? {
            return Ok((
                vec![w],
                match rel {
                    Relationship::SocialWorker => "Their social worker was alerted.",
                    _ => "Their personal adviser was alerted.",
                },
            ));
        }
    }
    let officers: Vec<i32> = repo::staff_with_role(db, yp.authority_id, Role::ParticipationOfficer)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    Ok((
        officers,
        "Nobody is allocated to them: the participation officers were alerted.",
    ))
}

/// Alerts the named worker (urgent) and logs it, in the caller's
/// transaction. `what` says where the words were written.
pub async fn alert_harm(
    txn: &impl ConnectionTrait,
    p: &Participant,
    what: &str,
    phrases: &[String],
    post_id: Option<i64>,
    thread_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let yp = &p.young_person;
    let (workers, who) = workers_to_alert(txn, yp, p.summary.looked_after_now, now).await?;
    let body = format!(
        "{} wrote something in {what} that suggests they may be at risk (\"{}\"). It has not been shown to anyone else. Please check on them today.",
        yp.preferred_name,
        phrases.join("\", \"")
    );
    for w in &workers {
        notifications::add(
            txn,
            notifications::NewNotification {
                account_id: *w,
                kind: "forum_harm_alert",
                title: "You have an urgent update",
                body: &body,
                link: &format!("/staff/people/{}", yp.public_id),
                urgent: true,
            },
            now,
        )
        .await?;
    }
    modlog::record(
        txn,
        Entry {
            post_id,
            thread_id,
            member_id: Some(p.member.id),
            reason: Some(&format!("Words that suggest harm in {what}. {who}")),
            ..Entry::new(p.council.id, ModAction::HarmAlert)
        },
        now,
    )
    .await?;
    Ok(())
}

/// The words that suggest harm in an optional text a young person wrote
/// (a report's reason, a note when signing up), as they wrote them.
pub fn harm_phrases(text: Option<&str>) -> Vec<String> {
    text.map(shared::text_checks::find_harm)
        .unwrap_or_default()
        .into_iter()
        .map(|m| m.phrase)
        .collect()
}

pub fn harm_help(council: &local_authority::Model) -> HarmHelp {
    HarmHelp {
        message: format!(
            "{} You can also call {}'s duty desk on {}, day or night.",
            kind_message_for_harm(),
            council.name,
            council.duty_phone
        ),
        childline_phone: CHILDLINE_PHONE.to_owned(),
        duty_phone: council.duty_phone.clone(),
    }
}
