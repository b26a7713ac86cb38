//! Staff: young people's "Ask about this" requests about the local offer,
//! newest first, and moving each one on (being looked at, agreed, paid,
//! turned down with a reason). The young person sees every step.

use crate::api;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, FieldError, Kind};
use crate::hooks::{use_get, waiting};
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::endpoints as ep;
use shared::endpoints::offer::RequestListQuery;
use shared::limits::OFFER_MESSAGE_MAX;
use shared::offer::{OfferRequestAnswer, OfferRequestView, RequestStatus};
use yew::prelude::*;
use yew_router::Routable;

const STATUS: &str = "request-status";
const MESSAGE: &str = "request-message";

#[component]
pub fn RequestsPage() -> Html {
    let all = use_state(|| false);
    let list = use_get(Some(ep::offer::WorkerRequests::url().query(
        &RequestListQuery {
            include_closed: all.then_some(true),
        },
    )));
    let open = use_state(|| None::<String>);
    let done = use_state(|| None::<String>);

    let item = |r: &OfferRequestView| {
        let name = &r.young_person_name;
        let first = words::first_name(name).to_string();
        // Only money can be paid; an entitlement that is not money has no
        // amount in words.
        let is_money = r.amount_text.is_some();
        let steps: Vec<RequestStatus> = RequestStatus::ALL
            .into_iter()
            .filter(|to| r.status.can_move_to(*to, is_money))
            .collect();
        let button_id = format!("move-{}", r.id);
        let form = if steps.is_empty() {
            html! {}
        } else if open.as_deref() == Some(r.id.as_str()) {
            let send = {
                let (open, done, reload) = (open.clone(), done.clone(), list.reload.clone());
                let (id, first) = (r.id.clone(), first.clone());
                act(move |v| {
                    let (open, done, reload) = (open.clone(), done.clone(), reload.clone());
                    let (id, first) = (id.clone(), first.clone());
                    async move {
                        let Some(status) = RequestStatus::parse(&v.get(STATUS)) else {
                            return Err(vec![FieldError::at(STATUS, "Choose what happens now.")]);
                        };
                        let message = v.get(MESSAGE);
                        let message = Some(message.trim().to_string()).filter(|m| !m.is_empty());
                        if status == RequestStatus::TurnedDown && message.is_none() {
                            return Err(vec![FieldError::at(
                                MESSAGE,
                                "Say why, in plain words: they will read it.",
                            )]);
                        }
                        api::answer_offer_request(&id, &OfferRequestAnswer { status, message })
                            .await
                            .map_err(|err| {
                                errors_from(&err, &[("status", STATUS), ("message", MESSAGE)])
                            })?;
                        open.set(None);
                        done.set(Some(format!(
                            "Done: {}. {first} can see it in the app.",
                            status.plain()
                        )));
                        reload.emit(());
                        Ok(())
                    }
                })
            };
            let cancel = {
                let (open, button_id) = (open.clone(), button_id.clone());
                Callback::from(move |_| {
                    open.set(None);
                    focus_soon(button_id.clone());
                })
            };
            let options = steps
                .iter()
                .map(|s| (s.as_str().into(), words::request_step(*s).into()))
                .collect();
            html! {
                <div class="ask-box">
                    <ActionForm
                        id="request-answer-form"
                        fields={vec![
                            Field::select(STATUS, "What happens now?", options, Some("Choose")),
                            Field::new(MESSAGE, format!("A message for {first}"), Kind::TextArea)
                                .hint(format!("{first} sees this in the app. If you turn it down, say why, in plain words."))
                                .max(OFFER_MESSAGE_MAX as u32),
                        ]}
                        submit={format!("Send to {first}")}
                        busy="Sending…"
                        act={send}
                    />
                    <button type="button" class="button button-secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
        } else {
            let onclick = {
                let (open, done, id) = (open.clone(), done.clone(), r.id.clone());
                Callback::from(move |_| {
                    done.set(None);
                    open.set(Some(id.clone()));
                    focus_soon(STATUS.to_string());
                })
            };
            html! {
                <button type="button" id={button_id} class="button" aria-expanded="false" {onclick}>
                    { "Move this on" }
                    <span class="visually-hidden">{ format!(": {name}, {}", r.entitlement_title) }</span>
                </button>
            }
        };
        html! {
            <li key={r.id.clone()} class="card">
                <h2 class="card-title">
                    <a href={Route::Person { id: r.young_person_id.clone() }.to_path()}>{ name }</a>
                    { format!(": {}", r.entitlement_title) }
                </h2>
                if let Some(amount) = &r.amount_text {
                    <p>{ amount }</p>
                }
                <p><span class="tag">{ &r.status_text }</span></p>
                if let Some(m) = &r.message {
                    <p>{ format!("{first} wrote: ") }<q>{ m }</q></p>
                }
                <p class="muted small">{ format!("Asked {}.", words::when_now(r.created_at)) }</p>
                <details class="disclosure">
                    <summary>
                        { "What has happened" }
                        <span class="visually-hidden">{ format!(": {name}, {}", r.entitlement_title) }</span>
                    </summary>
                    <ol class="plain-list">
                        { for r.history.iter().map(|e| html! {
                            <li>
                                <strong>{ &e.status_text }</strong>
                                { format!(" {}, {}", e.by.as_deref().unwrap_or(&first), words::when_now(e.at)) }
                                if let Some(m) = &e.message {
                                    { ": " }<q>{ m }</q>
                                }
                            </li>
                        }) }
                    </ol>
                </details>
                { form }
            </li>
        }
    };

    let body = match &list.list() {
        Remote::Ready(l) if l.is_empty() => html! {
            <p>{ if *all { "No requests yet." } else { "No open requests at the moment." } }</p>
        },
        Remote::Ready(l) => html! { <ul class="cards">{ for l.iter().map(item) }</ul> },
        other => waiting(other, "the requests", &list.reload).unwrap_or_default(),
    };
    let toggle = {
        let (all, open) = (all.clone(), open.clone());
        Callback::from(move |_| {
            open.set(None);
            all.set(!*all);
        })
    };
    html! {
        <>
            <h1>{ "Requests about the offer" }</h1>
            <p class="lead">
                { "When a young person taps \u{201c}Ask about this\u{201d} on their offer, it comes here. \
                   Move it on, and if you turn it down, say why: they see each step in the app." }
            </p>
            <p>
                <button type="button" class="button button-secondary" aria-pressed={if *all { "true" } else { "false" }} onclick={toggle}>
                    { "Show finished requests too" }
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
