//! Every form in the app is one [`ActionForm`]: a list of [`Field`]s (data,
//! not components) and an action to run with what was typed. It gets the
//! accessibility right once: a label on every field, hints and errors tied
//! to it with `aria-describedby`, `aria-invalid` on a field in error, a
//! summary at the top that takes focus (and is announced) when a form is
//! sent with problems, a busy label while it works, and a "Show password"
//! button on passwords.
//!
//! Inputs are not controlled: the browser keeps what was typed and the form
//! reads it on submit. One component type for every form keeps the app
//! small (each Yew component and closure type costs download size).

use crate::api::ApiError;
use crate::i18n::{t, words_for};
use futures::future::{FutureExt, LocalBoxFuture};
use shared::accounts::password_rules;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One problem with a form: beside the field with this element id, or about
/// the whole form when `field` is `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Option<&'static str>,
    pub message: String,
}

impl FieldError {
    pub fn at(field: &'static str, message: impl Into<String>) -> FieldError {
        FieldError {
            field: Some(field),
            message: message.into(),
        }
    }

    pub fn form(message: impl Into<String>) -> FieldError {
        FieldError {
            field: None,
            message: message.into(),
        }
    }
}

/// The problems from a failed call: the server's message beside the field
/// it names (`fields` maps the API's field names to element ids), or about
/// the whole form.
pub fn errors_from(err: &ApiError, fields: &[(&str, &'static str)]) -> Vec<FieldError> {
    let field = err
        .field()
        .and_then(|f| fields.iter().find(|(name, _)| *name == f))
        .map(|(_, id)| *id);
    vec![FieldError {
        field,
        message: err.message(),
    }]
}

/// The message for one field, if it has one.
pub fn error_for(errors: &[FieldError], id: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == Some(id))
        .map(|e| e.message.clone())
}

/// What kind of input a field is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Text,
    /// Usernames and ids: no capitals added, no spell check.
    Plain,
    /// A one-time code: capitals, monospace.
    Code,
    /// An existing password.
    Password,
    /// A new password, checked as it is typed with the shared rule.
    NewPassword {
        username: AttrValue,
    },
    Date,
    /// A local date and time (`datetime-local`).
    DateTime,
    /// A whole number.
    Number,
    TextArea,
    Select {
        options: Rc<Vec<(AttrValue, AttrValue)>>,
        placeholder: Option<AttrValue>,
    },
    /// Words between fields, not a field.
    Note,
}

/// One field of a form. Its `name` is also its element id, so keep names
/// unique on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub label: AttrValue,
    pub hint: Option<AttrValue>,
    pub kind: Kind,
    pub autocomplete: Option<&'static str>,
    /// The message when it is left empty; `None` if it may be.
    pub required: Option<AttrValue>,
    pub maxlength: Option<u32>,
    /// What the field holds when the form opens (editing something).
    pub value: Option<AttrValue>,
}

impl Field {
    pub fn new(name: &'static str, label: impl Into<AttrValue>, kind: Kind) -> Field {
        Field {
            name,
            label: label.into(),
            hint: None,
            kind,
            autocomplete: None,
            required: None,
            maxlength: None,
            value: None,
        }
    }

    /// Start the field with this text (or option) in it.
    pub fn value(mut self, value: impl Into<AttrValue>) -> Field {
        self.value = Some(value.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<AttrValue>) -> Field {
        self.hint = Some(hint.into());
        self
    }

    pub fn autocomplete(mut self, value: &'static str) -> Field {
        self.autocomplete = Some(value);
        self
    }

    pub fn required(mut self, message: impl Into<AttrValue>) -> Field {
        self.required = Some(message.into());
        self
    }

    pub fn max(mut self, chars: u32) -> Field {
        self.maxlength = Some(chars);
        self
    }

    /// A paragraph between fields.
    pub fn note(text: impl Into<AttrValue>) -> Field {
        Field::new("", text, Kind::Note)
    }

    /// A select from (value, words) pairs.
    pub fn select(
        name: &'static str,
        label: impl Into<AttrValue>,
        options: Vec<(AttrValue, AttrValue)>,
        placeholder: Option<&'static str>,
    ) -> Field {
        Field::new(
            name,
            label,
            Kind::Select {
                options: Rc::new(options),
                placeholder: placeholder.map(AttrValue::Static),
            },
        )
    }
}

/// What was typed, read from the form when it is sent.
pub struct Values(Option<web_sys::FormData>);

impl Values {
    /// The value of the field with this name ("" when missing).
    pub fn get(&self, name: &str) -> String {
        self.0
            .as_ref()
            .and_then(|d| d.get(name).as_string())
            .unwrap_or_default()
    }
}

/// What a form's action answers: done, or what to fix.
pub type Outcome = Result<(), Vec<FieldError>>;

/// A form's action. Compared by identity.
#[derive(Clone)]
pub struct Act(Rc<dyn Fn(Values) -> LocalBoxFuture<'static, Outcome>>);

impl PartialEq for Act {
    fn eq(&self, other: &Act) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Wrap an async function as a form's action.
pub fn act<F, Fut>(f: F) -> Act
where
    F: Fn(Values) -> Fut + 'static,
    Fut: Future<Output = Outcome> + 'static,
{
    Act(Rc::new(move |values| f(values).boxed_local()))
}

#[derive(Properties, PartialEq)]
pub struct ActionFormProps {
    /// Unique on the page; the error summary's ids start with it.
    pub id: AttrValue,
    #[prop_or_default]
    pub fields: Vec<Field>,
    pub submit: AttrValue,
    pub busy: AttrValue,
    /// Words only a screen reader hears after the button's label ("Sign out"
    /// + " Chrome on Linux").
    #[prop_or_default]
    pub submit_more: Option<AttrValue>,
    /// The button's classes ("button" and maybe "button-secondary").
    #[prop_or(AttrValue::Static("button"))]
    pub button_class: AttrValue,
    pub act: Act,
    /// Empty the fields once the action has worked.
    #[prop_or_default]
    pub reset: bool,
}

#[component]
pub fn ActionForm(props: &ActionFormProps) -> Html {
    let errors = use_state(Vec::<FieldError>::new);
    let busy = use_state(|| false);
    // The live check of a new password: (field, what to change if anything).
    let check = use_state(|| None::<(&'static str, Option<&'static str>)>);
    let summary = use_node_ref();
    {
        let summary = summary.clone();
        use_effect_with((*errors).clone(), move |errors| {
            if !errors.is_empty() {
                if let Some(el) = summary.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let onsubmit = {
        let (errors, busy, check) = (errors.clone(), busy.clone(), check.clone());
        let (fields, act, reset) = (props.fields.clone(), props.act.clone(), props.reset);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let form = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
            let values = Values(
                form.as_ref()
                    .and_then(|f| web_sys::FormData::new_with_form(f).ok()),
            );
            let missing: Vec<FieldError> = fields
                .iter()
                .filter_map(|f| {
                    let message = f.required.as_ref()?;
                    values
                        .get(f.name)
                        .trim()
                        .is_empty()
                        .then(|| FieldError::at(f.name, message.to_string()))
                })
                .collect();
            // Empty first, so the same problem twice is announced twice.
            errors.set(Vec::new());
            if !missing.is_empty() {
                errors.set(missing);
                return;
            }
            busy.set(true);
            let (errors, busy, check, act) =
                (errors.clone(), busy.clone(), check.clone(), act.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = (act.0)(values).await;
                busy.set(false);
                match outcome {
                    Ok(()) => {
                        if reset {
                            if let Some(form) = form {
                                form.reset();
                            }
                            check.set(None);
                        }
                    }
                    Err(problems) => errors.set(problems),
                }
            });
        })
    };

    let oninput = {
        let check = check.clone();
        let fields = props.fields.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let name = input.name();
            for f in &fields {
                if let (true, Kind::NewPassword { username }) = (f.name == name, &f.kind) {
                    let value = input.value();
                    check.set(
                        (!value.is_empty())
                            .then(|| (f.name, password_rules::problem(&value, username))),
                    );
                }
            }
        })
    };

    let summary_title = format!("{}-problems", props.id);
    let summary_html = if errors.is_empty() {
        html! {}
    } else {
        html! {
            <div class="error-summary" role="alert" aria-labelledby={summary_title.clone()} tabindex="-1" ref={summary}>
                <h2 id={summary_title} class="error-summary-title">{ t("form-problem") }</h2>
                <ul class="error-summary-list">
                    { for errors.iter().map(|e| match e.field {
                        Some(id) => html! {
                            <li><a href={format!("#{id}")} onclick={focus_field(id)}>{ &e.message }</a></li>
                        },
                        None => html! { <li>{ &e.message }</li> },
                    }) }
                </ul>
            </div>
        }
    };

    html! {
        <>
            { summary_html }
            <form class="form" id={props.id.clone()} {onsubmit} {oninput} novalidate=true>
                { for props.fields.iter().map(|f| field(f, &errors, *check)) }
                <button
                    type="submit"
                    class={props.button_class.clone()}
                    aria-disabled={busy.then_some("true")}
                >
                    { if *busy { props.busy.clone() } else { props.submit.clone() } }
                    if let Some(more) = &props.submit_more {
                        <span class="visually-hidden">{ more.clone() }</span>
                    }
                </button>
            </form>
        </>
    }
}

/// Focus a field from the error summary (a plain #link only scrolls in
/// some browsers).
fn focus_field(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |ev: MouseEvent| {
        if let Some(el) = element(id) {
            ev.prevent_default();
            let _ = el.focus();
        }
    })
}

/// Move focus to the element with this id once the page has drawn it (a
/// form that has just opened, the button that opened a form just closed).
pub fn focus_soon(id: String) {
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        if let Some(el) = element(&id) {
            let _ = el.focus();
        }
    });
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

/// "Show password" / "Hide password": flips the input's type in place.
fn toggle_password(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |ev: MouseEvent| {
        let (Some(input), Some(button)) = (
            element(id),
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()),
        ) else {
            return;
        };
        let show = input.get_attribute("type").as_deref() == Some("password");
        let _ = input.set_attribute("type", if show { "text" } else { "password" });
        button.set_text_content(Some(&t(if show {
            "form-hide-password"
        } else {
            "form-show-password"
        })));
    })
}

/// The `aria-describedby` value for a field: its hint, check and error.
fn described_by(id: &str, hint: bool, check: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if check {
        ids.push(format!("{id}-check"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// One field, with its label, hint, error and input.
fn field(f: &Field, errors: &[FieldError], check: Option<(&str, Option<&str>)>) -> Html {
    let id = f.name;
    if f.kind == Kind::Note {
        return html! { <p class="field-hint">{ f.label.clone() }</p> };
    }
    let error = error_for(errors, id);
    let invalid = error.is_some();
    let new_password = matches!(f.kind, Kind::NewPassword { .. });
    let describedby = described_by(id, f.hint.is_some(), new_password, invalid);
    let aria_invalid = invalid.then_some("true");
    let autocomplete = f.autocomplete;
    let maxlength = f.maxlength.map(|m| m.to_string());
    // Set as `defaultValue` (a property), not Yew's `value`, which Yew puts
    // back on every render and so would undo what the person typed.
    let value = f.value.as_deref().unwrap_or_default().to_string();
    let input =
        |kind: &'static str, class: &'static str, plain: bool, caps: Option<&'static str>| {
            html! {
                <input
                    id={id}
                    name={id}
                    type={kind}
                    class={class}
                    autocomplete={autocomplete}
                    autocapitalize={caps}
                    spellcheck={plain.then_some("false")}
                    maxlength={maxlength.clone()}
                    ~defaultValue={value.clone()}
                    aria-invalid={aria_invalid}
                    aria-describedby={describedby.clone()}
                />
            }
        };
    let control = match &f.kind {
        Kind::Text => input("text", "input", false, None),
        Kind::Plain => input("text", "input", true, Some("none")),
        Kind::Code => input("text", "input input-code", true, Some("characters")),
        Kind::Date => input("date", "input", false, None),
        Kind::DateTime => input("datetime-local", "input", false, None),
        Kind::Number => input("number", "input", false, None),
        Kind::Password | Kind::NewPassword { .. } => html! {
            <div class="password-row">
                { input("password", "input", true, Some("none")) }
                <button
                    type="button"
                    class="button button-secondary button-toggle"
                    aria-controls={id}
                    onclick={toggle_password(id)}
                >
                    { t("form-show-password") }
                </button>
            </div>
        },
        Kind::TextArea => html! {
            <textarea
                id={id}
                name={id}
                class="input textarea"
                rows="4"
                maxlength={maxlength.clone()}
                ~defaultValue={value.clone()}
                aria-invalid={aria_invalid}
                aria-describedby={describedby.clone()}
            />
        },
        Kind::Select {
            options,
            placeholder,
        } => html! {
            <select
                id={id}
                name={id}
                class="input select"
                aria-invalid={aria_invalid}
                aria-describedby={describedby.clone()}
            >
                // Which option starts chosen is always said: Yew adds the
                // options last first, so the browser's own default would be
                // the last one.
                if let Some(p) = placeholder {
                    <option value="" selected={f.value.is_none()}>{ p.clone() }</option>
                }
                { for options.iter().enumerate().map(|(i, (v, words))| html! {
                    <option
                        value={v.clone()}
                        selected={match &f.value {
                            Some(chosen) => chosen == v,
                            None => i == 0 && placeholder.is_none(),
                        }}
                    >
                        { words.clone() }
                    </option>
                }) }
            </select>
        },
        Kind::Note => html! {},
    };
    let live_check = if new_password {
        password_check(id, check.filter(|(f, _)| *f == id).map(|(_, p)| p))
    } else {
        html! {}
    };
    html! {
        <div class={if invalid { "field field-invalid" } else { "field" }}>
            <label class="label" for={id}>{ f.label.clone() }</label>
            if let Some(hint) = &f.hint {
                <p class="field-hint" id={format!("{id}-hint")}>{ hint.clone() }</p>
            }
            if let Some(message) = error {
                <p class="field-error" id={format!("{id}-error")}>
                    <span class="visually-hidden">{ t("form-error") }{ " " }</span>{ message }
                </p>
            }
            { control }
            { live_check }
        </div>
    }
}

/// The live check under a new password: the shared rule (the server uses
/// the same one), or a go-ahead. Says nothing until something is typed.
/// Not announced as it changes (that would interrupt every key press); the
/// field's description points at it, and sending shows the summary.
fn password_check(id: &str, state: Option<Option<&str>>) -> Html {
    let id = format!("{id}-check");
    match state {
        None => html! { <p class="password-check" id={id}></p> },
        Some(Some(problem)) => html! {
            <p class="password-check password-check-bad" id={id}>
                <span class="check-mark" aria-hidden="true">{ "✗" }</span>
                <strong>{ t("form-not-yet") }</strong>{ " " }{ words_for("server-", problem) }
            </p>
        },
        Some(None) => html! {
            <p class="password-check password-check-good" id={id}>
                <span class="check-mark" aria-hidden="true">{ "✓" }</span>
                <strong>{ t("form-good") }</strong>{ " " }{ t("form-password-ok") }
            </p>
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use shared::api::ErrorBody;

    fn server(field: Option<&str>, message: &str) -> ApiError {
        ApiError::Server {
            status: 422,
            body: ErrorBody {
                error: "validation".into(),
                message: message.into(),
                field: field.map(str::to_string),
            },
        }
    }

    #[test]
    fn a_server_error_lands_beside_its_field() {
        let errs = errors_from(
            &server(Some("code"), "That code has run out."),
            &[("code", "activate-code"), ("password", "activate-password")],
        );
        assert_eq!(
            errs,
            vec![FieldError::at("activate-code", "That code has run out.")]
        );
        assert_eq!(
            error_for(&errs, "activate-code").as_deref(),
            Some("That code has run out.")
        );
        assert_eq!(error_for(&errs, "activate-password"), None);
    }

    #[test]
    fn an_error_about_no_known_field_is_about_the_form() {
        let errs = errors_from(&server(Some("other"), "No."), &[("code", "c")]);
        assert_eq!(errs, vec![FieldError::form("No.")]);
        let errs = errors_from(&ApiError::Offline, &[("code", "c")]);
        assert_eq!(errs[0].field, None);
    }

    #[test]
    fn described_by_lists_hint_check_and_error() {
        assert_eq!(described_by("p", false, false, false), None);
        assert_eq!(
            described_by("p", true, true, true).as_deref(),
            Some("p-hint p-check p-error")
        );
    }

    #[test]
    fn fields_are_built_as_data() {
        let f = Field::new("u", "Username", Kind::Plain)
            .hint("Your name")
            .autocomplete("username")
            .required("Type it.")
            .max(40);
        assert_eq!(f.required.as_deref(), Some("Type it."));
        assert_eq!(f.maxlength, Some(40));
        assert_eq!(Field::note("Hello").kind, Kind::Note);
    }
}
