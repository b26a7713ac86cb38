//! Staff accounts, run by an admin of the same council.

use crate::access;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::services::staff as svc;
use crate::startup::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use shared::access::Ability;
use shared::accounts::{ActivationCode, NewStaff, StaffUpdate, StaffView};
use shared::api::ErrorBody;

#[utoipa::path(
    tag = "staff",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every member of staff of my council", body = [StaffView]),
        (status = 404, description = "Only admins run staff accounts", body = ErrorBody),
    )
)]
#[get("/staff")]
pub async fn list(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    Ok(HttpResponse::Ok().json(svc::list(&state.db, &caller).await?))
}

#[utoipa::path(
    tag = "staff",
    security(("bearer" = [])),
    request_body = NewStaff,
    responses(
        (status = 201, description = "Created; hand over this one-time code", body = ActivationCode),
        (status = 409, description = "The username is taken", body = ErrorBody),
        (status = 422, description = "A value is not right", body = ErrorBody),
    )
)]
#[post("/staff")]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewStaff>,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    Ok(HttpResponse::Created().json(svc::create(&state.db, &caller, &body).await?))
}

#[utoipa::path(
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The staff account's id")),
    request_body = StaffUpdate,
    responses(
        (status = 200, description = "Updated; disabling ends every session at once", body = StaffView),
        (status = 404, description = "No such account here", body = ErrorBody),
    )
)]
#[patch("/staff/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<StaffUpdate>,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    Ok(HttpResponse::Ok().json(svc::update(&state.db, &caller, &id, &body).await?))
}

#[utoipa::path(
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The staff account's id")),
    responses(
        (status = 201, description = "A new one-time code to set a password", body = ActivationCode),
        (status = 404, description = "No such account here", body = ErrorBody),
    )
)]
#[post("/staff/{id}/code")]
pub async fn new_code(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    Ok(HttpResponse::Created().json(svc::new_code(&state.db, &caller, &id).await?))
}
