use sea_orm::entity::prelude::*;

/// A young person's "Ask about this" request.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_request")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub public_id: String,
    pub authority_id: i32,
    pub young_person_id: i32,
    pub entitlement_id: i32,
    /// `personal_adviser` or `social_worker`.
    pub sent_to: String,
    pub status: String,
    pub message: Option<String>,
    pub answer: Option<String>,
    /// Set while open, so only one open request per person and entitlement.
    pub open_key: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn status(&self) -> Result<shared::offer::RequestStatus, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "offer_request",
            "status",
            &self.status,
            shared::offer::RequestStatus::parse,
        )
    }
    pub fn sent_to(&self) -> Result<shared::access::Relationship, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "offer_request",
            "sent_to",
            &self.sent_to,
            shared::access::Relationship::parse,
        )
    }
}
