//! The background worker: runs due jobs, then delivers the outbox, every
//! few seconds (at once again while there is more to do). Started by
//! `Application::build` unless `background_jobs` is off; stopped when the
//! server stops. Tests drive it by hand with [`Worker::run_once`] at a time
//! of their choosing.

use super::outbox::{self, DeliveryReport, PushError, Sender};
use super::scheduler::{self, JobReport, Registry};
use super::PushSettings;
use crate::config::Settings;
use crate::secrets::Keys;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{DatabaseConnection, DbErr};
use std::sync::Arc;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PassReport {
    pub jobs: JobReport,
    pub deliveries: DeliveryReport,
}

pub struct Worker {
    db: DatabaseConnection,
    sender: Arc<Sender>,
    registry: Registry,
    instance: String,
    settings: PushSettings,
    /// Where pass outcomes are counted for `/metrics`.
    metrics: Option<Arc<crate::metrics::Metrics>>,
}

impl Worker {
    pub fn new(
        db: DatabaseConnection,
        settings: &Settings,
        keys: &Keys,
    ) -> Result<Worker, PushError> {
        let sender = Sender::new(
            &settings.push,
            keys.vapid_private.expose(),
            &keys.vapid_public_b64,
            &settings.vapid_subject,
        )?;
        Ok(Worker {
            db,
            sender: Arc::new(sender),
            registry: Registry::standard(),
            instance: format!(
                "worker-{}",
                &uuid::Uuid::new_v4().simple().to_string()[..12]
            ),
            settings: settings.push.clone(),
            metrics: None,
        })
    }

    /// Counts what each pass does (sent, failed and so on) in `metrics`.
    pub fn with_metrics(mut self, metrics: Arc<crate::metrics::Metrics>) -> Worker {
        self.metrics = Some(metrics);
        self
    }

    /// Names this worker in its claims (tests run two side by side).
    pub fn with_instance(mut self, name: &str) -> Worker {
        self.instance = name.to_owned();
        self
    }

    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// Where other modules add kinds of scheduled job.
    pub fn registry_mut(&mut self) -> &mut Registry {
        &mut self.registry
    }

    pub fn sender(&self) -> &Arc<Sender> {
        &self.sender
    }

    /// Runs the jobs due at `now`.
    pub async fn run_jobs(&self, now: DateTime<Utc>) -> Result<JobReport, DbErr> {
        scheduler::run_due_jobs(
            &self.db,
            &self.registry,
            &self.instance,
            now,
            Duration::seconds(self.settings.lease_secs.max(1)),
            self.settings.batch,
            self.settings.max_attempts,
        )
        .await
    }

    /// Delivers what is due at `now`.
    pub async fn deliver(&self, now: DateTime<Utc>) -> Result<DeliveryReport, DbErr> {
        outbox::deliver_due(&self.db, &self.sender, &self.instance, now).await
    }

    /// One pass: due jobs first (their notifications queue pushes), then
    /// the outbox.
    pub async fn run_once(&self, now: DateTime<Utc>) -> Result<PassReport, DbErr> {
        let jobs = self.run_jobs(now).await?;
        let deliveries = self.deliver(now).await?;
        if let Some(m) = &self.metrics {
            m.push_outcomes(&[
                ("sent", deliveries.sent),
                ("failed", deliveries.failed),
                ("retried", deliveries.retried),
                ("skipped", deliveries.skipped),
                ("held", deliveries.held),
            ]);
        }
        Ok(PassReport { jobs, deliveries })
    }

    /// Runs in the background until stopped.
    pub fn start(self: Arc<Self>) -> WorkerHandle {
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            let poll = std::time::Duration::from_secs(self.settings.poll_secs.max(1));
            let mut last_purge: Option<std::time::Instant> = None;
            let mut last_beat: Option<std::time::Instant> = None;
            tracing::info!(instance = %self.instance, "push and job worker started");
            loop {
                if *stopped.borrow() {
                    break;
                }
                let now = Utc::now();
                let busy = match self.run_once(now).await {
                    Ok(r) => {
                        // The ready check reads this; at most once per poll
                        // interval, so a busy worker does not write per pass.
                        if last_beat.is_none_or(|t| t.elapsed() >= poll) {
                            match crate::repo::ops::beat(&self.db, &self.instance, Utc::now()).await
                            {
                                Ok(()) => last_beat = Some(std::time::Instant::now()),
                                Err(e) => {
                                    tracing::warn!(error = %e, "could not record the worker heartbeat")
                                }
                            }
                        }
                        if r.deliveries.claimed > 0 || r.jobs.claimed > 0 {
                            tracing::debug!(?r, "worker pass");
                        }
                        r.deliveries.claimed >= self.settings.batch
                            || r.jobs.claimed >= self.settings.batch
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "worker pass failed; trying again shortly");
                        false
                    }
                };
                if last_purge.is_none_or(|t| t.elapsed() > std::time::Duration::from_secs(3600)) {
                    let before = now - Duration::days(self.settings.keep_finished_days.max(1));
                    if let Err(e) = crate::repo::push::purge_finished(&self.db, before).await {
                        tracing::warn!(error = %e, "could not purge old push deliveries");
                    }
                    if let Err(e) = crate::repo::push::purge_dead_subscriptions(&self.db, now).await
                    {
                        tracing::warn!(error = %e, "could not purge signed-out devices");
                    }
                    last_purge = Some(std::time::Instant::now());
                }
                if busy {
                    tokio::task::yield_now().await;
                    continue;
                }
                tokio::select! {
                    _ = tokio::time::sleep(poll) => {}
                    _ = stopped.changed() => {}
                }
            }
            if let Err(e) = crate::repo::ops::forget(&self.db, &self.instance).await {
                tracing::warn!(error = %e, "could not remove the worker heartbeat");
            }
            tracing::info!(instance = %self.instance, "push and job worker stopped");
        });
        WorkerHandle { stop, task }
    }
}

/// Stops the background worker: it finishes its pass, then ends.
pub struct WorkerHandle {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl WorkerHandle {
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}
