//! "Good for me" feedback: the young person's form, draft and sending;
//! readers and their "you said, we did"; the forms as data; anonymous
//! totals; safeguarding alerts.

use crate::access;
use crate::access::own;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::services::feedback as svc;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::access::Action;
use shared::api::ErrorBody;
use shared::endpoints::feedback as ep;
use shared::reviews::{
    AlertResponse, AlertView, DraftView, FeedbackAnswer, FeedbackScreen, FormDefinition,
    FormFamily, FormVersionView, InsightsReport, SaveDraft, SendFeedback, SentFeedback,
    StaffFeedback,
};

#[utoipa::path(
    get,
    path = ep::Screen::PATH,
    tag = "feedback",
    security(("bearer" = [])),
    params(ep::ScreenQuery),
    responses(
        (status = 200, description = "The form for my age, my saved draft, who can read it (and who will, in words), and what I sent; null when no review is booked (and none was named)", body = Option<FeedbackScreen>),
        (status = 404, description = "No such review of mine", body = ErrorBody),
    )
)]
pub async fn screen(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ep::ScreenQuery>,
) -> Result<HttpResponse, ApiError> {
    let grant = own(&state.db, &caller, Action::GiveFeedback, true).await?;
    let language = crate::services::language::of(&state.db, caller.account_id).await?;
    Ok(HttpResponse::Ok()
        .json(svc::screen(&state.db, &grant, language, q.review_id.as_deref()).await?))
}

#[utoipa::path(
    put,
    path = ep::SaveFeedbackDraft::PATH,
    tag = "feedback",
    security(("bearer" = [])),
    request_body = SaveDraft,
    responses(
        (status = 200, description = "Saved (the last save wins), with when", body = DraftView),
        (status = 404, description = "No such review of mine", body = ErrorBody),
        (status = 409, description = "Already sent for this review", body = ErrorBody),
        (status = 422, description = "An answer that does not fit the form; `field` names it", body = ErrorBody),
    )
)]
pub async fn save_draft(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SaveDraft>,
) -> Result<HttpResponse, ApiError> {
    let grant = own(&state.db, &caller, Action::GiveFeedback, false).await?;
    Ok(HttpResponse::Ok().json(svc::save_draft(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    post,
    path = ep::Send::PATH,
    tag = "feedback",
    security(("bearer" = [])),
    request_body = SendFeedback,
    responses(
        (status = 201, description = "Sent, all of it, to the people named. Sending again with the same submission_id answers the same (with Idempotent-Replayed: true) and stores nothing twice. Words that suggest harm bring a kind message (support) and alert a worker", body = SentFeedback),
        (status = 404, description = "No such review of mine", body = ErrorBody),
        (status = 409, description = "Views were already sent for this review (with another submission_id)", body = ErrorBody),
        (status = 422, description = "An answer that does not fit the form, or text over the limit; `field` names it and nothing is stored", body = ErrorBody),
    )
)]
pub async fn send(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SendFeedback>,
) -> Result<HttpResponse, ApiError> {
    let grant = own(&state.db, &caller, Action::GiveFeedback, false).await?;
    let (sent, replayed) = svc::send(&state.db, &caller, &grant, &body).await?;
    let mut res = HttpResponse::Created();
    if replayed {
        res.insert_header(("Idempotent-Replayed", "true"));
    }
    Ok(res.json(sent))
}

#[utoipa::path(
    get,
    path = ep::ForReader::PATH,
    tag = "feedback",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    responses(
        (status = 200, description = "What the young person chose to send me, newest first, question by question", body = [StaffFeedback]),
        (status = 404, description = "No such record, or not yours", body = ErrorBody),
    )
)]
pub async fn for_reader(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::read(&state.db, &caller, &id, Action::ReadFeedback).await?;
    Ok(HttpResponse::Ok().json(svc::for_reader(&state.db, &caller, &grant).await?))
}

#[utoipa::path(
    post,
    path = ep::AnswerFeedback::PATH,
    tag = "feedback",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The young person's id")),
    request_body = FeedbackAnswer,
    responses(
        (status = 200, description = "Saved; the young person sees it once the review has happened", body = StaffFeedback),
        (status = 404, description = "No such record or feedback, or not sent to you", body = ErrorBody),
        (status = 422, description = "Empty or too long", body = ErrorBody),
    )
)]
pub async fn answer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<FeedbackAnswer>,
) -> Result<HttpResponse, ApiError> {
    let grant = access::check(&state.db, &caller, &id, Action::AnswerFeedback).await?;
    Ok(HttpResponse::Ok().json(svc::answer(&state.db, &caller, &grant, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::Forms::PATH,
    tag = "feedback",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Each form's current version and every earlier one", body = [FormFamily]),
        (status = 404, description = "Administrators only", body = ErrorBody),
    )
)]
pub async fn forms(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::forms(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::PublishForm::PATH,
    tag = "feedback",
    security(("bearer" = [])),
    request_body = FormDefinition,
    responses(
        (status = 201, description = "Published as the next version; answers already sent keep the version they answered", body = FormVersionView),
        (status = 404, description = "Administrators only", body = ErrorBody),
        (status = 422, description = "A part of the form is not right; `field` names it", body = ErrorBody),
    )
)]
pub async fn publish_form(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<FormDefinition>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::publish_form(&state.db, &caller, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::Insights::PATH,
    tag = "feedback",
    security(("bearer" = [])),
    params(ep::InsightsQuery),
    responses(
        (status = 200, description = "Anonymous totals per priority and per question over time; groups of fewer than 5 young people are hidden and say so", body = InsightsReport),
        (status = 404, description = "Managers and administrators only", body = ErrorBody),
        (status = 422, description = "The dates are the wrong way round or too far apart", body = ErrorBody),
    )
)]
pub async fn insights(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ep::InsightsQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(
        svc::insights(
            &state.db,
            &caller,
            q.period.unwrap_or_default(),
            q.from,
            q.to,
        )
        .await?,
    ))
}

#[utoipa::path(
    get,
    path = ep::Alerts::PATH,
    tag = "safeguarding",
    security(("bearer" = [])),
    params(ep::AlertsQuery),
    responses(
        (status = 200, description = "Open safeguarding alerts sent to me or about young people I work with (a manager: my team's), newest first", body = [AlertView]),
        (status = 404, description = "Not for this role", body = ErrorBody),
    )
)]
pub async fn alerts(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ep::AlertsQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::alerts(&state.db, &caller, q.all.unwrap_or(false)).await?))
}

#[utoipa::path(
    post,
    path = ep::Respond::PATH,
    tag = "safeguarding",
    security(("bearer" = [])),
    request_body = AlertResponse,
    responses(
        (status = 200, description = "Recorded; the alert is closed", body = AlertView),
        (status = 404, description = "No such alert, or not yours", body = ErrorBody),
        (status = 409, description = "Someone recorded a response first", body = ErrorBody),
        (status = 422, description = "Empty or too long", body = ErrorBody),
    )
)]
pub async fn respond(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<AlertResponse>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::respond(&state.db, &caller, &body).await?))
}
