//! Plans: staff write and share; the young person reads, asks and hears
//! back. Also "my people" and staff "about me".

use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::services::plans as svc;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::access::{Ability, Action};
use shared::api::ErrorBody;
use shared::endpoints::plans as ep;
use shared::plans::{
    ChildPlanView, DraftPlan, MyPeople, NewPlanQuery, PlanAnswer, PlanQueryView,
    PlanVersionSummary, SharePlan, StaffPlanView, StaffProfile,
};

#[utoipa::path(
    get,
    path = ep::StaffPlan::PATH,
    tag = "plans",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "Draft with its plain-language check, and every shared version", body = StaffPlanView),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
    )
)]
pub async fn staff_plan(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadPlan).await?;
    Ok(HttpResponse::Ok().json(svc::staff_view(&state.db, &grant).await?))
}

#[utoipa::path(
    get,
    path = ep::StaffShared::PATH,
    tag = "plans",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "The plan exactly as the young person sees it (null if none shared yet)", body = Option<ChildPlanView>),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
    )
)]
pub async fn staff_shared(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadPlan).await?;
    Ok(HttpResponse::Ok().json(svc::child_view(&state.db, &grant.young_person, None).await?))
}

#[utoipa::path(
    put,
    path = ep::SavePlanDraft::PATH,
    tag = "plans",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = DraftPlan,
    responses(
        (status = 200, description = "Saved; the check of each section comes back", body = StaffPlanView),
        (status = 404, description = "No such record, or not yours to change", body = ErrorBody),
        (status = 422, description = "An empty or too long section; `field` names it", body = ErrorBody),
    )
)]
pub async fn save_draft(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<DraftPlan>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::WritePlan).await?;
    Ok(HttpResponse::Ok().json(svc::save_draft(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    post,
    path = ep::Share::PATH,
    tag = "plans",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = SharePlan,
    responses(
        (status = 200, description = "Shared as a new version; the young person is told", body = StaffPlanView),
        (status = 404, description = "No such record, or not yours to change", body = ErrorBody),
        (status = 409, description = "No draft to share", body = ErrorBody),
        (status = 422, description = "Fails the plain-language check and no reason was given", body = ErrorBody),
    )
)]
pub async fn share(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<SharePlan>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::WritePlan).await?;
    Ok(HttpResponse::Ok().json(svc::share(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    post,
    path = ep::AnswerPlanQuestion::PATH,
    tag = "plans",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = shared::plans::AnswerRequest,
    responses(
        (status = 200, description = "Answered; the young person is told", body = PlanQueryView),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
        (status = 422, description = "Empty answer, or no such question on this plan", body = ErrorBody),
    )
)]
pub async fn answer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<shared::plans::AnswerRequest>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::AnswerPlanQuery).await?;
    Ok(HttpResponse::Ok().json(
        svc::answer(
            &state.db,
            &caller,
            &grant,
            &body.query_id,
            &PlanAnswer {
                answer: body.answer.clone(),
            },
        )
        .await?,
    ))
}

#[utoipa::path(
    get,
    path = ep::WorkerQueries::PATH,
    tag = "plans",
    security(("bearer" = [])),
    responses((status = 200, description = "Questions about plans from the young people I work with, unanswered first", body = [PlanQueryView]))
)]
pub async fn worker_queries(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ListCaseload)?;
    Ok(HttpResponse::Ok().json(svc::worker_queries(&state.db, &caller).await?))
}

#[utoipa::path(
    get,
    path = ep::MyPlan::PATH,
    tag = "plans",
    security(("bearer" = [])),
    params(ep::VersionQuery),
    responses(
        (status = 200, description = "My plan (null if it has not been shared with me yet), with what changed since last time", body = Option<ChildPlanView>),
        (status = 404, description = "Only young people have plans here", body = ErrorBody),
    )
)]
pub async fn my_plan(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ep::VersionQuery>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::ReadPlan, true).await?;
    Ok(HttpResponse::Ok().json(svc::child_view(&state.db, &grant.young_person, q.version).await?))
}

#[utoipa::path(
    get,
    path = ep::MyHistory::PATH,
    tag = "plans",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every version of my plan, newest first", body = [PlanVersionSummary]),
        (status = 404, description = "Only young people have plans here", body = ErrorBody),
    )
)]
pub async fn my_history(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::ReadPlan, true).await?;
    Ok(HttpResponse::Ok().json(svc::history(&state.db, grant.young_person.id).await?))
}

#[utoipa::path(
    post,
    path = ep::AskAboutPlan::PATH,
    tag = "plans",
    security(("bearer" = [])),
    request_body = NewPlanQuery,
    responses(
        (status = 201, description = "Sent to my worker", body = PlanQueryView),
        (status = 422, description = "Not a part of my plan, or the message is too long, or the same message about it as in the last 24 hours (`field` is `message`)", body = ErrorBody),
        (status = 429, description = "Too many questions in the last hour or day; `Retry-After` gives the seconds to wait", body = ErrorBody),
    )
)]
pub async fn ask(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewPlanQuery>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::AskAboutPlan, false).await?;
    Ok(HttpResponse::Created().json(svc::ask(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::MyQuestions::PATH,
    tag = "plans",
    security(("bearer" = [])),
    responses((status = 200, description = "My questions about my plan, with answers", body = [PlanQueryView]))
)]
pub async fn my_questions(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::ReadPlan, true).await?;
    Ok(HttpResponse::Ok().json(svc::queries_of(&state.db, &grant.young_person).await?))
}

#[utoipa::path(
    get,
    path = ep::MyPeople::PATH,
    tag = "plans",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "My workers, what they do, how to reach them, and who to call out of hours", body = MyPeople),
        (status = 404, description = "Only young people have workers here", body = ErrorBody),
    )
)]
pub async fn my_people(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::ReadAllocations, true).await?;
    Ok(HttpResponse::Ok().json(svc::my_people(&state.db, &grant.young_person).await?))
}

#[utoipa::path(
    get,
    path = ep::MyProfile::PATH,
    tag = "plans",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "My own \"about me\" as young people see it (empty when never written)", body = StaffProfile),
        (status = 404, description = "Only staff have a profile", body = ErrorBody),
    )
)]
pub async fn my_profile(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::EditOwnProfile)?;
    Ok(HttpResponse::Ok().json(svc::my_profile(&state.db, &caller).await?))
}

#[utoipa::path(
    put,
    path = ep::SaveProfile::PATH,
    tag = "plans",
    security(("bearer" = [])),
    request_body = StaffProfile,
    responses(
        (status = 204, description = "Saved: young people I work with will see it"),
        (status = 404, description = "Only staff have a profile", body = ErrorBody),
        (status = 422, description = "Too long", body = ErrorBody),
    )
)]
pub async fn save_profile(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<StaffProfile>,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::EditOwnProfile)?;
    svc::save_profile(&state.db, &caller, &body).await?;
    Ok(HttpResponse::NoContent().finish())
}
