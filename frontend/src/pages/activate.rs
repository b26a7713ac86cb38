//! "Choose your password": a young person (or a new member of staff) types
//! the one-time code their worker handed over and chooses a password. Then
//! they are signed in and taken home.

use crate::api;
use crate::components::form::{act, errors_from, ActionForm, Field, FieldError, Kind};
use crate::i18n::{t, tf, words_for};
use crate::pages::sign_in::use_go_on_when_signed_in;
use crate::route::Route;
use crate::state::{use_app, Action, Flash};
use crate::text::{ltr, raw_t};
use crate::words;
use shared::accounts::password_rules;
use shared::limits::{ACTIVATION_CODE_INPUT_MAX_CHARS, PASSWORD_MIN_CHARS};
use yew::prelude::*;

const CODE: &str = "activate-code";
const PASSWORD: &str = "activate-password";

/// Codes are 12 letters and numbers (shown in three groups of four).
pub const CODE_CHARS: usize = 12;

/// What is wrong with a typed code before we ask the server, if anything.
pub fn code_problem(typed: &str) -> Option<String> {
    let n = words::code_length(typed);
    if n == 0 {
        Some(t("activate-type-code"))
    } else if n != CODE_CHARS {
        Some(t("activate-code-length"))
    } else {
        None
    }
}

/// The hint under every new password.
pub fn password_hint() -> String {
    tf(
        "activate-password-hint",
        &[("min", &PASSWORD_MIN_CHARS.to_string())],
    )
}

#[component]
pub fn Activate() -> Html {
    let app = use_app();
    use_go_on_when_signed_in();
    let fields = vec![
        Field::new(CODE, t("activate-code"), Kind::Code)
            .hint(t("activate-code-hint"))
            .autocomplete("one-time-code")
            .max(ACTIVATION_CODE_INPUT_MAX_CHARS as u32),
        Field::new(
            PASSWORD,
            t("activate-choose-password"),
            Kind::NewPassword {
                username: AttrValue::Static(""),
            },
        )
        .hint(password_hint())
        .autocomplete("new-password"),
    ];
    let activate = act(move |v| {
        let app = app.clone();
        async move {
            let (code, password) = (v.get(CODE), v.get(PASSWORD));
            let mut problems = Vec::new();
            if let Some(p) = code_problem(&code) {
                problems.push(FieldError::at(CODE, p));
            }
            if let Some(p) = password_rules::problem(&password, "") {
                problems.push(FieldError::at(PASSWORD, words_for("server-", p)));
            }
            if !problems.is_empty() {
                return Err(problems);
            }
            let signed_in = match api::activate(&code, &password).await {
                Ok(()) => api::me().await,
                Err(err) => Err(err),
            };
            match signed_in {
                Ok(me) => {
                    app.dispatch(Action::ShowFlash(Flash {
                        route: Route::Home,
                        text: tf("activate-done", &[("username", &ltr(&me.username))]),
                    }));
                    app.dispatch(Action::SignedIn(me));
                    Ok(())
                }
                Err(err) => Err(errors_from(&err, &[("code", CODE), ("password", PASSWORD)])),
            }
        }
    });
    html! {
        <>
            <h1>{ t("activate-title") }</h1>
            <p class="lead">{ t("activate-lead") }</p>
            <ActionForm
                id="activate"
                {fields}
                submit={t("activate-button")}
                busy={t("activate-busy")}
                act={activate}
            />
            { raw_t("activate-not-working-html") }
        </>
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn codes_are_checked_kindly_before_sending() {
        assert!(code_problem("").is_some());
        assert!(code_problem("ABCD-EFGH").is_some());
        assert_eq!(code_problem("abcd efgh jkmn"), None);
        assert_eq!(code_problem("ABCD-EFGH-JKMN"), None);
        assert!(code_problem("ABCD-EFGH-JKMN-P").is_some());
    }
}
