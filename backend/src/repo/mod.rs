//! All SQL lives here. Every query that reads council data takes the
//! council's id, so one council's records never reach another's.

pub mod accounts;
pub mod allocations;
pub mod audit;
pub mod councils;
pub mod login_failures;
pub mod notifications;
pub mod people;
pub mod sessions;
