//! HTTP routes: thin handlers that parse, call a service or repository, and
//! answer a `shared` type.
//!
//! Which path, method and guard each handler answers is declared once in
//! `shared::endpoints`; [`api`] pairs each declaration with its handler, for
//! the server ([`register::Routes`]) and for the OpenAPI document
//! ([`register::Document`]) alike. A test fails when a declared endpoint is
//! not served or a served one is not declared.

pub mod auth;
pub mod councils;
pub mod events;
pub mod feedback;
pub mod forum;
pub mod health;
pub mod home;
pub mod me;
pub mod metrics;
pub mod moderation;
pub mod offer;
pub mod openapi;
pub mod people;
pub mod plans;
pub mod push;
pub mod register;
pub mod reviews;
pub mod staff;

use register::Register;
use shared::endpoints as ep;

/// Every endpoint under `/api`, in the order actix tries them.
pub fn api<R: Register>(r: &mut R) {
    r.add::<ep::health::Health, health::__path_health, _, _>(health::health);
    r.add::<ep::health::Live, health::__path_live, _, _>(health::live);
    r.add::<ep::health::Ready, health::__path_ready, _, _>(health::ready);
    r.add::<ep::openapi::OpenApiDocument, openapi::__path_document, _, _>(openapi::document);
    r.add::<ep::councils::Setup, councils::__path_setup, _, _>(councils::setup);
    r.add::<ep::councils::ListCouncils, councils::__path_list, _, _>(councils::list);
    r.add::<ep::councils::Council, councils::__path_one, _, _>(councils::one);
    r.add::<ep::councils::Teams, councils::__path_teams, _, _>(councils::teams);
    r.add::<ep::auth::Login, auth::__path_login, _, _>(auth::login);
    r.add::<ep::auth::Refresh, auth::__path_refresh, _, _>(auth::refresh);
    r.add::<ep::auth::Logout, auth::__path_logout, _, _>(auth::logout);
    r.add::<ep::auth::Activate, auth::__path_activate, _, _>(auth::activate);
    r.add::<ep::me::Me, me::__path_me, _, _>(me::me);
    r.add::<ep::home::MyHome, home::__path_my_home, _, _>(home::my_home);
    r.add::<ep::home::StaffHome, home::__path_staff_home, _, _>(home::staff_home);
    r.add::<ep::me::ChangePassword, me::__path_change_password, _, _>(me::change_password);
    r.add::<ep::me::SetLanguage, me::__path_set_language, _, _>(me::set_language);
    r.add::<ep::me::ListSessions, me::__path_list_sessions, _, _>(me::list_sessions);
    r.add::<ep::me::EndSession, me::__path_end_session, _, _>(me::end_session);
    r.add::<ep::me::RecordViews, me::__path_record_views, _, _>(me::record_views);
    r.add::<ep::me::ListNotifications, me::__path_list_notifications, _, _>(me::list_notifications);
    r.add::<ep::people::Caseload, people::__path_caseload, _, _>(people::caseload);
    r.add::<ep::people::CreatePerson, people::__path_create, _, _>(people::create);
    r.add::<ep::people::Person, people::__path_one, _, _>(people::one);
    r.add::<ep::people::AddEpisode, people::__path_add_episode, _, _>(people::add_episode);
    r.add::<ep::people::CreateAccount, people::__path_create_account, _, _>(people::create_account);
    r.add::<ep::people::NewPersonCode, people::__path_new_code, _, _>(people::new_code);
    r.add::<ep::people::Allocations, people::__path_allocations, _, _>(people::allocations);
    r.add::<ep::people::Reallocate, people::__path_reallocate, _, _>(people::reallocate);
    r.add::<ep::people::Audit, people::__path_audit, _, _>(people::audit);
    r.add::<ep::people::BreakGlass, people::__path_break_glass, _, _>(people::break_glass);
    r.add::<ep::people::MyTeam, people::__path_my_team, _, _>(people::my_team);
    r.add::<ep::plans::StaffPlan, plans::__path_staff_plan, _, _>(plans::staff_plan);
    r.add::<ep::plans::StaffShared, plans::__path_staff_shared, _, _>(plans::staff_shared);
    r.add::<ep::plans::SavePlanDraft, plans::__path_save_draft, _, _>(plans::save_draft);
    r.add::<ep::plans::Share, plans::__path_share, _, _>(plans::share);
    r.add::<ep::plans::AnswerPlanQuestion, plans::__path_answer, _, _>(plans::answer);
    r.add::<ep::plans::WorkerQueries, plans::__path_worker_queries, _, _>(plans::worker_queries);
    r.add::<ep::plans::MyPlan, plans::__path_my_plan, _, _>(plans::my_plan);
    r.add::<ep::plans::MyHistory, plans::__path_my_history, _, _>(plans::my_history);
    r.add::<ep::plans::AskAboutPlan, plans::__path_ask, _, _>(plans::ask);
    r.add::<ep::plans::MyQuestions, plans::__path_my_questions, _, _>(plans::my_questions);
    r.add::<ep::plans::MyPeople, plans::__path_my_people, _, _>(plans::my_people);
    r.add::<ep::plans::MyProfile, plans::__path_my_profile, _, _>(plans::my_profile);
    r.add::<ep::plans::SaveProfile, plans::__path_save_profile, _, _>(plans::save_profile);
    r.add::<ep::staff::ListStaff, staff::__path_list, _, _>(staff::list);
    r.add::<ep::staff::CreateStaff, staff::__path_create, _, _>(staff::create);
    r.add::<ep::staff::Update, staff::__path_update, _, _>(staff::update);
    r.add::<ep::staff::NewStaffCode, staff::__path_new_code, _, _>(staff::new_code);
    r.add::<ep::push::VapidPublicKey, push::__path_vapid_public_key, _, _>(push::vapid_public_key);
    r.add::<ep::push::ListSubscriptions, push::__path_list_subscriptions, _, _>(
        push::list_subscriptions,
    );
    r.add::<ep::push::Subscribe, push::__path_subscribe, _, _>(push::subscribe);
    r.add::<ep::push::Unsubscribe, push::__path_unsubscribe, _, _>(push::unsubscribe);
    r.add::<ep::push::Preferences, push::__path_preferences, _, _>(push::preferences);
    r.add::<ep::push::UpdatePreferences, push::__path_update_preferences, _, _>(
        push::update_preferences,
    );
    r.add::<ep::push::MarkRead, push::__path_mark_read, _, _>(push::mark_read);
    r.add::<ep::push::MarkAllRead, push::__path_mark_all_read, _, _>(push::mark_all_read);
    r.add::<ep::push::DeleteNotification, push::__path_delete_notification, _, _>(
        push::delete_notification,
    );
    r.add::<ep::offer::PublicOffer, offer::__path_public_offer, _, _>(offer::public_offer);
    r.add::<ep::offer::MyOffer, offer::__path_my_offer, _, _>(offer::my_offer);
    r.add::<ep::offer::MySearch, offer::__path_my_search, _, _>(offer::my_search);
    r.add::<ep::offer::MyRequests, offer::__path_my_requests, _, _>(offer::my_requests);
    r.add::<ep::offer::AskAboutOffer, offer::__path_ask, _, _>(offer::ask);
    r.add::<ep::offer::PersonOffer, offer::__path_person_offer, _, _>(offer::person_offer);
    r.add::<ep::offer::Circumstances, offer::__path_circumstances, _, _>(offer::circumstances);
    r.add::<ep::offer::SetCircumstances, offer::__path_set_circumstances, _, _>(
        offer::set_circumstances,
    );
    r.add::<ep::offer::PersonRequests, offer::__path_person_requests, _, _>(offer::person_requests);
    r.add::<ep::offer::WorkerRequests, offer::__path_worker_requests, _, _>(offer::worker_requests);
    r.add::<ep::offer::AnswerOfferRequest, offer::__path_answer, _, _>(offer::answer);
    r.add::<ep::offer::AdminList, offer::__path_admin_list, _, _>(offer::admin_list);
    r.add::<ep::offer::AdminCreate, offer::__path_admin_create, _, _>(offer::admin_create);
    r.add::<ep::offer::AdminReplace, offer::__path_admin_replace, _, _>(offer::admin_replace);
    r.add::<ep::offer::AdminChanges, offer::__path_admin_changes, _, _>(offer::admin_changes);
    r.add::<ep::reviews::MyReviews, reviews::__path_my_reviews, _, _>(reviews::my_reviews);
    r.add::<ep::reviews::MyCalendar, reviews::__path_my_calendar, _, _>(reviews::my_calendar);
    r.add::<ep::reviews::AskEarlier, reviews::__path_ask_earlier, _, _>(reviews::ask_earlier);
    r.add::<ep::reviews::MyParticipation, reviews::__path_my_participation, _, _>(
        reviews::my_participation,
    );
    r.add::<ep::reviews::PersonReviews, reviews::__path_person_reviews, _, _>(
        reviews::person_reviews,
    );
    r.add::<ep::reviews::Book, reviews::__path_book, _, _>(reviews::book);
    r.add::<ep::reviews::Change, reviews::__path_change, _, _>(reviews::change);
    r.add::<ep::reviews::Outcome, reviews::__path_outcome, _, _>(reviews::outcome);
    r.add::<ep::reviews::ListReviews, reviews::__path_list, _, _>(reviews::list);
    r.add::<ep::reviews::Settings, reviews::__path_settings, _, _>(reviews::settings);
    r.add::<ep::reviews::SetSettings, reviews::__path_set_settings, _, _>(reviews::set_settings);
    r.add::<ep::feedback::Screen, feedback::__path_screen, _, _>(feedback::screen);
    r.add::<ep::feedback::SaveFeedbackDraft, feedback::__path_save_draft, _, _>(
        feedback::save_draft,
    );
    r.add::<ep::feedback::Send, feedback::__path_send, _, _>(feedback::send);
    r.add::<ep::feedback::ForReader, feedback::__path_for_reader, _, _>(feedback::for_reader);
    r.add::<ep::feedback::AnswerFeedback, feedback::__path_answer, _, _>(feedback::answer);
    r.add::<ep::feedback::Forms, feedback::__path_forms, _, _>(feedback::forms);
    r.add::<ep::feedback::PublishForm, feedback::__path_publish_form, _, _>(feedback::publish_form);
    r.add::<ep::feedback::Insights, feedback::__path_insights, _, _>(feedback::insights);
    r.add::<ep::feedback::Alerts, feedback::__path_alerts, _, _>(feedback::alerts);
    r.add::<ep::feedback::Respond, feedback::__path_respond, _, _>(feedback::respond);
    r.add::<ep::forum::ForumMe, forum::__path_me, _, _>(forum::me);
    r.add::<ep::forum::SetDisplayName, forum::__path_set_display_name, _, _>(
        forum::set_display_name,
    );
    r.add::<ep::forum::MyPosts, forum::__path_my_posts, _, _>(forum::my_posts);
    r.add::<ep::forum::Spaces, forum::__path_spaces, _, _>(forum::spaces);
    r.add::<ep::forum::SpaceThreads, forum::__path_threads, _, _>(forum::threads);
    r.add::<ep::forum::StartThread, forum::__path_start_thread, _, _>(forum::start_thread);
    r.add::<ep::forum::Thread, forum::__path_show_thread, _, _>(forum::show_thread);
    r.add::<ep::forum::Reply, forum::__path_reply, _, _>(forum::reply);
    r.add::<ep::forum::DeletePost, forum::__path_delete_post, _, _>(forum::delete_post);
    r.add::<ep::forum::Report, forum::__path_report, _, _>(forum::report);
    r.add::<ep::forum::Blocks, forum::__path_blocks, _, _>(forum::blocks);
    r.add::<ep::forum::AddBlock, forum::__path_add_block, _, _>(forum::add_block);
    r.add::<ep::forum::Unblock, forum::__path_unblock, _, _>(forum::unblock);
    r.add::<ep::events::Events, events::__path_events, _, _>(events::events);
    r.add::<ep::events::SignUp, events::__path_sign_up, _, _>(events::sign_up);
    r.add::<ep::events::CancelSignUp, events::__path_cancel_sign_up, _, _>(events::cancel_sign_up);
    r.add::<ep::events::Polls, events::__path_polls, _, _>(events::polls);
    r.add::<ep::events::AnswerPoll, events::__path_answer, _, _>(events::answer);
    r.add::<ep::events::StaffEvents, events::__path_staff_events, _, _>(events::staff_events);
    r.add::<ep::events::CreateEvent, events::__path_create_event, _, _>(events::create_event);
    r.add::<ep::events::UpdateEvent, events::__path_update_event, _, _>(events::update_event);
    r.add::<ep::events::Signups, events::__path_signups, _, _>(events::signups);
    r.add::<ep::events::StaffPolls, events::__path_staff_polls, _, _>(events::staff_polls);
    r.add::<ep::events::CreatePoll, events::__path_create_poll, _, _>(events::create_poll);
    r.add::<ep::events::StaffPoll, events::__path_staff_poll, _, _>(events::staff_poll);
    r.add::<ep::events::ClosePoll, events::__path_close_poll, _, _>(events::close_poll);
    r.add::<ep::events::SetOutcome, events::__path_set_outcome, _, _>(events::set_outcome);
    r.add::<ep::moderation::Queue, moderation::__path_queue, _, _>(moderation::queue);
    r.add::<ep::moderation::Approve, moderation::__path_approve, _, _>(moderation::approve);
    r.add::<ep::moderation::Reject, moderation::__path_reject, _, _>(moderation::reject);
    r.add::<ep::moderation::Remove, moderation::__path_remove, _, _>(moderation::remove);
    r.add::<ep::moderation::Keep, moderation::__path_keep, _, _>(moderation::keep);
    r.add::<ep::moderation::ModThreads, moderation::__path_threads, _, _>(moderation::threads);
    r.add::<ep::moderation::ModThread, moderation::__path_show_thread, _, _>(
        moderation::show_thread,
    );
    r.add::<ep::moderation::Lock, moderation::__path_lock, _, _>(moderation::lock);
    r.add::<ep::moderation::Suspend, moderation::__path_suspend, _, _>(moderation::suspend);
    r.add::<ep::moderation::WatchedWords, moderation::__path_watched_words, _, _>(
        moderation::watched_words,
    );
    r.add::<ep::moderation::SetWatchedWords, moderation::__path_set_watched_words, _, _>(
        moderation::set_watched_words,
    );
    r.add::<ep::moderation::Log, moderation::__path_log, _, _>(moderation::log);
    r.add::<ep::moderation::FloodHits, moderation::__path_flood_hits, _, _>(moderation::flood_hits);
    r.add::<ep::moderation::AdminSpaces, moderation::__path_admin_spaces, _, _>(
        moderation::admin_spaces,
    );
    r.add::<ep::moderation::CreateSpace, moderation::__path_create_space, _, _>(
        moderation::create_space,
    );
    r.add::<ep::moderation::UpdateSpace, moderation::__path_update_space, _, _>(
        moderation::update_space,
    );
    r.add::<ep::moderation::Participation, moderation::__path_participation, _, _>(
        moderation::participation,
    );
}
