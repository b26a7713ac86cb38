//! The local offer: the published offer, one young person's offer, their
//! circumstances, and administrators' versioned edits.
//!
//! Who gets what is decided by the pure rules of `shared::eligibility`, fed
//! with facts from the record (`shared::offer::person_facts`).

mod admin;
mod drafts;
mod mine;
mod public;

pub use admin::{admin_offer, changes, create, replace};
pub use drafts::{check_draft, parse_draft};
pub use mine::{circumstances_of, facts_of, my_offer, search_mine, update_circumstances};
pub use public::public_offer;

use crate::entities::{entitlement as ent, local_authority, offer_section};
use crate::error::ApiError;
use crate::repo::{councils, offer as repo};
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use shared::eligibility::{AmountIs, Entitlement, Money, OfferArea, Payment, Rule};
use shared::offer::{is_updated, EntitlementDraft, OfferEntry, SEARCH_MAX};

// ---------------------------------------------------------------------------
// Rows to shared types
// ---------------------------------------------------------------------------

fn corrupt(slug: &str, what: &str, e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(format!("entitlement {slug}: stored {what} unreadable: {e}"))
}

pub fn amount_is_str(a: AmountIs) -> &'static str {
    match a {
        AmountIs::Exactly => "exactly",
        AmountIs::UpTo => "up_to",
        AmountIs::AtLeast => "at_least",
    }
}

fn amount_is_of(s: &str) -> AmountIs {
    match s {
        "up_to" => AmountIs::UpTo,
        "at_least" => AmountIs::AtLeast,
        _ => AmountIs::Exactly,
    }
}

/// The stored row as the shared type the rules work on.
pub fn entitlement_of(row: &ent::Model) -> Result<Entitlement, ApiError> {
    let payment: Payment =
        serde_json::from_str(&row.payment).map_err(|e| corrupt(&row.slug, "payment", e))?;
    let rule: Rule = serde_json::from_str(&row.rule).map_err(|e| corrupt(&row.slug, "rule", e))?;
    let area = OfferArea::parse(&row.area).ok_or_else(|| corrupt(&row.slug, "area", &row.area))?;
    Ok(Entitlement {
        id: row.slug.clone(),
        area,
        title: row.title.clone(),
        summary: row.summary.clone(),
        detail: row.detail.clone(),
        amount: row.amount_pence.map(Money::from_pence),
        amount_is: amount_is_of(&row.amount_is),
        payment,
        how_to_claim: row.how_to_claim.clone(),
        contact: row.contact.clone(),
        rule,
        updated_at: Some(row.changed_at.date_naive()),
    })
}

fn section_of(sections: &[offer_section::Model], id: i32) -> Option<&offer_section::Model> {
    sections.iter().find(|s| s.id == id)
}

fn entry_of(
    row: &ent::Model,
    sections: &[offer_section::Model],
    now: DateTime<Utc>,
) -> Result<OfferEntry, ApiError> {
    let e = entitlement_of(row)?;
    let section = section_of(sections, row.section_id);
    let updated = is_updated(row.update_noted_at, now);
    Ok(OfferEntry {
        section: section.map(|s| s.slug.clone()).unwrap_or_default(),
        section_title: section.map(|s| s.title.clone()).unwrap_or_default(),
        area_title: e.area.title().to_owned(),
        what_to_bring: row.what_to_bring.clone(),
        amount_text: e.amount_text(),
        example_figures: row.example_figures,
        version: row.version,
        updated,
        update_note: if updated {
            row.update_note.clone()
        } else {
            None
        },
        entitlement: e,
    })
}

fn draft_of(
    row: &ent::Model,
    sections: &[offer_section::Model],
) -> Result<EntitlementDraft, ApiError> {
    let e = entitlement_of(row)?;
    Ok(EntitlementDraft {
        id: Some(row.slug.clone()),
        section: section_of(sections, row.section_id)
            .map(|s| s.slug.clone())
            .unwrap_or_default(),
        area: e.area,
        title: e.title,
        summary: e.summary,
        detail: e.detail,
        amount: e.amount,
        amount_is: e.amount_is,
        payment: e.payment,
        how_to_claim: e.how_to_claim,
        what_to_bring: row.what_to_bring.clone(),
        contact: e.contact,
        rule: e.rule,
        example_figures: row.example_figures,
        retired: row.retired,
        change_note: None,
    })
}

/// The draft as the rules' type, to validate it and word its amount.
fn entitlement_from_draft(d: &EntitlementDraft) -> Entitlement {
    Entitlement {
        id: d.id.clone().unwrap_or_default(),
        area: d.area,
        title: d.title.clone(),
        summary: d.summary.clone(),
        detail: d.detail.clone(),
        amount: d.amount,
        amount_is: d.amount_is,
        payment: d.payment.clone(),
        how_to_claim: d.how_to_claim.clone(),
        contact: d.contact.clone(),
        rule: d.rule.clone(),
        updated_at: None,
    }
}

/// The draft as stored (in the section with this id).
pub fn values(d: &EntitlementDraft, section_id: i32) -> Result<repo::Values, ApiError> {
    let json = |what: &str, r: Result<String, serde_json::Error>| {
        r.map_err(|e| ApiError::Internal(format!("could not store {what}: {e}")))
    };
    Ok(repo::Values {
        section_id,
        area: d.area.as_str().to_owned(),
        title: d.title.trim().to_owned(),
        summary: d.summary.trim().to_owned(),
        detail: d.detail.trim().to_owned(),
        amount_pence: d.amount.map(|m| m.pence),
        amount_is: amount_is_str(d.amount_is).to_owned(),
        payment_json: json("payment", serde_json::to_string(&d.payment))?,
        how_to_claim: d.how_to_claim.trim().to_owned(),
        what_to_bring: d.what_to_bring.trim().to_owned(),
        contact: d.contact.trim().to_owned(),
        rule_json: json("rule", serde_json::to_string(&d.rule))?,
        example_figures: d.example_figures,
        retired: d.retired,
    })
}

/// A draft as kept in the history: trimmed, with its id, without the note.
fn snapshot(d: &EntitlementDraft, id: &str) -> EntitlementDraft {
    EntitlementDraft {
        id: Some(id.to_owned()),
        title: d.title.trim().to_owned(),
        summary: d.summary.trim().to_owned(),
        detail: d.detail.trim().to_owned(),
        how_to_claim: d.how_to_claim.trim().to_owned(),
        what_to_bring: d.what_to_bring.trim().to_owned(),
        contact: d.contact.trim().to_owned(),
        change_note: None,
        ..d.clone()
    }
}

fn to_json(d: &EntitlementDraft) -> Result<String, ApiError> {
    serde_json::to_string(d)
        .map_err(|e| ApiError::Internal(format!("could not store a version: {e}")))
}

/// The council's offer, in its order, with each row's id.
async fn load(
    db: &DatabaseConnection,
    authority_id: i32,
    now: DateTime<Utc>,
) -> Result<(Vec<offer_section::Model>, Vec<(i32, OfferEntry)>), ApiError> {
    let sections = repo::sections(db, authority_id).await?;
    let rows = repo::entitlements(db, authority_id, false).await?;
    let mut entries = Vec::with_capacity(rows.len());
    for r in &rows {
        entries.push((r.id, entry_of(r, &sections, now)?));
    }
    // The council's section order first, then each entitlement's place.
    let position = |slug: &str| {
        sections
            .iter()
            .position(|s| s.slug == slug)
            .unwrap_or(usize::MAX)
    };
    entries.sort_by_key(|(_, e)| position(&e.section));
    Ok((sections, entries))
}

async fn council(
    db: &DatabaseConnection,
    authority_id: i32,
) -> Result<local_authority::Model, ApiError> {
    councils::by_id(db, authority_id)
        .await?
        .ok_or(ApiError::NotFound)
}

fn check_query(q: &str) -> Result<String, ApiError> {
    let q = q.trim();
    if q.is_empty() {
        return Err(ApiError::validation(
            "q",
            "Type a word to search for, such as \"money\" or \"home\".",
        ));
    }
    if q.chars().count() > SEARCH_MAX {
        return Err(ApiError::validation(
            "q",
            format!("Keep the search to {SEARCH_MAX} characters or fewer."),
        ));
    }
    Ok(q.to_owned())
}
