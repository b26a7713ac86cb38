//! The transport under the app's HTTP client: what a failed call becomes
//! ([`ApiError`], with words safe to show a young person), the reply as it
//! came ([`Reply`]), decoding a reply into a declared type, and the browser's
//! `fetch` ([`transport`]).
//!
//! A leaf: it knows nothing of the session, so [`crate::session`] (which
//! refreshes the token through it) and [`crate::feedback_drafts`] (which
//! decodes what it kept) use it without going back through [`crate::api`].

use crate::i18n::{t, tf, words_for};
use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::api::ErrorBody;
use shared::endpoints::{Endpoint, Method, Url};
use std::fmt;

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
    /// 429: a posting limit (posting or sending too often); the server's
    /// words say what happened and when they can go on.
    PostingLimit { wait_secs: u64, body: ErrorBody },
    /// The server answered with an error status but no `ErrorBody` (a proxy
    /// page, for example).
    Status { status: u16 },
    /// The server's answer was not what this version of the app expects.
    UnexpectedReply,
    /// The app could not write the request (a bug, not the person's fault).
    BadRequestBody,
}

/// The error code of a flood limit (the server's `ApiError::Slow`).
pub const POSTING_LIMIT: &str = "posting_limit";

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
            // The server's words carry numbers, so no catalogue entry
            // matches them: other languages get the same news from the wait.
            ApiError::PostingLimit { wait_secs, body } => match crate::i18n::language() {
                crate::i18n::Lang::En => body.message.clone(),
                _ => tf(
                    "errors-posting-limit-wait",
                    &[("wait", &wait_words(*wait_secs))],
                ),
            },
            ApiError::Status { status } => status_message(*status),
            ApiError::UnexpectedReply | ApiError::BadRequestBody => t("errors-our-fault"),
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Server { status, .. } | ApiError::Status { status } => Some(*status),
            ApiError::TooManyTries { .. } | ApiError::PostingLimit { .. } => Some(429),
            _ => None,
        }
    }

    /// The server's machine-readable code (`validation`, `not_found`, ...).
    pub fn code(&self) -> Option<&str> {
        match self {
            ApiError::Server { body, .. } | ApiError::PostingLimit { body, .. } => {
                Some(body.error.as_str())
            }
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
        // A posting limit's words say what happened and when they can
        // post again: shown as they are, not as "too many tries".
        Err(match from_json::<ErrorBody>(body) {
            Some(body) if body.error == POSTING_LIMIT => ApiError::PostingLimit { wait_secs, body },
            _ => ApiError::TooManyTries { wait_secs },
        })
    } else {
        Err(match from_json::<ErrorBody>(body) {
            Some(body) => ApiError::Server { status, body },
            None => ApiError::Status { status },
        })
    }
}

pub fn to_json<B: Serialize>(body: &B) -> Result<String, ApiError> {
    serde_json::to_string(body).map_err(|_| ApiError::BadRequestBody)
}

/// The JSON body of a call of `E`: none for a GET or a DELETE, and none
/// when the declaration takes no body (`()`).
pub fn body_of<E: Endpoint>(body: &E::Request) -> Result<Option<String>, ApiError>
where
    E::Request: Serialize,
{
    if matches!(E::META.method, Method::Get | Method::Delete) {
        return Ok(None);
    }
    let json = to_json(body)?;
    Ok((json != "null").then_some(json))
}

/// One call of `E` with no sign-in and no retry: signing in, activating,
/// refreshing. The method is the declaration's.
pub async fn send_public<E: Endpoint>(url: Url<E>, body: &E::Request) -> Result<Reply, ApiError>
where
    E::Request: Serialize,
{
    let json = body_of::<E>(body)?;
    transport::send(E::META.method.as_str(), url.as_str(), json, None).await
}

/// The text of a successful reply that is not JSON (a declaration's
/// [`shared::endpoints::Raw`]: a calendar file), or the error it carries.
pub fn raw_text(reply: &Reply) -> Result<String, ApiError> {
    if (200..300).contains(&reply.status) {
        Ok(reply.body.clone())
    } else {
        Err(success_body(reply)
            .err()
            .unwrap_or(ApiError::UnexpectedReply))
    }
}

/// The browser's `fetch`, wrapped. Only this module (and `session`, for the
/// refresh) touches it.
pub mod transport {
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
    use shared::api::{Council, Health};
    use shared::endpoints as ep;

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
    fn a_posting_limit_shows_the_server_s_words_with_when() {
        let message = "You've started a lot of conversations in the last hour. You can start another one in 12 minutes.";
        let reply = Reply {
            status: 429,
            body: format!(r#"{{"error":"posting_limit","message":"{message}"}}"#),
            retry_after: Some(720),
        };
        let err = decode_reply::<Health>(&reply).unwrap_err();
        assert_eq!(err.status(), Some(429));
        assert_eq!(err.message(), message);
        assert_eq!(err.code(), Some(POSTING_LIMIT));
        // In Arabic, the same news from the wait.
        let ar = crate::i18n::in_language(crate::i18n::Lang::Ar, || err.message());
        assert!(ar.contains("12 دقيقة"), "{ar}");
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
    fn not_found_is_recognised() {
        let err = decode::<Health>(
            404,
            r#"{"error":"not_found","message":"We could not find that."}"#,
        )
        .unwrap_err();
        assert!(err.is_not_found());
        assert!(!err.needs_sign_in());
    }

    #[test]
    fn a_body_goes_only_where_the_declaration_takes_one() {
        let login = shared::accounts::LoginRequest {
            username: "a".into(),
            password: "b".into(),
        };
        assert!(body_of::<ep::auth::Login>(&login).unwrap().is_some());
        assert_eq!(body_of::<ep::auth::Logout>(&()).unwrap(), None);
        assert_eq!(body_of::<ep::me::Me>(&()).unwrap(), None);
        assert_eq!(body_of::<ep::forum::DeletePost>(&()).unwrap(), None);
    }

    #[test]
    fn a_raw_reply_is_its_text_or_its_error() {
        let ok = Reply {
            status: 200,
            body: "BEGIN:VCALENDAR".into(),
            retry_after: None,
        };
        assert_eq!(raw_text(&ok).unwrap(), "BEGIN:VCALENDAR");
        let gone = Reply {
            status: 404,
            body: r#"{"error":"not_found","message":"No review is booked."}"#.into(),
            retry_after: None,
        };
        assert!(raw_text(&gone).unwrap_err().is_not_found());
    }
}
