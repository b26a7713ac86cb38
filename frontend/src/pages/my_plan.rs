//! "My plan", for a young person: their plan in plain words, part by part,
//! with what changed since last time, the words that must stay explained
//! beside them, "I don't understand this" and "I don't agree" on every part,
//! their questions with the answers, and older versions.

use crate::api;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, Kind};
use crate::components::help_panel::support_box;
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::state::Remote;
use crate::words;
use shared::endpoints as ep;
use shared::endpoints::plans::VersionQuery;
use shared::glossary::TermMatch;
use shared::limits::PLAN_MESSAGE_MAX_CHARS;
use shared::plans::{
    ChildSection, NewPlanQuery, PlanKind, PlanQueryView, PlanVersionSummary, QueryKind, Section,
};
use shared::reviews::SupportMessage;
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

/// A part's heading, in the young person's language.
pub fn section_title(s: Section) -> String {
    t(match s {
        Section::AboutMe => "plan-part-about-me",
        Section::WhereILive => "plan-part-where-i-live",
        Section::FamilyTime => "plan-part-family-time",
        Section::SchoolCollegeWork => "plan-part-school",
        Section::Health => "plan-part-health",
        Section::KeepingSafe => "plan-part-keeping-safe",
        Section::MyFuture => "plan-part-my-future",
        Section::WhatHappensNext => "plan-part-what-next",
    })
}

/// The plan's name: "My care plan", "My pathway plan".
pub fn plan_title(k: PlanKind) -> String {
    t(match k {
        PlanKind::CarePlan => "plan-care-plan",
        PlanKind::PathwayPlan => "plan-pathway-plan",
    })
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
    let plan = use_get(Some(ep::plans::MyPlan::url().query(&VersionQuery {
        version: version.as_deref().and_then(|v| v.parse().ok()),
    })));
    let questions = use_get(Some(ep::plans::MyQuestions::url()));
    let history = use_get(Some(ep::plans::MyHistory::url()));
    // The question form that is open: which part, which button (see
    // `ask_button_id`).
    let asking = use_state(|| None::<String>);
    // "Sent", shown under the part it was about (the part's name).
    // The section a question was sent about, and help when the message
    // suggested harm.
    let sent = use_state(|| None::<(String, Option<SupportMessage>)>);

    let plan = match plan.get() {
        Remote::Ready(Some(p)) => p,
        Remote::Ready(None) => {
            return html! {
                <>
                    <h1>{ t("plan-title") }</h1>
                    <p class="lead">{ t("plan-not-shared") }</p>
                    <p>{ t("plan-what-it-says") }</p>
                </>
            };
        }
        other => {
            return html! {
                <>
                    <h1>{ t("plan-title") }</h1>
                    { waiting(&other, &t("plan-loading"), &plan.reload).unwrap_or_default() }
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
        let title = section_title(s.section);
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
                    <span class="visually-hidden">{ format!(": {title}") }</span>
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
                        let view = api::ask_about_plan(&query)
                            .await
                            .map_err(|err| errors_from(&err, &[("message", MESSAGE)]))?;
                        asking.set(None);
                        sent.set(Some((section.as_str().to_string(), view.support)));
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
            let label = t(match kind {
                QueryKind::DontUnderstand => "plan-what-dont-understand",
                QueryKind::DontAgree => "plan-what-dont-agree",
            });
            html! {
                <div class="ask-box">
                    <ActionForm
                        id="plan-question-form"
                        fields={vec![
                            Field::new(MESSAGE, label, Kind::TextArea)
                                .hint(tf("plan-reader-will-answer", &[("reader", &reader)]))
                                .max(PLAN_MESSAGE_MAX_CHARS as u32),
                        ]}
                        submit={tf("plan-send", &[("what", &words::query_kind(kind))])}
                        busy={t("sending")}
                        act={send}
                    />
                    <button type="button" class="button button-secondary" onclick={cancel}>{ t("cancel") }</button>
                </div>
            }
        });
        html! {
            <section key={key} class="plan-part" aria-labelledby={heading.clone()}>
                <h2 id={heading}>{ title.clone() }</h2>
                if plan.version > 1 && s.changed {
                    <p><span class="tag tag-changed">{ t("plan-changed") }</span></p>
                }
                { paragraphs(&s.text) }
                if let Some(before) = &s.before {
                    <details class="disclosure">
                        <summary>{ t("plan-said-before") }</summary>
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
                        if sent.as_ref().is_some_and(|(at, _)| at == s.section.as_str()) {
                            <p class="notice-success">
                                { tf("plan-sent", &[("reader", &reader)]) }
                            </p>
                        }
                    </div>
                    if let Some(support) = sent
                        .as_ref()
                        .filter(|(at, _)| at == s.section.as_str())
                        .and_then(|(_, help)| help.as_ref())
                    {
                        { support_box(support) }
                    }
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
            <h1>{ plan_title(plan.kind) }</h1>
            <p class="lead">
                { tf("plan-shared-by", &[("name", &plan.shared_by), ("when", &words::when_now(plan.shared_at))]) }
            </p>
            if older {
                <div class="notice-info">
                    <p>{ tf("plan-older-version", &[("n", &plan.version.to_string())]) }</p>
                    <button type="button" class="button button-secondary" onclick={back_to_now}>
                        { t("plan-back-to-now") }
                    </button>
                </div>
            } else if any_changed {
                <p>{ t("plan-some-changed") }</p>
            }
            if let Some(date) = plan.next_date {
                <p><strong>{ t("plan-next-date") }</strong>{ " " }{ words::date(date) }</p>
            }
            if !older {
                <p class="small">{ tf("plan-tap-button", &[("reader", &reader)]) }</p>
            }
            { for plan.sections.iter().map(section_view) }
            if !plan.removed.is_empty() {
                <p>
                    { tf("plan-taken-out", &[("parts", &plan.removed.iter().map(|s| section_title(*s)).collect::<Vec<_>>().join(&format!("{} ", t("list-separator"))))]) }
                </p>
            }
            <section aria-labelledby="my-questions">
                <h2 id="my-questions">{ t("plan-my-questions") }</h2>
                <p class="small">{ tf("plan-reader-sees", &[("reader", &reader)]) }</p>
                { my_questions(&questions.list(), &questions.reload) }
            </section>
            { older_versions(&history.list(), plan.version, &version, &asking) }
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
            <p class="plan-words-title">{ t("plan-words-to-know") }</p>
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
            <p>{ t("plan-no-questions") }</p>
        },
        Remote::Ready(list) => html! {
            <ul class="cards">
                { for list.iter().map(|q| html! {
                    <li key={q.id.clone()} class="card">
                        <p>
                            <strong>{ section_title(q.section) }</strong>
                            { tf("plan-you-said", &[("what", &words::query_kind(q.kind))]) }
                        </p>
                        if let Some(m) = &q.message {
                            <p>{ t("plan-you-wrote") }{ " " }<q>{ m }</q></p>
                        }
                        <p class="muted small">{ tf("plan-sent-when", &[("when", &words::when_now(q.asked_at))]) }</p>
                        if let Some(answer) = &q.answer {
                            <div class="answer">
                                <p>
                                    <strong>{ tf("plan-answered", &[("name", &q.answered_by.clone().unwrap_or_else(|| t("plan-your-worker")))]) }</strong>
                                    if let Some(at) = q.answered_at {
                                        { format!(" {}", words::when_now(at)) }
                                    }
                                    { ":" }
                                </p>
                                { paragraphs(answer) }
                            </div>
                        } else {
                            <p><span class="tag">{ t("plan-not-answered") }</span></p>
                        }
                    </li>
                }) }
            </ul>
        },
        other => waiting(other, &t("plan-loading-questions"), reload).unwrap_or_default(),
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
            <h2 id="older-versions">{ t("plan-older-versions") }</h2>
            <p>{ t("plan-older-versions-text") }</p>
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
                                <strong>{ tf("plan-version", &[("n", &n.to_string())]) }</strong>
                                { tf("plan-version-shared", &[("name", &v.shared_by), ("when", &words::when_now(v.shared_at))]) }
                            </p>
                            if n == reading {
                                <p><span class="tag">{ t("plan-reading-this") }</span></p>
                            } else {
                                <button type="button" class="button button-secondary" {onclick}>
                                    { tf("plan-read-version", &[("n", &n.to_string())]) }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
