//! "Need help now?": the council's duty phone and Childline, on the home and
//! help pages. Childline is always shown, even offline, because it does not
//! depend on the server.

use crate::state::{use_app, Action, Remote};
use crate::text::{tel_href, CHILDLINE_PHONE};
use yew::prelude::*;

#[component]
pub fn CouncilPhone() -> Html {
    let app = use_app();
    match &app.council {
        Remote::Loading => html! {
            <p class="muted" role="status">{ "Getting your council's phone number…" }</p>
        },
        Remote::Ready(Some(council)) => {
            let href = tel_href(&council.duty_phone);
            html! {
                <>
                    <p>
                        { format!("{} can help you, day or night.", council.name) }
                    </p>
                    if let Some(href) = href {
                        <a class="button button-call" href={href}>
                            { format!("Call {}", council.duty_phone) }
                        </a>
                    } else {
                        <p class="big">{ format!("Call {}", council.duty_phone) }</p>
                    }
                </>
            }
        }
        Remote::Ready(None) => html! {
            <p>{ "Ask your worker for your council's phone number." }</p>
        },
        Remote::Failed(err) => {
            let retry = {
                let app = app.clone();
                Callback::from(move |_| app.dispatch(Action::CouncilsReload))
            };
            html! {
                <div class="notice" role="alert">
                    <p>{ "We couldn't get your council's phone number. " }{ err.message() }</p>
                    <button type="button" class="button button-secondary" onclick={retry}>
                        { "Try again" }
                    </button>
                </div>
            }
        }
    }
}

#[component]
pub fn Childline() -> Html {
    html! {
        <p>
            { "You can also call Childline for free on " }
            <a href={tel_href(CHILDLINE_PHONE).unwrap_or_default()}>{ CHILDLINE_PHONE }</a>
            { ". They are there any time, and you don't have to say your name." }
        </p>
    }
}

#[component]
pub fn HelpPanel() -> Html {
    html! {
        <section class="help-panel" aria-labelledby="help-now">
            <h2 id="help-now">{ "Need help now?" }</h2>
            <CouncilPhone />
            <Childline />
            <p class="small">{ "If you are in danger right now, call 999." }</p>
        </section>
    }
}
