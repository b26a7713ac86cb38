//! Reading and checking an administrator's draft of an entitlement: every
//! field present, amounts that add up, plain language.

use super::entitlement_from_draft;
use crate::error::ApiError;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use shared::eligibility::{AmountIs, Money, MoneyError, OfferArea, Payment, Rule};
use shared::offer::{EntitlementDraft, DETAIL_MAX, MESSAGE_MAX, SUMMARY_MAX, TEXT_MAX, TITLE_MAX};
use shared::people::AgeBand;

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
