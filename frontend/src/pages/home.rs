use crate::components::guard::Audience;
use crate::components::help_panel::HelpPanel;
use crate::i18n::{t, tf};
use crate::route::Route;
use crate::state::{use_app, Remote, Session};
use crate::text::raw_t;
use crate::words;
use shared::accounts::Me;
use shared::people::Role;
use yew::prelude::*;
use yew_router::Routable;

#[component]
pub fn Home() -> Html {
    let app = use_app();
    let flash = app
        .flash
        .as_ref()
        .filter(|f| f.route == Route::Home)
        .map(|f| html! { <p class="notice-info" role="status">{ &f.text }</p> });
    let body = match &app.session {
        Session::SignedIn(me) => signed_in_home(me),
        _ => {
            let council = match &app.council {
                Remote::Ready(Some(c)) => Some(c.name.as_str()),
                _ => None,
            };
            signed_out_home(matches!(app.session, Session::Checking), council)
        }
    };
    html! {
        <>
            { for flash }
            { body }
            <HelpPanel />
        </>
    }
}

fn signed_out_home(checking: bool, council: Option<&str>) -> Html {
    html! {
        <>
            <h1>{ t("home-welcome") }</h1>
            <p class="lead">{ t("home-welcome-lead") }</p>
            if !checking {
                { raw_t("home-start-actions-html") }
            }
            { raw_t("home-what-for-html") }
            if let Some(name) = council {
                <p>{ tf("home-your-council", &[("council", name)]) }</p>
            }
            { raw_t("home-what-help-html") }
            { raw_t("home-who-sees-html") }
        </>
    }
}

/// Links to the pages this person can use, each with a line saying what is
/// there: (address, title, what it is for).
pub fn links_for(role: Role) -> Vec<(Route, String, String)> {
    let link = |route: Route, title: &str, text: &str| (route, t(title), t(text));
    let mut links = Vec::new();
    if role == Role::YoungPerson {
        links.push(link(
            Route::MyPlan,
            "home-link-plan-title",
            "home-link-plan-text",
        ));
        links.push(link(
            Route::MyPeople,
            "home-link-people-title",
            "home-link-people-text",
        ));
        links.push(link(
            Route::MyOffer,
            "home-link-offer-title",
            "home-link-offer-text",
        ));
        links.push(link(
            Route::MyReview,
            "reviews-home-link-title",
            "reviews-home-link-text",
        ));
        links.push(link(
            Route::Account,
            "home-link-account-title",
            "home-link-account-text",
        ));
        return links;
    }
    if Audience::Caseload.allows(role) {
        links.push(link(
            Route::Caseload,
            "staff-home-link-caseload-title",
            "staff-home-link-caseload-text",
        ));
    }
    if Audience::Caseload.allows(role) && role != Role::Admin {
        links.push(link(
            Route::Questions,
            "staff-home-link-questions-title",
            "staff-home-link-questions-text",
        ));
    }
    if shared::access::can(role, shared::access::Ability::ListReviews) {
        links.push(link(
            Route::StaffReviews,
            "staff-reviews-home-list-title",
            "staff-reviews-home-list-text",
        ));
    }
    if shared::access::can(role, shared::access::Ability::HandleSafeguardingAlerts) {
        links.push(link(
            Route::Alerts,
            "staff-reviews-home-alerts-title",
            "staff-reviews-home-alerts-text",
        ));
    }
    if shared::access::can(role, shared::access::Ability::ViewFeedbackInsights) {
        links.push(link(
            Route::Insights,
            "staff-reviews-home-insights-title",
            "staff-reviews-home-insights-text",
        ));
    }
    if Audience::OfferRequests.allows(role) {
        links.push(link(
            Route::Requests,
            "staff-home-link-requests-title",
            "staff-home-link-requests-text",
        ));
    }
    if Audience::CreatePeople.allows(role) {
        links.push(link(
            Route::NewPerson,
            "staff-home-link-new-person-title",
            "staff-home-link-new-person-text",
        ));
    }
    if Audience::Admins.allows(role) {
        links.push(link(
            Route::StaffAccounts,
            "staff-home-link-staff-accounts-title",
            "staff-home-link-staff-accounts-text",
        ));
        links.push(link(
            Route::OfferAdmin,
            "staff-home-link-offer-title",
            "staff-home-link-offer-text",
        ));
    }
    links.push(link(
        Route::Account,
        "staff-home-link-account-title",
        "staff-home-link-account-text",
    ));
    links
}

fn signed_in_home(me: &Me) -> Html {
    let first_name = me
        .display_name
        .split_whitespace()
        .next()
        .unwrap_or(&me.display_name);
    let young = me.role == Role::YoungPerson;
    html! {
        <>
            <h1>{ if young {
                tf("home-hi", &[("name", first_name)])
            } else {
                tf("staff-home-hello", &[("name", first_name)])
            } }</h1>
            <p class="lead">
                { if young {
                    t("home-signed-in-lead")
                } else {
                    tf("staff-home-signed-in-as", &[
                        ("role", words::role(me.role)),
                        ("council", me.council.as_str()),
                    ])
                } }
            </p>
            <ul class="link-cards">
                { for links_for(me.role).into_iter().map(|(to, title, text)| html! {
                    <li class="link-card">
                        <a class="link-card-link" href={to.to_path()}>{ title }</a>
                        <p class="link-card-text">{ text }</p>
                    </li>
                }) }
            </ul>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyone_gets_their_account_and_only_their_pages() {
        for role in Role::ALL {
            let links = links_for(role);
            assert!(links.iter().any(|(r, _, _)| *r == Route::Account));
            for (route, _, _) in &links {
                assert!(route.needs_sign_in());
            }
        }
        let yp: Vec<Route> = links_for(Role::YoungPerson)
            .into_iter()
            .map(|l| l.0)
            .collect();
        assert!(!yp.contains(&Route::Caseload));
        for mine in [Route::MyPlan, Route::MyPeople, Route::MyOffer, Route::MyReview] {
            assert!(yp.contains(&mine));
        }
        let sw: Vec<Route> = links_for(Role::SocialWorker)
            .into_iter()
            .map(|l| l.0)
            .collect();
        assert!(sw.contains(&Route::Caseload) && !sw.contains(&Route::StaffAccounts));
        assert!(sw.contains(&Route::Questions) && sw.contains(&Route::Requests));
        let admin: Vec<Route> = links_for(Role::Admin).into_iter().map(|l| l.0).collect();
        assert!(admin.contains(&Route::StaffAccounts) && admin.contains(&Route::NewPerson));
        // Reviews: IROs list them; workers handle alerts; managers see totals.
        let iro: Vec<Route> = links_for(Role::Iro).into_iter().map(|l| l.0).collect();
        assert!(iro.contains(&Route::StaffReviews) && !iro.contains(&Route::Alerts));
        assert!(sw.contains(&Route::Alerts) && !sw.contains(&Route::Insights));
        let manager: Vec<Route> = links_for(Role::TeamManager)
            .into_iter()
            .map(|l| l.0)
            .collect();
        assert!(manager.contains(&Route::Insights) && manager.contains(&Route::StaffReviews));
    }
}
