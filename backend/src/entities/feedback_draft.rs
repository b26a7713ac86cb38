use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_draft")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub young_person_id: i32,
    pub review_id: i32,
    pub form_id: i32,
    /// `Vec<shared::reviews::Answer>` as JSON.
    pub answers_json: String,
    /// Staff public ids as JSON; null for the default readers.
    pub readers_json: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
