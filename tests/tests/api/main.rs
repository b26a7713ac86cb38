//! One test binary (faster to link than one per file), a module per area.

mod access_walk;
mod auth;
mod backup;
mod bad_input;
mod councils;
mod disguises;
mod errors_and_headers;
mod faults;
mod flood;
mod form_translations;
mod forum;
mod generate;
mod harm_everywhere;
mod health;
mod home;
mod import;
mod language;
mod limits;
mod offer;
mod openapi;
mod plans;
mod push;
mod pwa;
mod reviews;
mod staff_home;
mod static_app;
