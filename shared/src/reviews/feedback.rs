//! Sending views for a review: drafts, sending, the form screen, and the
//! feedback as its readers see it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::answers::Answer;
use super::forms::{FormKey, FormVersionView, QuestionKind};
use super::meeting::{MyReview, YouSaidWeDid};
use super::priorities::Priority;
use super::readers::ReaderOption;
use super::safeguarding::SupportMessage;

/// A saved draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftView {
    pub form_id: String,
    pub answers: Vec<Answer>,
    pub readers: Option<Vec<String>>,
    pub updated_at: DateTime<Utc>,
}

/// `PUT /api/me/feedback/draft`: replaces the draft for this review (the
/// last write wins).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SaveDraft {
    pub review_id: String,
    pub form_id: String,
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// Who should read it; leave out for the default.
    #[serde(default)]
    pub readers: Option<Vec<String>>,
}

/// `POST /api/me/feedback`: send the answers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SendFeedback {
    /// Made by the app once per form (a UUID): sending again with the same
    /// id answers the same result and stores nothing twice.
    pub submission_id: String,
    pub review_id: String,
    pub form_id: String,
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// Who should read it (staff ids from the reader options); leave out
    /// for the default: their IRO and social worker.
    #[serde(default)]
    pub readers: Option<Vec<String>>,
}

/// What sending answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SentFeedback {
    pub id: String,
    pub submission_id: String,
    pub review_id: String,
    pub submitted_at: DateTime<Utc>,
    pub readers: Vec<ReaderOption>,
    pub who_will_see: String,
    /// Set when the words suggest the young person may be at risk.
    pub support: Option<SupportMessage>,
    /// Shown once the review has happened.
    pub you_said_we_did: Option<YouSaidWeDid>,
}

/// `GET /api/me/feedback`: the form screen in one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackScreen {
    pub review: MyReview,
    /// The form to fill: the draft's version if there is a draft, else the
    /// newest version for the young person's age.
    pub form: FormVersionView,
    pub draft: Option<DraftView>,
    pub reader_options: Vec<ReaderOption>,
    pub who_will_see: String,
    /// Already sent: what was sent and who reads it.
    pub sent: Option<SentFeedback>,
    pub sent_answers: Vec<Answer>,
}

/// One answered question, with its words, for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnsweredQuestion {
    pub key: String,
    pub prompt: String,
    pub kind: QuestionKind,
    pub priority: Option<Priority>,
    pub scale: Option<u8>,
    /// The face's label ("Happy").
    pub scale_label: Option<String>,
    /// The labels of the options picked.
    pub choices: Vec<String>,
    pub text: Option<String>,
}

/// Feedback as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffFeedback {
    pub id: String,
    pub review_id: String,
    pub review_date: NaiveDate,
    pub submitted_at: DateTime<Utc>,
    pub form: FormKey,
    pub form_title: String,
    pub form_version: u32,
    pub answered: Vec<AnsweredQuestion>,
    /// Questions the young person skipped.
    pub skipped: Vec<String>,
    pub readers: Vec<String>,
    /// Words in it suggest harm; a safeguarding alert was raised.
    pub suggests_harm: bool,
    pub you_said_we_did: Option<YouSaidWeDid>,
    /// The young person can see the answer (the review has happened).
    pub answer_shown_to_child: bool,
}

/// `POST /api/people/{id}/feedback/answer`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackAnswer {
    pub feedback_id: String,
    /// "You said ..., so we ..." in plain words.
    pub answer: String,
}
