//! "Need help now?": the council's duty phone and Childline, on the home and
//! help pages, and the kind message shown when what a young person sent
//! suggests they may not be safe. Childline is always shown, even offline,
//! because it does not depend on the server.

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

/// The kind message when what they wrote suggests they may not be safe:
/// Childline and the duty desk, each a button that calls.
pub fn support_box(support: &shared::reviews::SupportMessage) -> Html {
    let childline = crate::text::tel_href(&support.childline_phone);
    let duty = crate::text::tel_href(&support.duty_phone);
    html! {
        <section class="help-panel help-panel-urgent" role="alert" aria-labelledby="support-title">
            <h2 id="support-title">{ t("reviews-support-title") }</h2>
            <p>{ t("reviews-support-message") }</p>
            if let Some(href) = childline {
                <a class="button button-call" href={href}>
                    { tf("reviews-support-childline", &[("phone", &support.childline_phone)]) }
                </a>
            }
            if let Some(href) = duty {
                <a class="button button-call" href={href}>
                    { tf("reviews-support-duty", &[("phone", &support.duty_phone)]) }
                </a>
            }
            <p>{ t("reviews-support-worker") }</p>
            { danger_999() }
        </section>
    }
}

/// "If you are in danger right now, call 999", with a button that calls.
pub fn danger_999() -> Html {
    html! {
        <>
            <p>{ t("help-danger-999") }</p>
            <a class="button button-call" href="tel:999">{ t("help-call-999") }</a>
        </>
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
