//! The council's forum spaces, created and changed by an admin.

use super::staff_entry;
use crate::access;
use crate::caller::Caller;
use crate::entities::forum_space as space;
use crate::error::ApiError;
use crate::repo::flood;
use crate::repo::forum as repo;
use crate::repo::moderation::{self as modlog, Entry};
use crate::services::forum::{is_unique_violation, optional_field, required_field, rule_of};
use chrono::Utc;
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::access::Ability;
use shared::forum::{
    is_slug, slug_of, AdminSpaceView, FloodLimits, ModAction, SpaceDraft, DESCRIPTION_MAX_CHARS,
    NAME_MAX_CHARS,
};

// ------------------------------------------------------------------ spaces

fn admin_space_view(s: &space::Model) -> Result<AdminSpaceView, ApiError> {
    let rule = rule_of(s)?;
    Ok(AdminSpaceView {
        id: s.slug.clone(),
        name: s.name.clone(),
        description: s.description.clone(),
        who_for: rule.describe(),
        rule,
        hold_under_18: s.hold_under_18,
        archived: s.archived,
        limits: s.flood_limits(),
        position: s.position,
        created_at: s.created_at,
        updated_at: s.updated_at,
    })
}

pub async fn admin_spaces(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<AdminSpaceView>, ApiError> {
    access::require(caller, Ability::ManageForumSpaces)?;
    repo::spaces(db, caller.authority_id, true)
        .await?
        .iter()
        .map(admin_space_view)
        .collect()
}

struct CheckedSpace {
    name: String,
    description: String,
    /// `None`: a new space keeps the defaults, a changed one its own.
    limits: Option<FloodLimits>,
}

fn check_space(d: &SpaceDraft) -> Result<CheckedSpace, ApiError> {
    let name = required_field("name", &d.name, NAME_MAX_CHARS, "a name")?;
    let description = optional_field("description", Some(&d.description), DESCRIPTION_MAX_CHARS)?
        .unwrap_or_default();
    d.rule
        .check()
        .map_err(|(f, m)| ApiError::validation(format!("rule.{f}"), m))?;
    if let Some(l) = &d.limits {
        l.check()
            .map_err(|(f, m)| ApiError::validation(format!("limits.{f}"), m))?;
    }
    Ok(CheckedSpace {
        name,
        description,
        limits: d.limits,
    })
}

fn write<'a>(d: &'a SpaceDraft, c: &'a CheckedSpace) -> repo::SpaceWrite<'a> {
    repo::SpaceWrite {
        name: &c.name,
        description: &c.description,
        min_age: i32::try_from(d.rule.min_age).unwrap_or(0),
        max_age: i32::try_from(d.rule.max_age).unwrap_or(0),
        audience: d.rule.audience.as_str(),
        hold_under_18: d.hold_under_18,
        archived: d.archived,
    }
}

fn describe_space(d: &SpaceDraft, c: &CheckedSpace) -> String {
    format!(
        "{}: {}; posts by under-18s {}{}.",
        c.name,
        d.rule.describe(),
        if d.hold_under_18 {
            "checked first"
        } else {
            "not checked first"
        },
        if d.archived { "; archived" } else { "" }
    ) + &c
        .limits
        .map(|l| format!(" Limits: {}.", l.describe()))
        .unwrap_or_default()
}

pub async fn create_space(
    db: &DatabaseConnection,
    caller: &Caller,
    d: &SpaceDraft,
) -> Result<AdminSpaceView, ApiError> {
    access::require(caller, Ability::ManageForumSpaces)?;
    let c = check_space(d)?;
    let slug = match d.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) if is_slug(s) => s.to_owned(),
        Some(_) => {
            return Err(ApiError::validation(
                "id",
                "Use lower-case letters, numbers and hyphens only.",
            ))
        }
        None => {
            let s = slug_of(&c.name);
            if s.is_empty() {
                return Err(ApiError::validation(
                    "name",
                    "Put some letters or numbers in the name.",
                ));
            }
            s
        }
    };
    let taken = || ApiError::Conflict(format!("There is a space called \"{slug}\" already."));
    if repo::space_by_slug(db, caller.authority_id, &slug)
        .await?
        .is_some()
    {
        return Err(taken());
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let made = match repo::insert_space(
        &txn,
        caller.authority_id,
        &slug,
        write(d, &c),
        Some(caller.account_id),
        now,
    )
    .await
    {
        Ok(m) => m,
        Err(e) if is_unique_violation(&e) => return Err(taken()),
        Err(e) => return Err(e.into()),
    };
    if let Some(l) = &c.limits {
        flood::set_space_limits(&txn, made.id, l).await?;
    }
    modlog::record(
        &txn,
        Entry {
            reason: Some(&describe_space(d, &c)),
            ..staff_entry(caller, ModAction::SpaceCreated)
        },
        now,
    )
    .await?;
    txn.commit().await?;
    // Read back: the limits may have changed after the insert.
    let made = repo::space_by_slug(db, caller.authority_id, &slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    admin_space_view(&made)
}

pub async fn update_space(
    db: &DatabaseConnection,
    caller: &Caller,
    slug: &str,
    d: &SpaceDraft,
) -> Result<AdminSpaceView, ApiError> {
    access::require(caller, Ability::ManageForumSpaces)?;
    let s = repo::space_by_slug(db, caller.authority_id, slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let c = check_space(d)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    repo::update_space(&txn, s.id, write(d, &c), now).await?;
    if let Some(l) = &c.limits {
        flood::set_space_limits(&txn, s.id, l).await?;
    }
    modlog::record(
        &txn,
        Entry {
            reason: Some(&describe_space(d, &c)),
            ..staff_entry(caller, ModAction::SpaceChanged)
        },
        now,
    )
    .await?;
    txn.commit().await?;
    let s = repo::space_by_slug(db, caller.authority_id, slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    admin_space_view(&s)
}
