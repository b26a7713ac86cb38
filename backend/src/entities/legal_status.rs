use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legal_status")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub young_person_id: i32,
    pub status: String,
    pub start_date: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn status(&self) -> Result<shared::people::LegalStatus, crate::error::ApiError> {
        crate::error::ApiError::stored("legal_status", "status", &self.status, |s| {
            serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
        })
    }
}
