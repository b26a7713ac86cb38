//! "Good for me" feedback: the form screen, the server's copy of a draft,
//! sending (idempotent, all or nothing), reading and answering ("you said,
//! we did"), the forms as versioned data, anonymous totals with small
//! groups hidden, and safeguarding alerts raised by words that suggest harm.

mod forms;
mod screen;
mod submit;
mod reading;
mod alerts;
mod insights;

pub use forms::{forms, publish_form};
pub(crate) use forms::{questions_of, translations_of, form_view, publish};
pub use screen::{screen, save_draft};
pub use submit::{send};
pub use reading::{for_reader, answer};
pub use alerts::{alerts, respond};
pub use insights::{insights};

use crate::access::{self, Grant};
use crate::auth::Caller;
use crate::entities::{account, feedback as fb, feedback_form as ff, review, young_person};
use crate::error::ApiError;
use crate::push::quiet;
use crate::repo::{accounts, audit, councils, feedback as repo, notifications, people};
use crate::repo::allocations::current_workers;
use crate::services::reviews::{self as reviews_svc, local_today, status_of};
use crate::services::safeguarding::{harm_in, raise_alert, route_alert};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, SqlErr, TransactionTrait};
use shared::access::{allowed, Ability, Action, Relation, Relationship};
use shared::language::Language;
use shared::reviews::{
    check_answer_sizes, choices_cell, default_readers, faces_cell, out_of_hours,
    participation_from_answers, period_label, period_labels, tidy_translations, validate_answers,
    validate_form, who_will_see, AlertResponse, AlertResponseView, AlertRoute, AlertView, Answer,
    AnsweredQuestion, DraftView, FeedbackAnswer, FeedbackScreen, FormDefinition, FormFamily,
    FormKey, FormTranslations, FormVersionSummary, FormVersionView, InsightsReport, Period,
    PriorityInsight, Question, QuestionInsight, QuestionKind, ReaderOption, ReviewStatus,
    SaveDraft, SendFeedback, SentFeedback, StaffFeedback, SupportMessage, MESSAGE_MAX, MIN_GROUP,
};
use shared::reviews::{Priority, SUPPRESSED_NOTE};
use std::collections::{BTreeMap, HashMap};

fn field(e: shared::reviews::FieldError) -> ApiError {
    ApiError::validation(e.field, e.message)
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}
