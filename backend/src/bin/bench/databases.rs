//! A fresh database per run (an SQLite file, or a new PostgreSQL database),
//! and removing what an interrupted run left behind.

use super::args::Args;
use super::BenchResult;
use sea_orm::{ConnectionTrait, Database};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

pub(super) async fn ensure_postgres(url: &str) -> BenchResult<()> {
    if let Ok(db) = Database::connect(url).await {
        let _ = db.close().await;
        return Ok(());
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/postgres.sh");
    eprintln!("starting PostgreSQL with {}", script.display());
    let out = Command::new("bash").arg(&script).arg("start").output()?;
    if !out.status.success() {
        return Err(format!(
            "PostgreSQL is not answering at {url} and {} failed: {}",
            script.display(),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(())
}

pub(super) struct FreshDb {
    pub(super) url: String,
    /// For PostgreSQL: the server and the database to drop afterwards.
    pub(super) drop: Option<(String, String)>,
    pub(super) dir: PathBuf,
}

pub(super) async fn fresh_database(args: &Args, database: &str, size: u64) -> BenchResult<FreshDb> {
    let tag = uuid::Uuid::new_v4().simple().to_string();
    let dir = std::env::temp_dir().join(format!("gfm-bench-{size}-{tag}"));
    std::fs::create_dir_all(&dir)?;
    if database == "sqlite" {
        let f = FreshDb {
            url: backend::config::sqlite_url(&dir.join("bench.db")),
            drop: None,
            dir,
        };
        made(&f);
        return Ok(f);
    }
    let name = format!("gfm_bench_{tag}");
    let admin = Database::connect(&args.postgres_url).await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await?;
    admin.close().await?;
    let (base, _) = args
        .postgres_url
        .rsplit_once('/')
        .ok_or("the PostgreSQL URL names no database")?;
    let f = FreshDb {
        url: format!("{base}/{name}"),
        drop: Some((args.postgres_url.clone(), name)),
        dir,
    };
    made(&f);
    Ok(f)
}

/// A PostgreSQL database to drop (server URL, name) and a directory.
type Made = (Option<(String, String)>, PathBuf);

/// Databases and directories made and not yet removed (for Ctrl-C).
static LEFT: Mutex<Vec<Made>> = Mutex::new(Vec::new());

fn made(f: &FreshDb) {
    if let Ok(mut left) = LEFT.lock() {
        left.push((f.drop.clone(), f.dir.clone()));
    }
}

pub(super) async fn remove_leftovers() {
    let left = LEFT
        .lock()
        .map(|mut l| std::mem::take(&mut *l))
        .unwrap_or_default();
    for (drop, dir) in left {
        remove_database(&FreshDb {
            url: String::new(),
            drop,
            dir,
        })
        .await;
    }
}

pub(super) async fn remove_database(f: &FreshDb) {
    if let Ok(mut left) = LEFT.lock() {
        left.retain(|(_, d)| *d != f.dir);
    }
    if let Some((server, name)) = &f.drop {
        if let Ok(admin) = Database::connect(server).await {
            let _ = admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
            let _ = admin.close().await;
        }
    }
    let _ = std::fs::remove_dir_all(&f.dir);
}
