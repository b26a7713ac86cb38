//! Young people reporting a post to the moderators.

use super::harm::{alert_harm, harm_help, harm_phrases};
use super::members::{names_or_role, officer_names, participant};
use super::posting::visible_post;
use super::{is_unique_violation, MODERATION_LINK};
use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::forum as repo;
use crate::repo::moderation::{self as modlog, Entry};
use crate::repo::notifications;
use crate::services::flood;
use chrono::Utc;
use sea_orm::DatabaseConnection;
use shared::forum::{
    FloodKind, ModAction, NewReport, ReportReceipt, REASON_MAX_CHARS, REPORT_WINDOW,
};
use shared::people::Role;

/// "Report this post": two taps, a reason if they want. A second report of
/// the same post by the same person answers 409.
pub async fn report(
    db: &DatabaseConnection,
    caller: &Caller,
    post_public_id: &str,
    r: &NewReport,
) -> Result<ReportReceipt, ApiError> {
    let p = participant(db, caller).await?;
    let (row, t, s) = visible_post(db, &p, post_public_id).await?;
    let reason = super::optional_field("reason", r.reason.as_deref(), REASON_MAX_CHARS)?;
    if row.author_member_id == p.member.id {
        return Err(ApiError::validation(
            "post",
            "This is your own post. You can delete it instead.",
        ));
    }
    let already = || {
        ApiError::Conflict(
            "You have reported this post already. Thank you: a grown-up will look at it."
                .to_owned(),
        )
    };
    if repo::report_of(db, row.id, p.young_person.id)
        .await?
        .is_some()
    {
        return Err(already());
    }
    let author = repo::members_by_ids(db, &[row.author_member_id])
        .await?
        .into_iter()
        .next()
        .map(|m| m.display_name)
        .unwrap_or_default();
    let harm = harm_phrases(reason.as_deref());
    let now = Utc::now();
    // Reports are limited per member across spaces (the space is kept for
    // the officer's list only through the hit).
    let txn = flood::begin(
        db,
        &flood::Attempt {
            authority_id: p.council.id,
            account_id: caller.account_id,
            member_id: Some(p.member.id),
            kind: FloodKind::Report,
            space_id: None,
            window: REPORT_WINDOW,
            gap_secs: 0,
            text: None,
        },
        now,
    )
    .await?;
    let made = match repo::insert_report(
        &txn,
        repo::NewReport {
            authority_id: p.council.id,
            post_id: row.id,
            reporter_young_person_id: p.young_person.id,
            reason: reason.as_deref(),
            snapshot_title: row.opening.then_some(t.title.as_str()),
            snapshot_body: &row.body,
            snapshot_author: &author,
        },
        now,
    )
    .await
    {
        Ok(m) => m,
        Err(e) if is_unique_violation(&e) => return Err(already()),
        Err(e) => return Err(e.into()),
    };
    modlog::record(
        &txn,
        Entry {
            actor_account_id: Some(caller.account_id),
            actor_role: Some(Role::YoungPerson.as_str()),
            actor_name: Some(&p.member.display_name),
            post_id: Some(row.id),
            thread_id: Some(t.id),
            member_id: Some(row.author_member_id),
            reason: reason.as_deref(),
            ..Entry::new(p.council.id, ModAction::Reported)
        },
        now,
    )
    .await?;
    for officer in repo::staff_with_role(&txn, p.council.id, Role::ParticipationOfficer).await? {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id: officer.id,
                kind: "forum_report",
                title: "You have an update",
                body: &format!("A post in {} has been reported.", s.name),
                link: MODERATION_LINK,
                urgent: false,
            },
            now,
        )
        .await?;
    }
    if !harm.is_empty() {
        alert_harm(
            &txn,
            &p,
            "a report of a post",
            &harm,
            Some(row.id),
            Some(t.id),
            now,
        )
        .await?;
    }
    txn.commit().await?;
    let officers = names_or_role(&officer_names(db, p.council.id).await?);
    Ok(ReportReceipt {
        id: made.public_id,
        message: format!(
            "Thank you for telling us. {officers} will look at it. Nobody else is told who reported it."
        ),
        help: (!harm.is_empty()).then(|| harm_help(&p.council)),
    })
}
