//! Identity: passwords, tokens, activation codes and sign-in throttling.
//! The `Caller` extractor every protected handler takes is `crate::caller`.

pub mod codes;
pub mod password;
pub mod throttle;
pub mod tokens;
