use sea_orm::entity::prelude::*;

/// One moderation action. Append-only: `repo::moderation` inserts and
/// reads, and has no update or delete.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_moderation_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub public_id: String,
    pub authority_id: i32,
    pub at: DateTimeUtc,
    /// None: the automatic checks.
    pub actor_account_id: Option<i32>,
    pub actor_role: Option<String>,
    /// The name shown for the actor when it happened (staff name, or a
    /// young person's display name).
    pub actor_name: Option<String>,
    /// `shared::forum::ModAction` as stored.
    pub action: String,
    pub post_id: Option<i64>,
    pub thread_id: Option<i64>,
    pub member_id: Option<i32>,
    pub reason: Option<String>,
    pub original_title: Option<String>,
    pub original_body: Option<String>,
    pub new_title: Option<String>,
    pub new_body: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn action(&self) -> Result<shared::forum::ModAction, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "forum_moderation_log",
            "action",
            &self.action,
            shared::forum::ModAction::parse,
        )
    }
}
