//! "My plan", for a young person: their plan in plain words, part by part,
//! with what changed since last time, the words that must stay explained
//! beside them, "I don't understand this" and "I don't agree" on every part,
//! their questions with the answers, and older versions.

use crate::api;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, Kind};
use crate::hooks::{use_get, waiting};
use crate::state::Remote;
use crate::words;
use shared::glossary::TermMatch;
use shared::plans::{
    ChildPlanView, ChildSection, NewPlanQuery, PlanQueryView, PlanVersionSummary, QueryKind,
    Section,
};
use yew::prelude::*;

const MESSAGE: &str = "plan-question-message";

/// Plain text as paragraphs: a blank line starts a new one; single line
/// breaks stay (see `.plan-text`). Never HTML.
pub fn paragraphs(text: &str) -> Html {
    html! {
        <>
            { for text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|p| html! {
                <p class="plan-text">{ p }</p>
            }) }
        </>
    }
}

/// The id of the button that opens the question form of one kind.
fn ask_button_id(section: Section, kind: QueryKind) -> String {
    format!("ask-{}-{}", section.as_str(), kind.as_str())
}

#[component]
pub fn MyPlanPage() -> Html {
    // An older version being read (its number); `None` for the plan now.
    // States are `Option<String>` and `bool` throughout the app: each other
    // type would add its own copy of Yew's state code to the download.
    let version = use_state(|| None::<String>);
    let plan = use_get(Some(
        match version.as_deref().and_then(|v| v.parse().ok()) {
            Some(v) => api::my_plan_version(v),
            None => api::MY_PLAN.to_string(),
        },
    ));
    let questions = use_get(Some(api::MY_QUESTIONS.to_string()));
    let history = use_get(Some(api::MY_PLAN_HISTORY.to_string()));
    // The question form that is open: which part, which button (see
    // `ask_button_id`).
    let asking = use_state(|| None::<String>);
    // "Sent", shown under the part it was about (the part's name).
    let sent = use_state(|| None::<String>);

    let plan = match plan.get::<Option<ChildPlanView>>() {
        Remote::Ready(Some(p)) => p,
        Remote::Ready(None) => {
            return html! {
                <>
                    <h1>{ "My plan" }</h1>
                    <p class="lead">
                        { "Your plan has not been shared with you yet. Your social worker will tell you when it is." }
                    </p>
                    <p>{ "Your plan says what will happen for you now and next: where you live, school, family time, your health and your future." }</p>
                </>
            };
        }
        other => {
            return html! {
                <>
                    <h1>{ "My plan" }</h1>
                    { waiting(&other, "your plan", &plan.reload).unwrap_or_default() }
                </>
            };
        }
    };
    let reader = words::plan_reader(plan.kind);
    let older = version.is_some();
    let any_changed = plan.version > 1 && plan.sections.iter().any(|s| s.changed);

    let section_view = |s: &ChildSection| {
        let key = s.section.as_str();
        let heading = format!("part-{key}");
        let open = [QueryKind::DontUnderstand, QueryKind::DontAgree]
            .into_iter()
            .find(|k| asking.as_deref() == Some(ask_button_id(s.section, *k).as_str()));
        let button = |kind: QueryKind| {
            let onclick = {
                let (asking, sent, id) =
                    (asking.clone(), sent.clone(), ask_button_id(s.section, kind));
                Callback::from(move |_| {
                    sent.set(None);
                    if asking.as_deref() == Some(id.as_str()) {
                        asking.set(None);
                    } else {
                        asking.set(Some(id.clone()));
                        focus_soon(MESSAGE.to_string());
                    }
                })
            };
            html! {
                <button
                    type="button"
                    id={ask_button_id(s.section, kind)}
                    class="button button-secondary"
                    aria-expanded={if open == Some(kind) { "true" } else { "false" }}
                    {onclick}
                >
                    { words::query_kind(kind) }
                    <span class="visually-hidden">{ format!(": {}", s.title) }</span>
                </button>
            }
        };
        let form = open.map(|kind| {
            let send = {
                let (asking, sent, reload, section) = (
                    asking.clone(),
                    sent.clone(),
                    questions.reload.clone(),
                    s.section,
                );
                act(move |v| {
                    let (asking, sent, reload) = (asking.clone(), sent.clone(), reload.clone());
                    async move {
                        let message = v.get(MESSAGE);
                        let query = NewPlanQuery {
                            section,
                            kind,
                            message: Some(message.trim().to_string()).filter(|m| !m.is_empty()),
                        };
                        api::ask_about_plan(&query)
                            .await
                            .map_err(|err| errors_from(&err, &[("message", MESSAGE)]))?;
                        asking.set(None);
                        sent.set(Some(section.as_str().to_string()));
                        reload.emit(());
                        focus_soon(ask_button_id(section, kind));
                        Ok(())
                    }
                })
            };
            let cancel = {
                let (asking, section) = (asking.clone(), s.section);
                Callback::from(move |_| {
                    asking.set(None);
                    focus_soon(ask_button_id(section, kind));
                })
            };
            let label = match kind {
                QueryKind::DontUnderstand => "What don't you understand? You don't have to write anything.",
                QueryKind::DontAgree => "What don't you agree with? You don't have to write anything.",
            };
            html! {
                <div class="ask-box">
                    <ActionForm
                        id="plan-question-form"
                        fields={vec![
                            Field::new(MESSAGE, label, Kind::TextArea)
                                .hint(format!("{reader} will read this and answer you here, under \u{201c}My questions\u{201d}."))
                                .max(2000),
                        ]}
                        submit={format!("Send \u{201c}{}\u{201d}", words::query_kind(kind))}
                        busy="Sending…"
                        act={send}
                    />
                    <button type="button" class="button button-secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
        });
        html! {
            <section key={key} class="plan-part" aria-labelledby={heading.clone()}>
                <h2 id={heading}>{ &s.title }</h2>
                if plan.version > 1 && s.changed {
                    <p><span class="tag tag-changed">{ "Changed since last time" }</span></p>
                }
                { paragraphs(&s.text) }
                if let Some(before) = &s.before {
                    <details class="disclosure">
                        <summary>{ "What it said before" }</summary>
                        { paragraphs(before) }
                    </details>
                }
                { explained(&s.explained) }
                if !older {
                    <div class="actions actions-tight">
                        { button(QueryKind::DontUnderstand) }
                        { button(QueryKind::DontAgree) }
                    </div>
                    { for form }
                    <div role="status">
                        if sent.as_deref() == Some(s.section.as_str()) {
                            <p class="notice-success">
                                { format!("Thank you. We sent it. {reader} will read it and answer you below, under \u{201c}My questions\u{201d}.") }
                            </p>
                        }
                    </div>
                }
            </section>
        }
    };

    let back_to_now = {
        let (version, asking) = (version.clone(), asking.clone());
        Callback::from(move |_| {
            asking.set(None);
            version.set(None);
        })
    };

    html! {
        <>
            <h1>{ &plan.title }</h1>
            <p class="lead">
                { format!("Shared with you by {} {}.", plan.shared_by, words::when_now(plan.shared_at)) }
            </p>
            if older {
                <div class="notice-info">
                    <p>{ format!("You are reading an older version of your plan: version {}.", plan.version) }</p>
                    <button type="button" class="button button-secondary" onclick={back_to_now}>
                        { "Go back to my plan now" }
                    </button>
                </div>
            } else if any_changed {
                <p>{ "Some parts have changed since last time. Look for \u{201c}Changed since last time\u{201d}." }</p>
            }
            if let Some(date) = plan.next_date {
                <p><strong>{ "Next important date: " }</strong>{ words::date(date) }</p>
            }
            if !older {
                <p class="small">
                    { format!("If a part is not clear, or you don't agree with it, tap the button under it. {reader} will read what you send.") }
                </p>
            }
            { for plan.sections.iter().map(section_view) }
            if !plan.removed.is_empty() {
                <p>
                    { "Taken out since last time: " }
                    { plan.removed.iter().map(|s| s.title()).collect::<Vec<_>>().join(", ") }
                    { "." }
                </p>
            }
            <section aria-labelledby="my-questions">
                <h2 id="my-questions">{ "My questions" }</h2>
                <p class="small">{ format!("{reader} can see your questions. Their answers show here.") }</p>
                { my_questions(&questions.list::<PlanQueryView>(), &questions.reload) }
            </section>
            { older_versions(&history.list::<PlanVersionSummary>(), plan.version, &version, &asking) }
        </>
    }
}

/// Words that must stay, each with what it means, beside the part.
fn explained(terms: &[TermMatch]) -> Html {
    let mut seen: Vec<&str> = Vec::new();
    let unique: Vec<&TermMatch> = terms
        .iter()
        .filter(|t| {
            let new = !seen.contains(&t.term.as_str());
            seen.push(&t.term);
            new
        })
        .collect();
    if unique.is_empty() {
        return html! {};
    }
    html! {
        <div class="plan-words">
            <p class="plan-words-title">{ "Words to know" }</p>
            <dl>
                { for unique.into_iter().map(|t| html! {
                    <>
                        <dt><dfn>{ &t.matched }</dfn></dt>
                        <dd>{ &t.explanation }</dd>
                    </>
                }) }
            </dl>
        </div>
    }
}

fn my_questions(list: &Remote<Vec<PlanQueryView>>, reload: &Callback<()>) -> Html {
    match list {
        Remote::Ready(list) if list.is_empty() => html! {
            <p>{ "You have not asked anything yet. If a part of your plan is not clear, or you don't agree, use the buttons under it." }</p>
        },
        Remote::Ready(list) => html! {
            <ul class="cards">
                { for list.iter().map(|q| html! {
                    <li key={q.id.clone()} class="card">
                        <p>
                            <strong>{ q.section.title() }</strong>
                            { format!(": you said \u{201c}{}\u{201d}", words::query_kind(q.kind)) }
                        </p>
                        if let Some(m) = &q.message {
                            <p>{ "You wrote: " }<q>{ m }</q></p>
                        }
                        <p class="muted small">{ format!("Sent {}.", words::when_now(q.asked_at)) }</p>
                        if let Some(answer) = &q.answer {
                            <div class="answer">
                                <p>
                                    <strong>{ format!("{} answered", q.answered_by.as_deref().unwrap_or("Your worker")) }</strong>
                                    if let Some(at) = q.answered_at {
                                        { format!(" {}", words::when_now(at)) }
                                    }
                                    { ":" }
                                </p>
                                { paragraphs(answer) }
                            </div>
                        } else {
                            <p><span class="tag">{ "Not answered yet" }</span></p>
                        }
                    </li>
                }) }
            </ul>
        },
        other => waiting(other, "your questions", reload).unwrap_or_default(),
    }
}

fn older_versions(
    list: &Remote<Vec<PlanVersionSummary>>,
    reading: u32,
    version: &UseStateHandle<Option<String>>,
    asking: &UseStateHandle<Option<String>>,
) -> Html {
    let Remote::Ready(list) = list else {
        return html! {};
    };
    if list.len() < 2 {
        return html! {};
    }
    let newest = list.first().map(|v| v.version);
    html! {
        <section aria-labelledby="older-versions">
            <h2 id="older-versions">{ "Older versions" }</h2>
            <p>{ "Every time your plan changes, the old one is kept. You can read them all." }</p>
            <ul class="cards">
                { for list.iter().map(|v| {
                    let n = v.version;
                    let onclick = {
                        let (version, asking) = (version.clone(), asking.clone());
                        Callback::from(move |_| {
                            asking.set(None);
                            version.set((Some(n) != newest).then(|| n.to_string()));
                        })
                    };
                    html! {
                        <li key={n} class="card">
                            <p>
                                <strong>{ format!("Version {n}") }</strong>
                                { format!(", shared by {} {}.", v.shared_by, words::when_now(v.shared_at)) }
                            </p>
                            if n == reading {
                                <p><span class="tag">{ "You are reading this one" }</span></p>
                            } else {
                                <button type="button" class="button button-secondary" {onclick}>
                                    { format!("Read version {n}") }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
