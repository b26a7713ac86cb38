use sea_orm::entity::prelude::*;

/// One thing a young person sent that the flood limiter counts (kept two days).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "flood_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub authority_id: i32,
    pub account_id: i32,
    /// `shared::forum::FloodKind::as_str`.
    pub kind: String,
    pub space_id: Option<i32>,
    /// SHA-256 (hex) of the normalised text, never the text.
    pub text_hash: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
