//! "Sign in": username and password. After signing in, the person goes to
//! the page they asked for (remembered in memory) or home.

use crate::api;
use crate::app::load_me;
use crate::components::form::{act, errors_from, ActionForm, Field, Kind};
use crate::route::Route;
use crate::state::{use_app, Action};
use crate::text::raw;
use yew::prelude::*;
use yew_router::prelude::*;

const USERNAME: &str = "sign-in-username";
const PASSWORD: &str = "sign-in-password";

/// Go where the person was going before they had to sign in.
#[hook]
pub fn use_go_on_when_signed_in() {
    let app = use_app();
    let navigator = use_navigator();
    let signed_in = app.me().is_some();
    use_effect_with(signed_in, move |signed_in| {
        if *signed_in {
            let to = app.return_to.clone().unwrap_or(Route::Home);
            app.dispatch(Action::ClearReturn);
            if let Some(nav) = navigator {
                nav.replace(&to);
            }
        }
    });
}

#[component]
pub fn SignIn() -> Html {
    let app = use_app();
    use_go_on_when_signed_in();
    let fields = vec![
        Field::new(USERNAME, "Username", Kind::Plain)
            .autocomplete("username")
            .required("Type your username."),
        Field::new(PASSWORD, "Password", Kind::Password)
            .autocomplete("current-password")
            .required("Type your password."),
    ];
    let sign_in = {
        let app = app.clone();
        act(move |v| {
            let app = app.clone();
            async move {
                let result = match api::login(&v.get(USERNAME), &v.get(PASSWORD)).await {
                    Ok(()) => load_me(&app).await,
                    Err(err) => Err(err),
                };
                result.map_err(|err| {
                    errors_from(&err, &[("username", USERNAME), ("password", PASSWORD)])
                })
            }
        })
    };
    html! {
        <>
            <h1>{ "Sign in" }</h1>
            if app.return_to.is_some() {
                <p class="notice-info" role="status">{ "Please sign in to see that page." }</p>
            }
            <ActionForm id="sign-in" {fields} submit="Sign in" busy="Signing in…" act={sign_in} />
            { raw(r#"<h2>First time here?</h2>
<p>Your worker will give you a code. You use it to choose your password.</p>
<p><a class="button button-secondary" href="/activate">I have a code from my worker</a></p>
<h2>Forgot your password?</h2>
<p>Ask your worker for a new code. Then use it to choose a new password.</p>"#) }
        </>
    }
}
