//! Database migrations: append-only, one file per change, the same on SQLite
//! and PostgreSQL. Never edit a migration that has landed; add a new one.

pub use sea_orm_migration::prelude::*;

mod helpers;

mod m20261122_000001_authorities;
mod m20261122_000002_identity;
mod m20261122_000003_offer;
mod m20261122_000004_plans;
mod m20261122_000005_push;
mod m20261122_000006_reviews;
mod m20261122_000007_forum;
mod m20261122_000008_scale_indexes;
mod m20261122_000009_account_language;
mod m20261122_000010_form_translations;
mod m20261206_000011_flood;
mod m20261206_000012_council_setup;
mod m20261206_000020_worker_heartbeat;
mod m20261206_000021_young_person_ref;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_authorities::Migration),
            Box::new(m20261122_000002_identity::Migration),
            Box::new(m20261122_000004_plans::Migration),
            Box::new(m20261122_000005_push::Migration),
            Box::new(m20261122_000003_offer::Migration),
            Box::new(m20261122_000006_reviews::Migration),
            Box::new(m20261122_000007_forum::Migration),
            Box::new(m20261122_000008_scale_indexes::Migration),
            Box::new(m20261122_000009_account_language::Migration),
            Box::new(m20261122_000010_form_translations::Migration),
            Box::new(m20261206_000011_flood::Migration),
            Box::new(m20261206_000012_council_setup::Migration),
            Box::new(m20261206_000020_worker_heartbeat::Migration),
            Box::new(m20261206_000021_young_person_ref::Migration),
        ]
    }
}
