//! Table definitions (sea-orm). Behaviour lives in `repo`, not here.

pub mod account;
pub mod activation_code;
pub mod allocation;
pub mod audit_event;
pub mod break_glass;
pub mod care_episode;
pub mod legal_status;
pub mod local_authority;
pub mod login_failure;
pub mod notification;
pub mod refresh_token;
pub mod session;
pub mod team;
pub mod young_person;
