//! `backend backup --to FILE` and `backend restore --from FILE`.

use crate::config::Settings;
use crate::operator::{backup, Operator};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The new backup file. It holds personal data: only you can read it;
    /// keep it safe. The server may keep running.
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file to restore. Stop the server first. The restore
    /// refuses a damaged file, a backup from a newer version, a backup of
    /// another kind of database, and a database that holds another
    /// council's people.
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
}

/// The audit row of a backup or a restore, in every council's trail,
/// written once it is done (so a backup does not hold its own row).
async fn audit(settings: &Settings, action: &str, detail: &str) -> Result<(), ExitCode> {
    let recorded = match crate::db::connect(&settings.database_url).await {
        Ok(db) => {
            crate::operator::record_for_every_council(&db, &Operator::from_env(), action, detail)
                .await
        }
        Err(e) => Err(e),
    };
    recorded.map_err(|e| {
        eprintln!("The audit row could not be written: {e}");
        ExitCode::from(2)
    })
}

pub async fn run_backup(args: BackupArgs, settings: Settings) -> ExitCode {
    match backup::backup(&settings.database_url, &args.to).await {
        Ok(r) => {
            let detail = format!("Backup to {}", args.to.display());
            if let Err(code) = audit(&settings, "backup", &detail).await {
                return code;
            }
            let rows: i64 = r.manifest.row_counts.values().sum();
            println!(
                "Backed up {} ({} database, schema {}, councils: {}): {} tables, {} rows, {} bytes.",
                args.to.display(),
                r.manifest.database,
                r.manifest.schema_version,
                if r.manifest.councils.is_empty() {
                    "none".to_owned()
                } else {
                    r.manifest.councils.join(", ")
                },
                r.manifest.row_counts.len(),
                rows,
                r.bytes
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("The backup failed: {e}");
            ExitCode::FAILURE
        }
    }
}

pub async fn run_restore(args: RestoreArgs, settings: Settings) -> ExitCode {
    match backup::restore(&settings.database_url, &args.from).await {
        Ok(r) => {
            let detail = format!(
                "Restored from {} (made {})",
                args.from.display(),
                r.manifest.created_at.to_rfc3339()
            );
            if let Err(code) = audit(&settings, "restore", &detail).await {
                return code;
            }
            println!(
                "Restored {} (made {}, schema {}, councils: {}).",
                args.from.display(),
                r.manifest.created_at.to_rfc3339(),
                r.manifest.schema_version,
                r.manifest.councils.join(", ")
            );
            if !r.migrated.is_empty() {
                println!("Brought up to date with: {}.", r.migrated.join(", "));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Nothing was restored: {e}");
            ExitCode::FAILURE
        }
    }
}
