use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_answer")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub feedback_id: i32,
    pub question_key: String,
    pub scale: Option<i32>,
    /// Option keys as JSON.
    pub choices_json: Option<String>,
    pub text: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
