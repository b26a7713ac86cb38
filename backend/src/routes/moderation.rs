//! Keeping Positive Journeys safe: the moderation queue and actions and
//! watched words (`Ability::ModerateForum`), the moderation log
//! (`Ability::ReadModerationLog`), spaces and their age rules
//! (`Ability::ManageForumSpaces`) and participation figures
//! (`Ability::ReadParticipationFigures`).

use crate::caller::Caller;
use crate::error::ApiError;
use crate::services::moderation as svc;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::api::ErrorBody;
use shared::endpoints::moderation as ep;
use shared::forum::{
    AdminSpaceView, Approve, FloodHitView, Keep, LockThread, ModLogPage, ModPostView, ModReason,
    ModThreadView, ModerationQueue, ParticipationFigures, SpaceDraft, Suspend, SuspensionView,
    ThreadPage, WatchedWords,
};

#[utoipa::path(
    get,
    path = ep::Queue::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Posts waiting (words suggesting harm first), posts up with a flagged word, and reported posts with copies of what was reported; with what the checks found, to highlight", body = ModerationQueue),
        (status = 404, description = "Only participation officers moderate", body = ErrorBody),
    )
)]
pub async fn queue(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::queue(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::Approve::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(("post" = String, Path, description = "A waiting post")),
    request_body = Approve,
    responses(
        (status = 200, description = "Up now; an edit keeps the original in the moderation log and the author is told", body = ModPostView),
        (status = 404, description = "No such post", body = ErrorBody),
        (status = 409, description = "It is not waiting (someone else got there first?)", body = ErrorBody),
        (status = 422, description = "An edit is empty or too long, or a title for a reply", body = ErrorBody),
    )
)]
pub async fn approve(
    state: web::Data<AppState>,
    caller: Caller,
    post: web::Path<String>,
    body: web::Json<Approve>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::approve(&state.db, &caller, &post, &body).await?))
}

#[utoipa::path(
    post,
    path = ep::Reject::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(("post" = String, Path, description = "A waiting post")),
    request_body = ModReason,
    responses(
        (status = 200, description = "Not put up; the author is told the reason", body = ModPostView),
        (status = 404, description = "No such post", body = ErrorBody),
        (status = 409, description = "It is not waiting", body = ErrorBody),
        (status = 422, description = "No reason, or too long", body = ErrorBody),
    )
)]
pub async fn reject(
    state: web::Data<AppState>,
    caller: Caller,
    post: web::Path<String>,
    body: web::Json<ModReason>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::reject(&state.db, &caller, &post, &body).await?))
}

#[utoipa::path(
    post,
    path = ep::Remove::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(("post" = String, Path, description = "A post that is up")),
    request_body = ModReason,
    responses(
        (status = 200, description = "Taken down; its reports are resolved and the author told why", body = ModPostView),
        (status = 404, description = "No such post", body = ErrorBody),
        (status = 409, description = "It is not up", body = ErrorBody),
        (status = 422, description = "No reason, or too long", body = ErrorBody),
    )
)]
pub async fn remove(
    state: web::Data<AppState>,
    caller: Caller,
    post: web::Path<String>,
    body: web::Json<ModReason>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::remove(&state.db, &caller, &post, &body).await?))
}

#[utoipa::path(
    post,
    path = ep::Keep::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(("post" = String, Path, description = "A flagged or reported post")),
    request_body = Keep,
    responses(
        (status = 200, description = "Left up; its flag is closed and its reports resolved", body = ModPostView),
        (status = 404, description = "No such post", body = ErrorBody),
        (status = 409, description = "It is not up, or has no flag or open report", body = ErrorBody),
        (status = 422, description = "The note is too long", body = ErrorBody),
    )
)]
pub async fn keep(
    state: web::Data<AppState>,
    caller: Caller,
    post: web::Path<String>,
    body: web::Json<Keep>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::keep(&state.db, &caller, &post, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::ModThreads::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(ep::ModThreadsQuery),
    responses(
        (status = 200, description = "Threads in every state, newest first", body = ThreadPage),
        (status = 404, description = "Only participation officers moderate", body = ErrorBody),
        (status = 422, description = "No such space, or a page marker we did not give out", body = ErrorBody),
    )
)]
pub async fn threads(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ep::ModThreadsQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(
        svc::threads_for_moderation(
            &state.db,
            &caller,
            q.space.as_deref(),
            q.before.as_deref(),
            q.limit,
        )
        .await?,
    ))
}

#[utoipa::path(
    get,
    path = ep::ModThread::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(("thread" = String, Path, description = "The thread's id"), shared::endpoints::forum::AfterQuery),
    responses(
        (status = 200, description = "The thread with every post in every state", body = ModThreadView),
        (status = 404, description = "No such thread", body = ErrorBody),
    )
)]
pub async fn show_thread(
    state: web::Data<AppState>,
    caller: Caller,
    thread: web::Path<String>,
    q: web::Query<shared::endpoints::forum::AfterQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(
        svc::thread_for_moderation(&state.db, &caller, &thread, q.after.as_deref(), q.limit)
            .await?,
    ))
}

#[utoipa::path(
    post,
    path = ep::Lock::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(("thread" = String, Path, description = "The thread's id")),
    request_body = LockThread,
    responses(
        (status = 200, description = "Locked (nobody can reply) or unlocked", body = ModThreadView),
        (status = 404, description = "No such thread", body = ErrorBody),
        (status = 409, description = "It was locked (or unlocked) already", body = ErrorBody),
        (status = 422, description = "No reason, or too long", body = ErrorBody),
    )
)]
pub async fn lock(
    state: web::Data<AppState>,
    caller: Caller,
    thread: web::Path<String>,
    body: web::Json<LockThread>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::lock(&state.db, &caller, &thread, &body).await?))
}

#[utoipa::path(
    post,
    path = ep::Suspend::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(("member" = String, Path, description = "The author's forum id (`author_id` of a post)")),
    request_body = Suspend,
    responses(
        (status = 200, description = "Stopped from posting until then (or, with 0 days, allowed again); they are told why", body = SuspensionView),
        (status = 404, description = "No such member", body = ErrorBody),
        (status = 409, description = "Asked to lift a suspension they do not have", body = ErrorBody),
        (status = 422, description = "Days out of range, or no reason", body = ErrorBody),
    )
)]
pub async fn suspend(
    state: web::Data<AppState>,
    caller: Caller,
    member: web::Path<String>,
    body: web::Json<Suspend>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::suspend(&state.db, &caller, &member, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::WatchedWords::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The council's watched words (block, hold for approval, flag)", body = WatchedWords),
        (status = 404, description = "Only participation officers moderate", body = ErrorBody),
    )
)]
pub async fn watched_words(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::get_watched_words(&state.db, &caller).await?))
}

#[utoipa::path(
    put,
    path = ep::SetWatchedWords::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    request_body = WatchedWords,
    responses(
        (status = 200, description = "The whole list, replaced; the log says what was added and taken out", body = WatchedWords),
        (status = 404, description = "Only participation officers moderate", body = ErrorBody),
        (status = 422, description = "An empty, too long or repeated word; `field` names it", body = ErrorBody),
    )
)]
pub async fn set_watched_words(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<WatchedWords>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::set_watched_words(&state.db, &caller, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::Log::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(ep::LogQuery),
    responses(
        (status = 200, description = "Every moderation action, newest first: who, what, when, why (it cannot be changed)", body = ModLogPage),
        (status = 404, description = "Only managers and moderators read the log", body = ErrorBody),
        (status = 422, description = "No such post, or a page marker we did not give out", body = ErrorBody),
    )
)]
pub async fn log(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ep::LogQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(
        svc::log(
            &state.db,
            &caller,
            q.post.as_deref(),
            q.before.as_deref(),
            q.limit,
        )
        .await?,
    ))
}

#[utoipa::path(
    get,
    path = ep::FloodHits::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Who hit a posting limit lately (forum names only), newest first", body = [FloodHitView]),
        (status = 404, description = "Only participation officers moderate", body = ErrorBody),
    )
)]
pub async fn flood_hits(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::flood_hits(&state.db, &caller).await?))
}

#[utoipa::path(
    get,
    path = ep::AdminSpaces::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every space with its rule, archived ones too", body = [AdminSpaceView]),
        (status = 404, description = "Only administrators and participation officers manage spaces", body = ErrorBody),
    )
)]
pub async fn admin_spaces(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::admin_spaces(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::CreateSpace::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    request_body = SpaceDraft,
    responses(
        (status = 201, description = "Made", body = AdminSpaceView),
        (status = 404, description = "Only administrators and participation officers manage spaces", body = ErrorBody),
        (status = 409, description = "A space has that id already", body = ErrorBody),
        (status = 422, description = "A value is not right; `field` names it", body = ErrorBody),
    )
)]
pub async fn create_space(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<SpaceDraft>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::create_space(&state.db, &caller, &body).await?))
}

#[utoipa::path(
    put,
    path = ep::UpdateSpace::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(("space" = String, Path, description = "The space's id")),
    request_body = SpaceDraft,
    responses(
        (status = 200, description = "Changed (its id stays)", body = AdminSpaceView),
        (status = 404, description = "No such space", body = ErrorBody),
        (status = 422, description = "A value is not right; `field` names it", body = ErrorBody),
    )
)]
pub async fn update_space(
    state: web::Data<AppState>,
    caller: Caller,
    space: web::Path<String>,
    body: web::Json<SpaceDraft>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::update_space(&state.db, &caller, &space, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::Participation::PATH,
    tag = "moderation",
    security(("bearer" = [])),
    params(ep::FiguresQuery),
    responses(
        (status = 200, description = "How many took part, by age band, no names; groups under 5 hidden", body = ParticipationFigures),
        (status = 404, description = "Not for this role", body = ErrorBody),
        (status = 422, description = "The dates are the wrong way round or too far apart", body = ErrorBody),
    )
)]
pub async fn participation(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ep::FiguresQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::participation(&state.db, &caller, q.from, q.to).await?))
}
