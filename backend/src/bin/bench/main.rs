//! A benchmark, not a test (issue 10):
//!
//! ```sh
//! cargo run --release -p backend --bin bench -- [--sizes 1000,100000] \
//!     [--databases sqlite,postgres] [--seconds 3] [--connections 64]
//! ```
//!
//! For each database and size: generates that many young people into a
//! fresh database (an SQLite file in a temporary directory; a new database
//! on the PostgreSQL server of `scripts/postgres.sh`, or `--postgres-url`),
//! starts the real server (`target/release/backend`, built first when
//! needed) as a child process, signs in as generated accounts of the right
//! roles, then drives each endpoint with its own client at 64 concurrent
//! connections for a fixed time, taking turns every half second with
//! `/api/health` (the server's own trivial endpoint), so that each ratio
//! compares runs moments apart on a machine whose load moves. Prints
//! one table: requests per second, the ratio to `/api/health`, p50 and p99
//! latency, and the growth from the smallest size to the largest: the
//! ratio at the smallest over the ratio at the largest (1.0 means no slower
//! with more people). Then start-up time and memory (VmRSS idle, VmHWM
//! peaks, RssAnon under load), and `push-bench`'s push delivery rate and
//! reminder planning for 100,000 young people on each database.
//!
//! "home" is `/api/me/home`, everything the young person's home screen
//! shows in one request.
//! "submit feedback" sends real forms, each for a different booked review,
//! so it runs until the signed-in young people have each sent theirs (or
//! the time is up).

mod accounts;
mod args;
mod binaries;
mod databases;
mod load;
mod measure;
mod server;
mod table;

use args::parse;
use binaries::{binaries, push_figures};
use databases::{ensure_postgres, remove_leftovers};
use measure::one;
use std::time::Instant;
use table::print_table;

type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: bench [--sizes 1000,100000] [--databases sqlite,postgres] [--seconds 3] [--connections 64] [--postgres-url URL]";

const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:55432/postgres";

/// Young people in each generated council.
const PER_COUNCIL: u64 = 1_000;

/// Young people signed in to read with (and, at the end, to send forms).
const READERS: usize = 64;
/// Young people signed in to send a feedback form each.
const SENDERS: usize = 640;

/// One endpoint measured at one size on one database.
#[derive(Debug, Clone)]
struct Measure {
    name: &'static str,
    requests: u64,
    errors: u64,
    rps: f64,
    /// `/api/health`'s throughput measured just before this endpoint's.
    health_rps: f64,
    p50_ms: f64,
    p99_ms: f64,
}

impl Measure {
    fn ratio(&self) -> f64 {
        self.rps / self.health_rps.max(1e-9)
    }
}

/// Everything about one database and size.
struct Run {
    database: String,
    size: u64,
    councils: u32,
    generate_secs: f64,
    rows: u64,
    rows_per_sec: f64,
    startup_ms: f64,
    hwm_kb: u64,
    signin_hwm_kb: u64,
    rss_idle_kb: u64,
    /// The most private memory (RssAnon) seen at the end of an endpoint's run.
    anon_kb: u64,
    measures: Vec<Measure>,
}

fn main() -> std::process::ExitCode {
    // One thread drives the load (and the generator), leaving the cores to
    // the server and the database as far as possible.
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("bench failed: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let result = rt.block_on(async {
        tokio::select! {
            r = run() => r,
            _ = tokio::signal::ctrl_c() => Err("interrupted".into()),
        }
    });
    // Whatever an interrupted run left behind.
    rt.block_on(remove_leftovers());
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench failed: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> BenchResult<()> {
    let args = parse(std::env::args().skip(1))?;
    let (server_bin, push_bin) = binaries()?;
    let started = Instant::now();
    let mut runs = Vec::new();
    for database in &args.databases {
        if database == "postgres" {
            ensure_postgres(&args.postgres_url).await?;
        }
        for &size in &args.sizes {
            runs.push(one(&args, database, size, &server_bin).await?);
        }
    }
    println!("== push delivery and reminder planning (push-bench)");
    let push = push_figures(&args, &push_bin).await?;
    print_table(&runs, &args);
    println!();
    for (database, line) in &push {
        println!("- {database}: {line}");
    }
    println!();
    println!(
        "(whole bench {:.0} s; {} cores; {} s per endpoint in half-second turns with as long for /api/health, after 0.5 s of warm-up; {} connections)",
        started.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        args.seconds,
        args.connections
    );
    Ok(())
}
