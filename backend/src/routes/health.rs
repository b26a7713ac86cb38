use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::api::Health;
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
