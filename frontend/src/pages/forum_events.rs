//! Positive Journeys events and polls, for young people: events for their
//! spaces with places left and sign-up (a reminder comes before it
//! starts); quick polls and consultations with one answer each, the
//! results, and "you said, we did" once the council has written it.

use crate::api;
use crate::components::form::{act, errors_from, ActionForm, Field, Kind};
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::pages::forum_parts::{cancel_button, help_box, run, toggle, use_said, when, Said};
use crate::state::Remote;
use shared::endpoints as ep;
use shared::forum::{
    AnswerOutcome, EventKind, EventView, HarmHelp, NewAnswer, NewSignUp, PollKind, PollResults,
    PollView, SignUpOutcome,
};
use shared::limits::{FORUM_REASON_MAX_CHARS, POLL_COMMENT_MAX_CHARS};
use wasm_bindgen::JsCast;
use yew::prelude::*;

const NOTE: &str = "event-note";

fn kind_words(k: EventKind) -> String {
    t(match k {
        EventKind::Meeting => "forum-event-meeting",
        EventKind::Trip => "forum-event-trip",
        EventKind::Training => "forum-event-training",
        EventKind::Other => "forum-event-other",
    })
}

#[component]
pub fn EventsPage() -> Html {
    let events = use_get(Some(ep::events::Events::url()));
    let open = use_state(|| None::<String>);
    let said = use_said();
    let help = use_state(|| None::<HarmHelp>);

    let item = |e: &EventView| {
        let key = format!("signup-{}", e.id);
        let form = (open.as_deref() == Some(key.as_str())).then(|| {
            let send = {
                let (open, said, help, reload, id, at) = (
                    open.clone(),
                    said.clone(),
                    help.clone(),
                    events.reload.clone(),
                    e.id.clone(),
                    e.id.clone(),
                );
                act(move |v| {
                    let (open, said, help, reload, id, at) = (
                        open.clone(),
                        said.clone(),
                        help.clone(),
                        reload.clone(),
                        id.clone(),
                        at.clone(),
                    );
                    async move {
                        let note = v.get(NOTE).trim().to_string();
                        let done: SignUpOutcome = api::call(
                            ep::events::SignUp::url(&id),
                            &NewSignUp {
                                note: (!note.is_empty()).then_some(note),
                            },
                        )
                        .await
                        .map_err(|e| errors_from(&e, &[("note", NOTE)]))?;
                        help.set(done.help);
                        open.set(None);
                        let words = match done.reminder_at {
                            Some(r) => {
                                tf("forum-signed-up-reminder", &[("when", when(r).as_str())])
                            }
                            None => t("forum-signed-up"),
                        };
                        said.show(&at, words, true);
                        reload.emit(());
                        Ok(())
                    }
                })
            };
            html! {
                <div class="ask-box">
                    <ActionForm
                        id="event-signup-form"
                        fields={vec![
                            Field::new(NOTE, t("forum-event-note"), Kind::TextArea)
                                .hint(t("forum-event-note-hint"))
                                .max(FORUM_REASON_MAX_CHARS as u32),
                        ]}
                        submit={t("forum-event-sign-up")}
                        busy={t("forum-sending")}
                        act={send}
                    />
                    { cancel_button(&open, t("forum-cancel")) }
                </div>
            }
        });
        let leave = {
            let (said, reload, id) = (said.clone(), events.reload.clone(), e.id.clone());
            Callback::from(move |_| {
                let path = ep::events::CancelSignUp::url(&id);
                run(
                    Box::pin(async move { api::call(path, &()).await }),
                    said.clone(),
                    id.clone(),
                    t("forum-event-left"),
                    reload.clone(),
                );
            })
        };
        let places = match (e.places, e.places_left) {
            (None, _) => t("forum-event-no-limit"),
            (Some(_), Some(0)) => t("forum-event-full"),
            (Some(_), Some(n)) => tf(
                "forum-event-places-left",
                &[("count", n.to_string().as_str())],
            ),
            (Some(n), None) => tf(
                "forum-event-places-left",
                &[("count", n.to_string().as_str())],
            ),
        };
        html! {
            <li key={e.id.clone()} class="card">
                <h2 class="card-title" dir="auto">{ &e.title }</h2>
                <p>
                    <span class="tag">{ kind_words(e.kind) }</span>
                    if e.cancelled { { " " }<span class="tag tag-bad">{ t("forum-event-cancelled") }</span> }
                    if e.signed_up { { " " }<span class="tag tag-good">{ t("forum-event-you-are-going") }</span> }
                </p>
                <dl class="facts">
                    <div><dt>{ t("forum-event-when") }</dt><dd>{ when(e.starts_at) }</dd></div>
                    <div><dt>{ t("forum-event-ends") }</dt><dd>{ when(e.ends_at) }</dd></div>
                    <div><dt>{ t("forum-event-where") }</dt><dd>{ &e.location }</dd></div>
                    <div><dt>{ t("forum-event-places") }</dt><dd>{ places }</dd></div>
                    if let Some(by) = e.sign_up_closes_at {
                        <div><dt>{ t("forum-event-sign-up-by") }</dt><dd>{ when(by) }</dd></div>
                    }
                </dl>
                if !e.description.is_empty() {
                    <p class="post-text" dir="auto">{ &e.description }</p>
                }
                { said.slot(&e.id) }
                if e.signed_up && !e.cancelled {
                    <button type="button" class="button button-secondary" onclick={leave}>
                        { t("forum-event-leave") }
                        <span class="visually-hidden">{ format!(": {}", e.title) }</span>
                    </button>
                } else if e.can_sign_up {
                    if open.as_deref() != Some(key.as_str()) {
                        { toggle(&open, key.clone(), t("forum-event-sign-me-up"), e.title.clone(), "button") }
                    }
                    { for form }
                } else if !e.cancelled {
                    <p class="muted">{ t("forum-event-closed") }</p>
                }
            </li>
        }
    };

    let body = match events.list() {
        Remote::Ready(list) if list.is_empty() => html! { <p>{ t("forum-events-none") }</p> },
        Remote::Ready(list) => html! { <ul class="cards">{ for list.iter().map(item) }</ul> },
        other => waiting(&other, &t("forum-loading-events"), &events.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ t("forum-events") }</h1>
            <p class="lead">{ t("forum-events-lead") }</p>
            if let Some(h) = &*help {
                { help_box(h) }
            }
            { body }
        </>
    }
}

/// The results as words, each with its share: "The beach: 4 (50%)".
pub fn results_list(r: &PollResults) -> Html {
    let total = r.answers.max(1);
    html! {
        <>
            <ul class="plain-list poll-results">
                { for r.options.iter().map(|o| {
                    let percent = (o.count * 100 + total / 2) / total;
                    html! {
                        <li>
                            <span>{ tf("forum-poll-result", &[
                                ("option", o.option.as_str()),
                                ("count", o.count.to_string().as_str()),
                                ("percent", percent.to_string().as_str()),
                            ]) }</span>
                            <progress class="poll-bar" aria-hidden="true" max="100" value={percent.to_string()}></progress>
                        </li>
                    }
                }) }
            </ul>
            <p class="muted small">{ tf("forum-poll-answers", &[("count", r.answers.to_string().as_str())]) }</p>
        </>
    }
}

/// The answer form of one poll: radio buttons (a fieldset, so the
/// question labels the group) and, when asked for, room to say more.
fn answer_form(
    p: &PollView,
    said: &Said,
    help: &UseStateHandle<Option<HarmHelp>>,
    reload: &Callback<()>,
) -> Html {
    let group = format!("poll-{}", p.id);
    let comment_id = format!("poll-comment-{}", p.id);
    let onsubmit = {
        let (said, help, reload) = (said.clone(), help.clone(), reload.clone());
        let (id, group, comment_id, has_options) = (
            p.id.clone(),
            group.clone(),
            comment_id.clone(),
            !p.options.is_empty(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let data = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
                .and_then(|f| web_sys::FormData::new_with_form(&f).ok());
            let get = |name: &str| {
                data.as_ref()
                    .and_then(|d| d.get(name).as_string())
                    .unwrap_or_default()
            };
            let option = get(&group).parse::<u32>().ok();
            let comment = get(&comment_id).trim().to_string();
            if has_options && option.is_none() {
                said.show(&id, t("forum-poll-choose"), false);
                return;
            }
            if !has_options && comment.is_empty() {
                said.show(&id, t("forum-poll-write"), false);
                return;
            }
            let answer = NewAnswer {
                option,
                comment: (!comment.is_empty()).then_some(comment),
            };
            let (said, help, reload, id) = (said.clone(), help.clone(), reload.clone(), id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answered: Result<AnswerOutcome, _> =
                    api::call(ep::events::AnswerPoll::url(&id), &answer).await;
                match answered {
                    Ok(done) => {
                        help.set(done.help);
                        said.show(&id, t("forum-poll-thanks"), true);
                        reload.emit(());
                    }
                    Err(err) => said.show(&id, err.message(), false),
                }
            });
        })
    };
    html! {
        <form class="form" {onsubmit} novalidate=true>
            if !p.options.is_empty() {
                <fieldset class="choices">
                    <legend class="label">{ t("forum-poll-your-answer") }</legend>
                    { for p.options.iter().enumerate().map(|(i, o)| {
                        let id = format!("{group}-{i}");
                        html! {
                            <div class="choice">
                                <input type="radio" id={id.clone()} name={group.clone()} value={i.to_string()} />
                                <label for={id}>{ o }</label>
                            </div>
                        }
                    }) }
                </fieldset>
            }
            if p.allows_comment {
                <div class="field">
                    <label class="label" for={comment_id.clone()}>{ t("forum-poll-comment") }</label>
                    <p class="field-hint" id={format!("{comment_id}-hint")}>{ t("forum-poll-comment-hint") }</p>
                    <textarea id={comment_id.clone()} name={comment_id.clone()} class="input textarea" rows="3"
                        maxlength={POLL_COMMENT_MAX_CHARS.to_string()} aria-describedby={format!("{comment_id}-hint")} />
                </div>
            }
            <button type="submit" class="button">
                { t("forum-poll-send") }
                <span class="visually-hidden">{ format!(": {}", p.question) }</span>
            </button>
        </form>
    }
}

#[component]
pub fn PollsPage() -> Html {
    let polls = use_get(Some(ep::events::Polls::url()));
    let said = use_said();
    let help = use_state(|| None::<HarmHelp>);

    let item = |p: &PollView| {
        let heading = format!("poll-q-{}", p.id);
        let my_option = p
            .my_answer
            .as_ref()
            .and_then(|a| a.option)
            .and_then(|i| p.options.get(i as usize));
        html! {
            <li key={p.id.clone()} class="card">
                <section aria-labelledby={heading.clone()}>
                    <h2 class="card-title" id={heading} dir="auto">{ &p.question }</h2>
                    <p>
                        <span class="tag">{ t(match p.kind { PollKind::Poll => "forum-poll-kind-poll", PollKind::Consultation => "forum-poll-kind-consultation" }) }</span>
                        { " " }
                        if p.open {
                            <span class="tag tag-good">{ t("forum-poll-open") }</span>
                        } else {
                            <span class="tag tag-quiet">{ t("forum-poll-closed") }</span>
                        }
                    </p>
                    if !p.description.is_empty() {
                        <p class="post-text" dir="auto">{ &p.description }</p>
                    }
                    <p class="muted small">
                        { tf(if p.open { "forum-poll-closes" } else { "forum-poll-closed-on" }, &[("when", when(p.closes_at).as_str())]) }
                    </p>
                    if let Some(o) = my_option {
                        <p>{ tf("forum-poll-you-said", &[("option", o.as_str())]) }</p>
                    } else if p.my_answer.is_some() {
                        <p>{ t("forum-poll-you-answered") }</p>
                    }
                    { said.slot(&p.id) }
                    if p.open && p.my_answer.is_none() {
                        { answer_form(p, &said, &help, &polls.reload) }
                    }
                    if let Some(r) = &p.results {
                        <h3>{ t("forum-poll-results") }</h3>
                        { results_list(r) }
                    }
                    if let Some(done) = &p.you_said_we_did {
                        <div class="notice-info">
                            <h3>{ t("forum-poll-you-said-we-did") }</h3>
                            <p class="post-text" dir="auto">{ done }</p>
                        </div>
                    }
                </section>
            </li>
        }
    };

    let body = match polls.list() {
        Remote::Ready(list) if list.is_empty() => html! { <p>{ t("forum-polls-none") }</p> },
        Remote::Ready(list) => html! { <ul class="cards">{ for list.iter().map(item) }</ul> },
        other => waiting(&other, &t("forum-loading-polls"), &polls.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ t("forum-polls") }</h1>
            <p class="lead">{ t("forum-polls-lead") }</p>
            if let Some(h) = &*help {
                { help_box(h) }
            }
            { body }
        </>
    }
}
