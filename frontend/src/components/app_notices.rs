//! What the service worker means for the page, at the top of every page:
//! "A new version is ready" with a button to reload, and "Saved on <date>"
//! when the page shows the copy kept for no signal. Also, without drawing
//! anything: starts the service worker, opens the page a tapped
//! notification points at, tells the worker the person's language, and
//! empties what was kept when someone signs out.

use crate::i18n::{t, tf};
use crate::pwa::{self, Event};
use crate::route::Route;
use crate::session;
use crate::state::{use_app, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

/// Who is using the app, without the details.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Checking,
    SignedOut,
    SignedIn,
    Unknown,
}

impl Who {
    fn of(session: &Session) -> Who {
        match session {
            Session::Checking => Who::Checking,
            Session::SignedOut => Who::SignedOut,
            Session::SignedIn(_) => Who::SignedIn,
            Session::Unreachable(_) => Who::Unknown,
        }
    }
}

/// What to empty when the session changes from `before` to `now`: `None`
/// for nothing, `Some(true)` for every cache (someone signed out here),
/// `Some(false)` for the personal data only (nobody was signed in, but a
/// session that ended elsewhere may have left some).
pub fn to_clear(before: Who, now: Who) -> Option<bool> {
    match (before, now) {
        (Who::SignedIn, Who::SignedOut) => Some(true),
        (b, Who::SignedOut) if b != Who::SignedOut => Some(false),
        _ => None,
    }
}

fn online_now() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

#[component]
pub fn AppNotices() -> Html {
    let app = use_app();
    let navigator = use_navigator();
    let route = use_route::<Route>();
    let update = use_state(pwa::update_ready);
    let saved = use_state(pwa::saved_at);
    let online = use_state(online_now);

    // The worker, once, and what it says.
    {
        let (update, saved) = (update.clone(), saved.clone());
        use_effect_with((), move |_| {
            pwa::start();
            let listening = pwa::listen(Callback::from(move |e: Event| match e {
                Event::UpdateReady => update.set(true),
                Event::Saved(at) => saved.set(at),
                Event::Open(link) => {
                    if let Some(nav) = &navigator {
                        nav.push(&Route::parse(&link));
                    }
                }
                Event::Pushed | Event::Unread(_) | Event::ReadChanged => {}
            }));
            move || drop(listening)
        });
    }

    // A new page starts without the last one's "Saved on".
    {
        let saved = saved.clone();
        use_effect_with(route, move |_| {
            pwa::forget_saved_notice();
            saved.set(None);
        });
    }

    // Signal comes and goes. Back online after an offline start, there is
    // no access token yet: ask for one (or learn the session has ended).
    {
        let online = online.clone();
        let signed_in = app.me().is_some();
        use_effect_with(signed_in, move |signed_in| {
            let signed_in = *signed_in;
            let on_change = Closure::<dyn FnMut()>::new(move || {
                let now = online_now();
                online.set(now);
                if now && signed_in && session::access_token().is_none() {
                    wasm_bindgen_futures::spawn_local(async {
                        let _ = session::refresh().await;
                    });
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                for name in ["online", "offline"] {
                    let _ = w
                        .add_event_listener_with_callback(name, on_change.as_ref().unchecked_ref());
                }
            }
            move || {
                if let Some(w) = &window {
                    for name in ["online", "offline"] {
                        let _ = w.remove_event_listener_with_callback(
                            name,
                            on_change.as_ref().unchecked_ref(),
                        );
                    }
                }
            }
        });
    }

    // Sign-out empties what was kept; signed in, the worker learns the
    // person's language for the lock screen.
    {
        let before = use_mut_ref(|| Who::Checking);
        let who = Who::of(&app.session);
        let lang = app.language;
        use_effect_with((who, lang), move |(who, lang)| {
            let was = std::mem::replace(&mut *before.borrow_mut(), *who);
            if let Some(everything) = to_clear(was, *who) {
                wasm_bindgen_futures::spawn_local(async move {
                    pwa::clear_saved_data(everything).await;
                    if everything {
                        // The next person on this phone must not get this
                        // person's messages.
                        pwa::turn_off_push().await;
                    }
                });
            }
            if *who == Who::SignedIn {
                pwa::tell_language(lang.tag());
            }
        });
    }

    let update_html = if *update {
        let onclick = Callback::from(|_| pwa::apply_update());
        html! {
            <div class="notice-info app-update" role="status">
                <p>{ t("offline-update-ready") }</p>
                <p>
                    <button type="button" class="button" {onclick}>{ t("offline-update-reload") }</button>
                </p>
            </div>
        }
    } else {
        html! {}
    };

    let saved_html = match saved.as_deref().and_then(pwa::saved_on_words) {
        Some(date) => {
            let back = if *online {
                let onclick = Callback::from(|_| pwa::reload());
                html! {
                    <p>
                        { t("offline-back-online") }{ " " }
                        <button type="button" class="button button-secondary" {onclick}>
                            { t("offline-show-latest") }
                        </button>
                    </p>
                }
            } else {
                html! {}
            };
            html! {
                <div class="notice-info saved-on" role="status">
                    <p>{ tf("saved-on", &[("date", &date)]) }</p>
                    { back }
                </div>
            }
        }
        None => html! {},
    };

    html! { <>{ update_html }{ saved_html }</> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_out_here_empties_everything() {
        assert_eq!(to_clear(Who::SignedIn, Who::SignedOut), Some(true));
    }

    #[test]
    fn a_session_found_ended_at_start_empties_the_personal_data() {
        assert_eq!(to_clear(Who::Checking, Who::SignedOut), Some(false));
        assert_eq!(to_clear(Who::Unknown, Who::SignedOut), Some(false));
    }

    #[test]
    fn nothing_is_emptied_otherwise() {
        assert_eq!(to_clear(Who::SignedOut, Who::SignedOut), None);
        assert_eq!(to_clear(Who::Checking, Who::SignedIn), None);
        assert_eq!(to_clear(Who::SignedIn, Who::SignedIn), None);
        assert_eq!(to_clear(Who::SignedIn, Who::Unknown), None);
    }
}
