//! Young people's records, for staff. Every handler names its action; the
//! `access` layer decides and audits.

use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::services::people as svc;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::access::Action;
use shared::accounts::{
    ActivationCode, AllocationView, AuditRow, BreakGlassRequest, NewAllocation, NewCareEpisode,
    NewYoungPerson, NewYoungPersonAccount, PersonSummary, YoungPersonView,
};
use shared::api::ErrorBody;
use shared::endpoints::people as ep;

#[utoipa::path(
    get,
    path = ep::Caseload::PATH,
    tag = "people",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The young people I work with now (my caseload)", body = [PersonSummary]),
        (status = 404, description = "This role has no caseload", body = ErrorBody),
    )
)]
pub async fn caseload(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::caseload(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::CreatePerson::PATH,
    tag = "people",
    security(("bearer" = [])),
    request_body = NewYoungPerson,
    responses(
        (status = 201, description = "Created", body = YoungPersonView),
        (status = 422, description = "A value is not right; `field` names it", body = ErrorBody),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewYoungPerson>,
) -> Result<HttpResponse, ApiError> {
    let y = svc::create(&state.db, &caller, &body).await?;
    let grant = access::Grant {
        young_person: y,
        relation: shared::access::Relation::Unrelated,
        allocation_id: None,
        action: Action::ReadProfile,
    };
    Ok(HttpResponse::Created().json(svc::view(&state.db, &grant).await?))
}

#[utoipa::path(
    get,
    path = ep::Person::PATH,
    tag = "people",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "The record", body = YoungPersonView),
        (status = 404, description = "No such record, or not yours to see", body = ErrorBody),
    )
)]
pub async fn one(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadProfile).await?;
    Ok(HttpResponse::Ok().json(svc::view(&state.db, &grant).await?))
}

#[utoipa::path(
    post,
    path = ep::AddEpisode::PATH,
    tag = "people",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = NewCareEpisode,
    responses(
        (status = 204, description = "Recorded"),
        (status = 404, description = "No such record, or not yours to change", body = ErrorBody),
        (status = 422, description = "Dates not right", body = ErrorBody),
    )
)]
pub async fn add_episode(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<NewCareEpisode>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::WriteCareHistory).await?;
    svc::add_episode(&state.db, &caller, &grant, &body).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    post,
    path = ep::CreateAccount::PATH,
    tag = "people",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = NewYoungPersonAccount,
    responses(
        (status = 201, description = "Account made: hand this one-time code over in person", body = ActivationCode),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
        (status = 409, description = "Already has an account, or the username is taken", body = ErrorBody),
    )
)]
pub async fn create_account(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<NewYoungPersonAccount>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::IssueActivationCode).await?;
    Ok(HttpResponse::Created()
        .json(svc::create_account(&state.db, &caller, &grant, &body.username).await?))
}

#[utoipa::path(
    post,
    path = ep::NewPersonCode::PATH,
    tag = "people",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 201, description = "A new one-time code (the old one stops working)", body = ActivationCode),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
        (status = 409, description = "No account yet", body = ErrorBody),
    )
)]
pub async fn new_code(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::IssueActivationCode).await?;
    Ok(HttpResponse::Created().json(svc::new_code(&state.db, &caller, &grant).await?))
}

#[utoipa::path(
    get,
    path = ep::Allocations::PATH,
    tag = "people",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "Workers now and before", body = [AllocationView]),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
    )
)]
pub async fn allocations(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadAllocations).await?;
    Ok(HttpResponse::Ok().json(svc::allocations(&state.db, &grant).await?))
}

#[utoipa::path(
    post,
    path = ep::Reallocate::PATH,
    tag = "people",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = NewAllocation,
    responses(
        (status = 201, description = "Allocated; the previous worker of this kind is ended now", body = AllocationView),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
        (status = 422, description = "No such member of staff, or the wrong role", body = ErrorBody),
    )
)]
pub async fn reallocate(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<NewAllocation>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::ManageAllocations).await?;
    Ok(HttpResponse::Created().json(svc::reallocate(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::Audit::PATH,
    tag = "people",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "Every read, change and refusal on this record", body = [AuditRow]),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
    )
)]
pub async fn audit(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadAudit).await?;
    Ok(HttpResponse::Ok().json(svc::audit_rows(&state.db, &grant).await?))
}

#[utoipa::path(
    post,
    path = ep::BreakGlass::PATH,
    tag = "people",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = BreakGlassRequest,
    responses(
        (status = 204, description = "Opened for an hour; managers have been told"),
        (status = 404, description = "No such record, or not for this role", body = ErrorBody),
        (status = 422, description = "Give a reason", body = ErrorBody),
    )
)]
pub async fn break_glass(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<BreakGlassRequest>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::BreakGlass).await?;
    svc::break_glass(&state.db, &caller, &grant, &body.reason).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    get,
    path = ep::MyTeam::PATH,
    tag = "people",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The staff of my own team, to allocate work to", body = [shared::accounts::TeamMember]),
        (status = 404, description = "Only team managers list their team", body = ErrorBody),
    )
)]
pub async fn my_team(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::my_team(&state.db, &caller).await?))
}
