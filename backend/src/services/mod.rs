//! Domain services: the rules of each capability, between thin routes and
//! the repositories.

pub mod auth;
pub mod offer;
pub mod offer_requests;
pub mod people;
pub mod plans;
