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
