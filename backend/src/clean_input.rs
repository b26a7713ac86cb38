//! The edge check every API request passes before its handler runs: no
//! control characters (NUL above all) and no bidi overrides in the path,
//! the query or any string of a JSON body, and path ids that are the shape of an id. Nothing that
//! fails reaches a handler or a database: PostgreSQL refuses a NUL byte
//! with an error that is no fault of the database, and no query should
//! ever run on an id that cannot exist.
//!
//! Free text has its own rules too (text with nothing visible), applied per
//! field by `shared::text_checks`.

use crate::error::ApiError;
use actix_web::dev::{Payload, ServiceRequest};
use actix_web::web;
use serde_json::Value;

/// The longest id or slug any endpoint takes in its path.
const ID_MAX_CHARS: usize = 100;

/// What a young person is told when something they sent has a hidden
/// control character in it.
const HIDDEN_CHARACTER: &str =
    "This has a hidden character in it that can't be saved. Take it out (or type it again) and try again.";
const NOT_AN_ID: &str = "This link is not right. Go back and try again.";

/// Control characters other than the line breaks and tabs people type, and
/// the bidi embeddings, overrides and isolates that make text read
/// differently from what was checked (the marks U+200E/U+200F that
/// keyboards type for mixed Arabic and English stay allowed).
fn is_refused(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn has_refused(s: &str) -> bool {
    s.chars().any(is_refused)
}

/// An id or slug: ASCII letters, digits, `-` and `_`. Every id the API
/// gives out is a UUID or a slug, so anything else names nothing.
fn is_id_shaped(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= ID_MAX_CHARS
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Checks the request's path parameters, query and JSON body. The body is
/// read once and put back for the handler's own extractor.
pub async fn check(req: &mut ServiceRequest) -> Result<(), ApiError> {
    for (name, value) in req.match_info().iter() {
        if !is_id_shaped(value) {
            return Err(ApiError::validation(name, NOT_AN_ID));
        }
    }
    for (key, value) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
        if has_refused(&key) || has_refused(&value) {
            return Err(ApiError::validation(
                key.replace(is_refused, ""),
                HIDDEN_CHARACTER,
            ));
        }
    }
    if !has_body(req) {
        return Ok(());
    }
    let bytes = req.extract::<web::Bytes>().await.map_err(|e| {
        match e.as_response_error().status_code().as_u16() {
            413 => ApiError::PayloadTooLarge,
            _ => ApiError::bad_request("The request body could not be read."),
        }
    })?;
    // Not JSON: the handler's extractor answers that in its own words.
    let found = serde_json::from_slice::<Value>(&bytes)
        .ok()
        .and_then(|v| refused_field(&v, String::new()));
    req.set_payload(Payload::from(bytes));
    match found {
        Some(field) => Err(ApiError::validation(field, HIDDEN_CHARACTER)),
        None => Ok(()),
    }
}

fn has_body(req: &ServiceRequest) -> bool {
    let headers = req.headers();
    headers.contains_key(actix_web::http::header::TRANSFER_ENCODING)
        || headers
            .get(actix_web::http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim() != "0")
}

/// The first field (as a dotted path, `answers.2.text`) whose key or string
/// value has a refused character; `body` when it is the whole body.
fn refused_field(v: &Value, path: String) -> Option<String> {
    let here = |p: String| if p.is_empty() { "body".to_owned() } else { p };
    match v {
        Value::String(s) => has_refused(s).then(|| here(path)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| refused_field(item, join(&path, &i.to_string()))),
        Value::Object(map) => map.iter().find_map(|(k, item)| {
            if has_refused(k) {
                Some(here(path.clone()))
            } else {
                refused_field(item, join(&path, k))
            }
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_are_uuids_or_slugs() {
        assert!(is_id_shaped("0b6c2f1e-4d1a-4c55-9a8e-3f0e1d2c3b4a"));
        assert!(is_id_shaped("setting-up-home"));
        assert!(!is_id_shaped(""));
        assert!(!is_id_shaped("abc\0"));
        assert!(!is_id_shaped("abc def"));
        assert!(!is_id_shaped("ab'c"));
        assert!(!is_id_shaped("аbc")); // Cyrillic а
        assert!(!is_id_shaped(&"a".repeat(101)));
    }

    #[test]
    fn the_field_with_a_control_character_is_named() {
        let v = json!({"title": "ok", "answers": [{"text": "fine"}, {"text": "bad\u{0}"}]});
        assert_eq!(
            refused_field(&v, String::new()).as_deref(),
            Some("answers.1.text")
        );
        let v = json!({"body": "line one\nline two\ttabbed\r\n"});
        assert_eq!(refused_field(&v, String::new()), None);
        let v = json!({"body": "bell\u{7}"});
        assert_eq!(refused_field(&v, String::new()).as_deref(), Some("body"));
        let v = json!({"body": "c1\u{85}"});
        assert_eq!(refused_field(&v, String::new()).as_deref(), Some("body"));
        let v = json!({"title": "abc\u{202E}cba"});
        assert_eq!(refused_field(&v, String::new()).as_deref(), Some("title"));
        let v = json!({"title": "\u{200F}مرحبا hello"});
        assert_eq!(refused_field(&v, String::new()), None);
        let v = json!("\u{0}");
        assert_eq!(refused_field(&v, String::new()).as_deref(), Some("body"));
    }
}
