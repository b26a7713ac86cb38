//! Sign-in, refresh, sign-out, activation.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::repo::sessions;
use crate::services::auth::{self, LoginOutcome};
use crate::startup::AppState;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::{post, web, HttpRequest, HttpResponse};
use shared::accounts::{ActivateRequest, LoginRequest, RefreshRequest, TokenResponse};
use shared::api::ErrorBody;

const DEVICE_COOKIE: &str = "gfm_device";

fn address(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// A short label for "my sessions", from the browser's own description.
fn device_label(req: &HttpRequest) -> String {
    let ua = req
        .headers()
        .get(actix_web::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let os = ["Android", "iPhone", "iPad", "Windows", "Mac OS", "Linux"]
        .into_iter()
        .find(|o| ua.contains(o))
        .unwrap_or("Unknown device");
    let browser = ["Edg", "Firefox", "Chrome", "Safari"]
        .into_iter()
        .find(|b| ua.contains(b))
        .map(|b| if b == "Edg" { "Edge" } else { b })
        .unwrap_or("app");
    format!("{browser} on {os}")
}

fn signed_in(req: &HttpRequest, outcome: LoginOutcome) -> HttpResponse {
    let secure = req.connection_info().scheme() == "https";
    let cookie = Cookie::build(DEVICE_COOKIE, outcome.device_token)
        .path("/api/auth")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish();
    HttpResponse::Ok().cookie(cookie).json(outcome.tokens)
}

#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, description = "Username and password do not match", body = ErrorBody),
        (status = 422, description = "A field is missing", body = ErrorBody),
        (status = 429, description = "Too many tries; see Retry-After", body = ErrorBody),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let device = req.cookie(DEVICE_COOKIE).map(|c| c.value().to_owned());
    let outcome = auth::login(
        &state,
        &body.username,
        &body.password,
        &address(&req),
        device.as_deref(),
        &device_label(&req),
    )
    .await?;
    Ok(signed_in(&req, outcome))
}

#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new access token and a new refresh token", body = TokenResponse),
        (status = 401, description = "The refresh token is not valid (a reused one ends its session)", body = ErrorBody),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(auth::refresh(&state, &body.refresh_token).await?))
}

#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out: the session has ended"),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    sessions::end(
        &state.db,
        caller.session_id,
        "signed out",
        chrono::Utc::now(),
    )
    .await?;
    // Tell the browser to drop what it cached for this person.
    Ok(HttpResponse::NoContent()
        .insert_header(("Clear-Site-Data", "\"cache\", \"storage\""))
        .finish())
}

#[utoipa::path(
    tag = "auth",
    request_body = ActivateRequest,
    responses(
        (status = 200, description = "Password set; signed in", body = TokenResponse),
        (status = 422, description = "The code or the password is not right", body = ErrorBody),
        (status = 429, description = "Too many tries", body = ErrorBody),
    )
)]
#[post("/auth/activate")]
pub async fn activate(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<ActivateRequest>,
) -> Result<HttpResponse, ApiError> {
    let outcome = auth::activate(
        &state,
        &body.code,
        &body.password,
        &address(&req),
        &device_label(&req),
    )
    .await?;
    Ok(signed_in(&req, outcome))
}
