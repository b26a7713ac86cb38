use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "review")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub public_id: String,
    pub authority_id: i32,
    pub young_person_id: i32,
    pub kind: String,
    pub status: String,
    pub scheduled_on: Date,
    pub start_minute: Option<i32>,
    pub end_minute: Option<i32>,
    pub place: String,
    pub invited_json: String,
    pub participation: String,
    pub brought_forward: bool,
    pub chair_account_id: Option<i32>,
    pub held_on: Option<Date>,
    pub outcomes: Option<String>,
    pub decisions: Option<String>,
    pub override_reason: Option<String>,
    pub outcomes_at: Option<DateTimeUtc>,
    pub outcomes_by: Option<i32>,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
