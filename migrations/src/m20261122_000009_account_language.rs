//! Each person's language (issue 9): `account.language` holds "en" or "ar",
//! or nothing until the person chooses (the app then follows the phone).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("account")
                .add_column(string_null("language"))
                .to_owned(),
        )
        .await
    }
}
