//! The local offer: the published offer, "my offer", circumstances, requests and the administrators' versioned edits.

use super::prelude::*;
use super::ToQuery;
use serde::{Deserialize, Serialize};

endpoints! {
    /// The council's whole local offer, by its own sections
    PublicOffer: GET "/api/councils/{slug}/offer" (slug) query SearchQuery, -> crate::offer::PublicOffer, Public;
    /// What the local offer gives me now (by area), what is coming up and when, and what I have not asked about yet
    MyOffer: GET "/api/me/offer" () -> crate::offer::MyOffer, YoungPersonSelf;
    /// Every matching entitlement, best first, each saying whether it is for me
    MySearch: GET "/api/me/offer/search" () query SearchQuery, -> crate::offer::MyOfferSearch, YoungPersonSelf;
    /// My requests about the local offer and how each is going, newest first
    MyRequests: GET "/api/me/offer/requests" () -> Vec<crate::offer::OfferRequestView>, YoungPersonSelf;
    /// Sent to my personal adviser (or social worker if I have none)
    AskAboutOffer: POST "/api/me/offer/requests" () body crate::offer::NewOfferRequest, -> crate::offer::OfferRequestView, YoungPersonSelf;
    /// What the local offer gives this young person
    PersonOffer: GET "/api/people/{id}/offer" (id) -> crate::offer::MyOffer, Record(Action::ReadOffer);
    /// What they are doing now and where they live, as the offer's rules read it
    Circumstances: GET "/api/people/{id}/circumstances" (id) -> crate::offer::Circumstances, Record(Action::ReadCircumstances);
    /// Changed (only the facts sent); the young person is told
    SetCircumstances: PATCH "/api/people/{id}/circumstances" (id) body crate::offer::CircumstancesUpdate, -> crate::offer::Circumstances, Record(Action::WriteCircumstances);
    /// Their requests about the local offer, newest first
    PersonRequests: GET "/api/people/{id}/offer-requests" (id) -> Vec<crate::offer::OfferRequestView>, Record(Action::ReadOfferRequests);
    /// Requests for me to answer, as the young people's worker now (newest first)
    WorkerRequests: GET "/api/offer/requests" () query RequestListQuery, -> Vec<crate::offer::OfferRequestView>, Ability(Ability::AnswerOfferRequests);
    /// Moved on; the young person is told
    AnswerOfferRequest: PATCH "/api/offer/requests/{id}" (id) body crate::offer::OfferRequestAnswer, -> crate::offer::OfferRequestView, Ability(Ability::AnswerOfferRequests);
    /// Every entitlement, retired ones too, with the sections and areas to choose from
    AdminList: GET "/api/offer/entitlements" () -> crate::offer::AdminOffer, Ability(Ability::ManageOffer);
    /// Added to the offer (version 1)
    AdminCreate: POST "/api/offer/entitlements" () body crate::offer::EntitlementDraft, -> crate::offer::AdminOfferEntry, Ability(Ability::ManageOffer);
    /// Saved as a new version (the one before is kept); unchanged content makes no version
    AdminReplace: PUT "/api/offer/entitlements/{id}" (id) body crate::offer::EntitlementDraft, -> crate::offer::AdminOfferEntry, Ability(Ability::ManageOffer);
    /// Every version: who, when, what before and after, newest first
    AdminChanges: GET "/api/offer/changes" () query ChangesQuery, -> Vec<crate::offer::EntitlementChange>, Ability(Ability::ManageOffer);
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    pub q: Option<String>,
}

impl ToQuery for SearchQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![("q", self.q.as_ref().map(ToString::to_string))]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestListQuery {
    #[serde(default)]
    pub include_closed: Option<bool>,
}

impl ToQuery for RequestListQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![(
            "include_closed",
            self.include_closed.as_ref().map(ToString::to_string),
        )]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangesQuery {
    #[serde(default)]
    pub entitlement: Option<String>,
}

impl ToQuery for ChangesQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![(
            "entitlement",
            self.entitlement.as_ref().map(ToString::to_string),
        )]
    }
}
