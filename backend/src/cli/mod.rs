//! The server binary's command line: no subcommand runs the server; the
//! subcommands are an operator's tools, each with `--help` in plain words.

pub mod backup;
pub mod import;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "backend",
    about = "Good for Me. With no command, runs the server. Settings come from the environment (see the README)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a council's staff or young people from a CSV file.
    Import(import::ImportArgs),
    /// Back up the database to a file, while the server runs.
    Backup(backup::BackupArgs),
    /// Restore the database from a backup file (stop the server first).
    Restore(backup::RestoreArgs),
}
