use sea_orm::entity::prelude::*;

/// A consultation or quick poll.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_poll")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub public_id: String,
    pub authority_id: i32,
    pub space_id: Option<i32>,
    /// `poll` or `consultation`.
    pub kind: String,
    pub question: String,
    pub description: String,
    /// A JSON array of strings.
    pub options: String,
    pub allows_comment: bool,
    pub closes_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    pub you_said_we_did: Option<String>,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn kind(&self) -> Result<shared::forum::PollKind, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "forum_poll",
            "kind",
            &self.kind,
            shared::forum::PollKind::parse,
        )
    }
}
