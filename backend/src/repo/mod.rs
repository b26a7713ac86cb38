//! All SQL lives here. Every query that reads council data takes the
//! council's id, so one council's records never reach another's.

pub mod councils;
