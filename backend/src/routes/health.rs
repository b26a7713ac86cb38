use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::api::{Health, Liveness, Readiness};
use shared::endpoints::health as ep;

/// Is the server up and can it reach its database?
#[utoipa::path(
    get,
    path = ep::Health::PATH,
    tag = "service",
    responses(
        (status = 200, description = "The database answered", body = Health),
        (status = 503, description = "The database did not answer", body = shared::api::ErrorBody),
    )
)]
pub async fn health(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    crate::db::ping(&state.db)
        .await
        .map_err(|_| ApiError::Unavailable)?;
    Ok(HttpResponse::Ok().json(Health {
        status: "ok".to_owned(),
        database: crate::db::backend_name(&state.db).to_owned(),
    }))
}

/// Does the process answer? Touches nothing else, so a slow database never
/// gets a healthy process restarted.
#[utoipa::path(
    get,
    path = ep::Live::PATH,
    tag = "service",
    responses((status = 200, description = "The process answers", body = Liveness))
)]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(Liveness {
        status: "alive".to_owned(),
    })
}

/// May this instance take traffic?
#[utoipa::path(
    get,
    path = ep::Ready::PATH,
    tag = "service",
    responses(
        (status = 200, description = "Database reachable, migrations current, worker heartbeat fresh", body = Readiness),
        (status = 503, description = "Not ready: `failed` names the check, `reason` says why", body = Readiness),
    )
)]
pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    match crate::services::readiness::check(&state.db, &state.settings, chrono::Utc::now()).await {
        Ok(()) => HttpResponse::Ok().json(Readiness {
            status: "ready".to_owned(),
            failed: None,
            reason: None,
        }),
        Err(e) => HttpResponse::ServiceUnavailable().json(Readiness {
            status: "not_ready".to_owned(),
            failed: Some(e.check.to_owned()),
            reason: Some(e.reason),
        }),
    }
}
