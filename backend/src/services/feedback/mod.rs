//! "Good for me" feedback: the form screen, the server's copy of a draft,
//! sending (idempotent, all or nothing), reading and answering ("you said,
//! we did"), the forms as versioned data, anonymous totals with small
//! groups hidden, and safeguarding alerts raised by words that suggest harm.

mod alerts;
mod forms;
mod insights;
mod reading;
mod screen;
mod submit;

pub use alerts::{alerts, respond};
pub use forms::{forms, publish_form};
pub(crate) use forms::{publish, questions_of};
pub use insights::insights;
pub use reading::{answer, for_reader};
pub use screen::{save_draft, screen};
pub use submit::send;

use crate::error::ApiError;

fn field(e: shared::reviews::FieldError) -> ApiError {
    ApiError::validation(e.field, e.message)
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}
