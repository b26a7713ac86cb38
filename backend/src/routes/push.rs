//! Push notifications: the server's public key, my devices, my choices,
//! and reading my notifications.

use crate::caller::Caller;
use crate::error::ApiError;
use crate::push::manage;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::api::ErrorBody;
use shared::endpoints::push as ep;
use shared::push::{
    NewPushSubscription, NotificationPreferences, PushSubscriptionView, UpdatePreferences,
    VapidPublicKey,
};

#[utoipa::path(
    get,
    path = ep::VapidPublicKey::PATH,
    tag = "push",
    responses((status = 200, description = "The key a browser subscribes with (applicationServerKey)", body = VapidPublicKey))
)]
pub async fn vapid_public_key(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(VapidPublicKey {
        public_key: state.keys.vapid_public_b64.clone(),
    })
}

#[utoipa::path(
    get,
    path = ep::ListSubscriptions::PATH,
    tag = "push",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "My devices that get pushes", body = [PushSubscriptionView]),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
pub async fn list_subscriptions(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(manage::list(&state.db, &caller).await?))
}

#[utoipa::path(
    post,
    path = ep::Subscribe::PATH,
    tag = "push",
    security(("bearer" = [])),
    request_body = NewPushSubscription,
    responses(
        (status = 201, description = "This device now gets pushes", body = PushSubscriptionView),
        (status = 200, description = "This device was already registered; its keys are updated", body = PushSubscriptionView),
        (status = 401, description = "Not signed in", body = ErrorBody),
        (status = 422, description = "The endpoint is not an https push service, or a key has the wrong length", body = ErrorBody),
    )
)]
pub async fn subscribe(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewPushSubscription>,
) -> Result<HttpResponse, ApiError> {
    let (view, created) = manage::subscribe(
        &state.db,
        &state.settings.push,
        &caller,
        &body,
        chrono::Utc::now(),
    )
    .await?;
    Ok(if created {
        HttpResponse::Created().json(view)
    } else {
        HttpResponse::Ok().json(view)
    })
}

#[utoipa::path(
    delete,
    path = ep::Unsubscribe::PATH,
    tag = "push",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The device's id")),
    responses(
        (status = 204, description = "That device gets no more pushes"),
        (status = 404, description = "No such device of mine", body = ErrorBody),
    )
)]
pub async fn unsubscribe(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    manage::remove(&state.db, &caller, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    get,
    path = ep::Preferences::PATH,
    tag = "push",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What I get pushed, and my quiet hours", body = NotificationPreferences),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
pub async fn preferences(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(manage::preferences(&state.db, &caller).await?))
}

#[utoipa::path(
    put,
    path = ep::UpdatePreferences::PATH,
    tag = "push",
    security(("bearer" = [])),
    request_body = UpdatePreferences,
    responses(
        (status = 200, description = "Saved; the choices as they are now", body = NotificationPreferences),
        (status = 422, description = "An unknown kind, one that cannot be turned off, or a time that is not HH:MM", body = ErrorBody),
    )
)]
pub async fn update_preferences(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<UpdatePreferences>,
) -> Result<HttpResponse, ApiError> {
    let p = manage::update_preferences(&state.db, &caller, &body, chrono::Utc::now()).await?;
    Ok(HttpResponse::Ok().json(p))
}

#[utoipa::path(
    post,
    path = ep::MarkRead::PATH,
    tag = "me",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The notification's id")),
    responses(
        (status = 204, description = "Marked as read"),
        (status = 404, description = "No such notification of mine", body = ErrorBody),
    )
)]
pub async fn mark_read(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    manage::mark_read(&state.db, &caller, &id, chrono::Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    post,
    path = ep::MarkAllRead::PATH,
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Every notification of mine is marked as read"),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
pub async fn mark_all_read(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    manage::mark_all_read(&state.db, &caller, chrono::Utc::now()).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    delete,
    path = ep::DeleteNotification::PATH,
    tag = "me",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The notification's id")),
    responses(
        (status = 204, description = "Deleted: gone from my list for good"),
        (status = 404, description = "No such notification of mine", body = ErrorBody),
    )
)]
pub async fn delete_notification(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    manage::delete_notification(&state.db, &caller, &id).await?;
    Ok(HttpResponse::NoContent().finish())
}
