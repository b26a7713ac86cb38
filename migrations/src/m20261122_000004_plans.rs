//! Plans in plain words (every version kept), children's questions about
//! them, and staff "about me" profiles.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A draft (status "draft", no version) or a shared version.
        m.create_table(
            Table::create()
                .table("plan_version")
                .col(pk_auto("id"))
                .col(integer("young_person_id"))
                .col(string("kind"))
                .col(string("status"))
                .col(integer_null("version"))
                .col(text("sections_json"))
                .col(date_null("next_date"))
                .col(integer("written_by"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(timestamp_with_time_zone_null("shared_at"))
                .col(integer_null("shared_by"))
                .col(text_null("override_reason"))
                .foreign_key(
                    ForeignKey::create()
                        .from("plan_version", "young_person_id")
                        .to("young_person", "id"),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("plan_version_person_status")
                .table("plan_version")
                .col("young_person_id")
                .col("status")
                .col("version")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("plan_query")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("young_person_id"))
                .col(integer("plan_version_id"))
                .col(string("section"))
                .col(string("kind"))
                .col(text_null("message"))
                .col(timestamp_with_time_zone("asked_at"))
                .col(text_null("answer"))
                .col(integer_null("answered_by"))
                .col(timestamp_with_time_zone_null("answered_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("plan_query", "plan_version_id")
                        .to("plan_version", "id"),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("plan_query_person")
                .table("plan_query")
                .col("young_person_id")
                .col("asked_at")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("staff_profile")
                .col(integer("account_id").primary_key())
                .col(text("about_me"))
                .col(string("contact_how"))
                .col(string("contact_when"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("staff_profile", "account_id")
                        .to("account", "id"),
                )
                .to_owned(),
        )
        .await
    }
}
