//! Sign-in, refresh, sign-out, activation.

use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::sessions;
use crate::services::auth::{self, LoginOutcome};
use crate::state::AppState;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::{web, HttpRequest, HttpResponse};
use shared::accounts::{ActivateRequest, LoginRequest, RefreshRequest, TokenResponse};
use shared::api::ErrorBody;
use shared::endpoints::auth as ep;

const DEVICE_COOKIE: &str = "gfm_device";
/// The refresh token, for the browser app: HttpOnly, so scripts never see it.
const REFRESH_COOKIE: &str = "gfm_refresh";
/// The cookies go only to the sign-in endpoints (refresh, log out).
const REFRESH_COOKIE_PATH: &str = ep::AUTH_PREFIX;

fn cookie<'a>(req: &HttpRequest, name: &'a str, value: String, days: i64) -> Cookie<'a> {
    Cookie::build(name, value)
        .path(REFRESH_COOKIE_PATH)
        .http_only(true)
        // Behind a proxy that ends TLS the request reaches us over plain
        // HTTP; only a trusted proxy may say the browser used HTTPS.
        .secure(client(req).https)
        .same_site(SameSite::Strict)
        .max_age(actix_web::cookie::time::Duration::days(days))
        .finish()
}

fn with_tokens(req: &HttpRequest, tokens: TokenResponse) -> HttpResponse {
    HttpResponse::Ok()
        .cookie(cookie(
            req,
            REFRESH_COOKIE,
            tokens.refresh_token.clone(),
            crate::repo::sessions::SESSION_DAYS,
        ))
        .json(tokens)
}

fn client(req: &HttpRequest) -> crate::client_addr::Client {
    let trusted = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.settings.trusted_proxies.clone())
        .unwrap_or_default();
    crate::client_addr::of_request(req, &trusted)
}

/// The client's address, for the sign-in throttle (behind a trusted proxy,
/// the address the proxy saw, not the proxy's own).
fn address(req: &HttpRequest) -> String {
    client(req)
        .ip
        .map(|ip| ip.to_string())
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
    let mut res = with_tokens(req, outcome.tokens);
    let device = cookie(req, DEVICE_COOKIE, outcome.device_token, 365);
    if let Err(e) = res.add_cookie(&device) {
        tracing::warn!(error = %e, "could not set the device cookie");
    }
    res
}

#[utoipa::path(
    post,
    path = ep::Login::PATH,
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, description = "Username and password do not match", body = ErrorBody),
        (status = 422, description = "A field is missing", body = ErrorBody),
        (status = 429, description = "Too many tries; see Retry-After", body = ErrorBody),
    )
)]
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
    post,
    path = ep::Refresh::PATH,
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new access token and a new refresh token. The browser app may send `{}` and rely on the HttpOnly refresh cookie instead", body = TokenResponse),
        (status = 204, description = "Nothing to refresh: no refresh token in the body and no refresh cookie, so nobody is signed in on this browser. Not an error: the app asks this on every start, signed in or not"),
        (status = 401, description = "The refresh token (in the body or the cookie) is not valid: wrong, expired, or already used (a reused one ends its session)", body = ErrorBody),
    )
)]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let cookie = req
        .cookie(REFRESH_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty());
    // The app cannot see its HttpOnly cookie, so it asks on every start. No
    // token at all is the normal signed-out answer, not a failure (a 401
    // here would be a console error on every signed-out visit).
    let Some(token) = body.refresh_token.clone().or(cookie) else {
        return Ok(HttpResponse::NoContent().finish());
    };
    Ok(with_tokens(&req, auth::refresh(&state, &token).await?))
}

#[utoipa::path(
    post,
    path = ep::Logout::PATH,
    tag = "auth",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out: the session has ended"),
        (status = 401, description = "Not signed in", body = ErrorBody),
    )
)]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    sessions::end(
        &state.db,
        caller.session_id,
        "signed out",
        chrono::Utc::now(),
    )
    .await?;
    // The refresh cookie goes, with the same attributes it was set with.
    let mut gone = cookie(&req, REFRESH_COOKIE, String::new(), 0);
    gone.make_removal();
    // Tell the browser to drop what it cached for this person.
    Ok(HttpResponse::NoContent()
        .cookie(gone)
        .insert_header(("Clear-Site-Data", "\"cache\", \"storage\""))
        .finish())
}

#[utoipa::path(
    post,
    path = ep::Activate::PATH,
    tag = "auth",
    request_body = ActivateRequest,
    responses(
        (status = 200, description = "Password set; signed in", body = TokenResponse),
        (status = 422, description = "The code or the password is not right", body = ErrorBody),
        (status = 429, description = "Too many tries", body = ErrorBody),
    )
)]
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
