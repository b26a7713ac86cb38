use crate::config::Settings;
use crate::operator::config_check;
use clap::{Args, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the settings the server would use, with no secret values ("set", "generated" or "missing"). With --production (or PRODUCTION=true), exit 1 listing every setting that must not go live: weak or missing keys, demo data, placeholders.
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Refuse what must not go live (also PRODUCTION=true).
    #[arg(long, env = "PRODUCTION")]
    production: bool,
}

pub fn run(c: ConfigCommand, settings: &Settings) -> ExitCode {
    let ConfigCommand::Check(a) = c;
    let r = config_check::check(settings, a.production);
    let width = r.settings.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, v) in &r.settings {
        println!("{k:width$}  {v}");
    }
    for n in &r.notes {
        println!("Note: {n}");
    }
    if r.problems.is_empty() {
        if a.production {
            println!("Ready for production.");
        }
        return ExitCode::SUCCESS;
    }
    eprintln!("Not ready for production:");
    for p in &r.problems {
        eprintln!("  - {p}");
    }
    ExitCode::FAILURE
}
