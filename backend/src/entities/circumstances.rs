use sea_orm::entity::prelude::*;

/// What a young person is doing and where they live (one row each).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "circumstances")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub young_person_id: i32,
    pub in_education: bool,
    pub in_higher_education: bool,
    pub in_apprenticeship: bool,
    pub in_work: bool,
    pub staying_put: bool,
    pub lives_in_borough: bool,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
