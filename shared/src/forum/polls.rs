//! Consultations and quick polls: answering them, their results, and "you
//! said, we did".

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::posts::HarmHelp;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PollKind {
    /// One question, a few options.
    Poll,
    /// A question the council wants views on, with room to say more.
    Consultation,
}

impl PollKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PollKind::Poll => "poll",
            PollKind::Consultation => "consultation",
        }
    }

    pub fn parse(s: &str) -> Option<PollKind> {
        [PollKind::Poll, PollKind::Consultation]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OptionResult {
    pub option: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollResults {
    pub answers: u32,
    pub options: Vec<OptionResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyAnswer {
    /// Index into `options`.
    pub option: Option<u32>,
    pub comment: Option<String>,
}

/// A poll or consultation as a young person sees it. Results show once I
/// have answered or it has closed; "you said, we did" once the council has
/// written it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollView {
    pub id: String,
    pub kind: PollKind,
    pub question: String,
    pub description: String,
    pub options: Vec<String>,
    pub allows_comment: bool,
    pub space: Option<String>,
    pub closes_at: DateTime<Utc>,
    pub open: bool,
    pub my_answer: Option<MyAnswer>,
    pub results: Option<PollResults>,
    pub you_said_we_did: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAnswer {
    /// Index into the options (0 is the first). Needed when there are
    /// options.
    #[serde(default)]
    pub option: Option<u32>,
    /// More to say (consultations only).
    #[serde(default)]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerOutcome {
    pub poll: PollView,
    pub help: Option<HarmHelp>,
}

/// A new poll or consultation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollDraft {
    #[serde(default)]
    pub space: Option<String>,
    pub kind: PollKind,
    pub question: String,
    #[serde(default)]
    pub description: String,
    /// 2 to 10 options; a consultation may have none (comments only).
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub allows_comment: bool,
    pub closes_at: DateTime<Utc>,
}

/// Close a poll now (and, if ready, say what the council did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClosePoll {
    #[serde(default)]
    pub you_said_we_did: Option<String>,
}

/// "You said, we did", shown to young people once the poll has closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PollOutcome {
    pub you_said_we_did: String,
}

/// A poll with its results and comments (never who said what).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffPollView {
    pub poll: PollView,
    pub results: PollResults,
    pub comments: Vec<String>,
    pub created_at: DateTime<Utc>,
}
