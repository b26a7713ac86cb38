//! Positive Journeys' events and polls: young people see those for their
//! spaces, sign up and answer (`Ability::TakePart`); the participation
//! officer runs them (`Ability::RunParticipation`).

use crate::caller::Caller;
use crate::error::ApiError;
use crate::services::events as svc;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::api::ErrorBody;
use shared::endpoints::events as ep;
use shared::forum::{
    AnswerOutcome, ClosePoll, EventDraft, EventView, NewAnswer, NewSignUp, PollDraft, PollOutcome,
    PollView, SignUpOutcome, SignUpRow, StaffEventView, StaffPollView,
};

#[utoipa::path(
    get,
    path = ep::Events::PATH,
    tag = "events",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Coming events for my spaces, soonest first, with places left and whether I am signed up", body = [EventView]),
        (status = 404, description = "Only young people take part", body = ErrorBody),
    )
)]
pub async fn events(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::list_events(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::SignUp::PATH,
    tag = "events",
    security(("bearer" = [])),
    params(("event" = String, Path, description = "The event's id")),
    request_body = NewSignUp,
    responses(
        (status = 201, description = "Signed up, with when I will be reminded; the participation officer sees my name", body = SignUpOutcome),
        (status = 404, description = "No such event, or not for me", body = ErrorBody),
        (status = 409, description = "No places left, signed up already, cancelled, started or closed", body = ErrorBody),
        (status = 422, description = "The note is too long", body = ErrorBody),
    )
)]
pub async fn sign_up(
    state: web::Data<AppState>,
    caller: Caller,
    event: web::Path<String>,
    body: web::Json<NewSignUp>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::sign_up(&state.db, &caller, &event, &body).await?))
}

#[utoipa::path(
    delete,
    path = ep::CancelSignUp::PATH,
    tag = "events",
    security(("bearer" = [])),
    params(("event" = String, Path, description = "The event's id")),
    responses(
        (status = 204, description = "Not signed up (any more); my place is free for someone else"),
        (status = 404, description = "No such event, or not for me", body = ErrorBody),
    )
)]
pub async fn cancel_sign_up(
    state: web::Data<AppState>,
    caller: Caller,
    event: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    svc::cancel_sign_up(&state.db, &caller, &event).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    get,
    path = ep::Polls::PATH,
    tag = "events",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Open polls and consultations for my spaces and recent closed ones, with results once I have answered or it has closed, and \"you said, we did\"", body = [PollView]),
        (status = 404, description = "Only young people take part", body = ErrorBody),
    )
)]
pub async fn polls(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::list_polls(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::AnswerPoll::PATH,
    tag = "events",
    security(("bearer" = [])),
    params(("poll" = String, Path, description = "The poll's id")),
    request_body = NewAnswer,
    responses(
        (status = 201, description = "Answered; the results so far come back (and help, if my words suggest I may be at risk)", body = AnswerOutcome),
        (status = 404, description = "No such poll, or not for me", body = ErrorBody),
        (status = 409, description = "Answered already, or closed", body = ErrorBody),
        (status = 422, description = "An answer outside the options, no answer, or a comment where none is asked for; nothing is stored", body = ErrorBody),
    )
)]
pub async fn answer(
    state: web::Data<AppState>,
    caller: Caller,
    poll: web::Path<String>,
    body: web::Json<NewAnswer>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::answer(&state.db, &caller, &poll, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::StaffEvents::PATH,
    tag = "events",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Events from the last 30 days on, with how many signed up", body = [StaffEventView]),
        (status = 404, description = "Only participation officers run events", body = ErrorBody),
    )
)]
pub async fn staff_events(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::staff_events(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::CreateEvent::PATH,
    tag = "events",
    security(("bearer" = [])),
    request_body = EventDraft,
    responses(
        (status = 201, description = "Made", body = StaffEventView),
        (status = 404, description = "Only participation officers run events", body = ErrorBody),
        (status = 422, description = "A value is not right; `field` names it", body = ErrorBody),
    )
)]
pub async fn create_event(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<EventDraft>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::create_event(&state.db, &caller, &body).await?))
}

#[utoipa::path(
    put,
    path = ep::UpdateEvent::PATH,
    tag = "events",
    security(("bearer" = [])),
    params(("event" = String, Path, description = "The event's id")),
    request_body = EventDraft,
    responses(
        (status = 200, description = "Changed; those signed up are told if it moved or was cancelled, and their reminders follow", body = StaffEventView),
        (status = 404, description = "No such event", body = ErrorBody),
        (status = 409, description = "More signed up a moment ago than the new number of places", body = ErrorBody),
        (status = 422, description = "A value is not right (such as fewer places than people signed up); `field` names it", body = ErrorBody),
    )
)]
pub async fn update_event(
    state: web::Data<AppState>,
    caller: Caller,
    event: web::Path<String>,
    body: web::Json<EventDraft>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::update_event(&state.db, &caller, &event, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::Signups::PATH,
    tag = "events",
    security(("bearer" = [])),
    params(("event" = String, Path, description = "The event's id")),
    responses(
        (status = 200, description = "Who is coming (name, age, note), first come first; each read is in their audit trail", body = [SignUpRow]),
        (status = 404, description = "No such event", body = ErrorBody),
    )
)]
pub async fn signups(
    state: web::Data<AppState>,
    caller: Caller,
    event: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::signups(&state.db, &caller, &event).await?))
}

#[utoipa::path(
    get,
    path = ep::StaffPolls::PATH,
    tag = "events",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Polls and consultations of the last year, with results and comments (never who said what)", body = [StaffPollView]),
        (status = 404, description = "Only participation officers run polls", body = ErrorBody),
    )
)]
pub async fn staff_polls(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::staff_polls(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::CreatePoll::PATH,
    tag = "events",
    security(("bearer" = [])),
    request_body = PollDraft,
    responses(
        (status = 201, description = "Made", body = StaffPollView),
        (status = 404, description = "Only participation officers run polls", body = ErrorBody),
        (status = 422, description = "A value is not right; `field` names it", body = ErrorBody),
    )
)]
pub async fn create_poll(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<PollDraft>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::create_poll(&state.db, &caller, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::StaffPoll::PATH,
    tag = "events",
    security(("bearer" = [])),
    params(("poll" = String, Path, description = "The poll's id")),
    responses(
        (status = 200, description = "The poll with its results and comments", body = StaffPollView),
        (status = 404, description = "No such poll", body = ErrorBody),
    )
)]
pub async fn staff_poll(
    state: web::Data<AppState>,
    caller: Caller,
    poll: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::staff_poll_detail(&state.db, &caller, &poll).await?))
}

#[utoipa::path(
    post,
    path = ep::ClosePoll::PATH,
    tag = "events",
    security(("bearer" = [])),
    params(("poll" = String, Path, description = "The poll's id")),
    request_body = ClosePoll,
    responses(
        (status = 200, description = "Closed now; results show to everyone it was for", body = StaffPollView),
        (status = 404, description = "No such poll", body = ErrorBody),
        (status = 409, description = "Closed already", body = ErrorBody),
        (status = 422, description = "\"You said, we did\" is too long", body = ErrorBody),
    )
)]
pub async fn close_poll(
    state: web::Data<AppState>,
    caller: Caller,
    poll: web::Path<String>,
    body: web::Json<ClosePoll>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::close_poll(&state.db, &caller, &poll, &body).await?))
}

#[utoipa::path(
    put,
    path = ep::SetOutcome::PATH,
    tag = "events",
    security(("bearer" = [])),
    params(("poll" = String, Path, description = "The poll's id")),
    request_body = PollOutcome,
    responses(
        (status = 200, description = "\"You said, we did\" saved; young people see it", body = StaffPollView),
        (status = 404, description = "No such poll", body = ErrorBody),
        (status = 409, description = "Still open: close it first", body = ErrorBody),
        (status = 422, description = "Empty or too long", body = ErrorBody),
    )
)]
pub async fn set_outcome(
    state: web::Data<AppState>,
    caller: Caller,
    poll: web::Path<String>,
    body: web::Json<PollOutcome>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::set_outcome(&state.db, &caller, &poll, &body).await?))
}
