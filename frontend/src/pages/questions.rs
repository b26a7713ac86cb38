//! Staff: young people's "I don't understand this" and "I don't agree" on
//! their plans, unanswered first, with an answer form. The whole list is a
//! worker's task list (`/staff/questions`); one young person's questions
//! show on their page and beside their plan.

use crate::api;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting};
use crate::pages::my_plan::paragraphs;
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::endpoints as ep;
use shared::limits::PLAN_MESSAGE_MAX_CHARS;
use shared::people::Role;
use shared::plans::PlanQueryView;
use yew::prelude::*;
use yew_router::Routable;

const ANSWER: &str = "plan-answer";

#[derive(Properties, PartialEq)]
pub struct PlanQuestionsProps {
    /// Only this young person's questions; everyone's when `None`.
    #[prop_or_default]
    pub person: Option<String>,
}

#[component]
pub fn PlanQuestions(props: &PlanQuestionsProps) -> Html {
    let me = use_me();
    // An IRO reads the questions; the young person's social worker or
    // personal adviser (or their manager) answers.
    let answers = me.as_ref().is_some_and(|m| {
        matches!(
            m.role,
            Role::SocialWorker | Role::PersonalAdviser | Role::TeamManager
        )
    });
    let list = use_get(Some(ep::plans::WorkerQueries::url()));
    // The question being answered.
    let open = use_state(|| None::<String>);
    let done = use_state(|| None::<String>);
    let all = match list.list() {
        Remote::Ready(all) => all,
        other => return waiting(&other, "the questions", &list.reload).unwrap_or_default(),
    };
    let mine: Vec<&PlanQueryView> = all
        .iter()
        .filter(|q| {
            props
                .person
                .as_ref()
                .is_none_or(|p| *p == q.young_person_id)
        })
        .collect();
    let everyone = props.person.is_none();

    let item = |q: &PlanQueryView| {
        let name = &q.young_person_name;
        let button_id = format!("answer-{}", q.id);
        let form = if q.answer.is_some() || !answers {
            html! {}
        } else if open.as_deref() == Some(q.id.as_str()) {
            let send = {
                let (open, done, reload) = (open.clone(), done.clone(), list.reload.clone());
                let (person, query, name) = (q.young_person_id.clone(), q.id.clone(), name.clone());
                act(move |v| {
                    let (open, done, reload) = (open.clone(), done.clone(), reload.clone());
                    let (person, query, name) = (person.clone(), query.clone(), name.clone());
                    async move {
                        api::answer_plan_question(&person, &query, &v.get(ANSWER))
                            .await
                            .map_err(|err| errors_from(&err, &[("answer", ANSWER)]))?;
                        open.set(None);
                        done.set(Some(format!(
                            "Sent. {name} can read your answer in the app."
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
            html! {
                <div class="ask-box">
                    <ActionForm
                        id="plan-answer-form"
                        fields={vec![
                            Field::new(ANSWER, format!("Your answer to {name}"), Kind::TextArea)
                                .hint(format!("{name} sees this in the app, under \u{201c}My questions\u{201d}. Use plain words."))
                                .required("Write an answer.")
                                .max(PLAN_MESSAGE_MAX_CHARS as u32),
                        ]}
                        submit="Send the answer"
                        busy="Sending…"
                        act={send}
                    />
                    <button type="button" class="button button-secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
        } else {
            let onclick = {
                let (open, done, id) = (open.clone(), done.clone(), q.id.clone());
                Callback::from(move |_| {
                    done.set(None);
                    open.set(Some(id.clone()));
                    focus_soon(ANSWER.to_string());
                })
            };
            html! {
                <button type="button" id={button_id} class="button" aria-expanded="false" {onclick}>
                    { "Answer" }
                    <span class="visually-hidden">{ format!(" {name}'s question about \u{201c}{}\u{201d}", q.section.title()) }</span>
                </button>
            }
        };
        html! {
            <li key={q.id.clone()} class="card">
                if everyone {
                    <p class="card-title">
                        <a href={Route::PersonPlan { id: q.young_person_id.clone() }.to_path()}>{ name }</a>
                    </p>
                }
                <p>
                    <strong>{ words::query_kind_for_staff(q.kind) }</strong>
                    { format!(": \u{201c}{}\u{201d}, version {} of the plan.", q.section.title(), q.version) }
                </p>
                if let Some(m) = &q.message {
                    <p>{ format!("{} wrote: ", words::first_name(name)) }<q>{ m }</q></p>
                }
                <p class="muted small">{ format!("Asked {}.", words::when_now(q.asked_at)) }</p>
                if let Some(answer) = &q.answer {
                    <div class="answer">
                        <p>
                            <strong>{ format!("Answered by {}", q.answered_by.as_deref().unwrap_or("a worker")) }</strong>
                            if let Some(at) = q.answered_at {
                                { format!(" {}", words::when_now(at)) }
                            }
                            { ":" }
                        </p>
                        { paragraphs(answer) }
                    </div>
                } else {
                    <p><span class="tag tag-bad">{ "Not answered yet" }</span></p>
                }
                { form }
            </li>
        }
    };

    html! {
        <>
            <div role="status">
                if let Some(text) = &*done {
                    <p class="notice-success">{ text }</p>
                }
            </div>
            if mine.is_empty() {
                <p>{ if everyone { "No questions at the moment." } else { "No questions about the plan yet." } }</p>
            } else {
                <ul class="cards">{ for mine.into_iter().map(item) }</ul>
            }
        </>
    }
}

/// The task list page. A plain function, not a component of its own: the
/// list is the component.
pub fn questions_page() -> Html {
    html! {
        <>
            <h1>{ "Questions about plans" }</h1>
            <p class="lead">
                { "When a young person taps \u{201c}I don't understand this\u{201d} or \u{201c}I don't agree\u{201d} on their plan, it comes here. \
                   Unanswered questions are first. Answer in plain words: they see your answer in the app." }
            </p>
            <PlanQuestions />
        </>
    }
}
