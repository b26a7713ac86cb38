//! App-wide state: one reducer, shared by context (see `app::App`).
//!
//! Later features add fields (the signed-in person, unread counts) and
//! actions here; pages read the state with [`use_app`] and change it only by
//! dispatching an [`Action`].

use crate::api::ApiError;
use shared::api::Council;
use std::rc::Rc;
use yew::prelude::*;

/// Something fetched from the server.
#[derive(Clone, Debug, PartialEq)]
pub enum Remote<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

impl<T> Remote<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Remote::Ready(value) => Some(value),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The council this app belongs to; `Ready(None)` when the server knows
    /// no council yet.
    pub council: Remote<Option<Council>>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            council: Remote::Loading,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// `GET /api/councils` answered. The first council is this app's.
    CouncilsLoaded(Vec<Council>),
    CouncilsFailed(ApiError),
    /// Try loading again (the "Try again" button).
    CouncilsReload,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::CouncilsLoaded(list) => {
                next.council = Remote::Ready(list.into_iter().next());
            }
            Action::CouncilsFailed(err) => {
                // Keep what we already had: a failed refresh should not wipe
                // the phone number off the screen.
                if next.council.ready().is_none() {
                    next.council = Remote::Failed(err);
                }
            }
            Action::CouncilsReload => {
                if next.council.ready().is_none() {
                    next.council = Remote::Loading;
                }
            }
        }
        Rc::new(next)
    }
}

/// The handle every page gets from context.
pub type AppContext = UseReducerHandle<AppState>;

/// The app state. Panics only if called outside `app::App`, which is a bug.
#[hook]
pub fn use_app() -> AppContext {
    #[allow(clippy::expect_used)]
    use_context::<AppContext>().expect("use_app must be called inside <App>")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn council(slug: &str) -> Council {
        Council {
            slug: slug.into(),
            name: format!("{slug} council"),
            duty_phone: "020 8303 7777".into(),
            time_zone: "Europe/London".into(),
        }
    }

    fn apply(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn starts_loading() {
        assert_eq!(AppState::default().council, Remote::Loading);
    }

    #[test]
    fn first_council_is_ours() {
        let s = apply(
            AppState::default(),
            Action::CouncilsLoaded(vec![council("a"), council("b")]),
        );
        assert_eq!(
            s.council
                .ready()
                .and_then(|c| c.as_ref())
                .map(|c| c.slug.as_str()),
            Some("a")
        );
    }

    #[test]
    fn no_council_is_ready_but_empty() {
        let s = apply(AppState::default(), Action::CouncilsLoaded(vec![]));
        assert_eq!(s.council, Remote::Ready(None));
    }

    #[test]
    fn failure_is_kept_until_reload() {
        let s = apply(
            AppState::default(),
            Action::CouncilsFailed(ApiError::Offline),
        );
        assert_eq!(s.council, Remote::Failed(ApiError::Offline));
        let s = apply(s, Action::CouncilsReload);
        assert_eq!(s.council, Remote::Loading);
    }

    #[test]
    fn a_failed_refresh_keeps_the_council() {
        let s = apply(
            AppState::default(),
            Action::CouncilsLoaded(vec![council("a")]),
        );
        let s = apply(s, Action::CouncilsReload);
        assert!(s.council.ready().is_some());
        let s = apply(s, Action::CouncilsFailed(ApiError::Offline));
        assert!(s.council.ready().is_some());
    }
}
