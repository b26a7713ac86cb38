//! Councils (local authorities) and their teams. Every other record belongs
//! to exactly one council, so one deployment can host several.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("local_authority")
                    .col(pk_auto("id"))
                    .col(string_uniq("slug"))
                    .col(string("name"))
                    .col(string("duty_phone"))
                    .col(string("time_zone"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("team")
                    .col(pk_auto("id"))
                    .col(integer("authority_id"))
                    .col(string("slug"))
                    .col(string("name"))
                    .col(string("kind"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("team", "authority_id")
                            .to("local_authority", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("team_authority_slug")
                    .table("team")
                    .col("authority_id")
                    .col("slug")
                    .unique()
                    .to_owned(),
            )
            .await
    }
}
