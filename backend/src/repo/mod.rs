//! All SQL lives here. Every query that reads council data takes the
//! council's id, so one council's records never reach another's.

pub mod accounts;
pub mod allocations;
pub mod audit;
pub mod chunked;
pub mod circumstances;
pub mod councils;
pub mod events;
pub mod feedback;
pub mod flood;
pub mod forum;
pub mod home;
pub mod keyset;
pub mod login_failures;
pub mod moderation;
pub mod notifications;
pub mod offer;
pub mod offer_requests;
pub mod ops;
pub mod people;
pub mod plans;
pub mod push;
pub mod reviews;
pub mod sessions;
pub mod staff_home;
