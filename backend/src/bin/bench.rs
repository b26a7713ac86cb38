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

use backend::generate::{self, Options};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement, Value};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: bench [--sizes 1000,100000] [--databases sqlite,postgres] [--seconds 3] [--connections 64] [--postgres-url URL]";

const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:55432/postgres";

/// Young people in each generated council.
const PER_COUNCIL: u64 = 1_000;

/// Young people signed in to read with (and, at the end, to send forms).
const READERS: usize = 64;
/// Young people signed in to send a feedback form each.
const SENDERS: usize = 640;

struct Args {
    sizes: Vec<u64>,
    databases: Vec<String>,
    seconds: f64,
    connections: usize,
    postgres_url: String,
}

fn parse(args: impl Iterator<Item = String>) -> BenchResult<Args> {
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

/// `target/release/backend` and `push-bench` beside this program, built (or
/// rebuilt) first so that they have the same code and migrations as this
/// bench.
fn binaries() -> BenchResult<(PathBuf, PathBuf)> {
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
async fn push_figures(args: &Args, push_bin: &Path) -> BenchResult<Vec<(String, String)>> {
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

async fn ensure_postgres(url: &str) -> BenchResult<()> {
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

struct FreshDb {
    url: String,
    /// For PostgreSQL: the server and the database to drop afterwards.
    drop: Option<(String, String)>,
    dir: PathBuf,
}

async fn fresh_database(args: &Args, database: &str, size: u64) -> BenchResult<FreshDb> {
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

async fn remove_leftovers() {
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

async fn remove_database(f: &FreshDb) {
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

async fn one(args: &Args, database: &str, size: u64, server_bin: &Path) -> BenchResult<Run> {
    // Councils of the same size at every size, so that the growth is the
    // country's, not a bigger council's.
    let councils = u32::try_from(size.div_ceil(PER_COUNCIL))
        .unwrap_or(u32::MAX)
        .max(1);
    println!("== {database}, {size} young people in {councils} councils");
    let fresh = fresh_database(args, database, size).await?;
    let result = measure(args, database, size, councils, &fresh, server_bin).await;
    remove_database(&fresh).await;
    result
}

async fn measure(
    args: &Args,
    database: &str,
    size: u64,
    councils: u32,
    fresh: &FreshDb,
    server_bin: &Path,
) -> BenchResult<Run> {
    // 1. Generate.
    let db = backend::db::connect(&fresh.url).await?;
    let report = generate::run(
        &db,
        &Options {
            councils,
            young_people: size,
            seed: 1,
            progress: false,
        },
    )
    .await?;
    println!(
        "   generated {} rows in {:.1} s ({:.0} rows/s)",
        report.rows,
        report.seconds,
        report.rows_per_second()
    );
    let picks = pick_accounts(&db).await?;
    db.close().await?;

    // 2. Start the real server.
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let log = std::fs::File::create(fresh.dir.join("server.log"))?;
    let started = Instant::now();
    let child = Command::new(server_bin)
        .env("DATABASE_URL", &fresh.url)
        .env("BIND_ADDR", format!("127.0.0.1:{port}"))
        .env("BACKGROUND_JOBS", "0")
        .env("DATA_DIR", &fresh.dir)
        .env("PUBLIC_DIR", fresh.dir.join("dist"))
        .env_remove("GFM_CONFIG")
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()?;
    let mut server = Server(child);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(args.connections * 2)
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(30))
        .build()?;
    wait_healthy(&client, &base, &mut server).await?;
    let startup_ms = started.elapsed().as_secs_f64() * 1000.0;
    let rss_idle_kb = proc_status(server.id(), "VmRSS").unwrap_or(0);
    println!("   server up in {startup_ms:.0} ms");

    // 3. Sign in (before measuring anything).
    let t = Instant::now();
    let senders = sign_in_all(&client, &base, &picks.young_people).await?;
    let staff = sign_in_all(&client, &base, &picks.social_workers).await?;
    let officers = sign_in_all(&client, &base, &picks.officers).await?;
    let managers = sign_in_all(&client, &base, &picks.managers).await?;
    if senders.is_empty() || staff.is_empty() || officers.is_empty() || managers.is_empty() {
        return Err(format!(
            "could not sign in enough people ({} young people, {} social workers, {} officers, {} managers); see {}",
            senders.len(),
            staff.len(),
            officers.len(),
            managers.len(),
            fresh.dir.join("server.log").display()
        )
        .into());
    }
    let readers: Vec<String> = senders.iter().take(READERS).cloned().collect();
    let forum = forum_pages(&client, &base, &readers).await?;
    let forms = feedback_forms(&client, &base, &senders).await?;
    // Sign-ins (argon2, 19 MiB each) set their own peak; measure the load's
    // from here (writing 5 to clear_refs resets VmHWM).
    let signin_hwm_kb = proc_status(server.id(), "VmHWM").unwrap_or(0);
    let _ = std::fs::write(format!("/proc/{}/clear_refs", server.id()), "5");
    println!(
        "   signed in {} young people, {} social workers, {} participation officers in {:.1} s",
        senders.len(),
        staff.len(),
        officers.len(),
        t.elapsed().as_secs_f64()
    );

    // 4. Load.
    let c = args.connections;
    let ok = |s: u16| s == 200;
    let loads: Vec<(&'static str, Load)> = vec![
        (
            "GET /api/me/home (home)",
            Load::get("/api/me/home", readers.clone()),
        ),
        (
            "GET /api/me/offer (my offer)",
            Load::get("/api/me/offer", readers.clone()),
        ),
        (
            "GET /api/me/plan (my plan)",
            Load::get("/api/me/plan", readers.clone()),
        ),
        (
            "GET /api/people (caseload)",
            Load::get("/api/people", staff.clone()),
        ),
        (
            "GET /api/people (team manager)",
            Load::get("/api/people", managers.clone()),
        ),
        (
            "GET /api/forum/moderation/queue",
            Load::get("/api/forum/moderation/queue", officers.clone()),
        ),
        ("GET forum page (threads)", Load::Pages(Arc::new(forum))),
        (
            "POST /api/me/feedback (submit)",
            Load::Submit(Arc::new(Mutex::new(forms))),
        ),
    ];
    // Each endpoint takes turns with /api/health, half a second each, so
    // that each ratio compares runs moments apart on a machine whose load
    // (other work on it) moves from second to second.
    let health = Load::get("/api/health", vec![String::new()]);
    let slice = Duration::from_millis(500);
    let slices = (args.seconds / slice.as_secs_f64()).ceil().max(1.0) as usize;
    let mut healths = Sample::default();
    let mut measures = Vec::new();
    let mut anon_kb = 0;
    for (name, load) in loads {
        let status = if matches!(load, Load::Submit(_)) {
            201
        } else {
            200
        };
        let _ = drive(&client, &base, &health, c, slice, ok).await;
        if status == 200 {
            let _ = drive(&client, &base, &load, c, slice, ok).await;
        }
        let mut h = Sample::default();
        let mut m = Sample::default();
        for _ in 0..slices {
            h.merge(drive(&client, &base, &health, c, slice, ok).await);
            m.merge(drive(&client, &base, &load, c, slice, move |s| s == status).await);
        }
        let health_rps = h.rps();
        healths.merge(h);
        measures.push(m.named(name, health_rps));
        anon_kb = anon_kb.max(proc_status(server.id(), "RssAnon").unwrap_or(0));
    }
    let health_rps = healths.rps();
    measures.insert(0, healths.named("/api/health (trivial)", health_rps));
    for m in &measures {
        println!(
            "   {:<34} {:>8.0}/s  {:>5.2} of health  p50 {:>6.1} ms  p99 {:>6.1} ms  ({} requests, {} errors)",
            m.name,
            m.rps,
            m.ratio(),
            m.p50_ms,
            m.p99_ms,
            m.requests,
            m.errors
        );
    }
    let hwm_kb = proc_status(server.id(), "VmHWM").unwrap_or(0);
    server.stop().await;
    Ok(Run {
        database: database.to_owned(),
        size,
        councils,
        generate_secs: report.seconds,
        rows: report.rows,
        rows_per_sec: report.rows_per_second(),
        startup_ms,
        hwm_kb,
        signin_hwm_kb,
        rss_idle_kb,
        anon_kb,
        measures,
    })
}

/// The server child process; stopped (SIGTERM, then SIGKILL) when dropped.
struct Server(Child);

impl Server {
    fn id(&self) -> u32 {
        self.0.id()
    }

    async fn stop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        for _ in 0..100 {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

async fn wait_healthy(
    client: &reqwest::Client,
    base: &str,
    server: &mut Server,
) -> BenchResult<()> {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = server.0.try_wait() {
            return Err(format!("the server stopped at start-up ({status})").into());
        }
        if let Ok(r) = client.get(format!("{base}/api/health")).send().await {
            if r.status().as_u16() == 200 {
                return Ok(());
            }
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    Err("the server did not answer /api/health within 120 s".into())
}

/// A line of `/proc/<pid>/status`, in kB.
fn proc_status(pid: u32, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

struct Picks {
    young_people: Vec<String>,
    social_workers: Vec<String>,
    officers: Vec<String>,
    managers: Vec<String>,
}

/// Usernames to sign in as: young people with a shared plan and a booked
/// review they have not sent views for (spread over the councils), and
/// social workers, participation officers and team managers of the first
/// council.
async fn pick_accounts(db: &DatabaseConnection) -> BenchResult<Picks> {
    let backend = db.get_database_backend();
    let today = chrono::Utc::now().date_naive();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => "$1",
        _ => "?",
    };
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT a.username AS u FROM account a \
                 JOIN young_person y ON y.account_id = a.id \
                 JOIN review r ON r.young_person_id = y.id AND r.status = 'booked' AND r.scheduled_on >= {sql} \
                 WHERE a.username LIKE 'gen-%' \
                 AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.review_id = r.id) \
                 AND EXISTS (SELECT 1 FROM plan_version p WHERE p.young_person_id = y.id AND p.status = 'shared') \
                 ORDER BY (a.id * 7919) % 10007, a.id LIMIT {SENDERS}"
            ),
            [Value::ChronoDate(Some(today))],
        ))
        .await?;
    let young_people = rows
        .iter()
        .filter_map(|r| r.try_get::<String>("", "u").ok())
        .collect();
    // Staff of the first council only, at every size: it is generated
    // first from the same seed, so it is the same council with the same
    // caseloads, teams and forum at 1,000 and at 100,000 young people, and
    // a growth figure compares like with like (another council's team
    // manager may have a team four times the size).
    let staff = |role: &str, count: usize| -> Vec<String> {
        (1..=count)
            .map(|k| generate::staff_username(1, role, k))
            .collect()
    };
    Ok(Picks {
        young_people,
        social_workers: staff("sw", 16),
        officers: staff("po", 2),
        managers: staff("tm", 3),
    })
}

async fn sign_in(client: &reqwest::Client, base: &str, username: &str) -> Option<String> {
    let body =
        serde_json::to_vec(&json!({"username": username, "password": generate::PASSWORD})).ok()?;
    let res = client
        .post(format!("{base}/api/auth/login"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .ok()?;
    if res.status().as_u16() != 200 {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(&res.bytes().await.ok()?).ok()?;
    v.get("access_token")?.as_str().map(str::to_owned)
}

/// Signs everyone in, a few at a time (argon2 is slow on purpose).
async fn sign_in_all(
    client: &reqwest::Client,
    base: &str,
    usernames: &[String],
) -> BenchResult<Vec<String>> {
    let mut out = Vec::new();
    for chunk in usernames.chunks(8) {
        let mut tasks = Vec::new();
        for u in chunk {
            let (client, base, u) = (client.clone(), base.to_owned(), u.clone());
            tasks.push(tokio::spawn(
                async move { sign_in(&client, &base, &u).await },
            ));
        }
        for t in tasks {
            out.extend(t.await?);
        }
    }
    Ok(out)
}

async fn get_json(client: &reqwest::Client, url: &str, token: &str) -> Option<serde_json::Value> {
    let res = client.get(url).bearer_auth(token).send().await.ok()?;
    if res.status().as_u16() != 200 {
        return None;
    }
    serde_json::from_slice(&res.bytes().await.ok()?).ok()
}

/// (token, first page of the first space each may use).
async fn forum_pages(
    client: &reqwest::Client,
    base: &str,
    tokens: &[String],
) -> BenchResult<Vec<(String, String)>> {
    let mut out = Vec::new();
    for t in tokens {
        let Some(v) = get_json(client, &format!("{base}/api/forum/spaces"), t).await else {
            continue;
        };
        if let Some(id) = v
            .as_array()
            .and_then(|a| a.first())
            .and_then(|s| s.get("id"))
            .and_then(|i| i.as_str())
        {
            out.push((t.clone(), format!("/api/forum/spaces/{id}/threads")));
        }
    }
    if out.is_empty() {
        return Err("none of the young people signed in may use a forum space".into());
    }
    Ok(out)
}

/// One form to send per young person: their next review, the form for
/// their age, a few answers, the default readers.
async fn feedback_forms(
    client: &reqwest::Client,
    base: &str,
    tokens: &[String],
) -> BenchResult<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for t in tokens {
        let Some(v) = get_json(client, &format!("{base}/api/me/feedback"), t).await else {
            continue;
        };
        if !v.get("sent").is_none_or(|s| s.is_null()) {
            continue;
        }
        let (Some(review), Some(form)) = (
            v.pointer("/review/id").and_then(|x| x.as_str()),
            v.pointer("/form/id").and_then(|x| x.as_str()),
        ) else {
            continue;
        };
        let mut answers = Vec::new();
        for q in v
            .pointer("/form/questions")
            .and_then(|q| q.as_array())
            .into_iter()
            .flatten()
        {
            let key = q.get("key").and_then(|k| k.as_str()).unwrap_or_default();
            match q.get("kind").and_then(|k| k.as_str()) {
                Some("faces") => answers.push(json!({"question": key, "scale": 4})),
                Some("text") => {
                    answers.push(json!({"question": key, "text": "Things are going well at home."}))
                }
                _ => {}
            }
        }
        let body = serde_json::to_vec(&json!({
            "submission_id": uuid::Uuid::new_v4().to_string(),
            "review_id": review,
            "form_id": form,
            "answers": answers,
        }))?;
        out.push((t.clone(), body));
    }
    Ok(out)
}

/// Forms to send: (token, body).
type Forms = Vec<(String, Vec<u8>)>;

#[derive(Clone)]
enum Load {
    /// GET one path, with the tokens in turn (an empty token: none).
    Get(Arc<String>, Arc<Vec<String>>),
    /// GET a path of each token's own.
    Pages(Arc<Vec<(String, String)>>),
    /// Each form once.
    Submit(Arc<Mutex<Forms>>),
}

impl Load {
    fn get(path: &str, tokens: Vec<String>) -> Load {
        Load::Get(Arc::new(path.to_owned()), Arc::new(tokens))
    }
}

#[derive(Default)]
struct Sample {
    latencies_us: Vec<u32>,
    errors: u64,
    secs: f64,
}

impl Sample {
    fn rps(&self) -> f64 {
        self.latencies_us.len() as f64 / self.secs.max(1e-9)
    }

    fn merge(&mut self, other: Sample) {
        self.latencies_us.extend(other.latencies_us);
        self.errors += other.errors;
        self.secs += other.secs;
    }

    fn named(mut self, name: &'static str, health_rps: f64) -> Measure {
        let rps = self.rps();
        self.latencies_us.sort_unstable();
        let n = self.latencies_us.len();
        let pct = |p: f64| -> f64 {
            if n == 0 {
                return 0.0;
            }
            let i = ((n as f64 * p).ceil() as usize).clamp(1, n) - 1;
            f64::from(self.latencies_us[i]) / 1000.0
        };
        Measure {
            name,
            requests: n as u64,
            errors: self.errors,
            rps,
            health_rps,
            p50_ms: pct(0.50),
            p99_ms: pct(0.99),
        }
    }
}

async fn send(
    client: &reqwest::Client,
    url: String,
    token: &str,
    body: Option<Vec<u8>>,
) -> Option<u16> {
    let mut req = match body {
        Some(b) => client
            .post(url)
            .header("content-type", "application/json")
            .body(b),
        None => client.get(url),
    };
    if !token.is_empty() {
        req = req.bearer_auth(token);
    }
    let res = req.send().await.ok()?;
    let status = res.status().as_u16();
    res.bytes().await.ok()?;
    Some(status)
}

/// `conns` loops, each sending one request after
/// another until the time is up; every latency is kept.
async fn drive(
    client: &reqwest::Client,
    base: &str,
    load: &Load,
    conns: usize,
    dur: Duration,
    ok: impl Fn(u16) -> bool + Copy + Send + 'static,
) -> Sample {
    let started = Instant::now();
    let deadline = started + dur;
    let mut tasks = Vec::with_capacity(conns);
    for worker in 0..conns {
        let client = client.clone();
        let base = base.to_owned();
        let load = load.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut errors = 0u64;
            let mut i = worker;
            loop {
                let t = Instant::now();
                if t >= deadline {
                    break;
                }
                let good = match &load {
                    Load::Get(path, tokens) => {
                        let token = tokens
                            .get(i % tokens.len().max(1))
                            .map_or("", |s| s.as_str());
                        send(&client, format!("{base}{path}"), token, None)
                            .await
                            .is_some_and(ok)
                    }
                    Load::Pages(pages) => match pages.get(i % pages.len().max(1)) {
                        Some((token, path)) => send(&client, format!("{base}{path}"), token, None)
                            .await
                            .is_some_and(ok),
                        None => false,
                    },
                    Load::Submit(pool) => {
                        let next = pool.lock().ok().and_then(|mut p| p.pop());
                        let Some((token, body)) = next else {
                            break;
                        };
                        send(
                            &client,
                            format!("{base}/api/me/feedback"),
                            &token,
                            Some(body),
                        )
                        .await
                        .is_some_and(ok)
                    }
                };
                if good {
                    lat.push(u32::try_from(t.elapsed().as_micros()).unwrap_or(u32::MAX));
                } else {
                    errors += 1;
                }
                i += conns;
            }
            (lat, errors, Instant::now())
        }));
    }
    let mut latencies_us = Vec::new();
    let mut errors = 0;
    let mut ended = started;
    for t in tasks {
        if let Ok((lat, e, end)) = t.await {
            latencies_us.extend(lat);
            errors += e;
            ended = ended.max(end);
        }
    }
    Sample {
        latencies_us,
        errors,
        secs: (ended - started).as_secs_f64(),
    }
}

fn print_table(runs: &[Run], args: &Args) {
    let smallest = args.sizes.iter().copied().min().unwrap_or(0);
    let largest = args.sizes.iter().copied().max().unwrap_or(0);
    println!();
    println!(
        "| database | young people | endpoint | rps | ratio to /api/health | p50 ms | p99 ms | growth {}k→{}k |",
        smallest / 1000,
        largest / 1000
    );
    println!("|---|---:|---|---:|---:|---:|---:|---:|");
    for r in runs {
        for (i, m) in r.measures.iter().enumerate() {
            // The ratio to /api/health at the smallest size over the ratio
            // at the largest, so that the machine's noise cancels; for
            // /api/health itself, the raw change (the noise).
            let growth = if r.size == largest && largest != smallest {
                runs.iter()
                    .find(|o| o.database == r.database && o.size == smallest)
                    .and_then(|o| o.measures.iter().find(|x| x.name == m.name))
                    .map(|small| {
                        if i == 0 {
                            format!("({:.2} raw)", small.rps / m.rps.max(1e-9))
                        } else {
                            format!("{:.2}", small.ratio() / m.ratio().max(1e-9))
                        }
                    })
                    .unwrap_or_default()
            } else {
                String::new()
            };
            let errors = if m.errors > 0 {
                format!(" ({} errors)", m.errors)
            } else {
                String::new()
            };
            println!(
                "| {} | {} | {}{} | {:.0} | {:.2} | {:.1} | {:.1} | {} |",
                r.database,
                r.size,
                m.name,
                errors,
                m.rps,
                m.ratio(),
                m.p50_ms,
                m.p99_ms,
                growth
            );
        }
    }
    println!();
    println!("| database | young people | councils | generated rows | generation | rows/s | server start-up | memory idle (VmRSS) | peak while signing in (VmHWM) | peak under load (VmHWM) | private under load (RssAnon) |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in runs {
        println!(
            "| {} | {} | {} | {} | {:.1} s | {:.0} | {:.0} ms | {:.0} MB | {:.0} MB | {:.0} MB | {:.0} MB |",
            r.database,
            r.size,
            r.councils,
            r.rows,
            r.generate_secs,
            r.rows_per_sec,
            r.startup_ms,
            r.rss_idle_kb as f64 / 1024.0,
            r.signin_hwm_kb as f64 / 1024.0,
            r.hwm_kb as f64 / 1024.0,
            r.anon_kb as f64 / 1024.0
        );
    }
}
