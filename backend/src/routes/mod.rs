//! HTTP routes: thin handlers that parse, authorise (extractors), call a
//! service or repository, and answer a `shared` type.
//!
//! Every handler carries `#[utoipa::path]`; `utoipa_actix_web` will not
//! register a handler without one, so no route can be missing from
//! `/api/openapi.json`.

pub mod councils;
pub mod health;
pub mod openapi;

use utoipa_actix_web::service_config::ServiceConfig;

/// Everything under `/api`.
pub fn api(cfg: &mut ServiceConfig) {
    cfg.service(health::health)
        .service(openapi::document)
        .service(councils::list)
        .service(councils::one)
        .service(councils::teams);
}
