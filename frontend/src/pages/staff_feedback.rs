//! Staff: what a young person chose to tell the caller before their
//! reviews, question by question (skipped ones named), with a flag when
//! words suggested harm; and the "you said, we did" answer the young person
//! reads once the review has happened.

use crate::api;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting};
use crate::pages::my_plan::paragraphs;
use crate::pages::person::not_on_list;
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::access::{allowed, Action};
use shared::endpoints as ep;
use shared::limits::REVIEW_MESSAGE_MAX;
use shared::people::Role;
use shared::reviews::{AnsweredQuestion, FeedbackAnswer, StaffFeedback};
use yew::prelude::*;
use yew_router::Routable;

const ANSWER: &str = "you-said-we-did-answer";

#[derive(Properties, PartialEq)]
pub struct PersonFeedbackProps {
    pub id: String,
}

/// One answer in words: the face's label, the choices, the words.
pub fn answer_text(a: &AnsweredQuestion) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(scale), label) = (a.scale, &a.scale_label) {
        out.push(match label {
            Some(l) => format!("{l} ({scale} of 5)"),
            None => format!("{scale} of 5"),
        });
    }
    if !a.choices.is_empty() {
        out.push(a.choices.join(", "));
    }
    if let Some(t) = &a.text {
        out.push(format!("\u{201c}{t}\u{201d}"));
    }
    out
}

#[component]
pub fn PersonFeedbackPage(props: &PersonFeedbackProps) -> Html {
    let me = use_me();
    let role = me.as_ref().map_or(Role::YoungPerson, |m| m.role);
    let caseload = use_get(Some(ep::people::Caseload::url()));
    let people = caseload.list();
    let row = match &people {
        Remote::Ready(list) => list.iter().find(|p| p.id == props.id).cloned(),
        _ => None,
    };
    let relation = row
        .as_ref()
        .map(|r| words::relation_from_basis(&r.basis))
        .unwrap_or(shared::access::Relation::Unrelated);
    let listed = row.is_some();
    let may = move |action: Action| listed && allowed(role, relation, action);
    let data = use_get(may(Action::ReadFeedback).then(|| ep::feedback::ForReader::url(&props.id)));
    let done = use_state(|| None::<String>);
    // The card whose answer form is open (its feedback id).
    let answering = use_state(|| None::<String>);

    let Some(row) = row else {
        return html! {
            <>
                <h1>{ "Views before reviews" }</h1>
                { match &people {
                    Remote::Ready(_) => not_on_list(),
                    other => waiting(other, "this young person", &caseload.reload).unwrap_or_default(),
                } }
            </>
        };
    };
    let name = row.preferred_name.clone();
    let answer = may(Action::AnswerFeedback);
    let links = html! {
        <p>
            <a href={Route::PersonReviews { id: row.id.clone() }.to_path()}>{ format!("{name}'s reviews") }</a>
            { " · " }
            <a href={Route::Person { id: row.id.clone() }.to_path()}>{ format!("{name}'s page") }</a>
        </p>
    };
    let body = match data.list() {
        Remote::Ready(list) if list.is_empty() && !may(Action::ReadFeedback) => html! {
            <p>{ "You cannot read this young person's views." }</p>
        },
        Remote::Ready(list) if list.is_empty() => html! {
            <p>{ format!("{name} has not sent you their views yet. Only the people they choose can read them.") }</p>
        },
        Remote::Ready(list) => html! {
            <ul class="cards">
                { for list.iter().map(|f| one(f, &name, &props.id, answer, &data.reload, &done, &answering)) }
            </ul>
        },
        Remote::Failed(err) if err.is_not_found() => not_on_list(),
        other => waiting(&other, "the views", &data.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ format!("{name}'s views") }</h1>
            <p class="lead">{ format!("What {name} chose to tell you before their reviews.") }</p>
            { links }
            <div role="status">
                if let Some(text) = &*done {
                    <p class="notice-success">{ text }</p>
                }
            </div>
            { body }
        </>
    }
}

fn one(
    f: &StaffFeedback,
    name: &str,
    person: &str,
    may_answer: bool,
    reload: &Callback<()>,
    done: &UseStateHandle<Option<String>>,
    answering: &UseStateHandle<Option<String>>,
) -> Html {
    let open = answering.as_deref() == Some(f.id.as_str());
    let send = {
        let (person, feedback_id, reload, done, answering) = (
            person.to_string(),
            f.id.clone(),
            reload.clone(),
            done.clone(),
            answering.clone(),
        );
        act(move |v| {
            let (person, feedback_id, reload, done, answering) = (
                person.clone(),
                feedback_id.clone(),
                reload.clone(),
                done.clone(),
                answering.clone(),
            );
            async move {
                let body = FeedbackAnswer {
                    feedback_id,
                    answer: v.get(ANSWER),
                };
                api::answer_feedback(&person, &body)
                    .await
                    .map_err(|err| errors_from(&err, &[("answer", ANSWER)]))?;
                done.set(Some(
                    "Saved. The young person sees your answer once the review has happened.".into(),
                ));
                answering.set(None);
                reload.emit(());
                Ok(())
            }
        })
    };
    let toggle = {
        let (answering, id) = (answering.clone(), f.id.clone());
        Callback::from(move |_| {
            if answering.as_deref() == Some(id.as_str()) {
                answering.set(None);
            } else {
                answering.set(Some(id.clone()));
                focus_soon(ANSWER.to_string());
            }
        })
    };
    let heading = format!("views-{}", f.id);
    html! {
        <li key={f.id.clone()} class="card">
            <h2 id={heading} class="card-title">{ format!("For the review on {}", words::date(f.review_date)) }</h2>
            <p class="small">
                { format!("Sent {} on \u{201c}{}\u{201d} (version {}). Read by: {}.",
                    words::when_now(f.submitted_at), f.form_title, f.form_version, f.readers.join(", ")) }
            </p>
            if f.suggests_harm {
                <div class="notice" role="note">
                    <p>
                        <strong>{ "Words in this suggest they may be at risk." }</strong>
                        { " A safeguarding alert was raised when it was sent. " }
                        <a href={Route::Alerts.to_path()}>{ "See the alerts" }</a>
                    </p>
                </div>
            }
            <dl class="fb-sent-answers">
                { for f.answered.iter().map(|a| html! {
                    <>
                        <dt>{ &a.prompt }</dt>
                        { for answer_text(a).into_iter().map(|w| html! { <dd>{ w }</dd> }) }
                    </>
                }) }
            </dl>
            if !f.skipped.is_empty() {
                <p class="small">{ format!("Skipped: {}", f.skipped.join(" / ")) }</p>
            }
            <h3>{ "You said, we did" }</h3>
            if let Some(y) = &f.you_said_we_did {
                <div class="answer">
                    { paragraphs(&y.answer) }
                    <p class="muted small">{ format!("From {}, {}.", y.by, words::when_now(y.at)) }</p>
                </div>
                <p class="small">
                    { if f.answer_shown_to_child {
                        format!("{name} can read this now.")
                    } else {
                        format!("{name} will see this once the review has happened.")
                    } }
                </p>
            } else {
                <p>{ "Not answered yet." }</p>
            }
            if may_answer {
                <button type="button" class="button button-secondary" aria-expanded={if open { "true" } else { "false" }} onclick={toggle}>
                    { if f.you_said_we_did.is_some() { "Change your answer" } else { "Write your answer" } }
                </button>
            }
            if may_answer && open {
                <ActionForm
                    id="answer-form"
                    fields={vec![
                        Field::new(ANSWER, if f.you_said_we_did.is_some() { "Change your answer" } else { "Your answer" }, Kind::TextArea)
                            .hint(format!("\u{201c}You said \u{2026}, so we \u{2026}\u{201d}, in plain words for {name}. They read it after the review."))
                            .required("Write your answer: what they said, and what you did about it.")
                            .max(REVIEW_MESSAGE_MAX as u32)
                            .value(f.you_said_we_did.as_ref().map(|y| y.answer.clone()).unwrap_or_default()),
                    ]}
                    submit={if f.you_said_we_did.is_some() { "Save the new answer" } else { "Send the answer" }}
                    busy="Saving…"
                    act={send}
                />
            }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::reviews::QuestionKind;

    #[test]
    fn answers_read_in_words() {
        let a = AnsweredQuestion {
            key: "home".into(),
            prompt: "How do you feel about where you live?".into(),
            kind: QuestionKind::Faces,
            priority: None,
            scale: Some(5),
            scale_label: Some("Really happy".into()),
            choices: vec![],
            text: Some("I like my room.".into()),
        };
        assert_eq!(
            answer_text(&a),
            vec!["Really happy (5 of 5)", "\u{201c}I like my room.\u{201d}"]
        );
    }
}
