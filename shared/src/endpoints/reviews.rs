//! Review meetings: the young person's schedule and choices, and staff booking, changing and recording them.

use super::prelude::*;
use super::ToQuery;
use serde::{Deserialize, Serialize};

endpoints! {
    /// My next review, when it must happen by, and what was decided at past ones (with the answers to what I said)
    MyReviews: GET "/api/me/reviews" () -> crate::reviews::MyReviews, YoungPersonSelf;
    /// An iCalendar file for my next review meeting: "My review meeting" and the place, nothing else
    MyCalendar: GET "/api/me/reviews/next.ics" () -> super::Raw, YoungPersonSelf;
    /// Sent to my IRO and social worker; who was told, in words
    AskEarlier: POST "/api/me/reviews/requests" () body crate::reviews::NewReviewRequest, -> crate::reviews::ReviewRequestSent, YoungPersonSelf;
    /// Saved; the IRO running the review is told. The "My review" screen comes back
    MyParticipation: PUT "/api/me/reviews/participation" () body crate::reviews::MyParticipation, -> crate::reviews::MyReviews, YoungPersonSelf;
    /// The schedule (next due date, overdue or not), every review with its plain-language checks, and requests for an earlier review
    PersonReviews: GET "/api/people/{id}/reviews" (id) -> crate::reviews::StaffReviewsView, Record(Action::ReadReviews);
    /// Booked; the young person is told and reminded 14 and 2 days before
    Book: POST "/api/people/{id}/reviews" (id) body crate::reviews::NewReview, -> crate::reviews::StaffReviewsView, Record(Action::ManageReviews);
    /// Changed (or cancelled); the young person is told
    Change: PATCH "/api/people/{id}/reviews" (id) body crate::reviews::ReviewChange, -> crate::reviews::StaffReviewsView, Record(Action::ManageReviews);
    /// Recorded as held; the plain-language check of each part comes back; the young person is told
    Outcome: POST "/api/people/{id}/reviews/outcome" (id) body crate::reviews::ReviewOutcome, -> crate::reviews::StaffReviewsView, Record(Action::ManageReviews);
    /// The reviews of the young people I work with (a manager: my team's), overdue first
    ListReviews: GET "/api/reviews" () query ListQuery, -> Vec<crate::reviews::ReviewListRow>, Ability(Ability::ListReviews);
    /// The council's review promise
    Settings: GET "/api/reviews/settings" () -> crate::review_schedule::ReviewPolicy, Ability(Ability::ManageReviewSettings);
    /// Saved; every schedule uses it from now
    SetSettings: PUT "/api/reviews/settings" () body crate::reviews::ReviewSettings, -> crate::review_schedule::ReviewPolicy, Ability(Ability::ManageReviewSettings);
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct ListQuery {
    /// Only the overdue ones.
    #[serde(default)]
    pub overdue: Option<bool>,
}

impl ToQuery for ListQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![("overdue", self.overdue.as_ref().map(ToString::to_string))]
    }
}
