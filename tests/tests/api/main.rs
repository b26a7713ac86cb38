//! One test binary (faster to link than one per file), a module per area.

mod access_walk;
mod auth;
mod councils;
mod errors_and_headers;
mod health;
mod openapi;
mod static_app;
