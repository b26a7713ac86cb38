//! The councils hosted here, as anyone may see them: name, time zone and the
//! duty phone number a young person can call.

use crate::error::ApiError;
use crate::repo::councils;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::api::{Council, ErrorBody, SetupState, Team};
use shared::endpoints::councils as ep;

#[utoipa::path(
    get,
    path = ep::Setup::PATH,
    tag = "councils",
    responses((status = 200, description = "Whether this installation still needs its first council: the app then shows what to run on the server", body = SetupState))
)]
pub async fn setup(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let needs_setup = !councils::any(&state.db).await?;
    Ok(HttpResponse::Ok().json(SetupState { needs_setup }))
}

#[utoipa::path(
    get,
    path = ep::ListCouncils::PATH,
    tag = "councils",
    responses((status = 200, description = "Every council hosted here", body = [Council]))
)]
pub async fn list(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let all: Vec<Council> = councils::list(&state.db)
        .await?
        .into_iter()
        .map(councils::to_council)
        .collect();
    Ok(HttpResponse::Ok().json(all))
}

#[utoipa::path(
    get,
    path = ep::Council::PATH,
    tag = "councils",
    params(("slug" = String, Path, description = "The council's short name, such as bexley")),
    responses(
        (status = 200, description = "The council", body = Council),
        (status = 404, description = "No such council", body = ErrorBody),
    )
)]
pub async fn one(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let c = councils::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok().json(councils::to_council(c)))
}

#[utoipa::path(
    get,
    path = ep::Teams::PATH,
    tag = "councils",
    params(("slug" = String, Path, description = "The council's short name")),
    responses(
        (status = 200, description = "The council's children's services teams", body = [Team]),
        (status = 404, description = "No such council", body = ErrorBody),
    )
)]
pub async fn teams(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let c = councils::by_slug(&state.db, &slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok().json(councils::teams(&state.db, c.id).await?))
}
