use sea_orm::entity::prelude::*;

/// A thread; `status` mirrors its opening post's.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_thread")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub public_id: String,
    pub authority_id: i32,
    pub space_id: i32,
    pub author_member_id: i32,
    pub title: String,
    pub status: String,
    pub locked: bool,
    pub lock_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub last_post_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn status(&self) -> Result<shared::forum::PostStatus, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "forum_thread",
            "status",
            &self.status,
            shared::forum::PostStatus::parse,
        )
    }
}
