use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "local_authority")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub duty_phone: String,
    pub time_zone: String,
    pub created_at: DateTimeUtc,
    /// `england-and-wales` (the only table built in so far).
    pub bank_holiday_region: String,
    /// `statutory` or `bexley` (`shared::review_schedule::VisitPolicy`).
    pub visit_policy: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
