//! HTTP routes: thin handlers that parse, authorise (extractors), call a
//! service or repository, and answer a `shared` type.
//!
//! Every handler carries `#[utoipa::path]`; `utoipa_actix_web` will not
//! register a handler without one, so no route can be missing from
//! `/api/openapi.json`.

pub mod auth;
pub mod councils;
pub mod events;
pub mod feedback;
pub mod forum;
pub mod health;
pub mod home;
pub mod me;
pub mod moderation;
pub mod offer;
pub mod openapi;
pub mod people;
pub mod plans;
pub mod push;
pub mod reviews;
pub mod staff;

use utoipa_actix_web::service_config::ServiceConfig;

/// Everything under `/api`.
pub fn api(cfg: &mut ServiceConfig) {
    cfg.service(health::health)
        .service(openapi::document)
        .service(councils::list)
        .service(councils::one)
        .service(councils::teams)
        .service(auth::login)
        .service(auth::refresh)
        .service(auth::logout)
        .service(auth::activate)
        .service(me::me)
        .service(home::my_home)
        .service(home::staff_home)
        .service(me::change_password)
        .service(me::set_language)
        .service(me::list_sessions)
        .service(me::end_session)
        .service(me::record_views)
        .service(me::list_notifications)
        .service(people::caseload)
        .service(people::create)
        .service(people::one)
        .service(people::add_episode)
        .service(people::create_account)
        .service(people::new_code)
        .service(people::allocations)
        .service(people::reallocate)
        .service(people::audit)
        .service(people::break_glass)
        .service(people::my_team)
        .service(plans::staff_plan)
        .service(plans::staff_shared)
        .service(plans::save_draft)
        .service(plans::share)
        .service(plans::answer)
        .service(plans::worker_queries)
        .service(plans::my_plan)
        .service(plans::my_history)
        .service(plans::ask)
        .service(plans::my_questions)
        .service(plans::my_people)
        .service(plans::my_profile)
        .service(plans::save_profile)
        .service(staff::list)
        .service(staff::create)
        .service(staff::update)
        .service(staff::new_code)
        .service(push::vapid_public_key)
        .service(push::list_subscriptions)
        .service(push::subscribe)
        .service(push::unsubscribe)
        .service(push::preferences)
        .service(push::update_preferences)
        .service(push::mark_read)
        .service(push::mark_all_read)
        .service(offer::public_offer)
        .service(offer::my_offer)
        .service(offer::my_search)
        .service(offer::my_requests)
        .service(offer::ask)
        .service(offer::person_offer)
        .service(offer::circumstances)
        .service(offer::set_circumstances)
        .service(offer::person_requests)
        .service(offer::worker_requests)
        .service(offer::answer)
        .service(offer::admin_list)
        .service(offer::admin_create)
        .service(offer::admin_replace)
        .service(offer::admin_changes)
        // Reviews and "good for me" feedback (issue 6).
        .service(reviews::my_reviews)
        .service(reviews::my_calendar)
        .service(reviews::ask_earlier)
        .service(reviews::my_participation)
        .service(reviews::person_reviews)
        .service(reviews::book)
        .service(reviews::change)
        .service(reviews::outcome)
        .service(reviews::list)
        .service(reviews::settings)
        .service(reviews::set_settings)
        .service(feedback::screen)
        .service(feedback::save_draft)
        .service(feedback::send)
        .service(feedback::for_reader)
        .service(feedback::answer)
        .service(feedback::forms)
        .service(feedback::publish_form)
        .service(feedback::insights)
        .service(feedback::alerts)
        .service(feedback::respond);
    // Positive Journeys (issue 8): forum, moderation, events and polls.
    cfg.service(forum::me)
        .service(forum::set_display_name)
        .service(forum::my_posts)
        .service(forum::spaces)
        .service(forum::threads)
        .service(forum::start_thread)
        .service(forum::show_thread)
        .service(forum::reply)
        .service(forum::delete_post)
        .service(forum::report)
        .service(forum::blocks)
        .service(forum::add_block)
        .service(forum::unblock)
        .service(events::events)
        .service(events::sign_up)
        .service(events::cancel_sign_up)
        .service(events::polls)
        .service(events::answer)
        .service(events::staff_events)
        .service(events::create_event)
        .service(events::update_event)
        .service(events::signups)
        .service(events::staff_polls)
        .service(events::create_poll)
        .service(events::staff_poll)
        .service(events::close_poll)
        .service(events::set_outcome)
        .service(moderation::queue)
        .service(moderation::approve)
        .service(moderation::reject)
        .service(moderation::remove)
        .service(moderation::keep)
        .service(moderation::threads)
        .service(moderation::show_thread)
        .service(moderation::lock)
        .service(moderation::suspend)
        .service(moderation::watched_words)
        .service(moderation::set_watched_words)
        .service(moderation::log)
        .service(moderation::admin_spaces)
        .service(moderation::create_space)
        .service(moderation::update_space)
        .service(moderation::participation);
}
