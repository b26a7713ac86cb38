//! The server and `push-bench` binaries, built first, and `push-bench`'s
//! figures.

use super::args::Args;
use super::databases::{fresh_database, remove_database};
use super::BenchResult;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// `target/release/backend` and `push-bench` beside this program, built (or
/// rebuilt) first so that they have the same code and migrations as this
/// bench.
pub(super) fn binaries() -> BenchResult<(PathBuf, PathBuf)> {
    let exe = std::env::current_exe()?;
    let dir = exe.parent().ok_or("no directory for this program")?;
    let server = dir.join("backend");
    let push = dir.join("push-bench");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let profile = if dir.ends_with("release") {
        vec!["--release"]
    } else {
        vec![]
    };
    let status = Command::new(cargo)
        .args([
            "build",
            "-q",
            "-p",
            "backend",
            "--bin",
            "backend",
            "--bin",
            "push-bench",
        ])
        .args(profile)
        .current_dir(manifest)
        // Into the target directory this bench runs from (whatever
        // CARGO_TARGET_DIR it was built with), not the checkout's own.
        .envs(dir.parent().map(|target| ("CARGO_TARGET_DIR", target)))
        .status();
    match status {
        Ok(s) if s.success() => {}
        _ if server.exists() && push.exists() => {
            eprintln!("could not build the server; using {}", server.display())
        }
        _ => return Err(
            "could not build the server (cargo build -p backend --bin backend --bin push-bench)"
                .into(),
        ),
    }
    Ok((server, push))
}

/// Push delivery to a loopback push service and reminder planning for
/// 100,000 young people: `push-bench` (issue 7), on each database.
pub(super) async fn push_figures(
    args: &Args,
    push_bin: &Path,
) -> BenchResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    for database in &args.databases {
        let fresh = fresh_database(args, database, 0).await?;
        let mut cmd = Command::new(push_bin);
        if database == "postgres" {
            cmd.env("BENCH_DATABASE_URL", &fresh.url);
        } else {
            cmd.env_remove("BENCH_DATABASE_URL");
        }
        let result = cmd.stdin(Stdio::null()).output();
        remove_database(&fresh).await;
        let output = result?;
        if !output.status.success() {
            return Err(format!(
                "push-bench failed on {database}: {}",
                String::from_utf8_lossy(&output.stderr)
            )
            .into());
        }
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with("push-bench on") {
                out.push((database.clone(), line.to_owned()));
            }
        }
    }
    Ok(out)
}
