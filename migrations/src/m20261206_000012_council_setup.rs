//! What a council needs to go live from the operator commands (issue 17):
//! the bank-holiday region its working days count by, the visit policy its
//! workers keep, and a mark on entitlements copied from the template offer
//! ("an example: check and edit before young people see it").

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite alters one thing at a time.
        m.alter_table(
            Table::alter()
                .table("local_authority")
                .add_column(string("bank_holiday_region").default("england-and-wales"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("local_authority")
                .add_column(string("visit_policy").default("statutory"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("entitlement")
                .add_column(boolean("example_to_edit").default(false))
                .to_owned(),
        )
        .await?;
        // Bexley, seeded before this column, promises monthly visits.
        m.exec_stmt(
            Query::update()
                .table("local_authority")
                .value("visit_policy", "bexley")
                .and_where(Expr::col("slug").eq("bexley"))
                .to_owned(),
        )
        .await
    }
}
