use sea_orm::entity::prelude::*;

/// A running background worker's last pass (see `push::worker`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "worker_heartbeat")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub instance: String,
    pub beat_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
