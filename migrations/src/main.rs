//! `cargo run -p migrations -- up|status` against `DATABASE_URL`.
//! The server applies migrations itself at start-up; this is for operators.

use sea_orm_migration::prelude::*;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let Ok(url) = std::env::var("DATABASE_URL") else {
        eprintln!("Set DATABASE_URL, for example sqlite://data/goodforme.db?mode=rwc");
        return std::process::ExitCode::from(2);
    };
    let command = std::env::args().nth(1).unwrap_or_else(|| "up".to_owned());
    let db = match sea_orm_migration::sea_orm::Database::connect(&url).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("Could not connect to the database: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = match command.as_str() {
        "up" => migrations::Migrator::up(&db, None).await,
        "status" => migrations::Migrator::status(&db).await,
        other => {
            eprintln!("Unknown command {other}: use up or status");
            return std::process::ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Migration failed: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
