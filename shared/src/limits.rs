//! Every length limit of a form, in one place: the app's fields read them
//! for `maxlength` and hints, the server checks the same constants, and
//! `FORMS` lists each (form, field) so an HTTP test
//! (`tests/tests/api/limits.rs`) proves both sides agree.
//!
//! Limits are in characters (`chars().count()` of the trimmed text) unless
//! a name says otherwise. Constants of `forum` and `reviews` are re-exported
//! from those modules (they are being split elsewhere); the rest live here
//! and their old modules re-export them.

// ---------------------------------------------------------------------------
// Shared by several forms
// ---------------------------------------------------------------------------

/// A reason given to go past a check (share a plan that fails the
/// plain-language check, record a review outcome in harder words, open a
/// record with "break glass"): long enough to say something.
pub const REASON_MIN_CHARS: usize = 10;
/// The longest such reason.
pub const OVERRIDE_REASON_MAX_CHARS: usize = 2000;

// ---------------------------------------------------------------------------
// Accounts and people
// ---------------------------------------------------------------------------

/// A new password (also `accounts::password_rules`).
pub const PASSWORD_MIN_CHARS: usize = 8;
pub const PASSWORD_MAX_CHARS: usize = 128;
/// A username, staff's or a young person's (letters, digits, `.-_`).
pub const USERNAME_MIN_CHARS: usize = 3;
pub const USERNAME_MAX_CHARS: usize = 40;
/// A member of staff's name.
pub const STAFF_NAME_MAX_CHARS: usize = 80;
/// The name a young person likes to be called.
pub const PERSON_NAME_MAX_CHARS: usize = 60;
/// A handover note, and the longest "break glass" reason.
pub const PERSON_NOTE_MAX_CHARS: usize = 2000;
/// The most a sign-in field (username or password) may hold before the
/// server stops reading it: a guard against pastes, not a rule to show.
pub const SIGN_IN_FIELD_MAX_BYTES: usize = 1024;
/// The box for a one-time activation code. The server checks the code
/// itself, not its length; this only stops a paste of a whole message.
pub const ACTIVATION_CODE_INPUT_MAX_CHARS: usize = 40;

// ---------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------

/// Longest text one section of a plan may hold.
pub const PLAN_SECTION_MAX_CHARS: usize = 4000;
/// "I don't understand" / "I don't agree" messages, and their answers.
pub const PLAN_MESSAGE_MAX_CHARS: usize = 2000;
/// A worker's "about me" for the young people they work with.
pub const PROFILE_ABOUT_MAX_CHARS: usize = 2000;
/// How and when to reach a worker.
pub const PROFILE_CONTACT_MAX_CHARS: usize = 200;

// ---------------------------------------------------------------------------
// The local offer
// ---------------------------------------------------------------------------

/// An entitlement's short name for links.
pub const OFFER_ID_MAX: usize = 60;
pub const OFFER_TITLE_MAX: usize = 80;
pub const OFFER_SUMMARY_MAX: usize = 300;
pub const OFFER_DETAIL_MAX: usize = 5000;
/// How to claim, what to bring, contact.
pub const OFFER_TEXT_MAX: usize = 2000;
/// A young person's note with a request, a worker's answer, a change note.
pub const OFFER_MESSAGE_MAX: usize = 1000;
pub const OFFER_SEARCH_MAX: usize = 100;
/// The editor's boxes for amounts ("£3,000"), payment days ("60, 120,
/// 300") and the rule (JSON). The server parses these, so their size is
/// only a guard in the app.
pub const MONEY_INPUT_MAX_CHARS: usize = 20;
pub const DAYS_INPUT_MAX_CHARS: usize = 100;
pub const RULE_INPUT_MAX_CHARS: usize = 4000;

// ---------------------------------------------------------------------------
// Reviews, feedback and safeguarding (constants live in `reviews`)
// ---------------------------------------------------------------------------

pub use crate::reviews::{
    ANSWERS_MAX as FEEDBACK_ANSWERS_MAX, HELP_MAX as FEEDBACK_HELP_MAX,
    INTRO_MAX as FEEDBACK_INTRO_MAX, INVITED_MAX as REVIEW_INVITED_MAX,
    INVITED_NAME_MAX as REVIEW_INVITED_NAME_MAX, KEY_MAX as FEEDBACK_KEY_MAX,
    MESSAGE_MAX as REVIEW_MESSAGE_MAX, OPTIONS_MAX as FEEDBACK_OPTIONS_MAX,
    OPTION_LABEL_MAX as FEEDBACK_OPTION_LABEL_MAX, OUTCOME_MAX as REVIEW_OUTCOME_MAX,
    PLACE_MAX as REVIEW_PLACE_MAX, PROMPT_MAX as FEEDBACK_PROMPT_MAX,
    QUESTIONS_MAX as FEEDBACK_QUESTIONS_MAX, TEXT_DEFAULT_MAX as FEEDBACK_TEXT_DEFAULT_MAX,
    TEXT_HARD_MAX as FEEDBACK_TEXT_HARD_MAX, TITLE_MAX as FEEDBACK_TITLE_MAX,
    TRANSLATIONS_MAX as FEEDBACK_TRANSLATIONS_MAX,
};
/// A review's start or end time, "16:00". The server checks the form of
/// the time; this only sizes the box.
pub const TIME_INPUT_MAX_CHARS: usize = 5;

// ---------------------------------------------------------------------------
// Positive Journeys, the forum (constants live in `forum`)
// ---------------------------------------------------------------------------

pub use crate::forum::{
    BODY_MAX_CHARS as FORUM_BODY_MAX_CHARS, DESCRIPTION_MAX_CHARS as FORUM_DESCRIPTION_MAX_CHARS,
    DISPLAY_NAME_MAX_CHARS as FORUM_DISPLAY_NAME_MAX_CHARS,
    DISPLAY_NAME_MIN_CHARS as FORUM_DISPLAY_NAME_MIN_CHARS,
    LOCATION_MAX_CHARS as FORUM_LOCATION_MAX_CHARS, NAME_MAX_CHARS as FORUM_NAME_MAX_CHARS,
    POLL_OPTIONS_MAX, POLL_OPTION_MAX_CHARS, REASON_MAX_CHARS as FORUM_REASON_MAX_CHARS,
    SUSPENSION_DAYS_MAX, TITLE_MAX_CHARS as FORUM_TITLE_MAX_CHARS, WATCHED_WORDS_MAX,
    WATCHED_WORD_MAX_CHARS,
};
/// A poll's question: the server checks it against the reason limit.
pub const POLL_QUESTION_MAX_CHARS: usize = crate::forum::REASON_MAX_CHARS;
/// A comment with a poll answer: as long as a post.
pub const POLL_COMMENT_MAX_CHARS: usize = crate::forum::BODY_MAX_CHARS;

// ---------------------------------------------------------------------------
// The table the HTTP test walks
// ---------------------------------------------------------------------------

/// Text repeated to make a value of a given length. Prose passes the
/// plain-language and safeguarding checks; letters suit names with no spaces.
pub const PROSE: &str = "We can help you. ";
pub const LETTERS: &str = "abc";

/// One field of one form, with the limits both sides enforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormLimits {
    /// The app's form (its element id).
    pub form: &'static str,
    /// The field as the server's error names it.
    pub field: &'static str,
    /// Fewest characters, where there is a minimum beyond "not empty".
    pub min: Option<usize>,
    /// Most characters; `None` where the server does not check one yet.
    pub max: Option<usize>,
    /// "METHOD /api/path"; `{name}` parts are ids the test fills in.
    pub endpoint: &'static str,
    /// A valid JSON body in which the string `"@"` stands for the field's
    /// value (for a GET, `@` in the endpoint's query). `{name}` parts as in
    /// `endpoint`.
    pub body: &'static str,
    /// What the value is made of (`PROSE` or `LETTERS`).
    pub sample: &'static str,
}

impl FormLimits {
    /// A value of exactly `chars` characters made from `sample`, never
    /// ending in a space (the server trims).
    pub fn value(&self, chars: usize) -> String {
        let mut v: String = self.sample.chars().cycle().take(chars).collect();
        if v.ends_with(' ') {
            v.pop();
            v.push('.');
        }
        v
    }
}

const fn f(
    form: &'static str,
    field: &'static str,
    min: Option<usize>,
    max: Option<usize>,
    endpoint: &'static str,
    body: &'static str,
    sample: &'static str,
) -> FormLimits {
    FormLimits {
        form,
        field,
        min,
        max,
        endpoint,
        body,
        sample,
    }
}

const PROFILE: &str = "PUT /api/me/profile";
const ENTITLEMENT: &str = "POST /api/offer/entitlements";
/// A new entitlement the server accepts; each field's "@" is swapped in turn.
macro_rules! entitlement {
    ($id:literal, $title:literal, $summary:literal, $detail:literal, $how:literal, $bring:literal, $contact:literal, $note:literal) => {
        concat!(
            r#"{"id": "#, $id,
            r#", "section": "education-employment-training", "area": "education_and_training", "title": "#, $title,
            r#", "summary": "#, $summary,
            r#", "detail": "#, $detail,
            r#", "amount": null, "amount_is": "exactly", "payment": {"kind": "not_money"}, "how_to_claim": "#, $how,
            r#", "what_to_bring": "#, $bring,
            r#", "contact": "#, $contact,
            r#", "rule": {"kind": "everyone"}, "change_note": "#, $note,
            "}"
        )
    };
}
const BOOK_REVIEW: &str = "POST /api/people/{person}/reviews";
const OUTCOME: &str = "POST /api/people/{person}/reviews/outcome";
const STAFF: &str = "POST /api/staff";
const THREAD: &str = "POST /api/forum/spaces/{space}/threads";
const EVENT: &str = "POST /api/forum/admin/events";
const POLL: &str = "POST /api/forum/admin/polls";
const SPACE: &str = "POST /api/forum/admin/spaces";
const APPROVE: &str = "POST /api/forum/moderation/posts/{held_post}/approve";

/// Every length-limited field of every form the app sends, with the limits
/// both sides enforce.
pub const FORMS: &[FormLimits] = &[
    // Staff's "about me" (account page).
    f(
        "profile-form",
        "about_me",
        None,
        Some(PROFILE_ABOUT_MAX_CHARS),
        PROFILE,
        r#"{"about_me": "@", "contact_how": "", "contact_when": ""}"#,
        PROSE,
    ),
    f(
        "profile-form",
        "contact_how",
        None,
        Some(PROFILE_CONTACT_MAX_CHARS),
        PROFILE,
        r#"{"about_me": "Hello.", "contact_how": "@", "contact_when": ""}"#,
        PROSE,
    ),
    f(
        "profile-form",
        "contact_when",
        None,
        Some(PROFILE_CONTACT_MAX_CHARS),
        PROFILE,
        r#"{"about_me": "Hello.", "contact_how": "", "contact_when": "@"}"#,
        PROSE,
    ),
    // Plans.
    f(
        "plan-editor",
        "sections[0].text",
        None,
        Some(PLAN_SECTION_MAX_CHARS),
        "PUT /api/people/{person}/plan/draft",
        r#"{"sections": [{"section": "about_me", "text": "@"}]}"#,
        PROSE,
    ),
    f(
        "plan-reason-form",
        "override_reason",
        Some(REASON_MIN_CHARS),
        Some(OVERRIDE_REASON_MAX_CHARS),
        "POST /api/people/{person}/plan/share",
        r#"{"override_reason": "@"}"#,
        PROSE,
    ),
    f(
        "plan-question-form",
        "message",
        None,
        Some(PLAN_MESSAGE_MAX_CHARS),
        "POST /api/me/plan/questions",
        r#"{"section": "about_me", "kind": "dont_understand", "message": "@"}"#,
        PROSE,
    ),
    f(
        "plan-answer-form",
        "answer",
        None,
        Some(PLAN_MESSAGE_MAX_CHARS),
        "POST /api/people/{person}/plan/answer",
        r#"{"query_id": "{query}", "answer": "@"}"#,
        PROSE,
    ),
    // The local offer.
    f(
        "offer-search",
        "q",
        None,
        Some(OFFER_SEARCH_MAX),
        "GET /api/me/offer/search?q=@",
        "",
        LETTERS,
    ),
    f(
        "offer-ask-form",
        "message",
        None,
        Some(OFFER_MESSAGE_MAX),
        "POST /api/me/offer/requests",
        r#"{"entitlement_id": "{entitlement}", "message": "@"}"#,
        PROSE,
    ),
    f(
        "request-answer-form",
        "message",
        None,
        Some(OFFER_MESSAGE_MAX),
        "PATCH /api/offer/requests/{request}",
        r#"{"status": "in_progress", "message": "@"}"#,
        PROSE,
    ),
    f(
        "entitlement-form",
        "id",
        None,
        Some(OFFER_ID_MAX),
        ENTITLEMENT,
        entitlement!(
            "\"@\"",
            "\"A grant\"",
            "\"You can get help.\"",
            "\"\"",
            "\"Ask us.\"",
            "\"\"",
            "\"Your adviser\"",
            "null"
        ),
        LETTERS,
    ),
    f(
        "entitlement-form",
        "title",
        None,
        Some(OFFER_TITLE_MAX),
        ENTITLEMENT,
        entitlement!(
            "\"new-title\"",
            "\"@\"",
            "\"You can get help.\"",
            "\"\"",
            "\"Ask us.\"",
            "\"\"",
            "\"Your adviser\"",
            "null"
        ),
        PROSE,
    ),
    f(
        "entitlement-form",
        "summary",
        None,
        Some(OFFER_SUMMARY_MAX),
        ENTITLEMENT,
        entitlement!(
            "\"new-summary\"",
            "\"A grant\"",
            "\"@\"",
            "\"\"",
            "\"Ask us.\"",
            "\"\"",
            "\"Your adviser\"",
            "null"
        ),
        PROSE,
    ),
    f(
        "entitlement-form",
        "detail",
        None,
        Some(OFFER_DETAIL_MAX),
        ENTITLEMENT,
        entitlement!(
            "\"new-detail\"",
            "\"A grant\"",
            "\"You can get help.\"",
            "\"@\"",
            "\"Ask us.\"",
            "\"\"",
            "\"Your adviser\"",
            "null"
        ),
        PROSE,
    ),
    f(
        "entitlement-form",
        "how_to_claim",
        None,
        Some(OFFER_TEXT_MAX),
        ENTITLEMENT,
        entitlement!(
            "\"new-how\"",
            "\"A grant\"",
            "\"You can get help.\"",
            "\"\"",
            "\"@\"",
            "\"\"",
            "\"Your adviser\"",
            "null"
        ),
        PROSE,
    ),
    f(
        "entitlement-form",
        "what_to_bring",
        None,
        Some(OFFER_TEXT_MAX),
        ENTITLEMENT,
        entitlement!(
            "\"new-bring\"",
            "\"A grant\"",
            "\"You can get help.\"",
            "\"\"",
            "\"Ask us.\"",
            "\"@\"",
            "\"Your adviser\"",
            "null"
        ),
        PROSE,
    ),
    f(
        "entitlement-form",
        "contact",
        None,
        Some(OFFER_TEXT_MAX),
        ENTITLEMENT,
        entitlement!(
            "\"new-contact\"",
            "\"A grant\"",
            "\"You can get help.\"",
            "\"\"",
            "\"Ask us.\"",
            "\"\"",
            "\"@\"",
            "null"
        ),
        PROSE,
    ),
    f(
        "entitlement-form",
        "change_note",
        None,
        Some(OFFER_MESSAGE_MAX),
        ENTITLEMENT,
        entitlement!(
            "\"new-note\"",
            "\"A grant\"",
            "\"You can get help.\"",
            "\"\"",
            "\"Ask us.\"",
            "\"\"",
            "\"Your adviser\"",
            "\"@\""
        ),
        PROSE,
    ),
    // Reviews, feedback, safeguarding.
    f(
        "book-review",
        "place",
        None,
        Some(REVIEW_PLACE_MAX),
        BOOK_REVIEW,
        r#"{"date": "{tomorrow}", "place": "@", "invited": []}"#,
        PROSE,
    ),
    f(
        "book-review",
        "invited",
        None,
        Some(REVIEW_INVITED_NAME_MAX),
        BOOK_REVIEW,
        r#"{"date": "{tomorrow}", "place": "At school", "invited": ["@"]}"#,
        PROSE,
    ),
    f(
        "move-review",
        "place",
        None,
        Some(REVIEW_PLACE_MAX),
        "PATCH /api/people/{person}/reviews",
        r#"{"review_id": "{review}", "place": "@"}"#,
        PROSE,
    ),
    f(
        "record-outcome",
        "outcomes",
        None,
        Some(REVIEW_OUTCOME_MAX),
        OUTCOME,
        r#"{"review_id": "{review}", "held_on": "{today}", "outcomes": "@", "decisions": "You stay with Jo.", "override_reason": "We used the words you chose."}"#,
        PROSE,
    ),
    f(
        "record-outcome",
        "decisions",
        None,
        Some(REVIEW_OUTCOME_MAX),
        OUTCOME,
        r#"{"review_id": "{review}", "held_on": "{today}", "outcomes": "We talked.", "decisions": "@", "override_reason": "We used the words you chose."}"#,
        PROSE,
    ),
    f(
        "record-outcome",
        "override_reason",
        Some(REASON_MIN_CHARS),
        Some(OVERRIDE_REASON_MAX_CHARS),
        OUTCOME,
        r#"{"review_id": "{review}", "held_on": "{today}", "outcomes": "{jargon}", "decisions": "You stay with Jo.", "override_reason": "@"}"#,
        PROSE,
    ),
    f(
        "review-earlier-form",
        "message",
        None,
        Some(REVIEW_MESSAGE_MAX),
        "POST /api/me/reviews/requests",
        r#"{"message": "@"}"#,
        PROSE,
    ),
    f(
        "answer-form",
        "answer",
        None,
        Some(REVIEW_MESSAGE_MAX),
        "POST /api/people/{person}/feedback/answer",
        r#"{"feedback_id": "no-such-feedback", "answer": "@"}"#,
        PROSE,
    ),
    f(
        "alert-response-form",
        "response",
        None,
        Some(REVIEW_MESSAGE_MAX),
        "POST /api/safeguarding-alerts/response",
        r#"{"alert_id": "no-such-alert", "response": "@"}"#,
        PROSE,
    ),
    // People and staff.
    f(
        "new-person",
        "preferred_name",
        None,
        Some(PERSON_NAME_MAX_CHARS),
        "POST /api/people",
        r#"{"preferred_name": "@", "date_of_birth": "2012-01-01", "care_started": "2020-01-01", "legal_status": "section20"}"#,
        PROSE,
    ),
    f(
        "create-account",
        "username",
        Some(USERNAME_MIN_CHARS),
        Some(USERNAME_MAX_CHARS),
        "POST /api/people/{new_person}/account",
        r#"{"username": "@"}"#,
        LETTERS,
    ),
    f(
        "reallocate-form",
        "handover_note",
        None,
        Some(PERSON_NOTE_MAX_CHARS),
        "POST /api/people/{person}/allocations",
        r#"{"relationship": "social_worker", "staff_id": "{social_worker}", "handover_note": "@"}"#,
        PROSE,
    ),
    f(
        "break-glass-form",
        "reason",
        Some(REASON_MIN_CHARS),
        Some(PERSON_NOTE_MAX_CHARS),
        "POST /api/people/{person}/break-glass",
        r#"{"reason": "@"}"#,
        PROSE,
    ),
    f(
        "add-staff-form",
        "username",
        Some(USERNAME_MIN_CHARS),
        Some(USERNAME_MAX_CHARS),
        STAFF,
        r#"{"username": "@", "display_name": "Jo Bloggs", "role": "social_worker"}"#,
        LETTERS,
    ),
    f(
        "add-staff-form",
        "display_name",
        None,
        Some(STAFF_NAME_MAX_CHARS),
        STAFF,
        r#"{"username": "jo.bloggs", "display_name": "@", "role": "social_worker"}"#,
        PROSE,
    ),
    // The forum.
    f(
        "forum-name-form",
        "display_name",
        Some(FORUM_DISPLAY_NAME_MIN_CHARS),
        Some(FORUM_DISPLAY_NAME_MAX_CHARS),
        "PUT /api/forum/me/display-name",
        r#"{"display_name": "@"}"#,
        LETTERS,
    ),
    f(
        "forum-start-form",
        "title",
        None,
        Some(FORUM_TITLE_MAX_CHARS),
        THREAD,
        r#"{"title": "@", "body": "Hello all."}"#,
        PROSE,
    ),
    f(
        "forum-start-form",
        "body",
        None,
        Some(FORUM_BODY_MAX_CHARS),
        THREAD,
        r#"{"title": "Hello", "body": "@"}"#,
        PROSE,
    ),
    f(
        "forum-reply-form",
        "body",
        None,
        Some(FORUM_BODY_MAX_CHARS),
        "POST /api/forum/threads/{thread}/replies",
        r#"{"body": "@"}"#,
        PROSE,
    ),
    f(
        "forum-report-form",
        "reason",
        None,
        Some(FORUM_REASON_MAX_CHARS),
        "POST /api/forum/posts/{post}/report",
        r#"{"reason": "@"}"#,
        PROSE,
    ),
    f(
        "event-signup-form",
        "note",
        None,
        Some(FORUM_REASON_MAX_CHARS),
        "POST /api/forum/events/{event}/signup",
        r#"{"note": "@"}"#,
        PROSE,
    ),
    f(
        "poll-answer-form",
        "comment",
        None,
        Some(POLL_COMMENT_MAX_CHARS),
        "POST /api/forum/polls/{comment_poll}/answer",
        r#"{"option": 0, "comment": "@"}"#,
        PROSE,
    ),
    f(
        "mod-edit-form",
        "body",
        None,
        Some(FORUM_BODY_MAX_CHARS),
        APPROVE,
        r#"{"body": "@"}"#,
        PROSE,
    ),
    f(
        "mod-edit-form",
        "note",
        None,
        Some(FORUM_REASON_MAX_CHARS),
        APPROVE,
        r#"{"note": "@"}"#,
        PROSE,
    ),
    f(
        "mod-reason-form",
        "reason",
        None,
        Some(FORUM_REASON_MAX_CHARS),
        "POST /api/forum/moderation/posts/{held_post}/reject",
        r#"{"reason": "@"}"#,
        PROSE,
    ),
    f(
        "mod-keep-form",
        "note",
        None,
        Some(FORUM_REASON_MAX_CHARS),
        "POST /api/forum/moderation/posts/{post}/keep",
        r#"{"note": "@"}"#,
        PROSE,
    ),
    f(
        "mod-suspend-form",
        "reason",
        None,
        Some(FORUM_REASON_MAX_CHARS),
        "POST /api/forum/moderation/members/{member}/suspension",
        r#"{"days": 1, "reason": "@"}"#,
        PROSE,
    ),
    f(
        "mod-lock-form",
        "reason",
        None,
        Some(FORUM_REASON_MAX_CHARS),
        "POST /api/forum/moderation/threads/{thread}/lock",
        r#"{"locked": true, "reason": "@"}"#,
        PROSE,
    ),
    f(
        "words-form",
        "words[0].pattern",
        None,
        Some(WATCHED_WORD_MAX_CHARS),
        "PUT /api/forum/moderation/watched-words",
        r#"{"words": [{"pattern": "@", "tier": "flag"}]}"#,
        PROSE,
    ),
    f(
        "event-form",
        "title",
        None,
        Some(FORUM_NAME_MAX_CHARS),
        EVENT,
        r#"{"space": "{space}", "kind": "meeting", "title": "@", "description": "", "location": "The hub", "starts_at": "{later}", "ends_at": "{later_still}"}"#,
        PROSE,
    ),
    f(
        "event-form",
        "description",
        None,
        Some(FORUM_DESCRIPTION_MAX_CHARS),
        EVENT,
        r#"{"space": "{space}", "kind": "meeting", "title": "A meeting", "description": "@", "location": "The hub", "starts_at": "{later}", "ends_at": "{later_still}"}"#,
        PROSE,
    ),
    f(
        "event-form",
        "location",
        None,
        Some(FORUM_LOCATION_MAX_CHARS),
        EVENT,
        r#"{"space": "{space}", "kind": "meeting", "title": "A meeting", "description": "", "location": "@", "starts_at": "{later}", "ends_at": "{later_still}"}"#,
        PROSE,
    ),
    f(
        "poll-form",
        "question",
        None,
        Some(POLL_QUESTION_MAX_CHARS),
        POLL,
        r#"{"space": "{space}", "kind": "poll", "question": "@", "description": "", "options": ["Yes", "No"], "closes_at": "{later}"}"#,
        PROSE,
    ),
    f(
        "poll-form",
        "description",
        None,
        Some(FORUM_DESCRIPTION_MAX_CHARS),
        POLL,
        r#"{"space": "{space}", "kind": "poll", "question": "Walk?", "description": "@", "options": ["Yes", "No"], "closes_at": "{later}"}"#,
        PROSE,
    ),
    f(
        "poll-form",
        "options[0]",
        None,
        Some(POLL_OPTION_MAX_CHARS),
        POLL,
        r#"{"space": "{space}", "kind": "poll", "question": "Walk?", "description": "", "options": ["@", "No"], "closes_at": "{later}"}"#,
        PROSE,
    ),
    f(
        "poll-outcome-form",
        "you_said_we_did",
        None,
        Some(FORUM_DESCRIPTION_MAX_CHARS),
        "PUT /api/forum/admin/polls/{poll}/outcome",
        r#"{"you_said_we_did": "@"}"#,
        PROSE,
    ),
    f(
        "space-form",
        "name",
        None,
        Some(FORUM_NAME_MAX_CHARS),
        SPACE,
        r#"{"name": "@", "description": "", "rule": {"min_age": 8, "max_age": 17, "audience": "in_care"}}"#,
        PROSE,
    ),
    f(
        "space-form",
        "description",
        None,
        Some(FORUM_DESCRIPTION_MAX_CHARS),
        SPACE,
        r#"{"name": "Art club", "description": "@", "rule": {"min_age": 8, "max_age": 17, "audience": "in_care"}}"#,
        PROSE,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_body_is_json_with_one_value_to_fill() {
        for l in FORMS {
            assert!(l.min.is_some() || l.max.is_some(), "{l:?}");
            if l.endpoint.starts_with("GET ") {
                assert!(l.endpoint.contains('@') && l.body.is_empty(), "{l:?}");
                continue;
            }
            assert_eq!(l.body.matches("\"@\"").count(), 1, "{l:?}");
            let filled = l.body.replace("\"@\"", "\"x\"");
            let v: Result<serde_json::Value, _> = serde_json::from_str(&filled);
            assert!(v.is_ok(), "{}: {filled}", l.form);
        }
    }

    #[test]
    fn values_have_the_length_asked_for() {
        for l in FORMS {
            for n in [0, 1, 9, 17, 300] {
                let v = l.value(n);
                assert_eq!(v.chars().count(), n);
                assert_eq!(v.trim().chars().count(), n, "{v:?}");
            }
        }
    }

    #[test]
    fn each_form_field_is_listed_once() {
        for (i, a) in FORMS.iter().enumerate() {
            assert!(
                !FORMS[..i]
                    .iter()
                    .any(|b| a.form == b.form && a.field == b.field),
                "{} {}",
                a.form,
                a.field
            );
        }
    }
}
