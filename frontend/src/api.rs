//! The one HTTP client. Every call goes through [`get`] or [`post`], generic
//! over the `shared::api` types the server sends, so both sides decode the
//! same structs.
//!
//! Failures become an [`ApiError`] whose [`ApiError::message`] is safe to show
//! to a young person: the server's own words when it sent an
//! `ErrorBody`, otherwise plain words chosen here.

use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::api::{Council, ErrorBody};
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
            ApiError::Status { status } => status_message(*status).to_string(),
            ApiError::UnexpectedReply | ApiError::BadRequestBody => OUR_FAULT_MESSAGE.to_string(),
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Server { status, .. } | ApiError::Status { status } => Some(*status),
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

/// The full address for an API path: `"/councils"` -> `"/api/councils"`.
pub fn url(path: &str) -> String {
    let path = path.trim_start_matches('/');
    format!("{API_BASE}/{path}")
}

/// Turn a status code and the body text into a value or an [`ApiError`].
/// Plain Rust, so it is tested without a browser.
pub fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
    if (200..300).contains(&status) {
        // 204 No Content: let `()` and `Option` decode from "null".
        let body = if body.trim().is_empty() { "null" } else { body };
        serde_json::from_str(body).map_err(|_| ApiError::UnexpectedReply)
    } else {
        Err(match serde_json::from_str::<ErrorBody>(body) {
            Ok(body) => ApiError::Server { status, body },
            Err(_) => ApiError::Status { status },
        })
    }
}

/// `GET /api{path}`.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let (status, body) = transport::send("GET", &url(path), None).await?;
    decode(status, &body)
}

/// `POST /api{path}` with a JSON body.
pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let json = serde_json::to_string(body).map_err(|_| ApiError::BadRequestBody)?;
    let (status, body) = transport::send("POST", &url(path), Some(json)).await?;
    decode(status, &body)
}

// Typed calls, one per endpoint, so pages never spell out paths.

/// `GET /api/councils`.
pub async fn councils() -> Result<Vec<Council>, ApiError> {
    get("/councils").await
}

/// `GET /api/councils/{slug}`.
pub async fn council(slug: &str) -> Result<Council, ApiError> {
    get(&format!("/councils/{slug}")).await
}

/// `GET /api/councils/{slug}/teams`.
pub async fn teams(slug: &str) -> Result<Vec<shared::api::Team>, ApiError> {
    get(&format!("/councils/{slug}/teams")).await
}

/// The browser's `fetch`, wrapped. Only this module touches it.
mod transport {
    use super::ApiError;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Request, RequestCredentials, RequestInit, RequestMode, Response};

    /// Send one request; the status and the body text, or `Offline` when
    /// nothing came back.
    pub async fn send(
        method: &str,
        url: &str,
        json: Option<String>,
    ) -> Result<(u16, String), ApiError> {
        let window = web_sys::window().ok_or(ApiError::Offline)?;
        if !window.navigator().on_line() {
            return Err(ApiError::Offline);
        }

        let init = RequestInit::new();
        init.set_method(method);
        init.set_mode(RequestMode::SameOrigin);
        init.set_credentials(RequestCredentials::SameOrigin);
        let request = match json {
            Some(json) => {
                init.set_body(&wasm_bindgen::JsValue::from_str(&json));
                let request = Request::new_with_str_and_init(url, &init)
                    .map_err(|_| ApiError::BadRequestBody)?;
                request
                    .headers()
                    .set("Content-Type", "application/json")
                    .map_err(|_| ApiError::BadRequestBody)?;
                request
            }
            None => {
                Request::new_with_str_and_init(url, &init).map_err(|_| ApiError::BadRequestBody)?
            }
        };
        request
            .headers()
            .set("Accept", "application/json")
            .map_err(|_| ApiError::BadRequestBody)?;

        // fetch() rejects only when no answer came back at all.
        let response = JsFuture::from(window.fetch_with_request(&request))
            .await
            .map_err(|_| ApiError::Offline)?;
        let response: Response = response.dyn_into().map_err(|_| ApiError::UnexpectedReply)?;
        let status = response.status();
        let text = response.text().map_err(|_| ApiError::UnexpectedReply)?;
        let text = JsFuture::from(text).await.map_err(|_| ApiError::Offline)?;
        Ok((status, text.as_string().unwrap_or_default()))
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
}
