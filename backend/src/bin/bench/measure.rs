//! One database at one size: generate, start the server, sign in, drive
//! each endpoint against `/api/health`, and read start-up time and memory.

use super::accounts::{pick_accounts, sign_in_all};
use super::args::Args;
use super::databases::{fresh_database, remove_database, FreshDb};
use super::load::{drive, feedback_forms, forum_pages, Load, Sample};
use super::server::{proc_status, wait_healthy, Server};
use super::{BenchResult, Run, PER_COUNCIL, READERS};
use backend::generate::{self, Options};
use shared::endpoints as ep;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub(super) async fn one(
    args: &Args,
    database: &str,
    size: u64,
    server_bin: &Path,
) -> BenchResult<Run> {
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
            Load::get(ep::home::MyHome::PATH, readers.clone()),
        ),
        (
            "GET /api/me/offer (my offer)",
            Load::get(ep::offer::MyOffer::PATH, readers.clone()),
        ),
        (
            "GET /api/me/plan (my plan)",
            Load::get(ep::plans::MyPlan::PATH, readers.clone()),
        ),
        (
            "GET /api/people (caseload)",
            Load::get(ep::people::Caseload::PATH, staff.clone()),
        ),
        (
            "GET /api/people (team manager)",
            Load::get(ep::people::Caseload::PATH, managers.clone()),
        ),
        (
            "GET /api/forum/moderation/queue",
            Load::get(ep::moderation::Queue::PATH, officers.clone()),
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
    let health = Load::get(ep::health::Health::PATH, vec![String::new()]);
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
