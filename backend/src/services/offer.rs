//! The local offer: the published offer, one young person's offer, their
//! circumstances, and administrators' versioned edits.
//!
//! Who gets what is decided by the pure rules of `shared::eligibility`, fed
//! with facts from the record (`shared::offer::person_facts`).

use crate::access::{self, Grant};
use crate::auth::Caller;
use crate::entities::{entitlement as ent, local_authority, offer_section};
use crate::error::ApiError;
use crate::repo::{
    circumstances as circ_repo, councils, notifications, offer as repo, offer_requests, people,
};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use shared::access::Ability;
use shared::eligibility::{
    my_offer_item, AmountIs, Entitlement, Money, MoneyError, OfferArea, Payment, PersonFacts, Rule,
};
use shared::offer::{
    id_problem, is_updated, person_facts, search_score, AdminOffer, AdminOfferEntry, AreaInfo,
    Circumstances, CircumstancesUpdate, EntitlementChange, EntitlementDraft, MyOffer, MyOfferArea,
    MyOfferEntry, MyOfferSearch, OfferEntry, OfferSection, OfferSectionEntries, PublicOffer,
    RequestBrief, RequestStatus, DETAIL_MAX, MESSAGE_MAX, SEARCH_MAX, SUMMARY_MAX, TEXT_MAX,
    TITLE_MAX, UPDATED_WITHIN_DAYS,
};
use shared::people::AgeBand;
use std::collections::HashMap;

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

// ---------------------------------------------------------------------------
// The published offer
// ---------------------------------------------------------------------------

/// The whole offer of the council with this slug, as anyone may read it;
/// with `q`, only what matches, best first within each section, and the
/// section with the best match first.
pub async fn public_offer(
    db: &DatabaseConnection,
    slug: &str,
    q: Option<&str>,
) -> Result<PublicOffer, ApiError> {
    let c = councils::by_slug(db, slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let query = match q {
        Some(q) => Some(check_query(q)?),
        None => None,
    };
    let (sections, entries) = load(db, c.id, Utc::now()).await?;
    let mut out: Vec<(u32, OfferSectionEntries)> = Vec::with_capacity(sections.len());
    for s in &sections {
        let mut mine: Vec<(u32, OfferEntry)> = entries
            .iter()
            .filter(|(_, e)| e.section == s.slug)
            .filter_map(|(_, e)| match &query {
                Some(q) => search_score(e, q).map(|score| (score, e.clone())),
                None => Some((0, e.clone())),
            })
            .collect();
        if query.is_some() {
            if mine.is_empty() {
                continue;
            }
            mine.sort_by_key(|m| std::cmp::Reverse(m.0));
        }
        let best = mine.first().map_or(0, |m| m.0);
        out.push((
            best,
            OfferSectionEntries {
                id: s.slug.clone(),
                title: s.title.clone(),
                entries: mine.into_iter().map(|(_, e)| e).collect(),
            },
        ));
    }
    // With a search, the section with the best match comes first.
    out.sort_by_key(|(best, _)| std::cmp::Reverse(*best));
    Ok(PublicOffer {
        council: councils::to_council(c),
        sections: out.into_iter().map(|(_, s)| s).collect(),
        areas: OfferArea::ALL.into_iter().map(AreaInfo::of).collect(),
        query,
        updated_within_days: UPDATED_WITHIN_DAYS,
    })
}

// ---------------------------------------------------------------------------
// One young person's offer
// ---------------------------------------------------------------------------

pub async fn circumstances_of(
    db: &DatabaseConnection,
    yp_id: i32,
) -> Result<Circumstances, ApiError> {
    let Some(row) = circ_repo::for_young_person(db, yp_id).await? else {
        return Ok(Circumstances::default());
    };
    let by = match row.updated_by {
        Some(id) => repo::accounts(db, vec![id])
            .await?
            .remove(&id)
            .map(|a| a.display_name),
        None => None,
    };
    Ok(Circumstances {
        in_education: row.in_education,
        in_higher_education: row.in_higher_education,
        in_apprenticeship: row.in_apprenticeship,
        in_work: row.in_work,
        staying_put: row.staying_put,
        lives_in_borough: row.lives_in_borough,
        updated_at: Some(row.updated_at),
        updated_by: by,
    })
}

/// The facts the rules read about this young person today.
pub async fn facts_of(
    db: &DatabaseConnection,
    y: &crate::entities::young_person::Model,
    today: NaiveDate,
) -> Result<(PersonFacts, Circumstances), ApiError> {
    let episodes = people::episodes(db, y.id).await?;
    let c = circumstances_of(db, y.id).await?;
    Ok((person_facts(y.date_of_birth, &episodes, &c, today), c))
}

/// Their latest request about each entitlement (by row id).
async fn latest_requests(
    db: &DatabaseConnection,
    yp_id: i32,
) -> Result<HashMap<i32, RequestBrief>, ApiError> {
    let mut out = HashMap::new();
    // Newest first: the first one seen for an entitlement is its latest.
    for r in offer_requests::for_young_people(db, vec![yp_id], false, 1000).await? {
        if out.contains_key(&r.entitlement_id) {
            continue;
        }
        let Some(status) = RequestStatus::parse(&r.status) else {
            continue;
        };
        out.insert(
            r.entitlement_id,
            RequestBrief {
                id: r.public_id,
                status,
                status_text: status.plain().to_owned(),
                open: r.open_key.is_some(),
                updated_at: r.updated_at,
            },
        );
    }
    Ok(out)
}

/// "My offer": what applies now (by area), what is coming up (soonest
/// first), and what they have never asked about.
pub async fn my_offer(db: &DatabaseConnection, grant: &Grant) -> Result<MyOffer, ApiError> {
    let y = &grant.young_person;
    let now = Utc::now();
    let today = now.date_naive();
    let (facts, circumstances) = facts_of(db, y, today).await?;
    let (_, entries) = load(db, y.authority_id, now).await?;
    let mut requests = latest_requests(db, y.id).await?;
    let mut applies: Vec<MyOfferEntry> = Vec::new();
    let mut coming_up: Vec<MyOfferEntry> = Vec::new();
    for (row_id, entry) in entries {
        let item = my_offer_item(&entry.entitlement, &facts, today);
        let mine = MyOfferEntry {
            request: requests.remove(&row_id),
            for_me: item,
            entry,
        };
        if mine.for_me.applies {
            applies.push(mine);
        } else if mine.for_me.coming_up.is_some() {
            coming_up.push(mine);
        }
    }
    // Stable: entitlements coming up on the same day keep the offer's order.
    coming_up.sort_by_key(|m| m.for_me.coming_up);
    let not_claimed_yet = applies
        .iter()
        .filter(|m| m.request.is_none())
        .map(|m| m.entry.entitlement.id.clone())
        .collect();
    let areas = OfferArea::ALL
        .into_iter()
        .filter_map(|area| {
            let entries: Vec<MyOfferEntry> = applies
                .iter()
                .filter(|m| m.entry.entitlement.area == area)
                .cloned()
                .collect();
            (!entries.is_empty()).then(|| MyOfferArea {
                area,
                title: area.title().to_owned(),
                entries,
            })
        })
        .collect();
    Ok(MyOffer {
        young_person_id: y.public_id.clone(),
        age: facts.age_years,
        category: facts.category,
        circumstances,
        duty_phone: council(db, y.authority_id).await?.duty_phone,
        areas,
        coming_up,
        not_claimed_yet,
        updated_within_days: UPDATED_WITHIN_DAYS,
    })
}

/// Search the whole offer, each result saying whether it is for them.
pub async fn search_mine(
    db: &DatabaseConnection,
    grant: &Grant,
    q: &str,
) -> Result<MyOfferSearch, ApiError> {
    let query = check_query(q)?;
    let y = &grant.young_person;
    let now = Utc::now();
    let today = now.date_naive();
    let (facts, _) = facts_of(db, y, today).await?;
    let (_, entries) = load(db, y.authority_id, now).await?;
    let mut requests = latest_requests(db, y.id).await?;
    let mut hits: Vec<(u32, MyOfferEntry)> = entries
        .into_iter()
        .filter_map(|(row_id, entry)| {
            let score = search_score(&entry, &query)?;
            Some((
                score,
                MyOfferEntry {
                    request: requests.remove(&row_id),
                    for_me: my_offer_item(&entry.entitlement, &facts, today),
                    entry,
                },
            ))
        })
        .collect();
    // Best match first; among equals, what is for them now first.
    hits.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| b.1.for_me.applies.cmp(&a.1.for_me.applies))
    });
    Ok(MyOfferSearch {
        query,
        results: hits.into_iter().map(|(_, m)| m).collect(),
    })
}

/// Records a change of circumstances; the young person is told.
pub async fn update_circumstances(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    update: &CircumstancesUpdate,
) -> Result<Circumstances, ApiError> {
    if update.is_empty() {
        return Err(ApiError::bad_request(
            "Send at least one of in_education, in_higher_education, in_apprenticeship, in_work, staying_put or lives_in_borough.",
        ));
    }
    let y = &grant.young_person;
    let before = circumstances_of(db, y.id).await?;
    let mut after = update.apply(&before);
    // University is education too.
    if after.in_higher_education {
        after.in_education = true;
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    circ_repo::set(&txn, y.id, &after, Some(caller.account_id), now).await?;
    grant.record(&txn, caller, None).await?;
    let changed = Circumstances {
        updated_at: None,
        updated_by: None,
        ..before.clone()
    } != Circumstances {
        updated_at: None,
        updated_by: None,
        ..after.clone()
    };
    if let (true, Some(account_id)) = (changed, y.account_id) {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id,
                kind: "offer_circumstances",
                title: "You have an update",
                body: "Your worker updated what you are doing now (study, work or where you live). This can change what you can get from the local offer.",
                link: "/my/offer",
                urgent: false,
            },
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Circumstances {
        updated_at: Some(now),
        updated_by: Some(caller.display_name.clone()),
        ..after
    })
}

// ---------------------------------------------------------------------------
// Administrators' edits
// ---------------------------------------------------------------------------

const DRAFT_FIELDS: [&str; 16] = [
    "id",
    "section",
    "area",
    "title",
    "summary",
    "detail",
    "amount",
    "amount_is",
    "payment",
    "how_to_claim",
    "what_to_bring",
    "contact",
    "rule",
    "example_figures",
    "retired",
    "change_note",
];

fn missing(name: &str) -> ApiError {
    let what = match name {
        "section" => "Choose the section it is published under, such as your-home.",
        "area" => "Choose the area of the local offer, such as accommodation.",
        "title" => "Give this entitlement a title, such as \"Setting-up-home allowance\".",
        "summary" => "Write a short summary in plain words that a 16-year-old understands.",
        "payment" => "Say how it is paid: {\"kind\":\"once\"}, {\"kind\":\"yearly\"}, {\"kind\":\"not_money\"}, ...",
        "how_to_claim" => "Say how to get it: whom to ask and what happens next.",
        "contact" => "Give a contact: a team or a phone number.",
        "rule" => "Say who it is for, such as {\"kind\":\"everyone\"}.",
        _ => "This is needed.",
    };
    ApiError::validation(name, what)
}

fn field<T: DeserializeOwned>(
    obj: &mut Map<String, Value>,
    name: &str,
) -> Result<Option<T>, ApiError> {
    match obj.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => serde_json::from_value(v).map(Some).map_err(|e| {
            let lead = match name {
                "rule" => "This rule could not be read",
                "payment" => "How it is paid could not be read",
                _ => "This value is not right",
            };
            ApiError::validation(name, format!("{lead}: {e}."))
        }),
    }
}

fn required<T: DeserializeOwned>(obj: &mut Map<String, Value>, name: &str) -> Result<T, ApiError> {
    field(obj, name)?.ok_or_else(|| missing(name))
}

/// The amount: pence as a whole number, or pounds typed as text.
fn amount_field(obj: &mut Map<String, Value>) -> Result<Option<Money>, ApiError> {
    let wrong = || {
        ApiError::validation(
            "amount",
            "Send the amount in pence as a whole number, such as 300000 for £3,000, or in pounds as text, such as \"£3,000\".",
        )
    };
    match obj.remove("amount") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Money::parse(&s)
            .map(Some)
            .map_err(|e| ApiError::validation("amount", e.to_string())),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(p) if p < 0 => Err(ApiError::validation(
                "amount",
                MoneyError::Negative.to_string(),
            )),
            Some(p) => Ok(Some(Money::from_pence(p))),
            None => Err(wrong()),
        },
        Some(_) => Err(wrong()),
    }
}

/// Reads an administrator's entitlement, naming the field at fault in
/// every refusal (422), typing mistakes included.
pub fn parse_draft(body: Value) -> Result<EntitlementDraft, ApiError> {
    let Value::Object(mut obj) = body else {
        return Err(ApiError::bad_request(
            "Send the entitlement as a JSON object.",
        ));
    };
    if let Some(unknown) = obj.keys().find(|k| !DRAFT_FIELDS.contains(&k.as_str())) {
        return Err(ApiError::validation(
            unknown.clone(),
            format!("There is no field called \"{unknown}\". Check the spelling."),
        ));
    }
    let id: Option<String> = field(&mut obj, "id")?;
    let section: String = required(&mut obj, "section")?;
    let area: OfferArea = required(&mut obj, "area")?;
    let title: String = required(&mut obj, "title")?;
    let summary: String = required(&mut obj, "summary")?;
    let detail: String = field(&mut obj, "detail")?.unwrap_or_default();
    let amount = amount_field(&mut obj)?;
    let amount_is: AmountIs = field(&mut obj, "amount_is")?.unwrap_or_default();
    let payment: Payment = required(&mut obj, "payment")?;
    let how_to_claim: String = required(&mut obj, "how_to_claim")?;
    let what_to_bring: String = field(&mut obj, "what_to_bring")?.unwrap_or_default();
    let contact: String = required(&mut obj, "contact")?;
    let rule: Rule = required(&mut obj, "rule")?;
    Ok(EntitlementDraft {
        id,
        section,
        area,
        title,
        summary,
        detail,
        amount,
        amount_is,
        payment,
        how_to_claim,
        what_to_bring,
        contact,
        rule,
        example_figures: field(&mut obj, "example_figures")?.unwrap_or(false),
        retired: field(&mut obj, "retired")?.unwrap_or(false),
        change_note: field(&mut obj, "change_note")?,
    })
}

fn text(name: &str, value: &str, max: usize, needed: bool) -> Result<(), ApiError> {
    let v = value.trim();
    if needed && v.is_empty() {
        return Err(missing(name));
    }
    if v.chars().count() > max {
        return Err(ApiError::validation(
            name,
            format!("Keep this to {max} characters or fewer."),
        ));
    }
    Ok(())
}

/// Everything about a draft that does not need the database: texts, the
/// plain-language summary, amounts, the payment schedule and the rule
/// (`shared::eligibility::Entitlement::validate`, which names the path).
pub fn check_draft(d: &EntitlementDraft) -> Result<(), ApiError> {
    text("title", &d.title, TITLE_MAX, true)?;
    text("summary", &d.summary, SUMMARY_MAX, true)?;
    let plain = shared::plain_language::check(d.summary.trim(), AgeBand::From12To17);
    if !plain.passes {
        return Err(ApiError::validation(
            "summary",
            format!(
                "Write the summary so a 16-year-old understands it. {}",
                plain.issues.join(" ")
            ),
        ));
    }
    text("detail", &d.detail, DETAIL_MAX, false)?;
    text("how_to_claim", &d.how_to_claim, TEXT_MAX, true)?;
    text("what_to_bring", &d.what_to_bring, TEXT_MAX, false)?;
    text("contact", &d.contact, TEXT_MAX, true)?;
    if let Some(note) = &d.change_note {
        text("change_note", note, MESSAGE_MAX, false)?;
    }
    entitlement_from_draft(d)
        .validate()
        .map_err(|e| ApiError::validation(e.path, e.message))
}

fn section_id(sections: &[offer_section::Model], slug: &str) -> Result<i32, ApiError> {
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
