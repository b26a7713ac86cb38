//! The signed-in person: who they are, their password, their sessions,
//! and (for a young person) who has looked at their records.

use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::{councils, notifications, people, sessions};
use crate::services;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::accounts::{AccessEntry, ChangePasswordRequest, Me, SessionInfo};
use shared::api::ErrorBody;
use shared::care_status::care_summary;
use shared::endpoints::me as ep;
use shared::language::LanguageChoice;

#[utoipa::path(
    get,
    path = ep::Me::PATH,
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Who is signed in", body = Me),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
pub async fn me(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let council = councils::by_id(&state.db, caller.authority_id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    let mut me = Me {
        id: caller.public_id.clone(),
        username: caller.username.clone(),
        role: caller.role,
        display_name: caller.display_name.clone(),
        council,
        age_band: None,
        care_leaver_category: None,
        young_person_id: None,
        language: services::language::of(&state.db, caller.account_id).await?,
    };
    if let Some(yp_id) = caller.young_person_id {
        if let Some(y) = people::by_id(&state.db, yp_id).await? {
            let episodes = people::episodes(&state.db, y.id).await?;
            let s = care_summary(
                y.date_of_birth,
                &episodes,
                chrono::Utc::now().date_naive(),
                false,
            );
            me.age_band = Some(s.age_band);
            me.care_leaver_category = Some(s.category);
            me.young_person_id = Some(y.public_id);
        }
    }
    Ok(HttpResponse::Ok().json(me))
}

#[utoipa::path(
    post,
    path = ep::ChangePassword::PATH,
    tag = "me",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Changed; every other session has ended"),
        (status = 422, description = "The current password is wrong or the new one is not allowed", body = ErrorBody),
    )
)]
pub async fn change_password(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    services::auth::change_password(&state, &caller, &body.current_password, &body.new_password)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    put,
    path = ep::SetLanguage::PATH,
    tag = "me",
    security(("bearer" = [])),
    request_body = LanguageChoice,
    responses(
        (status = 200, description = "Kept: the app speaks this language on every device I sign in on", body = LanguageChoice),
        (status = 422, description = "Not a language the app speaks (\"en\" or \"ar\")", body = ErrorBody),
    )
)]
pub async fn set_language(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<LanguageChoice>,
) -> Result<HttpResponse, ApiError> {
    let language = services::language::choose(&state.db, caller.account_id, &body.language).await?;
    Ok(HttpResponse::Ok().json(LanguageChoice {
        language: language.as_str().to_owned(),
    }))
}

#[utoipa::path(
    get,
    path = ep::ListSessions::PATH,
    tag = "me",
    security(("bearer" = [])),
    responses((status = 200, description = "My signed-in devices", body = [SessionInfo]))
)]
pub async fn list_sessions(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let list: Vec<SessionInfo> =
        sessions::open_for(&state.db, caller.account_id, chrono::Utc::now())
            .await?
            .into_iter()
            .map(|s| SessionInfo {
                current: s.id == caller.session_id,
                id: s.public_id,
                device: s.device,
                created_at: s.created_at,
                last_used_at: s.last_used_at,
            })
            .collect();
    Ok(HttpResponse::Ok().json(list))
}

#[utoipa::path(
    delete,
    path = ep::EndSession::PATH,
    tag = "me",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The session's id")),
    responses(
        (status = 204, description = "That device is signed out"),
        (status = 404, description = "No such session of mine", body = ErrorBody),
    )
)]
pub async fn end_session(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let s = sessions::by_public_id(&state.db, caller.account_id, &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    sessions::end(
        &state.db,
        s.id,
        "signed out from another device",
        chrono::Utc::now(),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    get,
    path = ep::RecordViews::PATH,
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Who has looked at my records, newest first, in plain words", body = [AccessEntry]),
        (status = 404, description = "Only young people have records here", body = ErrorBody),
    )
)]
pub async fn record_views(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let yp = caller.young_person_id.ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok().json(services::people::who_looked(&state.db, yp).await?))
}

#[utoipa::path(
    get,
    path = ep::ListNotifications::PATH,
    tag = "me",
    security(("bearer" = [])),
    responses((status = 200, description = "My notifications, newest first", body = [shared::push::NotificationView]))
)]
pub async fn list_notifications(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let list: Vec<shared::push::NotificationView> =
        notifications::for_account(&state.db, caller.account_id, 100)
            .await?
            .into_iter()
            .map(|n| shared::push::NotificationView {
                id: n.public_id,
                kind: n.kind,
                title: n.title,
                body: n.body,
                link: n.link,
                created_at: n.created_at,
                read: n.read_at.is_some(),
            })
            .collect();
    Ok(HttpResponse::Ok().json(list))
}
