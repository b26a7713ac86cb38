use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub young_person_id: i32,
    pub kind: String,
    pub status: String,
    pub version: Option<i32>,
    pub sections_json: String,
    pub next_date: Option<Date>,
    pub written_by: i32,
    pub updated_at: DateTimeUtc,
    pub shared_at: Option<DateTimeUtc>,
    pub shared_by: Option<i32>,
    pub override_reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn status(&self) -> Result<shared::plans::PlanStatus, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "plan_version",
            "status",
            &self.status,
            shared::plans::PlanStatus::parse,
        )
    }
}
