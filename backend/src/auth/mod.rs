//! Identity: passwords, tokens, sign-in throttling, and the `Caller`
//! extractor every protected handler takes.

pub mod caller;
pub mod codes;
pub mod password;
pub mod throttle;
pub mod tokens;

pub use caller::Caller;
