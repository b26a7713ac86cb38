use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_reader")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub feedback_id: i32,
    pub account_id: i32,
    pub relationship: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn relationship(&self) -> Result<shared::access::Relationship, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "feedback_reader",
            "relationship",
            &self.relationship,
            shared::access::Relationship::parse,
        )
    }
}
