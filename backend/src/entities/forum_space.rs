use sea_orm::entity::prelude::*;

/// A Positive Journeys space and its rule (ages, audience).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_space")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub authority_id: i32,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub min_age: i32,
    pub max_age: i32,
    /// `in_care`, `care_leavers` or `both`.
    pub audience: String,
    pub hold_under_18: bool,
    pub archived: bool,
    pub position: i32,
    /// Flood limits (`shared::forum::FloodLimits`); defaults in the migration.
    pub threads_per_hour: i32,
    pub threads_per_day: i32,
    pub replies_per_hour: i32,
    pub replies_per_day: i32,
    pub min_gap_secs: i32,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The stored text read as its enum: an unknown value is an error
/// (`ApiError::UnknownStoredValue`), never a default.
impl Model {
    /// The space's flood limits; a stored negative reads as 0 (the checks
    /// on writing allow none).
    pub fn flood_limits(&self) -> shared::forum::FloodLimits {
        let n = |v: i32| u32::try_from(v).unwrap_or(0);
        shared::forum::FloodLimits {
            threads_per_hour: n(self.threads_per_hour),
            threads_per_day: n(self.threads_per_day),
            replies_per_hour: n(self.replies_per_hour),
            replies_per_day: n(self.replies_per_day),
            min_gap_secs: n(self.min_gap_secs),
        }
    }

    pub fn audience(&self) -> Result<shared::forum::Audience, crate::error::ApiError> {
        crate::error::ApiError::stored(
            "forum_space",
            "audience",
            &self.audience,
            shared::forum::Audience::parse,
        )
    }
}
