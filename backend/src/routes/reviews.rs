//! Reviews: the young person's "my review", its calendar file and "can it
//! be sooner?"; staff book, move and record reviews; the reviews list with
//! overdue ones first; the council's review promise.

use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::services::reviews as svc;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{web, HttpResponse};
use shared::access::Action;
use shared::api::ErrorBody;
use shared::endpoints::reviews as ep;
use shared::review_schedule::ReviewPolicy;
use shared::reviews::{
    MyParticipation, MyReviews, NewReview, NewReviewRequest, ReviewChange, ReviewListRow,
    ReviewOutcome, ReviewRequestSent, ReviewSettings, StaffReviewsView,
};

#[utoipa::path(
    get,
    path = ep::MyReviews::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "My next review, when it must happen by, and what was decided at past ones (with the answers to what I said)", body = MyReviews),
        (status = 404, description = "Only young people have reviews here", body = ErrorBody),
    )
)]
pub async fn my_reviews(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::ReadReviews, true).await?;
    Ok(HttpResponse::Ok().json(svc::mine(&state.db, &grant).await?))
}

#[utoipa::path(
    get,
    path = ep::MyCalendar::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "An iCalendar file for my next review meeting: \"My review meeting\" and the place, nothing else", content_type = "text/calendar"),
        (status = 404, description = "No review meeting is booked", body = ErrorBody),
    )
)]
pub async fn my_calendar(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::ReadReviews, true).await?;
    let ics = svc::calendar(&state.db, &grant).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/calendar; charset=utf-8"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"my-review.ics\"",
        ))
        .body(ics))
}

#[utoipa::path(
    post,
    path = ep::AskEarlier::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    request_body = NewReviewRequest,
    responses(
        (status = 201, description = "Sent to my IRO and social worker; who was told, in words", body = ReviewRequestSent),
        (status = 422, description = "The message is too long, or the same message as in the last 24 hours (`field` is `message`)", body = ErrorBody),
        (status = 429, description = "Asked too often in the last hour or day; `Retry-After` gives the seconds to wait", body = ErrorBody),
    )
)]
pub async fn ask_earlier(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewReviewRequest>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::AskForReview, false).await?;
    Ok(HttpResponse::Created().json(svc::ask_earlier(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    put,
    path = ep::MyParticipation::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    request_body = MyParticipation,
    responses(
        (status = 200, description = "Saved; the IRO running the review is told. The \"My review\" screen comes back", body = MyReviews),
        (status = 404, description = "No such review of mine", body = ErrorBody),
        (status = 409, description = "The review has already happened or was cancelled", body = ErrorBody),
    )
)]
pub async fn my_participation(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<MyParticipation>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::GiveFeedback, false).await?;
    Ok(HttpResponse::Ok().json(svc::set_participation(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::PersonReviews::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "The schedule (next due date, overdue or not), every review with its plain-language checks, and requests for an earlier review", body = StaffReviewsView),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
    )
)]
pub async fn person_reviews(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadReviews).await?;
    Ok(HttpResponse::Ok().json(svc::staff_view(&state.db, &grant).await?))
}

#[utoipa::path(
    post,
    path = ep::Book::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = NewReview,
    responses(
        (status = 201, description = "Booked; the young person is told and reminded 14 and 2 days before", body = StaffReviewsView),
        (status = 404, description = "No such record, or not yours to change", body = ErrorBody),
        (status = 409, description = "A review is already booked", body = ErrorBody),
        (status = 422, description = "A value is not right; `field` names it", body = ErrorBody),
    )
)]
pub async fn book(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<NewReview>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::ManageReviews).await?;
    Ok(HttpResponse::Created().json(svc::book(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    patch,
    path = ep::Change::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = ReviewChange,
    responses(
        (status = 200, description = "Changed (or cancelled); the young person is told", body = StaffReviewsView),
        (status = 404, description = "No such record or review, or not yours to change", body = ErrorBody),
        (status = 409, description = "The review was already held or cancelled", body = ErrorBody),
        (status = 422, description = "A value is not right; `field` names it", body = ErrorBody),
    )
)]
pub async fn change(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<ReviewChange>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::ManageReviews).await?;
    Ok(HttpResponse::Ok().json(svc::change(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    post,
    path = ep::Outcome::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = ReviewOutcome,
    responses(
        (status = 200, description = "Recorded as held; the plain-language check of each part comes back; the young person is told", body = StaffReviewsView),
        (status = 404, description = "No such record or review, or not yours", body = ErrorBody),
        (status = 409, description = "The review was cancelled", body = ErrorBody),
        (status = 422, description = "Empty or too long, or not plain enough and no reason given (`override_reason`)", body = ErrorBody),
    )
)]
pub async fn outcome(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<ReviewOutcome>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::ManageReviews).await?;
    Ok(HttpResponse::Ok().json(svc::record_outcome(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::ListReviews::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    params(ep::ListQuery),
    responses(
        (status = 200, description = "The reviews of the young people I work with (a manager: my team's), overdue first", body = [ReviewListRow]),
        (status = 404, description = "This role has no reviews list", body = ErrorBody),
    )
)]
pub async fn list(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ep::ListQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::list(&state.db, &caller, q.overdue.unwrap_or(false)).await?))
}

#[utoipa::path(
    get,
    path = ep::Settings::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The council's review promise", body = ReviewPolicy),
        (status = 404, description = "Administrators only", body = ErrorBody),
    )
)]
pub async fn settings(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::settings(&state.db, &caller).await?))
}

#[utoipa::path(
    put,
    path = ep::SetSettings::PATH,
    tag = "reviews",
    security(("bearer" = [])),
    request_body = ReviewSettings,
    responses(
        (status = 200, description = "Saved; every schedule uses it from now", body = ReviewPolicy),
        (status = 404, description = "Administrators only", body = ErrorBody),
        (status = 422, description = "Say true or false", body = ErrorBody),
    )
)]
pub async fn set_settings(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<ReviewSettings>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::set_settings(&state.db, &caller, &body).await?))
}
