//! `GET /api/me/home`: what a young person's home screen shows, in one
//! answer, so that a cheap phone on a slow network makes one request rather
//! than five. Each part is a summary; the screens it links to have the rest.

use crate::access::Relationship;
use crate::plans::{PlanKind, Section};
use crate::reviews::FeedbackState;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyHome {
    /// Their next review meeting, once it is booked.
    pub next_review: Option<HomeReview>,
    /// Their workers now (the "My people" screen has how to reach them).
    pub people: Vec<HomePerson>,
    /// What changed in the local offer in the last
    /// [`crate::offer::UPDATED_WITHIN_DAYS`] days, among what is for them.
    pub offer_news: Vec<HomeOfferNews>,
    /// Their requests about the offer that a worker has moved on (answered,
    /// agreed, paid or turned down) in the same time.
    pub requests_with_news: u32,
    /// The newest version of their plan shared with them, if any.
    pub plan: Option<HomePlan>,
    /// Notifications they have not opened yet.
    pub unread_notifications: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeReview {
    pub id: String,
    pub date: NaiveDate,
    pub days_to_go: i64,
    /// Where their "good for me" form for it is.
    pub feedback: FeedbackState,
    /// True once they have sent the form: nothing left for them to do.
    pub form_done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomePerson {
    pub relationship: Relationship,
    pub name: String,
    /// What this worker does, in a sentence.
    pub role_explained: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomeOfferNews {
    /// The entitlement's id in "My offer".
    pub id: String,
    pub title: String,
    /// What changed, in plain words, when the council said.
    pub update_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HomePlan {
    pub kind: PlanKind,
    pub version: u32,
    pub shared_at: DateTime<Utc>,
    /// The parts that changed since the version before (none for the first).
    pub changed: Vec<Section>,
}

/// How far ahead "due soon" looks on the staff home screen: a review due in
/// the next four weeks needs booking now.
pub const REVIEW_DUE_SOON_DAYS: i64 = 28;

/// `GET /api/staff/home`: what waits for a member of staff, as counts. Each
/// count is the length of the list its screen shows (so the two agree); a
/// part is `None` when the caller's role has no such list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffHome {
    /// The young people I work with now (a team manager: my team's; an
    /// administrator: everyone in the council), as "My young people" lists.
    pub caseload: Option<u32>,
    /// Views young people chose to send me before their reviews that nobody
    /// has answered yet ("you said, we did": the IRO, or a care leaver's
    /// personal adviser, answers), by young person.
    pub feedback_to_read: Option<Vec<FeedbackWaiting>>,
    /// The reviews list (a team manager: my team's).
    pub reviews: Option<ReviewCounts>,
    /// Open requests about the local offer for me to answer.
    pub offer_requests: Option<RequestCounts>,
    /// Questions about plans nobody has answered yet.
    pub plan_questions: Option<u32>,
    /// Safeguarding alerts with no response recorded yet.
    pub safeguarding_alerts: Option<u32>,
    /// The forum's moderation queue (participation officers).
    pub moderation: Option<ModerationCounts>,
}

/// One young person's views waiting for my answer. Their name only, to
/// link to their page: nothing of what they wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackWaiting {
    pub young_person_id: String,
    pub name: String,
    pub waiting: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewCounts {
    /// Past the date the law (or the council's promise) sets.
    pub overdue: u32,
    /// Not overdue, and due within [`REVIEW_DUE_SOON_DAYS`] days.
    pub due_soon: u32,
    /// Of those overdue or due soon, how many have no meeting booked.
    pub not_booked: u32,
    /// Meetings booked for the next [`REVIEW_DUE_SOON_DAYS`] days.
    pub booked_soon: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestCounts {
    /// Every open request (asked, being looked at, agreed but not paid).
    pub open: u32,
    /// Of those, the ones nobody has answered yet.
    pub new: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModerationCounts {
    /// Posts waiting for approval.
    pub waiting: u32,
    /// Of those, posts with words that suggest harm (they come first).
    pub suggests_harm: u32,
    /// Posts young people reported, not yet resolved.
    pub reported: u32,
    /// Posts up with a flagged word nobody has looked at.
    pub flagged: u32,
}
