//! Administrators: the "good for me" feedback forms. A list of the four
//! age-banded forms with their versions, and an editor for one: change the
//! wording, add, remove and reorder questions (words or faces), say which
//! priority each belongs to, then publish it as a new version.
//!
//! Each text a young person reads has an Arabic field under it. The
//! form's translations are keyed by the English words, so reworded English
//! starts with no Arabic (young people reading Arabic see the English) and
//! the old Arabic is offered as a suggestion to check.
//!
//! Publishing never changes an old version: every answer keeps the version
//! it answered, so it still reads with its own questions. The editor runs
//! the same check as the server (`shared::reviews::validate_form`) before
//! sending, and shows either's message beside the field it names.

use crate::api;
use crate::components::form::focus_soon;
use crate::hooks::{use_get, waiting};
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::endpoints as ep;
use shared::people::AgeBand;
use shared::plain_language;
use shared::reviews::{
    faces, form_texts, validate_form, FormDefinition, FormFamily, FormKey, FormTranslations,
    FormVersionView, Priority, Question, QuestionKind,
};
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

mod draft;
mod fields;
use draft::*;
use fields::*;

/// What a form is called, for staff.
pub fn form_name(key: FormKey) -> &'static str {
    match key {
        FormKey::Under8 => "Under 8",
        FormKey::From8To11 => "Ages 8 to 11",
        FormKey::From12To17 => "Ages 12 to 17",
        FormKey::CareLeaver => "Care leavers (pathway plan review)",
    }
}

/// Who reads a form, in words.
fn readers(key: FormKey) -> &'static str {
    match key {
        FormKey::Under8 => "children under 8 (with an adult)",
        FormKey::From8To11 => "children of 8 to 11",
        FormKey::From12To17 => "young people of 12 to 17",
        FormKey::CareLeaver => "care leavers",
    }
}

/// Who reads a form, for the plain-language check of its words.
fn band_of(key: FormKey) -> AgeBand {
    match key {
        FormKey::Under8 => AgeBand::Under8,
        FormKey::From8To11 => AgeBand::From8To11,
        FormKey::From12To17 => AgeBand::From12To17,
        FormKey::CareLeaver => AgeBand::From18To25,
    }
}

fn kind_words(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Faces => "Faces, from very unhappy to very happy",
        QuestionKind::Text => "Their own words",
        QuestionKind::OneChoice => {
            "Pick one option (you can reword the options, not add or remove them)"
        }
        QuestionKind::ManyChoices => {
            "Pick any options (you can reword the options, not add or remove them)"
        }
    }
}

const OLD_ANSWERS: &str =
    "Publishing makes a new version. Answers already sent keep the version they answered, \
     so they still show with the questions the young person saw. A young person who has started \
     a form keeps the version they started; everyone else gets the new one.";

// ------------------------------------------------------------------ list

#[component]
pub fn FormsPage() -> Html {
    let data = use_get(Some(ep::feedback::Forms::url()));
    let body = match data.list() {
        Remote::Ready(families) if families.is_empty() => html! {
            <p>{ "There are no forms yet." }</p>
        },
        Remote::Ready(families) => html! {
            <ul class="cards">{ for families.iter().map(family_card) }</ul>
        },
        other => waiting(&other, "the forms", &data.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Feedback forms" }</h1>
            <p class="lead">
                { "The \u{201c}good for me\u{201d} forms young people fill in before their reviews, one for each age. " }
                { OLD_ANSWERS }
            </p>
            { body }
        </>
    }
}

fn family_card(f: &FormFamily) -> Html {
    let id = format!("form-{}", f.key.as_str());
    let href = Route::FeedbackFormEdit {
        key: f.key.as_str().to_string(),
    }
    .to_path();
    html! {
        <li key={f.key.as_str()} class="card">
            <h2 class="card-title" id={id.clone()}>{ form_name(f.key) }</h2>
            <p>{ format!("\u{201c}{}\u{201d}", f.current.title) }</p>
            <p>{ version_words(f.current.version, f.current.published_at, f.current.questions.len()) }</p>
            if f.versions.len() > 1 {
                <p class="small">{ format!("{} versions in all.", f.versions.len()) }</p>
            }
            <p>
                <a class="button button-secondary" {href} aria-describedby={id}>{ "Change this form" }</a>
            </p>
        </li>
    }
}

fn version_words(version: u32, at: chrono::DateTime<chrono::Utc>, questions: usize) -> String {
    format!(
        "Version {version}, published {}, {questions} question{}.",
        words::when_now(at),
        if questions == 1 { "" } else { "s" }
    )
}

// ---------------------------------------------------------------- editor

#[derive(Properties, PartialEq)]
pub struct FormEditProps {
    /// The form's key, such as `from8_to11`.
    pub key_name: String,
}

#[component]
pub fn FormEditPage(props: &FormEditProps) -> Html {
    let data = use_get(Some(ep::feedback::Forms::url()));
    let published = use_state(|| None::<String>);
    let back = html! {
        <p><Link<Route> to={Route::FeedbackForms}>{ "Back to the forms" }</Link<Route>></p>
    };
    let families = match data.list() {
        Remote::Ready(f) => f,
        other => {
            return html! {
                <>
                    { back }
                    <h1>{ "Change a feedback form" }</h1>
                    { waiting(&other, "the form", &data.reload).unwrap_or_default() }
                </>
            };
        }
    };
    let Some(family) =
        FormKey::parse(&props.key_name).and_then(|key| families.into_iter().find(|f| f.key == key))
    else {
        return html! {
            <>
                { back }
                <h1>{ "Form not found" }</h1>
                <p>{ "There is no form with that name." }</p>
            </>
        };
    };
    let on_published = {
        let (published, reload) = (published.clone(), data.reload.clone());
        Callback::from(move |v: FormVersionView| {
            published.set(Some(format!(
                "Published as version {}. Young people who start the form from now get it.",
                v.version
            )));
            reload.emit(());
        })
    };
    html! {
        <>
            { back }
            <h1>{ format!("Change the form: {}", form_name(family.key)) }</h1>
            <p class="lead">{ OLD_ANSWERS }</p>
            <div role="status">
                if let Some(text) = &*published {
                    <p class="notice-success">{ text }</p>
                }
            </div>
            <p>{ format!("Now: {}", version_words(family.current.version, family.current.published_at, family.current.questions.len())) }</p>
            // Keyed by version: once a new one is published the editor
            // starts again from it.
            <Editor key={family.current.id.clone()} current={family.current.clone()} {on_published} />
            <section aria-labelledby="versions">
                <h2 id="versions">{ "Versions" }</h2>
                <ol class="staff-list">
                    { for family.versions.iter().map(|v| html! {
                        <li key={v.id.clone()}>
                            { version_words(v.version, v.published_at, v.questions as usize) }
                            if v.id == family.current.id { { " This is the one in use." } }
                        </li>
                    }) }
                </ol>
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    current: FormVersionView,
    on_published: Callback<FormVersionView>,
}

#[component]
fn Editor(props: &EditorProps) -> Html {
    let key = props.current.key;
    let draft = use_state(|| Draft::from_version(&props.current));
    let problem = use_state(|| None::<Problem>);
    let busy = use_state(|| false);
    // Said to screen readers after a move, an add or a removal.
    let said = use_state(String::new);
    let summary = use_node_ref();
    {
        let summary = summary.clone();
        use_effect_with((*problem).clone(), move |p| {
            if p.is_some() {
                if let Some(el) = summary.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let changed = draft.definition(key) != Draft::from_version(&props.current).definition(key);

    // Every edit goes through here: a change to the draft clears the last
    // problem once the page it pointed at has moved.
    let edit = {
        let (draft, problem) = (draft.clone(), problem.clone());
        move |f: Box<dyn Fn(&mut Draft)>| {
            let mut d = (*draft).clone();
            f(&mut d);
            draft.set(d);
            problem.set(None);
        }
    };
    let edit = std::rc::Rc::new(edit);

    // The English of a text, its Arabic, and "use the old Arabic".
    let english_input = |slot: Slot| {
        let edit = edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = value_of(&e) {
                edit(Box::new(move |d| d.set_text(slot, v.clone())));
            }
        })
    };
    let arabic_input = |slot: Slot| {
        let edit = edit.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = value_of(&e) {
                edit(Box::new(move |d| d.set_arabic(slot, v.clone())));
            }
        })
    };
    let take_old = |slot: Slot| {
        let (edit, said) = (edit.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            edit(Box::new(move |d| {
                if let Some(old) = d.suggestion(slot).map(str::to_string) {
                    d.set_arabic(slot, old);
                }
            }));
            said.set(
                "The old Arabic is in the field. Check it says the same as the new English.".into(),
            );
            focus_soon(slot.arabic_id());
        })
    };
    // Problems found as the admin types: option words (the shared check)
    // and Arabic too long for its text.
    let mut live: BTreeMap<String, String> = draft.arabic_problems().into_iter().collect();
    for row in &draft.rows {
        if let Some((j, m)) = option_problem(&row.q) {
            live.insert(Slot::Option(row.uid, j).id(), m);
        }
    }
    // How many texts share each English words (they share the Arabic).
    let slots = draft.slots();
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, en) in &slots {
        *uses.entry(en.trim()).or_default() += 1;
    }
    let translated = slots
        .iter()
        .filter(|(slot, _)| !draft.arabic_of(*slot).trim().is_empty())
        .count();
    let arabic = |slot: Slot, label: &str, kind: TextBox, error: Option<String>| -> Html {
        let english = draft.text(slot).unwrap_or_default().trim();
        if english.is_empty() {
            return html! {};
        }
        arabic_field(
            ArabicField {
                slot,
                label,
                kind,
                value: draft.arabic_of(slot),
                suggestion: draft.suggestion(slot),
                uses: uses.get(english).copied().unwrap_or(1),
                error,
            },
            arabic_input(slot),
            take_old(slot),
        )
    };

    let publish = {
        let (draft, problem, busy, done) = (
            draft.clone(),
            problem.clone(),
            busy.clone(),
            props.on_published.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let def = draft.definition(key);
            problem.set(None);
            if let Err(err) = validate_form(&def) {
                // A translation's problem goes at its own Arabic field.
                let spot = match draft.arabic_problems().into_iter().next() {
                    Some((id, _)) if err.field.starts_with("translations") => Spot::Field(id),
                    _ => spot_of(&err.field),
                };
                problem.set(Some(Problem {
                    spot,
                    message: err.message,
                }));
                return;
            }
            busy.set(true);
            let (problem, busy, done) = (problem.clone(), busy.clone(), done.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::publish_form(&def).await;
                busy.set(false);
                match result {
                    Ok(v) => done.emit(v),
                    Err(err) => problem.set(Some(Problem {
                        spot: err.field().map(spot_of).unwrap_or(Spot::Form),
                        message: err.message(),
                    })),
                }
            });
        })
    };

    let start_again = {
        let (draft, problem, said, current) = (
            draft.clone(),
            problem.clone(),
            said.clone(),
            props.current.clone(),
        );
        Callback::from(move |_| {
            draft.set(Draft::from_version(&current));
            problem.set(None);
            said.set("Back to the published version.".into());
        })
    };

    let add = |kind: QuestionKind| {
        let (draft, problem, said) = (draft.clone(), problem.clone(), said.clone());
        Callback::from(move |_| {
            let mut d = (*draft).clone();
            let uid = d.add(kind);
            let n = d.rows.len();
            draft.set(d);
            problem.set(None);
            said.set(format!("Added question {n}. Write its words."));
            focus_soon(format!("q{uid}-prompt"));
        })
    };

    // Where each problem shows: (element id of the field, message).
    let placed: Option<(String, String)> = problem.as_ref().map(|p| {
        let id = match &p.spot {
            Spot::Top(id) => id.to_string(),
            Spot::Question(i, part) => draft
                .rows
                .get(*i)
                .map(|r| field_id(r, part))
                .unwrap_or_else(|| QUESTIONS.to_string()),
            Spot::Field(id) => id.clone(),
            Spot::Form => String::new(),
        };
        (id, p.message.clone())
    });
    let error_at = |id: &str| -> Option<String> {
        placed
            .as_ref()
            .filter(|(at, _)| at == id)
            .map(|(_, m)| m.clone())
            .or_else(|| live.get(id).cloned())
    };

    let summary_html = match &placed {
        None => html! {},
        Some((id, message)) => html! {
            <div class="error-summary" role="alert" aria-labelledby="form-editor-problems" tabindex="-1" ref={summary}>
                <h2 id="form-editor-problems" class="error-summary-title">{ "There is a problem" }</h2>
                <ul class="error-summary-list">
                    if id.is_empty() {
                        <li>{ message }</li>
                    } else {
                        <li><a href={format!("#{id}")} onclick={focus_on(id.clone())}>{ message }</a></li>
                    }
                </ul>
            </div>
        },
    };

    let count = draft.rows.len();
    let questions = draft.rows.iter().enumerate().map(|(i, row)| {
        let uid = row.uid;
        let ids = |part: &str| format!("q{uid}-{part}");
        let n = i + 1;
        let heading = ids("heading");
        let prompt_set = english_input(Slot::Prompt(uid));
        let help_set = english_input(Slot::Help(uid));
        let key_set = {
            let edit = edit.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(v) = value_of(&e) {
                    edit(Box::new(move |d| {
                        if let Some(i) = d.index_of(uid) {
                            d.rows[i].q.key = v.clone();
                        }
                    }));
                }
            })
        };
        let priority_set = {
            let edit = edit.clone();
            Callback::from(move |e: Event| {
                if let Some(v) = select_value(&e) {
                    edit(Box::new(move |d| {
                        if let Some(i) = d.index_of(uid) {
                            d.rows[i].q.priority = Priority::parse(&v);
                        }
                    }));
                }
            })
        };
        let kind_set = {
            let edit = edit.clone();
            Callback::from(move |e: Event| {
                if let Some(v) = select_value(&e) {
                    let kind = if v == "faces" { QuestionKind::Faces } else { QuestionKind::Text };
                    edit(Box::new(move |d| d.set_kind(uid, kind)));
                }
            })
        };
        let mover = |up: bool| {
            let (draft, problem, said) = (draft.clone(), problem.clone(), said.clone());
            Callback::from(move |_| {
                let mut d = (*draft).clone();
                if d.shift(uid, up) {
                    let at = d.index_of(uid).unwrap_or_default();
                    let last = d.rows.len().saturating_sub(1);
                    draft.set(d);
                    problem.set(None);
                    said.set(format!("Moved to question {}.", at + 1));
                    // Keep focus on the same button, or its pair at an end.
                    let button = match (up, at) {
                        (true, 0) => "down",
                        (false, a) if a == last => "up",
                        (true, _) => "up",
                        (false, _) => "down",
                    };
                    focus_soon(format!("q{uid}-{button}"));
                }
            })
        };
        let remover = {
            let (draft, problem, said) = (draft.clone(), problem.clone(), said.clone());
            Callback::from(move |_| {
                let mut d = (*draft).clone();
                if let Some(r) = d.remove(uid) {
                    said.set(format!("Removed \u{201c}{}\u{201d}.", r.q.prompt));
                    draft.set(d);
                    problem.set(None);
                    focus_soon(QUESTIONS.to_string());
                }
            })
        };
        let q = &row.q;
        let help_text = q.help.clone().unwrap_or_default();
        html! {
            <li key={uid} class="card">
                <h3 class="card-title" id={heading.clone()}>{ format!("Question {n} of {count}") }</h3>
                { text_field(&ids("prompt"), "The question, in the young person's words", TextBox::Area, &q.prompt, prompt_set, error_at(&ids("prompt")), Some(check_words(&q.prompt, key))) }
                { arabic(Slot::Prompt(uid), "The question in Arabic (optional)", TextBox::Area, error_at(&Slot::Prompt(uid).arabic_id())) }
                { text_field(&ids("help"), "A line under it (optional)", TextBox::Line, &help_text, help_set, error_at(&ids("help")), (!help_text.trim().is_empty()).then(|| check_words(&help_text, key))) }
                { arabic(Slot::Help(uid), "The line under it in Arabic (optional)", TextBox::Line, error_at(&Slot::Help(uid).arabic_id())) }
                if row.new {
                    <div class="field">
                        <label class="label" for={ids("kind")}>{ "How they answer" }</label>
                        <select id={ids("kind")} class="input select" onchange={kind_set}>
                            <option value="faces" selected={q.kind == QuestionKind::Faces}>{ kind_words(QuestionKind::Faces) }</option>
                            <option value="text" selected={q.kind == QuestionKind::Text}>{ kind_words(QuestionKind::Text) }</option>
                        </select>
                    </div>
                    { text_field(&ids("key"), "Short name", TextBox::Plain, &q.key, key_set,
                        error_at(&ids("key")),
                        Some(html! { { "Small letters, digits and underscores. It stays the same in every version, so totals over time line up." } })) }
                } else {
                    <p><strong>{ "How they answer: " }</strong>{ kind_words(q.kind) }</p>
                }
                if !q.options.is_empty() {
                    <fieldset class="choices">
                        <legend class="label">{ if q.kind == QuestionKind::Faces { "What the faces say" } else { "The options" } }</legend>
                        <p class="field-hint">{ if q.kind == QuestionKind::Faces {
                            "You can change the words. The faces stay, and so does what each one means, so totals over time still line up."
                        } else {
                            "You can change the words. The options stay, so answers already sent keep their meaning."
                        } }</p>
                        { for q.options.iter().enumerate().map(|(j, o)| {
                            let slot = Slot::Option(uid, j);
                            let (label, ar_label) = option_labels(q.kind, j);
                            html! {
                                <>
                                    { text_field(&slot.id(), &label, TextBox::Line, &o.label, english_input(slot), error_at(&slot.id()), None) }
                                    { arabic(slot, &ar_label, TextBox::Line, error_at(&slot.arabic_id())) }
                                </>
                            }
                        }) }
                    </fieldset>
                }
                <div class={if error_at(&ids("priority")).is_some() { "field field-invalid" } else { "field" }}>
                    <label class="label" for={ids("priority")}>{ "Which \u{201c}good for me\u{201d} priority it belongs to" }</label>
                    <select id={ids("priority")} class="input select" onchange={priority_set}>
                        <option value="" selected={q.priority.is_none()}>{ "None of them" }</option>
                        { for Priority::ALL.into_iter().map(|p| html! {
                            <option value={p.as_str()} selected={q.priority == Some(p)}>{ p.title() }</option>
                        }) }
                    </select>
                </div>
                <div class="actions actions-tight">
                    if i > 0 {
                        <button type="button" id={ids("up")} class="button button-secondary button-small" onclick={mover(true)} aria-describedby={heading.clone()}>{ "Move up" }</button>
                    }
                    if i + 1 < count {
                        <button type="button" id={ids("down")} class="button button-secondary button-small" onclick={mover(false)} aria-describedby={heading.clone()}>{ "Move down" }</button>
                    }
                    <button type="button" id={ids("remove")} class="button button-secondary button-small" onclick={remover} aria-describedby={heading}>{ "Remove" }</button>
                </div>
            </li>
        }
    });

    html! {
        <>
            { summary_html }
            <p class="visually-hidden" role="status">{ (*said).clone() }</p>
            <form class="form" id="form-editor" onsubmit={publish} novalidate=true>
                <h2>{ "The form" }</h2>
                <p>{ ARABIC_HOW }</p>
                { text_field(TITLE, "Title", TextBox::Line, &draft.title, english_input(Slot::Title), error_at(TITLE), Some(check_words(&draft.title, key))) }
                { arabic(Slot::Title, "Title in Arabic (optional)", TextBox::Line, error_at(&Slot::Title.arabic_id())) }
                { text_field(INTRO, "Welcome, said first", TextBox::Area, &draft.intro, english_input(Slot::Intro), error_at(INTRO), Some(check_words(&draft.intro, key))) }
                { arabic(Slot::Intro, "Welcome in Arabic (optional)", TextBox::Area, error_at(&Slot::Intro.arabic_id())) }
                { text_field(WITH_ADULT, "Note for doing it with a trusted adult (optional)", TextBox::Area, &draft.with_adult, english_input(Slot::WithAdult), error_at(WITH_ADULT), None) }
                { arabic(Slot::WithAdult, "Note in Arabic (optional)", TextBox::Area, error_at(&Slot::WithAdult.arabic_id())) }
                <h2 id={QUESTIONS} tabindex="-1">{ format!("Questions ({count})") }</h2>
                <p>{ "Every question can be skipped by the young person. Questions keep their short name across versions, so the totals for managers line up." }</p>
                if let Some(m) = error_at(QUESTIONS) {
                    <p class="field-error">{ m }</p>
                }
                <ol class="cards plain-list">{ for questions }</ol>
                <div class="actions">
                    <button type="button" class="button button-secondary" onclick={add(QuestionKind::Faces)}>{ "Add a faces question" }</button>
                    <button type="button" class="button button-secondary" onclick={add(QuestionKind::Text)}>{ "Add a question for their own words" }</button>
                </div>
                <h2>{ "Arabic" }</h2>
                <p id="form-arabic-count">{ format!(
                    "{translated} of {} texts have Arabic. Young people reading Arabic see the English for the rest.",
                    slots.len()
                ) }</p>
                <h2>{ "Publish" }</h2>
                <p>{ if changed { "Nothing changes for young people until you publish." } else { "You have not changed anything yet." } }</p>
                <div class="actions">
                    <button type="submit" class="button" aria-disabled={busy.then_some("true")}>
                        { if *busy { "Publishing…" } else { "Publish as a new version" } }
                    </button>
                    <button type="button" class="button button-secondary" onclick={start_again}>{ "Start again" }</button>
                </div>
            </form>
        </>
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use chrono::{TimeZone, Utc};

    fn version() -> FormVersionView {
        FormVersionView {
            id: "v1".into(),
            key: FormKey::From8To11,
            version: 1,
            title: "My review".into(),
            intro: "Tell us what you think.".into(),
            with_adult: None,
            questions: vec![
                Question {
                    key: "where_i_live".into(),
                    kind: QuestionKind::Faces,
                    prompt: "How do you feel about where you live?".into(),
                    help: None,
                    picture: Some("house".into()),
                    emoji: None,
                    priority: Some(Priority::BeingLookedAfter),
                    commitment: None,
                    options: faces(["No", "Not much", "OK", "Yes", "Very"]),
                    allow_comment: true,
                    max_chars: Some(500),
                },
                Question {
                    key: "better".into(),
                    kind: QuestionKind::Text,
                    prompt: "What would make things better?".into(),
                    help: None,
                    picture: None,
                    emoji: None,
                    priority: None,
                    commitment: None,
                    options: vec![],
                    allow_comment: false,
                    max_chars: Some(800),
                },
            ],
            published_at: Utc.timestamp_opt(0, 0).unwrap(),
            translations: Default::default(),
        }
    }

    #[test]
    fn an_unchanged_draft_is_the_published_form() {
        let v = version();
        let def = Draft::from_version(&v).definition(FormKey::From8To11);
        assert_eq!(def.questions, v.questions);
        assert_eq!(def.title, v.title);
        assert!(validate_form(&def).is_ok());
    }

    #[test]
    fn new_questions_get_a_free_name_and_the_forms_own_faces() {
        let mut d = Draft::from_version(&version());
        let uid = d.add(QuestionKind::Faces);
        let row = &d.rows[2];
        assert_eq!(row.uid, uid);
        assert!(row.new);
        assert_eq!(row.q.key, "question_1");
        assert_eq!(row.q.options, version().questions[0].options);
        d.add(QuestionKind::Text);
        assert_eq!(d.rows[3].q.key, "question_2");
        assert_eq!(d.rows[3].q.max_chars, Some(800));
        // Empty words are the shared check's to refuse, at that question.
        let err = validate_form(&d.definition(FormKey::From8To11)).unwrap_err();
        assert_eq!(spot_of(&err.field), Spot::Question(2, "prompt".into()));
        d.rows[2].q.prompt = "How do you feel about your friends?".into();
        d.rows[3].q.prompt = "Anything else?".into();
        assert!(validate_form(&d.definition(FormKey::From8To11)).is_ok());
    }

    #[test]
    fn a_new_question_can_change_kind_and_keeps_its_words() {
        let mut d = Draft::from_version(&version());
        let uid = d.add(QuestionKind::Faces);
        d.rows[2].q.prompt = "Friends?".into();
        d.set_kind(uid, QuestionKind::Text);
        let row = &d.rows[2];
        assert_eq!((row.uid, row.q.kind), (uid, QuestionKind::Text));
        assert_eq!(row.q.prompt, "Friends?");
        assert!(row.q.options.is_empty());
        // An old question keeps its kind.
        d.set_kind(0, QuestionKind::Text);
        assert_eq!(d.rows[0].q.kind, QuestionKind::Faces);
    }

    #[test]
    fn questions_move_and_go() {
        let mut d = Draft::from_version(&version());
        assert!(!d.shift(0, true), "the first cannot go up");
        assert!(d.shift(0, false));
        assert_eq!(d.rows[1].q.key, "where_i_live");
        assert!(!d.shift(0, false), "the last cannot go down");
        // Questions are found by their own id (0 here), wherever they are.
        assert_eq!(
            d.remove(0).map(|r| r.q.key).as_deref(),
            Some("where_i_live")
        );
        assert_eq!(d.rows.len(), 1);
        assert!(d.remove(0).is_none());
    }

    #[test]
    fn the_field_a_message_names_is_found() {
        assert_eq!(spot_of("title"), Spot::Top(TITLE));
        assert_eq!(spot_of("questions"), Spot::Top(QUESTIONS));
        assert_eq!(
            spot_of("questions[3].prompt"),
            Spot::Question(3, "prompt".into())
        );
        assert_eq!(
            spot_of("questions[12].options[1].label"),
            Spot::Question(12, "opt1".into())
        );
        assert_eq!(
            spot_of("questions[12].options[1].key"),
            Spot::Question(12, "options".into())
        );
        assert_eq!(spot_of("something"), Spot::Form);
        let d = Draft::from_version(&version());
        assert_eq!(field_id(&d.rows[1], "help"), "q1-help");
        // An old question's short name has no field: its wording has the link.
        assert_eq!(field_id(&d.rows[1], "key"), "q1-prompt");
        assert_eq!(field_id(&d.rows[0], "options"), "q0-prompt");
        assert_eq!(field_id(&d.rows[0], "opt4"), "q0-opt4");
        // No such option: the question's wording.
        assert_eq!(field_id(&d.rows[0], "opt5"), "q0-prompt");
    }

    fn arabic(pairs: &[(&str, &str)]) -> FormTranslations {
        let dict = pairs
            .iter()
            .map(|(e, a)| ((*e).to_string(), (*a).to_string()))
            .collect();
        BTreeMap::from([(AR.to_string(), dict)])
    }

    fn translated() -> FormVersionView {
        FormVersionView {
            translations: arabic(&[
                ("My review", "مراجعتي"),
                (
                    "How do you feel about where you live?",
                    "ما شعورك تجاه المكان الذي تعيش فيه؟",
                ),
                ("Very", "جدًا"),
            ]),
            ..version()
        }
    }

    #[test]
    fn the_arabic_is_prefilled_and_sent_back_whole() {
        let v = translated();
        let d = Draft::from_version(&v);
        assert_eq!(d.arabic_of(Slot::Title), "مراجعتي");
        assert_eq!(d.arabic_of(Slot::Intro), "");
        assert_eq!(d.arabic_of(Slot::Option(0, 4)), "جدًا");
        let def = d.definition(FormKey::From8To11);
        assert_eq!(def.translations, v.translations);
        assert!(validate_form(&def).is_ok());
        // Emptied, it is sent empty: no Arabic, not "keep the old".
        let mut d = Draft::from_version(&v);
        for slot in [Slot::Title, Slot::Prompt(0), Slot::Option(0, 4)] {
            d.set_arabic(slot, " ".into());
        }
        let def = d.definition(FormKey::From8To11);
        assert_eq!(
            def.translations,
            BTreeMap::from([(AR.to_string(), BTreeMap::new())])
        );
    }

    #[test]
    fn changed_english_has_no_arabic_and_offers_the_old() {
        let mut d = Draft::from_version(&translated());
        let prompt = Slot::Prompt(0);
        assert_eq!(d.suggestion(prompt), None);
        d.set_text(prompt, "Where do you live?".into());
        assert_eq!(d.arabic_of(prompt), "");
        let old = "ما شعورك تجاه المكان الذي تعيش فيه؟";
        assert_eq!(d.suggestion(prompt), Some(old));
        // Not sent for the new words; the old words are gone from the form.
        let sent = d.definition(FormKey::From8To11).translations;
        assert!(!sent[AR].contains_key("Where do you live?"));
        assert!(!sent[AR].contains_key("How do you feel about where you live?"));
        // Typing on keeps the suggestion; new Arabic replaces it.
        d.set_text(prompt, "Where do you live now?".into());
        assert_eq!(d.suggestion(prompt), Some(old));
        d.set_arabic(prompt, "أين تعيش الآن؟".into());
        assert_eq!(d.suggestion(prompt), None);
        let sent = d.definition(FormKey::From8To11).translations;
        assert_eq!(sent[AR]["Where do you live now?"], "أين تعيش الآن؟");
        // Back to the old English: its Arabic is back too.
        d.set_text(prompt, "How do you feel about where you live?".into());
        assert_eq!(d.arabic_of(prompt), old);
    }

    #[test]
    fn faces_are_relabelled_and_checked_as_the_server_does() {
        let mut d = Draft::from_version(&translated());
        let face = Slot::Option(0, 4);
        d.set_text(face, "Very happy".into());
        assert_eq!(d.rows[0].q.options[4].label, "Very happy");
        assert_eq!(d.rows[0].q.options[4].key, "5");
        assert_eq!(d.suggestion(face), Some("جدًا"));
        assert!(validate_form(&d.definition(FormKey::From8To11)).is_ok());
        d.set_text(face, " ".into());
        let (j, message) = option_problem(&d.rows[0].q).unwrap();
        assert_eq!(j, 4);
        assert_eq!(message, "Write the option in 1 to 80 characters.");
        let err = validate_form(&d.definition(FormKey::From8To11)).unwrap_err();
        assert_eq!(spot_of(&err.field), Spot::Question(0, "opt4".into()));
        d.set_text(face, "x".repeat(81));
        assert_eq!(option_problem(&d.rows[0].q).map(|p| p.0), Some(4));
    }

    #[test]
    fn arabic_longer_than_its_text_may_be_is_found_at_its_field() {
        let mut d = Draft::from_version(&translated());
        assert!(d.arabic_problems().is_empty());
        d.set_arabic(Slot::Option(0, 4), "ج".repeat(81));
        let problems = d.arabic_problems();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, "q0-opt4-ar");
        assert!(problems[0].1.contains("80 characters"));
        // The shared check refuses it as well.
        let err = validate_form(&d.definition(FormKey::From8To11)).unwrap_err();
        assert_eq!(err.field, "translations.ar");
    }
}
