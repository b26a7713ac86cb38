//! The command line: sizes, databases, seconds, connections.

use super::{BenchResult, DEFAULT_POSTGRES, USAGE};

pub(super) struct Args {
    pub(super) sizes: Vec<u64>,
    pub(super) databases: Vec<String>,
    pub(super) seconds: f64,
    pub(super) connections: usize,
    pub(super) postgres_url: String,
}

pub(super) fn parse(args: impl Iterator<Item = String>) -> BenchResult<Args> {
    let mut a = Args {
        sizes: vec![1_000, 100_000],
        databases: vec!["sqlite".to_owned(), "postgres".to_owned()],
        seconds: 3.0,
        connections: 64,
        postgres_url: std::env::var("BENCH_POSTGRES_URL")
            .unwrap_or_else(|_| DEFAULT_POSTGRES.to_owned()),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
            None => (arg.clone(), None),
        };
        if name == "--help" || name == "-h" {
            return Err(USAGE.into());
        }
        let mut value = || -> BenchResult<String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}").into())
        };
        match name.as_str() {
            "--sizes" => {
                a.sizes = value()?
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse::<u64>())
                    .collect::<Result<_, _>>()?;
            }
            "--databases" => {
                a.databases = value()?.split(',').map(|s| s.trim().to_owned()).collect();
            }
            "--seconds" => a.seconds = value()?.parse()?,
            "--connections" => a.connections = value()?.parse()?,
            "--postgres-url" => a.postgres_url = value()?,
            other => return Err(format!("unknown argument {other}\n{USAGE}").into()),
        }
    }
    if a.sizes.is_empty() || a.sizes.contains(&0) {
        return Err("--sizes needs one or more sizes above 0".into());
    }
    for d in &a.databases {
        if d != "sqlite" && d != "postgres" {
            return Err(format!("unknown database {d}: use sqlite, postgres").into());
        }
    }
    a.seconds = a.seconds.clamp(0.5, 30.0);
    a.connections = a.connections.clamp(1, 512);
    Ok(a)
}
