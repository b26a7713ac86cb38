//! Sharing words that fail the plain-language check: allowed only with a
//! reason (plans and review outcomes alike).

use crate::error::ApiError;
use shared::limits::{OVERRIDE_REASON_MAX_CHARS, REASON_MIN_CHARS};

/// The reason given, trimmed; `None` when left empty.
pub(crate) fn reason(given: Option<&str>) -> Option<&str> {
    given.map(str::trim).filter(|r| !r.is_empty())
}

/// Passes when nothing fails the check, or when a reason of the right
/// length says why the words must stay; `missing` says what fails, for
/// when there is no reason.
pub(crate) fn check(
    failing: &[&str],
    given: Option<&str>,
    missing: impl FnOnce(&[&str]) -> String,
) -> Result<(), ApiError> {
    if failing.is_empty() {
        return Ok(());
    }
    let field = "override_reason";
    match reason(given) {
        None => Err(ApiError::validation(field, missing(failing))),
        Some(r) if r.chars().count() < REASON_MIN_CHARS => Err(ApiError::validation(
            field,
            format!("Say a little more about why (at least {REASON_MIN_CHARS} characters)."),
        )),
        Some(r) if r.chars().count() > OVERRIDE_REASON_MAX_CHARS => Err(ApiError::validation(
            field,
            format!("Keep the reason to {OVERRIDE_REASON_MAX_CHARS} characters or fewer."),
        )),
        Some(_) => Ok(()),
    }
}
