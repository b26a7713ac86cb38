use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "safeguarding_alert")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub public_id: String,
    pub authority_id: i32,
    pub young_person_id: i32,
    /// `feedback` or `review_request`.
    pub source: String,
    /// The public id of what raised it.
    pub source_id: String,
    pub phrases_json: String,
    pub excerpt: String,
    pub routed_to: String,
    pub raised_at: DateTimeUtc,
    pub response: Option<String>,
    pub responded_by: Option<i32>,
    pub responded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn routed_to(&self) -> Result<shared::reviews::AlertRoute, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "safeguarding_alert",
            "routed_to",
            &self.routed_to,
            shared::reviews::AlertRoute::parse,
        )
    }
}
