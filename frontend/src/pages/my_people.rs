//! "My people", for a young person: each worker, what they do, what they
//! wrote about themself and how to reach them; who has moved on, with their
//! goodbye note; and who to call out of hours.

use crate::components::help_panel::childline;
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf, words_for};
use crate::pages::my_plan::paragraphs;
use crate::state::Remote;
use crate::text::{ltr, tel_href};
use crate::words;
use shared::endpoints as ep;
use shared::plans::{MyPeople, Worker, WorkerChange};
use yew::prelude::*;

#[component]
pub fn MyPeoplePage() -> Html {
    let people = use_get(Some(ep::plans::MyPeople::url()));
    let body = match &people.get() {
        Remote::Ready(p) => view(p),
        other => waiting(other, &t("people-loading"), &people.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ t("people-title") }</h1>
            <p class="lead">{ t("people-lead") }</p>
            { body }
        </>
    }
}

fn view(p: &MyPeople) -> Html {
    let duty = tel_href(&p.duty_phone);
    html! {
        <>
            if !p.recent_changes.is_empty() {
                <section aria-labelledby="changes">
                    <h2 id="changes">{ t("people-changes") }</h2>
                    <ul class="cards">
                        { for p.recent_changes.iter().map(|c| change(c, &p.workers)) }
                    </ul>
                </section>
            }
            <section aria-labelledby="workers">
                <h2 id="workers">{ t("people-workers") }</h2>
                if p.workers.is_empty() {
                    <p>{ t("people-no-workers") }</p>
                } else {
                    <ul class="cards">
                        { for p.workers.iter().enumerate().map(|(i, w)| worker(i, w)) }
                    </ul>
                }
            </section>
            <section class="help-panel" aria-labelledby="out-of-hours">
                <h2 id="out-of-hours">{ t("people-out-of-hours") }</h2>
                if !p.duty_phone.is_empty() {
                    <p>{ t("people-out-of-hours-text") }</p>
                    if let Some(href) = duty {
                        <a class="button button-call" href={href}>
                            { tf("people-call-duty", &[("phone", &ltr(&p.duty_phone))]) }
                        </a>
                    } else {
                        <p class="big">{ tf("people-call-duty", &[("phone", &ltr(&p.duty_phone))]) }</p>
                    }
                }
                { childline() }
            </section>
        </>
    }
}

fn change(c: &WorkerChange, now: &[Worker]) -> Html {
    let first = words::first_name(&c.previous_name);
    let new = now.iter().find(|w| w.relationship == c.relationship);
    html! {
        <li class="card">
            <p>
                <strong>{ tf("people-moved-on", &[("name", first)]) }</strong>
                if let Some(w) = new {
                    { " " }
                    { tf("people-your-new", &[("worker", &words::relationship_plain(c.relationship)), ("name", &w.name)]) }
                }
            </p>
            if let Some(note) = &c.handover_note {
                <p>{ tf("people-wrote", &[("name", first)]) }</p>
                <blockquote class="note">{ paragraphs(note) }</blockquote>
            }
            <p class="muted small">{ words::sentence(&words::when_now(c.changed_at)) }{ t("full-stop") }</p>
        </li>
    }
}

fn worker(i: usize, w: &Worker) -> Html {
    let heading = format!("worker-{i}");
    let how = w.contact_how.as_deref().filter(|t| !t.trim().is_empty());
    let when = w.contact_when.as_deref().filter(|t| !t.trim().is_empty());
    let about = w.about_me.as_deref().filter(|t| !t.trim().is_empty());
    html! {
        <li class="card">
            <h3 id={heading} class="card-title">{ &w.name }</h3>
            <p><span class="tag">{ tf("people-your-worker", &[("worker", &words::relationship_plain(w.relationship))]) }</span></p>
            <p>{ words_for("worker-role-", &w.role_explained) }</p>
            if let Some(about) = about {
                <p><strong>{ tf("people-says", &[("name", words::first_name(&w.name))]) }</strong></p>
                <blockquote class="note">{ paragraphs(about) }</blockquote>
            }
            if how.is_some() || when.is_some() {
                <dl class="facts">
                    if let Some(how) = how {
                        <div><dt>{ t("people-how") }</dt><dd>{ how }</dd></div>
                    }
                    if let Some(when) = when {
                        <div><dt>{ t("people-when") }</dt><dd>{ when }</dd></div>
                    }
                </dl>
            } else {
                <p>{ t("people-ask-them") }</p>
            }
            <p class="muted small">{ tf("people-since", &[("date", &words::since(w.since))]) }</p>
        </li>
    }
}
