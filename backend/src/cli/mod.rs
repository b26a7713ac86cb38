//! The server binary's command line (clap): no subcommand, or `serve`,
//! runs the server as before; the others are the operator's commands
//! (issue 17). Each group parses and prints in its own file here; the work
//! is in `crate::operator`.

mod backup;
mod config;
mod council;
mod import;
mod keys;
mod offer;
mod staff;
mod team;

use crate::config::Settings;
use crate::operator::{self, Operator, OperatorError};
use clap::{Parser, Subcommand};
use sea_orm::DatabaseConnection;
use std::process::ExitCode;

/// Good for Me: the API server and the app, and the commands that set up a
/// council. Settings come from the environment (and $DATA_DIR/config.toml),
/// exactly as for the server.
#[derive(Debug, Parser)]
#[command(name = "backend", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// One variant a line, so commands added in parallel merge cleanly.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the same as giving no command).
    Serve,
    /// Run only the background worker (scheduled jobs such as review reminders, and push delivery), without the web server: for a separate service beside servers started with BACKGROUND_JOBS=false.
    Worker,
    /// Set up councils: create one, list them.
    #[command(subcommand)]
    Council(council::CouncilCommand),
    /// Add a team to a council.
    #[command(subcommand)]
    Team(team::TeamCommand),
    /// Add a member of staff (printing a one-time activation code), make a new code, or switch an account off.
    #[command(subcommand)]
    Staff(staff::StaffCommand),
    /// Start a council's local offer from the template.
    #[command(subcommand)]
    Offer(offer::OfferCommand),
    /// Rotate the signing key, or read how to rotate the push key.
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// Check the settings (and refuse weak ones in production).
    #[command(subcommand)]
    Config(config::ConfigCommand),
    /// Import a council's staff or young people from a CSV file.
    Import(import::ImportArgs),
    /// Back up the database to a file, while the server runs.
    Backup(backup::BackupArgs),
    /// Restore the database from a backup file (stop the server first).
    Restore(backup::RestoreArgs),
}

/// Runs an operator's command; `Serve` is the caller's (main.rs).
pub async fn run(command: Command) -> ExitCode {
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("The settings could not be read: {e}");
            return ExitCode::from(2);
        }
    };
    let operator = Operator::from_env();
    match command {
        Command::Serve | Command::Worker => ExitCode::SUCCESS,
        Command::Council(c) => council::run(c, &settings, &operator).await,
        Command::Team(c) => team::run(c, &settings, &operator).await,
        Command::Staff(c) => staff::run(c, &settings, &operator).await,
        Command::Offer(c) => offer::run(c, &settings, &operator).await,
        Command::Keys(c) => keys::run(c, &settings, &operator).await,
        Command::Config(c) => config::run(c, &settings),
        Command::Import(a) => import::run(a, settings).await,
        Command::Backup(a) => backup::run_backup(a, settings).await,
        Command::Restore(a) => backup::run_restore(a, settings).await,
    }
}

/// Opens and migrates the database, or says why not.
async fn connect(settings: &Settings) -> Result<DatabaseConnection, ExitCode> {
    operator::connect(settings).await.map_err(|e| {
        eprintln!("Could not open the database: {e}");
        ExitCode::from(2)
    })
}

/// A refusal: the reason on stderr, exit 1 (bad input, nothing written) or
/// 2 (the database or files could not be used).
fn refused(e: &OperatorError) -> ExitCode {
    match e {
        OperatorError::Invalid(_) | OperatorError::NotFound(_) | OperatorError::Differs(_) => {
            eprintln!("Refused: {e}");
            ExitCode::FAILURE
        }
        _ => {
            eprintln!("Failed: {e}");
            ExitCode::from(2)
        }
    }
}
