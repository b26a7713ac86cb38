//! A feedback form version's words in other languages (issues 6 and 9):
//! `feedback_form.translations_json` holds
//! `{"ar": {"<English text>": "<Arabic>"}}`, or nothing for versions
//! published before translations (they read as having none).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("feedback_form")
                .add_column(text_null("translations_json"))
                .to_owned(),
        )
        .await
    }
}
