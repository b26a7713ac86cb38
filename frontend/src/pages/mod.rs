//! One module per page. A page is a `#[component]` with no props that reads
//! what it needs from `state::use_app` and `api`.

pub mod about;
pub mod help;
pub mod home;
pub mod not_found;
