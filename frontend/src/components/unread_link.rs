//! The link to my notifications in the header, with a plain count of the
//! unread ones ("3 new"): words, not a red dot, and nothing that moves or
//! nags. Only for someone signed in.

use crate::api;
use crate::components::nav_link::NavLink;
use crate::i18n::{t, tf};
use crate::pwa::{self, Event};
use crate::route::Route;
use crate::state::use_app;
use shared::endpoints as ep;
use yew::prelude::*;

/// How many are unread.
pub fn unread(flags: impl IntoIterator<Item = bool>) -> usize {
    flags.into_iter().filter(|read| !read).count()
}

/// "3 new", or nothing for none.
pub fn count_words(count: usize) -> Option<String> {
    (count > 0).then(|| tf("notifications-header-new", &[("count", &count.to_string())]))
}

#[component]
pub fn UnreadLink() -> Html {
    let app = use_app();
    let who = app.me().map(|m| m.id.clone());
    let count = use_state(|| None::<usize>);
    let round = use_state(|| 0u32);

    // Count when someone signs in, and again after a push or a "read". An
    // answer overtaken by a newer question is dropped.
    let latest = use_mut_ref(|| 0u32);
    {
        let (count, latest) = (count.clone(), latest.clone());
        use_effect_with((who.clone(), *round), move |(who, _)| {
            let ticket = {
                let mut latest = latest.borrow_mut();
                *latest = latest.wrapping_add(1);
                *latest
            };
            if who.is_none() {
                count.set(None);
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let answer = api::get(ep::me::ListNotifications::url()).await;
                if *latest.borrow() != ticket {
                    return;
                }
                if let Ok(list) = answer {
                    count.set(Some(unread(list.iter().map(|n| n.read))));
                }
            });
        });
    }
    // The notifications pages know the count first; a push changes it.
    // (The listener outlives this render, so it counts in its own cell
    // rather than reading `round`, which would stay at its first value.)
    // A page's count is newer than any answer still on its way, so those
    // answers are dropped.
    {
        let (count, round) = (count.clone(), round.clone());
        let asked = use_mut_ref(|| 0u32);
        use_effect_with((), move |_| {
            let listening = pwa::listen(Callback::from(move |e: Event| match e {
                Event::Unread(n) => {
                    let mut latest = latest.borrow_mut();
                    *latest = latest.wrapping_add(1);
                    count.set(Some(n));
                }
                Event::Pushed | Event::ReadChanged => {
                    let next = {
                        let mut asked = asked.borrow_mut();
                        *asked = asked.wrapping_add(1);
                        *asked
                    };
                    round.set(next);
                }
                _ => {}
            }));
            move || drop(listening)
        });
    }

    if who.is_none() {
        return html! {};
    }
    let new = count.and_then(count_words);
    html! {
        <NavLink to={Route::Notifications} class="header-link">
            <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <path d="M12 22a2.5 2.5 0 0 0 2.5-2.5h-5A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.8V3.5a1.5 1.5 0 0 0-3 0v.7A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" />
            </svg>
            <span class="header-link-label">{ t("notifications-header-link") }</span>
            if let Some(new) = new {
                <span class="header-count">{ new }</span>
            }
        </NavLink>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unread_ones_are_counted() {
        assert_eq!(unread([true, false, false]), 2);
        assert_eq!(unread([]), 0);
    }

    #[test]
    fn the_count_is_plain_words() {
        assert_eq!(count_words(0), None);
        assert_eq!(count_words(3).as_deref(), Some("3 new"));
    }
}
