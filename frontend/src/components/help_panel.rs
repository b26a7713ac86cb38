//! "Need help now?": the council's duty phone and Childline, on the home and
//! help pages. Childline is always shown, even offline, because it does not
//! depend on the server.

use crate::i18n::{t, tf};
use crate::state::{use_app, Action, Remote};
use crate::text::{ltr, raw_t, tel_href};
use yew::prelude::*;

#[component]
pub fn CouncilPhone() -> Html {
    let app = use_app();
    match &app.council {
        // The call button's place is kept (unseen) so the help below it
        // does not jump down when the number comes.
        Remote::Loading => html! {
            <>
                <p class="muted" role="status">{ t("help-getting-phone") }</p>
                <span class="button button-call reserve" aria-hidden="true">{ "\u{a0}" }</span>
            </>
        },
        Remote::Ready(Some(council)) => {
            let href = tel_href(&council.duty_phone);
            html! {
                <>
                    <p>
                        { tf("help-council-can-help", &[("council", &council.name)]) }
                    </p>
                    if let Some(href) = href {
                        <a class="button button-call" href={href}>
                            { tf("help-call", &[("phone", &ltr(&council.duty_phone))]) }
                        </a>
                    } else {
                        <p class="big">{ tf("help-call", &[("phone", &ltr(&council.duty_phone))]) }</p>
                    }
                </>
            }
        }
        Remote::Ready(None) => html! {
            <p>{ t("help-ask-for-phone") }</p>
        },
        Remote::Failed(err) => {
            let retry = {
                let app = app.clone();
                Callback::from(move |_| app.dispatch(Action::CouncilsReload))
            };
            html! {
                <div class="notice" role="alert">
                    <p>{ t("help-no-phone") }{ " " }{ err.message() }</p>
                    <button type="button" class="button button-secondary" onclick={retry}>
                        { t("try-again") }
                    </button>
                </div>
            }
        }
    }
}

/// Childline: always shown, even offline, because it does not depend on
/// the server. Fixed words (see `text::raw`).
pub fn childline() -> Html {
    raw_t(CHILDLINE)
}

/// The message with Childline's number and link.
pub const CHILDLINE: &str = "help-childline-html";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{set_language, Lang};
    use crate::text::CHILDLINE_PHONE;

    #[test]
    fn the_childline_link_dials_childline_in_every_language() {
        let href = tel_href(CHILDLINE_PHONE).unwrap_or_default();
        for lang in Lang::ALL {
            set_language(lang);
            let html = t(CHILDLINE);
            assert!(html.contains(&format!("href=\"{href}\"")), "{lang:?}");
            assert!(html.contains(CHILDLINE_PHONE), "{lang:?}");
            assert!(html.contains("Childline"), "{lang:?}");
        }
        set_language(Lang::En);
    }
}

#[component]
pub fn HelpPanel() -> Html {
    html! {
        <section class="help-panel" aria-labelledby="help-now">
            <h2 id="help-now">{ t("help-need-help-now") }</h2>
            <CouncilPhone />
            { childline() }
            <p class="small">{ t("help-danger-999") }</p>
        </section>
    }
}
