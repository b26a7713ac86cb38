use crate::components::guard::Audience;
use crate::components::help_panel::HelpPanel;
use crate::route::Route;
use crate::state::{use_app, Remote, Session};
use crate::text::raw;
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
            <h1>{ "Hi, welcome to Good for Me" }</h1>
            <p class="lead">
                { "This app is for you if you are in care, or if you have left care." }
            </p>
            if !checking {
                { raw(r#"<div class="actions"><a class="button" href="/sign-in">Sign in</a><a class="button button-secondary" href="/activate">I have a code from my worker</a></div>"#) }
            }
            { raw(r#"<h2>What is this app for?</h2>
    <p>It will help you find out what help you can get, and keep track of your plans. You are in charge of your own story.</p>"#) }
            if let Some(name) = council {
                <p>{ format!("Your council is {name}.") }</p>
            }
            { raw(r#"<h2>What help can I get?</h2>
    <p>The council has a list of the help and money it gives young people in care and care leavers. <a href="/offer">See the local offer</a>.</p>"#) }
            { raw(r#"<h2>Who can see what?</h2>
    <p>Your things are private. Find out who can see them in <a href="/about">About this app</a>.</p>"#) }
        </>
    }
}

/// Links to the pages this person can use, each with a line saying what is
/// there: (address, title, what it is for).
pub fn links_for(role: Role) -> Vec<(Route, &'static str, &'static str)> {
    let mut links = Vec::new();
    if role == Role::YoungPerson {
        links.push((
            Route::MyPlan,
            "My plan",
            "Your plan in plain words. Ask about anything that is not clear.",
        ));
        links.push((
            Route::MyPeople,
            "My people",
            "Your workers, what they do, and how to reach them.",
        ));
        links.push((
            Route::MyOffer,
            "My offer",
            "Help and money you can get now, and what is coming up.",
        ));
        links.push((
            Route::Account,
            "My account",
            "Your password, where you are signed in, and who has looked at your records.",
        ));
        return links;
    }
    if Audience::Caseload.allows(role) {
        links.push((
            Route::Caseload,
            "My young people",
            "The young people you work with now.",
        ));
    }
    if Audience::Caseload.allows(role) && role != Role::Admin {
        links.push((
            Route::Questions,
            "Questions about plans",
            "What young people did not understand or did not agree with in their plans.",
        ));
    }
    if Audience::OfferRequests.allows(role) {
        links.push((
            Route::Requests,
            "Requests about the offer",
            "What young people have asked for from the local offer.",
        ));
    }
    if Audience::CreatePeople.allows(role) {
        links.push((
            Route::NewPerson,
            "Add a young person",
            "Make a record for a young person new to the service.",
        ));
    }
    if Audience::Admins.allows(role) {
        links.push((
            Route::StaffAccounts,
            "Staff accounts",
            "Add staff, switch accounts off and on, and make sign-in codes.",
        ));
    }
    links.push((
        Route::Account,
        "My account",
        "Your password and where you are signed in.",
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
            <h1>{ if young { format!("Hi, {first_name}") } else { format!("Hello, {first_name}") } }</h1>
            <p class="lead">
                { if young {
                    "Good to see you. What would you like to do?".to_string()
                } else {
                    format!("You are signed in as {} at {}.", words::role(me.role), me.council)
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
        for mine in [Route::MyPlan, Route::MyPeople, Route::MyOffer] {
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
    }
}
