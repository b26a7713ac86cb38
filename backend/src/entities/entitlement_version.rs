use sea_orm::entity::prelude::*;

/// One version of an entitlement (append-only).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "entitlement_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub authority_id: i32,
    pub entitlement_id: i32,
    pub version: i32,
    pub changed_at: DateTimeUtc,
    pub changed_by: Option<i32>,
    pub note: Option<String>,
    /// `shared::offer::EntitlementDraft` as JSON; `None` for version 1.
    pub before_json: Option<String>,
    pub after_json: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
