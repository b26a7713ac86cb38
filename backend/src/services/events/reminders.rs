//! Event reminders: when to remind (the day before, or that morning), the
//! scheduled job that sends them, and cancelling it.

use super::{when, EVENTS_LINK, EVENT_REMINDER};
use crate::entities::{forum_event as event, forum_event_signup as signup, scheduled_job};
use crate::error::ApiError;
use crate::push::quiet::{local_instant, zone};
use crate::push::scheduler::{self, JobError, JobFuture, JobHandler};
use crate::repo::events as repo;
use crate::repo::push::{self as push_repo, NewJob, CANCELLED, PENDING};
use crate::repo::{councils, notifications, people};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ConnectionTrait, DatabaseTransaction};
use serde::{Deserialize, Serialize};

/// When to remind someone of an event: 10:00 local the day before, or
/// 08:00 on the day if that has passed and the event is at least an hour
/// later; none when it is too soon.
pub fn reminder_time(
    tz: Tz,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<(NaiveDate, DateTime<Utc>)> {
    let day = starts_at.with_timezone(&tz).date_naive();
    if let Some(before) = day.pred_opt() {
        let at = local_instant(tz, before, 10 * 60);
        if at > now {
            return Some((before, at));
        }
    }
    let morning = local_instant(tz, day, 8 * 60);
    (morning > now && morning + Duration::hours(1) <= starts_at).then_some((day, morning))
}

/// What an event reminder job carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventReminderPayload {
    pub signup_id: i32,
}

fn reminder_subject(s: &signup::Model) -> String {
    format!("forum-signup:{}", s.public_id)
}

/// Plans (or moves) one sign-up's reminder, in the caller's transaction;
/// answers when it will go.
pub async fn plan_reminder(
    txn: &impl ConnectionTrait,
    tz: Tz,
    e: &event::Model,
    s: &signup::Model,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, ApiError> {
    let subject = reminder_subject(s);
    let wanted = reminder_time(tz, e.starts_at, now);
    let payload = serde_json::to_string(&EventReminderPayload { signup_id: s.id })
        .map_err(|x| ApiError::Internal(x.to_string()))?;
    let mut cancel = vec![];
    let mut have = false;
    for j in
        push_repo::jobs_for_subjects(txn, EVENT_REMINDER, std::slice::from_ref(&subject)).await?
    {
        match wanted {
            Some((day, at)) if j.due_on == day => {
                have = true;
                match j.status.as_str() {
                    CANCELLED => push_repo::revive_job(txn, j.id, at, &payload).await?,
                    PENDING if j.run_at != at => {
                        push_repo::reschedule_job(txn, j.id, at, &payload).await?
                    }
                    _ => {}
                }
            }
            _ if j.status == PENDING => cancel.push(j.id),
            _ => {}
        }
    }
    push_repo::cancel_jobs(txn, &cancel, now).await?;
    if let (Some((day, at)), false) = (wanted, have) {
        scheduler::plan(
            txn,
            vec![NewJob {
                kind: EVENT_REMINDER.to_owned(),
                subject,
                due_on: day,
                run_at: at,
                payload,
            }],
            now,
        )
        .await?;
    }
    Ok(wanted.map(|(_, at)| at))
}

pub(super) async fn cancel_reminder(
    txn: &impl ConnectionTrait,
    s: &signup::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let ids: Vec<i64> = push_repo::jobs_for_subjects(txn, EVENT_REMINDER, &[reminder_subject(s)])
        .await?
        .into_iter()
        .filter(|j| j.status == PENDING)
        .map(|j| j.id)
        .collect();
    push_repo::cancel_jobs(txn, &ids, now).await?;
    Ok(())
}

/// "Positive Journeys: Bowling is tomorrow": a notification, whose push
/// carries no more than "You have an update".
pub struct EventReminder;

impl JobHandler for EventReminder {
    fn run<'a>(
        &'a self,
        txn: &'a DatabaseTransaction,
        job: &'a scheduled_job::Model,
        now: DateTime<Utc>,
    ) -> JobFuture<'a> {
        Box::pin(async move {
            let p: EventReminderPayload = serde_json::from_str(&job.payload)
                .map_err(|e| JobError(format!("bad payload: {e}")))?;
            let Some(s) = repo::signup_by_id(txn, p.signup_id).await? else {
                return Ok(());
            };
            let status = s.status().map_err(|e| JobError(format!("{e:?}")))?;
            if status != shared::forum::SignupStatus::SignedUp {
                return Ok(());
            }
            let Some(e) = repo::event_by_id(txn, s.event_id).await? else {
                return Ok(());
            };
            if e.cancelled || e.starts_at <= now {
                return Ok(());
            }
            let Some(account_id) = people::by_id(txn, s.young_person_id)
                .await?
                .and_then(|y| y.account_id)
            else {
                return Ok(());
            };
            let tz = councils::by_id(txn, e.authority_id)
                .await?
                .map(|c| zone(&c.time_zone))
                .unwrap_or(chrono_tz::Europe::London);
            let body = format!(
                "Reminder: {} is on {}, at {}.",
                e.title,
                when(tz, e.starts_at),
                e.location
            );
            notifications::add(
                txn,
                notifications::NewNotification {
                    account_id,
                    kind: EVENT_REMINDER,
                    title: "You have an update",
                    body: &body,
                    link: EVENTS_LINK,
                    urgent: false,
                },
                now,
            )
            .await?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn reminders_go_the_day_before_or_that_morning() {
        let tz = chrono_tz::Europe::London;
        // An event on Saturday 14 March 2026 at 14:00 (GMT).
        let start = Utc
            .with_ymd_and_hms(2026, 3, 14, 14, 0, 0)
            .single()
            .unwrap_or_default();
        let early = Utc
            .with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
            .single()
            .unwrap_or_default();
        let (day, at) = reminder_time(tz, start, early).unwrap_or_default();
        assert_eq!(
            day,
            NaiveDate::from_ymd_opt(2026, 3, 13).unwrap_or_default()
        );
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 3, 13, 10, 0, 0)
                .single()
                .unwrap_or_default()
        );
        // Signed up the evening before: that morning at 08:00.
        let late = Utc
            .with_ymd_and_hms(2026, 3, 13, 19, 0, 0)
            .single()
            .unwrap_or_default();
        let (day, at) = reminder_time(tz, start, late).unwrap_or_default();
        assert_eq!(
            day,
            NaiveDate::from_ymd_opt(2026, 3, 14).unwrap_or_default()
        );
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 3, 14, 8, 0, 0)
                .single()
                .unwrap_or_default()
        );
        // On the day: too soon.
        let same = Utc
            .with_ymd_and_hms(2026, 3, 14, 9, 0, 0)
            .single()
            .unwrap_or_default();
        assert_eq!(reminder_time(tz, start, same), None);
        // Summer time: 10:00 BST is 09:00 UTC.
        let summer = Utc
            .with_ymd_and_hms(2026, 7, 4, 13, 0, 0)
            .single()
            .unwrap_or_default();
        let (_, at) = reminder_time(tz, summer, early).unwrap_or_default();
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 7, 3, 9, 0, 0)
                .single()
                .unwrap_or_default()
        );
    }
}
