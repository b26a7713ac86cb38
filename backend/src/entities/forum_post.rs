use sea_orm::entity::prelude::*;

/// A post and its moderation state.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_post")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub public_id: String,
    pub authority_id: i32,
    pub thread_id: i64,
    pub space_id: i32,
    pub author_member_id: i32,
    pub opening: bool,
    pub body: String,
    /// `shared::forum::PostStatus` as stored.
    pub status: String,
    /// Comma-separated `shared::forum::HoldReason`s.
    pub hold_reasons: String,
    pub flagged: bool,
    /// Flagged and not yet looked at by a moderator.
    pub flag_open: bool,
    pub suggests_harm: bool,
    /// Changed by a moderator before it went up.
    pub edited: bool,
    /// A moderator's words to the author.
    pub moderator_note: Option<String>,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn status(&self) -> Result<shared::forum::PostStatus, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "forum_post",
            "status",
            &self.status,
            shared::forum::PostStatus::parse,
        )
    }

    pub fn hold_reasons(&self) -> Result<Vec<shared::forum::HoldReason>, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "forum_post",
            "hold_reasons",
            &self.hold_reasons,
            shared::forum::HoldReason::parse_list,
        )
    }
}
