//! The home page. Signed out: what the app is for. A young person: their
//! next review (and whether their form is done), their people, their plan's
//! latest change, what is new in their offer, notifications not read yet
//! and Positive Journeys, from one request (`GET /api/me/home`). Staff: the
//! pages of their role, each with the count of what waits there, from one
//! request (`GET /api/staff/home`).
//!
//! Facts only, said plainly: no streaks, no red dots, no "you haven't…".
//! Every card is there before the data comes, so the page never jumps
//! under a thumb and still leads somewhere when the data cannot come.

use crate::components::guard::Audience;
use crate::components::help_panel::HelpPanel;
use crate::feedback_drafts;
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::pages::my_plan::section_title;
use crate::route::Route;
use crate::state::{use_app, Remote, Session};
use crate::text::raw_t;
use crate::words;
use shared::access::{can, Ability};
use shared::accounts::Me;
use shared::endpoints as ep;
use shared::home::{MyHome, StaffHome, REVIEW_DUE_SOON_DAYS};
use shared::people::Role;
use shared::reviews::FeedbackState;
use std::rc::Rc;
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
        Session::SignedIn(me) if me.role == Role::YoungPerson => {
            html! { <YoungPersonHome me={me.clone()} /> }
        }
        Session::SignedIn(me) => html! { <StaffHomePage me={me.clone()} /> },
        // A fresh installation: tell the operator what to run, not demo
        // content and not an error.
        _ if app.council == Remote::Ready(None) => setup_needed(),
        _ => {
            let council = match &app.council {
                Remote::Ready(Some(c)) => Some(CouncilLine::Named(c.name.as_str())),
                Remote::Loading => Some(CouncilLine::Coming),
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

/// What the server's operator runs to set up the first council and its
/// first administrator (`backend council create`, `team add`, `staff add`).
fn setup_needed() -> Html {
    const COMMANDS: &str = "backend council create --slug your-council --name \"Your Council\" \\\n    --time-zone Europe/London --duty-phone \"0123 456 7890\" \\\n    --bank-holidays england-and-wales\nbackend team add --council your-council --slug leaving-care \\\n    --name \"Leaving Care Team\" --kind leaving-care\nbackend staff add --council your-council --username first-admin \\\n    --name \"Your Name\" --role admin";
    html! {
        <section class="setup-needed" aria-labelledby="setup-title">
            <h1 id="setup-title">{ t("setup-title") }</h1>
            <p class="lead">{ t("setup-lead") }</p>
            <p>{ t("setup-run") }</p>
            <pre class="commands"><code>{ COMMANDS }</code></pre>
            <p>{ t("setup-then") }</p>
        </section>
    }
}

/// The council line while the council is still coming: `None` once we know
/// there is none to name.
enum CouncilLine<'a> {
    Coming,
    Named(&'a str),
}

/// Signed out (or not known yet). Nothing moves when the answers come: the
/// sign-in buttons and the council line keep their place, unseen, while
/// the session check and the council are on their way (a page that jumps
/// under a thumb makes people tap the wrong thing).
fn signed_out_home(checking: bool, council: Option<CouncilLine>) -> Html {
    html! {
        <>
            <h1>{ t("home-welcome") }</h1>
            <p class="lead">{ t("home-welcome-lead") }</p>
            // Hidden (not left out) while checking: someone who turns out
            // to be signed in never sees "Sign in", and the space is kept.
            <div class={classes!(checking.then_some("reserve"))}>
                { raw_t("home-start-actions-html") }
            </div>
            { raw_t("home-what-for-html") }
            { match council {
                Some(CouncilLine::Named(name)) => html! {
                    <p>{ tf("home-your-council", &[("council", name)]) }</p>
                },
                // The same sentence with a name of a usual length, unseen,
                // so it takes as many lines as the real one will.
                Some(CouncilLine::Coming) => html! {
                    <p class="reserve">{ tf("home-your-council", &[("council", "the London Borough of Bexley")]) }</p>
                },
                None => html! {},
            } }
            { raw_t("home-what-help-html") }
            { raw_t("home-who-sees-html") }
        </>
    }
}

/// The pages on this person's home, in order, each with a line saying what
/// is there: (address, title, what it is for).
pub fn links_for(role: Role) -> Vec<(Route, String, String)> {
    let link = |route: Route, title: &str, text: &str| (route, t(title), t(text));
    let mut links = Vec::new();
    if role == Role::YoungPerson {
        links.push(link(
            Route::MyReview,
            "reviews-home-link-title",
            "reviews-home-link-text",
        ));
        links.push(link(
            Route::MyPeople,
            "home-link-people-title",
            "home-link-people-text",
        ));
        links.push(link(
            Route::MyPlan,
            "home-link-plan-title",
            "home-link-plan-text",
        ));
        links.push(link(
            Route::MyOffer,
            "home-link-offer-title",
            "home-link-offer-text",
        ));
        links.push(link(
            Route::Notifications,
            "home-link-notifications-title",
            "home-link-notifications-text",
        ));
        links.push(link(
            Route::Forum,
            "home-link-forum-title",
            "home-link-forum-text",
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
    if can(role, Ability::ModerateForum) {
        links.push(link(
            Route::Moderation,
            "staff-home-link-moderation-title",
            "staff-home-link-moderation-text",
        ));
    }
    if Audience::Caseload.allows(role) && role != Role::Admin {
        links.push(link(
            Route::Questions,
            "staff-home-link-questions-title",
            "staff-home-link-questions-text",
        ));
    }
    if can(role, Ability::ListReviews) {
        links.push(link(
            Route::StaffReviews,
            "staff-reviews-home-list-title",
            "staff-reviews-home-list-text",
        ));
    }
    if can(role, Ability::HandleSafeguardingAlerts) {
        links.push(link(
            Route::Alerts,
            "staff-reviews-home-alerts-title",
            "staff-reviews-home-alerts-text",
        ));
    }
    if can(role, Ability::ViewFeedbackInsights) {
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
    if can(role, Ability::ManageFeedbackForms) {
        links.push(link(
            Route::FeedbackForms,
            "staff-reviews-home-forms-title",
            "staff-reviews-home-forms-text",
        ));
    }
    if can(role, Ability::ManageReviewSettings) {
        links.push(link(
            Route::ReviewPromise,
            "staff-reviews-home-promise-title",
            "staff-reviews-home-promise-text",
        ));
    }
    links.push(link(
        Route::Account,
        "staff-home-link-account-title",
        "staff-home-link-account-text",
    ));
    links
}

fn first_name(me: &Me) -> &str {
    words::first_name(&me.display_name)
}

/// A card's id for its heading, from its address: "home-my-review".
fn card_id(route: &Route) -> String {
    let path = route.to_path();
    let slug = path.trim_matches('/').replace('/', "-");
    format!("home-{}", if slug.is_empty() { "home" } else { &slug })
}

// ---------------------------------------------------------- young people

#[derive(Properties, PartialEq)]
struct HomeProps {
    me: Rc<Me>,
}

#[component]
fn YoungPersonHome(props: &HomeProps) -> Html {
    let data = use_get(Some(ep::home::MyHome::url()));
    let home = data.get();
    let ready = match &home {
        Remote::Ready(h) => Some(h),
        _ => None,
    };
    let person = props.me.young_person_id.clone().unwrap_or_default();
    html! {
        <>
            <h1>{ tf("home-hi", &[("name", first_name(&props.me))]) }</h1>
            <p class="lead">{ t("home-signed-in-lead") }</p>
            { waiting(&home, &t("home-loading"), &data.reload).unwrap_or_default() }
            <div class="home-cards">
                { for links_for(Role::YoungPerson).into_iter().map(|(route, title, text)| {
                    let id = card_id(&route);
                    let part = ready.map(|h| young_part(&route, h, &person));
                    html! {
                        <section class="card home-card" aria-labelledby={id.clone()}>
                            <h2 class="home-card-title" {id}>
                                <a class="link-card-link" href={route.to_path()}>{ title }</a>
                            </h2>
                            { part.flatten().unwrap_or_else(|| html! { <p class="link-card-text">{ text }</p> }) }
                        </section>
                    }
                }) }
            </div>
        </>
    }
}

/// What the home knows about one page; `None` keeps the page's own line.
fn young_part(route: &Route, h: &MyHome, person: &str) -> Option<Html> {
    match route {
        Route::MyReview => Some(review_part(h, person)),
        Route::MyPeople => Some(people_part(h)),
        Route::MyPlan => Some(plan_part(h)),
        Route::MyOffer => Some(offer_part(h)),
        Route::Notifications => Some(html! {
            <p>{ unread_words(h.unread_notifications) }</p>
        }),
        _ => None,
    }
}

/// How a count is said. Arabic has four forms (one, two, three to ten,
/// eleven and more), English two; each counted message has all four keys
/// in every language (a test below checks), so each picks its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    One,
    Two,
    Few,
    Many,
}

pub fn form(n: i64) -> Form {
    match n {
        1 => Form::One,
        2 => Form::Two,
        3..=10 => Form::Few,
        _ => Form::Many,
    }
}

/// "That is in 10 days."
pub fn days_words(days: i64) -> String {
    let n = days.to_string();
    let count = [("count", n.as_str())];
    match days {
        i64::MIN..=0 => t("home-review-today"),
        1 => t("home-review-tomorrow"),
        _ => match form(days) {
            Form::One | Form::Two => t("home-review-in-days-two"),
            Form::Few => tf("home-review-in-days-few", &count),
            Form::Many => tf("home-review-in-days-many", &count),
        },
    }
}

/// "You have 3 new notifications."
pub fn unread_words(unread: u32) -> String {
    let n = unread.to_string();
    let count = [("count", n.as_str())];
    match unread {
        0 => t("home-unread-none"),
        _ => match form(i64::from(unread)) {
            Form::One => t("home-unread-one"),
            Form::Two => t("home-unread-two"),
            Form::Few => tf("home-unread-few", &count),
            Form::Many => tf("home-unread-many", &count),
        },
    }
}

/// "There is news about 2 things you asked for."
pub fn request_news_words(requests: u32) -> String {
    let n = requests.to_string();
    let count = [("count", n.as_str())];
    match form(i64::from(requests)) {
        Form::One => t("home-offer-requests-one"),
        Form::Two => t("home-offer-requests-two"),
        Form::Few => tf("home-offer-requests-few", &count),
        Form::Many => tf("home-offer-requests-many", &count),
    }
}

/// "And 4 more."
pub fn more_words(more: usize) -> String {
    let n = more.to_string();
    let count = [("count", n.as_str())];
    match form(i64::try_from(more).unwrap_or(i64::MAX)) {
        Form::One => t("home-offer-more-one"),
        Form::Two => t("home-offer-more-two"),
        Form::Few => tf("home-offer-more-few", &count),
        Form::Many => tf("home-offer-more-many", &count),
    }
}

/// Where the form for the meeting is, in words, and the way in.
fn form_words(
    state: FeedbackState,
    local: Option<&feedback_drafts::LocalDraft>,
) -> (String, String) {
    let (state, action) = match (state, local) {
        (FeedbackState::Sent, _) => ("home-form-done", "home-form-see"),
        (_, Some(l)) if l.send_queued => ("home-form-queued", "home-form-carry-on"),
        (FeedbackState::DraftSaved, _) | (_, Some(_)) => {
            ("home-form-started", "home-form-carry-on")
        }
        (FeedbackState::NotStarted, None) => ("home-form-not-done", "home-form-start"),
    };
    (t(state), t(action))
}

fn review_part(h: &MyHome, person: &str) -> Html {
    let Some(r) = &h.next_review else {
        return html! { <p>{ t("home-review-none") }</p> };
    };
    let local = feedback_drafts::for_review(person, &r.id);
    let (state, action) = form_words(r.feedback, local.as_ref());
    html! {
        <>
            <p>{ tf("home-review-on", &[("date", &words::day_with_year(r.date))]) }</p>
            <p class="home-count">{ days_words(r.days_to_go) }</p>
            <p>{ state }</p>
            <p><a class="button button-secondary" href={Route::MyReviewFeedback.to_path()}>{ action }</a></p>
        </>
    }
}

fn people_part(h: &MyHome) -> Html {
    if h.people.is_empty() {
        return html! { <p>{ t("home-people-none") }</p> };
    }
    html! {
        <ul class="home-list">
            { for h.people.iter().map(|p| html! {
                <li>{ tf("home-person", &[
                    ("name", &p.name),
                    ("worker", &words::relationship_plain(p.relationship)),
                ]) }</li>
            }) }
        </ul>
    }
}

fn plan_part(h: &MyHome) -> Html {
    let Some(p) = &h.plan else {
        return html! { <p>{ t("home-plan-none") }</p> };
    };
    let when = words::when_now(p.shared_at);
    if p.changed.is_empty() {
        return html! { <p>{ tf("home-plan-shared", &[("when", &when)]) }</p> };
    }
    let parts: Vec<String> = p.changed.iter().map(|s| section_title(*s)).collect();
    let comma = format!("{} ", t("home-comma"));
    html! {
        <>
            <p>{ tf("home-plan-changed", &[("when", &when)]) }</p>
            <p>{ tf("home-plan-what-changed", &[("parts", &parts.join(&comma))]) }</p>
        </>
    }
}

/// The offer's news shown on the home; "My offer" has the rest.
const OFFER_NEWS_SHOWN: usize = 3;

fn offer_part(h: &MyHome) -> Html {
    let more = h.offer_news.len().saturating_sub(OFFER_NEWS_SHOWN);
    html! {
        <>
            if h.offer_news.is_empty() {
                <p>{ t("home-offer-nothing-new") }</p>
            } else {
                <p>{ t("home-offer-new") }</p>
                <ul class="home-list">
                    { for h.offer_news.iter().take(OFFER_NEWS_SHOWN).map(|n| html! {
                        <li>
                            <strong>{ &n.title }</strong>
                            if let Some(note) = &n.update_note {
                                { " " }{ note }
                            }
                        </li>
                    }) }
                </ul>
                if more > 0 {
                    <p>{ more_words(more) }</p>
                }
            }
            if h.requests_with_news > 0 {
                <p>
                    <a href={Route::MyOfferRequests.to_path()}>{ request_news_words(h.requests_with_news) }</a>
                </p>
            }
        </>
    }
}

// ----------------------------------------------------------------- staff

#[component]
fn StaffHomePage(props: &HomeProps) -> Html {
    let me = &props.me;
    let data = use_get(Some(ep::home::StaffHome::url()));
    let home = data.get();
    let ready = match &home {
        Remote::Ready(h) => Some(h),
        _ => None,
    };
    let mut cards: Vec<Html> = Vec::new();
    for (route, title, text) in links_for(me.role) {
        let id = card_id(&route);
        let counts = ready.and_then(|h| staff_counts(&route, h, me.role));
        let counts_id = format!("{id}-counts");
        cards.push(html! {
            <li class="link-card" key={id.clone()}>
                <h2 class="home-card-title" id={id.clone()}>
                    <a class="link-card-link" href={route.to_path()}
                        aria-describedby={counts.is_some().then(|| counts_id.clone())}>{ title }</a>
                </h2>
                if let Some(rows) = counts {
                    <dl class="home-counts" id={counts_id}>{ rows }</dl>
                }
                <p class="link-card-text">{ text }</p>
            </li>
        });
        // Views before reviews have no list of their own: each young
        // person's page has theirs. They come after the caseload.
        if route == Route::Caseload {
            if let Some(views) = ready.and_then(|h| h.feedback_to_read.as_ref()) {
                cards.push(views_card(views));
            }
        }
    }
    html! {
        <>
            <h1>{ tf("staff-home-hello", &[("name", first_name(me))]) }</h1>
            <p class="lead">
                { tf("staff-home-signed-in-as", &[
                    ("role", words::role(me.role)),
                    ("council", me.council.as_str()),
                ]) }
            </p>
            { waiting(&home, &t("staff-home-loading"), &data.reload).unwrap_or_default() }
            <ul class="link-cards">{ for cards }</ul>
        </>
    }
}

fn row(label: String, count: u32) -> Html {
    html! {
        <div><dt>{ label }</dt><dd>{ count }</dd></div>
    }
}

/// The counts shown on one page's card, when the role has that list.
fn staff_counts(route: &Route, h: &StaffHome, role: Role) -> Option<Html> {
    let weeks = (REVIEW_DUE_SOON_DAYS / 7).to_string();
    let weeks = [("weeks", weeks.as_str())];
    Some(match route {
        Route::Caseload => row(
            t(match role {
                Role::TeamManager => "staff-home-count-caseload-team",
                Role::Admin => "staff-home-count-caseload-council",
                _ => "staff-home-count-caseload",
            }),
            h.caseload?,
        ),
        Route::StaffReviews => {
            let r = h.reviews?;
            html! {
                <>
                    { row(t(if role == Role::TeamManager {
                        "staff-home-count-reviews-overdue-team"
                    } else {
                        "staff-home-count-reviews-overdue"
                    }), r.overdue) }
                    { row(tf("staff-home-count-reviews-due-soon", &weeks), r.due_soon) }
                    { row(t("staff-home-count-reviews-not-booked"), r.not_booked) }
                    { row(tf("staff-home-count-reviews-booked-soon", &weeks), r.booked_soon) }
                </>
            }
        }
        Route::Requests => {
            let r = h.offer_requests?;
            html! {
                <>
                    { row(t("staff-home-count-requests-open"), r.open) }
                    { row(t("staff-home-count-requests-new"), r.new) }
                </>
            }
        }
        Route::Questions => row(t("staff-home-count-questions"), h.plan_questions?),
        Route::Alerts => row(t("staff-home-count-alerts"), h.safeguarding_alerts?),
        Route::Moderation => {
            let m = h.moderation?;
            html! {
                <>
                    { row(t("staff-home-count-mod-waiting"), m.waiting) }
                    { row(t("staff-home-count-mod-harm"), m.suggests_harm) }
                    { row(t("staff-home-count-mod-reported"), m.reported) }
                    { row(t("staff-home-count-mod-flagged"), m.flagged) }
                </>
            }
        }
        _ => return None,
    })
}

fn views_card(views: &[shared::home::FeedbackWaiting]) -> Html {
    html! {
        <li class="link-card" key="home-views">
            <h2 class="home-card-title home-card-plain" id="home-views">{ t("staff-home-views-title") }</h2>
            if views.is_empty() {
                <p>{ t("staff-home-views-none") }</p>
            } else {
                <ul class="home-list">
                    { for views.iter().map(|v| {
                        let href = Route::PersonFeedback { id: v.young_person_id.clone() }.to_path();
                        html! {
                            <li key={v.young_person_id.clone()}>
                                <a {href}>{ &v.name }</a>
                                { " " }
                                { tf("staff-home-views-waiting", &[("count", &v.waiting.to_string())]) }
                            </li>
                        }
                    }) }
                </ul>
            }
            <p class="link-card-text">{ t("staff-home-views-text") }</p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{parse, AR_SOURCE, EN_SOURCE};

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
        for mine in [
            Route::MyReview,
            Route::MyPeople,
            Route::MyPlan,
            Route::MyOffer,
            Route::Notifications,
            Route::Forum,
        ] {
            assert!(yp.contains(&mine), "{mine:?}");
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
        // The participation officer's queue is one tap from home.
        let po: Vec<Route> = links_for(Role::ParticipationOfficer)
            .into_iter()
            .map(|l| l.0)
            .collect();
        assert!(po.contains(&Route::Moderation) && !po.contains(&Route::Caseload));
    }

    #[test]
    fn cards_have_distinct_ids() {
        for role in Role::ALL {
            let ids: Vec<String> = links_for(role).iter().map(|l| card_id(&l.0)).collect();
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(ids.len(), unique.len(), "{role:?}: {ids:?}");
            assert!(!ids.contains(&"home-views".to_string()));
        }
        assert_eq!(card_id(&Route::MyReview), "home-my-review");
    }

    #[test]
    fn counts_take_the_right_form() {
        assert_eq!(form(1), Form::One);
        assert_eq!(form(2), Form::Two);
        assert_eq!(form(3), Form::Few);
        assert_eq!(form(10), Form::Few);
        assert_eq!(form(11), Form::Many);
        assert_eq!(form(0), Form::Many);
        assert_eq!(days_words(10), "That is in 10 days.");
        assert_eq!(days_words(1), "That is tomorrow.");
        assert_eq!(days_words(0), "That is today.");
        assert_eq!(days_words(2), "That is in 2 days.");
        assert_eq!(days_words(30), "That is in 30 days.");
        assert_eq!(unread_words(0), "No new notifications.");
        assert_eq!(unread_words(1), "You have 1 new notification.");
        assert_eq!(unread_words(12), "You have 12 new notifications.");
        assert_eq!(
            request_news_words(1),
            "There is news about 1 thing you asked about."
        );
        assert_eq!(more_words(4), "And 4 more in My offer.");
    }

    /// The forms the code picks from exist in both languages (they are
    /// chosen at run time, so the test of literal keys cannot see them
    /// all).
    #[test]
    fn every_counted_message_has_its_forms_in_both_languages() {
        let (en, ar) = (parse(EN_SOURCE), parse(AR_SOURCE));
        for base in ["home-unread", "home-offer-requests", "home-offer-more"] {
            for f in ["one", "two", "few", "many"] {
                let key = format!("{base}-{f}");
                assert!(en.contains_key(key.as_str()), "{key}");
                assert!(ar.contains_key(key.as_str()), "{key}");
            }
        }
        for key in [
            "staff-home-count-caseload",
            "staff-home-count-caseload-team",
            "staff-home-count-caseload-council",
            "staff-home-count-reviews-overdue",
            "staff-home-count-reviews-overdue-team",
            "staff-home-count-reviews-due-soon",
            "staff-home-count-reviews-not-booked",
            "staff-home-count-reviews-booked-soon",
            "staff-home-count-requests-open",
            "staff-home-count-requests-new",
            "staff-home-count-questions",
            "staff-home-count-alerts",
            "staff-home-count-mod-waiting",
            "staff-home-count-mod-harm",
            "staff-home-count-mod-reported",
            "staff-home-count-mod-flagged",
        ] {
            assert!(en.contains_key(key), "{key}");
        }
        for key in [
            "home-review-today",
            "home-review-tomorrow",
            "home-review-in-days-two",
            "home-review-in-days-few",
            "home-review-in-days-many",
        ] {
            assert!(en.contains_key(key) && ar.contains_key(key), "{key}");
        }
    }
}
