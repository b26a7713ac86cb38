//! Backups and restores (issue 17): a backup of a running server restores
//! into a fresh database with every table's rows the same, and a restore
//! refuses a damaged file, a newer schema, another kind of database and
//! another council's data, each with its reason, touching nothing.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use backend::config::sqlite_url;
use backend::operator::backup::{self, table_names, BackupError};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};
use std::collections::BTreeMap;
use tests::{postgres_server, spawn_app_with, TestApp};

async fn demo_app() -> TestApp {
    spawn_app_with(|s| {
        s.demo_data = true;
        s.background_jobs = false;
    })
    .await
}

/// The running app's database URL.
async fn url_of(app: &TestApp) -> String {
    match postgres_server() {
        Some(server) => {
            let name: String = app
                .db
                .query_one_raw(Statement::from_string(
                    DbBackend::Postgres,
                    "SELECT current_database() AS n",
                ))
                .await
                .unwrap()
                .unwrap()
                .try_get("", "n")
                .unwrap();
            let (base, _) = server.rsplit_once('/').unwrap();
            format!("{base}/{name}")
        }
        None => sqlite_url(&app.data_dir.path().join("test.db")),
    }
}

/// A database that has never been opened: a new file, or a new empty
/// PostgreSQL database.
async fn fresh_target(dir: &std::path::Path) -> String {
    match postgres_server() {
        None => sqlite_url(&dir.join(format!("restored-{}.db", uuid::Uuid::new_v4().simple()))),
        Some(server) => {
            let name = format!("gfm_test_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(&server).await.unwrap();
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
            let _ = admin.close().await;
            let (base, _) = server.rsplit_once('/').unwrap();
            format!("{base}/{name}")
        }
    }
}

/// Every table (listed by the database), as its rows rendered to text and
/// sorted: equal maps mean equal data.
async fn fingerprint(db: &DatabaseConnection) -> BTreeMap<String, Vec<String>> {
    let backend = db.get_database_backend();
    let mut out = BTreeMap::new();
    for t in table_names(db).await.unwrap() {
        let sql = match backend {
            DbBackend::Postgres => format!("SELECT t::text AS r FROM \"{t}\" t"),
            _ => {
                let cols = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("SELECT name FROM pragma_table_info('{t}')"),
                    ))
                    .await
                    .unwrap();
                let exprs: Vec<String> = cols
                    .iter()
                    .map(|c| format!("quote(\"{}\")", c.try_get::<String>("", "name").unwrap()))
                    .collect();
                format!("SELECT {} AS r FROM \"{t}\"", exprs.join(" || '|' || "))
            }
        };
        let mut rows: Vec<String> = db
            .query_all_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String>("", "r").unwrap())
            .collect();
        rows.sort();
        out.insert(t, rows);
    }
    out
}

async fn some_activity(app: &TestApp) {
    for who in ["demo-sw", "demo-teen-14", "demo-admin"] {
        app.login(who).await;
    }
    let t = app.login("demo-admin").await;
    let res = app
        .send_as(
            reqwest::Method::POST,
            "/api/people",
            &t.access_token,
            &serde_json::json!({
                "preferred_name": "Restored Rae",
                "date_of_birth": "2015-03-01",
                "care_started": "2022-01-10",
                "legal_status": "section20"
            }),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
}

#[tokio::test]
async fn a_backup_of_a_running_server_restores_every_row() {
    let app = demo_app().await;
    some_activity(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gfm.backup");
    let report = backup::backup(&url_of(&app).await, &file).await.unwrap();
    assert_eq!(report.manifest.councils, vec!["bexley".to_owned()]);
    assert_eq!(
        report.manifest.schema_version,
        backup::known_schema_version()
    );
    let before = fingerprint(&app.db).await;
    assert_eq!(report.manifest.row_counts.len(), before.len());
    for (t, rows) in &before {
        assert_eq!(report.manifest.row_counts[t], rows.len() as i64, "{t}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // A second backup to the same name is refused, not overwritten.
    assert!(matches!(
        backup::backup(&url_of(&app).await, &file).await,
        Err(BackupError::Exists(_))
    ));

    let target = fresh_target(dir.path()).await;
    let restored = backup::restore(&target, &file).await.unwrap();
    assert!(restored.migrated.is_empty());
    let db = Database::connect(&target).await.unwrap();
    let after = fingerprint(&db).await;
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (t, rows) in &before {
        assert_eq!(rows.len(), after[t].len(), "row count of {t}");
        assert!(rows == &after[t], "the rows of {t} differ");
    }
    println!("{} tables restored with the same rows", before.len());
}

#[tokio::test]
async fn a_restore_refuses_damage_newer_schemas_other_kinds_and_other_councils() {
    let app = demo_app().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gfm.backup");
    backup::backup(&url_of(&app).await, &file).await.unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let target = fresh_target(dir.path()).await;

    // Cut short anywhere: in the manifest, in the data (binary on
    // PostgreSQL, so the cut end is no text), in the checksum itself.
    let cut = dir.path().join("cut.backup");
    for keep in [
        200,
        bytes.len() / 3,
        bytes.len() / 2,
        bytes.len() * 2 / 3,
        bytes.len() - 65,
        bytes.len() - 1,
    ] {
        std::fs::write(&cut, &bytes[..keep]).unwrap();
        let e = backup::restore(&target, &cut).await.unwrap_err();
        assert!(matches!(e, BackupError::Damaged(_)), "cut at {keep}: {e}");
        assert!(
            e.to_string().contains("cut short or changed"),
            "cut at {keep}: {e}"
        );
    }
    // One byte changed in the middle.
    let mut changed = bytes.clone();
    let mid = changed.len() / 2;
    changed[mid] ^= 0x20;
    let bad = dir.path().join("changed.backup");
    std::fs::write(&bad, &changed).unwrap();
    let e = backup::restore(&target, &bad).await.unwrap_err();
    assert!(e.to_string().contains("checksum does not match"), "{e}");

    // A database file that is not there is not backed up as an empty one.
    if postgres_server().is_none() {
        let missing = sqlite_url(&dir.path().join("missing.db"));
        let e = backup::backup(&missing, &dir.path().join("m.backup"))
            .await
            .unwrap_err();
        assert!(e.to_string().contains("no database there"), "{e}");
        assert!(!dir.path().join("missing.db").exists());
    }

    // Another kind of database.
    let other = match postgres_server() {
        Some(_) => sqlite_url(&dir.path().join("other.db")),
        None => "postgres://nobody@127.0.0.1:1/none".to_owned(),
    };
    let e = backup::restore(&other, &file).await.unwrap_err();
    assert!(matches!(e, BackupError::WrongKind { .. }), "{e}");

    // A newer schema: a migration this build does not know.
    let future = spawn_app_with(|s| s.background_jobs = false).await;
    future
        .db
        .execute_unprepared(
            "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m29991231_000001_future', 0)",
        )
        .await
        .unwrap();
    let newer = dir.path().join("newer.backup");
    backup::backup(&url_of(&future).await, &newer)
        .await
        .unwrap();
    let e = backup::restore(&target, &newer).await.unwrap_err();
    assert!(matches!(e, BackupError::NewerSchema(_)), "{e}");
    assert!(e.to_string().contains("m29991231_000001_future"), "{e}");

    // Another council's people in the target: Greenwich's backup onto
    // Bexley's live data.
    let greenwich = spawn_app_with(|s| s.background_jobs = false).await;
    let g = backend::repo::councils::ensure(
        &greenwich.db,
        &shared::api::Council {
            slug: "greenwich".to_owned(),
            name: "Royal Borough of Greenwich".to_owned(),
            duty_phone: "020 8854 8888".to_owned(),
            time_zone: "Europe/London".to_owned(),
        },
    )
    .await
    .unwrap();
    backend::repo::accounts::create(
        &greenwich.db,
        backend::repo::accounts::NewAccount {
            authority_id: g.id,
            username: "g-admin",
            role: shared::people::Role::Admin,
            display_name: "G Admin",
            team_id: None,
            password_hash: None,
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let gfile = dir.path().join("greenwich.backup");
    let g_report = backup::backup(&url_of(&greenwich).await, &gfile)
        .await
        .unwrap();
    assert_eq!(g_report.manifest.councils, vec!["greenwich".to_owned()]);
    let before = fingerprint(&app.db).await;
    let e = backup::restore(&url_of(&app).await, &gfile)
        .await
        .unwrap_err();
    assert!(matches!(e, BackupError::OtherCouncil(_)), "{e}");
    assert!(e.to_string().contains("bexley"), "{e}");
    assert_eq!(
        fingerprint(&app.db).await,
        before,
        "the target is untouched"
    );

    // Into an empty database (no people yet) it goes.
    let empty = spawn_app_with(|s| s.background_jobs = false).await;
    let empty_url = url_of(&empty).await;
    let _ = empty.db.close().await;
    backup::restore(&empty_url, &gfile).await.unwrap();
}

#[tokio::test]
async fn an_older_backup_is_brought_up_to_date() {
    let app = spawn_app_with(|s| s.background_jobs = false).await;
    // Undo the newest migration, as a backup made by the last version would be.
    for sql in [
        "DROP INDEX young_person_authority_id_external_ref",
        "ALTER TABLE young_person DROP COLUMN external_ref",
        "DELETE FROM seaql_migrations WHERE version = 'm20261206_000021_young_person_ref'",
    ] {
        app.db.execute_unprepared(sql).await.unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("old.backup");
    let r = backup::backup(&url_of(&app).await, &file).await.unwrap();
    assert!(!r
        .manifest
        .migrations
        .contains(&"m20261206_000021_young_person_ref".to_owned()));
    let target = fresh_target(dir.path()).await;
    let restored = backup::restore(&target, &file).await.unwrap();
    assert_eq!(
        restored.migrated,
        vec!["m20261206_000021_young_person_ref".to_owned()]
    );
}
