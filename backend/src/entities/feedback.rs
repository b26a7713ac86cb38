use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub public_id: String,
    pub authority_id: i32,
    pub young_person_id: i32,
    pub review_id: i32,
    pub form_id: i32,
    pub submission_id: String,
    pub suggests_harm: bool,
    pub submitted_at: DateTimeUtc,
    /// "You said, we did".
    pub response: Option<String>,
    pub responded_by: Option<i32>,
    pub responded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
