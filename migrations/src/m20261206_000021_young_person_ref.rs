//! The council's own reference for a young person (issue 17): the CSV import
//! matches rows by it, so re-importing the same file changes nothing. Empty
//! for people added in the app; unique within a council when given.

use crate::helpers::index;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("young_person")
                .add_column(string_null("external_ref"))
                .to_owned(),
        )
        .await?;
        index(m, "young_person", &["authority_id", "external_ref"], true).await
    }
}
