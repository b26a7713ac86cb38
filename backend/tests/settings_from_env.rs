//! Every setting of the settings file can also come from the environment:
//! the binary reads each variable (a bad value is refused, naming it) and
//! takes a good one. A process of its own per check: the environment is
//! per process.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_backend");

const NUMBERS: &[&str] = &[
    "MAX_BODY_BYTES",
    "ACCESS_TOKEN_MINUTES",
    "WORKERS",
    "PUSH_TTL_SECS",
    "PUSH_MAX_ATTEMPTS",
    "PUSH_LEASE_SECS",
    "PUSH_REQUEST_TIMEOUT_SECS",
    "PUSH_POLL_SECS",
    "PUSH_BATCH",
    "PUSH_CONCURRENCY",
    "PUSH_MAX_DEVICES",
    "PUSH_KEEP_FINISHED_DAYS",
];

fn config_check(data: &std::path::Path, env: &[(&str, &str)]) -> std::process::Output {
    let mut c = Command::new(BIN);
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATA_DIR", data)
        .args(["config", "check"]);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

#[test]
fn each_number_setting_is_read_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    for name in NUMBERS {
        let out = config_check(dir.path(), &[(name, "lots")]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(name) && err.contains("whole number"),
            "{name}: {err}"
        );
        let out = config_check(dir.path(), &[(name, "7")]);
        assert!(
            out.status.success(),
            "{name}=7: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = config_check(dir.path(), &[("PUSH_ALLOW_LOOPBACK_HTTP", "maybe")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PUSH_ALLOW_LOOPBACK_HTTP"));
}

#[test]
fn the_access_token_lifetime_from_the_environment_is_the_one_checked() {
    let dir = tempfile::tempdir().unwrap();
    let out = config_check(dir.path(), &[("ACCESS_TOKEN_MINUTES", "25")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("25 minutes"), "{text}");
}
