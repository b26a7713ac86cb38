//! The local offer: "My offer" for a young person (what is for them now, by
//! area, with amounts; what is coming up and when; "Ask about this" and how
//! each request is going) and the council's whole offer for anyone.
//!
//! Search runs in the browser over what is already loaded, with the same
//! scoring as the server (`shared::offer::search_score`), so it answers as
//! the person types, even offline.
//!
//! The pages read the API's replies into the lean types of [`view`]: the
//! same JSON as the `shared::offer` bodies, without the parts no screen
//! shows (the eligibility rules, the payment schedule), whose decoders would
//! add a lot to the download.

use crate::api;
use crate::clock;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, Kind};
use crate::components::help_panel::support_box;
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::route::Route;
use crate::state::{use_app, Remote, Session};
use crate::text::{raw_t, tel_href};
use crate::words;
use shared::access::Relationship;
use shared::endpoints as ep;
use shared::limits::{OFFER_MESSAGE_MAX, OFFER_SEARCH_MAX};
use shared::offer::{search_score, NewOfferRequest, OfferRequestView, RequestStatus};
use shared::people::Role;
use shared::reviews::SupportMessage;
use view::{Entry, MyOfferEntry};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::Routable;

const SEARCH: &str = "offer-search";
const MESSAGE: &str = "offer-ask-message";
const REQUESTS_HEADING: &str = "my-requests";

/// The search box; `query` holds what is typed.
fn search_box(query: &UseStateHandle<Option<String>>, label: &str, found: Option<usize>) -> Html {
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                query.set(Some(input.value()));
            }
        })
    };
    let q = query.as_deref().unwrap_or_default().trim();
    html! {
        <div class="search" role="search">
            <label class="label" for={SEARCH}>{ label.to_string() }</label>
            <p class="field-hint" id="offer-search-hint">{ t("offer-search-hint") }</p>
            <input
                id={SEARCH}
                class="input"
                type="search"
                autocomplete="off"
                maxlength={OFFER_SEARCH_MAX.to_string()}
                aria-describedby="offer-search-hint"
                value={query.as_deref().unwrap_or_default().to_string()}
                {oninput}
            />
            <p class="search-count" role="status">
                { match found {
                    Some(0) => tf("offer-search-none", &[("q", q)]),
                    Some(1) => tf("offer-search-one", &[("q", q)]),
                    Some(n) => tf("offer-search-many", &[("n", &n.to_string()), ("q", q)]),
                    None => String::new(),
                } }
            </p>
        </div>
    }
}

/// The lean bodies the offer pages decode (see the module's notes).
pub mod view {
    use crate::hooks::LeanOf;
    use chrono::{DateTime, NaiveDate, Utc};
    use serde::Deserialize;
    use shared::api::Council;
    use shared::eligibility::{AmountIs, Entitlement, OfferArea, Payment, Reason, Rule};
    use shared::endpoints as ep;
    use shared::offer::{OfferEntry, RequestStatus};

    /// `shared::offer::OfferEntry` (with its entitlement's fields, which the
    /// API writes at the same level).
    #[derive(Debug, Clone, PartialEq, Deserialize)]
    pub struct Entry {
        pub id: String,
        pub title: String,
        pub summary: String,
        pub detail: String,
        pub how_to_claim: String,
        pub contact: String,
        pub section_title: String,
        pub area_title: String,
        pub what_to_bring: String,
        #[serde(default)]
        pub amount_text: Option<String>,
        pub updated: bool,
        #[serde(default)]
        pub update_note: Option<String>,
    }

    impl Entry {
        /// As the shared search reads it (it looks only at the words).
        pub fn for_search(&self) -> OfferEntry {
            OfferEntry {
                entitlement: Entitlement {
                    id: self.id.clone(),
                    area: OfferArea::HealthAndWellbeing,
                    title: self.title.clone(),
                    summary: self.summary.clone(),
                    detail: self.detail.clone(),
                    amount: None,
                    amount_is: AmountIs::Exactly,
                    payment: Payment::NotMoney,
                    how_to_claim: self.how_to_claim.clone(),
                    contact: self.contact.clone(),
                    rule: Rule::Everyone,
                    updated_at: None,
                },
                section: String::new(),
                section_title: self.section_title.clone(),
                area_title: self.area_title.clone(),
                what_to_bring: self.what_to_bring.clone(),
                amount_text: None,
                example_figures: false,
                version: 1,
                updated: false,
                update_note: None,
            }
        }
    }

    /// `shared::eligibility::MyOfferItem`.
    #[derive(Debug, Clone, PartialEq, Deserialize)]
    pub struct ForMe {
        pub applies: bool,
        pub reasons: Vec<Reason>,
        #[serde(default)]
        pub coming_up: Option<NaiveDate>,
        #[serde(default)]
        pub coming_up_note: Option<String>,
    }

    /// `shared::offer::RequestBrief`.
    #[derive(Debug, Clone, PartialEq, Deserialize)]
    pub struct Brief {
        pub status: RequestStatus,
        pub status_text: String,
        pub open: bool,
        pub updated_at: DateTime<Utc>,
    }

    /// `shared::offer::MyOfferEntry`.
    #[derive(Debug, Clone, PartialEq, Deserialize)]
    pub struct MyOfferEntry {
        pub entry: Entry,
        pub for_me: ForMe,
        #[serde(default)]
        pub request: Option<Brief>,
    }

    /// `shared::offer::MyOfferArea`.
    #[derive(Debug, Clone, PartialEq, Deserialize)]
    pub struct Area {
        pub area: OfferArea,
        pub title: String,
        pub entries: Vec<MyOfferEntry>,
    }

    /// `shared::offer::MyOffer`.
    #[derive(Debug, Clone, PartialEq, Deserialize)]
    pub struct MyOffer {
        pub age: u32,
        pub duty_phone: String,
        pub areas: Vec<Area>,
        pub coming_up: Vec<MyOfferEntry>,
        pub not_claimed_yet: Vec<String>,
    }

    /// `shared::offer::OfferSectionEntries`.
    #[derive(Debug, Clone, PartialEq, Deserialize)]
    pub struct Section {
        pub id: String,
        pub title: String,
        pub entries: Vec<Entry>,
    }

    /// `shared::offer::PublicOffer`.
    #[derive(Debug, Clone, PartialEq, Deserialize)]
    pub struct PublicOffer {
        pub council: Council,
        pub sections: Vec<Section>,
    }

    impl LeanOf<ep::offer::MyOffer> for MyOffer {}
    impl LeanOf<ep::offer::PublicOffer> for PublicOffer {}
}

/// Entries matching `query`, best first.
fn matches<'a, T>(
    all: impl Iterator<Item = &'a T>,
    entry: impl Fn(&T) -> &Entry,
    query: &str,
) -> Vec<&'a T>
where
    T: 'a,
{
    // Best first, ties in page order. A few dozen entries: placing each one
    // by hand downloads far less than a general sort.
    let mut hits: Vec<(u32, &T)> = Vec::new();
    for e in all {
        if let Some(score) = search_score(&entry(e).for_search(), query) {
            let at = hits.iter().position(|h| h.0 < score).unwrap_or(hits.len());
            hits.insert(at, (score, e));
        }
    }
    hits.into_iter().map(|(_, e)| e).collect()
}

/// One entitlement: its title (a heading of `level`), amount, summary, and
/// the rest behind "More about this". On "My offer", `marks` (under the
/// title), `more` (inside "More about this") and `after` (at the end) add
/// what is only about this young person.
fn entry_card(e: &Entry, level: &'static str, marks: Html, more: Html, after: Html) -> Html {
    let ent = e;
    html! {
        <li key={ent.id.clone()} class="card offer-item">
            <@{level} class="card-title">{ &ent.title }</@>
            if e.updated {
                <p><span class="tag tag-changed">{ t("offer-updated") }</span></p>
            }
            { marks }
            if let Some(amount) = &e.amount_text {
                <p class="offer-amount">{ amount }</p>
            }
            <p>{ &ent.summary }</p>
            if let (true, Some(note)) = (e.updated, &e.update_note) {
                <p class="small">{ tf("offer-what-changed", &[("note", note)]) }</p>
            }
            <details class="disclosure">
                <summary>
                    { t("offer-more") }
                    <span class="visually-hidden">{ format!(": {}", ent.title) }</span>
                </summary>
                if !ent.detail.is_empty() {
                    <p>{ &ent.detail }</p>
                }
                { more }
                if !ent.how_to_claim.is_empty() {
                    <p><strong>{ t("offer-how-to-get") }</strong>{ " " }{ &ent.how_to_claim }</p>
                }
                if !e.what_to_bring.is_empty() {
                    <p><strong>{ t("offer-what-to-bring") }</strong>{ " " }{ &e.what_to_bring }</p>
                }
                if !ent.contact.is_empty() {
                    <p><strong>{ t("offer-who-to-ask") }</strong>{ " " }{ &ent.contact }</p>
                }
            </details>
            { after }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct MyOfferProps {
    /// Open at "What I have asked about" (from a notification).
    #[prop_or_default]
    pub requests: bool,
}

#[component]
pub fn MyOfferPage(props: &MyOfferProps) -> Html {
    let offer = use_get(Some(ep::offer::MyOffer::url()));
    let requests = use_get(Some(ep::offer::MyRequests::url()));
    {
        // Once both have loaded, go to what I have asked about.
        let ready = props.requests && offer.is_ready() && requests.is_ready();
        use_effect_with(ready, |ready| {
            if *ready {
                focus_soon(REQUESTS_HEADING.to_string());
            }
        });
    }
    let query = use_state(|| None::<String>);
    // The entitlement whose "Ask about this" form is open.
    let asking = use_state(|| None::<String>);
    // What was sent, and help when the message suggested harm.
    let sent = use_state(|| None::<(String, Option<SupportMessage>)>);

    let offer_data = offer.lean::<view::MyOffer>();
    let Remote::Ready(mine) = &offer_data else {
        return html! {
            <>
                <h1>{ t("offer-my-title") }</h1>
                { waiting(&offer_data, &t("offer-loading"), &offer.reload).unwrap_or_default() }
            </>
        };
    };
    let request_list = requests.list();

    let card = |m: &MyOfferEntry, level: &'static str| {
        let id = m.entry.id.clone();
        let title = m.entry.title.clone();
        let open_request = m.request.as_ref().filter(|r| r.open);
        let marks = html! {
            <>
                if let Some(r) = &m.request {
                    <p><span class={classes!("tag", status_class(r.status))}>{ tf("offer-you-asked-status", &[("status", &status_words(r.status))]) }</span></p>
                } else if m.for_me.applies && mine.not_claimed_yet.contains(&id) {
                    <p><span class="tag tag-quiet">{ t("offer-not-claimed") }</span></p>
                }
                if let Some(note) = &m.for_me.coming_up_note {
                    <p><strong>{ note }</strong></p>
                }
            </>
        };
        let more = if m.for_me.reasons.is_empty() {
            html! {}
        } else {
            html! {
                <>
                    <p><strong>{ t(if m.for_me.applies { "offer-why-for-you" } else { "offer-who-for" }) }</strong></p>
                    <ul class="reasons">
                        { for m.for_me.reasons.iter().map(|r| html! {
                            <li class={if r.met { "reason-met" } else { "reason-not-met" }}>
                                <span class="visually-hidden">{ t(if r.met { "offer-reason-yes" } else { "offer-reason-not-yet" }) }{ " " }</span>
                                { &r.text }
                            </li>
                        }) }
                    </ul>
                </>
            }
        };
        let button_id = format!("ask-{id}");
        let after = if !m.for_me.applies || open_request.is_some() {
            html! {}
        } else if asking.as_deref() == Some(id.as_str()) {
            let send = {
                let (asking, sent, reload_offer, reload_requests, id, title) = (
                    asking.clone(),
                    sent.clone(),
                    offer.reload.clone(),
                    requests.reload.clone(),
                    id.clone(),
                    title.clone(),
                );
                act(move |v| {
                    let (asking, sent, reload_offer, reload_requests, id, title) = (
                        asking.clone(),
                        sent.clone(),
                        reload_offer.clone(),
                        reload_requests.clone(),
                        id.clone(),
                        title.clone(),
                    );
                    async move {
                        let message = v.get(MESSAGE);
                        let body = NewOfferRequest {
                            entitlement_id: id,
                            message: Some(message.trim().to_string()).filter(|m| !m.is_empty()),
                        };
                        let view = api::ask_about_offer(&body)
                            .await
                            .map_err(|err| errors_from(&err, &[("message", MESSAGE)]))?;
                        asking.set(None);
                        sent.set(Some((tf("offer-sent", &[("title", &title)]), view.support)));
                        reload_offer.emit(());
                        reload_requests.emit(());
                        focus_soon(REQUESTS_HEADING.to_string());
                        Ok(())
                    }
                })
            };
            let cancel = {
                let (asking, button_id) = (asking.clone(), button_id.clone());
                Callback::from(move |_| {
                    asking.set(None);
                    focus_soon(button_id.clone());
                })
            };
            html! {
                <div class="ask-box">
                    <ActionForm
                        id="offer-ask-form"
                        fields={vec![
                            Field::new(MESSAGE, t("offer-ask-add"), Kind::TextArea)
                                .hint(t("offer-ask-hint"))
                                .max(OFFER_MESSAGE_MAX as u32),
                        ]}
                        submit={tf("offer-ask-send", &[("title", &title)])}
                        busy={t("sending")}
                        act={send}
                    />
                    <button type="button" class="button button-secondary" onclick={cancel}>{ t("cancel") }</button>
                </div>
            }
        } else {
            let onclick = {
                let (asking, sent, id) = (asking.clone(), sent.clone(), id.clone());
                Callback::from(move |_| {
                    sent.set(None);
                    asking.set(Some(id.clone()));
                    focus_soon(MESSAGE.to_string());
                })
            };
            html! {
                <button type="button" id={button_id} class="button button-secondary" aria-expanded="false" {onclick}>
                    { t("offer-ask") }
                    <span class="visually-hidden">{ format!(": {title}") }</span>
                </button>
            }
        };
        entry_card(&m.entry, level, marks, more, after)
    };

    let q = query.as_deref().unwrap_or_default().trim().to_string();
    let everything = mine
        .areas
        .iter()
        .flat_map(|a| a.entries.iter())
        .chain(mine.coming_up.iter());
    let found = (!q.is_empty()).then(|| matches(everything, |m| &m.entry, &q));

    let body = match &found {
        Some(hits) => html! {
            <section aria-labelledby="results">
                <h2 id="results">{ t("offer-found") }</h2>
                <ul class="cards">{ for hits.iter().map(|m| card(m, "h3")) }</ul>
            </section>
        },
        None => {
            let today = clock::now().date_naive();
            // Coming up, grouped by the birthday it starts on.
            let mut groups: Vec<(u32, Vec<&MyOfferEntry>)> = Vec::new();
            for m in &mine.coming_up {
                let age = m
                    .for_me
                    .coming_up
                    .map_or(mine.age + 1, |d| words::age_on_birthday(mine.age, today, d));
                match groups.iter_mut().find(|(a, _)| *a == age) {
                    Some((_, list)) => list.push(m),
                    None => groups.push((age, vec![m])),
                }
            }
            html! {
                <>
                    { for mine.areas.iter().map(|a| {
                        let heading = format!("area-{}", a.area.as_str());
                        html! {
                            <section key={a.area.as_str()} aria-labelledby={heading.clone()}>
                                <h2 id={heading}>{ area_title(a.area) }</h2>
                                <ul class="cards">{ for a.entries.iter().map(|m| card(m, "h3")) }</ul>
                            </section>
                        }
                    }) }
                    if !groups.is_empty() {
                        <section aria-labelledby="coming-up">
                            <h2 id="coming-up">{ t("offer-coming-up") }</h2>
                            <p>{ t("offer-coming-up-text") }</p>
                            { for groups.iter().map(|(age, list)| html! {
                                <>
                                    <h3>{ tf("offer-coming-up-at", &[("age", &age.to_string())]) }</h3>
                                    <ul class="cards">{ for list.iter().map(|m| card(m, "h4")) }</ul>
                                </>
                            }) }
                        </section>
                    }
                </>
            }
        }
    };

    html! {
        <>
            <h1>{ t("offer-my-title") }</h1>
            <p class="lead">{ t("offer-my-lead") }</p>
            { search_box(&query, &t("offer-search-mine"), found.as_ref().map(Vec::len)) }
            <div role="status">
                if let Some((text, _)) = &*sent {
                    <p class="notice-success">{ text }</p>
                }
            </div>
            if let Some(support) = sent.as_ref().and_then(|(_, s)| s.as_ref()) {
                { support_box(support) }
            }
            { my_requests(&request_list, &requests.reload) }
            { body }
            { duty_desk(&mine.duty_phone) }
        </>
    }
}

/// A request's state, said to the young person.
fn status_words(status: RequestStatus) -> String {
    t(match status {
        RequestStatus::Asked => "offer-status-asked",
        RequestStatus::InProgress => "offer-status-in-progress",
        RequestStatus::Agreed => "offer-status-agreed",
        RequestStatus::Paid => "offer-status-paid",
        RequestStatus::TurnedDown => "offer-status-turned-down",
    })
}

/// An area of the offer, as the young person reads it.
fn area_title(area: shared::eligibility::OfferArea) -> String {
    use shared::eligibility::OfferArea as A;
    t(match area {
        A::HealthAndWellbeing => "offer-area-health",
        A::Relationships => "offer-area-relationships",
        A::EducationAndTraining => "offer-area-education",
        A::Employment => "offer-area-work",
        A::Accommodation => "offer-area-home",
        A::ParticipationInSociety => "offer-area-joining-in",
        A::FinancialLiteracy => "offer-area-money",
    })
}

fn status_class(status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Agreed | RequestStatus::Paid => "tag-good",
        RequestStatus::TurnedDown => "tag-bad",
        RequestStatus::Asked | RequestStatus::InProgress => "tag-quiet",
    }
}

fn duty_desk(phone: &str) -> Html {
    if phone.is_empty() {
        return html! {};
    }
    html! {
        <p class="small">
            { t("offer-questions") }{ " " }
            if let Some(href) = tel_href(phone) {
                <a href={href} dir="ltr">{ phone.to_string() }</a>
            } else {
                <span dir="ltr">{ phone.to_string() }</span>
            }
            { t("full-stop") }
        </p>
    }
}

/// "What I have asked about": each request and where it has got to.
fn my_requests(list: &Remote<Vec<OfferRequestView>>, reload: &Callback<()>) -> Html {
    let body = match list {
        Remote::Ready(list) if list.is_empty() => html! {
            <p>{ t("offer-nothing-asked") }</p>
        },
        Remote::Ready(list) => html! {
            <ul class="cards">
                { for list.iter().map(|r| {
                    let by = r.history.iter().rev().find_map(|e| e.by.clone());
                    let to = t(match r.sent_to {
                        Relationship::PersonalAdviser => "offer-to-personal-adviser",
                        _ => "offer-to-social-worker",
                    });
                    html! {
                        <li key={r.id.clone()} class="card">
                            <p class="card-title">{ &r.entitlement_title }</p>
                            if let Some(amount) = &r.amount_text {
                                <p>{ amount }</p>
                            }
                            <p><span class={classes!("tag", status_class(r.status))}>{ status_words(r.status) }</span></p>
                            if let Some(m) = &r.message {
                                <p>{ t("plan-you-wrote") }{ " " }<q>{ m }</q></p>
                            }
                            if let Some(answer) = &r.answer {
                                <p>
                                    <strong>{ if r.status == RequestStatus::TurnedDown {
                                        tf("offer-why-from", &[("name", &by.clone().unwrap_or_else(|| t("offer-your-worker-lower")))])
                                    } else {
                                        tf("offer-said", &[("name", &by.clone().unwrap_or_else(|| t("plan-your-worker")))])
                                    } }</strong>
                                    { " " }<q>{ answer }</q>
                                </p>
                            }
                            <p class="muted small">
                                { tf("offer-request-when", &[("asked", &words::when_now(r.created_at)), ("to", &to), ("changed", &words::when_now(r.updated_at))]) }
                            </p>
                        </li>
                    }
                }) }
            </ul>
        },
        other => waiting(other, &t("offer-loading-requests"), reload).unwrap_or_default(),
    };
    html! {
        <section aria-labelledby="my-requests">
            <h2 id={REQUESTS_HEADING} tabindex="-1">{ t("offer-asked-about") }</h2>
            { body }
        </section>
    }
}

/// The council's whole published offer, for anyone, signed in or not.
#[component]
pub fn OfferPage() -> Html {
    let app = use_app();
    let query = use_state(|| None::<String>);
    let slug = match &app.council {
        Remote::Ready(Some(c)) => Some(c.slug.clone()),
        _ => None,
    };
    let offer = use_get(slug.as_deref().map(ep::offer::PublicOffer::url));
    let young = matches!(&app.session, Session::SignedIn(me) if me.role == Role::YoungPerson);
    let signed_out = matches!(app.session, Session::SignedOut);

    let data = match &app.council {
        Remote::Ready(None) => Remote::Ready(None),
        Remote::Failed(err) => Remote::Failed(err.clone()),
        Remote::Loading => Remote::Loading,
        Remote::Ready(Some(_)) => offer.lean_maybe::<view::PublicOffer>(),
    };
    let q = query.as_deref().unwrap_or_default().trim().to_string();
    let (body, found) = match &data {
        Remote::Ready(Some(o)) => {
            let card = |e: &Entry, level| entry_card(e, level, html! {}, html! {}, html! {});
            if q.is_empty() {
                (
                    html! {
                        <>
                            { for o.sections.iter().map(|s| {
                                let heading = format!("section-{}", s.id);
                                html! {
                                    <section key={s.id.clone()} aria-labelledby={heading.clone()}>
                                        <h2 id={heading}>{ &s.title }</h2>
                                        <ul class="cards">{ for s.entries.iter().map(|e| card(e, "h3")) }</ul>
                                    </section>
                                }
                            }) }
                            { duty_desk(&o.council.duty_phone) }
                        </>
                    },
                    None,
                )
            } else {
                let hits = matches(o.sections.iter().flat_map(|s| s.entries.iter()), |e| e, &q);
                (
                    html! {
                        <section aria-labelledby="results">
                            <h2 id="results">{ t("offer-found") }</h2>
                            <ul class="cards">{ for hits.iter().map(|e| card(e, "h3")) }</ul>
                        </section>
                    },
                    Some(hits.len()),
                )
            }
        }
        Remote::Ready(None) => (html! { <p>{ t("offer-no-council") }</p> }, None),
        other => (
            waiting(other, &t("offer-loading-public"), &offer.reload).unwrap_or_default(),
            None,
        ),
    };
    let council = match &data {
        Remote::Ready(Some(o)) => o.council.name.clone(),
        _ => t("offer-the-council"),
    };
    html! {
        <>
            <h1>{ t("offer-public-title") }</h1>
            <p class="lead">{ tf("offer-public-lead", &[("council", &council)]) }</p>
            if young {
                <p><a class="button button-secondary" href={Route::MyOffer.to_path()}>{ t("offer-see-mine") }</a></p>
            } else if signed_out {
                { raw_t("offer-sign-in-html") }
            }
            if matches!(data, Remote::Ready(Some(_))) {
                { search_box(&query, &t("offer-search-public"), found) }
            }
            { body }
        </>
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::view;
    use chrono::NaiveDate;
    use shared::eligibility::{
        AmountIs, Entitlement, Money, MyOfferItem, OfferArea, Payment, Reason, Rule,
    };
    use shared::offer::{
        Circumstances, MyOffer, MyOfferArea, MyOfferEntry, OfferEntry, RequestBrief, RequestStatus,
    };
    use shared::people::CareLeaverCategory;

    fn entry(id: &str, title: &str) -> OfferEntry {
        OfferEntry {
            entitlement: Entitlement {
                id: id.into(),
                area: OfferArea::EducationAndTraining,
                title: title.into(),
                summary: "£2,000 to help you at university.".into(),
                detail: "Paid in parts.".into(),
                amount: Some(Money::from_pounds(2000)),
                amount_is: AmountIs::Exactly,
                payment: Payment::Instalments {
                    count: 2,
                    amount: Money::from_pounds(1000),
                    days_in: vec![10, 100],
                },
                how_to_claim: "Ask your personal adviser.".into(),
                contact: "020 8303 7777".into(),
                rule: Rule::All {
                    rules: vec![Rule::InHigherEducation, Rule::Everyone],
                },
                updated_at: NaiveDate::from_ymd_opt(2026, 11, 1),
            },
            section: "education".into(),
            section_title: "Education".into(),
            area_title: "Education and training".into(),
            what_to_bring: "Your offer letter.".into(),
            amount_text: Some("£2,000, paid once.".into()),
            example_figures: false,
            version: 2,
            updated: true,
            update_note: Some("The amount changed from £1,500 to £2,000.".into()),
        }
    }

    #[test]
    fn the_lean_offer_reads_what_the_api_sends() {
        let mine = MyOfferEntry {
            entry: entry("he-bursary", "Higher education bursary"),
            for_me: MyOfferItem {
                entitlement_id: "he-bursary".into(),
                applies: true,
                reasons: vec![Reason {
                    met: true,
                    text: "You are at university.".into(),
                }],
                coming_up: None,
                coming_up_note: None,
            },
            request: Some(RequestBrief {
                id: "r1".into(),
                status: RequestStatus::InProgress,
                status_text: "Being looked at".into(),
                open: true,
                updated_at: chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            }),
        };
        let offer = MyOffer {
            young_person_id: "y".into(),
            age: 19,
            category: CareLeaverCategory::FormerRelevant,
            circumstances: Circumstances::default(),
            duty_phone: "020 8303 7777".into(),
            areas: vec![MyOfferArea {
                area: OfferArea::EducationAndTraining,
                title: "Education and training".into(),
                entries: vec![mine],
            }],
            coming_up: vec![],
            not_claimed_yet: vec!["he-bursary".into()],
            updated_within_days: 30,
        };
        let json = serde_json::to_string(&offer).unwrap();
        let lean: view::MyOffer = serde_json::from_str(&json).unwrap();
        let e = &lean.areas[0].entries[0];
        assert_eq!(e.entry.title, "Higher education bursary");
        assert_eq!(e.entry.amount_text.as_deref(), Some("£2,000, paid once."));
        assert!(e.entry.updated && e.for_me.applies);
        assert_eq!(
            e.request.as_ref().map(|r| r.status),
            Some(RequestStatus::InProgress)
        );
        assert_eq!(lean.age, 19);
        assert_eq!(lean.not_claimed_yet, vec!["he-bursary".to_string()]);
    }

    #[test]
    fn search_puts_the_best_first_and_keeps_page_order_for_ties() {
        let lean = |id: &str, title: &str| -> view::Entry {
            serde_json::from_str(&serde_json::to_string(&entry(id, title)).unwrap()).unwrap()
        };
        let list = [
            lean("a", "Help at university"),
            lean("b", "Bus travel"),
            lean("c", "Bus pass"),
        ];
        let found = super::matches(list.iter(), |e| e, "bus");
        let ids: Vec<&str> = found.iter().map(|e| e.id.as_str()).collect();
        // "bus" is in the title of b and c (page order kept); nowhere in a.
        assert_eq!(ids, vec!["b", "c"]);
        let found = super::matches(list.iter(), |e| e, "university");
        assert_eq!(found.first().map(|e| e.id.as_str()), Some("a"));
    }

    #[test]
    fn search_on_the_lean_entry_scores_like_the_server() {
        let full = entry("he-bursary", "Higher education bursary");
        let lean: view::Entry =
            serde_json::from_str(&serde_json::to_string(&full).unwrap()).unwrap();
        for q in ["bursary", "uni", "money", "offer letter", "bus"] {
            assert_eq!(
                shared::offer::search_score(&lean.for_search(), q),
                shared::offer::search_score(&full, q),
                "{q}"
            );
        }
    }
}
