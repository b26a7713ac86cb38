use sea_orm::entity::prelude::*;
use shared::review_schedule::ReviewKind;

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

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    pub fn status(&self) -> Result<shared::reviews::ReviewStatus, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "review",
            "status",
            &self.status,
            shared::reviews::ReviewStatus::parse,
        )
    }
    pub fn participation(&self) -> Result<shared::reviews::Participation, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "review",
            "participation",
            &self.participation,
            shared::reviews::Participation::parse,
        )
    }
}

impl Model {
    pub fn kind(&self) -> Result<shared::review_schedule::ReviewKind, crate::error::ApiError> {
        crate::error::ApiError::stored("review", "kind", &self.kind, kind_of)
    }
}

pub(crate) fn kind_str(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::First => "first",
        ReviewKind::Second => "second",
        ReviewKind::Subsequent => "subsequent",
        ReviewKind::PathwayPlan => "pathway_plan",
    }
}

/// The stored review kind; `Model::kind` reads it.
pub(crate) fn kind_of(s: &str) -> Option<ReviewKind> {
    [
        ReviewKind::First,
        ReviewKind::Second,
        ReviewKind::Subsequent,
        ReviewKind::PathwayPlan,
    ]
    .into_iter()
    .find(|k| kind_str(*k) == s)
}
