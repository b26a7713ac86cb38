use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub authority_id: i32,
    pub at: DateTimeUtc,
    pub actor_account_id: Option<i32>,
    pub actor_role: String,
    pub young_person_id: Option<i32>,
    pub action: String,
    pub basis: String,
    pub allocation_id: Option<i32>,
    pub outcome: String,
    pub reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
