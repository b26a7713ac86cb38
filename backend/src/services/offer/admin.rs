//! Administrators' edits of the offer: the list they edit, creating and
//! replacing entitlements (versioned), and what changed.

use super::drafts::{check_draft, parse_draft};
use super::{draft_of, entry_of, snapshot, to_json, values};
use crate::access::{self};
use crate::caller::Caller;
use crate::entities::{entitlement as ent, offer_section};
use crate::error::ApiError;
use crate::repo::offer as repo;
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use serde_json::Value;
use shared::access::Ability;
use shared::eligibility::OfferArea;
use shared::offer::{
    id_problem, AdminOffer, AdminOfferEntry, AreaInfo, EntitlementChange, EntitlementDraft,
    OfferSection,
};
use std::collections::HashMap;

pub(super) fn section_id(sections: &[offer_section::Model], slug: &str) -> Result<i32, ApiError> {
    sections
        .iter()
        .find(|s| s.slug == slug.trim())
        .map(|s| s.id)
        .ok_or_else(|| {
            let known: Vec<&str> = sections.iter().map(|s| s.slug.as_str()).collect();
            ApiError::validation(
                "section",
                format!(
                    "There is no section \"{slug}\". Choose one of: {}.",
                    known.join(", ")
                ),
            )
        })
}

fn admin_entry(
    row: &ent::Model,
    sections: &[offer_section::Model],
    names: &HashMap<i32, String>,
    now: DateTime<Utc>,
) -> Result<AdminOfferEntry, ApiError> {
    Ok(AdminOfferEntry {
        entry: entry_of(row, sections, now)?,
        retired: row.retired,
        changed_at: row.changed_at,
        changed_by: row.changed_by.and_then(|id| names.get(&id).cloned()),
        example_to_edit: row.example_to_edit,
    })
}

async fn names_of(
    db: &DatabaseConnection,
    ids: Vec<i32>,
) -> Result<HashMap<i32, String>, ApiError> {
    Ok(repo::accounts(db, ids)
        .await?
        .into_iter()
        .map(|(id, a)| (id, a.display_name))
        .collect())
}

/// Every entitlement, retired ones too, for the administrator's screens.
pub async fn admin_offer(db: &DatabaseConnection, caller: &Caller) -> Result<AdminOffer, ApiError> {
    access::require(caller, Ability::ManageOffer)?;
    let now = Utc::now();
    let sections = repo::sections(db, caller.authority_id).await?;
    let rows = repo::entitlements(db, caller.authority_id, true).await?;
    let names = names_of(db, rows.iter().filter_map(|r| r.changed_by).collect()).await?;
    let mut entitlements = Vec::with_capacity(rows.len());
    for r in &rows {
        entitlements.push(admin_entry(r, &sections, &names, now)?);
    }
    Ok(AdminOffer {
        sections: sections
            .iter()
            .map(|s| OfferSection {
                id: s.slug.clone(),
                title: s.title.clone(),
            })
            .collect(),
        areas: OfferArea::ALL.into_iter().map(AreaInfo::of).collect(),
        entitlements,
    })
}

/// A new entitlement, version 1.
pub async fn create(
    db: &DatabaseConnection,
    caller: &Caller,
    body: Value,
) -> Result<AdminOfferEntry, ApiError> {
    access::require(caller, Ability::ManageOffer)?;
    let d = parse_draft(body)?;
    let Some(id) = d.id.clone().map(|i| i.trim().to_owned()) else {
        return Err(ApiError::validation(
            "id",
            "Give the new entitlement an id, such as driving-lessons.",
        ));
    };
    if let Some(problem) = id_problem(&id) {
        return Err(ApiError::validation("id", problem));
    }
    check_draft(&d)?;
    let sections = repo::sections(db, caller.authority_id).await?;
    let section = section_id(&sections, &d.section)?;
    if repo::by_slug(db, caller.authority_id, &id).await?.is_some() {
        return Err(ApiError::Conflict(format!(
            "There is already an entitlement with the id \"{id}\". Choose another id, or change that one."
        )));
    }
    let now = Utc::now();
    let after = snapshot(&d, &id);
    let txn = db.begin().await?;
    let position = repo::next_position(&txn, caller.authority_id).await?;
    let row = repo::insert(
        &txn,
        caller.authority_id,
        &id,
        position,
        values(&d, section)?,
        Some(caller.account_id),
        now,
    )
    .await?;
    repo::add_version(
        &txn,
        repo::NewVersion {
            authority_id: caller.authority_id,
            entitlement_id: row.id,
            version: 1,
            changed_by: Some(caller.account_id),
            note: d.change_note.as_deref(),
            before_json: None,
            after_json: to_json(&after)?,
        },
        now,
    )
    .await?;
    txn.commit().await?;
    let names = HashMap::from([(caller.account_id, caller.display_name.clone())]);
    admin_entry(&row, &sections, &names, now)
}

/// A new version of an entitlement: what it was before is kept.
pub async fn replace(
    db: &DatabaseConnection,
    caller: &Caller,
    slug: &str,
    body: Value,
) -> Result<AdminOfferEntry, ApiError> {
    access::require(caller, Ability::ManageOffer)?;
    let d = parse_draft(body)?;
    if let Some(id) = &d.id {
        if id.trim() != slug {
            return Err(ApiError::validation(
                "id",
                "An entitlement's id cannot change. Leave \"id\" out, or make a new entitlement.",
            ));
        }
    }
    check_draft(&d)?;
    let sections = repo::sections(db, caller.authority_id).await?;
    let section = section_id(&sections, &d.section)?;
    let row = repo::by_slug(db, caller.authority_id, slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let before = draft_of(&row, &sections)?;
    let after = snapshot(&d, slug);
    let now = Utc::now();
    if before.changed_fields(&after).is_empty() {
        // An example from the template saved as it is: checked, so young
        // people see it from now on.
        let row = if row.example_to_edit {
            repo::set_example(db, row.id, false).await?;
            ent::Model {
                example_to_edit: false,
                ..row
            }
        } else {
            row
        };
        let names = names_of(db, row.changed_by.into_iter().collect()).await?;
        return admin_entry(&row, &sections, &names, now);
    }
    let version = row.version + 1;
    let txn = db.begin().await?;
    let updated = repo::update(
        &txn,
        row.id,
        version,
        values(&d, section)?,
        before.change_for_young_people(&after),
        caller.account_id,
        now,
    )
    .await?;
    if !updated {
        return Err(ApiError::Conflict(
            "Someone else changed this entitlement a moment ago. Load it again, then make your change."
                .to_owned(),
        ));
    }
    repo::add_version(
        &txn,
        repo::NewVersion {
            authority_id: caller.authority_id,
            entitlement_id: row.id,
            version,
            changed_by: Some(caller.account_id),
            note: d
                .change_note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty()),
            before_json: Some(to_json(&before)?),
            after_json: to_json(&after)?,
        },
        now,
    )
    .await?;
    txn.commit().await?;
    let row = repo::by_slug(db, caller.authority_id, slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let names = HashMap::from([(caller.account_id, caller.display_name.clone())]);
    admin_entry(&row, &sections, &names, now)
}

/// The history of the offer (of one entitlement, if named), newest first.
pub async fn changes(
    db: &DatabaseConnection,
    caller: &Caller,
    slug: Option<&str>,
) -> Result<Vec<EntitlementChange>, ApiError> {
    access::require(caller, Ability::ManageOffer)?;
    let only = match slug.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(
            repo::by_slug(db, caller.authority_id, s)
                .await?
                .ok_or(ApiError::NotFound)?,
        ),
        None => None,
    };
    let rows = repo::versions(db, caller.authority_id, only.as_ref().map(|e| e.id), 500).await?;
    let names = names_of(db, rows.iter().filter_map(|r| r.changed_by).collect()).await?;
    let read = |s: &str| -> Result<EntitlementDraft, ApiError> {
        serde_json::from_str(s)
            .map_err(|e| ApiError::Internal(format!("stored version unreadable: {e}")))
    };
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let after = read(&r.after_json)?;
        let before = match &r.before_json {
            Some(b) => Some(read(b)?),
            None => None,
        };
        out.push(EntitlementChange {
            entitlement_id: after.id.clone().unwrap_or_default(),
            version: r.version,
            changed_at: r.changed_at,
            changed_by: r.changed_by.and_then(|id| names.get(&id).cloned()),
            note: r.note,
            changed_fields: before
                .as_ref()
                .map(|b| b.changed_fields(&after))
                .unwrap_or_default(),
            before,
            after,
        });
    }
    Ok(out)
}
