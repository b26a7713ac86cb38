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

use crate::i18n::{t, tf, words_for};
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
use shared::offer::{AdminOfferEntry, EntitlementDraft, NewOfferRequest, OfferRequestAnswer};
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
    /// Words to show the person, in their language. The server writes its
    /// messages in English; those a young person may meet have a
    /// translation in `errors.ftl` (keys `server-…`), found by their text.
    pub fn message(&self) -> String {
        match self {
            ApiError::Offline => t("errors-offline"),
            ApiError::Server { status, body } => {
                if body.message.trim().is_empty() {
                    status_message(*status)
                } else {
                    words_for("server-", &body.message)
                }
            }
            ApiError::TooManyTries { wait_secs } => {
                tf("errors-too-many-wait", &[("wait", &wait_words(*wait_secs))])
            }
            ApiError::Status { status } => status_message(*status),
            ApiError::UnexpectedReply | ApiError::BadRequestBody => t("errors-our-fault"),
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
pub fn status_message(status: u16) -> String {
    t(match status {
        400 | 422 => "errors-check-form",
        401 => "errors-sign-in-again",
        403 => "errors-not-for-you",
        404 => "errors-not-found",
        408 | 504 => "errors-too-long",
        409 => "errors-changed-meanwhile",
        413 => "errors-too-big",
        429 => "errors-too-many",
        502 | 503 => "errors-not-working",
        _ => "errors-our-fault",
    })
}

/// "5 minutes", "30 seconds", "1 minute": how long to wait, rounded up to
/// whole minutes from a minute on.
pub fn wait_words(secs: u64) -> String {
    match secs {
        0 | 1 => t("errors-wait-a-second"),
        2..=59 => tf("errors-wait-seconds", &[("n", &secs.to_string())]),
        _ => {
            let minutes = secs.div_ceil(60);
            if minutes == 1 {
                t("errors-wait-a-minute")
            } else {
                tf("errors-wait-minutes", &[("n", &minutes.to_string())])
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
/// The young person's home screen, in one request.
pub const MY_HOME: &str = "/me/home";
/// Staff's home screen: counts of what waits for them.
pub const STAFF_HOME: &str = "/staff/home";
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
    // Nothing of theirs stays on a phone someone else may use next.
    crate::feedback_drafts::clear_all();
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

/// `PUT /api/me/language`: keep my language on the server, so it follows
/// me to every phone I sign in on.
pub async fn save_language(language: shared::language::Language) -> Result<(), ApiError> {
    put::<_, shared::language::LanguageChoice>(
        "/me/language",
        &shared::language::LanguageChoice {
            language: language.as_str().to_string(),
        },
    )
    .await
    .map(drop)
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

/// `GET /api/me/profile`: my own "about me" (staff).
pub const MY_PROFILE: &str = "/me/profile";

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

/// `GET /api/offer/entitlements`: the whole offer for administrators.
pub const ADMIN_OFFER: &str = "/offer/entitlements";

/// `GET /api/offer/changes?entitlement={id}`: one entitlement's versions.
pub fn offer_changes_path(id: &str) -> String {
    format!("/offer/changes?entitlement={}", path_part(id))
}

/// `POST /api/offer/entitlements`: a new entitlement.
pub async fn create_entitlement(draft: &EntitlementDraft) -> Result<AdminOfferEntry, ApiError> {
    post(ADMIN_OFFER, draft).await
}

/// `PUT /api/offer/entitlements/{id}`: a new version of one entitlement.
pub async fn replace_entitlement(
    id: &str,
    draft: &EntitlementDraft,
) -> Result<AdminOfferEntry, ApiError> {
    put(&format!("{ADMIN_OFFER}/{}", path_part(id)), draft).await
}

/// `PATCH /api/offer/requests/{id}`: a worker moves a request on.
pub async fn answer_offer_request(id: &str, answer: &OfferRequestAnswer) -> Result<(), ApiError> {
    patch::<_, Done>(&format!("/offer/requests/{}", path_part(id)), answer)
        .await
        .map(drop)
}

// Positive Journeys (issue 8): the forum, events and polls, moderation.

pub const FORUM_ME: &str = "/forum/me";
pub const FORUM_BLOCKS: &str = "/forum/blocks";
pub const FORUM_EVENTS: &str = "/forum/events";
pub const FORUM_POLLS: &str = "/forum/polls";
pub const MOD_QUEUE: &str = "/forum/moderation/queue";
pub const WATCHED_WORDS: &str = "/forum/moderation/watched-words";
pub const STAFF_EVENTS: &str = "/forum/admin/events";
pub const STAFF_POLLS: &str = "/forum/admin/polls";
pub const FORUM_SPACES_ADMIN: &str = "/forum/admin/spaces";

/// `{base}?{name}={cursor}` for the next page of a list, or `base`.
pub fn page_path(base: &str, name: &str, cursor: Option<&str>) -> String {
    match cursor {
        Some(c) => {
            let sep = if base.contains('?') { '&' } else { '?' };
            format!("{base}{sep}{name}={}", path_part(c))
        }
        None => base.to_string(),
    }
}

/// `/forum/me/posts`, older than a post when given.
pub fn my_posts_path(before: Option<&str>) -> String {
    page_path("/forum/me/posts", "before", before)
}

/// `/forum/spaces/{space}/threads`, older than a thread when given.
pub fn forum_threads_path(space: &str, before: Option<&str>) -> String {
    page_path(
        &format!("/forum/spaces/{}/threads", path_part(space)),
        "before",
        before,
    )
}

/// `/forum/threads/{id}`, posts after one when given.
pub fn forum_thread_path(id: &str, after: Option<&str>) -> String {
    page_path(&format!("/forum/threads/{}", path_part(id)), "after", after)
}

/// `/forum/moderation/threads/{id}`, or the list of threads for `None`.
pub fn mod_thread_path(id: Option<&str>, cursor: Option<&str>) -> String {
    match id {
        Some(id) => page_path(
            &format!("/forum/moderation/threads/{}", path_part(id)),
            "after",
            cursor,
        ),
        None => page_path("/forum/moderation/threads", "before", cursor),
    }
}

/// `/forum/moderation/log`, older than an entry when given.
pub fn mod_log_path(before: Option<&str>) -> String {
    page_path("/forum/moderation/log", "before", before)
}

/// `/forum/participation`, for a period when given (`YYYY-MM-DD`).
pub fn participation_path(from: &str, to: &str) -> String {
    let keep = |d: &str| -> String {
        d.chars()
            .filter(|c| c.is_ascii_digit() || *c == '-')
            .collect()
    };
    let (from, to) = (keep(from), keep(to));
    let mut q = Vec::new();
    if !from.is_empty() {
        q.push(format!("from={from}"));
    }
    if !to.is_empty() {
        q.push(format!("to={to}"));
    }
    if q.is_empty() {
        "/forum/participation".to_string()
    } else {
        format!("/forum/participation?{}", q.join("&"))
    }
}

/// `/forum/admin/events/{id}/signups`.
pub fn event_signups_path(id: &str) -> String {
    format!("/forum/admin/events/{}/signups", path_part(id))
}

/// `/forum/...{id}{tail}`: an action on one record, such as
/// `forum_action("/forum/posts/", id, "/report")`.
pub fn forum_action(base: &str, id: &str, tail: &str) -> String {
    format!("{base}{}{tail}", path_part(id))
}

/// A POST whose reply the page reads.
pub async fn send<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    post(path, body).await
}

/// A POST or PUT whose reply the page does not need (it loads again).
pub async fn send_done<B: Serialize>(put_it: bool, path: &str, body: &B) -> Result<(), ApiError> {
    if put_it {
        put::<_, Done>(path, body).await.map(drop)
    } else {
        post::<_, Done>(path, body).await.map(drop)
    }
}

/// A DELETE whose reply the page does not need.
pub async fn remove(path: &str) -> Result<(), ApiError> {
    delete::<Done>(path).await.map(drop)
}

// Reviews and "good for me" feedback (issue 6).

pub const MY_REVIEWS: &str = "/me/reviews";
/// The iCalendar file of my next review meeting.
pub const MY_REVIEW_CALENDAR: &str = "/me/reviews/next.ics";
/// The form screen for my next review.
pub const MY_FEEDBACK: &str = "/me/feedback";
/// Staff: the reviews of the young people I work with, overdue first.
pub const REVIEWS: &str = "/reviews";
/// Open safeguarding alerts; with `all`, those with a response too.
pub const ALERTS: &str = "/safeguarding-alerts";
pub const ALL_ALERTS: &str = "/safeguarding-alerts?all=true";

/// `/me/feedback?review_id=…`: the form screen of one of my reviews.
pub fn my_feedback_for(review_id: &str) -> String {
    format!("{MY_FEEDBACK}?review_id={}", path_part(review_id))
}

/// `/feedback/insights?period=month|quarter`.
pub fn insights_path(quarters: bool) -> String {
    format!(
        "/feedback/insights?period={}",
        if quarters { "quarter" } else { "month" }
    )
}

/// `POST /api/me/reviews/requests`: "Can my review be sooner?".
pub async fn ask_for_earlier_review(
    message: Option<String>,
) -> Result<shared::reviews::ReviewRequestSent, ApiError> {
    post(
        "/me/reviews/requests",
        &shared::reviews::NewReviewRequest { message },
    )
    .await
}

/// `PUT /api/me/reviews/participation`: how I want to take part.
pub async fn choose_participation(
    review_id: &str,
    participation: shared::reviews::Participation,
) -> Result<(), ApiError> {
    put::<_, Done>(
        "/me/reviews/participation",
        &shared::reviews::MyParticipation {
            review_id: review_id.to_string(),
            participation,
        },
    )
    .await
    .map(drop)
}

/// `PUT /api/me/feedback/draft`: the server's copy of my draft.
pub async fn save_feedback_draft(
    draft: &shared::reviews::SaveDraft,
) -> Result<shared::reviews::DraftView, ApiError> {
    put("/me/feedback/draft", draft).await
}

/// `POST /api/me/feedback`: send my views (idempotent on the
/// submission id).
pub async fn send_feedback(
    body: &shared::reviews::SendFeedback,
) -> Result<shared::reviews::SentFeedback, ApiError> {
    post("/me/feedback", body).await
}

/// `POST /api/people/{id}/reviews`: book a review.
pub async fn book_review(id: &str, review: &shared::reviews::NewReview) -> Result<(), ApiError> {
    post::<_, Done>(&person_path(id, "/reviews"), review)
        .await
        .map(drop)
}

/// `PATCH /api/people/{id}/reviews`: move or cancel a booked review.
pub async fn change_review(
    id: &str,
    change: &shared::reviews::ReviewChange,
) -> Result<(), ApiError> {
    patch::<_, Done>(&person_path(id, "/reviews"), change)
        .await
        .map(drop)
}

/// `POST /api/people/{id}/reviews/outcome`: what was decided.
pub async fn record_review_outcome(
    id: &str,
    outcome: &shared::reviews::ReviewOutcome,
) -> Result<(), ApiError> {
    post::<_, Done>(&person_path(id, "/reviews/outcome"), outcome)
        .await
        .map(drop)
}

/// `POST /api/people/{id}/feedback/answer`: "you said, we did".
pub async fn answer_feedback(
    id: &str,
    answer: &shared::reviews::FeedbackAnswer,
) -> Result<(), ApiError> {
    post::<_, Done>(&person_path(id, "/feedback/answer"), answer)
        .await
        .map(drop)
}

/// Administrators: each feedback form's current version and its history.
pub const FEEDBACK_FORMS: &str = "/feedback/forms";
/// Administrators: the council's review promise.
pub const REVIEW_SETTINGS: &str = "/reviews/settings";

/// `POST /api/feedback/forms`: publish a form as its next version.
pub async fn publish_form(
    def: &shared::reviews::FormDefinition,
) -> Result<shared::reviews::FormVersionView, ApiError> {
    post(FEEDBACK_FORMS, def).await
}

/// `PUT /api/reviews/settings`: the council's review promise.
pub async fn save_review_settings(
    settings: &shared::reviews::ReviewSettings,
) -> Result<shared::review_schedule::ReviewPolicy, ApiError> {
    put(REVIEW_SETTINGS, settings).await
}

/// `POST /api/safeguarding-alerts/response`: what was done.
pub async fn respond_to_alert(response: &shared::reviews::AlertResponse) -> Result<(), ApiError> {
    post::<_, Done>("/safeguarding-alerts/response", response)
        .await
        .map(drop)
}

// Notifications and push (issue 7): the in-app list, my choices, and this
// device's push subscription.

/// My notifications, newest first.
pub const NOTIFICATIONS: &str = "/me/notifications";
/// What reaches my phone, and my quiet hours.
pub const NOTIFICATION_PREFERENCES: &str = "/me/notification-preferences";

/// `POST /api/me/notifications/{id}/read`.
pub async fn mark_notification_read(id: &str) -> Result<(), ApiError> {
    post(&format!("/me/notifications/{}/read", path_part(id)), &()).await
}

/// `POST /api/me/notifications/read-all`.
pub async fn mark_all_notifications_read() -> Result<(), ApiError> {
    post("/me/notifications/read-all", &()).await
}

/// `PUT /api/me/notification-preferences`.
pub async fn save_notification_preferences(
    update: &shared::push::UpdatePreferences,
) -> Result<shared::push::NotificationPreferences, ApiError> {
    put(NOTIFICATION_PREFERENCES, update).await
}

/// `GET /api/push/vapid-public-key`: the key this browser subscribes with.
pub async fn vapid_public_key() -> Result<String, ApiError> {
    get::<shared::push::VapidPublicKey>("/push/vapid-public-key")
        .await
        .map(|k| k.public_key)
}

/// `POST /api/me/push-subscriptions`: this device gets pushes (again: the
/// same endpoint only updates its keys, and answers its id).
pub async fn add_push_subscription(
    sub: &shared::push::NewPushSubscription,
) -> Result<shared::push::PushSubscriptionView, ApiError> {
    post("/me/push-subscriptions", sub).await
}

/// `DELETE /api/me/push-subscriptions/{id}`.
pub async fn remove_push_subscription(id: &str) -> Result<(), ApiError> {
    delete(&format!("/me/push-subscriptions/{}", path_part(id))).await
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
        // Offline, a GET still goes out: the service worker may answer with
        // the copy it kept (see `crate::pwa`). Anything else fails at once.
        if method != "GET" && !window.navigator().on_line() {
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
        if method == "GET" && (200..300).contains(&status) {
            // Set by the service worker on a copy it kept: "Saved on <date>".
            crate::pwa::note_reply(response.headers().get("X-Saved-At").ok().flatten());
        }
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
    fn forum_pages_carry_a_clean_cursor() {
        assert_eq!(my_posts_path(None), "/forum/me/posts");
        assert_eq!(
            forum_threads_path("positive-journeys", Some("a-1&x=2")),
            "/forum/spaces/positive-journeys/threads?before=a-1x2"
        );
        assert_eq!(
            forum_thread_path("t1", Some("p2")),
            "/forum/threads/t1?after=p2"
        );
        assert_eq!(
            mod_thread_path(None, Some("t9")),
            "/forum/moderation/threads?before=t9"
        );
        assert_eq!(
            participation_path("2026-01-01", ""),
            "/forum/participation?from=2026-01-01"
        );
        assert_eq!(participation_path("", ""), "/forum/participation");
        assert_eq!(page_path("/x?a=1", "before", Some("b")), "/x?a=1&before=b");
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
