//! The signed-in person: who they are, their password, their sessions,
//! and (for a young person) who has looked at their records.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::repo::{councils, notifications, people, sessions};
use crate::services;
use crate::startup::AppState;
use actix_web::{delete, get, post, put, web, HttpResponse};
use shared::accounts::{AccessEntry, ChangePasswordRequest, Me, SessionInfo};
use shared::api::ErrorBody;
use shared::care_status::care_summary;
use shared::language::LanguageChoice;

#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Who is signed in", body = Me),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[get("/me")]
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
    tag = "me",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Changed; every other session has ended"),
        (status = 422, description = "The current password is wrong or the new one is not allowed", body = ErrorBody),
    )
)]
#[post("/me/password")]
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
    tag = "me",
    security(("bearer" = [])),
    request_body = LanguageChoice,
    responses(
        (status = 200, description = "Kept: the app speaks this language on every device I sign in on", body = LanguageChoice),
        (status = 422, description = "Not a language the app speaks (\"en\" or \"ar\")", body = ErrorBody),
    )
)]
#[put("/me/language")]
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
    tag = "me",
    security(("bearer" = [])),
    responses((status = 200, description = "My signed-in devices", body = [SessionInfo]))
)]
#[get("/me/sessions")]
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
    tag = "me",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The session's id")),
    responses(
        (status = 204, description = "That device is signed out"),
        (status = 404, description = "No such session of mine", body = ErrorBody),
    )
)]
#[delete("/me/sessions/{id}")]
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
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Who has looked at my records, newest first, in plain words", body = [AccessEntry]),
        (status = 404, description = "Only young people have records here", body = ErrorBody),
    )
)]
#[get("/me/record-views")]
pub async fn record_views(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let yp = caller.young_person_id.ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok().json(services::people::who_looked(&state.db, yp).await?))
}

/// One item of my notifications list.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct NotificationView {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub read: bool,
}

#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses((status = 200, description = "My notifications, newest first", body = [NotificationView]))
)]
#[get("/me/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let list: Vec<NotificationView> = notifications::for_account(&state.db, caller.account_id, 100)
        .await?
        .into_iter()
        .map(|n| NotificationView {
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
