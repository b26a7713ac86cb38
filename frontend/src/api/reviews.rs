//! Reviews, "good for me" feedback, safeguarding alerts, notifications and
//! push.

use super::{call, call_done, get, ApiError};
use shared::endpoints as ep;
use shared::push::{
    NewPushSubscription, NotificationPreferences, PushSubscriptionView, UpdatePreferences,
};
use shared::review_schedule::ReviewPolicy;
use shared::reviews::{
    AlertResponse, DraftView, FeedbackAnswer, FormDefinition, FormVersionView, MyParticipation,
    NewReview, NewReviewRequest, Participation, ReviewChange, ReviewOutcome, ReviewRequestSent,
    ReviewSettings, SaveDraft, SendFeedback, SentFeedback,
};

/// "Can my review be sooner?".
pub async fn ask_for_earlier_review(
    message: Option<String>,
) -> Result<ReviewRequestSent, ApiError> {
    call(
        ep::reviews::AskEarlier::url(),
        &NewReviewRequest { message },
    )
    .await
}

/// How I want to take part in my review.
pub async fn choose_participation(
    review_id: &str,
    participation: Participation,
) -> Result<(), ApiError> {
    call_done(
        ep::reviews::MyParticipation::url(),
        &MyParticipation {
            review_id: review_id.to_string(),
            participation,
        },
    )
    .await
}

/// The server's copy of my draft.
pub async fn save_feedback_draft(draft: &SaveDraft) -> Result<DraftView, ApiError> {
    call(ep::feedback::SaveFeedbackDraft::url(), draft).await
}

/// Send my views (idempotent on the submission id).
pub async fn send_feedback(body: &SendFeedback) -> Result<SentFeedback, ApiError> {
    call(ep::feedback::Send::url(), body).await
}

/// Book a review.
pub async fn book_review(id: &str, review: &NewReview) -> Result<(), ApiError> {
    call_done(ep::reviews::Book::url(id), review).await
}

/// Move or cancel a booked review.
pub async fn change_review(id: &str, change: &ReviewChange) -> Result<(), ApiError> {
    call_done(ep::reviews::Change::url(id), change).await
}

/// What was decided at a review.
pub async fn record_review_outcome(id: &str, outcome: &ReviewOutcome) -> Result<(), ApiError> {
    call_done(ep::reviews::Outcome::url(id), outcome).await
}

/// "You said, we did".
pub async fn answer_feedback(id: &str, answer: &FeedbackAnswer) -> Result<(), ApiError> {
    call_done(ep::feedback::AnswerFeedback::url(id), answer).await
}

/// Publish a form as its next version.
pub async fn publish_form(def: &FormDefinition) -> Result<FormVersionView, ApiError> {
    call(ep::feedback::PublishForm::url(), def).await
}

/// The council's review promise.
pub async fn save_review_settings(settings: &ReviewSettings) -> Result<ReviewPolicy, ApiError> {
    call(ep::reviews::SetSettings::url(), settings).await
}

/// What was done about a safeguarding alert.
pub async fn respond_to_alert(response: &AlertResponse) -> Result<(), ApiError> {
    call_done(ep::feedback::Respond::url(), response).await
}

/// One notification read.
pub async fn mark_notification_read(id: &str) -> Result<(), ApiError> {
    call(ep::push::MarkRead::url(id), &()).await
}

/// One notification of mine deleted.
pub async fn delete_notification(id: &str) -> Result<(), ApiError> {
    call(ep::push::DeleteNotification::url(id), &()).await
}

/// Every notification of mine read.
pub async fn mark_all_notifications_read() -> Result<(), ApiError> {
    call(ep::push::MarkAllRead::url(), &()).await
}

/// What reaches my phone, and my quiet hours.
pub async fn save_notification_preferences(
    update: &UpdatePreferences,
) -> Result<NotificationPreferences, ApiError> {
    call(ep::push::UpdatePreferences::url(), update).await
}

/// The key this browser subscribes with.
pub async fn vapid_public_key() -> Result<String, ApiError> {
    get(ep::push::VapidPublicKey::url())
        .await
        .map(|k| k.public_key)
}

/// This device gets pushes (again: the same endpoint only updates its keys,
/// and answers its id).
pub async fn add_push_subscription(
    sub: &NewPushSubscription,
) -> Result<PushSubscriptionView, ApiError> {
    call(ep::push::Subscribe::url(), sub).await
}

/// This device gets no more pushes.
pub async fn remove_push_subscription(id: &str) -> Result<(), ApiError> {
    call(ep::push::Unsubscribe::url(id), &()).await
}
