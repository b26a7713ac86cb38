//! Small builders every migration uses. Changing one changes what a new
//! database gets, so keep them stable once a migration that uses them has
//! landed.

use sea_orm_migration::prelude::*;

/// A foreign key from `from_table.from_col` to `to_table.id`.
pub(crate) fn fk(from_table: &str, from_col: &str, to_table: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from_table.to_owned(), from_col.to_owned())
        .to(to_table.to_owned(), "id")
        .to_owned()
}

/// The same, deleting the row when the row it points to goes.
pub(crate) fn fk_cascade(
    from_table: &str,
    from_col: &str,
    to_table: &str,
) -> ForeignKeyCreateStatement {
    fk(from_table, from_col, to_table)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// An index named `<table>_<col>_<col>...`.
pub(crate) async fn index(
    m: &SchemaManager<'_>,
    table: &str,
    cols: &[&str],
    unique: bool,
) -> Result<(), DbErr> {
    let mut i = Index::create();
    i.name(format!("{table}_{}", cols.join("_")))
        .table(table.to_owned());
    for c in cols {
        i.col((*c).to_owned());
    }
    if unique {
        i.unique();
    }
    m.create_index(i.to_owned()).await
}
