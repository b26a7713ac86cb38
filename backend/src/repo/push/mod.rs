//! Push subscriptions, preferences, the delivery outbox and scheduled jobs.
//!
//! Claims (outbox rows and jobs) are taken one row at a time with a
//! conditional UPDATE (`... WHERE claimed_by IS NULL OR claimed_until < now`)
//! and the number of rows it changed: the same on SQLite and PostgreSQL, and
//! safe with several instances. Finishing is one UPDATE that also checks the
//! claim is still ours.

mod devices;
mod preferences;
mod outbox;
mod jobs;

pub use devices::{endpoint_hash, NewSubscription, subscribe, subscriptions_of, subscription_of, delete_subscription, purge_dead_subscriptions, mark_success};
pub use preferences::{preferences_of, set_preference, setting_of, set_quiet_hours, time_zone_of};
pub use outbox::{enqueue, due_deliveries, claim_delivery, deliveries_by_ids, notifications_by_ids, subscriptions_by_ids, accounts_by_ids, sessions_by_ids, preferences_by_accounts, settings_by_accounts, authorities, Finish, finish_delivery, purge_finished, pending_count};
pub use jobs::{NewJob, insert_jobs, jobs_for_subjects, cancel_jobs, revive_job, reschedule_job, due_jobs, claim_job, job_by_id, finish_job, fail_job};

use super::chunked::{self, CHUNK};
use crate::entities::{
    account, local_authority, notification, notification_preference as pref,
    notification_setting as setting, push_delivery as delivery, push_subscription as sub,
    scheduled_job as job, session,
};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, PostgresQueryBuilder, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbBackend,
    DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Set,
    Statement, TransactionTrait, TryInsertResult,
};

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";
pub const SKIPPED: &str = "skipped";
pub const DONE: &str = "done";
pub const CANCELLED: &str = "cancelled";
