//! Keyset pagination on (created at, id): a page starts past the last row
//! of the one before, so pages stay right while rows are added.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, Order, QueryFilter, QueryOrder, QuerySelect, Select,
};

/// A keyset cursor: the (created_at, id) of the last row of a page.
pub type Cursor = (DateTime<Utc>, i64);

/// Which way pages run.
#[derive(Debug, Clone, Copy)]
pub enum Direction {
    NewestFirst,
    OldestFirst,
}

/// At most `limit` rows of `q` past `from` (none: from the start), ordered
/// by `at` then `id` in `direction`.
pub fn page<E: EntityTrait>(
    q: Select<E>,
    at: E::Column,
    id: E::Column,
    from: Option<Cursor>,
    direction: Direction,
    limit: u64,
) -> Select<E> {
    let order = match direction {
        Direction::NewestFirst => Order::Desc,
        Direction::OldestFirst => Order::Asc,
    };
    let q = match from {
        Some((t, i)) => {
            let (at_past, id_past) = match direction {
                Direction::NewestFirst => (at.lt(t), id.lt(i)),
                Direction::OldestFirst => (at.gt(t), id.gt(i)),
            };
            q.filter(
                Condition::any()
                    .add(at_past)
                    .add(Condition::all().add(at.eq(t)).add(id_past)),
            )
        }
        None => q,
    };
    q.order_by(at, order.clone())
        .order_by(id, order)
        .limit(limit)
}
