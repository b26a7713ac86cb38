//! The review meeting: its status and times, how the young person takes
//! part, and the views of it that staff and the young person see.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::answers::Answer;
use super::forms::FormKey;
use super::safeguarding::SupportMessage;
use super::schedule::ScheduleView;
use crate::people::AgeBand;
use crate::plain_language::PlainLanguageReport;
use crate::review_schedule::{ReviewDue, ReviewKind};

/// How the young person wants to take part in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    #[default]
    NotDecided,
    /// Come to the meeting.
    Attend,
    /// Chair the meeting, with the IRO's help.
    Chair,
    /// Lead part of it: start it, or give their own views.
    Lead,
    /// Not come, and send their views instead.
    SendViews,
}

impl Participation {
    pub const ALL: [Participation; 5] = [
        Participation::NotDecided,
        Participation::Attend,
        Participation::Chair,
        Participation::Lead,
        Participation::SendViews,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Participation::NotDecided => "not_decided",
            Participation::Attend => "attend",
            Participation::Chair => "chair",
            Participation::Lead => "lead",
            Participation::SendViews => "send_views",
        }
    }

    pub fn parse(s: &str) -> Option<Participation> {
        Participation::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Said to the child.
    pub fn plain(self) -> &'static str {
        match self {
            Participation::NotDecided => "You have not decided yet how to take part.",
            Participation::Attend => "You will come to the meeting.",
            Participation::Chair => "You will chair the meeting, with your IRO's help.",
            Participation::Lead => "You will lead part of the meeting yourself.",
            Participation::SendViews => "You will send your views instead of coming.",
        }
    }
}

/// Where a review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Booked,
    Held,
    Cancelled,
}

impl ReviewStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Booked => "booked",
            ReviewStatus::Held => "held",
            ReviewStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<ReviewStatus> {
        [
            ReviewStatus::Booked,
            ReviewStatus::Held,
            ReviewStatus::Cancelled,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// "09:30" to minutes after midnight.
pub fn parse_time(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u16 = h.parse().ok()?;
    let m: u16 = m.parse().ok()?;
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Minutes after midnight to "09:30".
pub fn format_time(minute: u16) -> String {
    format!("{:02}:{:02}", (minute / 60) % 24, minute % 60)
}

/// A review as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffReview {
    pub id: String,
    pub kind: ReviewKind,
    pub status: ReviewStatus,
    pub date: NaiveDate,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: String,
    pub invited: Vec<String>,
    pub participation: Participation,
    pub brought_forward: bool,
    pub chair: Option<String>,
    pub held_on: Option<NaiveDate>,
    pub outcomes: Option<String>,
    pub decisions: Option<String>,
    /// The plain-language check of outcomes and decisions for the child's age.
    pub checks: Vec<OutcomeCheck>,
    pub override_reason: Option<String>,
    pub feedback_sent: bool,
    pub feedback_answered: bool,
}

/// One part of the outcome, checked for the child's age band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutcomeCheck {
    /// `outcomes` or `decisions`.
    pub part: String,
    pub report: PlainLanguageReport,
}

/// A young person's request for an earlier review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewRequestView {
    pub id: String,
    pub message: Option<String>,
    pub asked_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

/// `GET /api/people/{id}/reviews`: one young person's reviews and schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffReviewsView {
    pub young_person_id: String,
    pub name: String,
    pub age_band: AgeBand,
    /// None when no review is due (not in care and not a care leaver).
    pub schedule: Option<ScheduleView>,
    /// Newest first.
    pub reviews: Vec<StaffReview>,
    pub requests: Vec<ReviewRequestView>,
}

/// `POST /api/people/{id}/reviews`: book a review.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReview {
    pub date: NaiveDate,
    /// "16:00".
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub end_time: Option<String>,
    /// Somewhere the young person knows ("At home", "At school").
    pub place: String,
    /// Who is invited, in words ("Your foster carers", "Sam, your social worker").
    #[serde(default)]
    pub invited: Vec<String>,
    #[serde(default)]
    pub participation: Participation,
    /// Held sooner than the schedule needs (the young person asked, or
    /// something changed). Answers the young person's open requests.
    #[serde(default)]
    pub brought_forward: bool,
}

/// `PATCH /api/people/{id}/reviews`: change a booked review (only what is
/// given changes), or cancel it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewChange {
    pub review_id: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Send "" to clear.
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub end_time: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub invited: Option<Vec<String>>,
    #[serde(default)]
    pub participation: Option<Participation>,
    #[serde(default)]
    pub brought_forward: Option<bool>,
    #[serde(default)]
    pub cancel: bool,
}

/// `POST /api/people/{id}/reviews/outcome`: the review was held; what was
/// decided, in plain words for the young person.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewOutcome {
    pub review_id: String,
    pub held_on: NaiveDate,
    /// What we talked about and how things are going.
    pub outcomes: String,
    /// What was decided, and who will do what.
    pub decisions: String,
    /// Needed when the words fail the plain-language check for the young
    /// person's age: why they must stay as they are.
    #[serde(default)]
    pub override_reason: Option<String>,
}

/// One row of the reviews list (IROs, managers, workers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewListRow {
    pub young_person_id: String,
    pub name: String,
    pub next_due: Option<ReviewDue>,
    pub overdue: bool,
    /// The next booked review, if any.
    pub booked_id: Option<String>,
    pub booked_date: Option<NaiveDate>,
    /// Booked for a day after the review is due.
    pub booked_late: bool,
    pub chair: Option<String>,
    /// The young person has sent their views for the booked review.
    pub feedback_sent: bool,
    /// Open requests for an earlier review.
    pub open_requests: u32,
}

/// A young person's next review, as they see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyReview {
    pub id: String,
    pub date: NaiveDate,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: String,
    /// "Chris Evans, your IRO".
    pub chair: Option<String>,
    pub invited: Vec<String>,
    pub participation: Participation,
    pub participation_words: String,
    pub days_to_go: i64,
    pub feedback: FeedbackState,
    /// The form to fill for it.
    pub form: FormKey,
}

/// Where the young person's views for a review are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedbackState {
    NotStarted,
    DraftSaved,
    Sent,
}

/// "You said, we did": the IRO's answer to the young person's views.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YouSaidWeDid {
    pub answer: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A review that has happened, as the young person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyPastReview {
    pub id: String,
    pub held_on: NaiveDate,
    pub outcomes: Option<String>,
    pub decisions: Option<String>,
    pub you_said_we_did: Option<YouSaidWeDid>,
}

/// `GET /api/me/reviews`: the "My review" screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyReviews {
    pub next: Option<MyReview>,
    /// When the next review must happen by.
    pub due: Option<ReviewDue>,
    /// Newest first.
    pub past: Vec<MyPastReview>,
    /// An open request for an earlier review.
    pub asked_for_earlier: bool,
    /// What a review is, in a sentence.
    pub about: String,
}

/// `PUT /api/me/reviews/participation`: the young person says how they
/// want to take part in their booked review.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyParticipation {
    pub review_id: String,
    pub participation: Participation,
}

/// The participation a sent form chose with its `take_part` question (the
/// seeded forms' option keys are [`Participation`] keys), if any.
pub fn participation_from_answers(answers: &[Answer]) -> Option<Participation> {
    answers
        .iter()
        .find(|a| a.question == TAKE_PART)
        .and_then(|a| match a.choices.as_slice() {
            [one] => Participation::parse(one),
            _ => None,
        })
}

/// The form question that asks how the young person wants to take part.
pub const TAKE_PART: &str = "take_part";

/// `POST /api/me/reviews/requests`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReviewRequest {
    /// Why, if they want to say.
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewRequestSent {
    pub id: String,
    /// "We told Chris Evans (your IRO) and Sam Patel (your social worker)."
    pub told: String,
    pub support: Option<SupportMessage>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::reviews::fixtures::*;

    #[test]
    fn times() {
        assert_eq!(parse_time("09:30"), Some(570));
        assert_eq!(parse_time("9:05"), Some(545));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("10:7"), None);
        assert_eq!(format_time(570), "09:30");
    }

    #[test]
    fn the_take_part_answer_is_a_participation() {
        let pick = |c: &[&str]| Answer {
            choices: c.iter().map(|s| (*s).to_owned()).collect(),
            ..a(TAKE_PART)
        };
        assert_eq!(
            participation_from_answers(&[a("home"), pick(&["chair"])]),
            Some(Participation::Chair)
        );
        assert_eq!(participation_from_answers(&[pick(&["pizza"])]), None);
        assert_eq!(participation_from_answers(&[pick(&[])]), None);
        assert_eq!(participation_from_answers(&[a("home")]), None);
    }
}
