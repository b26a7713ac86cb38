//! The local offer: the council's sections, its entitlements and their
//! history, young people's circumstances (facts the rules need), and their
//! requests ("Ask about this") with each step of their story.

use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // The council's own published sections ("Your home", ...).
        m.create_table(
            Table::create()
                .table("offer_section")
                .col(pk_auto("id"))
                .col(integer("authority_id"))
                .col(string("slug"))
                .col(string("title"))
                .col(integer("position"))
                .foreign_key(&mut fk("offer_section", "authority_id", "local_authority"))
                .to_owned(),
        )
        .await?;
        index(m, "offer_section", &["authority_id", "slug"], true).await?;

        // The current version of each entitlement. Money in pence; the
        // payment and the rule are JSON (shared::eligibility).
        m.create_table(
            Table::create()
                .table("entitlement")
                .col(pk_auto("id"))
                .col(integer("authority_id"))
                .col(string("slug"))
                .col(integer("section_id"))
                .col(string("area"))
                .col(string("title"))
                .col(text("summary"))
                .col(text("detail"))
                .col(big_integer_null("amount_pence"))
                .col(string("amount_is"))
                .col(text("payment"))
                .col(text("how_to_claim"))
                .col(text("what_to_bring"))
                .col(text("contact"))
                .col(text("rule"))
                .col(boolean("example_figures"))
                .col(boolean("retired"))
                .col(integer("position"))
                .col(integer("version"))
                .col(text_null("update_note"))
                .col(timestamp_with_time_zone_null("update_noted_at"))
                .col(timestamp_with_time_zone("changed_at"))
                .col(integer_null("changed_by"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("entitlement", "authority_id", "local_authority"))
                .foreign_key(&mut fk("entitlement", "section_id", "offer_section"))
                .foreign_key(&mut fk("entitlement", "changed_by", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "entitlement", &["authority_id", "slug"], true).await?;
        index(m, "entitlement", &["authority_id", "position"], false).await?;

        // Append-only: every version of every entitlement, what it was
        // before and what it became, who changed it and when.
        m.create_table(
            Table::create()
                .table("entitlement_version")
                .col(big_pk_auto("id"))
                .col(integer("authority_id"))
                .col(integer("entitlement_id"))
                .col(integer("version"))
                .col(timestamp_with_time_zone("changed_at"))
                .col(integer_null("changed_by"))
                .col(text_null("note"))
                .col(text_null("before_json"))
                .col(text("after_json"))
                .foreign_key(&mut fk(
                    "entitlement_version",
                    "entitlement_id",
                    "entitlement",
                ))
                .foreign_key(&mut fk("entitlement_version", "changed_by", "account"))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "entitlement_version",
            &["entitlement_id", "version"],
            true,
        )
        .await?;
        index(
            m,
            "entitlement_version",
            &["authority_id", "changed_at"],
            false,
        )
        .await?;

        // What a young person is doing and where they live: set by their
        // worker, read by the offer's rules. One row per young person.
        m.create_table(
            Table::create()
                .table("circumstances")
                .col(pk_auto("id"))
                .col(integer("young_person_id"))
                .col(boolean("in_education"))
                .col(boolean("in_higher_education"))
                .col(boolean("in_apprenticeship"))
                .col(boolean("in_work"))
                .col(boolean("staying_put"))
                .col(boolean("lives_in_borough"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer_null("updated_by"))
                .foreign_key(&mut fk("circumstances", "young_person_id", "young_person"))
                .foreign_key(&mut fk("circumstances", "updated_by", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "circumstances", &["young_person_id"], true).await?;

        // "Ask about this". `open_key` is set while the request is open and
        // cleared when it closes: its unique index allows one open request
        // per young person and entitlement, even under a race (NULLs never
        // clash, on SQLite or PostgreSQL).
        m.create_table(
            Table::create()
                .table("offer_request")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer("young_person_id"))
                .col(integer("entitlement_id"))
                .col(string("sent_to"))
                .col(string("status"))
                .col(text_null("message"))
                .col(text_null("answer"))
                .col(string_null("open_key"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("offer_request", "authority_id", "local_authority"))
                .foreign_key(&mut fk("offer_request", "young_person_id", "young_person"))
                .foreign_key(&mut fk("offer_request", "entitlement_id", "entitlement"))
                .to_owned(),
        )
        .await?;
        index(m, "offer_request", &["open_key"], true).await?;
        index(
            m,
            "offer_request",
            &["young_person_id", "entitlement_id"],
            false,
        )
        .await?;

        m.create_table(
            Table::create()
                .table("offer_request_event")
                .col(big_pk_auto("id"))
                .col(integer("request_id"))
                .col(string("status"))
                .col(text_null("message"))
                .col(integer_null("actor_account_id"))
                .col(timestamp_with_time_zone("at"))
                .foreign_key(&mut fk(
                    "offer_request_event",
                    "request_id",
                    "offer_request",
                ))
                .foreign_key(&mut fk(
                    "offer_request_event",
                    "actor_account_id",
                    "account",
                ))
                .to_owned(),
        )
        .await?;
        index(m, "offer_request_event", &["request_id"], false).await
    }
}
