//! The one HTTP client. Every call goes through [`get`], [`post`],
//! [`patch`] or [`delete`], generic over the `shared` types the server
//! sends, so both sides decode the same structs.
//!
//! Signed-in calls carry the access token that [`crate::session`] keeps in
//! memory. When the server answers 401 the client asks `session` for a new
//! token (one refresh, shared by every caller) and tries once more; if that
//! fails too, the person is signed out.
//!
//! Failures become an [`ApiError`] whose [`ApiError::message`] is safe to show
//! to a young person: the server's own words when it sent an
//! `ErrorBody`, otherwise plain words chosen here.

use crate::session::{self, Refreshed};
use futures::future::{FutureExt, LocalBoxFuture};
use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::accounts::{
    ActivateRequest, ActivationCode, AllocationView, BreakGlassRequest, ChangePasswordRequest,
    LoginRequest, Me, NewAllocation, NewStaff, NewYoungPerson, NewYoungPersonAccount, StaffUpdate,
    StaffView, TokenResponse, YoungPersonView,
};
use shared::api::{Council, ErrorBody};
use shared::offer::{NewOfferRequest, OfferRequestAnswer};
use shared::plans::{DraftPlan, NewPlanQuery, SharePlan, StaffProfile};
use std::fmt;

/// Where the API lives, on the same origin as the app.
pub const API_BASE: &str = "/api";

/// What went wrong with a call to the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// The request never reached the server (no signal, airplane mode,
    /// server down).
    Offline,
    /// The server answered with an error and said why.
    Server { status: u16, body: ErrorBody },
    /// 429: too many tries; the server said how long to wait.
    TooManyTries { wait_secs: u64 },
    /// The server answered with an error status but no `ErrorBody` (a proxy
    /// page, for example).
    Status { status: u16 },
    /// The server's answer was not what this version of the app expects.
    UnexpectedReply,
    /// The app could not write the request (a bug, not the person's fault).
    BadRequestBody,
}

pub const OFFLINE_MESSAGE: &str =
    "You seem to be offline. Check your internet connection and try again.";
pub const OUR_FAULT_MESSAGE: &str =
    "Something went wrong on our side. Please try again in a few minutes.";

impl ApiError {
    /// Words to show the person.
    pub fn message(&self) -> String {
        match self {
            ApiError::Offline => OFFLINE_MESSAGE.to_string(),
            ApiError::Server { status, body } => {
                if body.message.trim().is_empty() {
                    status_message(*status).to_string()
                } else {
                    body.message.clone()
                }
            }
            ApiError::TooManyTries { wait_secs } => {
                format!(
                    "Too many tries. Please wait {}, then try again.",
                    wait_words(*wait_secs)
                )
            }
            ApiError::Status { status } => status_message(*status).to_string(),
            ApiError::UnexpectedReply | ApiError::BadRequestBody => OUR_FAULT_MESSAGE.to_string(),
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Server { status, .. } | ApiError::Status { status } => Some(*status),
            ApiError::TooManyTries { .. } => Some(429),
            _ => None,
        }
    }

    /// The server's machine-readable code (`validation`, `not_found`, ...).
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Server { body, .. } => Some(body.error.as_str()),
            _ => None,
        }
    }

    /// The form field the server blamed, so a form can show the message
    /// beside it.
    pub fn field(&self) -> Option<&str> {
        match self {
            ApiError::Server { body, .. } => body.field.as_deref(),
            _ => None,
        }
    }

    /// True when the person needs to sign in (again).
    pub fn needs_sign_in(&self) -> bool {
        self.status() == Some(401)
    }

    /// True for "no such record, or not yours to see" (the server does not
    /// say which).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ApiError {}

/// Plain words for a status code when the server gave none.
pub fn status_message(status: u16) -> &'static str {
    match status {
        400 | 422 => "Something in the form needs checking. Please look again and try again.",
        401 => "Please sign in again.",
        403 => "You can't see this page.",
        404 => "We can't find that.",
        408 | 504 => "That took too long. Please try again.",
        409 => "Someone else changed this at the same time. Please check and try again.",
        413 => "That is too big to send.",
        429 => "Too many tries. Please wait a few minutes and try again.",
        502 | 503 => "Good for Me is not working right now. Please try again soon.",
        _ => OUR_FAULT_MESSAGE,
    }
}

/// "5 minutes", "30 seconds", "1 minute": how long to wait, rounded up to
/// whole minutes from a minute on.
pub fn wait_words(secs: u64) -> String {
    match secs {
        0 | 1 => "a second".to_string(),
        2..=59 => format!("{secs} seconds"),
        _ => {
            let minutes = secs.div_ceil(60);
            if minutes == 1 {
                "1 minute".to_string()
            } else {
                format!("{minutes} minutes")
            }
        }
    }
}

/// The full address for an API path: `"/councils"` -> `"/api/councils"`.
pub fn url(path: &str) -> String {
    let path = path.trim_start_matches('/');
    format!("{API_BASE}/{path}")
}

/// What came back from the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    /// `Retry-After`, in seconds, when the server sent one.
    pub retry_after: Option<u64>,
}

/// Turn a status code and the body text into a value or an [`ApiError`].
/// Plain Rust, so it is tested without a browser.
pub fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
    decode_reply(&Reply {
        status,
        body: body.to_string(),
        retry_after: None,
    })
}

/// [`decode`], with the `Retry-After` of a 429 turned into a wait time.
pub fn decode_reply<T: DeserializeOwned>(reply: &Reply) -> Result<T, ApiError> {
    from_json(success_body(reply)?).ok_or(ApiError::UnexpectedReply)
}

/// JSON text to a value. In the browser: its own `JSON.parse`, then
/// serde-wasm-bindgen, which downloads far smaller than a Rust JSON parser
/// copied out for every type. On the host (unit tests): serde_json, which
/// reads the same JSON into the same types.
#[cfg(target_arch = "wasm32")]
fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

#[cfg(not(target_arch = "wasm32"))]
fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

/// The body of a successful reply ("null" for 204 No Content, so `()` and
/// `Option` decode), or the error. Not generic, so it is in the app once.
fn success_body(reply: &Reply) -> Result<&str, ApiError> {
    let (status, body) = (reply.status, reply.body.as_str());
    if (200..300).contains(&status) {
        Ok(if body.trim().is_empty() { "null" } else { body })
    } else if let (429, Some(wait_secs)) = (status, reply.retry_after) {
        Err(ApiError::TooManyTries { wait_secs })
    } else {
        Err(match from_json::<ErrorBody>(body) {
            Some(body) => ApiError::Server { status, body },
            None => ApiError::Status { status },
        })
    }
}

fn to_json<B: Serialize>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|_| ApiError::BadRequestBody)
}

/// A call as the signed-in person: with the access token, and one more try
/// after a refresh when the server says the token is no longer good.
///
/// Boxed, so the one state machine is shared by every typed call instead of
/// being copied into each (the app downloads less).
fn call(
    method: &'static str,
    path: &str,
    json: Option<String>,
) -> LocalBoxFuture<'static, Result<Reply, ApiError>> {
    signed_in_call(method, path.to_string(), json).boxed_local()
}

async fn signed_in_call(
    method: &'static str,
    path: String,
    json: Option<String>,
) -> Result<Reply, ApiError> {
    let path = path.as_str();
    if session::expires_soon() {
        // Best effort: if this fails the call below answers 401 and we
        // handle it there.
        let _ = session::refresh().await;
    }
    let token = session::access_token();
    let reply = transport::send(method, &url(path), json.clone(), token.as_deref()).await?;
    if reply.status != 401 || token.is_none() {
        return Ok(reply);
    }
    match session::refresh().await {
        Refreshed::Yes => {
            let token = session::access_token();
            transport::send(method, &url(path), json, token.as_deref()).await
        }
        // Signed out: the 401 stands, and the app has been told.
        Refreshed::SignedOut => Ok(reply),
        Refreshed::Failed(err) => Err(err),
    }
}

/// `GET /api{path}`, undecoded (pages decode it as they render; see
/// `hooks::use_get`).
pub fn fetch(path: &str) -> LocalBoxFuture<'static, Result<Reply, ApiError>> {
    call("GET", path, None)
}

/// `GET /api{path}`.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode_reply(&call("GET", path, None).await?)
}

/// `POST /api{path}` with a JSON body.
pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    decode_reply(&call("POST", path, Some(to_json(body)?)).await?)
}

/// `PATCH /api{path}` with a JSON body.
pub async fn patch<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    decode_reply(&call("PATCH", path, Some(to_json(body)?)).await?)
}

/// `PUT /api{path}` with a JSON body.
pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    decode_reply(&call("PUT", path, Some(to_json(body)?)).await?)
}

/// `DELETE /api{path}`.
pub async fn delete<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode_reply(&call("DELETE", path, None).await?)
}

/// A call before anyone is signed in: no token, no retry.
async fn public_post<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let reply = transport::send("POST", &url(path), Some(to_json(body)?), None)
        .boxed_local()
        .await?;
    decode_reply(&reply)
}

// Typed calls, one per endpoint, so pages never spell out paths.

/// `GET /api/councils`.
pub async fn councils() -> Result<Vec<Council>, ApiError> {
    get("/councils").await
}

// What pages load (with `hooks::use_get`), by address.

pub const SESSIONS: &str = "/me/sessions";
pub const RECORD_VIEWS: &str = "/me/record-views";
pub const CASELOAD: &str = "/people";
pub const STAFF: &str = "/staff";
/// A manager's own team, to allocate work to.
pub const MY_TEAM: &str = "/teams/mine/staff";
pub const MY_PLAN: &str = "/me/plan";
pub const MY_PLAN_HISTORY: &str = "/me/plan/history";
pub const MY_QUESTIONS: &str = "/me/plan/questions";
pub const MY_PEOPLE: &str = "/me/people";
pub const MY_OFFER: &str = "/me/offer";
pub const MY_REQUESTS: &str = "/me/offer/requests";
pub const PLAN_QUESTIONS: &str = "/plan-questions";
pub const OFFER_REQUESTS: &str = "/offer/requests";
/// Also the paid and turned-down ones.
pub const ALL_OFFER_REQUESTS: &str = "/offer/requests?include_closed=true";

/// `/me/plan?version=N`: an older version of my plan.
pub fn my_plan_version(version: u32) -> String {
    format!("{MY_PLAN}?version={version}")
}

/// `/councils/{slug}/offer`: the published offer, no sign-in needed.
pub fn public_offer_path(slug: &str) -> String {
    format!("/councils/{}/offer", path_part(slug))
}

/// `/people/{id}`; `/people/{id}/allocations` and `/people/{id}/audit` with
/// a `tail`.
pub fn person_path(id: &str, tail: &str) -> String {
    format!("/people/{}{tail}", path_part(id))
}

/// `/councils/{slug}/teams`.
pub fn teams_path(slug: &str) -> String {
    format!("/councils/{}/teams", path_part(slug))
}

/// `POST /api/auth/login`. The server also sets the HttpOnly refresh
/// cookie; the access token is kept in memory by `session`.
pub async fn login(username: &str, password: &str) -> Result<(), ApiError> {
    let tokens: TokenResponse = public_post(
        "/auth/login",
        &LoginRequest {
            username: username.trim().to_string(),
            password: password.to_string(),
        },
    )
    .await?;
    session::store(&tokens);
    Ok(())
}

/// `POST /api/auth/activate`: choose a password with a one-time code, and
/// be signed in.
pub async fn activate(code: &str, password: &str) -> Result<(), ApiError> {
    let tokens: TokenResponse = public_post(
        "/auth/activate",
        &ActivateRequest {
            code: code.trim().to_string(),
            password: password.to_string(),
        },
    )
    .await?;
    session::store(&tokens);
    Ok(())
}

/// `POST /api/auth/logout`, then forget the token. The server ends the
/// session (so the refresh cookie no longer works) and sends
/// `Clear-Site-Data`.
pub async fn logout() -> Result<(), ApiError> {
    let result: Result<(), ApiError> = decode_reply(&call("POST", "/auth/logout", None).await?);
    match result {
        // Already signed out on the server: nothing left to end.
        Err(err) if err.needs_sign_in() => {}
        other => other?,
    }
    session::clear();
    Ok(())
}

/// `GET /api/me`.
pub async fn me() -> Result<Me, ApiError> {
    get("/me").await
}

/// `POST /api/me/password`.
pub async fn change_password(current: &str, new: &str) -> Result<(), ApiError> {
    post(
        "/me/password",
        &ChangePasswordRequest {
            current_password: current.to_string(),
            new_password: new.to_string(),
        },
    )
    .await
}

/// `DELETE /api/me/sessions/{id}`.
pub async fn end_session(id: &str) -> Result<(), ApiError> {
    delete(&format!("/me/sessions/{}", path_part(id))).await
}

/// `POST /api/people`.
pub async fn create_person(new: &NewYoungPerson) -> Result<YoungPersonView, ApiError> {
    post("/people", new).await
}

/// `POST /api/people/{id}/allocations`.
pub async fn reallocate(id: &str, new: &NewAllocation) -> Result<AllocationView, ApiError> {
    post(&format!("/people/{}/allocations", path_part(id)), new).await
}

/// `POST /api/people/{id}/account`.
pub async fn create_account(id: &str, username: &str) -> Result<ActivationCode, ApiError> {
    post(
        &format!("/people/{}/account", path_part(id)),
        &NewYoungPersonAccount {
            username: username.trim().to_string(),
        },
    )
    .await
}

/// `POST /api/people/{id}/code`.
pub async fn new_person_code(id: &str) -> Result<ActivationCode, ApiError> {
    post(&format!("/people/{}/code", path_part(id)), &()).await
}

/// `POST /api/people/{id}/break-glass`.
pub async fn break_glass(id: &str, reason: &str) -> Result<(), ApiError> {
    post(
        &format!("/people/{}/break-glass", path_part(id)),
        &BreakGlassRequest {
            reason: reason.trim().to_string(),
        },
    )
    .await
}

/// `POST /api/staff`.
pub async fn create_staff(new: &NewStaff) -> Result<ActivationCode, ApiError> {
    post("/staff", new).await
}

/// `PATCH /api/staff/{id}`.
pub async fn set_staff_disabled(id: &str, disabled: bool) -> Result<StaffView, ApiError> {
    patch(
        &format!("/staff/{}", path_part(id)),
        &StaffUpdate { disabled },
    )
    .await
}

/// `POST /api/staff/{id}/code`.
pub async fn new_staff_code(id: &str) -> Result<ActivationCode, ApiError> {
    post(&format!("/staff/{}/code", path_part(id)), &()).await
}

/// A reply whose body the page does not need (it loads the page again).
type Done = serde::de::IgnoredAny;

/// `POST /api/me/plan/questions`: "I don't understand this" or "I don't
/// agree", with an optional message.
pub async fn ask_about_plan(query: &NewPlanQuery) -> Result<(), ApiError> {
    post::<_, Done>("/me/plan/questions", query).await.map(drop)
}

/// `PUT /api/people/{id}/plan/draft`.
pub async fn save_plan_draft(id: &str, draft: &DraftPlan) -> Result<(), ApiError> {
    put::<_, Done>(&person_path(id, "/plan/draft"), draft)
        .await
        .map(drop)
}

/// `POST /api/people/{id}/plan/share`, with the reason when it must be
/// shared although it fails the plain-language check.
pub async fn share_plan(id: &str, override_reason: Option<String>) -> Result<(), ApiError> {
    post::<_, Done>(
        &person_path(id, "/plan/share"),
        &SharePlan { override_reason },
    )
    .await
    .map(drop)
}

/// The body of `POST /api/people/{id}/plan/answer`.
#[derive(Serialize)]
struct PlanAnswerBody<'a> {
    query_id: &'a str,
    answer: &'a str,
}

/// `POST /api/people/{id}/plan/answer`.
pub async fn answer_plan_question(
    person_id: &str,
    query_id: &str,
    answer: &str,
) -> Result<(), ApiError> {
    post::<_, Done>(
        &person_path(person_id, "/plan/answer"),
        &PlanAnswerBody {
            query_id,
            answer: answer.trim(),
        },
    )
    .await
    .map(drop)
}

/// `PUT /api/me/profile`: a worker's "about me" for young people.
pub async fn save_profile(profile: &StaffProfile) -> Result<(), ApiError> {
    put("/me/profile", profile).await
}

/// `POST /api/me/offer/requests`: "Ask about this".
pub async fn ask_about_offer(request: &NewOfferRequest) -> Result<(), ApiError> {
    post::<_, Done>("/me/offer/requests", request)
        .await
        .map(drop)
}

/// `PATCH /api/offer/requests/{id}`: a worker moves a request on.
pub async fn answer_offer_request(id: &str, answer: &OfferRequestAnswer) -> Result<(), ApiError> {
    patch::<_, Done>(&format!("/offer/requests/{}", path_part(id)), answer)
        .await
        .map(drop)
}

/// An id from an address bar, made safe to put in a path: only letters,
/// digits and dashes survive (our ids are UUIDs).
pub fn path_part(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// The browser's `fetch`, wrapped. Only this module (and `session`, for the
/// refresh) touches it.
pub(crate) mod transport {
    use super::{ApiError, Reply};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Request, RequestCredentials, RequestInit, RequestMode, Response};

    /// Send one request; the status, the body text and any `Retry-After`,
    /// or `Offline` when nothing came back.
    pub async fn send(
        method: &str,
        url: &str,
        json: Option<String>,
        bearer: Option<&str>,
    ) -> Result<Reply, ApiError> {
        let window = web_sys::window().ok_or(ApiError::Offline)?;
        if !window.navigator().on_line() {
            return Err(ApiError::Offline);
        }

        let init = RequestInit::new();
        init.set_method(method);
        init.set_mode(RequestMode::SameOrigin);
        // Same-origin credentials: the refresh cookie (HttpOnly, path
        // /api/auth) goes with the auth calls and nowhere else.
        init.set_credentials(RequestCredentials::SameOrigin);
        if let Some(json) = &json {
            init.set_body(&wasm_bindgen::JsValue::from_str(json));
        }
        let request =
            Request::new_with_str_and_init(url, &init).map_err(|_| ApiError::BadRequestBody)?;
        let headers = request.headers();
        let set = |name: &str, value: &str| {
            headers
                .set(name, value)
                .map_err(|_| ApiError::BadRequestBody)
        };
        if json.is_some() {
            set("Content-Type", "application/json")?;
        }
        set("Accept", "application/json")?;
        if let Some(token) = bearer {
            set("Authorization", &format!("Bearer {token}"))?;
        }

        // fetch() rejects only when no answer came back at all.
        let response = JsFuture::from(window.fetch_with_request(&request))
            .await
            .map_err(|_| ApiError::Offline)?;
        let response: Response = response.dyn_into().map_err(|_| ApiError::UnexpectedReply)?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get("Retry-After")
            .ok()
            .flatten()
            .and_then(|v| v.trim().parse::<u64>().ok());
        let text = response.text().map_err(|_| ApiError::UnexpectedReply)?;
        let text = JsFuture::from(text).await.map_err(|_| ApiError::Offline)?;
        Ok(Reply {
            status,
            body: text.as_string().unwrap_or_default(),
            retry_after,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use shared::api::Health;

    #[test]
    fn urls_live_under_api() {
        assert_eq!(url("/councils"), "/api/councils");
        assert_eq!(url("councils/bexley/teams"), "/api/councils/bexley/teams");
    }

    #[test]
    fn success_decodes_the_shared_type() {
        let h: Health = decode(200, r#"{"status":"ok","database":"sqlite"}"#).unwrap();
        assert_eq!(h.status, "ok");
        let list: Vec<Council> = decode(
            200,
            r#"[{"slug":"bexley","name":"Bexley","duty_phone":"020 8303 7777","time_zone":"Europe/London"}]"#,
        )
        .unwrap();
        assert_eq!(list[0].duty_phone, "020 8303 7777");
    }

    #[test]
    fn no_content_decodes_to_unit() {
        let unit: () = decode(204, "").unwrap();
        assert_eq!(unit, ());
    }

    #[test]
    fn a_surprising_success_body_is_our_fault() {
        let err = decode::<Health>(200, "<html>").unwrap_err();
        assert_eq!(err, ApiError::UnexpectedReply);
        assert_eq!(err.message(), OUR_FAULT_MESSAGE);
    }

    #[test]
    fn error_body_message_is_shown_to_the_person() {
        let err = decode::<Health>(
            422,
            r#"{"error":"validation","message":"Your password needs at least 8 characters.","field":"password"}"#,
        )
        .unwrap_err();
        assert_eq!(err.message(), "Your password needs at least 8 characters.");
        assert_eq!(err.code(), Some("validation"));
        assert_eq!(err.field(), Some("password"));
        assert_eq!(err.status(), Some(422));
        assert_eq!(err.to_string(), err.message());
    }

    #[test]
    fn error_body_without_field_still_decodes() {
        let err = decode::<Council>(
            404,
            r#"{"error":"not_found","message":"We can't find that council."}"#,
        )
        .unwrap_err();
        assert_eq!(err.field(), None);
        assert_eq!(err.code(), Some("not_found"));
        assert_eq!(err.message(), "We can't find that council.");
    }

    #[test]
    fn error_without_body_gets_plain_words_for_its_status() {
        let err = decode::<Health>(502, "<html>Bad gateway</html>").unwrap_err();
        assert_eq!(err, ApiError::Status { status: 502 });
        assert_eq!(err.message(), status_message(502));
        assert_eq!(
            decode::<Health>(401, "").unwrap_err().message(),
            "Please sign in again."
        );
        assert!(decode::<Health>(401, "").unwrap_err().needs_sign_in());
        assert_eq!(status_message(599), OUR_FAULT_MESSAGE);
    }

    #[test]
    fn empty_server_message_falls_back_to_status_words() {
        let err = decode::<Health>(429, r#"{"error":"rate_limited","message":"  "}"#).unwrap_err();
        assert_eq!(err.message(), status_message(429));
    }

    #[test]
    fn offline_says_so_kindly() {
        assert_eq!(ApiError::Offline.message(), OFFLINE_MESSAGE);
        assert!(ApiError::Offline
            .message()
            .starts_with("You seem to be offline"));
        assert_eq!(ApiError::Offline.status(), None);
    }

    #[test]
    fn too_many_tries_says_how_long_to_wait() {
        let reply = Reply {
            status: 429,
            body: r#"{"error":"too_many_requests","message":"Too many tries. Wait 300 seconds and try again."}"#.into(),
            retry_after: Some(300),
        };
        let err = decode_reply::<Health>(&reply).unwrap_err();
        assert_eq!(err, ApiError::TooManyTries { wait_secs: 300 });
        assert_eq!(err.status(), Some(429));
        assert_eq!(
            err.message(),
            "Too many tries. Please wait 5 minutes, then try again."
        );
        // Without Retry-After the server's own words stand.
        let err = decode_reply::<Health>(&Reply {
            retry_after: None,
            ..reply
        })
        .unwrap_err();
        assert!(err.message().contains("300 seconds"));
    }

    #[test]
    fn wait_words_round_up_to_minutes() {
        assert_eq!(wait_words(0), "a second");
        assert_eq!(wait_words(30), "30 seconds");
        assert_eq!(wait_words(60), "1 minute");
        assert_eq!(wait_words(61), "2 minutes");
        assert_eq!(wait_words(299), "5 minutes");
    }

    #[test]
    fn ids_from_the_address_bar_cannot_escape_their_path() {
        assert_eq!(
            path_part("4e7a4c72-4821-451f-a54d-c329ede36706"),
            "4e7a4c72-4821-451f-a54d-c329ede36706"
        );
        assert_eq!(path_part("../staff?x=1"), "staffx1");
        assert_eq!(path_part("%2e%2e"), "2e2e");
    }

    #[test]
    fn not_found_is_recognised() {
        let err = decode::<Health>(
            404,
            r#"{"error":"not_found","message":"We could not find that."}"#,
        )
        .unwrap_err();
        assert!(err.is_not_found());
        assert!(!err.needs_sign_in());
    }
}
