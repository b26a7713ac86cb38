//! Backups and restores (issue 17).
//!
//! A backup file is framed, with no other tool needed to check it:
//!
//! ```text
//! GOOD-FOR-ME-BACKUP\n
//! {manifest as one line of JSON}\n
//! the data: an SQLite database file (`VACUUM INTO`), or `pg_dump -Fc`
//! \n + SHA-256 (hex) of every byte before it
//! ```
//!
//! The manifest says the format, the kind of database, the schema (the
//! migrations applied), the councils whose people it holds, when it was
//! made, every table's row count and the data's SHA-256. A restore checks
//! all of it before it touches the target, and is all-or-nothing: SQLite's
//! file is swapped in by one rename, PostgreSQL's restore runs in one
//! transaction. Migrations then bring an older backup up to date.

use crate::db;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    AccessMode, ConnectionTrait, Database, DbBackend, IsolationLevel, Statement, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

pub const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8] = b"GOOD-FOR-ME-BACKUP\n";
/// The trailer: a newline and 64 hex digits.
const TRAILER: u64 = 65;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format_version: u32,
    /// "sqlite" or "postgres".
    pub database: String,
    /// The last migration applied (by name).
    pub schema_version: String,
    /// Every migration applied.
    pub migrations: Vec<String>,
    /// The councils that have people (accounts or young people).
    pub councils: Vec<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub row_counts: BTreeMap<String, i64>,
    pub data_bytes: u64,
    pub data_sha256: String,
}

/// The newest migration this build knows (what a restore brings a backup
/// up to).
pub fn known_schema_version() -> String {
    Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .max()
        .unwrap_or_default()
}

/// Why a backup or restore stopped; the words say what to do.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("The backup file is damaged or incomplete (its checksum does not match): {0}")]
    Damaged(String),
    #[error("This backup is from a newer version of Good for Me (schema {0}); upgrade this server before restoring it.")]
    NewerSchema(String),
    #[error("This is a {backup} backup; the target database is {target}. Restore into the same kind of database.")]
    WrongKind { backup: String, target: String },
    #[error("The target database already holds the data of another council ({0}). Restore into an empty database, or into this council's own.")]
    OtherCouncil(String),
    #[error("The backup file {0} already exists: name a new file.")]
    Exists(String),
    #[error("{what}: {why}")]
    Io { what: String, why: String },
    #[error("{0} failed: {1}")]
    Tool(String, String),
    #[error("Database: {0}")]
    Db(#[from] sea_orm::DbErr),
}

fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> BackupError {
    let what = what.into();
    move |e| BackupError::Io {
        what,
        why: e.to_string(),
    }
}

fn kind_of(url: &str) -> &'static str {
    if crate::config::is_postgres_url(url) {
        "postgres"
    } else {
        "sqlite"
    }
}

/// The file behind an SQLite URL (`sqlite://path?mode=rwc`).
pub fn sqlite_path(url: &str) -> PathBuf {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    PathBuf::from(rest.split('?').next().unwrap_or(rest))
}

/// The tables of this database, read from the database itself.
pub async fn table_names(db: &impl ConnectionTrait) -> Result<Vec<String>, sea_orm::DbErr> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        }
        _ => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1",
    };
    let rows = db
        .query_all_raw(Statement::from_string(backend, sql))
        .await?;
    rows.iter()
        .map(|r| r.try_get::<String>("", "name"))
        .collect()
}

/// Every table's row count.
pub async fn row_counts(
    db: &impl ConnectionTrait,
) -> Result<BTreeMap<String, i64>, sea_orm::DbErr> {
    let backend = db.get_database_backend();
    let mut out = BTreeMap::new();
    for t in table_names(db).await? {
        let sql = format!("SELECT COUNT(*) AS n FROM \"{}\"", t.replace('"', "\"\""));
        let row = db
            .query_one_raw(Statement::from_string(backend, sql))
            .await?;
        let n = row
            .map(|r| r.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
        out.insert(t, n);
    }
    Ok(out)
}

async fn has_table(db: &impl ConnectionTrait, name: &str) -> Result<bool, sea_orm::DbErr> {
    Ok(table_names(db).await?.iter().any(|t| t == name))
}

/// The migrations applied, in name order (empty on a new database).
async fn applied(db: &impl ConnectionTrait) -> Result<Vec<String>, sea_orm::DbErr> {
    if !has_table(db, "seaql_migrations").await? {
        return Ok(vec![]);
    }
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT version FROM seaql_migrations ORDER BY version",
        ))
        .await?;
    rows.iter()
        .map(|r| r.try_get::<String>("", "version"))
        .collect()
}

/// The councils with people (accounts or young people).
pub async fn councils_with_people(
    db: &impl ConnectionTrait,
) -> Result<Vec<String>, sea_orm::DbErr> {
    if !has_table(db, "local_authority").await? {
        return Ok(vec![]);
    }
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT slug FROM local_authority la WHERE \
             EXISTS (SELECT 1 FROM account a WHERE a.authority_id = la.id) \
             OR EXISTS (SELECT 1 FROM young_person y WHERE y.authority_id = la.id) \
             ORDER BY slug",
        ))
        .await?;
    rows.iter()
        .map(|r| r.try_get::<String>("", "slug"))
        .collect()
}

async fn describe(db: &impl ConnectionTrait, kind: &str) -> Result<Manifest, sea_orm::DbErr> {
    let migrations = applied(db).await?;
    Ok(Manifest {
        format_version: FORMAT_VERSION,
        database: kind.to_owned(),
        schema_version: migrations.last().cloned().unwrap_or_default(),
        migrations,
        councils: councils_with_people(db).await?,
        created_at: chrono::Utc::now(),
        row_counts: row_counts(db).await?,
        data_bytes: 0,
        data_sha256: String::new(),
    })
}

/// What a backup wrote.
#[derive(Debug)]
pub struct BackupReport {
    pub manifest: Manifest,
    pub bytes: u64,
}

/// Backs up the database at `url` to `to` while the server runs: a
/// consistent copy, then the framed file (mode 0600: it holds personal
/// data), written under a temporary name and renamed when complete.
pub async fn backup(url: &str, to: &Path) -> Result<BackupReport, BackupError> {
    if to.exists() {
        return Err(BackupError::Exists(to.display().to_string()));
    }
    let data = sibling(to, "data");
    let _cleanup = Remove(data.clone());
    let manifest = match kind_of(url) {
        "postgres" => pg_snapshot(url, &data).await?,
        _ => sqlite_snapshot(url, &data).await?,
    };
    let partial = sibling(to, "partial");
    let _cleanup_partial = Remove(partial.clone());
    let (manifest, bytes) = pack(manifest, &data, &partial)?;
    std::fs::rename(&partial, to).map_err(io(format!("Writing {}", to.display())))?;
    Ok(BackupReport { manifest, bytes })
}

/// `path.<tag>-<random>` beside `path`.
fn sibling(path: &Path, tag: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".{tag}-{}", uuid::Uuid::new_v4().simple()));
    path.with_file_name(name)
}

/// Removes a temporary directory and what is in it when dropped.
struct RemoveDir(PathBuf);

impl Drop for RemoveDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Removes a temporary file when dropped.
struct Remove(PathBuf);

impl Drop for Remove {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

async fn sqlite_snapshot(url: &str, data: &Path) -> Result<Manifest, BackupError> {
    // Opening a missing file would make an empty database and back that up.
    let path = sqlite_path(url);
    if !path.is_file() {
        return Err(BackupError::Io {
            what: format!("Reading {}", path.display()),
            why: "there is no database there (check DATA_DIR or DATABASE_URL)".to_owned(),
        });
    }
    let live = Database::connect(url).await?;
    // VACUUM INTO reads one consistent snapshot while writers go on.
    let target = data.display().to_string().replace('\'', "''");
    live.execute_unprepared(&format!("VACUUM INTO '{target}'"))
        .await?;
    let _ = live.close().await;
    // The manifest describes the copy itself, not the live database.
    let copy = Database::connect(format!("sqlite://{}?mode=ro", data.display())).await?;
    let m = describe(&copy, "sqlite").await;
    let _ = copy.close().await;
    Ok(m?)
}

/// `pg_dump` of the snapshot that the manifest's counts were read in.
async fn pg_snapshot(url: &str, data: &Path) -> Result<Manifest, BackupError> {
    let live = Database::connect(url).await?;
    let txn = live
        .begin_with_config(
            Some(IsolationLevel::RepeatableRead),
            Some(AccessMode::ReadOnly),
        )
        .await?;
    let snapshot = txn
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT pg_export_snapshot() AS s",
        ))
        .await?
        .map(|r| r.try_get::<String>("", "s"))
        .transpose()?
        .unwrap_or_default();
    let manifest = describe(&txn, "postgres").await?;
    let (uri, password) = pg_uri(url);
    let out = data.display().to_string();
    let args = vec![
        "-Fc".to_owned(),
        "--no-owner".to_owned(),
        "--no-privileges".to_owned(),
        format!("--snapshot={snapshot}"),
        "-f".to_owned(),
        out,
        "-d".to_owned(),
        uri,
    ];
    let res = run_tool("pg_dump", args, password).await;
    let _ = txn.commit().await;
    let _ = live.close().await;
    res?;
    Ok(manifest)
}

/// The URL for libpq without its password, and the password (passed in
/// the environment, not on a command line that `ps` shows).
fn pg_uri(url: &str) -> (String, Option<String>) {
    match url::Url::parse(url) {
        Ok(mut u) => {
            let password = u.password().map(str::to_owned);
            let _ = u.set_password(None);
            (u.to_string(), password)
        }
        Err(_) => (url.to_owned(), None),
    }
}

/// A PostgreSQL tool: `PG_BIN_DIR`, else the newest
/// /usr/lib/postgresql/*/bin that has it, else the PATH.
pub fn pg_tool(name: &str) -> PathBuf {
    if let Ok(dir) = std::env::var("PG_BIN_DIR") {
        return Path::new(&dir).join(name);
    }
    let mut dirs: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let p = e.path().join("bin").join(name);
            p.exists().then_some((v, p))
        })
        .collect();
    dirs.sort();
    dirs.pop().map_or_else(|| PathBuf::from(name), |(_, p)| p)
}

async fn run_tool(
    name: &'static str,
    args: Vec<String>,
    password: Option<String>,
) -> Result<(), BackupError> {
    let tool = pg_tool(name);
    let out = tokio::task::spawn_blocking(move || {
        let mut c = std::process::Command::new(&tool);
        c.args(&args);
        if let Some(p) = password {
            c.env("PGPASSWORD", p);
        }
        c.output()
    })
    .await
    .map_err(|e| BackupError::Tool(name.to_owned(), e.to_string()))?
    .map_err(|e| BackupError::Tool(name.to_owned(), e.to_string()))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(BackupError::Tool(
            name.to_owned(),
            String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        ))
    }
}

/// Frames `data` with the manifest into `out`.
fn pack(mut m: Manifest, data: &Path, out: &Path) -> Result<(Manifest, u64), BackupError> {
    let (bytes, sha) = hash_file(data)?;
    m.data_bytes = bytes;
    m.data_sha256 = sha;
    let json = serde_json::to_string(&m).map_err(|e| BackupError::Io {
        what: "The manifest".to_owned(),
        why: e.to_string(),
    })?;
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let file = o
        .open(out)
        .map_err(io(format!("Writing {}", out.display())))?;
    let mut w = HashingWriter {
        inner: BufWriter::new(file),
        hash: Sha256::new(),
        written: 0,
    };
    let werr = io(format!("Writing {}", out.display()));
    let result = (|| {
        w.write_all(MAGIC)?;
        w.write_all(json.as_bytes())?;
        w.write_all(b"\n")?;
        let mut src = BufReader::new(std::fs::File::open(data)?);
        std::io::copy(&mut src, &mut w)?;
        w.write_all(b"\n")?;
        let sum = hex::encode(w.hash.clone().finalize());
        w.inner.write_all(sum.as_bytes())?;
        w.inner.flush()?;
        w.inner.get_ref().sync_all()?;
        Ok::<u64, std::io::Error>(w.written + 64)
    })();
    let total = result.map_err(werr)?;
    Ok((m, total))
}

struct HashingWriter<W: Write> {
    inner: W,
    hash: Sha256,
    written: u64,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.written += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn hash_file(path: &Path) -> Result<(u64, String), BackupError> {
    let mut f = BufReader::new(
        std::fs::File::open(path).map_err(io(format!("Reading {}", path.display())))?,
    );
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut n = 0u64;
    loop {
        let k = f
            .read(&mut buf)
            .map_err(io(format!("Reading {}", path.display())))?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
        n += k as u64;
    }
    Ok((n, hex::encode(h.finalize())))
}

/// Checks a backup file whole (trailer checksum, frame, manifest, data
/// checksum) and answers its manifest and where its data starts.
pub fn verify(path: &Path) -> Result<(Manifest, u64), BackupError> {
    let damaged = |why: &str| BackupError::Damaged(why.to_owned());
    let rerr = io(format!("Reading {}", path.display()));
    let mut f = std::fs::File::open(path).map_err(rerr)?;
    let len = f
        .metadata()
        .map_err(io(format!("Reading {}", path.display())))?
        .len();
    if len < MAGIC.len() as u64 + TRAILER {
        return Err(damaged("it is too short to be a backup"));
    }
    let body = len - 64;
    let mut h = Sha256::new();
    let mut head = Vec::new();
    let mut reader = BufReader::new(&mut f).take(body);
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let k = reader
            .read(&mut buf)
            .map_err(io(format!("Reading {}", path.display())))?;
        if k == 0 {
            break;
        }
        if head.len() < 1 << 20 {
            head.extend_from_slice(&buf[..k]);
        }
        h.update(&buf[..k]);
    }
    // Bytes, not text: the end of a file cut short is whatever data was
    // there, and is then simply not the checksum.
    let mut trailer = Vec::new();
    f.seek(SeekFrom::Start(body))
        .and_then(|_| f.read_to_end(&mut trailer))
        .map_err(|_| damaged("its end cannot be read"))?;
    if !head.starts_with(MAGIC) {
        return Err(damaged("it is not a Good for Me backup"));
    }
    if trailer != hex::encode(h.finalize()).into_bytes() {
        return Err(damaged("it was cut short or changed after it was made"));
    }
    let rest = &head[MAGIC.len()..];
    let nl = rest
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| damaged("the manifest has no end"))?;
    let manifest: Manifest = serde_json::from_slice(&rest[..nl])
        .map_err(|e| BackupError::Damaged(format!("the manifest cannot be read ({e})")))?;
    if manifest.format_version > FORMAT_VERSION {
        return Err(BackupError::NewerSchema(format!(
            "backup format {}",
            manifest.format_version
        )));
    }
    let start = (MAGIC.len() + nl + 1) as u64;
    if start + manifest.data_bytes + 1 != body {
        return Err(damaged("its length does not match its manifest"));
    }
    Ok((manifest, start))
}

/// Copies the data out of a verified backup, checking its own checksum.
fn extract(path: &Path, m: &Manifest, start: u64, to: &Path) -> Result<(), BackupError> {
    let mut f = std::fs::File::open(path).map_err(io(format!("Reading {}", path.display())))?;
    f.seek(SeekFrom::Start(start))
        .map_err(io(format!("Reading {}", path.display())))?;
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let out = o
        .open(to)
        .map_err(io(format!("Writing {}", to.display())))?;
    let mut w = HashingWriter {
        inner: BufWriter::new(out),
        hash: Sha256::new(),
        written: 0,
    };
    std::io::copy(&mut BufReader::new(f).take(m.data_bytes), &mut w)
        .and_then(|_| w.flush())
        .and_then(|_| w.inner.get_ref().sync_all())
        .map_err(io(format!("Writing {}", to.display())))?;
    if hex::encode(w.hash.finalize()) != m.data_sha256 {
        return Err(BackupError::Damaged(
            "its data does not match its manifest".to_owned(),
        ));
    }
    Ok(())
}

/// What a restore did.
#[derive(Debug)]
pub struct RestoreReport {
    pub manifest: Manifest,
    /// Migrations run after the restore to bring it up to date.
    pub migrated: Vec<String>,
}

/// Every refusal that can be told from the file and the target alone.
pub async fn check(url: &str, from: &Path) -> Result<(Manifest, u64), BackupError> {
    let (m, start) = verify(from)?;
    let target = kind_of(url);
    if m.database != target {
        return Err(BackupError::WrongKind {
            backup: m.database.clone(),
            target: target.to_owned(),
        });
    }
    let known: Vec<String> = Migrator::migrations()
        .iter()
        .map(|x| x.name().to_owned())
        .collect();
    if let Some(unknown) = m.migrations.iter().find(|x| !known.contains(x)) {
        return Err(BackupError::NewerSchema(unknown.clone()));
    }
    let present = match target {
        "sqlite" => {
            let path = sqlite_path(url);
            if path.exists() {
                let db = Database::connect(format!("sqlite://{}?mode=ro", path.display())).await?;
                let c = councils_with_people(&db).await;
                let _ = db.close().await;
                c?
            } else {
                vec![]
            }
        }
        _ => {
            let db = Database::connect(url).await?;
            let c = councils_with_people(&db).await;
            let _ = db.close().await;
            c?
        }
    };
    let others: Vec<String> = present
        .into_iter()
        .filter(|c| !m.councils.contains(c))
        .collect();
    if !others.is_empty() {
        return Err(BackupError::OtherCouncil(others.join(", ")));
    }
    Ok((m, start))
}

/// Restores `from` into the database at `url` (stop the server first),
/// then runs the migrations this build has that the backup had not.
pub async fn restore(url: &str, from: &Path) -> Result<RestoreReport, BackupError> {
    let (m, start) = check(url, from).await?;
    match kind_of(url) {
        "postgres" => pg_restore(url, from, &m, start).await?,
        _ => sqlite_restore(url, from, &m, start).await?,
    }
    let db = db::connect(url).await?;
    let before = applied(&db).await?;
    let res = db::migrate(&db).await;
    let after = applied(&db).await;
    let _ = db.close().await;
    res?;
    let migrated = after?.into_iter().filter(|x| !before.contains(x)).collect();
    Ok(RestoreReport {
        manifest: m,
        migrated,
    })
}

async fn sqlite_restore(
    url: &str,
    from: &Path,
    m: &Manifest,
    start: u64,
) -> Result<(), BackupError> {
    let target = sqlite_path(url);
    let tmp = sibling(&target, "restore");
    let _cleanup = Remove(tmp.clone());
    extract(from, m, start, &tmp)?;
    // The copy must open and be whole before it replaces anything.
    let copy = Database::connect(format!("sqlite://{}?mode=ro", tmp.display())).await?;
    let ok = copy
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "PRAGMA integrity_check",
        ))
        .await?
        .map(|r| r.try_get_by_index::<String>(0))
        .transpose()?;
    let _ = copy.close().await;
    if ok.as_deref() != Some("ok") {
        return Err(BackupError::Damaged(
            "its database does not pass SQLite's integrity check".to_owned(),
        ));
    }
    if target.exists() {
        // Fold the old log into the old file, so that no stale log is
        // replayed over the restored one.
        let old = Database::connect(format!("sqlite://{}", target.display())).await?;
        old.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await?;
        let _ = old.close().await;
    }
    for ext in ["-wal", "-shm"] {
        let mut p = target.as_os_str().to_os_string();
        p.push(ext);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    std::fs::rename(&tmp, &target).map_err(io(format!("Replacing {}", target.display())))?;
    Ok(())
}

/// The dump as SQL, after a wipe of the schema, in one `psql` transaction:
/// any error and the target is as it was.
async fn pg_restore(url: &str, from: &Path, m: &Manifest, start: u64) -> Result<(), BackupError> {
    // The dump and its SQL hold personal data: a directory only we can read.
    let dir = std::env::temp_dir().join(format!("gfm-restore-{}", uuid::Uuid::new_v4().simple()));
    let mut b = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(&dir)
        .map_err(io(format!("Making {}", dir.display())))?;
    let _cleanup = RemoveDir(dir.clone());
    let dump = dir.join("data.dump");
    let sql = dir.join("restore.sql");
    extract(from, m, start, &dump)?;
    let body = dir.join("body.sql");
    run_tool(
        "pg_restore",
        vec![
            "--no-owner".to_owned(),
            "--no-privileges".to_owned(),
            "-f".to_owned(),
            body.display().to_string(),
            dump.display().to_string(),
        ],
        None,
    )
    .await?;
    {
        let mut w =
            BufWriter::new(std::fs::File::create(&sql).map_err(io("Writing the restore script"))?);
        let mut r =
            BufReader::new(std::fs::File::open(&body).map_err(io("Reading the restore script"))?);
        w.write_all(b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n")
            .and_then(|_| std::io::copy(&mut r, &mut w).map(|_| ()))
            .and_then(|_| w.flush())
            .map_err(io("Writing the restore script"))?;
    }
    let (uri, password) = pg_uri(url);
    run_tool(
        "psql",
        vec![
            "-X".to_owned(),
            "-q".to_owned(),
            "-v".to_owned(),
            "ON_ERROR_STOP=1".to_owned(),
            "--single-transaction".to_owned(),
            "-f".to_owned(),
            sql.display().to_string(),
            "-d".to_owned(),
            uri,
        ],
        password,
    )
    .await
}
