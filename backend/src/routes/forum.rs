//! Positive Journeys for young people: spaces, threads, replies, my posts,
//! reports, blocks and my forum name. Guard: `Ability::TakePart`; a space,
//! thread or post the caller may not see answers 404.

use crate::caller::Caller;
use crate::error::ApiError;
use crate::services::forum as svc;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::api::ErrorBody;
use shared::endpoints::forum as ep;
use shared::forum::{
    BlockView, DisplayNameChange, MyForum, MyPost, NewBlock, NewReply, NewReport, NewThread,
    PostOutcome, ReportReceipt, SpaceView, ThreadPage, ThreadView,
};

#[utoipa::path(
    get,
    path = ep::ForumMe::PATH,
    tag = "forum",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "My forum name, whether I can post, and the spaces my age and status allow", body = MyForum),
        (status = 404, description = "Only young people take part", body = ErrorBody),
    )
)]
pub async fn me(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::my_forum(&state.db, &caller).await?))
}

#[utoipa::path(
    put,
    path = ep::SetDisplayName::PATH,
    tag = "forum",
    security(("bearer" = [])),
    request_body = DisplayNameChange,
    responses(
        (status = 200, description = "Changed", body = MyForum),
        (status = 404, description = "Only young people take part", body = ErrorBody),
        (status = 409, description = "Someone else has that name", body = ErrorBody),
        (status = 422, description = "Not allowed (my real name, a way to find me, an unkind word, too short or long); `field` names it", body = ErrorBody),
    )
)]
pub async fn set_display_name(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<DisplayNameChange>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::set_display_name(&state.db, &caller, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::MyPosts::PATH,
    tag = "forum",
    security(("bearer" = [])),
    params(ep::BeforeQuery),
    responses(
        (status = 200, description = "My posts, newest first, with what happened to each (waiting, up, not put up, taken down) and any words from a moderator", body = [MyPost]),
        (status = 404, description = "Only young people take part", body = ErrorBody),
    )
)]
pub async fn my_posts(
    state: web::Data<AppState>,
    caller: Caller,
    q: web::Query<ep::BeforeQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .json(svc::my_posts(&state.db, &caller, q.before.as_deref(), q.limit).await?))
}

#[utoipa::path(
    get,
    path = ep::Spaces::PATH,
    tag = "forum",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The spaces my age and status allow, each saying who can read it", body = [SpaceView]),
        (status = 404, description = "Only young people take part", body = ErrorBody),
    )
)]
pub async fn spaces(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::spaces(&state.db, &caller).await?))
}

#[utoipa::path(
    get,
    path = ep::SpaceThreads::PATH,
    tag = "forum",
    security(("bearer" = [])),
    params(("space" = String, Path, description = "The space's id, such as positive-journeys"), ep::BeforeQuery),
    responses(
        (status = 200, description = "Threads, newest first (with my own waiting ones); none by people I blocked", body = ThreadPage),
        (status = 404, description = "No such space, or not one my age and status allow", body = ErrorBody),
        (status = 422, description = "A page marker we did not give out", body = ErrorBody),
    )
)]
pub async fn threads(
    state: web::Data<AppState>,
    caller: Caller,
    space: web::Path<String>,
    q: web::Query<ep::BeforeQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .json(svc::threads(&state.db, &caller, &space, q.before.as_deref(), q.limit).await?))
}

#[utoipa::path(
    post,
    path = ep::StartThread::PATH,
    tag = "forum",
    security(("bearer" = [])),
    params(("space" = String, Path, description = "The space's id")),
    request_body = NewThread,
    responses(
        (status = 201, description = "Posted: up now, or waiting for a grown-up (and why); with help when my words suggest I may be at risk", body = PostOutcome),
        (status = 404, description = "No such space, or not one my age and status allow", body = ErrorBody),
        (status = 409, description = "I am stopped from posting for now (the message says until when and why)", body = ErrorBody),
        (status = 422, description = "Empty or too long, or words that must change first; `field` is `title` or `body`; or the same body as one of my posts of the last 24 hours (`field` is `body`). Nothing is stored", body = ErrorBody),
        (status = 429, description = "Too many conversations in this space in the last hour or day, or too soon after my last post; `Retry-After` gives the seconds to wait and the message says when I can post again. Nothing is stored", body = ErrorBody),
    )
)]
pub async fn start_thread(
    state: web::Data<AppState>,
    caller: Caller,
    space: web::Path<String>,
    body: web::Json<NewThread>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::start_thread(&state.db, &caller, &space, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::Thread::PATH,
    tag = "forum",
    security(("bearer" = [])),
    params(("thread" = String, Path, description = "The thread's id"), ep::AfterQuery),
    responses(
        (status = 200, description = "The thread and a page of its posts, oldest first, and whether I can reply", body = ThreadView),
        (status = 404, description = "No such thread, or not one I may see", body = ErrorBody),
        (status = 422, description = "A page marker we did not give out", body = ErrorBody),
    )
)]
pub async fn show_thread(
    state: web::Data<AppState>,
    caller: Caller,
    thread: web::Path<String>,
    q: web::Query<ep::AfterQuery>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .json(svc::thread(&state.db, &caller, &thread, q.after.as_deref(), q.limit).await?))
}

#[utoipa::path(
    post,
    path = ep::Reply::PATH,
    tag = "forum",
    security(("bearer" = [])),
    params(("thread" = String, Path, description = "The thread's id")),
    request_body = NewReply,
    responses(
        (status = 201, description = "Posted: up now, or waiting for a grown-up", body = PostOutcome),
        (status = 404, description = "No such thread, or not one I may see", body = ErrorBody),
        (status = 409, description = "The thread is locked (its state stops replies, not what I wrote), its first post is still waiting, or I am stopped from posting for now", body = ErrorBody),
        (status = 422, description = "Empty or too long, or words that must change first (`field` is `body`), or the same body as one of my posts of the last 24 hours. Nothing is stored", body = ErrorBody),
        (status = 429, description = "Too many replies in this space in the last hour or day, or too soon after my last post; `Retry-After` gives the seconds to wait and the message says when I can post again. Nothing is stored", body = ErrorBody),
    )
)]
pub async fn reply(
    state: web::Data<AppState>,
    caller: Caller,
    thread: web::Path<String>,
    body: web::Json<NewReply>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::reply(&state.db, &caller, &thread, &body).await?))
}

#[utoipa::path(
    delete,
    path = ep::DeletePost::PATH,
    tag = "forum",
    security(("bearer" = [])),
    params(("post" = String, Path, description = "One of my posts")),
    responses(
        (status = 204, description = "Deleted (a first post takes its thread with it)"),
        (status = 404, description = "No such post of mine", body = ErrorBody),
        (status = 409, description = "It is not up any more", body = ErrorBody),
    )
)]
pub async fn delete_post(
    state: web::Data<AppState>,
    caller: Caller,
    post: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    svc::delete_own(&state.db, &caller, &post).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    post,
    path = ep::Report::PATH,
    tag = "forum",
    security(("bearer" = [])),
    params(("post" = String, Path, description = "The post to report")),
    request_body = NewReport,
    responses(
        (status = 201, description = "Reported; a copy of the post as it is now is kept for the moderator", body = ReportReceipt),
        (status = 404, description = "No such post, or not one I may see", body = ErrorBody),
        (status = 409, description = "I have reported this post already", body = ErrorBody),
        (status = 422, description = "The reason is too long, or it is my own post", body = ErrorBody),
        (status = 429, description = "Too many reports in the last hour or day; `Retry-After` gives the seconds to wait", body = ErrorBody),
    )
)]
pub async fn report(
    state: web::Data<AppState>,
    caller: Caller,
    post: web::Path<String>,
    body: web::Json<NewReport>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::report(&state.db, &caller, &post, &body).await?))
}

#[utoipa::path(
    get,
    path = ep::Blocks::PATH,
    tag = "forum",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "People I have blocked (by forum name)", body = [BlockView]),
        (status = 404, description = "Only young people take part", body = ErrorBody),
    )
)]
pub async fn blocks(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(svc::blocks(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::AddBlock::PATH,
    tag = "forum",
    security(("bearer" = [])),
    request_body = NewBlock,
    responses(
        (status = 201, description = "Blocked: I will not see their posts (they are not told)", body = BlockView),
        (status = 404, description = "No such post, or not one I may see", body = ErrorBody),
        (status = 409, description = "Blocked already", body = ErrorBody),
        (status = 422, description = "No post given, or it is my own", body = ErrorBody),
    )
)]
pub async fn add_block(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewBlock>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Created().json(svc::block(&state.db, &caller, &body).await?))
}

#[utoipa::path(
    delete,
    path = ep::Unblock::PATH,
    tag = "forum",
    security(("bearer" = [])),
    params(("block" = String, Path, description = "One of my blocks")),
    responses(
        (status = 204, description = "Unblocked"),
        (status = 404, description = "No such block of mine", body = ErrorBody),
    )
)]
pub async fn unblock(
    state: web::Data<AppState>,
    caller: Caller,
    block: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    svc::unblock(&state.db, &caller, &block).await?;
    Ok(HttpResponse::NoContent().finish())
}
