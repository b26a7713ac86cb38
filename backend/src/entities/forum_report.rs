use sea_orm::entity::prelude::*;

/// A report of a post, with a copy of the post as it was reported.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub public_id: String,
    pub authority_id: i32,
    pub post_id: i64,
    pub reporter_young_person_id: i32,
    pub reason: Option<String>,
    pub snapshot_title: Option<String>,
    pub snapshot_body: String,
    pub snapshot_author: String,
    /// `open` or `resolved`.
    pub status: String,
    /// `removed` or `kept`.
    pub outcome: Option<String>,
    pub created_at: DateTimeUtc,
    pub resolved_at: Option<DateTimeUtc>,
    pub resolved_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn status(&self) -> Result<shared::forum::ReportStatus, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "forum_report",
            "status",
            &self.status,
            shared::forum::ReportStatus::parse,
        )
    }
}
