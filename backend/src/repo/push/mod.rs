//! Push subscriptions, preferences, the delivery outbox and scheduled jobs.
//!
//! Claims (outbox rows and jobs) are taken one row at a time with a
//! conditional UPDATE (`... WHERE claimed_by IS NULL OR claimed_until < now`)
//! and the number of rows it changed: the same on SQLite and PostgreSQL, and
//! safe with several instances. Finishing is one UPDATE that also checks the
//! claim is still ours.

mod devices;
mod jobs;
mod outbox;
mod preferences;

pub use devices::{
    delete_subscription, endpoint_hash, mark_success, purge_dead_subscriptions, subscribe,
    subscription_of, subscriptions_of, NewSubscription,
};
pub use jobs::{
    cancel_jobs, claim_job, due_jobs, fail_job, finish_job, insert_jobs, job_by_id,
    jobs_for_subjects, reschedule_job, revive_job, NewJob,
};
pub use outbox::{
    accounts_by_ids, authorities, claim_delivery, deliveries_by_ids, due_deliveries, enqueue,
    finish_delivery, notifications_by_ids, pending_count, preferences_by_accounts, purge_finished,
    sessions_by_ids, settings_by_accounts, subscriptions_by_ids, Finish,
};
pub use preferences::{preferences_of, set_preference, set_quiet_hours, setting_of, time_zone_of};

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";
pub const SKIPPED: &str = "skipped";
pub const DONE: &str = "done";
pub const CANCELLED: &str = "cancelled";
