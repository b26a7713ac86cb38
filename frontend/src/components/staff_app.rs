//! The staff screens live in a second app (built with the `staff` feature
//! and served for `/staff/…` and `/admin/…`), so the app young people
//! download on cheap phones carries none of them. When the young people's
//! app is asked for a staff page it loads that address in full, and the
//! server sends the staff app, which signs in again from the HttpOnly
//! cookie.

use std::cell::RefCell;
use yew::prelude::*;

thread_local! {
    /// The address this copy of the app was opened at.
    static OPENED_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn current_path() -> Option<String> {
    web_sys::window().and_then(|w| w.location().pathname().ok())
}

/// Remember where the app was opened (called once at start).
pub fn remember_opening() {
    OPENED_AT.with(|o| *o.borrow_mut() = current_path());
}

/// Stands in for a staff page in the young people's app.
#[component]
pub fn LoadStaffApp() -> Html {
    let path = current_path();
    // Opened right here and still given this app: the staff app is not
    // there (not built, or offline). Say so instead of loading forever.
    let opened_here = OPENED_AT.with(|o| o.borrow().clone()) == path;
    use_effect_with((), move |_| {
        if !opened_here {
            if let Some(w) = web_sys::window() {
                let href = w.location().href().unwrap_or_default();
                let _ = w.location().assign(&href);
            }
        }
    });
    let retry = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    if opened_here {
        html! {
            <>
                <h1>{ "This page could not open" }</h1>
                <p>{ "Staff pages come as a separate part of the app, and it did not load. You may be offline." }</p>
                <button type="button" class="button" onclick={retry}>{ "Try again" }</button>
            </>
        }
    } else {
        html! { <p class="muted" role="status">{ "Opening…" }</p> }
    }
}
