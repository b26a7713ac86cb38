//! HTTP routes: thin handlers that parse, authorise (extractors), call a
//! service or repository, and answer a `shared` type.
//!
//! Every handler carries `#[utoipa::path]`; `utoipa_actix_web` will not
//! register a handler without one, so no route can be missing from
//! `/api/openapi.json`.

pub mod auth;
pub mod councils;
pub mod health;
pub mod me;
pub mod openapi;
pub mod people;
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
        .service(me::change_password)
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
        .service(staff::list)
        .service(staff::create)
        .service(staff::update)
        .service(staff::new_code);
}
