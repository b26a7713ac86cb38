//! "Sign in": username and password. After signing in, the person goes to
//! the page they asked for (remembered in memory) or home.

use crate::api;
use crate::components::form::{act, errors_from, ActionForm, Field, Kind};
use crate::i18n::t;
use crate::me::load_me;
use crate::route::Route;
use crate::state::{use_app, Action};
use crate::text::raw_t;
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
        Field::new(USERNAME, t("sign-in-username"), Kind::Plain)
            .autocomplete("username")
            .required(t("sign-in-type-username")),
        Field::new(PASSWORD, t("sign-in-password"), Kind::Password)
            .autocomplete("current-password")
            .required(t("sign-in-type-password")),
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
            <h1>{ t("sign-in-title") }</h1>
            if app.return_to.is_some() {
                <p class="notice-info" role="status">{ t("sign-in-to-see-page") }</p>
            }
            <ActionForm id="sign-in" {fields} submit={t("sign-in-button")} busy={t("sign-in-busy")} act={sign_in} />
            { raw_t("sign-in-first-time-html") }
        </>
    }
}
