//! App-wide state: one reducer, shared by context (see `app::App`).
//!
//! Pages read the state with [`use_app`] and change it only by dispatching
//! an [`Action`]. Nothing here is ever written to browser storage: the
//! access token itself lives in `session`, and who is signed in lives here,
//! in memory.

use crate::http::ApiError;
use crate::i18n::Lang;
use crate::route::Route;
use shared::accounts::Me;
use shared::api::Council;
use std::rc::Rc;
use yew::prelude::*;

/// Who is using the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Session {
    /// Asking the server (the refresh cookie) whether someone is signed in.
    Checking,
    SignedOut,
    SignedIn(Rc<Me>),
    /// We could not ask (offline, server down).
    Unreachable(ApiError),
}

/// A short message for one page, shown once (after sign-out, after
/// choosing a password).
#[derive(Clone, Debug, PartialEq)]
pub struct Flash {
    pub route: Route,
    pub text: String,
}

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
    pub session: Session,
    /// Where to go after signing in: the protected page the person asked
    /// for. In memory, not in the address bar.
    pub return_to: Option<Route>,
    pub flash: Option<Flash>,
    /// The language the app speaks now: the signed-in person's setting;
    /// signed out, the phone's language or the one picked on this visit.
    pub language: Lang,
    /// The phone's language (`navigator.languages`), used again after
    /// signing out.
    pub device_language: Lang,
}

impl Default for AppState {
    fn default() -> Self {
        AppState::on_device(Lang::En)
    }
}

impl AppState {
    /// The state at start, on a phone whose language is `device`.
    pub fn on_device(device: Lang) -> Self {
        AppState {
            council: Remote::Loading,
            session: Session::Checking,
            return_to: None,
            flash: None,
            language: device,
            device_language: device,
        }
    }
}

impl AppState {
    /// The signed-in person, if any.
    pub fn me(&self) -> Option<&Rc<Me>> {
        match &self.session {
            Session::SignedIn(me) => Some(me),
            _ => None,
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
    /// Signed in (or the refresh cookie still works): who it is.
    SignedIn(Me),
    /// Signed out: by the person, or because the session ended.
    SignedOut,
    /// The session check could not reach the server.
    SessionUnreachable(ApiError),
    /// Ask the server again ("Try again").
    SessionRecheck,
    /// A protected page was asked for while signed out.
    ReturnAfterSignIn(Route),
    ClearReturn,
    ShowFlash(Flash),
    ClearFlash,
    /// Speak this language from now on: the signed-in person's new setting
    /// (already saved on the server), or a pick made while signed out.
    ChooseLanguage(Lang),
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
            Action::SignedIn(me) => {
                // Someone who never chose keeps what the app speaks now.
                if let Some(l) = me.language {
                    next.language = Lang::from_setting(l);
                }
                next.session = Session::SignedIn(Rc::new(me));
            }
            Action::SignedOut => {
                if matches!(next.session, Session::SignedOut) {
                    return self;
                }
                // The next person on this phone starts in its language.
                if matches!(next.session, Session::SignedIn(_)) {
                    next.language = next.device_language;
                }
                next.session = Session::SignedOut;
            }
            Action::SessionUnreachable(err) => {
                // A signed-in person stays signed in through a blip.
                if !matches!(next.session, Session::SignedIn(_)) {
                    next.session = Session::Unreachable(err);
                }
            }
            Action::SessionRecheck => {
                if !matches!(next.session, Session::SignedIn(_)) {
                    next.session = Session::Checking;
                }
            }
            Action::ReturnAfterSignIn(route) => next.return_to = Some(route),
            Action::ClearReturn => next.return_to = None,
            Action::ShowFlash(flash) => next.flash = Some(flash),
            Action::ClearFlash => {
                if next.flash.is_none() {
                    return self;
                }
                next.flash = None;
            }
            Action::ChooseLanguage(lang) => {
                next.language = lang;
                if let Session::SignedIn(me) = &next.session {
                    let mut me = (**me).clone();
                    me.language = Some(lang.setting());
                    next.session = Session::SignedIn(Rc::new(me));
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

    fn me() -> Me {
        Me {
            id: "a".into(),
            username: "demo-child-10".into(),
            role: shared::people::Role::YoungPerson,
            display_name: "Leo".into(),
            council: "Bexley".into(),
            age_band: None,
            care_leaver_category: None,
            young_person_id: Some("y".into()),
            language: None,
        }
    }

    #[test]
    fn the_session_starts_unknown_and_is_checked() {
        let s = AppState::default();
        assert_eq!(s.session, Session::Checking);
        assert!(s.me().is_none());
        let s = apply(s, Action::SignedIn(me()));
        assert_eq!(s.me().map(|m| m.display_name.as_str()), Some("Leo"));
        let s = apply(s, Action::SignedOut);
        assert_eq!(s.session, Session::SignedOut);
    }

    #[test]
    fn a_blip_does_not_sign_anyone_out() {
        let s = apply(AppState::default(), Action::SignedIn(me()));
        let s = apply(s, Action::SessionUnreachable(ApiError::Offline));
        assert!(s.me().is_some());
        let s = apply(s, Action::SessionRecheck);
        assert!(s.me().is_some());
    }

    #[test]
    fn unreachable_can_be_checked_again() {
        let s = apply(
            AppState::default(),
            Action::SessionUnreachable(ApiError::Offline),
        );
        assert_eq!(s.session, Session::Unreachable(ApiError::Offline));
        let s = apply(s, Action::SessionRecheck);
        assert_eq!(s.session, Session::Checking);
    }

    #[test]
    fn return_and_flash_are_remembered_then_cleared() {
        let s = apply(
            AppState::default(),
            Action::ReturnAfterSignIn(Route::Account),
        );
        assert_eq!(s.return_to, Some(Route::Account));
        let s = apply(s, Action::ClearReturn);
        assert_eq!(s.return_to, None);
        let flash = Flash {
            route: Route::Home,
            text: "You have signed out.".into(),
        };
        let s = apply(s, Action::ShowFlash(flash.clone()));
        assert_eq!(s.flash, Some(flash));
        let s = apply(s, Action::ClearFlash);
        assert_eq!(s.flash, None);
    }

    #[test]
    fn the_language_follows_the_phone_then_the_person() {
        let s = AppState::on_device(Lang::Ar);
        assert_eq!(s.language, Lang::Ar);
        // Nobody chose yet: the phone's language stays.
        let s = apply(s, Action::SignedIn(me()));
        assert_eq!(s.language, Lang::Ar);
        // Their choice is kept on the person too.
        let s = apply(s, Action::ChooseLanguage(Lang::En));
        assert_eq!(s.language, Lang::En);
        assert_eq!(
            s.me().and_then(|m| m.language),
            Some(shared::language::Language::En)
        );
        // Signing out goes back to the phone's language.
        let s = apply(s, Action::SignedOut);
        assert_eq!(s.language, Lang::Ar);
        // A saved setting wins over the phone at sign-in.
        let mut arabic = me();
        arabic.language = Some(shared::language::Language::Ar);
        let s = apply(AppState::on_device(Lang::En), Action::SignedIn(arabic));
        assert_eq!(s.language, Lang::Ar);
        // A pick while signed out lasts until sign-in.
        let s = apply(AppState::on_device(Lang::En), Action::SignedOut);
        let s = apply(s, Action::ChooseLanguage(Lang::Ar));
        assert_eq!(s.language, Lang::Ar);
        let s = apply(s, Action::SignedIn(me()));
        assert_eq!(s.language, Lang::Ar);
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
