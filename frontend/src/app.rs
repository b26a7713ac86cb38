//! The root component: app state, router, layout, the first data load and
//! the session check.

use crate::api;
use crate::components::guard::{Audience, SignedInOnly};
use crate::components::layout::Layout;
use crate::i18n::{self, Lang};
use crate::pages::{
    about::About,
    account::AccountPage,
    activate::Activate,
    feedback_form::FeedbackFormPage,
    forum::{ForumPage, ForumSpacePage},
    forum_events::{EventsPage, PollsPage},
    forum_thread::{ForumThreadPage, MyPostsPage},
    help::Help,
    home::Home,
    my_offer::{MyOfferPage, OfferPage},
    my_people::MyPeoplePage,
    my_plan::MyPlanPage,
    my_review::MyReviewPage,
    not_found::NotFound,
    notification_settings::NotificationSettingsPage,
    notifications::{NotificationsPage, OpenNotificationPage},
    sign_in::SignIn,
};
use crate::route::Route;
use crate::session::{self, Refreshed};
use crate::state::{Action, AppContext, AppState, Remote, Session};
#[cfg(feature = "staff")]
use shared::access::Ability;
use yew::prelude::*;
use yew_router::prelude::*;

/// A page for signed-in people only (see `SignedInOnly`).
fn guarded(audience: Audience, page: Html) -> Html {
    html! { <SignedInOnly {audience}>{ page }</SignedInOnly> }
}

/// The forum's moderation pages.
#[cfg(feature = "staff")]
fn moderators() -> Audience {
    Audience::Can(Ability::ModerateForum)
}

/// The page for each route. A new page is a new arm here.
pub fn switch(route: Route) -> Html {
    if route.is_staff() {
        return staff_switch(route);
    }
    match route {
        Route::Home => html! { <Home /> },
        Route::Help => html! { <Help /> },
        Route::About => html! { <About /> },
        Route::SignIn => html! { <SignIn /> },
        Route::Activate => html! { <Activate /> },
        Route::Account => guarded(Audience::Anyone, html! { <AccountPage /> }),
        Route::MyPlan => guarded(Audience::YoungPeople, html! { <MyPlanPage /> }),
        Route::MyPeople => guarded(Audience::YoungPeople, html! { <MyPeoplePage /> }),
        Route::MyOffer => guarded(Audience::YoungPeople, html! { <MyOfferPage /> }),
        Route::MyOfferRequests => guarded(
            Audience::YoungPeople,
            html! { <MyOfferPage requests=true /> },
        ),
        Route::Offer => html! { <OfferPage /> },
        Route::MyReview => guarded(Audience::YoungPeople, html! { <MyReviewPage /> }),
        Route::MyReviewFeedback => guarded(Audience::YoungPeople, html! { <FeedbackFormPage /> }),
        Route::Forum => guarded(Audience::YoungPeople, html! { <ForumPage /> }),
        Route::ForumSpace { id } => {
            guarded(Audience::YoungPeople, html! { <ForumSpacePage {id} /> })
        }
        Route::ForumThread { id } => {
            guarded(Audience::YoungPeople, html! { <ForumThreadPage {id} /> })
        }
        Route::ForumMyPosts => guarded(Audience::YoungPeople, html! { <MyPostsPage /> }),
        Route::ForumEvents => guarded(Audience::YoungPeople, html! { <EventsPage /> }),
        Route::ForumPolls => guarded(Audience::YoungPeople, html! { <PollsPage /> }),
        Route::Notifications => guarded(Audience::Anyone, html! { <NotificationsPage /> }),
        Route::OpenNotification { id } => {
            guarded(Audience::Anyone, html! { <OpenNotificationPage {id} /> })
        }
        Route::NotificationSettings => {
            guarded(Audience::Anyone, html! { <NotificationSettingsPage /> })
        }
        _ => html! { <NotFound /> },
    }
}

/// In the young people's app a staff page loads the staff app.
#[cfg(not(feature = "staff"))]
fn staff_switch(_route: Route) -> Html {
    html! { <crate::components::staff_app::LoadStaffApp /> }
}

/// The staff app's pages, compiled into the staff app only.
#[cfg(feature = "staff")]
mod staff_pages {
    pub use crate::pages::{
        audit::AuditPage,
        caseload::CaseloadPage,
        form_editor::{FormEditPage, FormsPage},
        insights::InsightsPage,
        mod_log::{ModerationLogPage, WatchedWordsPage},
        moderation::{ModThreadPage, ModThreadsPage, ModerationPage},
        new_person::NewPersonPage,
        offer_editor::{OfferAdminPage, OfferEditPage},
        participation::{ForumSpacesPage, ParticipationPage},
        person::PersonPage,
        plan_editor::PlanEditorPage,
        questions::questions_page,
        requests::RequestsPage,
        review_promise::ReviewPromisePage,
        safeguarding::AlertsPage,
        staff_accounts::StaffPage,
        staff_events::{StaffEventsPage, StaffPollsPage},
        staff_feedback::PersonFeedbackPage,
        staff_reviews::{PersonReviewsPage, ReviewsListPage},
    };
}

/// The staff app's own pages (`/staff/…`, `/admin/…`).
#[cfg(feature = "staff")]
fn staff_switch(route: Route) -> Html {
    use staff_pages::*;
    match route {
        Route::Caseload => guarded(Audience::Caseload, html! { <CaseloadPage /> }),
        Route::NewPerson => guarded(Audience::CreatePeople, html! { <NewPersonPage /> }),
        Route::Person { id } => guarded(Audience::Caseload, html! { <PersonPage {id} /> }),
        Route::PersonAudit { id } => guarded(Audience::Caseload, html! { <AuditPage {id} /> }),
        Route::PersonPlan { id } => guarded(Audience::Caseload, html! { <PlanEditorPage {id} /> }),
        Route::Questions => guarded(Audience::Caseload, questions_page()),
        Route::Requests => guarded(Audience::OfferRequests, html! { <RequestsPage /> }),
        Route::StaffAccounts => guarded(Audience::Admins, html! { <StaffPage /> }),
        Route::OfferAdmin => guarded(Audience::Admins, html! { <OfferAdminPage /> }),
        Route::OfferNew => guarded(Audience::Admins, html! { <OfferEditPage /> }),
        Route::OfferEdit { id } => {
            guarded(Audience::Admins, html! { <OfferEditPage id={Some(id)} /> })
        }
        Route::FeedbackForms => guarded(
            Audience::Can(Ability::ManageFeedbackForms),
            html! { <FormsPage /> },
        ),
        Route::FeedbackFormEdit { key } => guarded(
            Audience::Can(Ability::ManageFeedbackForms),
            html! { <FormEditPage key_name={key} /> },
        ),
        Route::ReviewPromise => guarded(
            Audience::Can(Ability::ManageReviewSettings),
            html! { <ReviewPromisePage /> },
        ),
        Route::StaffReviews => guarded(
            Audience::Can(Ability::ListReviews),
            html! { <ReviewsListPage /> },
        ),
        Route::PersonReviews { id } => {
            guarded(Audience::Caseload, html! { <PersonReviewsPage {id} /> })
        }
        Route::PersonFeedback { id } => {
            guarded(Audience::Caseload, html! { <PersonFeedbackPage {id} /> })
        }
        Route::Alerts => guarded(
            Audience::Can(Ability::HandleSafeguardingAlerts),
            html! { <AlertsPage /> },
        ),
        Route::Insights => guarded(
            Audience::Can(Ability::ViewFeedbackInsights),
            html! { <InsightsPage /> },
        ),
        Route::Moderation => guarded(moderators(), html! { <ModerationPage /> }),
        Route::ModThreads => guarded(moderators(), html! { <ModThreadsPage /> }),
        Route::ModThread { id } => guarded(moderators(), html! { <ModThreadPage {id} /> }),
        Route::WatchedWords => guarded(moderators(), html! { <WatchedWordsPage /> }),
        Route::ModLog => guarded(
            Audience::Can(Ability::ReadModerationLog),
            html! { <ModerationLogPage /> },
        ),
        Route::Participation => guarded(
            Audience::Can(Ability::ReadParticipationFigures),
            html! { <ParticipationPage /> },
        ),
        Route::StaffEvents => guarded(
            Audience::Can(Ability::RunParticipation),
            html! { <StaffEventsPage /> },
        ),
        Route::StaffPolls => guarded(
            Audience::Can(Ability::RunParticipation),
            html! { <StaffPollsPage /> },
        ),
        Route::ForumSpaces => guarded(
            Audience::Can(Ability::ManageForumSpaces),
            html! { <ForumSpacesPage /> },
        ),
        _ => html! { <NotFound /> },
    }
}

/// `<html lang dir>`: screen readers pick their voice from `lang`, and the
/// browser lays the page out right to left for Arabic.
fn show_language(lang: Lang) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", lang.tag());
        let _ = html.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
    }
}

#[component]
pub fn App() -> Html {
    let state: AppContext = use_reducer(|| AppState::on_device(i18n::device_language()));

    // The language first, so every page below renders its words in it.
    let lang = state.language;
    i18n::set_language(lang);
    use_effect_with(lang, |lang| show_language(*lang));

    // Load the council whenever we are waiting for it: at start, and after
    // "Try again".
    {
        let state = state.clone();
        let loading = matches!(state.council, Remote::Loading);
        use_effect_with(loading, move |loading| {
            if *loading {
                wasm_bindgen_futures::spawn_local(async move {
                    match api::councils().await {
                        Ok(list) => state.dispatch(Action::CouncilsLoaded(list)),
                        Err(err) => state.dispatch(Action::CouncilsFailed(err)),
                    }
                });
            }
        });
    }

    // Who is signed in: the HttpOnly refresh cookie answers, at start and
    // after "Try again". A session that ends later (signed out on another
    // device, password changed elsewhere) reaches the app through
    // `session::on_signed_out`.
    {
        let state = state.clone();
        let checking = matches!(state.session, Session::Checking);
        use_effect_with(checking, move |checking| {
            let dispatcher = state.dispatcher();
            session::on_signed_out(Callback::from(move |()| {
                dispatcher.dispatch(Action::SignedOut)
            }));
            if *checking {
                wasm_bindgen_futures::spawn_local(async move {
                    match session::refresh().await {
                        Refreshed::Yes => {
                            if let Err(err) = crate::me::load_me(&state).await {
                                if err.needs_sign_in() {
                                    state.dispatch(Action::SignedOut);
                                } else {
                                    state.dispatch(Action::SessionUnreachable(err));
                                }
                            }
                        }
                        Refreshed::SignedOut => state.dispatch(Action::SignedOut),
                        Refreshed::Failed(err) => {
                            // No signal: who was signed in on this phone, from
                            // the copy the service worker kept (crate::pwa).
                            // Their pages then open from their kept copies.
                            if err == api::ApiError::Offline {
                                if let Ok(me) = api::me().await {
                                    state.dispatch(Action::SignedIn(me));
                                    return;
                                }
                            }
                            state.dispatch(Action::SessionUnreachable(err))
                        }
                    }
                });
            }
        });
    }

    html! {
        <ContextProvider<AppContext> context={state}>
            <BrowserRouter>
                // Keyed by language: a new language draws every page again.
                <Layout key={lang.tag()}>
                    <Switch<Route> render={switch} />
                </Layout>
            </BrowserRouter>
        </ContextProvider<AppContext>>
    }
}
