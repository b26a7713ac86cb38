//! The display names young people choose: checked to keep them safe, and
//! kept unique.

use super::limits::{DISPLAY_NAME_MAX_CHARS, DISPLAY_NAME_MIN_CHARS};
use crate::text_checks::{self, WatchedWord};

/// Lower-case letters and digits only.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

const RESERVED_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "moderator",
    "staff",
    "council",
    "official",
    "participation",
    "positivejourneys",
    "socialworker",
    "childline",
];

/// Checks a display name a young person chose, and tidies its spaces.
///
/// 3 to 24 characters: letters, digits, spaces, `-`, `_`, `.` and `'`, with
/// at least one letter. Not their real name (unless they are allowed to
/// and chose to), no personal details (a handle, a phone number, a school),
/// no run of 4 digits or more (a year of birth, part of a phone number), no
/// watched word of any tier, nothing that suggests harm, not a name that
/// looks official. The error is a message for the young person.
pub fn check_display_name(
    name: &str,
    preferred_name: &str,
    may_use_real_name: bool,
    watched: &[WatchedWord],
) -> Result<String, String> {
    let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = tidy.chars().count();
    if !(DISPLAY_NAME_MIN_CHARS..=DISPLAY_NAME_MAX_CHARS).contains(&n) {
        return Err(format!(
            "Choose a name of {DISPLAY_NAME_MIN_CHARS} to {DISPLAY_NAME_MAX_CHARS} letters."
        ));
    }
    if !tidy
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '\''))
    {
        return Err("Use letters, numbers, spaces and - _ . ' only in your forum name.".to_owned());
    }
    if !tidy.chars().any(char::is_alphabetic) {
        return Err("Put at least one letter in your forum name.".to_owned());
    }
    let mut run = 0;
    for c in tidy.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 4 {
            return Err(
                "Leave out long numbers: they can be part of a phone number or a birthday."
                    .to_owned(),
            );
        }
    }
    let squashed = squash(&tidy);
    let real = squash(preferred_name);
    if !may_use_real_name && real.chars().count() >= 2 && squashed.contains(&real) {
        return Err(
            "This looks like your real name. To keep you safe, choose a name that is not your real one."
                .to_owned(),
        );
    }
    if RESERVED_NAMES.iter().any(|r| squashed.contains(r)) {
        return Err("Choose a name that does not sound like staff or the council.".to_owned());
    }
    let scan = text_checks::scan(&tidy, watched);
    if !scan.personal_details.is_empty() {
        return Err(
            "This looks like a way to find you (a handle, a number or a place). Choose a name that does not say who or where you are."
                .to_owned(),
        );
    }
    if !scan.watched.is_empty() || scan.suggests_harm {
        return Err("Choose a kinder name.".to_owned());
    }
    Ok(tidy)
}

/// The key that keeps display names unique within a council.
pub fn display_name_key(name: &str) -> String {
    squash(name)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::text_checks::default_watched_words;

    #[test]
    fn display_names() {
        let w = default_watched_words();
        assert_eq!(
            check_display_name("  Blue   Fox ", "Aisha", false, &w),
            Ok("Blue Fox".to_owned())
        );
        assert!(check_display_name("Aisha", "Aisha", false, &w).is_err());
        assert!(check_display_name("aisha_14", "Aisha", false, &w).is_err());
        assert!(check_display_name("Marcus", "Marcus", true, &w).is_ok());
        assert!(check_display_name("ab", "Leo", false, &w).is_err());
        assert!(check_display_name(&"x".repeat(25), "Leo", false, &w).is_err());
        assert!(check_display_name("Fox 2011", "Leo", false, &w).is_err());
        assert!(check_display_name("@foxy", "Leo", false, &w).is_err());
        assert!(check_display_name("foxy<script>", "Leo", false, &w).is_err());
        assert!(check_display_name("Stupid Fox", "Leo", false, &w).is_err());
        assert!(check_display_name("The Moderator", "Leo", false, &w).is_err());
        assert!(check_display_name("12345", "Leo", false, &w).is_err());
        assert!(check_display_name("Star 12", "Leo", false, &w).is_ok());
        assert_eq!(display_name_key("Blue Fox"), display_name_key("blue-fox"));
    }
}
