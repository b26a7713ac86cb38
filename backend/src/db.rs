//! Opening the database: embedded SQLite by default, PostgreSQL when
//! `DATABASE_URL` says so. Migrations run here at start-up.

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr};
use std::time::Duration;

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut opt = ConnectOptions::new(url.to_owned());
    opt.sqlx_logging(false)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5));
    if crate::config::is_postgres_url(url) {
        opt.max_connections(20).min_connections(1);
    } else {
        // WAL lets readers run beside the one writer; the busy timeout makes
        // a second writer wait rather than fail.
        opt.max_connections(8)
            .min_connections(1)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(5))
                    .foreign_keys(true)
                    // Checkpoints run beside the writers (`checkpoints`),
                    // not inside whichever write happens to fill the log.
                    // (No memory-mapped reads: measured, they made reads
                    // cost more as the file grew, since every connection
                    // maps the file afresh each time a checkpoint grows it.)
                    .pragma("wal_autocheckpoint", "0")
            });
        let db = Database::connect(opt).await?;
        tokio::spawn(checkpoints(db.clone()));
        return Ok(db);
    }
    Database::connect(opt).await
}

/// Copies SQLite's write-ahead log into the database file every second,
/// without waiting for readers or writers (PASSIVE), on a connection of
/// its own. Left to the writers, a checkpoint (and its fsync) lands on one
/// unlucky request every thousand pages, and everything waiting to write
/// waits behind it. Stops when the pool is closed.
async fn checkpoints(db: DatabaseConnection) {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        if let Err(e) = db
            .execute_unprepared("PRAGMA wal_checkpoint(PASSIVE)")
            .await
        {
            if matches!(
                e,
                DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::ConnectionClosed)
            ) {
                tracing::debug!(error = %e, "SQLite checkpoints stop");
                return;
            }
            tracing::warn!(error = %e, "SQLite checkpoint failed");
        }
    }
}

pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

pub fn backend_name(db: &DatabaseConnection) -> &'static str {
    match db.get_database_backend() {
        DbBackend::Postgres => "postgres",
        DbBackend::Sqlite => "sqlite",
        _ => "other",
    }
}

/// A trivial round trip, for the health check.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.execute_unprepared("SELECT 1").await.map(|_| ())
}
