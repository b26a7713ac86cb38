use super::{connect, refused};
use crate::config::Settings;
use crate::operator::{offer, Operator};
use clap::{Args, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum OfferCommand {
    /// Copy the demo council's local offer into a council, every entitlement marked "Example: check and edit before young people see it". Young people see none of them until an administrator saves each one in the offer editor (/admin/offer). Running it again adds only what is missing.
    FromTemplate(FromTemplateArgs),
}

#[derive(Debug, Args)]
pub struct FromTemplateArgs {
    /// The council's slug.
    #[arg(long)]
    council: String,
}

pub async fn run(c: OfferCommand, settings: &Settings, operator: &Operator) -> ExitCode {
    let OfferCommand::FromTemplate(a) = c;
    let db = match connect(settings).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    match offer::from_template(&db, &a.council, operator).await {
        Ok(0) => {
            println!(
                "{} already has every entitlement of the template; nothing changed.",
                a.council
            );
            ExitCode::SUCCESS
        }
        Ok(n) => {
            println!("Copied {n} example entitlements into {}. Young people see none of them until an administrator checks and saves each one in the offer editor (/admin/offer).", a.council);
            ExitCode::SUCCESS
        }
        Err(e) => refused(&e),
    }
}
