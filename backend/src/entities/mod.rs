//! Table definitions (sea-orm). Behaviour lives in `repo`, not here.

pub mod local_authority;
pub mod team;
