use sea_orm::entity::prelude::*;

/// A Positive Journeys event: a meeting, a trip, training.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub public_id: String,
    pub authority_id: i32,
    pub space_id: Option<i32>,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub location: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub places: Option<i32>,
    pub places_taken: i32,
    pub sign_up_closes_at: Option<DateTimeUtc>,
    pub cancelled: bool,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn kind(&self) -> Result<shared::forum::EventKind, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "forum_event",
            "kind",
            &self.kind,
            shared::forum::EventKind::parse,
        )
    }
}
