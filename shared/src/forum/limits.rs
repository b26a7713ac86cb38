//! The size limits of forum texts, ages, pages and figures, and the checks
//! of a text against a limit.

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

/// Trims, and checks a required text is there and not too long. The error
/// is a message for a person.
pub fn required_text(text: &str, max: usize, what: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("Write {what}."));
    }
    let n = t.chars().count();
    if n > max {
        return Err(format!(
            "This is {n} characters long. Keep {what} to {max} characters or fewer."
        ));
    }
    Ok(t.to_owned())
}

/// Trims an optional text (blank is none) and checks its length.
pub fn optional_text(text: Option<&str>, max: usize) -> Result<Option<String>, String> {
    let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let n = t.chars().count();
    if n > max {
        return Err(format!(
            "This is {n} characters long. Keep it to {max} characters or fewer."
        ));
    }
    Ok(Some(t.to_owned()))
}
