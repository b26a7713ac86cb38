//! The background worker's heartbeat (issue 17): one row per running worker,
//! its `beat_at` moved on after every pass. In the database, so the ready
//! check of any instance sees the worker, whichever process runs it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("worker_heartbeat")
                .if_not_exists()
                .col(string("instance").primary_key())
                .col(timestamp_with_time_zone("beat_at"))
                .to_owned(),
        )
        .await
    }
}
