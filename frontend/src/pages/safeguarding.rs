//! Staff: safeguarding alerts raised by words that suggest a young person
//! may be at risk (in their views before a review, or in asking for an
//! earlier one). Each stays open until someone records what was done.

use crate::api;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, Kind};
use crate::hooks::{use_get, waiting};
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::endpoints as ep;
use shared::endpoints::feedback::AlertsQuery;
use shared::limits::REVIEW_MESSAGE_MAX;
use shared::reviews::{AlertResponse, AlertRoute, AlertView};
use yew::prelude::*;
use yew_router::Routable;

const RESPONSE: &str = "alert-response";

/// Where the words came from, for staff.
pub fn source_words(source: &str) -> &'static str {
    match source {
        "feedback" => "In their views before a review",
        "review_request" => "In asking for an earlier review",
        "offer_request" => "In a request about the local offer",
        "plan_question" => "In a question about their plan",
        _ => "In something they wrote",
    }
}

#[component]
pub fn AlertsPage() -> Html {
    let all = use_state(|| false);
    let data = use_get(Some(ep::feedback::Alerts::url().query(&AlertsQuery {
        all: all.then_some(true),
    })));
    // The alert whose response form is open.
    let responding = use_state(|| None::<String>);
    let done = use_state(|| None::<String>);
    let toggle_all = {
        let all = all.clone();
        Callback::from(move |_| all.set(!*all))
    };
    let body = match data.list() {
        Remote::Ready(list) if list.is_empty() => html! {
            <p>{ if *all { "There are no alerts." } else { "There are no open alerts. Every alert has a response." } }</p>
        },
        Remote::Ready(list) => html! {
            <ul class="cards">
                { for list.iter().map(|a| alert(a, &responding, &done, &data.reload)) }
            </ul>
        },
        other => waiting(&other, "the alerts", &data.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Safeguarding alerts" }</h1>
            <p class="lead">
                { "When a young person writes words that suggest they may be at risk, their worker (or the duty team, out of hours) is alerted at once. Each alert stays here until someone records what was done." }
            </p>
            <p>
                <button type="button" class="button button-secondary toggle" aria-pressed={if *all { "true" } else { "false" }} onclick={toggle_all}>
                    { "Show alerts that have a response too" }
                </button>
            </p>
            <div role="status">
                if let Some(text) = &*done {
                    <p class="notice-success">{ text }</p>
                }
            </div>
            { body }
        </>
    }
}

fn alert(
    a: &AlertView,
    responding: &UseStateHandle<Option<String>>,
    done: &UseStateHandle<Option<String>>,
    reload: &Callback<()>,
) -> Html {
    let open = responding.as_deref() == Some(a.id.as_str());
    let toggle = {
        let (responding, id) = (responding.clone(), a.id.clone());
        Callback::from(move |_| {
            if responding.as_deref() == Some(id.as_str()) {
                responding.set(None);
            } else {
                responding.set(Some(id.clone()));
                focus_soon(RESPONSE.to_string());
            }
        })
    };
    let send = {
        let (responding, done, reload, id, name) = (
            responding.clone(),
            done.clone(),
            reload.clone(),
            a.id.clone(),
            a.young_person_name.clone(),
        );
        act(move |v| {
            let (responding, done, reload, id, name) = (
                responding.clone(),
                done.clone(),
                reload.clone(),
                id.clone(),
                name.clone(),
            );
            async move {
                let body = AlertResponse {
                    alert_id: id,
                    response: v.get(RESPONSE),
                };
                api::respond_to_alert(&body)
                    .await
                    .map_err(|err| errors_from(&err, &[("response", RESPONSE)]))?;
                responding.set(None);
                done.set(Some(format!("Recorded. The alert about {name} is closed.")));
                reload.emit(());
                Ok(())
            }
        })
    };
    html! {
        <li key={a.id.clone()} class="card">
            <h2 class="card-title">
                <a href={Route::Person { id: a.young_person_id.clone() }.to_path()}>{ &a.young_person_name }</a>
            </h2>
            <p>
                if a.response.is_none() {
                    <span class="tag tag-bad">{ "Open" }</span>{ " " }
                } else {
                    <span class="tag tag-good">{ "Responded" }</span>{ " " }
                }
                { format!("Raised {}. {}.", words::when_now(a.raised_at), source_words(&a.source)) }
            </p>
            <p>{ "Words that raised it: " }<strong>{ a.phrases.join(", ") }</strong></p>
            <blockquote class="fb-quote">{ &a.excerpt }</blockquote>
            <p class="small">
                { match a.routed_to {
                    AlertRoute::NamedWorker => "Sent to their named worker.",
                    AlertRoute::DutyTeam => "Sent to the duty team (out of hours, or no named worker).",
                } }
                if !a.alerted.is_empty() {
                    { format!(" Alerted: {}.", a.alerted.join(", ")) }
                }
            </p>
            if let Some(r) = &a.response {
                <div class="answer">
                    <p><strong>{ format!("{} recorded {}:", r.by, words::when_now(r.at)) }</strong></p>
                    <p>{ &r.response }</p>
                </div>
            } else {
                <button type="button" class="button" aria-expanded={if open { "true" } else { "false" }} onclick={toggle}>
                    { "Record a response" }
                    <span class="visually-hidden">{ format!(" about {}", a.young_person_name) }</span>
                </button>
                if open {
                    <ActionForm
                        id="alert-response-form"
                        fields={vec![
                            Field::new(RESPONSE, "What was done", Kind::TextArea)
                                .hint("Who you spoke to, what you found and what happens next. This closes the alert.")
                                .required("Write what was done.")
                                .max(REVIEW_MESSAGE_MAX as u32),
                        ]}
                        submit="Record the response"
                        busy="Recording…"
                        act={send}
                    />
                }
            }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_in_words() {
        assert_eq!(source_words("feedback"), "In their views before a review");
        assert_eq!(
            source_words("review_request"),
            "In asking for an earlier review"
        );
        assert_eq!(
            source_words("plan_question"),
            "In a question about their plan"
        );
        assert_eq!(source_words("other"), "In something they wrote");
    }
}
