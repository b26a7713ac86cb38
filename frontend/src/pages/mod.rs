//! One module per page. A page is a `#[component]` that reads what it needs
//! from `state::use_app` and `api`. Pages for signed-in people wrap their
//! content in `components::guard::SignedInOnly`.

pub mod about;
pub mod account;
pub mod activate;
pub mod audit;
pub mod caseload;
pub mod feedback_form;
pub mod form_editor;
pub mod forum;
pub mod forum_events;
pub mod forum_parts;
pub mod forum_thread;
pub mod help;
pub mod home;
pub mod insights;
pub mod mod_log;
pub mod moderation;
pub mod my_offer;
pub mod my_people;
pub mod my_plan;
pub mod my_review;
pub mod new_person;
pub mod not_found;
pub mod notification_settings;
pub mod notifications;
pub mod offer_editor;
pub mod participation;
pub mod person;
pub mod plan_editor;
pub mod questions;
pub mod requests;
pub mod review_promise;
pub mod safeguarding;
pub mod sign_in;
pub mod staff_accounts;
pub mod staff_events;
pub mod staff_feedback;
pub mod staff_reviews;
