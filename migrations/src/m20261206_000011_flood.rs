//! Flood limits: each space's own limits on how often one member may post
//! (the defaults here match `shared::forum::FloodLimits::default()`), the
//! events the limiter counts (one row per thing sent, kept for two days),
//! and the hits the participation officer sees.

use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for (col, default) in [
            ("threads_per_hour", 5),
            ("threads_per_day", 20),
            ("replies_per_hour", 30),
            ("replies_per_day", 150),
            ("min_gap_secs", 15),
        ] {
            m.alter_table(
                Table::alter()
                    .table("forum_space")
                    .add_column(integer(col).default(default))
                    .to_owned(),
            )
            .await?;
        }

        // One row per thing a young person sent that the limiter counts.
        // `text_hash`: SHA-256 of the normalised text, for "the same text
        // twice"; never the text itself.
        m.create_table(
            Table::create()
                .table("flood_event")
                .col(big_pk_auto("id"))
                .col(integer("authority_id"))
                .col(integer("account_id"))
                .col(string("kind"))
                .col(integer_null("space_id"))
                .col(string_null("text_hash"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("flood_event", "authority_id", "local_authority"))
                .foreign_key(&mut fk("flood_event", "account_id", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "flood_event", &["account_id", "created_at"], false).await?;

        // A limit someone hit; repeated refusals within the hour add to
        // `attempts` of the same row, so a flood cannot grow this table.
        m.create_table(
            Table::create()
                .table("flood_hit")
                .col(big_pk_auto("id"))
                .col(integer("authority_id"))
                .col(integer("account_id"))
                .col(integer_null("member_id"))
                .col(string("kind"))
                .col(string("limit_kind"))
                .col(integer_null("space_id"))
                .col(integer("attempts"))
                .col(timestamp_with_time_zone("first_at"))
                .col(timestamp_with_time_zone("last_at"))
                .foreign_key(&mut fk("flood_hit", "authority_id", "local_authority"))
                .foreign_key(&mut fk("flood_hit", "account_id", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "flood_hit", &["authority_id", "last_at"], false).await?;
        index(m, "flood_hit", &["account_id", "last_at"], false).await
    }
}
