//! Web Push: each device's subscription, what each person wants pushed and
//! when, the delivery outbox, and scheduled jobs (review reminders).
//!
//! The outbox (`push_delivery`) is written in the same transaction as the
//! in-app notification it delivers; a background worker claims rows with a
//! lease (`claimed_by`, `claimed_until`) so a crashed instance's claims run
//! out and another instance finishes them.

use crate::helpers::{fk, fk_cascade, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Rows that mean nothing without their parent go with it.

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One row per browser (device) that asked for pushes. The endpoint is
        // a secret capability URL: unique through its SHA-256, never logged.
        // `session_id` is the sign-in it was registered from: when that
        // session ends (logout, password change, account disabled) the
        // device gets no more pushes.
        m.create_table(
            Table::create()
                .table("push_subscription")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("account_id"))
                .col(integer_null("session_id"))
                .col(text("endpoint"))
                .col(string_uniq("endpoint_hash"))
                .col(string("p256dh"))
                .col(string("auth"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("last_success_at"))
                .foreign_key(&mut fk("push_subscription", "account_id", "account"))
                .foreign_key(&mut fk("push_subscription", "session_id", "session"))
                .to_owned(),
        )
        .await?;
        index(m, "push_subscription", &["account_id"], false).await?;

        // Push on or off, per person and kind of notification. No row: on.
        m.create_table(
            Table::create()
                .table("notification_preference")
                .col(pk_auto("id"))
                .col(integer("account_id"))
                .col(string("kind"))
                .col(boolean("push"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("notification_preference", "account_id", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "notification_preference", &["account_id", "kind"], true).await?;

        // Quiet hours, as minutes after local midnight in the council's time
        // zone. No row: 21:00 to 07:00.
        m.create_table(
            Table::create()
                .table("notification_setting")
                .col(pk_auto("id"))
                .col(integer_uniq("account_id"))
                .col(integer("quiet_start_minute"))
                .col(integer("quiet_end_minute"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("notification_setting", "account_id", "account"))
                .to_owned(),
        )
        .await?;

        // The outbox: one row per (notification, device). `status` is
        // pending, sent, failed or skipped. A row is due when pending,
        // `next_attempt_at` has come and nobody holds an unexpired claim.
        m.create_table(
            Table::create()
                .table("push_delivery")
                .col(big_pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(big_integer("notification_id"))
                .col(integer("subscription_id"))
                .col(string("status"))
                .col(integer("attempts"))
                .col(timestamp_with_time_zone("next_attempt_at"))
                .col(string_null("claimed_by"))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(integer_null("last_status"))
                .col(text_null("last_error"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("finished_at"))
                .foreign_key(&mut fk_cascade(
                    "push_delivery",
                    "notification_id",
                    "notification",
                ))
                .foreign_key(&mut fk_cascade(
                    "push_delivery",
                    "subscription_id",
                    "push_subscription",
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "push_delivery",
            &["notification_id", "subscription_id"],
            true,
        )
        .await?;
        // What the worker polls.
        index(m, "push_delivery", &["status", "next_attempt_at"], false).await?;
        index(m, "push_delivery", &["subscription_id"], false).await?;

        // Work to do at a time: one row per (kind, subject, due date), so
        // planning the same thing twice creates nothing twice.
        m.create_table(
            Table::create()
                .table("scheduled_job")
                .col(big_pk_auto("id"))
                .col(string("kind"))
                .col(string("subject"))
                .col(date("due_on"))
                .col(timestamp_with_time_zone("run_at"))
                .col(text("payload"))
                .col(string("status"))
                .col(integer("attempts"))
                .col(string_null("claimed_by"))
                .col(timestamp_with_time_zone_null("claimed_until"))
                .col(text_null("last_error"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("finished_at"))
                .to_owned(),
        )
        .await?;
        index(m, "scheduled_job", &["kind", "subject", "due_on"], true).await?;
        // What the worker polls.
        index(m, "scheduled_job", &["status", "run_at"], false).await
    }
}
