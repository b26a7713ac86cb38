//! The size limits of forum texts, ages, pages and figures, and the checks
//! of a text against a limit.

use unicode_normalization::UnicodeNormalization;

use crate::text_checks::text_problem;

/// A thread's title.
pub const TITLE_MAX_CHARS: usize = 120;
/// A post's text.
pub const BODY_MAX_CHARS: usize = 4000;
/// Reasons (a report's, a moderator's) and short notes.
pub const REASON_MAX_CHARS: usize = 500;
pub const DISPLAY_NAME_MIN_CHARS: usize = 3;
pub const DISPLAY_NAME_MAX_CHARS: usize = 24;
/// A space's name, an event's or a poll's title.
pub const NAME_MAX_CHARS: usize = 120;
/// A space's, event's or poll's description; "you said, we did".
pub const DESCRIPTION_MAX_CHARS: usize = 4000;
pub const LOCATION_MAX_CHARS: usize = 200;
pub const POLL_OPTIONS_MAX: usize = 10;
pub const POLL_OPTION_MAX_CHARS: usize = 120;
/// A watched word or phrase, and how many a council may have.
pub const WATCHED_WORD_MAX_CHARS: usize = 60;
pub const WATCHED_WORDS_MAX: usize = 1000;
/// Suspensions, in whole days.
pub const SUSPENSION_DAYS_MAX: u32 = 90;
/// The youngest and oldest ages a space may be for.
pub const YOUNGEST: u32 = 4;
pub const OLDEST: u32 = 25;
/// Items in one page of threads, posts or log entries.
pub const PAGE_DEFAULT: u64 = 20;
pub const PAGE_MAX: u64 = 50;
/// Participation figures under this are not shown.
pub const SUPPRESS_BELOW: u32 = 5;
pub const CHILDLINE_PHONE: &str = "0800 1111";

/// Trims, checks a required text is there, safe to show ([`text_problem`])
/// and not too long, and gives it back in NFC (so the same words are stored
/// the same way however the keyboard composed them). The error is a message
/// for a person.
pub fn required_text(text: &str, max: usize, what: &str) -> Result<String, String> {
    // Only ordinary spaces: the plain "Write ..." is the clearest answer.
    if text.trim().is_empty() && text.chars().all(|c| c.is_ascii_whitespace()) {
        return Err(format!("Write {what}."));
    }
    if let Some(problem) = text_problem(text) {
        return Err(problem.to_owned());
    }
    let t: String = text.trim().nfc().collect();
    if t.is_empty() {
        return Err(format!("Write {what}."));
    }
    let n = t.chars().count();
    if n > max {
        return Err(format!(
            "This is {n} characters long. Keep {what} to {max} characters or fewer."
        ));
    }
    Ok(t)
}

/// Trims an optional text (blank is none), checks it is safe to show
/// ([`text_problem`]) and not too long, and gives it back in NFC.
pub fn optional_text(text: Option<&str>, max: usize) -> Result<Option<String>, String> {
    let Some(text) = text.filter(|t| !t.trim().is_empty() || !t.is_ascii()) else {
        return Ok(None);
    };
    if let Some(problem) = text_problem(text) {
        return Err(problem.to_owned());
    }
    let t: String = text.trim().nfc().collect();
    if t.is_empty() {
        return Ok(None);
    }
    let n = t.chars().count();
    if n > max {
        return Err(format!(
            "This is {n} characters long. Keep it to {max} characters or fewer."
        ));
    }
    Ok(Some(t))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn required_text_refuses_hidden_and_invisible_text() {
        assert_eq!(
            required_text("   ", 10, "a title"),
            Err("Write a title.".to_owned())
        );
        assert_eq!(
            required_text("", 10, "a title"),
            Err("Write a title.".to_owned())
        );
        let invisible = required_text("\u{200b}\u{200b}", 10, "a title").unwrap_err();
        assert!(invisible.contains("words we can see"), "{invisible}");
        let nbsp = required_text("\u{a0}\u{3000}", 10, "a title").unwrap_err();
        assert!(nbsp.contains("words we can see"), "{nbsp}");
        for t in ["hi\u{0}there", "abc\u{202e}def", "\u{2066}x\u{2069}"] {
            let e = required_text(t, 50, "a title").unwrap_err();
            assert!(e.contains("hidden characters"), "{t}: {e}");
        }
        assert_eq!(
            required_text("  line one\r\n\tline two ", 50, "a post"),
            Ok("line one\r\n\tline two".to_owned())
        );
    }

    #[test]
    fn texts_are_stored_nfc() {
        assert_eq!(
            required_text(" cafe\u{301} ", 10, "a title"),
            Ok("caf\u{e9}".to_owned())
        );
        assert_eq!(
            optional_text(Some("cafe\u{301}"), 10),
            Ok(Some("caf\u{e9}".to_owned()))
        );
        // The limit counts what is stored.
        assert!(required_text(&"e\u{301}".repeat(10), 10, "a title").is_ok());
    }

    #[test]
    fn optional_text_blank_and_problems() {
        assert_eq!(optional_text(None, 10), Ok(None));
        assert_eq!(optional_text(Some("  "), 10), Ok(None));
        assert!(optional_text(Some("\u{200b}"), 10).is_err());
        assert!(optional_text(Some("a\u{202e}b"), 10).is_err());
        assert!(optional_text(Some("a\u{1}b"), 10).is_err());
        assert_eq!(optional_text(Some(" ok "), 10), Ok(Some("ok".to_owned())));
    }
}
