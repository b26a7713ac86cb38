//! Plans, "about me" profiles and the local offer.

use super::{call, call_done, ApiError};
use shared::endpoints as ep;
use shared::offer::{
    AdminOfferEntry, EntitlementDraft, NewOfferRequest, OfferRequestAnswer, OfferRequestView,
};
use shared::plans::{
    AnswerRequest, DraftPlan, NewPlanQuery, PlanQueryView, SharePlan, StaffProfile,
};

/// "I don't understand this" or "I don't agree", with an optional message.
/// The answer carries help to show when the message suggests harm.
pub async fn ask_about_plan(query: &NewPlanQuery) -> Result<PlanQueryView, ApiError> {
    call(ep::plans::AskAboutPlan::url(), query).await
}

/// Save the worker's draft of a plan.
pub async fn save_plan_draft(id: &str, draft: &DraftPlan) -> Result<(), ApiError> {
    call_done(ep::plans::SavePlanDraft::url(id), draft).await
}

/// Share the plan, with the reason when it must be shared although it fails
/// the plain-language check.
pub async fn share_plan(id: &str, override_reason: Option<String>) -> Result<(), ApiError> {
    call_done(ep::plans::Share::url(id), &SharePlan { override_reason }).await
}

/// Answer a young person's question about their plan.
pub async fn answer_plan_question(
    person_id: &str,
    query_id: &str,
    answer: &str,
) -> Result<(), ApiError> {
    call_done(
        ep::plans::AnswerPlanQuestion::url(person_id),
        &AnswerRequest {
            query_id: query_id.to_string(),
            answer: answer.trim().to_string(),
        },
    )
    .await
}

/// A worker's "about me" for young people.
pub async fn save_profile(profile: &StaffProfile) -> Result<(), ApiError> {
    call(ep::plans::SaveProfile::url(), profile).await
}

/// "Ask about this" in my offer. The answer carries help to show when the
/// message suggests harm.
pub async fn ask_about_offer(request: &NewOfferRequest) -> Result<OfferRequestView, ApiError> {
    call(ep::offer::AskAboutOffer::url(), request).await
}

/// A new entitlement in the offer.
pub async fn create_entitlement(draft: &EntitlementDraft) -> Result<AdminOfferEntry, ApiError> {
    call(ep::offer::AdminCreate::url(), draft).await
}

/// A new version of one entitlement.
pub async fn replace_entitlement(
    id: &str,
    draft: &EntitlementDraft,
) -> Result<AdminOfferEntry, ApiError> {
    call(ep::offer::AdminReplace::url(id), draft).await
}

/// A worker moves a request about the offer on.
pub async fn answer_offer_request(id: &str, answer: &OfferRequestAnswer) -> Result<(), ApiError> {
    call_done(ep::offer::AnswerOfferRequest::url(id), answer).await
}
