//! "Choose your password": a young person (or a new member of staff) types
//! the one-time code their worker handed over and chooses a password. Then
//! they are signed in and taken home.

use crate::api;
use crate::components::form::{act, errors_from, ActionForm, Field, FieldError, Kind};
use crate::pages::sign_in::use_go_on_when_signed_in;
use crate::route::Route;
use crate::state::{use_app, Action, Flash};
use crate::text::raw;
use crate::words;
use shared::accounts::password_rules;
use yew::prelude::*;

const CODE: &str = "activate-code";
const PASSWORD: &str = "activate-password";

/// Codes are 12 letters and numbers (shown in three groups of four).
pub const CODE_CHARS: usize = 12;

/// What is wrong with a typed code before we ask the server, if anything.
pub fn code_problem(typed: &str) -> Option<&'static str> {
    let n = words::code_length(typed);
    if n == 0 {
        Some("Type the code your worker gave you.")
    } else if n != CODE_CHARS {
        Some("The code has 12 letters and numbers. Check it, or ask your worker for a new one.")
    } else {
        None
    }
}

pub const PASSWORD_HINT: &str =
    "Use at least 8 characters. A few words together works well, and is easy to remember.";

#[component]
pub fn Activate() -> Html {
    let app = use_app();
    use_go_on_when_signed_in();
    let fields = vec![
        Field::new(CODE, "Your code", Kind::Code)
            .hint("It has 12 letters and numbers, like ABCD-EFGH-JKMN. Small letters, spaces and dashes are fine.")
            .autocomplete("one-time-code")
            .max(40),
        Field::new(
            PASSWORD,
            "Choose a password",
            Kind::NewPassword {
                username: AttrValue::Static(""),
            },
        )
        .hint(PASSWORD_HINT)
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
                problems.push(FieldError::at(PASSWORD, p));
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
                        text: format!(
                            "Your password is set and you are signed in. Your username is {}. \
                             You need it, with your password, to sign in next time.",
                            me.username
                        ),
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
            <h1>{ "Choose your password" }</h1>
            <p class="lead">
                { "Your worker gave you a code. Type it here, then choose a password. \
                   You will use your password to sign in." }
            </p>
            <ActionForm
                id="activate"
                {fields}
                submit="Set my password and sign in"
                busy="Setting your password…"
                act={activate}
            />
            { raw(r#"<h2>Code not working?</h2>
<p>A code works once, for 72 hours. If yours has run out or does not work, ask your worker for a new one.</p>
<p><a href="/sign-in">I already have a password: sign in</a></p>"#) }
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
