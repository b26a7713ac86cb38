//! People, accounts, allocations, sessions and the audit trail.
//!
//! Public ids (UUID text) are what the API shows; integer keys stay inside.

use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("account")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(string_uniq("username"))
                .col(string_null("password_hash"))
                .col(string("role"))
                .col(string("display_name"))
                .col(integer_null("team_id"))
                .col(timestamp_with_time_zone_null("disabled_at"))
                .col(timestamp_with_time_zone_null("password_changed_at"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("account", "authority_id", "local_authority"))
                .foreign_key(&mut fk("account", "team_id", "team"))
                .to_owned(),
        )
        .await?;
        index(m, "account", &["authority_id", "role"], false).await?;

        m.create_table(
            Table::create()
                .table("young_person")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer_null("account_id"))
                .col(string("preferred_name"))
                .col(date("date_of_birth"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("young_person", "authority_id", "local_authority"))
                .foreign_key(&mut fk("young_person", "account_id", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "young_person", &["account_id"], true).await?;
        index(m, "young_person", &["authority_id"], false).await?;

        m.create_table(
            Table::create()
                .table("care_episode")
                .col(pk_auto("id"))
                .col(integer("young_person_id"))
                .col(date("start_date"))
                .col(date_null("end_date"))
                .foreign_key(&mut fk("care_episode", "young_person_id", "young_person"))
                .to_owned(),
        )
        .await?;
        index(m, "care_episode", &["young_person_id"], false).await?;

        m.create_table(
            Table::create()
                .table("legal_status")
                .col(pk_auto("id"))
                .col(integer("young_person_id"))
                .col(string("status"))
                .col(date("start_date"))
                .foreign_key(&mut fk("legal_status", "young_person_id", "young_person"))
                .to_owned(),
        )
        .await?;
        index(m, "legal_status", &["young_person_id"], false).await?;

        // Who works with whom, from when to when. Access is read from the
        // rows current at the moment of each request.
        m.create_table(
            Table::create()
                .table("allocation")
                .col(pk_auto("id"))
                .col(integer("young_person_id"))
                .col(integer("staff_account_id"))
                .col(string("relationship"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(timestamp_with_time_zone_null("ends_at"))
                .col(text_null("handover_note"))
                .foreign_key(&mut fk("allocation", "young_person_id", "young_person"))
                .foreign_key(&mut fk("allocation", "staff_account_id", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "allocation", &["staff_account_id", "ends_at"], false).await?;
        index(m, "allocation", &["young_person_id", "relationship"], false).await?;

        // One-time codes to activate an account or reset a password.
        m.create_table(
            Table::create()
                .table("activation_code")
                .col(pk_auto("id"))
                .col(integer("account_id"))
                .col(string_uniq("code_hash"))
                .col(string("purpose"))
                .col(integer("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .foreign_key(&mut fk("activation_code", "account_id", "account"))
                .to_owned(),
        )
        .await?;

        // A session is a family of refresh tokens: reuse of a rotated token
        // ends the whole family.
        m.create_table(
            Table::create()
                .table("session")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("account_id"))
                .col(string("device"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("last_used_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .col(timestamp_with_time_zone_null("ended_at"))
                .col(string_null("end_reason"))
                .foreign_key(&mut fk("session", "account_id", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "session", &["account_id"], false).await?;

        m.create_table(
            Table::create()
                .table("refresh_token")
                .col(pk_auto("id"))
                .col(integer("session_id"))
                .col(string_uniq("token_hash"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("used_at"))
                .foreign_key(&mut fk("refresh_token", "session_id", "session"))
                .to_owned(),
        )
        .await?;

        // Failed sign-in attempts, by account name and by address.
        m.create_table(
            Table::create()
                .table("login_failure")
                .col(pk_auto("id"))
                .col(string("throttle_key"))
                .col(timestamp_with_time_zone("at"))
                .to_owned(),
        )
        .await?;
        index(m, "login_failure", &["throttle_key", "at"], false).await?;

        // Append-only: the application never updates or deletes these rows.
        m.create_table(
            Table::create()
                .table("audit_event")
                .col(big_pk_auto("id"))
                .col(integer("authority_id"))
                .col(timestamp_with_time_zone("at"))
                .col(integer_null("actor_account_id"))
                .col(string("actor_role"))
                .col(integer_null("young_person_id"))
                .col(string("action"))
                .col(string("basis"))
                .col(integer_null("allocation_id"))
                .col(string("outcome"))
                .col(text_null("reason"))
                .to_owned(),
        )
        .await?;
        index(m, "audit_event", &["young_person_id", "at"], false).await?;
        index(m, "audit_event", &["authority_id", "at"], false).await?;

        // Admin access to case content, for a stated reason and a short time.
        m.create_table(
            Table::create()
                .table("break_glass")
                .col(pk_auto("id"))
                .col(integer("account_id"))
                .col(integer("young_person_id"))
                .col(text("reason"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(timestamp_with_time_zone("ends_at"))
                .foreign_key(&mut fk("break_glass", "account_id", "account"))
                .foreign_key(&mut fk("break_glass", "young_person_id", "young_person"))
                .to_owned(),
        )
        .await?;
        index(m, "break_glass", &["account_id", "young_person_id"], false).await?;

        // What the app tells a person, in its own list (push comes later).
        m.create_table(
            Table::create()
                .table("notification")
                .col(big_pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("account_id"))
                .col(string("kind"))
                .col(string("title"))
                .col(text("body"))
                .col(string("link"))
                .col(boolean("urgent"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("read_at"))
                .foreign_key(&mut fk("notification", "account_id", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "notification", &["account_id", "created_at"], false).await
    }
}
