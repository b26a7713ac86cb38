//! The local offer: the published offer (no login), "My offer" for a young
//! person, their circumstances and requests, workers' answers, and the
//! administrator's versioned edits.

use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::services::{offer as svc, offer_requests as requests};
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::access::Action;
use shared::api::ErrorBody;
use shared::endpoints::offer as ep;
use shared::offer::{
    AdminOffer, AdminOfferEntry, Circumstances, CircumstancesUpdate, EntitlementChange,
    EntitlementDraft, MyOffer, MyOfferSearch, NewOfferRequest, OfferRequestAnswer,
    OfferRequestView, PublicOffer,
};

#[utoipa::path(
    get,
    path = ep::PublicOffer::PATH,
    tag = "offer",
    params(
        ("slug" = String, Path, description = "The council's short name, such as bexley"),
        ("q" = Option<String>, Query, description = "Words to search for; every word must match"),
    ),
    responses(
        (status = 200, description = "The council's whole local offer, by its own sections", body = PublicOffer),
        (status = 404, description = "No such council", body = ErrorBody),
        (status = 422, description = "The search is empty or too long", body = ErrorBody),
    )
)]
pub async fn public_offer(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    query: web::Query<ep::SearchQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::public_offer(&state.db, &slug, query.q.as_deref()).await?))
}

#[utoipa::path(
    get,
    path = ep::MyOffer::PATH,
    tag = "offer",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What the local offer gives me now (by area), what is coming up and when, and what I have not asked about yet", body = MyOffer),
        (status = 404, description = "Only young people have an offer of their own", body = ErrorBody),
    )
)]
pub async fn my_offer(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let grant = crate::access::own(&state.db, &caller, Action::ReadOffer, true).await?;
    Ok(HttpResponse::Ok().json(svc::my_offer(&state.db, &grant).await?))
}

#[utoipa::path(
    get,
    path = ep::MySearch::PATH,
    tag = "offer",
    security(("bearer" = [])),
    params(("q" = Option<String>, Query, description = "Words to search for, such as \"bus\" or \"uni\"")),
    responses(
        (status = 200, description = "Every matching entitlement, best first, each saying whether it is for me", body = MyOfferSearch),
        (status = 404, description = "Only young people have an offer of their own", body = ErrorBody),
        (status = 422, description = "The search is empty or too long", body = ErrorBody),
    )
)]
pub async fn my_search(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ep::SearchQuery>,
) -> Result<HttpResponse, ApiError> {
    let grant = crate::access::own(&state.db, &caller, Action::ReadOffer, true).await?;
    let q = query.q.as_deref().unwrap_or_default();
    Ok(HttpResponse::Ok().json(svc::search_mine(&state.db, &grant, q).await?))
}

#[utoipa::path(
    get,
    path = ep::MyRequests::PATH,
    tag = "offer",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "My requests about the local offer and how each is going, newest first", body = [OfferRequestView]),
        (status = 404, description = "Only young people have requests of their own", body = ErrorBody),
    )
)]
pub async fn my_requests(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let grant = crate::access::own(&state.db, &caller, Action::ReadOfferRequests, true).await?;
    Ok(HttpResponse::Ok().json(requests::for_young_person(&state.db, &grant).await?))
}

#[utoipa::path(
    post,
    path = ep::AskAboutOffer::PATH,
    tag = "offer",
    security(("bearer" = [])),
    request_body = NewOfferRequest,
    responses(
        (status = 201, description = "Sent to my personal adviser (or social worker if I have none)", body = OfferRequestView),
        (status = 404, description = "Only young people can ask", body = ErrorBody),
        (status = 409, description = "I already have an open request about this, or nobody to send it to", body = ErrorBody),
        (status = 422, description = "Not for me at the moment (nothing is stored), or no such entitlement, or the same message about it as in the last 24 hours (`field` is `message`)", body = ErrorBody),
        (status = 429, description = "Too many requests in the last hour or day; `Retry-After` gives the seconds to wait", body = ErrorBody),
    )
)]
pub async fn ask(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewOfferRequest>,
) -> Result<HttpResponse, ApiError> {
    let grant = crate::access::own(&state.db, &caller, Action::AskAboutOffer, false).await?;
    Ok(HttpResponse::Created().json(requests::ask(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::PersonOffer::PATH,
    tag = "offer",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "What the local offer gives this young person", body = MyOffer),
        (status = 404, description = "No such record, or not yours to see", body = ErrorBody),
    )
)]
pub async fn person_offer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadOffer).await?;
    Ok(HttpResponse::Ok().json(svc::my_offer(&state.db, &grant).await?))
}

#[utoipa::path(
    get,
    path = ep::Circumstances::PATH,
    tag = "offer",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "What they are doing now and where they live, as the offer's rules read it", body = Circumstances),
        (status = 404, description = "No such record, or not yours to see", body = ErrorBody),
    )
)]
pub async fn circumstances(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadCircumstances).await?;
    Ok(HttpResponse::Ok().json(svc::circumstances_of(&state.db, grant.young_person.id).await?))
}

#[utoipa::path(
    patch,
    path = ep::SetCircumstances::PATH,
    tag = "offer",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = CircumstancesUpdate,
    responses(
        (status = 200, description = "Changed (only the facts sent); the young person is told", body = Circumstances),
        (status = 400, description = "Nothing to change", body = ErrorBody),
        (status = 404, description = "No such record, or not yours to change", body = ErrorBody),
    )
)]
pub async fn set_circumstances(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<CircumstancesUpdate>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::WriteCircumstances).await?;
    Ok(
        HttpResponse::Ok()
            .json(svc::update_circumstances(&state.db, &caller, &grant, &body).await?),
    )
}

#[utoipa::path(
    get,
    path = ep::PersonRequests::PATH,
    tag = "offer",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "Their requests about the local offer, newest first", body = [OfferRequestView]),
        (status = 404, description = "No such record, or not yours to see", body = ErrorBody),
    )
)]
pub async fn person_requests(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadOfferRequests).await?;
    Ok(HttpResponse::Ok().json(requests::for_young_person(&state.db, &grant).await?))
}

#[utoipa::path(
    get,
    path = ep::WorkerRequests::PATH,
    tag = "offer",
    security(("bearer" = [])),
    params(("include_closed" = Option<bool>, Query, description = "Also paid and turned-down requests (default: open ones only)")),
    responses(
        (status = 200, description = "Requests for me to answer, as the young people's worker now (newest first)", body = [OfferRequestView]),
        (status = 404, description = "This role does not answer requests", body = ErrorBody),
    )
)]
pub async fn worker_requests(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ep::RequestListQuery>,
) -> Result<HttpResponse, ApiError> {
    let all = query.include_closed.unwrap_or(false);
    Ok(HttpResponse::Ok().json(requests::for_worker(&state.db, &caller, all).await?))
}

#[utoipa::path(
    patch,
    path = ep::AnswerOfferRequest::PATH,
    tag = "offer",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The request's id")),
    request_body = OfferRequestAnswer,
    responses(
        (status = 200, description = "Moved on; the young person is told", body = OfferRequestView),
        (status = 404, description = "No such request, or not yours to answer", body = ErrorBody),
        (status = 409, description = "Already closed, or answered by someone else a moment ago", body = ErrorBody),
        (status = 422, description = "Not a step this request can take, or a reason is needed", body = ErrorBody),
    )
)]
pub async fn answer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<OfferRequestAnswer>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(requests::answer(&state.db, &caller, &id, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::AdminList::PATH,
    tag = "offer",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every entitlement, retired ones too, with the sections and areas to choose from", body = AdminOffer),
        (status = 404, description = "Only administrators edit the offer", body = ErrorBody),
    )
)]
pub async fn admin_list(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::admin_offer(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::AdminCreate::PATH,
    tag = "offer",
    security(("bearer" = [])),
    request_body = EntitlementDraft,
    responses(
        (status = 201, description = "Added to the offer (version 1)", body = AdminOfferEntry),
        (status = 404, description = "Only administrators edit the offer", body = ErrorBody),
        (status = 409, description = "That id is taken", body = ErrorBody),
        (status = 422, description = "A value is not right; `field` names it, such as rule.rules[1].under", body = ErrorBody),
    )
)]
pub async fn admin_create(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::create(&state.db, &caller, body.into_inner()).await?))
}

#[utoipa::path(
    put,
    path = ep::AdminReplace::PATH,
    tag = "offer",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The entitlement's id, such as setting-up-home")),
    request_body = EntitlementDraft,
    responses(
        (status = 200, description = "Saved as a new version (the one before is kept); unchanged content makes no version", body = AdminOfferEntry),
        (status = 404, description = "No such entitlement, or not an administrator", body = ErrorBody),
        (status = 409, description = "Someone else changed it a moment ago", body = ErrorBody),
        (status = 422, description = "A value is not right; `field` names it, such as rule.rules[1].under", body = ErrorBody),
    )
)]
pub async fn admin_replace(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::replace(&state.db, &caller, &id, body.into_inner()).await?))
}

#[utoipa::path(
    get,
    path = ep::AdminChanges::PATH,
    tag = "offer",
    security(("bearer" = [])),
    params(("entitlement" = Option<String>, Query, description = "Only this entitlement's history")),
    responses(
        (status = 200, description = "Every version: who, when, what before and after, newest first", body = [EntitlementChange]),
        (status = 404, description = "No such entitlement, or not an administrator", body = ErrorBody),
    )
)]
pub async fn admin_changes(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ep::ChangesQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .json(svc::changes(&state.db, &caller, query.entitlement.as_deref()).await?))
}
