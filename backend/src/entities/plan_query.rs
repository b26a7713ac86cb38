use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_query")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub public_id: String,
    pub young_person_id: i32,
    pub plan_version_id: i32,
    pub section: String,
    pub kind: String,
    pub message: Option<String>,
    pub asked_at: DateTimeUtc,
    pub answer: Option<String>,
    pub answered_by: Option<i32>,
    pub answered_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn section(&self) -> Result<shared::plans::Section, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "plan_query",
            "section",
            &self.section,
            shared::plans::Section::parse,
        )
    }
    pub fn kind(&self) -> Result<shared::plans::QueryKind, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "plan_query",
            "kind",
            &self.kind,
            shared::plans::QueryKind::parse,
        )
    }
}
