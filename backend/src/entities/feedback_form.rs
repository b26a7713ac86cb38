use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "feedback_form")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub public_id: String,
    pub authority_id: i32,
    pub form_key: String,
    pub version: i32,
    pub title: String,
    pub intro: String,
    pub with_adult: Option<String>,
    /// `Vec<shared::reviews::Question>` as JSON.
    pub questions_json: String,
    /// `shared::reviews::FormTranslations` as JSON; `None` before any.
    pub translations_json: Option<String>,
    pub created_at: DateTimeUtc,
    pub created_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn form_key(&self) -> Result<shared::reviews::FormKey, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "feedback_form",
            "form_key",
            &self.form_key,
            shared::reviews::FormKey::parse,
        )
    }
}
