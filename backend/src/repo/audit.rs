//! The audit trail: append-only. There is no update or delete here, on
//! purpose.

use crate::entities::{account, audit_event as ae};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

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
    .insert(db)
    .await
    .map(|_| ())
}

pub async fn for_young_person(
    db: &impl ConnectionTrait,
    yp_id: i32,
    limit: u64,
) -> Result<Vec<(ae::Model, Option<account::Model>)>, DbErr> {
    let rows = ae::Entity::find()
        .filter(ae::Column::YoungPersonId.eq(yp_id))
        .order_by_desc(ae::Column::At)
        .order_by_desc(ae::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let actor = match r.actor_account_id {
            Some(id) => account::Entity::find_by_id(id).one(db).await?,
            None => None,
        };
        out.push((r, actor));
    }
    Ok(out)
}
