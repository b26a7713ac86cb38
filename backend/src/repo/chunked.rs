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

/// The rows just inserted under these public ids, in the order of `ids`
/// (an id not found means the insert did not happen).
pub async fn inserted_in_order<E>(
    db: &impl ConnectionTrait,
    column: E::Column,
    ids: &[String],
    public_id: impl Fn(&E::Model) -> String,
) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
{
    let keys: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut made: std::collections::HashMap<String, E::Model> =
        by_column_in::<E, _>(db, column, &keys)
            .await?
            .into_iter()
            .map(|m| (public_id(&m), m))
            .collect();
    ids.iter()
        .map(|id| made.remove(id).ok_or(DbErr::RecordNotInserted))
        .collect()
}
