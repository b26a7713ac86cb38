use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "allocation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub young_person_id: i32,
    pub staff_account_id: i32,
    pub relationship: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: Option<DateTimeUtc>,
    pub handover_note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::account::Entity",
        from = "Column::StaffAccountId",
        to = "super::account::Column::Id"
    )]
    Staff,
}

impl Related<super::account::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Staff.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn relationship(&self) -> Result<shared::access::Relationship, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "allocation",
            "relationship",
            &self.relationship,
            shared::access::Relationship::parse,
        )
    }
}
