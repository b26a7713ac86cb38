//! Scheduled jobs: work to do at a time, such as "remind this young person
//! that their review is in 14 days".
//!
//! A job is one `scheduled_job` row, unique per (kind, subject, due date):
//! planning the same thing twice creates nothing twice. Any instance may run
//! a due job: it claims the row with a conditional UPDATE (`WHERE claimed_by
//! IS NULL OR claimed_until < now`, one row changed or none), then, in one
//! transaction, marks it done (only while the claim is still its own) and
//! does the work (a notification, which queues its pushes). A job whose
//! claim ran out commits nothing, so no job's work is done twice, and a
//! crashed instance's job is picked up when its lease ends.
//!
//! Reviews belong to another module: it calls [`plan_review_reminders`]
//! whenever a young person's next review date is known or changes (and may
//! call it nightly for everyone; it is cheap and changes only what moved).

use super::quiet::local_instant;
use crate::entities::scheduled_job as job;
use crate::repo::push::{self as repo, NewJob, CANCELLED, PENDING};
use crate::repo::{notifications, people};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// The kind of a review reminder job (and of its notification).
pub const REVIEW_REMINDER: &str = "review_reminder";
/// Reminders go out at 10:00 local time on their day.
pub const REMINDER_LOCAL_MINUTE: u16 = 10 * 60;
/// Where a review reminder opens in the app unless the planner says.
pub const DEFAULT_REVIEW_LINK: &str = "/my/review";

/// Why a job could not run; it is tried again later.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct JobError(pub String);

impl From<DbErr> for JobError {
    fn from(e: DbErr) -> JobError {
        JobError(e.to_string())
    }
}

pub type JobFuture<'a> = Pin<Box<dyn Future<Output = Result<(), JobError>> + Send + 'a>>;

/// Does one kind of job, inside the transaction that marks it done.
pub trait JobHandler: Send + Sync {
    fn run<'a>(
        &'a self,
        txn: &'a DatabaseTransaction,
        job: &'a job::Model,
        now: DateTime<Utc>,
    ) -> JobFuture<'a>;
}

/// Which handler runs which kind.
#[derive(Clone, Default)]
pub struct Registry {
    handlers: HashMap<String, Arc<dyn JobHandler>>,
}

impl Registry {
    /// Every kind this server knows.
    pub fn standard() -> Registry {
        let mut r = Registry::default();
        r.register(REVIEW_REMINDER, Arc::new(ReviewReminder));
        r
    }

    pub fn register(&mut self, kind: &str, handler: Arc<dyn JobHandler>) {
        self.handlers.insert(kind.to_owned(), handler);
    }

    pub fn get(&self, kind: &str) -> Option<&Arc<dyn JobHandler>> {
        self.handlers.get(kind)
    }
}

// ---------------------------------------------------------------- planning

/// Plans any jobs; those already planned stay as they are. Answers how many
/// were new.
pub async fn plan(
    db: &impl ConnectionTrait,
    jobs: Vec<NewJob>,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    repo::insert_jobs(db, jobs, now).await
}

/// One young person's next review, for [`plan_review_reminders`].
#[derive(Debug, Clone)]
pub struct ReviewToRemind {
    /// What the reminders are about, stable while the date may move: the
    /// young person's public id (their next review), or a review's id.
    pub subject: String,
    pub young_person_id: i32,
    /// The date the review is due (or booked for).
    pub due: NaiveDate,
    /// Where the reminder opens in the app; default [`DEFAULT_REVIEW_LINK`].
    pub link: Option<String>,
}

/// What a review reminder job carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewReminderPayload {
    pub young_person_id: i32,
    pub review_due: NaiveDate,
    pub link: String,
}

/// What planning changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PlanReport {
    /// New jobs.
    pub planned: u64,
    /// Jobs moved to a new time or brought back.
    pub moved: u64,
    /// Pending jobs for dates no longer wanted (the review moved).
    pub cancelled: u64,
    pub unchanged: u64,
}

/// Plans the reminders 14 and 2 days before each review
/// ([`shared::review_schedule::reminder_dates`]), at 10:00 in the council's
/// time zone, skipping days already past. Pending reminders of the same
/// subject for other dates are cancelled (the review moved); a reminder
/// already sent is not sent again for the same day.
pub async fn plan_review_reminders(
    db: &impl ConnectionTrait,
    tz: Tz,
    reviews: &[ReviewToRemind],
    now: DateTime<Utc>,
) -> Result<PlanReport, DbErr> {
    let today = now.with_timezone(&tz).date_naive();
    let mut report = PlanReport::default();
    for chunk in reviews.chunks(500) {
        let mut wanted: HashMap<(String, NaiveDate), (DateTime<Utc>, String)> = HashMap::new();
        let mut subjects: Vec<String> = Vec::with_capacity(chunk.len());
        for r in chunk {
            subjects.push(r.subject.clone());
            let payload = serde_json::to_string(&ReviewReminderPayload {
                young_person_id: r.young_person_id,
                review_due: r.due,
                link: r
                    .link
                    .clone()
                    .unwrap_or_else(|| DEFAULT_REVIEW_LINK.to_owned()),
            })
            .unwrap_or_default();
            // A later entry for the same subject replaces an earlier one.
            wanted.retain(|(s, _), _| s != &r.subject);
            for day in shared::review_schedule::reminder_dates(r.due) {
                if day >= today {
                    let at = local_instant(tz, day, REMINDER_LOCAL_MINUTE);
                    wanted.insert((r.subject.clone(), day), (at, payload.clone()));
                }
            }
        }
        subjects.sort_unstable();
        subjects.dedup();
        let mut cancel = vec![];
        for e in repo::jobs_for_subjects(db, REVIEW_REMINDER, &subjects).await? {
            match wanted.remove(&(e.subject.clone(), e.due_on)) {
                Some((at, payload)) => match e.status.as_str() {
                    PENDING if e.run_at != at || e.payload != payload => {
                        repo::reschedule_job(db, e.id, at, &payload).await?;
                        report.moved += 1;
                    }
                    CANCELLED => {
                        repo::revive_job(db, e.id, at, &payload).await?;
                        report.moved += 1;
                    }
                    _ => report.unchanged += 1,
                },
                None if e.status == PENDING => cancel.push(e.id),
                None => {}
            }
        }
        report.cancelled += repo::cancel_jobs(db, &cancel, now).await?;
        let jobs = wanted
            .into_iter()
            .map(|((subject, due_on), (run_at, payload))| NewJob {
                kind: REVIEW_REMINDER.to_owned(),
                subject,
                due_on,
                run_at,
                payload,
            })
            .collect();
        report.planned += repo::insert_jobs(db, jobs, now).await?;
    }
    Ok(report)
}

// ----------------------------------------------------------------- running

/// What one run of due jobs did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct JobReport {
    pub claimed: u64,
    pub done: u64,
    pub retried: u64,
    pub failed: u64,
    /// Claims that ran out before the job was marked done: its work was
    /// rolled back, and whoever holds it now does it.
    pub lost: u64,
}

/// How long a failed job waits: 1 minute, doubling, at most 6 hours.
fn job_backoff(attempts: i32) -> Duration {
    let exp = attempts.clamp(0, 20) as u32;
    Duration::seconds(60i64.saturating_mul(1i64 << exp).min(6 * 3600))
}

/// Runs the jobs due at `now`, as `instance`.
pub async fn run_due_jobs(
    db: &DatabaseConnection,
    registry: &Registry,
    instance: &str,
    now: DateTime<Utc>,
    lease: Duration,
    batch: u64,
    max_attempts: i32,
) -> Result<JobReport, DbErr> {
    let token = format!("{instance}:{}", uuid::Uuid::new_v4().simple());
    let mut report = JobReport::default();
    for id in repo::due_jobs(db, now, batch.max(1)).await? {
        if !repo::claim_job(db, id, &token, now, now + lease).await? {
            continue;
        }
        report.claimed += 1;
        let Some(j) = repo::job_by_id(db, id).await? else {
            continue;
        };
        let result = match registry.get(&j.kind) {
            None => Err(JobError(format!("no handler for jobs of kind {}", j.kind))),
            Some(handler) => {
                let txn = db.begin().await?;
                // Marking done first also takes SQLite's write lock before
                // the job reads anything.
                if !repo::finish_job(&txn, id, &token, now).await? {
                    txn.rollback().await?;
                    report.lost += 1;
                    continue;
                }
                match handler.run(&txn, &j, now).await {
                    Ok(()) => txn.commit().await.map_err(JobError::from),
                    Err(e) => {
                        txn.rollback().await?;
                        Err(e)
                    }
                }
            }
        };
        match result {
            Ok(()) => report.done += 1,
            Err(e) => {
                let retry = (j.attempts < max_attempts.max(1))
                    .then(|| now + job_backoff(j.attempts.saturating_sub(1)));
                tracing::warn!(job = id, kind = %j.kind, error = %e, "a scheduled job failed");
                if repo::fail_job(db, id, &token, &e.0, retry, now).await? {
                    if retry.is_some() {
                        report.retried += 1;
                    } else {
                        report.failed += 1;
                    }
                } else {
                    report.lost += 1;
                }
            }
        }
    }
    Ok(report)
}

// --------------------------------------------------------------- handlers

/// "Your review is in 14 days": a notification for the young person, whose
/// push (if any) carries no more than "You have an update".
struct ReviewReminder;

impl JobHandler for ReviewReminder {
    fn run<'a>(
        &'a self,
        txn: &'a DatabaseTransaction,
        job: &'a job::Model,
        now: DateTime<Utc>,
    ) -> JobFuture<'a> {
        Box::pin(async move {
            let p: ReviewReminderPayload = serde_json::from_str(&job.payload)
                .map_err(|e| JobError(format!("bad payload: {e}")))?;
            let Some(yp) = people::by_id(txn, p.young_person_id).await? else {
                return Ok(());
            };
            // No account yet: the reminder has nobody to go to.
            let Some(account_id) = yp.account_id else {
                return Ok(());
            };
            let day = p.review_due.format("%A %-d %B");
            let body = match (p.review_due - job.due_on).num_days() {
                d if d <= 0 => format!("Your review meeting is today, {day}."),
                1 => format!("Your review meeting is tomorrow, {day}."),
                d => format!("Your review meeting is in {d} days, on {day}."),
            };
            let body = format!(
                "{body} You can tell your IRO what you think before it, in the app or in person."
            );
            notifications::add(
                txn,
                notifications::NewNotification {
                    account_id,
                    kind: REVIEW_REMINDER,
                    title: "Your review is coming up",
                    body: &body,
                    link: &p.link,
                    urgent: false,
                },
                now,
            )
            .await?;
            Ok(())
        })
    }
}
