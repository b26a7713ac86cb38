//! Reviews and "good for me" feedback forms: the API bodies, and the pure
//! rules the app needs as well as the server (form and answer validation,
//! who will read a child's answers, when "out of hours" is, the anonymous
//! totals with small groups hidden).
//!
//! Forms are data, not code: an administrator revises a form by publishing a
//! new version, and every answer keeps the id of the version it answered, so
//! an old answer still reads with the questions it was given. Every question
//! can be skipped: an answer that is missing, or empty, is a skip.
//!
//! Layout: `forms` (with `translations` and `form_checks`) and `answers` are
//! the forms; `readers` and `safeguarding` who reads and who is alerted;
//! `schedule`, `meeting` and `feedback` the review itself; `insights` the
//! anonymous totals. `limits` holds the sizes they all check.

mod answers;
mod feedback;
mod form_checks;
mod forms;
mod insights;
mod limits;
mod meeting;
mod priorities;
mod readers;
mod safeguarding;
mod schedule;
mod translations;

#[cfg(test)]
mod fixtures;

pub use answers::{check_answer_sizes, validate_answers, Answer};
pub use feedback::{
    AnsweredQuestion, DraftView, FeedbackAnswer, FeedbackScreen, SaveDraft, SendFeedback,
    SentFeedback, StaffFeedback,
};
pub use form_checks::validate_form;
pub use forms::{
    faces, FormDefinition, FormFamily, FormKey, FormOption, FormVersionSummary, FormVersionView,
    Question, QuestionKind, FACES,
};
pub use insights::{
    choices_cell, faces_cell, period_label, period_labels, ChoiceCount, InsightCell,
    InsightsReport, Period, PriorityInsight, QuestionInsight, SUPPRESSED_NOTE,
};
pub use limits::{
    FieldError, ANSWERS_MAX, CHILDLINE_PHONE, HELP_MAX, INTRO_MAX, INVITED_MAX, INVITED_NAME_MAX,
    KEY_MAX, MESSAGE_MAX, MIN_GROUP, OFFICE_CLOSES_MINUTE, OFFICE_OPENS_MINUTE, OPTIONS_MAX,
    OPTION_LABEL_MAX, OUTCOME_MAX, PLACE_MAX, PROMPT_MAX, QUESTIONS_MAX, TEXT_DEFAULT_MAX,
    TEXT_HARD_MAX, TITLE_MAX,
};
pub use meeting::{
    format_time, parse_time, participation_from_answers, FeedbackState, MyParticipation,
    MyPastReview, MyReview, MyReviews, NewReview, NewReviewRequest, OutcomeCheck, Participation,
    ReviewChange, ReviewListRow, ReviewOutcome, ReviewRequestSent, ReviewRequestView, ReviewStatus,
    StaffReview, StaffReviewsView, YouSaidWeDid, TAKE_PART,
};
pub use priorities::{Commitment, Priority};
pub use readers::{default_readers, short_role, who_will_see, ReaderOption};
pub use safeguarding::{
    out_of_hours, AlertResponse, AlertResponseView, AlertRoute, AlertView, SupportMessage,
};
pub use schedule::{current_period_start, kind_words, schedule, ReviewSettings, ScheduleView};
pub use translations::{
    form_text, form_texts, tidy_translations, validate_translations, FormTranslations,
    TRANSLATIONS_MAX,
};
