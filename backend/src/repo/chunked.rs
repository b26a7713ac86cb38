//! Loading rows by a long list of keys, a bounded chunk of keys a query, so
//! no statement outgrows the database's limit on bound parameters.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Value};

/// Keys (or rows) a statement: safe on both databases.
pub const CHUNK: usize = 500;

/// Every row of `E` whose `column` is one of `keys`, in no set order.
pub async fn by_column_in<E, K>(
    db: &impl ConnectionTrait,
    column: E::Column,
    keys: &[K],
) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    K: Into<Value> + Copy,
{
    let mut out = Vec::with_capacity(keys.len());
    for chunk in keys.chunks(CHUNK) {
        out.extend(
            E::find()
                .filter(column.is_in(chunk.iter().copied()))
                .all(db)
                .await?,
        );
    }
    Ok(out)
}
