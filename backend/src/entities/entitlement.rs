use sea_orm::entity::prelude::*;

/// The current version of one entitlement of a council's local offer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "entitlement")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub authority_id: i32,
    pub slug: String,
    pub section_id: i32,
    pub area: String,
    pub title: String,
    pub summary: String,
    pub detail: String,
    pub amount_pence: Option<i64>,
    pub amount_is: String,
    /// `shared::eligibility::Payment` as JSON.
    pub payment: String,
    pub how_to_claim: String,
    pub what_to_bring: String,
    pub contact: String,
    /// `shared::eligibility::Rule` as JSON.
    pub rule: String,
    pub example_figures: bool,
    pub retired: bool,
    pub position: i32,
    pub version: i32,
    /// What a young person is told changed, and when it did.
    pub update_note: Option<String>,
    pub update_noted_at: Option<DateTimeUtc>,
    pub changed_at: DateTimeUtc,
    pub changed_by: Option<i32>,
    pub created_at: DateTimeUtc,
    /// Copied from the template offer and not yet saved by an
    /// administrator: hidden from young people and the public page.
    pub example_to_edit: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
