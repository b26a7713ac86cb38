//! Types and pure rules shared by the server and the WASM app.
//!
//! Nothing here does I/O or reads a clock: callers pass "today" in, so the
//! same rule gives the same answer in the browser (offline) and on the server.

pub mod access;
pub mod accounts;
pub mod api;
pub mod bank_holidays;
pub mod care_status;
pub mod eligibility;
pub mod endpoints;
pub mod forum;
pub mod glossary;
pub mod home;
pub mod ical;
pub mod language;
pub mod limits;
pub mod offer;
pub mod people;
pub mod plain_language;
pub mod plans;
pub mod push;
pub mod review_schedule;
pub mod reviews;
pub mod text_checks;
