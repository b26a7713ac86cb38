//! Every page's address. Add a variant here, a title in [`Route::title`], and
//! (if it belongs in the bottom bar) an entry in one of the bars of
//! [`nav_items`]; the compiler then points at the `match` in `app::switch`
//! that needs the page.
//!
//! Addresses never hold anything sensitive: ids are random, and where to go
//! after signing in is kept in memory, not in a `?next=`.

use shared::access::{can, Ability};
use shared::people::Role;
use yew_router::Routable;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/help")]
    Help,
    #[at("/about")]
    About,
    #[at("/sign-in")]
    SignIn,
    /// "Choose your password" with the one-time code from a worker.
    #[at("/activate")]
    Activate,
    #[at("/account")]
    Account,
    /// Staff: "My young people".
    #[at("/staff/people")]
    Caseload,
    /// Managers and admins add a young person's record.
    #[at("/staff/people/new")]
    NewPerson,
    #[at("/staff/people/:id")]
    Person { id: String },
    /// The break-glass notification links here.
    #[at("/staff/people/:id/audit")]
    PersonAudit { id: String },
    /// Staff: write a young person's plan, with the plain-language check.
    #[at("/staff/people/:id/plan")]
    PersonPlan { id: String },
    /// Staff: questions from young people about their plans.
    #[at("/staff/questions")]
    Questions,
    /// Staff: young people's requests about the local offer.
    #[at("/staff/requests")]
    Requests,
    /// Admins: staff accounts.
    #[at("/admin/staff")]
    StaffAccounts,
    /// Admins: every entitlement of the local offer.
    #[at("/admin/offer")]
    OfferAdmin,
    #[at("/admin/offer/new")]
    OfferNew,
    /// Admins: change one entitlement; its history.
    #[at("/admin/offer/:id")]
    OfferEdit { id: String },
    /// Admins: the "good for me" feedback forms and their versions.
    #[at("/admin/forms")]
    FeedbackForms,
    /// Admins: change one form (`key` such as `from8_to11`) and publish it
    /// as a new version.
    #[at("/admin/forms/:key")]
    FeedbackFormEdit { key: String },
    /// Admins: the council's review promise (first review within a month).
    #[at("/admin/review-promise")]
    ReviewPromise,
    /// A young person's plan in plain words. Notifications link here.
    #[at("/my/plan")]
    MyPlan,
    /// A young person's workers. The reallocation notification links here.
    #[at("/my/people")]
    MyPeople,
    /// What the local offer gives me.
    #[at("/my/offer")]
    MyOffer,
    /// "My offer", opened at what I have asked about (the notification of
    /// a request's next step links here).
    #[at("/my/offer/requests")]
    MyOfferRequests,
    /// The council's whole local offer, for anyone.
    #[at("/offer")]
    Offer,
    /// A young person's next review and past ones. Notifications link here.
    #[at("/my/review")]
    MyReview,
    /// The "good for me" form for my next review.
    #[at("/my/review/feedback")]
    MyReviewFeedback,
    /// Staff: the reviews of the young people I work with, overdue first.
    #[at("/staff/reviews")]
    StaffReviews,
    /// Staff: one young person's reviews. Notifications link here.
    #[at("/staff/people/:id/reviews")]
    PersonReviews { id: String },
    /// Staff: what a young person chose to tell me before their reviews.
    #[at("/staff/people/:id/feedback")]
    PersonFeedback { id: String },
    /// Safeguarding alerts until someone records a response.
    #[at("/staff/alerts")]
    Alerts,
    /// Managers: anonymous totals of what young people said.
    #[at("/staff/insights")]
    Insights,
    /// Positive Journeys: the spaces I may join, my forum name, blocks.
    #[at("/forum")]
    Forum,
    #[at("/forum/spaces/:id")]
    ForumSpace { id: String },
    /// A conversation. The "your post is up" notification links here.
    #[at("/forum/threads/:id")]
    ForumThread { id: String },
    /// My posts and what happened to them (notifications link here).
    #[at("/forum/my-posts")]
    ForumMyPosts,
    #[at("/forum/events")]
    ForumEvents,
    #[at("/forum/polls")]
    ForumPolls,
    /// Participation officer: the moderation queue.
    #[at("/staff/forum/moderation")]
    Moderation,
    #[at("/staff/forum/threads")]
    ModThreads,
    #[at("/staff/forum/threads/:id")]
    ModThread { id: String },
    #[at("/staff/forum/words")]
    WatchedWords,
    /// The moderation log (managers read it too).
    #[at("/staff/forum/log")]
    ModLog,
    #[at("/staff/forum/participation")]
    Participation,
    #[at("/staff/forum/events")]
    StaffEvents,
    #[at("/staff/forum/polls")]
    StaffPolls,
    #[at("/staff/forum/spaces")]
    ForumSpaces,
    /// My notifications, in the app (works without push).
    #[at("/notifications")]
    Notifications,
    /// Where a tapped push message lands: marks it read and opens what it
    /// is about.
    #[at("/notifications/:id")]
    OpenNotification { id: String },
    /// Push on this phone, what reaches it, quiet hours.
    #[at("/account/notifications")]
    NotificationSettings,
    /// Shown for any address the app does not know. The address bar keeps
    /// what the person typed; only the page changes.
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The icon drawn beside a bottom-bar label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Home,
    Help,
    About,
    SignIn,
    Account,
    People,
    Staff,
    Plan,
    Offer,
    Forum,
    Reviews,
}

/// One place in the bottom bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NavItem {
    pub route: Route,
    pub label: &'static str,
    pub icon: Icon,
}

const fn item(route: Route, label: &'static str, icon: Icon) -> NavItem {
    NavItem { route, label, icon }
}

/// Signed out (and while we check).
pub const NAV_SIGNED_OUT: &[NavItem] = &[
    item(Route::Home, "Home", Icon::Home),
    item(Route::SignIn, "Sign in", Icon::SignIn),
    item(Route::Help, "Get help", Icon::Help),
    item(Route::About, "About", Icon::About),
];

const NAV_YOUNG_PERSON: &[NavItem] = &[
    item(Route::Home, "Home", Icon::Home),
    item(Route::MyPlan, "My plan", Icon::Plan),
    item(Route::MyOffer, "My offer", Icon::Offer),
    item(Route::Help, "Get help", Icon::Help),
    item(Route::Account, "Account", Icon::Account),
];

const NAV_CASELOAD: &[NavItem] = &[
    item(Route::Home, "Home", Icon::Home),
    item(Route::Caseload, "People", Icon::People),
    item(Route::StaffReviews, "Reviews", Icon::Reviews),
    item(Route::Account, "Account", Icon::Account),
    item(Route::Help, "Get help", Icon::Help),
];

const NAV_ADMIN: &[NavItem] = &[
    item(Route::Home, "Home", Icon::Home),
    item(Route::Caseload, "People", Icon::People),
    item(Route::StaffAccounts, "Staff", Icon::Staff),
    item(Route::Account, "Account", Icon::Account),
    item(Route::Help, "Get help", Icon::Help),
];

const NAV_PARTICIPATION: &[NavItem] = &[
    item(Route::Home, "Home", Icon::Home),
    item(Route::Moderation, "Forum", Icon::Forum),
    item(Route::Account, "Account", Icon::Account),
    item(Route::Help, "Get help", Icon::Help),
];

const NAV_OTHER_STAFF: &[NavItem] = &[
    item(Route::Home, "Home", Icon::Home),
    item(Route::Account, "Account", Icon::Account),
    item(Route::Help, "Get help", Icon::Help),
    item(Route::About, "About", Icon::About),
];

/// The bottom bar, left to right, for who is signed in (`None`: nobody).
/// Five at most: each needs a thumb-sized target on a 360px-wide phone.
pub fn nav_items(role: Option<Role>) -> &'static [NavItem] {
    match role {
        None => NAV_SIGNED_OUT,
        Some(Role::YoungPerson) => NAV_YOUNG_PERSON,
        Some(r) if can(r, Ability::ManageStaff) => NAV_ADMIN,
        Some(r) if can(r, Ability::ListCaseload) => NAV_CASELOAD,
        Some(r) if can(r, Ability::ModerateForum) => NAV_PARTICIPATION,
        Some(_) => NAV_OTHER_STAFF,
    }
}

impl Route {
    /// The page's name, used for the browser tab.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "Home",
            Route::Help => "Get help now",
            Route::About => "About this app",
            Route::SignIn => "Sign in",
            Route::Activate => "Choose your password",
            Route::Account => "My account",
            Route::Caseload => "My young people",
            Route::NewPerson => "Add a young person",
            Route::Person { .. } => "Young person",
            Route::PersonAudit { .. } => "Who has seen this record",
            Route::PersonPlan { .. } => "Plan",
            Route::Questions => "Questions about plans",
            Route::Requests => "Requests about the offer",
            Route::StaffAccounts => "Staff accounts",
            Route::OfferAdmin => "The local offer",
            Route::OfferNew => "Add an entitlement",
            Route::OfferEdit { .. } => "Change an entitlement",
            Route::FeedbackForms => "Feedback forms",
            Route::FeedbackFormEdit { .. } => "Change a feedback form",
            Route::ReviewPromise => "The review promise",
            Route::MyPlan => "My plan",
            Route::MyPeople => "My people",
            Route::MyOffer => "My offer",
            Route::MyOfferRequests => "What I have asked about",
            Route::Offer => "The local offer",
            Route::MyReview => "My review",
            Route::MyReviewFeedback => "Tell your IRO what you think",
            Route::StaffReviews => "Reviews",
            Route::PersonReviews { .. } => "Reviews",
            Route::PersonFeedback { .. } => "Views before reviews",
            Route::Alerts => "Safeguarding alerts",
            Route::Insights => "What young people told us",
            Route::Forum => "Positive Journeys",
            Route::ForumSpace { .. } => "Space",
            Route::ForumThread { .. } => "Conversation",
            Route::ForumMyPosts => "My posts",
            Route::ForumEvents => "Events",
            Route::ForumPolls => "Have your say",
            Route::Moderation => "Forum moderation",
            Route::ModThreads => "All conversations",
            Route::ModThread { .. } => "Conversation",
            Route::WatchedWords => "Watched words",
            Route::ModLog => "Moderation log",
            Route::Participation => "Participation figures",
            Route::StaffEvents => "Events",
            Route::StaffPolls => "Polls and consultations",
            Route::ForumSpaces => "Forum spaces",
            Route::Notifications => "Notifications",
            Route::OpenNotification { .. } => "Your notification",
            Route::NotificationSettings => "Notification settings",
            Route::NotFound => "Page not found",
        }
    }

    /// The route for an address, the not-found page when nothing matches.
    pub fn parse(path: &str) -> Route {
        Route::recognize(path).unwrap_or(Route::NotFound)
    }

    /// Staff screens (`/staff/…`, `/admin/…`). They are built into a second
    /// app (the `staff` feature) that the server sends for these addresses,
    /// so young people's phones never download them.
    pub fn is_staff(&self) -> bool {
        is_staff_path(&self.to_path())
    }

    /// Pages only a signed-in person may open.
    pub fn needs_sign_in(&self) -> bool {
        matches!(
            self,
            Route::Account
                | Route::Caseload
                | Route::NewPerson
                | Route::Person { .. }
                | Route::PersonAudit { .. }
                | Route::PersonPlan { .. }
                | Route::Questions
                | Route::Requests
                | Route::StaffAccounts
                | Route::OfferAdmin
                | Route::OfferNew
                | Route::OfferEdit { .. }
                | Route::FeedbackForms
                | Route::FeedbackFormEdit { .. }
                | Route::ReviewPromise
                | Route::MyPlan
                | Route::MyPeople
                | Route::MyOffer
                | Route::MyOfferRequests
                | Route::Notifications
                | Route::OpenNotification { .. }
                | Route::NotificationSettings
                | Route::MyReview
                | Route::MyReviewFeedback
                | Route::StaffReviews
                | Route::PersonReviews { .. }
                | Route::PersonFeedback { .. }
                | Route::Alerts
                | Route::Insights
                | Route::Forum
                | Route::ForumSpace { .. }
                | Route::ForumThread { .. }
                | Route::ForumMyPosts
                | Route::ForumEvents
                | Route::ForumPolls
                | Route::Moderation
                | Route::ModThreads
                | Route::ModThread { .. }
                | Route::WatchedWords
                | Route::ModLog
                | Route::Participation
                | Route::StaffEvents
                | Route::StaffPolls
                | Route::ForumSpaces
        )
    }

    /// The bottom-bar place this page belongs to (a young person's page
    /// belongs to "People"), whether or not the bar shows it.
    pub fn section(&self) -> Route {
        match self {
            Route::NewPerson
            | Route::Person { .. }
            | Route::PersonAudit { .. }
            | Route::PersonPlan { .. } => Route::Caseload,
            Route::PersonReviews { .. } | Route::PersonFeedback { .. } => Route::StaffReviews,
            Route::MyReviewFeedback => Route::MyReview,
            Route::Activate => Route::SignIn,
            Route::OfferAdmin | Route::OfferNew | Route::OfferEdit { .. } => Route::Home,
            Route::FeedbackForms | Route::FeedbackFormEdit { .. } | Route::ReviewPromise => {
                Route::Home
            }
            Route::MyOfferRequests => Route::MyOffer,
            Route::NotificationSettings => Route::Account,
            Route::ForumSpace { .. }
            | Route::ForumThread { .. }
            | Route::ForumMyPosts
            | Route::ForumEvents
            | Route::ForumPolls => Route::Forum,
            Route::ModThreads
            | Route::ModThread { .. }
            | Route::WatchedWords
            | Route::ModLog
            | Route::Participation
            | Route::StaffEvents
            | Route::StaffPolls
            | Route::ForumSpaces => Route::Moderation,
            other => other.clone(),
        }
    }

    /// The bottom-bar entry that should look selected on this page, if any.
    pub fn nav_section(&self, items: &[NavItem]) -> Option<Route> {
        let section = self.section();
        items
            .iter()
            .map(|item| item.route.clone())
            .find(|r| *r == section)
    }
}

/// Is this address one of the staff app's? The server answers the same way
/// (backend/src/static_files.rs).
pub fn is_staff_path(path: &str) -> bool {
    ["/staff", "/admin"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn staff_pages_are_the_staff_apps_and_the_rest_are_not() {
        assert!(Route::Caseload.is_staff());
        assert!(Route::OfferAdmin.is_staff());
        assert!(!Route::MyPlan.is_staff());
        assert!(!Route::Home.is_staff());
        assert!(!is_staff_path("/staffroom"));
        assert!(is_staff_path("/admin"));
    }

    fn all() -> Vec<Route> {
        let id = "4e7a4c72-4821-451f-a54d-c329ede36706".to_string();
        vec![
            Route::Home,
            Route::Help,
            Route::About,
            Route::SignIn,
            Route::Activate,
            Route::Account,
            Route::Caseload,
            Route::NewPerson,
            Route::Person { id: id.clone() },
            Route::PersonAudit { id: id.clone() },
            Route::PersonPlan { id },
            Route::Questions,
            Route::Requests,
            Route::StaffAccounts,
            Route::OfferAdmin,
            Route::OfferNew,
            Route::OfferEdit {
                id: "setting-up-home".into(),
            },
            Route::FeedbackForms,
            Route::FeedbackFormEdit {
                key: "from8_to11".into(),
            },
            Route::ReviewPromise,
            Route::MyPlan,
            Route::MyPeople,
            Route::MyOffer,
            Route::MyOfferRequests,
            Route::Offer,
            Route::Notifications,
            Route::OpenNotification {
                id: "4e7a4c72-4821-451f-a54d-c329ede36706".into(),
            },
            Route::NotificationSettings,
            Route::MyReview,
            Route::MyReviewFeedback,
            Route::StaffReviews,
            Route::PersonReviews { id: "p-1".into() },
            Route::PersonFeedback { id: "p-1".into() },
            Route::Alerts,
            Route::Insights,
            Route::Forum,
            Route::ForumSpace {
                id: "positive-journeys".into(),
            },
            Route::ForumThread { id: "t-1".into() },
            Route::ForumMyPosts,
            Route::ForumEvents,
            Route::ForumPolls,
            Route::Moderation,
            Route::ModThreads,
            Route::ModThread { id: "t-1".into() },
            Route::WatchedWords,
            Route::ModLog,
            Route::Participation,
            Route::StaffEvents,
            Route::StaffPolls,
            Route::ForumSpaces,
            Route::NotFound,
        ]
    }

    #[test]
    fn known_addresses_parse() {
        assert_eq!(Route::parse("/"), Route::Home);
        assert_eq!(Route::parse("/help"), Route::Help);
        assert_eq!(Route::parse("/about"), Route::About);
        assert_eq!(Route::parse("/about/"), Route::About);
        assert_eq!(Route::parse("/sign-in"), Route::SignIn);
        assert_eq!(Route::parse("/activate"), Route::Activate);
        assert_eq!(Route::parse("/account"), Route::Account);
        assert_eq!(Route::parse("/staff/people"), Route::Caseload);
        assert_eq!(Route::parse("/admin/staff"), Route::StaffAccounts);
        assert_eq!(Route::parse("/my/plan"), Route::MyPlan);
        assert_eq!(Route::parse("/my/people"), Route::MyPeople);
        assert_eq!(Route::parse("/my/offer"), Route::MyOffer);
        assert_eq!(Route::parse("/my/offer/requests"), Route::MyOfferRequests);
        assert_eq!(Route::parse("/offer"), Route::Offer);
        assert_eq!(Route::parse("/staff/questions"), Route::Questions);
        assert_eq!(Route::parse("/staff/requests"), Route::Requests);
        assert_eq!(
            Route::parse("/staff/people/abc-123/plan"),
            Route::PersonPlan {
                id: "abc-123".into()
            }
        );
    }

    #[test]
    fn new_is_not_taken_for_an_id() {
        assert_eq!(Route::parse("/staff/people/new"), Route::NewPerson);
        assert_eq!(
            Route::parse("/staff/people/abc-123"),
            Route::Person {
                id: "abc-123".into()
            }
        );
        assert_eq!(
            Route::parse("/staff/people/abc-123/audit"),
            Route::PersonAudit {
                id: "abc-123".into()
            }
        );
    }

    #[test]
    fn unknown_addresses_show_not_found() {
        assert_eq!(Route::parse("/nope"), Route::NotFound);
        assert_eq!(Route::parse("/about/more"), Route::NotFound);
        assert_eq!(Route::parse("/api/councils"), Route::NotFound);
        assert_eq!(Route::parse("/404"), Route::NotFound);
        assert_eq!(Route::parse("/staff/people/a/b"), Route::NotFound);
    }

    #[test]
    fn routes_round_trip_through_their_address() {
        for route in all() {
            assert_eq!(Route::parse(&route.to_path()), route);
        }
    }

    #[test]
    fn addresses_never_look_like_files() {
        // The server answers a real 404 for a path whose last part has a
        // dot, instead of the app.
        for route in all() {
            let path = route.to_path();
            let last = path.rsplit('/').next().unwrap_or_default();
            assert!(!last.contains('.'), "{path}");
        }
    }

    #[test]
    fn every_page_has_a_title() {
        for route in all() {
            assert!(!route.title().is_empty());
        }
    }

    #[test]
    fn only_the_public_pages_are_open_to_everyone() {
        for route in [
            Route::Home,
            Route::Help,
            Route::About,
            Route::SignIn,
            Route::Activate,
            Route::Offer,
            Route::NotFound,
        ] {
            assert!(!route.needs_sign_in(), "{route:?}");
        }
        assert!(Route::Account.needs_sign_in());
        assert!(Route::Person { id: "x".into() }.needs_sign_in());
    }

    #[test]
    fn every_bottom_bar_fits_a_phone_and_has_no_duplicates() {
        let mut bars = vec![nav_items(None)];
        bars.extend(Role::ALL.iter().map(|r| nav_items(Some(*r))));
        for items in bars {
            assert!(items.len() >= 3 && items.len() <= 5);
            assert_eq!(items[0].route, Route::Home);
            assert!(items.iter().any(|i| i.route == Route::Help));
            for (i, a) in items.iter().enumerate() {
                for b in &items[i + 1..] {
                    assert_ne!(a.route, b.route);
                }
                assert!(a.label.len() <= 10, "{} is too long for the bar", a.label);
                assert!(!a.route.needs_sign_in() || items != NAV_SIGNED_OUT);
            }
        }
    }

    #[test]
    fn each_role_gets_its_own_bar() {
        assert!(nav_items(None).iter().any(|i| i.route == Route::SignIn));
        let yp = nav_items(Some(Role::YoungPerson));
        assert!(yp.iter().any(|i| i.route == Route::Account));
        assert!(!yp.iter().any(|i| i.route == Route::Caseload));
        assert!(yp.iter().any(|i| i.route == Route::MyPlan));
        assert!(yp.iter().any(|i| i.route == Route::MyOffer));
        let sw = nav_items(Some(Role::SocialWorker));
        assert!(sw.iter().any(|i| i.route == Route::Caseload));
        assert!(!sw.iter().any(|i| i.route == Route::StaffAccounts));
        let admin = nav_items(Some(Role::Admin));
        assert!(admin.iter().any(|i| i.route == Route::StaffAccounts));
        let po = nav_items(Some(Role::ParticipationOfficer));
        assert!(!po.iter().any(|i| i.route == Route::Caseload));
        assert!(po.iter().any(|i| i.route == Route::Moderation));
        assert_eq!(Route::ModLog.nav_section(po), Some(Route::Moderation));
        assert_eq!(Route::parse("/forum/my-posts"), Route::ForumMyPosts);
        assert_eq!(
            Route::parse("/forum/threads/abc"),
            Route::ForumThread { id: "abc".into() }
        );
    }

    #[test]
    fn review_pages_have_their_addresses_and_places() {
        assert_eq!(Route::parse("/my/review"), Route::MyReview);
        assert_eq!(Route::parse("/my/review/feedback"), Route::MyReviewFeedback);
        // The addresses the server's notifications link to.
        assert_eq!(
            Route::parse("/staff/people/abc/feedback"),
            Route::PersonFeedback { id: "abc".into() }
        );
        assert_eq!(
            Route::parse("/staff/people/abc/reviews"),
            Route::PersonReviews { id: "abc".into() }
        );
        assert_eq!(Route::parse("/staff/alerts"), Route::Alerts);
        assert_eq!(Route::parse("/admin/forms"), Route::FeedbackForms);
        assert_eq!(
            Route::parse("/admin/forms/from8_to11"),
            Route::FeedbackFormEdit {
                key: "from8_to11".into()
            }
        );
        assert_eq!(Route::parse("/admin/review-promise"), Route::ReviewPromise);
        assert!(Route::ReviewPromise.is_staff() && Route::ReviewPromise.needs_sign_in());
        let iro = nav_items(Some(Role::Iro));
        assert!(iro.iter().any(|i| i.route == Route::StaffReviews));
        assert_eq!(
            Route::PersonFeedback { id: "x".into() }.nav_section(iro),
            Some(Route::StaffReviews)
        );
    }

    #[test]
    fn pages_light_up_their_section() {
        let bar = nav_items(Some(Role::SocialWorker));
        assert_eq!(
            Route::Person { id: "x".into() }.nav_section(bar),
            Some(Route::Caseload)
        );
        assert_eq!(Route::NotFound.nav_section(bar), None);
        assert_eq!(Route::About.nav_section(NAV_SIGNED_OUT), Some(Route::About));
        assert_eq!(
            Route::Activate.nav_section(NAV_SIGNED_OUT),
            Some(Route::SignIn)
        );
    }

    /// A young person's tab is named in their language: every page of
    /// theirs has a `title-…` message (so an Arabic one, see `i18n`).
    #[test]
    fn every_young_persons_page_title_is_translated() {
        use crate::i18n::{set_language, words_for, Lang};
        set_language(Lang::Ar);
        let untranslated: Vec<&str> = all()
            .iter()
            .filter(|r| !r.is_staff())
            .map(Route::title)
            .filter(|title| words_for("title-", title) == *title)
            .collect();
        set_language(Lang::En);
        assert!(
            untranslated.is_empty(),
            "no title- message: {untranslated:?}"
        );
    }
}
