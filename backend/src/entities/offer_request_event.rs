use sea_orm::entity::prelude::*;

/// One step of a request's story.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offer_request_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub request_id: i32,
    pub status: String,
    pub message: Option<String>,
    pub actor_account_id: Option<i32>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn status(&self) -> Result<shared::offer::RequestStatus, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "offer_request_event",
            "status",
            &self.status,
            shared::offer::RequestStatus::parse,
        )
    }
}
