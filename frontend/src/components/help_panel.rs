//! "Need help now?": the council's duty phone and Childline, on the home and
//! help pages. Childline is always shown, even offline, because it does not
//! depend on the server.

use crate::state::{use_app, Action, Remote};
use crate::text::{raw, tel_href};
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

/// Childline: always shown, even offline, because it does not depend on
/// the server. Fixed words (see `text::raw`).
pub fn childline() -> Html {
    raw(CHILDLINE_HTML)
}

pub const CHILDLINE_HTML: &str = r#"<p>You can also call Childline for free on <a href="tel:08001111">0800 1111</a>. They are there any time, and you don't have to say your name.</p>"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::CHILDLINE_PHONE;

    #[test]
    fn the_childline_link_dials_childline() {
        let href = tel_href(CHILDLINE_PHONE).unwrap_or_default();
        assert!(CHILDLINE_HTML.contains(&format!("href=\"{href}\"")));
        assert!(CHILDLINE_HTML.contains(CHILDLINE_PHONE));
    }
}

#[component]
pub fn HelpPanel() -> Html {
    html! {
        <section class="help-panel" aria-labelledby="help-now">
            <h2 id="help-now">{ "Need help now?" }</h2>
            <CouncilPhone />
            { childline() }
            { raw(r#"<p class="small">If you are in danger right now, call 999.</p>"#) }
        </section>
    }
}
