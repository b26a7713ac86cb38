use super::{connect, refused};
use crate::config::Settings;
use crate::operator::{staff, Operator, Outcome};
use clap::{Args, Subcommand};
use shared::accounts::{ActivationCode, NewStaff};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a member of staff and print their one-time activation code (they choose their password with it, on the app's activation page). Running it again for the same username prints no code: use `staff new-code`.
    Add(AddArgs),
    /// Print a new one-time code for a member of staff who lost theirs or forgot their password.
    NewCode(WhoArgs),
    /// Switch a member of staff's account off: they are signed out everywhere at once.
    Deactivate(WhoArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The council's slug.
    #[arg(long)]
    council: String,
    /// What they sign in with: letters, numbers, dots, dashes or underscores.
    #[arg(long)]
    username: String,
    /// Their name as colleagues and young people read it.
    #[arg(long)]
    name: String,
    /// social-worker, personal-adviser, iro, team-manager, participation-officer or admin.
    #[arg(long)]
    role: String,
    /// The slug of their team (see `team add`), if they have one.
    #[arg(long)]
    team: Option<String>,
}

#[derive(Debug, Args)]
pub struct WhoArgs {
    /// The council's slug.
    #[arg(long)]
    council: String,
    /// Their username.
    #[arg(long)]
    username: String,
}

fn print_code(code: &ActivationCode) {
    println!(
        "One-time code for {}: {}\nIt works once, until {} (UTC). Give it to them in person or by phone; they enter it on the app's activation page to choose their password.",
        code.username,
        code.code,
        code.expires_at.format("%Y-%m-%d %H:%M")
    );
}

pub async fn run(c: StaffCommand, settings: &Settings, operator: &Operator) -> ExitCode {
    let role = match &c {
        StaffCommand::Add(a) => match staff::parse_role(&a.role) {
            Ok(r) => Some(r),
            Err(e) => return refused(&e),
        },
        _ => None,
    };
    let db = match connect(settings).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    match c {
        StaffCommand::Add(a) => {
            let Some(role) = role else {
                return ExitCode::FAILURE;
            };
            let body = NewStaff {
                username: a.username,
                display_name: a.name,
                role,
                team: a.team,
            };
            match staff::add(&db, &a.council, &body, operator).await {
                Ok(Outcome::Created(added)) => {
                    println!("Added {}.", added.username);
                    if let Some(code) = &added.code {
                        print_code(code);
                    }
                    ExitCode::SUCCESS
                }
                Ok(Outcome::Existed(added)) => {
                    println!(
                        "{} already exists with these values; nothing changed and no code was made. For a new code: backend staff new-code --council {} --username {}",
                        added.username, a.council, added.username
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => refused(&e),
            }
        }
        StaffCommand::NewCode(w) => {
            match staff::new_code(&db, &w.council, &w.username, operator).await {
                Ok(code) => {
                    print_code(&code);
                    ExitCode::SUCCESS
                }
                Err(e) => refused(&e),
            }
        }
        StaffCommand::Deactivate(w) => {
            match staff::deactivate(&db, &w.council, &w.username, operator).await {
                Ok(Outcome::Created(u)) => {
                    println!("Switched {u} off and signed them out everywhere.");
                    ExitCode::SUCCESS
                }
                Ok(Outcome::Existed(u)) => {
                    println!("{u} was already switched off; nothing changed.");
                    ExitCode::SUCCESS
                }
                Err(e) => refused(&e),
            }
        }
    }
}
