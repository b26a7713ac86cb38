//! The server binary reads its secrets from files (`NAME_FILE`), as Docker
//! and systemd credentials give them, and refuses a secret set both ways.
//! A process of its own per test: the environment is per process.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_backend");
const METRICS_TOKEN: &str = "a-metrics-token-from-a-file";

/// The server with a clean environment: only what the test gives.
fn server(data: &Path, env: &[(&str, String)]) -> Command {
    let mut c = Command::new(BIN);
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATA_DIR", data)
        .env("BIND_ADDR", "127.0.0.1:0")
        .env("PUBLIC_DIR", data.join("dist"))
        .env("BACKGROUND_JOBS", "0")
        .env("LOG_JSON", "1")
        .env(
            "RUST_LOG",
            "info,sqlx=warn,sea_orm=warn,sea_orm_migration=warn",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    c
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Reads the JSON log until the server says which port it took.
fn port_of(child: &mut Child) -> u16 {
    let out = BufReader::new(child.stdout.take().unwrap());
    let deadline = Instant::now() + Duration::from_secs(60);
    for line in out.lines() {
        let line = line.unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        if let Some(port) = v["fields"]["port"].as_u64() {
            return u16::try_from(port).unwrap();
        }
        assert!(Instant::now() < deadline, "no port in the log");
    }
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    panic!("the server stopped before listening: {err}");
}

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn every_secret_can_come_from_a_file() {
    let data = tempfile::tempdir().unwrap();
    let creds = tempfile::tempdir().unwrap();
    let db_file = data.path().join("from-the-file.db");
    let env = [
        (
            "JWT_SECRET_FILE",
            write(
                creds.path(),
                "jwt",
                &format!("{}\n", URL_SAFE_NO_PAD.encode([7u8; 48])),
            ),
        ),
        (
            "VAPID_PRIVATE_KEY_FILE",
            write(
                creds.path(),
                "vapid",
                &format!("{}\n", URL_SAFE_NO_PAD.encode([1u8; 32])),
            ),
        ),
        (
            "DATABASE_URL_FILE",
            write(
                creds.path(),
                "db",
                &format!("sqlite://{}?mode=rwc\n", db_file.display()),
            ),
        ),
        (
            "METRICS_TOKEN_FILE",
            write(creds.path(), "metrics", &format!("{METRICS_TOKEN}\n")),
        ),
    ];
    let mut child = server(data.path(), &env).spawn().unwrap();
    let port = port_of(&mut child);
    let _running = Running(child);
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();

    // The database is the one the file named; no key was generated.
    assert!(db_file.exists());
    assert!(!data.path().join("secrets.toml").exists());
    let ready = client
        .get(format!("{base}/api/health/ready"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
    // The metrics token is the file's, without its line end.
    let metrics = client
        .get(format!("{base}/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    let none = client.get(format!("{base}/metrics")).send().await.unwrap();
    assert_eq!(none.status(), 404);
}

#[test]
fn a_secret_set_both_ways_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let creds = tempfile::tempdir().unwrap();
    for (name, value) in [
        ("DATABASE_URL", "sqlite://elsewhere.db?mode=rwc".to_owned()),
        ("METRICS_TOKEN", METRICS_TOKEN.to_owned()),
        ("JWT_SECRET", URL_SAFE_NO_PAD.encode([7u8; 48])),
        ("VAPID_PRIVATE_KEY", URL_SAFE_NO_PAD.encode([1u8; 32])),
    ] {
        let file = write(creds.path(), name, &value);
        let out = server(
            data.path(),
            &[(name, value.clone()), (&format!("{name}_FILE"), file)],
        )
        .output()
        .unwrap();
        assert!(!out.status.success(), "{name} set both ways was accepted");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            said.contains(&format!("{name} and {name}_FILE are both set")),
            "{name}: {said}"
        );
    }
}

#[test]
fn a_missing_secret_file_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let out = server(
        data.path(),
        &[("JWT_SECRET_FILE", "/nonexistent/jwt".to_owned())],
    )
    .output()
    .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(said.contains("JWT_SECRET_FILE"), "{said}");
}
