//! Domain services: the rules of each capability, between thin routes and
//! the repositories.

pub mod auth;
pub mod events;
pub mod feedback;
pub mod flood;
pub mod forum;
pub mod free_text;
pub mod home;
pub mod language;
pub mod moderation;
pub mod offer;
pub mod offer_requests;
pub mod people;
pub mod plain_override;
pub mod plans;
pub mod readiness;
pub mod reviews;
pub mod safeguarding;
pub mod staff;
pub mod staff_home;
