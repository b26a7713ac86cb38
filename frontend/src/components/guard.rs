//! Pages for signed-in people only. A signed-out visit goes to "Sign in",
//! and back to the page afterwards (the page is remembered in memory).

use crate::components::nav_link::NavLink;
use crate::i18n::t;
use crate::route::Route;
use crate::state::{use_app, Action, Session};
use shared::access::{can, Ability};
use shared::people::Role;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// Who a page is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Anyone,
    /// Staff with a caseload.
    Caseload,
    /// Managers and admins.
    CreatePeople,
    Admins,
    /// Young people, for their own pages.
    YoungPeople,
    /// Workers who answer requests about the local offer.
    OfferRequests,
    /// Whoever has this ability (the forum's staff pages, for example).
    Can(Ability),
}

impl Audience {
    pub fn allows(self, role: Role) -> bool {
        match self {
            Audience::Anyone => true,
            Audience::Caseload => can(role, Ability::ListCaseload),
            Audience::CreatePeople => can(role, Ability::CreateYoungPerson),
            Audience::Admins => can(role, Ability::ManageStaff),
            Audience::YoungPeople => role == Role::YoungPerson,
            Audience::OfferRequests => can(role, Ability::AnswerOfferRequests),
            Audience::Can(ability) => can(role, ability),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SignedInOnlyProps {
    #[prop_or(Audience::Anyone)]
    pub audience: Audience,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn SignedInOnly(props: &SignedInOnlyProps) -> Html {
    let app = use_app();
    let navigator = use_navigator();
    let route = use_route::<Route>();
    let signed_out = matches!(app.session, Session::SignedOut);
    {
        let app = app.clone();
        use_effect_with(signed_out, move |signed_out| {
            if *signed_out {
                if let Some(route) = route {
                    app.dispatch(Action::ReturnAfterSignIn(route));
                }
                if let Some(nav) = navigator {
                    nav.replace(&Route::SignIn);
                }
            }
        });
    }
    match &app.session {
        Session::Checking => html! {
            <p class="muted" role="status">{ t("guard-checking") }</p>
        },
        Session::SignedOut => html! {
            <p class="muted" role="status">{ t("guard-to-sign-in") }</p>
        },
        Session::Unreachable(err) => {
            let retry = {
                let app = app.clone();
                Callback::from(move |_| app.dispatch(Action::SessionRecheck))
            };
            html! {
                <>
                    <h1>{ t("guard-cannot-check") }</h1>
                    <div class="notice" role="alert">
                        <p>{ err.message() }</p>
                        <button type="button" class="button button-secondary" onclick={retry}>
                            { t("try-again") }
                        </button>
                    </div>
                </>
            }
        }
        Session::SignedIn(me) if !props.audience.allows(me.role) => html! {
            <>
                <h1>{ t("guard-not-for-you") }</h1>
                <p>{ t("guard-not-for-you-text") }</p>
                <p><NavLink to={Route::Home} class="button">{ t("go-home") }</NavLink></p>
            </>
        },
        Session::SignedIn(_) => props.children.clone(),
    }
}

/// The signed-in person, inside [`SignedInOnly`].
#[hook]
pub fn use_me() -> Option<Rc<shared::accounts::Me>> {
    let app = use_app();
    app.me().cloned()
}
