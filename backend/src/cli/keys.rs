use super::{connect, refused};
use crate::config::Settings;
use crate::operator::{keys, Operator};
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Make this server's keys (the access-token key and the push key) in the data directory, readable by the server's user only, if they are not there yet. Run it once before the first start. Keys set in the environment are used instead and nothing is written.
    Generate,
    /// Replace the key access tokens are signed with. Tokens signed with the old key keep working until they expire (minutes); restart every instance afterwards so they all sign with the new one.
    RotateJwt,
    /// Print how to rotate the push (VAPID) key and what it costs. Changes nothing.
    Vapid,
}

pub async fn run(c: KeysCommand, settings: &Settings, operator: &Operator) -> ExitCode {
    match c {
        KeysCommand::Generate => {
            let db = match connect(settings).await {
                Ok(db) => db,
                Err(code) => return code,
            };
            let path = crate::secrets::secrets_path(&settings.data_dir);
            match keys::generate(&db, settings, operator).await {
                Ok(true) => println!(
                    "The keys are in {} (readable by this user only).",
                    path.display()
                ),
                Ok(false) if path.exists() => println!(
                    "The keys are already in {}: nothing changed.",
                    path.display()
                ),
                Ok(false) => println!(
                    "JWT_SECRET and VAPID_PRIVATE_KEY come from the environment: nothing written."
                ),
                Err(e) => return refused(&e),
            }
            ExitCode::SUCCESS
        }
        KeysCommand::Vapid => {
            print!("{}", keys::vapid_instructions(settings));
            ExitCode::SUCCESS
        }
        KeysCommand::RotateJwt => {
            let db = match connect(settings).await {
                Ok(db) => db,
                Err(code) => return code,
            };
            match keys::rotate_jwt(&db, settings, operator).await {
                Ok(at) => {
                    println!(
                        "A new JWT signing key is in {} (the old one retired at {}). Restart every instance now; tokens signed before keep working until they expire ({} minutes).",
                        crate::secrets::secrets_path(&settings.data_dir).display(),
                        at.format("%Y-%m-%d %H:%M:%S UTC"),
                        settings.access_token_minutes
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => refused(&e),
            }
        }
    }
}
