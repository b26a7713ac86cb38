//! Staff: write a young person's plan, part by part, with the plain-language
//! check live under each part as they type (the same check the server runs
//! before sharing: `shared::plain_language::check` for the young person's
//! age band). Save a draft, share it, and when the server says a part is
//! still not plain enough, give the reason it must be shared as it is.

use crate::api::{self, ApiError};
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting, LeanOf};
use crate::pages::my_plan::paragraphs;
use crate::pages::person::not_on_list;
use crate::pages::questions::PlanQuestions;
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use chrono::NaiveDate;
use gloo_timers::callback::Timeout;
use serde::Deserialize;
use shared::endpoints as ep;
use shared::limits::{OVERRIDE_REASON_MAX_CHARS, PLAN_SECTION_MAX_CHARS, REASON_MIN_CHARS};
use shared::people::{AgeBand, Role};
use shared::plain_language::{check, limits, PlainLanguageReport};
use shared::plans::{DraftPlan, PlanKind, PlanVersionSummary, Section, SectionText};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::Routable;

/// How long typing must pause before the check runs again.
const CHECK_AFTER_MS: u32 = 300;
const ADD: &str = "plan-add-part";
const NEXT_DATE: &str = "plan-next-date";
const REASON: &str = "plan-share-reason";

/// `shared::plans::StaffPlanView` without the server's check of the draft
/// (the page runs the same check itself, as the worker types).
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct PlanState {
    kind: PlanKind,
    draft: Option<DraftPlan>,
    versions: Vec<PlanVersionSummary>,
}

impl LeanOf<ep::plans::StaffPlan> for PlanState {}

/// "2026-12-01", for a date input.
fn date_value(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {
    pub id: String,
}

/// What the editor keeps between key presses: the parts being written, in
/// the plan's order, the next date, the check of each part, and the check
/// waiting for typing to pause. One `RefCell` (Yew's hooks are copied into
/// the download for every type they hold).
#[derive(Default)]
struct Draft {
    parts: Vec<(Section, String)>,
    next_date: String,
    reports: Vec<(Section, PlainLanguageReport)>,
    timer: Option<Timeout>,
}

impl Draft {
    /// What to send: parts with words in them.
    fn to_api(&self) -> DraftPlan {
        DraftPlan {
            sections: self
                .parts
                .iter()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(section, text)| SectionText {
                    section: *section,
                    text: text.trim().to_string(),
                })
                .collect(),
            next_date: parse_date(&self.next_date),
        }
    }
}

/// "2026-12-01" from a date input.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut it = s.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

fn check_all(draft: &Draft, band: AgeBand) -> Vec<(Section, PlainLanguageReport)> {
    draft
        .parts
        .iter()
        .map(|(s, t)| (*s, check(t, band)))
        .collect()
}

impl Draft {
    /// Check every part again.
    fn recheck(&mut self, band: AgeBand) {
        self.reports = check_all(self, band);
    }
}

fn text_id(section: Section) -> String {
    format!("plan-text-{}", section.as_str())
}

#[component]
pub fn PlanEditorPage(props: &PlanEditorProps) -> Html {
    let me = use_me();
    let id = props.id.clone();
    let person = use_get(Some(ep::people::Person::url(&id)));
    let plan = use_get(Some(ep::plans::StaffPlan::url(&id)));
    let shared = use_get(Some(ep::plans::StaffShared::url(&id)));
    let draft = use_mut_ref(Draft::default);
    let loaded = use_state(|| false);
    let redraw = use_force_update();
    let busy = use_state(|| false);
    // After saving or sharing: words for a status, or a problem.
    let done = use_state(|| None::<String>);
    let problem = use_state(|| None::<String>);
    // The server's words when sharing failed the check: ask for a reason.
    let needs_reason = use_state(|| None::<String>);

    let person_data = person.maybe();
    let plan_data = plan.lean::<PlanState>();
    let shared_data = shared.get();
    let band = match &person_data {
        Remote::Ready(Some(p)) => Some(p.age_band),
        _ => None,
    };

    // Fill the editor once: from the draft, or else from what the young
    // person sees now.
    let start: Option<Draft> = match (&plan_data, &shared_data) {
        (Remote::Ready(p), Remote::Ready(s)) if !*loaded && band.is_some() => {
            Some(match (&p.draft, s) {
                (Some(d), _) => Draft {
                    parts: d
                        .sections
                        .iter()
                        .map(|s| (s.section, s.text.clone()))
                        .collect(),
                    next_date: d.next_date.map(date_value).unwrap_or_default(),
                    ..Draft::default()
                },
                (None, Some(s)) => Draft {
                    parts: s
                        .sections
                        .iter()
                        .map(|x| (x.section, x.text.clone()))
                        .collect(),
                    next_date: s.next_date.map(date_value).unwrap_or_default(),
                    ..Draft::default()
                },
                (None, None) => Draft::default(),
            })
        }
        _ => None,
    };
    {
        let (draft, loaded) = (draft.clone(), loaded.clone());
        use_effect_with(start.is_some(), move |ready| {
            if let (true, Some(mut start), Some(band)) = (*ready, start, band) {
                start.recheck(band);
                *draft.borrow_mut() = start;
                loaded.set(true);
            }
        });
    }

    let name = match &person_data {
        Remote::Ready(Some(p)) => p.preferred_name.clone(),
        _ => String::new(),
    };
    let not_found = [failure(&person_data), failure(&plan_data)]
        .into_iter()
        .any(|e| e.is_some_and(ApiError::is_not_found));
    if not_found {
        return html! { <><h1>{ "Plan" }</h1>{ not_on_list() }</> };
    }
    let (Remote::Ready(Some(profile)), Remote::Ready(view), Some(band)) =
        (&person_data, &plan_data, band)
    else {
        let reload = {
            let (a, b, c) = (
                person.reload.clone(),
                plan.reload.clone(),
                shared.reload.clone(),
            );
            Callback::from(move |()| {
                a.emit(());
                b.emit(());
                c.emit(());
            })
        };
        let first_problem = [
            failure(&person_data),
            failure(&plan_data),
            failure(&shared_data),
        ]
        .into_iter()
        .flatten()
        .next();
        let state: Remote<()> = match first_problem {
            Some(err) => Remote::Failed(err.clone()),
            None => Remote::Loading,
        };
        return html! {
            <>
                <h1>{ "Plan" }</h1>
                { waiting(&state, "the plan", &reload).unwrap_or_default() }
            </>
        };
    };
    let role = me.as_ref().map_or(Role::YoungPerson, |m| m.role);
    let can_write = matches!(
        role,
        Role::SocialWorker | Role::PersonalAdviser | Role::TeamManager
    );
    let lim = limits(band);
    let plan_words = match view.kind {
        PlanKind::CarePlan => "care plan",
        PlanKind::PathwayPlan => "pathway plan",
    };

    let state_line = match view.versions.first() {
        Some(v) => format!(
            "{name} can see version {} of their plan, shared by {} {}.",
            v.version,
            v.shared_by,
            words::when_now(v.shared_at)
        ),
        None => format!("Nothing has been shared with {name} yet."),
    };
    let header = html! {
        <>
            <h1>{ format!("{name}'s plan") }</h1>
            <p class="lead">
                { format!("Write {name}'s {plan_words} in words they understand. {name} is {}: keep sentences to {} words or fewer, and swap jargon for everyday words.", profile.age, lim.max_sentence_words) }
            </p>
            <p>{ state_line }</p>
            <p><a href={Route::Person { id: id.clone() }.to_path()}>{ format!("Back to {name}'s page") }</a></p>
        </>
    };
    let questions = html! {
        <section aria-labelledby="plan-questions">
            <h2 id="plan-questions">{ format!("Questions from {name}") }</h2>
            <PlanQuestions person={Some(id.clone())} />
        </section>
    };

    if !can_write {
        return html! {
            <>
                { header }
                <p>{ format!("You can read {name}'s plan as they see it. Their social worker or personal adviser writes it.") }</p>
                { match &shared_data {
                    Remote::Ready(Some(p)) => html! {
                        <>{ for p.sections.iter().map(|s| html! {
                            <section key={s.section.as_str()}>
                                <h2>{ &s.title }</h2>
                                { paragraphs(&s.text) }
                            </section>
                        }) }</>
                    },
                    _ => html! {},
                } }
                { questions }
            </>
        };
    }

    let oninput = {
        let (draft, redraw) = (draft.clone(), redraw.clone());
        Callback::from(move |e: InputEvent| {
            let Some(area) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let id = area.id();
            let (again, redraw) = (draft.clone(), redraw.clone());
            let mut d = draft.borrow_mut();
            if let Some(part) = d.parts.iter_mut().find(|(s, _)| text_id(*s) == id) {
                part.1 = area.value();
            }
            // A new key press cancels the check still waiting (dropping a
            // Timeout clears it).
            d.timer = Some(Timeout::new(CHECK_AFTER_MS, move || {
                again.borrow_mut().recheck(band);
                redraw.force_update();
            }));
        })
    };
    let on_date = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                draft.borrow_mut().next_date = input.value();
            }
        })
    };

    let parts: Vec<(Section, String)> = draft.borrow().parts.clone();
    let reports: Vec<(Section, PlainLanguageReport)> = draft.borrow().reports.clone();
    let part_view = |(section, text): &(Section, String)| {
        let section = *section;
        let key = section.as_str();
        let heading = format!("edit-{key}");
        let check_id = format!("check-{key}");
        let report = reports.iter().find(|(s, _)| *s == section).map(|(_, r)| r);
        let remove = {
            let (draft, redraw, done) = (draft.clone(), redraw.clone(), done.clone());
            Callback::from(move |_| {
                let mut d = draft.borrow_mut();
                d.parts.retain(|(s, _)| *s != section);
                d.recheck(band);
                done.set(None);
                redraw.force_update();
                focus_soon(ADD.to_string());
            })
        };
        html! {
            <section key={key} class="plan-edit" aria-labelledby={heading.clone()}>
                <h2 id={heading}>{ section.title() }</h2>
                <label class="label" for={text_id(section)}>
                    { format!("What {name} reads under \u{201c}{}\u{201d}", section.title()) }
                </label>
                <textarea
                    id={text_id(section)}
                    class="input textarea plan-textarea"
                    rows="6"
                    maxlength={PLAN_SECTION_MAX_CHARS.to_string()}
                    aria-describedby={check_id.clone()}
                    value={text.clone()}
                    oninput={oninput.clone()}
                />
                { check_view(&check_id, report, text.trim().is_empty(), &name) }
                <button type="button" class="button button-secondary" onclick={remove}>
                    { "Take this part out" }
                    <span class="visually-hidden">{ format!(": {}", section.title()) }</span>
                </button>
            </section>
        }
    };

    let unused: Vec<Section> = Section::ALL
        .into_iter()
        .filter(|s| !parts.iter().any(|(p, _)| p == s))
        .collect();
    let add = {
        let (draft, redraw, done) = (draft.clone(), redraw.clone(), done.clone());
        Callback::from(move |_| {
            let chosen = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(ADD))
                .and_then(|el| el.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .and_then(|sel| Section::parse(&sel.value()));
            let Some(section) = chosen else { return };
            let mut d = draft.borrow_mut();
            if d.parts.iter().any(|(s, _)| *s == section) {
                return;
            }
            // In the plan's order.
            let at = d
                .parts
                .iter()
                .position(|(s, _)| *s > section)
                .unwrap_or(d.parts.len());
            d.parts.insert(at, (section, String::new()));
            d.recheck(band);
            done.set(None);
            redraw.force_update();
            focus_soon(text_id(section));
        })
    };

    let failing: Vec<&'static str> = reports
        .iter()
        .filter(|(_, r)| !r.passes)
        .map(|(s, _)| s.title())
        .collect();

    // Save, then (when `share`) share, with the reason if one was given.
    let run = {
        let (draft, busy, done, problem, needs_reason) = (
            draft.clone(),
            busy.clone(),
            done.clone(),
            problem.clone(),
            needs_reason.clone(),
        );
        let reloads = (plan.reload.clone(), shared.reload.clone());
        let (id, name) = (id.clone(), name.clone());
        Rc::new(move |share: bool, reason: Option<String>| {
            let body = draft.borrow().to_api();
            let (busy, done, problem, needs_reason, reloads) = (
                busy.clone(),
                done.clone(),
                problem.clone(),
                needs_reason.clone(),
                reloads.clone(),
            );
            let (id, name) = (id.clone(), name.clone());
            async move {
                if body.sections.is_empty() {
                    problem.set(Some("Write at least one part of the plan first.".into()));
                    return Ok(());
                }
                busy.set(true);
                done.set(None);
                problem.set(None);
                let mut result = api::save_plan_draft(&id, &body).await;
                if share && result.is_ok() {
                    result = api::share_plan(&id, reason.clone()).await;
                }
                busy.set(false);
                reloads.0.emit(());
                reloads.1.emit(());
                match result {
                    Ok(()) if share => {
                        needs_reason.set(None);
                        done.set(Some(format!(
                            "Shared. {name} can see it now, and the app tells them."
                        )));
                        Ok(())
                    }
                    Ok(()) => {
                        done.set(Some(format!(
                            "Draft saved. {name} cannot see it until you share it."
                        )));
                        Ok(())
                    }
                    Err(err)
                        if share && reason.is_none() && err.field() == Some("override_reason") =>
                    {
                        needs_reason.set(Some(err.message()));
                        focus_soon(REASON.to_string());
                        Ok(())
                    }
                    Err(err) => Err(err),
                }
            }
        })
    };
    let click = |share: bool| {
        let (run, busy, problem) = (run.clone(), busy.clone(), problem.clone());
        Callback::from(move |_| {
            if *busy {
                return;
            }
            let (run, problem) = (run.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(err) = (*run)(share, None).await {
                    problem.set(Some(err.message()));
                }
            });
        })
    };
    let share_with_reason = {
        let run = run.clone();
        act(move |v| {
            let run = run.clone();
            async move {
                let reason = v.get(REASON);
                (*run)(true, Some(reason.trim().to_string()))
                    .await
                    .map_err(|err| errors_from(&err, &[("override_reason", REASON)]))
            }
        })
    };

    let next_date = draft.borrow().next_date.clone();
    html! {
        <>
            { header }
            if view.draft.is_some() {
                <p>{ format!("You have a saved draft. {name} cannot see it until you share it.") }</p>
            }
            <p class="small">{ "The check under each part updates as you type. It is the same check that runs when you share." }</p>
            if parts.is_empty() {
                <p>{ "There is nothing in the plan yet. Add a part below to start." }</p>
            }
            { for parts.iter().map(part_view) }
            if !unused.is_empty() {
                <section class="plan-add" aria-labelledby="add-part">
                    <h2 id="add-part">{ "Add a part" }</h2>
                    <div class="field">
                        <label class="label" for={ADD}>{ "Part of the plan" }</label>
                        <select id={ADD} class="input select">
                            { for unused.iter().map(|s| html! {
                                <option value={s.as_str()}>{ s.title() }</option>
                            }) }
                        </select>
                    </div>
                    <button type="button" class="button button-secondary" onclick={add}>{ "Add this part" }</button>
                </section>
            }
            <section aria-labelledby="save-share">
                <h2 id="save-share">{ "Save and share" }</h2>
                <div class="field">
                    <label class="label" for={NEXT_DATE}>{ "Next important date (optional)" }</label>
                    <p class="field-hint" id="plan-next-date-hint">{ format!("Such as the next review meeting. {name} sees it at the top of their plan.") }</p>
                    <input id={NEXT_DATE} type="date" class="input" value={next_date} aria-describedby="plan-next-date-hint" onchange={on_date} />
                </div>
                if failing.is_empty() {
                    <p>{ format!("Every part is plain enough for {}.", lim.reader) }</p>
                } else {
                    <p>{ format!("Not plain enough yet: {}. Change them, or give a reason when you share.", failing.join(", ")) }</p>
                }
                <div role="alert">
                    if let Some(text) = &*problem {
                        <p class="notice">{ text }</p>
                    }
                </div>
                <div role="status">
                    if let Some(text) = &*done {
                        <p class="notice-success">{ text }</p>
                    }
                </div>
                if let Some(message) = &*needs_reason {
                    <div class="notice">
                        <p>{ message }</p>
                        <ActionForm
                            id="plan-reason-form"
                            fields={vec![
                                Field::new(REASON, "Why must it be shared as it is?", Kind::TextArea)
                                    .hint(format!("At least {REASON_MIN_CHARS} characters. This is kept with the plan, and managers can see it."))
                                    .required("Say why it must be shared as it is.")
                                    .max(OVERRIDE_REASON_MAX_CHARS as u32),
                            ]}
                            submit="Share as it is, with this reason"
                            busy="Sharing…"
                            act={share_with_reason}
                        />
                    </div>
                }
                <div class="actions">
                    <button type="button" class="button button-secondary" aria-disabled={busy.then_some("true")} onclick={click(false)}>
                        { "Save draft" }
                    </button>
                    <button type="button" class="button" aria-disabled={busy.then_some("true")} onclick={click(true)}>
                        { format!("Share with {name}") }
                    </button>
                </div>
            </section>
            { questions }
        </>
    }
}

/// The live check under one part.
fn check_view(id: &str, report: Option<&PlainLanguageReport>, empty: bool, name: &str) -> Html {
    let Some(r) = report.filter(|_| !empty) else {
        return html! {
            <div class="plain-check" id={id.to_string()}>
                <p>{ "Write something here, or take this part out." }</p>
            </div>
        };
    };
    let lim = limits(r.band);
    let kept: Vec<&str> = r
        .jargon
        .iter()
        .filter(|j| j.must_stay)
        .map(|j| j.matched.as_str())
        .collect();
    let score = if r.score_judged {
        format!(
            "Reading ease {:.0} (needs {:.0} or more).",
            r.reading_ease, r.min_reading_ease
        )
    } else {
        format!(
            "Reading ease {:.0}: it counts once there are {} words.",
            r.reading_ease,
            shared::plain_language::MIN_WORDS_FOR_SCORE
        )
    };
    html! {
        <div class={classes!("plain-check", if r.passes { "plain-check-good" } else { "plain-check-bad" })} id={id.to_string()}>
            if r.passes {
                <p>
                    <span class="check-mark" aria-hidden="true">{ "✓" }</span>
                    <strong>{ "Plain enough " }</strong>{ format!("for {}.", lim.reader) }
                </p>
            } else {
                <p>
                    <span class="check-mark" aria-hidden="true">{ "✗" }</span>
                    <strong>{ "Not plain enough yet:" }</strong>
                </p>
                <ul class="plain-list">
                    { for r.issues.iter().map(|i| html! { <li>{ i }</li> }) }
                </ul>
            }
            <p class="small">
                { format!("Longest sentence: {} words (up to {}). {score}", r.longest_sentence_words, r.max_sentence_words) }
            </p>
            if !kept.is_empty() {
                <p class="small">{ format!("Explained to {name} beside the text: {}.", kept.join(", ")) }</p>
            }
        </div>
    }
}

/// The error of a `Remote`, if it failed.
fn failure<T>(remote: &Remote<T>) -> Option<&ApiError> {
    match remote {
        Remote::Failed(err) => Some(err),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn dates_go_into_and_out_of_the_date_input() {
        let d = NaiveDate::from_ymd_opt(2027, 3, 4).unwrap();
        assert_eq!(date_value(d), "2027-03-04");
        assert_eq!(parse_date("2027-03-04"), Some(d));
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("2027-02-30"), None);
    }

    #[test]
    fn empty_parts_are_left_out_of_the_draft() {
        let d = Draft {
            parts: vec![
                (Section::AboutMe, "  I like art.  ".into()),
                (Section::Health, "   ".into()),
            ],
            next_date: "2027-01-02".into(),
            ..Draft::default()
        };
        let api = d.to_api();
        assert_eq!(api.sections.len(), 1);
        assert_eq!(api.sections[0].text, "I like art.");
        assert_eq!(api.next_date, NaiveDate::from_ymd_opt(2027, 1, 2));
    }

    #[test]
    fn the_staff_view_decodes_without_its_checks() {
        let json = r#"{"kind":"care_plan","draft":{"sections":[{"section":"about_me","text":"Hi."}],"next_date":null},
            "checks":[{"section":"about_me","report":{"band":"from12_to17","sentences":1,"words":1}}],
            "shared_version":null,"versions":[]}"#;
        let v: PlanState = serde_json::from_str(json).unwrap();
        assert_eq!(v.kind, PlanKind::CarePlan);
        assert_eq!(v.draft.map(|d| d.sections.len()), Some(1));
    }

    #[test]
    fn jargon_and_long_sentences_are_caught_for_a_fourteen_year_old() {
        let d = Draft {
            parts: vec![(Section::WhatHappensNext, "Your LAC review is soon.".into())],
            next_date: String::new(),
            ..Draft::default()
        };
        let reports = check_all(&d, AgeBand::From12To17);
        assert!(!reports[0].1.passes);
        assert!(reports[0]
            .1
            .issues
            .iter()
            .any(|i| i.contains("your review meeting")));
    }
}
