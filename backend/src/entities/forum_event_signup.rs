use sea_orm::entity::prelude::*;

/// A young person signed up to an event (or who cancelled).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_event_signup")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub public_id: String,
    pub authority_id: i32,
    pub event_id: i32,
    pub young_person_id: i32,
    /// `signed_up` or `cancelled`.
    pub status: String,
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn status(&self) -> Result<shared::forum::SignupStatus, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "forum_event_signup",
            "status",
            &self.status,
            shared::forum::SignupStatus::parse,
        )
    }
}
