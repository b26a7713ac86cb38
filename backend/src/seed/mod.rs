//! Reference data every deployment needs (idempotent, run at start-up), and
//! demo people, only when asked for.

pub mod demo;
pub mod forms;
mod forms_ar;
pub mod forum;
pub mod offer;
pub mod reference;
