//! What every handler can reach: the database, settings, keys and the
//! OpenAPI document. Its own module so routes and services never import
//! `startup` (which imports them).

use crate::config::Settings;
use crate::secrets::Keys;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub settings: Arc<Settings>,
    pub keys: Arc<Keys>,
    pub tokens: Arc<crate::auth::tokens::TokenKeys>,
    pub openapi: Arc<utoipa::openapi::OpenApi>,
    /// Where the audit rows of reads are written, in batches.
    pub audit_log: crate::audit_log::AuditLog,
    /// What `/metrics` reports.
    pub metrics: Arc<crate::metrics::Metrics>,
}
