//! Free text that someone writes for others to read, checked one way for
//! every field: trimmed, no hidden or direction-changing characters, some
//! words that can be seen, not too long, stored in NFC (the rules are
//! `shared::forum::{required_text, optional_text}`, which the app's hints
//! use too). The error names the field.

use crate::error::ApiError;
use shared::forum::{optional_text, required_text};

/// A text that must be given; `what` names it in the message ("a title").
pub fn required(field: &str, text: &str, max: usize, what: &str) -> Result<String, ApiError> {
    required_text(text, max, what).map_err(|m| ApiError::validation(field, m))
}

/// A text that may be left out (blank is none).
pub fn optional(field: &str, text: Option<&str>, max: usize) -> Result<Option<String>, ApiError> {
    optional_text(text, max).map_err(|m| ApiError::validation(field, m))
}
