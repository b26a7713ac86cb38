use sea_orm::entity::prelude::*;

/// A flood limit someone hit; refusals within the hour add to `attempts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "flood_hit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub authority_id: i32,
    pub account_id: i32,
    pub member_id: Option<i32>,
    /// `shared::forum::FloodKind::as_str`.
    pub kind: String,
    /// `shared::forum::LimitKind::as_str`.
    pub limit_kind: String,
    pub space_id: Option<i32>,
    pub attempts: i32,
    pub first_at: DateTimeUtc,
    pub last_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn kind(&self) -> Result<shared::forum::FloodKind, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "flood_hit",
            "kind",
            &self.kind,
            shared::forum::FloodKind::parse,
        )
    }

    pub fn limit_kind(&self) -> Result<shared::forum::LimitKind, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "flood_hit",
            "limit_kind",
            &self.limit_kind,
            shared::forum::LimitKind::parse,
        )
    }
}
