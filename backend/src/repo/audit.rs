//! The audit trail: append-only. There is no update or delete here, on
//! purpose.

use crate::entities::{account, audit_event as ae};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;

/// The actor of a change made with a command on the server (`backend
/// council create` and the others): no account, so no actor id.
pub const OPERATOR: &str = "operator";
/// The basis of an operator's change.
pub const OPERATOR_BASIS: &str = "operator_command";

pub struct Event<'a> {
    pub authority_id: i32,
    pub actor_account_id: Option<i32>,
    pub actor_role: &'a str,
    pub young_person_id: Option<i32>,
    pub action: &'a str,
    pub basis: &'a str,
    pub allocation_id: Option<i32>,
    pub outcome: &'a str,
    pub reason: Option<&'a str>,
}

pub async fn record(
    db: &impl ConnectionTrait,
    e: Event<'_>,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    row(&e, at).insert(db).await.map(|_| ())
}

fn row(e: &Event<'_>, at: DateTime<Utc>) -> ae::ActiveModel {
    ae::ActiveModel {
        authority_id: Set(e.authority_id),
        at: Set(at),
        actor_account_id: Set(e.actor_account_id),
        actor_role: Set(e.actor_role.to_owned()),
        young_person_id: Set(e.young_person_id),
        action: Set(e.action.to_owned()),
        basis: Set(e.basis.to_owned()),
        allocation_id: Set(e.allocation_id),
        outcome: Set(e.outcome.to_owned()),
        reason: Set(e.reason.map(str::to_owned)),
        ..Default::default()
    }
}

/// Several rows in one statement: all stored, or none.
pub async fn record_many(
    db: &impl ConnectionTrait,
    rows: &[(Event<'_>, DateTime<Utc>)],
) -> Result<(), DbErr> {
    if rows.is_empty() {
        return Ok(());
    }
    ae::Entity::insert_many(rows.iter().map(|(e, at)| row(e, *at)))
        .exec_without_returning(db)
        .await
        .map(|_| ())
}

pub async fn for_young_person(
    db: &impl ConnectionTrait,
    yp_id: i32,
    limit: u64,
) -> Result<Vec<(ae::Model, Option<account::Model>)>, DbErr> {
    newest(db, yp_id, None, limit).await
}

/// The newest rows of this young person's record with this basis left out
/// (their own reads, which would otherwise crowd out everyone else's).
pub async fn for_young_person_except(
    db: &impl ConnectionTrait,
    yp_id: i32,
    basis: &str,
    limit: u64,
) -> Result<Vec<(ae::Model, Option<account::Model>)>, DbErr> {
    newest(db, yp_id, Some(basis), limit).await
}

async fn newest(
    db: &impl ConnectionTrait,
    yp_id: i32,
    except_basis: Option<&str>,
    limit: u64,
) -> Result<Vec<(ae::Model, Option<account::Model>)>, DbErr> {
    let mut q = ae::Entity::find().filter(ae::Column::YoungPersonId.eq(yp_id));
    if let Some(b) = except_basis {
        q = q.filter(ae::Column::Basis.ne(b));
    }
    let rows = q
        .order_by_desc(ae::Column::At)
        .order_by_desc(ae::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    // The few people behind these rows, in one query.
    let mut ids: Vec<i32> = rows.iter().filter_map(|r| r.actor_account_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let actors: HashMap<i32, account::Model> = if ids.is_empty() {
        HashMap::new()
    } else {
        account::Entity::find()
            .filter(account::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|r| {
            let actor = r.actor_account_id.and_then(|id| actors.get(&id).cloned());
            (r, actor)
        })
        .collect())
}
