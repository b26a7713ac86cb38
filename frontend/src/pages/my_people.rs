//! "My people", for a young person: each worker, what they do, what they
//! wrote about themself and how to reach them; who has moved on, with their
//! goodbye note; and who to call out of hours.

use crate::api;
use crate::components::help_panel::childline;
use crate::hooks::{use_get, waiting};
use crate::pages::my_plan::paragraphs;
use crate::state::Remote;
use crate::text::tel_href;
use crate::words;
use shared::plans::{MyPeople, Worker, WorkerChange};
use yew::prelude::*;

#[component]
pub fn MyPeoplePage() -> Html {
    let people = use_get(Some(api::MY_PEOPLE.to_string()));
    let body = match &people.get::<MyPeople>() {
        Remote::Ready(p) => view(p),
        other => waiting(other, "your people", &people.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "My people" }</h1>
            <p class="lead">{ "The adults who work with you, what they do, and how to reach them." }</p>
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
                    <h2 id="changes">{ "What has changed" }</h2>
                    <ul class="cards">
                        { for p.recent_changes.iter().map(|c| change(c, &p.workers)) }
                    </ul>
                </section>
            }
            <section aria-labelledby="workers">
                <h2 id="workers">{ "Your workers" }</h2>
                if p.workers.is_empty() {
                    <p>{ "Nobody is named as your worker at the moment. The duty desk can help you." }</p>
                } else {
                    <ul class="cards">
                        { for p.workers.iter().enumerate().map(|(i, w)| worker(i, w)) }
                    </ul>
                }
            </section>
            <section class="help-panel" aria-labelledby="out-of-hours">
                <h2 id="out-of-hours">{ "Out of hours?" }</h2>
                if !p.duty_phone.is_empty() {
                    <p>{ "Evenings, weekends and bank holidays, or if you can't reach your worker:" }</p>
                    if let Some(href) = duty {
                        <a class="button button-call" href={href}>
                            { format!("Call the duty desk: {}", p.duty_phone) }
                        </a>
                    } else {
                        <p class="big">{ format!("Call the duty desk: {}", p.duty_phone) }</p>
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
                <strong>{ format!("{first} has moved on.") }</strong>
                if let Some(w) = new {
                    { format!(" Your new {} is {}.", c.relationship.plain(), w.name) }
                }
            </p>
            if let Some(note) = &c.handover_note {
                <p>{ format!("{first} wrote:") }</p>
                <blockquote class="note">{ paragraphs(note) }</blockquote>
            }
            <p class="muted small">{ words::sentence(&words::when_now(c.changed_at)) }{ "." }</p>
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
            <p><span class="tag">{ format!("Your {}", w.relationship.plain()) }</span></p>
            <p>{ &w.role_explained }</p>
            if let Some(about) = about {
                <p><strong>{ format!("{} says:", words::first_name(&w.name)) }</strong></p>
                <blockquote class="note">{ paragraphs(about) }</blockquote>
            }
            if how.is_some() || when.is_some() {
                <dl class="facts">
                    if let Some(how) = how {
                        <div><dt>{ "How to reach them" }</dt><dd>{ how }</dd></div>
                    }
                    if let Some(when) = when {
                        <div><dt>{ "When" }</dt><dd>{ when }</dd></div>
                    }
                </dl>
            } else {
                <p>{ "Ask them the best way to reach them." }</p>
            }
            <p class="muted small">{ format!("Since {}.", words::since(w.since)) }</p>
        </li>
    }
}
