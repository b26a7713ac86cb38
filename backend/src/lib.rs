//! Good for Me: the API server and the host of the PWA.

pub mod access;
pub mod audit_log;
pub mod auth;
pub mod caller;
pub mod clean_input;
pub mod cli;
pub mod config;
pub mod db;
pub mod entities;
pub mod error;
pub mod generate;
pub mod headers;
pub mod operator;
pub mod push;
pub mod repo;
pub mod routes;
pub mod secrets;
pub mod seed;
pub mod services;
pub mod startup;
pub mod state;
pub mod static_files;
pub mod telemetry;
