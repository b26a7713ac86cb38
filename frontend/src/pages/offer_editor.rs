//! Administrators: the council's local offer. A list of every entitlement
//! (retired ones too), a form to change one or add one, and each one's
//! history (who changed what, when, and what it said before). Young people
//! see "updated" on what changed.
//!
//! Who an entitlement is for is a rule written as JSON (see
//! `shared::eligibility::Rule`); the form reads it back in plain words as
//! it is typed, with the same checks the server makes, so a rule that could
//! never match is caught before it is sent.

use crate::api;
use crate::components::form::{act, ActionForm, Field, FieldError, Kind, Values};
use crate::hooks::{use_get, waiting};
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::eligibility::{self, AmountIs, Money, OfferArea, Payment, Rule};
use shared::endpoints as ep;
use shared::endpoints::offer::ChangesQuery;
use shared::limits::{
    DAYS_INPUT_MAX_CHARS, MONEY_INPUT_MAX_CHARS, OFFER_DETAIL_MAX, OFFER_ID_MAX, OFFER_MESSAGE_MAX,
    OFFER_SUMMARY_MAX, OFFER_TEXT_MAX, OFFER_TITLE_MAX, RULE_INPUT_MAX_CHARS,
};
use shared::offer::{AdminOffer, AdminOfferEntry, EntitlementChange, EntitlementDraft};
use yew::prelude::*;
use yew_router::prelude::*;

const ID: &str = "ent-id";
const SECTION: &str = "ent-section";
const AREA: &str = "ent-area";
const TITLE: &str = "ent-title";
const SUMMARY: &str = "ent-summary";
const DETAIL: &str = "ent-detail";
const AMOUNT: &str = "ent-amount";
const AMOUNT_IS: &str = "ent-amount-is";
const PAYMENT: &str = "ent-payment";
const COUNT: &str = "ent-count";
const EACH: &str = "ent-each";
const DAYS: &str = "ent-days";
const HOW: &str = "ent-how";
const BRING: &str = "ent-bring";
const CONTACT: &str = "ent-contact";
const RULE: &str = "ent-rule";
const RETIRED: &str = "ent-retired";
const NOTE: &str = "ent-note";

/// The list: every entitlement by the council's sections.
#[component]
pub fn OfferAdminPage() -> Html {
    let fetched = use_get(Some(ep::offer::AdminList::url()));
    let body = match &fetched.get() {
        Remote::Ready(offer) => html! {
            <>
                { for offer.sections.iter().map(|section| {
                    let entries: Vec<&AdminOfferEntry> = offer
                        .entitlements
                        .iter()
                        .filter(|e| e.entry.section == section.id)
                        .collect();
                    let heading = format!("section-{}", section.id);
                    html! {
                        <section aria-labelledby={heading.clone()} key={section.id.clone()}>
                            <h2 id={heading}>{ &section.title }</h2>
                            if entries.is_empty() {
                                <p class="muted">{ "Nothing in this section yet." }</p>
                            }
                            <ul class="staff-list">
                                { for entries.into_iter().map(admin_row) }
                            </ul>
                        </section>
                    }
                }) }
            </>
        },
        other => waiting(other, "the offer", &fetched.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "The local offer" }</h1>
            <p class="lead">
                { "Every entitlement young people can see. A change is kept as a new version, with who made \
                   it and what it said before, and young people see \"updated\" on it." }
            </p>
            <p>
                <Link<Route> to={Route::OfferNew} classes="button">{ "Add an entitlement" }</Link<Route>>
            </p>
            { body }
        </>
    }
}

fn admin_row(e: &AdminOfferEntry) -> Html {
    let ent = &e.entry.entitlement;
    let changed = match &e.changed_by {
        Some(who) => format!(
            "Version {}, changed {} by {who}",
            e.entry.version,
            words::when_now(e.changed_at)
        ),
        None => format!("Version {}, as first published", e.entry.version),
    };
    html! {
        <li key={ent.id.clone()} class={if e.retired { "staff-row staff-off" } else { "staff-row" }}>
            <p class="staff-name">
                <Link<Route> to={Route::OfferEdit { id: ent.id.clone() }}>{ &ent.title }</Link<Route>>
                if e.retired { { " (taken out of the offer)" } }
            </p>
            <p class="staff-meta">
                { e.entry.amount_text.clone().unwrap_or_else(|| "Not money.".to_string()) }
                { " " }{ eligibility::describe(&ent.rule) }
            </p>
            if e.example_to_edit {
                // Copied from the template: young people see it only once saved.
                <p class="staff-meta"><strong>{ "Example: check and edit before young people see it. Young people do not see it until you save it." }</strong></p>
            } else if e.entry.example_figures {
                <p class="staff-meta"><strong>{ "Example figure: check it and save to confirm." }</strong></p>
            }
            <p class="staff-meta">{ changed }</p>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct OfferEditProps {
    /// `None` to add a new entitlement.
    #[prop_or_default]
    pub id: Option<String>,
}

/// Change one entitlement (or add one), with its history below.
#[component]
pub fn OfferEditPage(props: &OfferEditProps) -> Html {
    let offer = use_get(Some(ep::offer::AdminList::url()));
    let history = use_get(props.id.as_ref().map(|id| {
        ep::offer::AdminChanges::url().query(&ChangesQuery {
            entitlement: Some(id.clone()),
        })
    }));
    let navigator = use_navigator();
    // The rule as last typed, read back in plain words under the box.
    let typed_rule = use_state(|| None::<String>);
    let saved = use_state(|| None::<String>);

    let offer_reload = offer.reload.clone();
    let (offer, changes) = match (offer.get(), history.list()) {
        (Remote::Ready(o), Remote::Ready(c)) => (o, c),
        (o, c) => {
            let retry = {
                let (a, b) = (offer.reload.clone(), history.reload.clone());
                Callback::from(move |()| {
                    a.emit(());
                    b.emit(());
                })
            };
            return waiting(&o, "the offer", &retry)
                .or_else(|| waiting(&c, "its history", &retry))
                .unwrap_or_default();
        }
    };
    // Newest first: the first change holds what is saved now.
    let current = changes.first().map(|c| c.after.clone());
    if props.id.is_some() && current.is_none() {
        return html! {
            <>
                <h1>{ "Entitlement not found" }</h1>
                <p><Link<Route> to={Route::OfferAdmin}>{ "Back to the offer" }</Link<Route>></p>
            </>
        };
    }

    let oninput = {
        let typed_rule = typed_rule.clone();
        Callback::from(move |e: InputEvent| {
            use wasm_bindgen::JsCast;
            if let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                if area.name() == RULE {
                    typed_rule.set(Some(area.value()));
                }
            }
        })
    };
    let rule_text = (*typed_rule).clone().unwrap_or_else(|| {
        current
            .as_ref()
            .and_then(|d| serde_json::to_string_pretty(&d.rule).ok())
            .unwrap_or_else(|| r#"{"kind": "age", "min": 18, "under": 25}"#.to_string())
    });
    let reading = match read_rule(&rule_text) {
        Ok(rule) => format!("Reads as: {}", eligibility::describe(&rule)),
        Err(problem) => format!("Not right yet: {problem}"),
    };

    // Copied from the template and not saved here yet: hidden from young
    // people until it is.
    let example = props.id.as_ref().is_some_and(|id| {
        offer
            .entitlements
            .iter()
            .any(|e| e.entry.entitlement.id == *id && e.example_to_edit)
    });
    let save = {
        let (id, navigator, saved, reload, reload_offer) = (
            props.id.clone(),
            navigator.clone(),
            saved.clone(),
            history.reload.clone(),
            offer_reload,
        );
        act(move |v| {
            let (id, navigator, saved, reload, reload_offer) = (
                id.clone(),
                navigator.clone(),
                saved.clone(),
                reload.clone(),
                reload_offer.clone(),
            );
            async move {
                let draft = draft_from(&v, id.is_none())?;
                let result = match &id {
                    Some(id) => api::replace_entitlement(id, &draft).await,
                    None => api::create_entitlement(&draft).await,
                };
                let entry = result.map_err(|err| vec![error_at(&err)])?;
                let ent = entry.entry.entitlement;
                saved.set(Some(format!(
                    "Saved \"{}\" as version {}.",
                    ent.title, entry.entry.version
                )));
                if id.is_none() {
                    if let Some(nav) = navigator {
                        nav.push(&Route::OfferEdit { id: ent.id });
                    }
                } else {
                    reload.emit(());
                    reload_offer.emit(());
                }
                Ok(())
            }
        })
    };

    let fields = form_fields(&offer, current.as_ref(), &rule_text, reading);
    let title = match &current {
        Some(d) => format!("Change: {}", d.title),
        None => "Add an entitlement".to_string(),
    };
    html! {
        <>
            <p><Link<Route> to={Route::OfferAdmin}>{ "Back to the offer" }</Link<Route>></p>
            <h1>{ title }</h1>
            if example {
                <p class="notice-info"><strong>{ "Example: check and edit before young people see it." }</strong>{ " This was copied from the template offer (another council's words and figures). Young people do not see it until you save it here." }</p>
            }
            <div role="status">
                if let Some(text) = &*saved {
                    <p class="notice-success">{ text }</p>
                }
            </div>
            <div {oninput}>
                <ActionForm
                    id="entitlement-form"
                    {fields}
                    submit={if props.id.is_some() { "Save a new version" } else { "Add to the offer" }}
                    busy="Saving…"
                    act={save}
                />
            </div>
            if !changes.is_empty() {
                <section aria-labelledby="history">
                    <h2 id="history">{ "History" }</h2>
                    <ol class="staff-list">
                        { for changes.iter().map(change_row) }
                    </ol>
                </section>
            }
        </>
    }
}

fn form_fields(
    offer: &AdminOffer,
    d: Option<&EntitlementDraft>,
    rule_text: &str,
    reading: String,
) -> Vec<Field> {
    let with = |f: Field, v: Option<String>| match v {
        Some(v) => f.value(v),
        None => f,
    };
    let text = |get: fn(&EntitlementDraft) -> &str| d.map(|d| get(d).to_string());
    let sections = offer
        .sections
        .iter()
        .map(|s| (s.id.clone().into(), s.title.clone().into()))
        .collect();
    let areas = offer
        .areas
        .iter()
        .map(|a| {
            (
                AttrValue::Static(a.area.as_str()),
                format!("{} ({})", a.title, a.statutory_name).into(),
            )
        })
        .collect();
    let (count, each, days) = match d.map(|d| &d.payment) {
        Some(Payment::Instalments {
            count,
            amount,
            days_in,
        }) => (
            Some(count.to_string()),
            Some(amount.to_string()),
            Some(
                days_in
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ),
        _ => (None, None, None),
    };
    let mut fields = Vec::new();
    if d.is_none() {
        fields.push(
            Field::new(ID, "Short name for links", Kind::Plain)
                .hint("Lower-case letters, digits and dashes, such as driving-lessons. It cannot change later.")
                .required("Give it a short name, such as driving-lessons.")
                .max(OFFER_ID_MAX as u32),
        );
    }
    fields.extend([
        with(
            Field::select(SECTION, "Section of the published offer", sections, None),
            text(|d| &d.section),
        ),
        with(
            Field::select(AREA, "Area the law names", areas, None),
            d.map(|d| d.area.as_str().to_string()),
        ),
        with(
            Field::new(TITLE, "Title", Kind::Text)
                .required("Give it a title, such as \"Setting-up-home allowance\".")
                .max(OFFER_TITLE_MAX as u32),
            text(|d| &d.title),
        ),
        with(
            Field::new(SUMMARY, "Summary in plain words", Kind::TextArea)
                .hint("One or two short sentences a 16-year-old understands.")
                .required("Write a short summary in plain words.")
                .max(OFFER_SUMMARY_MAX as u32),
            text(|d| &d.summary),
        ),
        with(
            Field::new(DETAIL, "Full detail (optional)", Kind::TextArea).max(OFFER_DETAIL_MAX as u32),
            text(|d| &d.detail),
        ),
        with(
            Field::new(AMOUNT, "Amount (optional)", Kind::Text)
                .hint("In pounds, such as £3,000. Leave it empty when it is not money or has no fixed amount.")
                .max(MONEY_INPUT_MAX_CHARS as u32),
            d.and_then(|d| d.amount).map(|m| m.to_string()),
        ),
        with(
            Field::select(
                AMOUNT_IS,
                "The amount is",
                vec![
                    ("exactly".into(), "Exactly this".into()),
                    ("up_to".into(), "Up to this".into()),
                    ("at_least".into(), "At least this".into()),
                ],
                None,
            ),
            d.map(|d| amount_is_value(d.amount_is).to_string()),
        ),
        with(
            Field::select(
                PAYMENT,
                "How it is paid",
                vec![
                    ("once".into(), "Once".into()),
                    ("instalments".into(), "In instalments".into()),
                    ("weekly".into(), "Every week".into()),
                    ("monthly".into(), "Every month".into()),
                    ("yearly".into(), "Once a year".into()),
                    ("not_money".into(), "Not money (a service or an exemption)".into()),
                ],
                None,
            ),
            d.map(|d| payment_value(&d.payment).to_string()),
        ),
        Field::note("Only for instalments:"),
        with(Field::new(COUNT, "Number of payments", Kind::Number), count),
        with(
            Field::new(EACH, "Each payment", Kind::Text)
                .hint("In pounds, such as £1,000.")
                .max(MONEY_INPUT_MAX_CHARS as u32),
            each,
        ),
        with(
            Field::new(DAYS, "Paid how many days in (optional)", Kind::Text)
                .hint("One number per payment, such as 60, 120, 300.")
                .max(DAYS_INPUT_MAX_CHARS as u32),
            days,
        ),
        with(
            Field::new(HOW, "How to claim it", Kind::TextArea)
                .hint("Whom to ask and what happens next.")
                .required("Say how to claim it.")
                .max(OFFER_TEXT_MAX as u32),
            text(|d| &d.how_to_claim),
        ),
        with(
            Field::new(BRING, "What to bring (optional)", Kind::TextArea).max(OFFER_TEXT_MAX as u32),
            text(|d| &d.what_to_bring),
        ),
        with(
            Field::new(CONTACT, "Contact", Kind::Text)
                .hint("A team and a phone number.")
                .required("Give a contact.")
                .max(OFFER_TEXT_MAX as u32),
            text(|d| &d.contact),
        ),
        Field::new(RULE, "Who it is for (a rule)", Kind::TextArea)
            .hint(
                "Kinds: everyone, age (min, under), category (any_of: eligible, relevant, \
                 former_relevant, qualifying), in_education, in_higher_education, in_apprenticeship, \
                 in_work, staying_put, lives_in_borough, looked_after_months (min), all, any, not.",
            )
            .required("Say who it is for.")
            .max(RULE_INPUT_MAX_CHARS as u32)
            .value(rule_text.to_string()),
        Field::note(reading),
        with(
            Field::select(
                RETIRED,
                "In the offer?",
                vec![
                    ("no".into(), "Yes, young people see it".into()),
                    ("yes".into(), "No, take it out (its history is kept)".into()),
                ],
                None,
            ),
            d.map(|d| if d.retired { "yes" } else { "no" }.to_string()),
        ),
        Field::new(NOTE, "Why it changed (optional, for the history)", Kind::Text).max(OFFER_MESSAGE_MAX as u32),
    ]);
    fields
}

fn amount_is_value(a: AmountIs) -> &'static str {
    match a {
        AmountIs::Exactly => "exactly",
        AmountIs::UpTo => "up_to",
        AmountIs::AtLeast => "at_least",
    }
}

fn payment_value(p: &Payment) -> &'static str {
    match p {
        Payment::Once => "once",
        Payment::Instalments { .. } => "instalments",
        Payment::Weekly => "weekly",
        Payment::Monthly => "monthly",
        Payment::Yearly => "yearly",
        Payment::NotMoney => "not_money",
    }
}

/// The rule as typed: JSON, then the same checks the server makes.
pub fn read_rule(text: &str) -> Result<Rule, String> {
    let rule: Rule =
        serde_json::from_str(text).map_err(|e| format!("this is not a rule yet ({e})."))?;
    eligibility::validate(&rule).map_err(|e| e.to_string())?;
    Ok(rule)
}

fn money(v: &Values, field: &'static str) -> Result<Option<Money>, Vec<FieldError>> {
    let typed = v.get(field);
    if typed.trim().is_empty() {
        return Ok(None);
    }
    Money::parse(&typed)
        .map(Some)
        .map_err(|e| vec![FieldError::at(field, e.to_string())])
}

/// The form as the API's body, or what to fix first.
fn draft_from(v: &Values, new: bool) -> Result<EntitlementDraft, Vec<FieldError>> {
    let rule = read_rule(&v.get(RULE)).map_err(|p| vec![FieldError::at(RULE, p)])?;
    let payment = match v.get(PAYMENT).as_str() {
        "instalments" => {
            let count = v
                .get(COUNT)
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|c| *c > 0)
                .ok_or_else(|| {
                    vec![FieldError::at(
                        COUNT,
                        "Give the number of payments, such as 3.",
                    )]
                })?;
            let amount = money(v, EACH)?
                .ok_or_else(|| vec![FieldError::at(EACH, "Give the amount of each payment.")])?;
            let days_in = v
                .get(DAYS)
                .split(',')
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(|d| d.parse::<u32>())
                .collect::<Result<Vec<u32>, _>>()
                .map_err(|_| {
                    vec![FieldError::at(
                        DAYS,
                        "Write whole numbers of days with commas, such as 60, 120, 300.",
                    )]
                })?;
            Payment::Instalments {
                count,
                amount,
                days_in,
            }
        }
        "weekly" => Payment::Weekly,
        "monthly" => Payment::Monthly,
        "yearly" => Payment::Yearly,
        "not_money" => Payment::NotMoney,
        _ => Payment::Once,
    };
    let optional = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(EntitlementDraft {
        id: new.then(|| v.get(ID).trim().to_string()),
        section: v.get(SECTION),
        area: OfferArea::parse(&v.get(AREA)).unwrap_or(OfferArea::Accommodation),
        title: v.get(TITLE).trim().to_string(),
        summary: v.get(SUMMARY).trim().to_string(),
        detail: v.get(DETAIL).trim().to_string(),
        amount: money(v, AMOUNT)?,
        amount_is: match v.get(AMOUNT_IS).as_str() {
            "up_to" => AmountIs::UpTo,
            "at_least" => AmountIs::AtLeast,
            _ => AmountIs::Exactly,
        },
        payment,
        how_to_claim: v.get(HOW).trim().to_string(),
        what_to_bring: v.get(BRING).trim().to_string(),
        contact: v.get(CONTACT).trim().to_string(),
        rule,
        example_figures: false,
        retired: v.get(RETIRED) == "yes",
        change_note: optional(v.get(NOTE)),
    })
}

/// The field the server's error names (`rule.rules[1].under` is the rule
/// box), so the summary links to it.
fn error_at(err: &api::ApiError) -> FieldError {
    let message = err.message();
    let field = err.field().unwrap_or("");
    let at = match field.split(['.', '[']).next().unwrap_or("") {
        "id" => Some(ID),
        "section" => Some(SECTION),
        "area" => Some(AREA),
        "title" => Some(TITLE),
        "summary" => Some(SUMMARY),
        "detail" => Some(DETAIL),
        "amount" => Some(AMOUNT),
        "amount_is" => Some(AMOUNT_IS),
        "payment" if field.contains("days_in") => Some(DAYS),
        "payment" if field.contains("amount") => Some(EACH),
        "payment" if field.contains("count") => Some(COUNT),
        "payment" => Some(PAYMENT),
        "how_to_claim" => Some(HOW),
        "what_to_bring" => Some(BRING),
        "contact" => Some(CONTACT),
        "rule" => Some(RULE),
        _ => None,
    };
    match at {
        Some(id) => FieldError::at(id, message),
        None => FieldError::form(message),
    }
}

fn change_row(c: &EntitlementChange) -> Html {
    let who = c
        .changed_by
        .clone()
        .unwrap_or_else(|| "first published".to_string());
    let what = if c.changed_fields.is_empty() {
        "Everything was new.".to_string()
    } else {
        format!(
            "Changed: {}.",
            c.changed_fields.join(", ").replace('_', " ")
        )
    };
    let before = c.before.as_ref().and_then(|b| {
        let mut parts = Vec::new();
        if b.amount != c.after.amount {
            let show = |m: Option<Money>| m.map(|m| m.to_string()).unwrap_or_else(|| "none".into());
            parts.push(format!("amount was {}", show(b.amount)));
        }
        if b.title != c.after.title {
            parts.push(format!("title was \"{}\"", b.title));
        }
        if b.rule != c.after.rule {
            parts.push(format!("rule was: {}", eligibility::describe(&b.rule)));
        }
        (!parts.is_empty()).then(|| format!("Before: {}.", parts.join("; ")))
    });
    html! {
        <li key={c.version}>
            <p class="staff-name"><strong>{ format!("Version {}", c.version) }</strong>
                { format!(", {} ({who})", words::when_now(c.changed_at)) }</p>
            <p class="staff-meta">{ what }</p>
            if let Some(before) = before { <p class="staff-meta">{ before }</p> }
            if let Some(note) = &c.note { <p class="staff-meta">{ format!("Why: {note}") }</p> }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_is_read_back_or_the_problem_named() {
        assert!(read_rule(r#"{"kind":"age","min":18,"under":25}"#).is_ok());
        let bad = read_rule(r#"{"kind":"age","min":25,"under":18}"#);
        assert!(bad.is_err(), "a rule that can never match is refused");
        let typo = read_rule(r#"{"kind":"age","max":18}"#);
        assert!(typo.unwrap_err().contains("not a rule yet"));
    }
}
