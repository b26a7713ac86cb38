//! May this instance take traffic? The database answers, its schema is the
//! one this build expects, and, where background jobs run, a worker has
//! finished a pass recently (its heartbeat, `repo::ops`, is in the database
//! so every instance sees a worker that runs anywhere).

use crate::config::Settings;
use crate::repo::ops;
use chrono::{DateTime, Duration, Utc};
use migrations::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;

/// The first check that failed, with words for an operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReady {
    /// `database`, `migrations` or `worker`.
    pub check: &'static str,
    pub reason: String,
}

fn not_ready(check: &'static str, reason: impl Into<String>) -> NotReady {
    NotReady {
        check,
        reason: reason.into(),
    }
}

/// How old a heartbeat may be. A pass can take up to a lease (deliveries
/// stop starting before a claim could run out), then the worker sleeps a
/// poll interval; three of those is a worker that has stopped, not a slow
/// one.
pub fn heartbeat_limit(settings: &Settings) -> Duration {
    let poll = i64::try_from(settings.push.poll_secs).unwrap_or(i64::MAX / 4);
    Duration::seconds(
        settings
            .push
            .lease_secs
            .max(60)
            .saturating_add(poll.saturating_mul(3)),
    )
}

pub async fn check(
    db: &DatabaseConnection,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<(), NotReady> {
    crate::db::ping(db)
        .await
        .map_err(|_| not_ready("database", "The database did not answer."))?;
    // Read-only: a readiness probe must never create tables.
    let pending = Migrator::get_pending_migrations_read_only(db)
        .await
        .map_err(|_| {
            not_ready(
                "migrations",
                "The database's migrations could not be read: it may be from a newer version.",
            )
        })?;
    if !pending.is_empty() {
        return Err(not_ready(
            "migrations",
            format!("{} migration(s) have not run.", pending.len()),
        ));
    }
    let latest = ops::latest_beat(db)
        .await
        .map_err(|_| not_ready("database", "The worker heartbeat could not be read."))?;
    worker_fresh(
        settings.background_jobs,
        latest,
        heartbeat_limit(settings),
        now,
    )
}

/// The worker check: needed when this instance runs background jobs, or
/// when a worker has run here and not stopped cleanly (a separate worker
/// process; a clean stop removes its heartbeat).
fn worker_fresh(
    runs_here: bool,
    latest: Option<DateTime<Utc>>,
    limit: Duration,
    now: DateTime<Utc>,
) -> Result<(), NotReady> {
    match latest {
        None if runs_here => Err(not_ready(
            "worker",
            "The background worker has not finished a pass yet.",
        )),
        None => Ok(()),
        Some(at) if now - at > limit => Err(not_ready(
            "worker",
            format!(
                "The background worker's last pass was {} seconds ago.",
                (now - at).num_seconds()
            ),
        )),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_check_wants_a_recent_beat_only_where_a_worker_runs() {
        let now = Utc::now();
        let limit = Duration::seconds(120);
        assert!(worker_fresh(true, Some(now - Duration::seconds(5)), limit, now).is_ok());
        assert_eq!(
            worker_fresh(true, None, limit, now).map_err(|e| e.check),
            Err("worker")
        );
        assert!(worker_fresh(false, None, limit, now).is_ok());
        let stale = Some(now - Duration::seconds(121));
        assert!(worker_fresh(true, stale, limit, now).is_err());
        // A separate worker that died is noticed here too.
        assert!(worker_fresh(false, stale, limit, now).is_err());
    }

    #[test]
    fn the_limit_outlasts_a_long_pass() {
        let s = Settings::defaults(std::path::Path::new("/tmp/x"));
        assert!(heartbeat_limit(&s) > Duration::seconds(s.push.lease_secs));
    }
}
