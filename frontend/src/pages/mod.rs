//! One module per page. A page is a `#[component]` that reads what it needs
//! from `state::use_app` and `api`. Pages for signed-in people wrap their
//! content in `components::guard::SignedInOnly`.

pub mod about;
pub mod account;
pub mod activate;
pub mod audit;
pub mod caseload;
pub mod help;
pub mod home;
pub mod my_offer;
pub mod my_people;
pub mod my_plan;
pub mod new_person;
pub mod not_found;
pub mod person;
pub mod plan_editor;
pub mod questions;
pub mod requests;
pub mod sign_in;
pub mod staff_accounts;
