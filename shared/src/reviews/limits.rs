//! The size limits of forms, answers and messages, the office hours of
//! safeguarding alerts, and the error a value outside them gives.

/// The longest free-text answer any form may allow, in characters.
pub const TEXT_HARD_MAX: usize = 2000;
/// A text question's limit when the form does not say.
pub const TEXT_DEFAULT_MAX: usize = 1000;
/// At most this many answers in one form.
pub const ANSWERS_MAX: usize = 60;
pub const QUESTIONS_MAX: usize = 40;
pub const KEY_MAX: usize = 40;
pub const TITLE_MAX: usize = 100;
pub const INTRO_MAX: usize = 1000;
pub const PROMPT_MAX: usize = 300;
pub const HELP_MAX: usize = 500;
pub const OPTION_LABEL_MAX: usize = 80;
pub const OPTIONS_MAX: usize = 12;
pub const PLACE_MAX: usize = 200;
pub const INVITED_MAX: usize = 20;
pub const INVITED_NAME_MAX: usize = 100;
/// Outcomes and decisions of a review, each.
pub const OUTCOME_MAX: usize = 4000;
/// A "you said, we did" answer, a request for an earlier review, a
/// response to a safeguarding alert.
pub const MESSAGE_MAX: usize = 2000;
/// Groups with fewer answers than this are never shown in totals.
pub const MIN_GROUP: u32 = 5;
/// Childline, free, any time (shown with the kind message).
pub const CHILDLINE_PHONE: &str = "0800 1111";
/// Office hours for safeguarding alerts, minutes after local midnight,
/// Monday to Friday except bank holidays. Outside them the duty team is
/// alerted instead of the named worker.
pub const OFFICE_OPENS_MINUTE: u32 = 9 * 60;
pub const OFFICE_CLOSES_MINUTE: u32 = 17 * 60;

/// A value that is not acceptable, and the request field it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Length in characters (what a person counts), not bytes.
pub(crate) fn chars(s: &str) -> usize {
    s.chars().count()
}
