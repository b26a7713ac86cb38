use super::{connect, refused};
use crate::config::Settings;
use crate::operator::{team, Operator, Outcome};
use clap::{Args, Subcommand};
use shared::api::Team;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Add a team to a council. Running it again with the same values changes nothing.
    Add(AddArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The council's slug, as given to `council create`.
    #[arg(long)]
    council: String,
    /// Short name of the team: small letters, digits and dashes, such as "leaving-care".
    #[arg(long)]
    slug: String,
    /// The team's name as staff read it.
    #[arg(long)]
    name: String,
    /// looked-after-children, leaving-care, safeguarding, participation, virtual-school, management or other.
    #[arg(long)]
    kind: String,
}

pub async fn run(c: TeamCommand, settings: &Settings, operator: &Operator) -> ExitCode {
    let TeamCommand::Add(a) = c;
    let kind = match team::parse_kind(&a.kind) {
        Ok(k) => k,
        Err(e) => return refused(&e),
    };
    let db = match connect(settings).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    let t = Team {
        slug: a.slug,
        name: a.name,
        kind,
    };
    match team::add(&db, &a.council, &t, operator).await {
        Ok(Outcome::Created(t)) => {
            println!("Added the team {} ({}) to {}.", t.slug, t.name, a.council);
            ExitCode::SUCCESS
        }
        Ok(Outcome::Existed(t)) => {
            println!(
                "The team {} already exists with these values; nothing changed.",
                t.slug
            );
            ExitCode::SUCCESS
        }
        Err(e) => refused(&e),
    }
}
