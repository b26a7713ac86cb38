//! Operator work done from the command line (issue 17), as library
//! functions with typed results: the `cli` module prints them, tests call
//! them directly.

pub mod backup;
pub mod import;
