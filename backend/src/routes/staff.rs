//! Staff accounts, run by an admin of the same council.

use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::services::staff as svc;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::access::Ability;
use shared::accounts::{ActivationCode, NewStaff, StaffUpdate, StaffView};
use shared::api::ErrorBody;
use shared::endpoints::staff as ep;

#[utoipa::path(
    get,
    path = ep::ListStaff::PATH,
    tag = "staff",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every member of staff of my council", body = [StaffView]),
        (status = 404, description = "Only admins run staff accounts", body = ErrorBody),
    )
)]
pub async fn list(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    Ok(HttpResponse::Ok().json(svc::list(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::CreateStaff::PATH,
    tag = "staff",
    security(("bearer" = [])),
    request_body = NewStaff,
    responses(
        (status = 201, description = "Created; hand over this one-time code", body = ActivationCode),
        (status = 409, description = "The username is taken", body = ErrorBody),
        (status = 422, description = "A value is not right", body = ErrorBody),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewStaff>,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    Ok(HttpResponse::Created().json(svc::create(&state.db, &caller, &body).await?))
}

#[utoipa::path(
    patch,
    path = ep::Update::PATH,
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The staff account's id")),
    request_body = StaffUpdate,
    responses(
        (status = 200, description = "Updated; disabling ends every session at once", body = StaffView),
        (status = 404, description = "No such account here", body = ErrorBody),
    )
)]
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
    post,
    path = ep::NewStaffCode::PATH,
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The staff account's id")),
    responses(
        (status = 201, description = "A new one-time code to set a password", body = ActivationCode),
        (status = 404, description = "No such account here", body = ErrorBody),
    )
)]
pub async fn new_code(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    Ok(HttpResponse::Created().json(svc::new_code(&state.db, &caller, &id).await?))
}
