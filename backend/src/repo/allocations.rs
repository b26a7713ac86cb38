//! Allocations: which worker works with which young person, when.

use crate::entities::{account, allocation, break_glass};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use shared::access::Relationship;

fn current(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(allocation::Column::StartsAt.lte(now))
        .add(
            Condition::any()
                .add(allocation::Column::EndsAt.is_null())
                .add(allocation::Column::EndsAt.gt(now)),
        )
}

/// The caller's own current allocation to this young person, if any.
pub async fn current_for_staff(
    db: &impl ConnectionTrait,
    yp_id: i32,
    staff_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<allocation::Model>, DbErr> {
    allocation::Entity::find()
        .filter(allocation::Column::YoungPersonId.eq(yp_id))
        .filter(allocation::Column::StaffAccountId.eq(staff_id))
        .filter(current(now))
        .all(db)
        .await
}

/// A current allocation of this young person to someone in the team.
pub async fn current_in_team(
    db: &impl ConnectionTrait,
    yp_id: i32,
    team_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<allocation::Model>, DbErr> {
    let allocs = allocation::Entity::find()
        .filter(allocation::Column::YoungPersonId.eq(yp_id))
        .filter(current(now))
        .all(db)
        .await?;
    for a in allocs {
        if let Some(staff) = account::Entity::find_by_id(a.staff_account_id)
            .one(db)
            .await?
        {
            if staff.team_id == Some(team_id) {
                return Ok(Some(a));
            }
        }
    }
    Ok(None)
}

pub async fn history(
    db: &impl ConnectionTrait,
    yp_id: i32,
) -> Result<Vec<(allocation::Model, Option<account::Model>)>, DbErr> {
    allocation::Entity::find()
        .filter(allocation::Column::YoungPersonId.eq(yp_id))
        .order_by_desc(allocation::Column::StartsAt)
        .find_also_related(account::Entity)
        .all(db)
        .await
}

/// The young person's workers now, with how each works with them.
pub async fn current_workers(
    db: &impl ConnectionTrait,
    yp_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<(Relationship, account::Model)>, crate::error::ApiError> {
    let mut out = vec![];
    for (a, staff) in history(db, yp_id).await? {
        let rel = a.relationship()?;
        let Some(staff) = staff else {
            continue;
        };
        let current = a.starts_at <= now && a.ends_at.is_none_or(|e| e > now);
        if current
            && staff.disabled_at.is_none()
            && !out
                .iter()
                .any(|(_, s): &(_, account::Model)| s.id == staff.id)
        {
            out.push((rel, staff));
        }
    }
    // The same order every time: IRO, social worker, personal adviser.
    let rank = |r: &Relationship| match r {
        Relationship::Iro => 0,
        Relationship::SocialWorker => 1,
        Relationship::PersonalAdviser => 2,
    };
    out.sort_by(|(a, x), (b, y)| (rank(a), &x.display_name).cmp(&(rank(b), &y.display_name)));
    Ok(out)
}

/// How many social workers a child has had (for managers).
pub async fn social_workers_so_far(db: &impl ConnectionTrait, yp_id: i32) -> Result<u32, DbErr> {
    let mut ids: Vec<i32> = history(db, yp_id)
        .await?
        .into_iter()
        .filter(|(a, _)| a.relationship == Relationship::SocialWorker.as_str())
        .map(|(a, _)| a.staff_account_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(ids.len() as u32)
}

/// Ends the current allocation of this kind (with the handover note) and
/// starts the new one at the same instant.
pub async fn reallocate(
    db: &impl ConnectionTrait,
    yp_id: i32,
    relationship: Relationship,
    staff_id: i32,
    handover_note: Option<String>,
    now: DateTime<Utc>,
) -> Result<allocation::Model, DbErr> {
    allocation::Entity::update_many()
        .col_expr(allocation::Column::EndsAt, Expr::value(now))
        .col_expr(allocation::Column::HandoverNote, Expr::value(handover_note))
        .filter(allocation::Column::YoungPersonId.eq(yp_id))
        .filter(allocation::Column::Relationship.eq(relationship.as_str()))
        .filter(allocation::Column::EndsAt.is_null())
        .exec(db)
        .await?;
    allocation::ActiveModel {
        young_person_id: Set(yp_id),
        staff_account_id: Set(staff_id),
        relationship: Set(relationship.as_str().to_owned()),
        starts_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Allocations for records that have none yet (just made by the import),
/// (young person, kind, worker), starting `now`, a chunk a statement: with
/// nothing to end, this is what [`reallocate`] does for a new record.
pub async fn start_many(
    db: &impl ConnectionTrait,
    rows: &[(i32, Relationship, i32)],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    for chunk in rows.chunks(super::chunked::CHUNK) {
        allocation::Entity::insert_many(chunk.iter().map(|(yp_id, rel, staff_id)| {
            allocation::ActiveModel {
                young_person_id: Set(*yp_id),
                staff_account_id: Set(*staff_id),
                relationship: Set(rel.as_str().to_owned()),
                starts_at: Set(now),
                ..Default::default()
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

pub async fn active_break_glass(
    db: &impl ConnectionTrait,
    account_id: i32,
    yp_id: i32,
    now: DateTime<Utc>,
) -> Result<Option<break_glass::Model>, DbErr> {
    break_glass::Entity::find()
        .filter(break_glass::Column::AccountId.eq(account_id))
        .filter(break_glass::Column::YoungPersonId.eq(yp_id))
        .filter(break_glass::Column::StartsAt.lte(now))
        .filter(break_glass::Column::EndsAt.gt(now))
        .one(db)
        .await
}

pub async fn add_break_glass(
    db: &impl ConnectionTrait,
    account_id: i32,
    yp_id: i32,
    reason: &str,
    now: DateTime<Utc>,
    ends_at: DateTime<Utc>,
) -> Result<break_glass::Model, DbErr> {
    break_glass::ActiveModel {
        account_id: Set(account_id),
        young_person_id: Set(yp_id),
        reason: Set(reason.to_owned()),
        starts_at: Set(now),
        ends_at: Set(ends_at),
        ..Default::default()
    }
    .insert(db)
    .await
}
