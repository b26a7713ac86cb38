//! Who hit a flood limit lately, for the participation officer: forum
//! names and spaces only (hits on requests about case records are kept
//! but not shown here; the officer never sees case records).

use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::flood;
use crate::repo::forum as repo;
use chrono::{Duration, Utc};
use sea_orm::DatabaseConnection;
use shared::access::Ability;
use shared::forum::{hit_summary, FloodHitView, FloodKind};
use std::collections::HashMap;

/// How far back the list goes, and how long it can be.
const DAYS: i64 = 30;
const MAX: u64 = 100;

pub async fn flood_hits(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<FloodHitView>, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    let kinds: Vec<&str> = FloodKind::ALL
        .into_iter()
        .filter(|k| k.is_forum())
        .map(FloodKind::as_str)
        .collect();
    let rows = flood::hits(
        db,
        caller.authority_id,
        &kinds,
        Utc::now() - Duration::days(DAYS),
        MAX,
    )
    .await?;
    let mut member_ids: Vec<i32> = rows.iter().filter_map(|r| r.member_id).collect();
    member_ids.sort_unstable();
    member_ids.dedup();
    let members: HashMap<i32, _> = repo::members_by_ids(db, &member_ids)
        .await?
        .into_iter()
        .filter(|m| m.authority_id == caller.authority_id)
        .map(|m| (m.id, m))
        .collect();
    let mut space_ids: Vec<i32> = rows.iter().filter_map(|r| r.space_id).collect();
    space_ids.sort_unstable();
    space_ids.dedup();
    let spaces: HashMap<i32, String> = repo::spaces_by_ids(db, space_ids)
        .await?
        .into_iter()
        .filter(|s| s.authority_id == caller.authority_id)
        .map(|s| (s.id, s.name))
        .collect();
    rows.iter()
        .map(|r| {
            let kind = r.kind()?;
            let limit = r.limit_kind()?;
            let member = r.member_id.and_then(|id| members.get(&id));
            let space = r.space_id.and_then(|id| spaces.get(&id)).cloned();
            let attempts = u32::try_from(r.attempts).unwrap_or(0);
            Ok(FloodHitView {
                member_id: member.map(|m| m.public_id.clone()),
                member: member
                    .map(|m| m.display_name.clone())
                    .unwrap_or_else(|| "A member".to_owned()),
                kind,
                limit,
                summary: hit_summary(kind, limit, space.as_deref(), attempts),
                space,
                attempts,
                first_at: r.first_at,
                last_at: r.last_at,
            })
        })
        .collect()
}
