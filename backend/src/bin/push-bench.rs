//! A benchmark, not a test: `cargo run --release -p backend --bin push-bench`.
//!
//! 1. Delivered notifications per second: the real worker (encrypt with
//!    aes128gcm, sign VAPID, POST, record) against a push service of its own
//!    on loopback that answers 201, on a fresh SQLite database (or
//!    `BENCH_DATABASE_URL`, an empty PostgreSQL database).
//! 2. The time to plan review reminders for 100,000 young people, and to
//!    plan them again when nothing has changed.
//!
//! Sizes: `BENCH_NOTIFICATIONS` (default 2000), `BENCH_DEVICES` (200),
//! `BENCH_PEOPLE` (100000). Everything stays on this machine.

use actix_web::{web, App, HttpResponse, HttpServer};
use backend::config::Settings;
use backend::push::quiet::{local_instant, zone};
use backend::push::scheduler::{plan_review_reminders, ReviewToRemind};
use backend::push::worker::Worker;
use backend::repo::{accounts, notifications, push as repo, sessions};
use backend::secrets::Keys;
use chrono::{Duration, Utc};
use sea_orm::TransactionTrait;
use shared::people::Role;
use std::time::Instant;

// RFC 8291 Appendix A's browser key and auth secret: any valid pair will do.
const UA_PUBLIC: &str =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
const AUTH: &str = "BTBZMqHH6r4Tts7J_aSIgg";

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

type BenchResult<T> = Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("push-bench failed: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> BenchResult<()> {
    let notifications_n = env_usize("BENCH_NOTIFICATIONS", 2000);
    let devices_n = env_usize("BENCH_DEVICES", 200).max(1);
    let people_n = env_usize("BENCH_PEOPLE", 100_000);

    // A loopback push service that takes everything.
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    let sink = HttpServer::new(|| {
        App::new().default_service(web::to(|_body: web::Bytes| async {
            HttpResponse::Created().finish()
        }))
    })
    .workers(1)
    .listen(listener)?
    .run();
    let sink_handle = sink.handle();
    tokio::spawn(sink);

    let dir = std::env::temp_dir().join(format!("push-bench-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    let mut settings = Settings::defaults(&dir);
    if let Ok(url) = std::env::var("BENCH_DATABASE_URL") {
        settings.database_url = url;
    }
    settings.background_jobs = false;
    settings.push.allow_loopback_http = true;
    settings.push.batch = 256;
    settings.push.concurrency = 16;
    let db = backend::db::connect(&settings.database_url).await?;
    backend::db::migrate(&db).await?;
    backend::operator::council::demo_bexley(&db).await?;
    let keys = Keys::load_or_create(&dir)?;
    let council = backend::repo::councils::by_slug(&db, "bexley")
        .await?
        .ok_or("the reference data has no Bexley")?;
    let now = Utc::now();

    // People with one device each.
    let mut people = Vec::with_capacity(devices_n);
    let txn = db.begin().await?;
    for i in 0..devices_n {
        let a = accounts::create(
            &txn,
            accounts::NewAccount {
                authority_id: council.id,
                username: &format!("bench-{i}"),
                role: Role::YoungPerson,
                display_name: "Bench",
                team_id: None,
                password_hash: None,
            },
            now,
        )
        .await?;
        let s = sessions::create(&txn, a.id, "bench", &format!("bench-refresh-{i}"), now).await?;
        people.push((a.id, s.id));
    }
    txn.commit().await?;
    for (i, (account_id, session_id)) in people.iter().enumerate() {
        repo::subscribe(
            &db,
            repo::NewSubscription {
                account_id: *account_id,
                session_id: *session_id,
                endpoint: &format!("http://127.0.0.1:{port}/push/{i}"),
                p256dh: UA_PUBLIC,
                auth: AUTH,
            },
            10,
            now,
        )
        .await?;
    }
    for chunk in (0..notifications_n).collect::<Vec<_>>().chunks(500) {
        let txn = db.begin().await?;
        for i in chunk {
            notifications::add(
                &txn,
                notifications::NewNotification {
                    account_id: people[i % people.len()].0,
                    kind: "review_reminder",
                    title: "Your review is coming up",
                    body: "Benchmark",
                    link: "/my/review",
                    urgent: false,
                },
                now,
            )
            .await?;
        }
        txn.commit().await?;
    }

    // Deliver at the next London noon (outside quiet hours).
    let tz = zone("Europe/London");
    let today = now.with_timezone(&tz).date_naive();
    let noon = (0..3)
        .map(|d| local_instant(tz, today + Duration::days(d), 12 * 60))
        .find(|t| *t > now)
        .unwrap_or(now);
    let worker = Worker::new(db.clone(), &settings, &keys)?;
    let started = Instant::now();
    let mut sent = 0u64;
    let mut passes = 0;
    loop {
        let r = worker.deliver(noon).await?;
        sent += r.sent;
        passes += 1;
        if r.claimed == 0 || passes > 100_000 {
            break;
        }
    }
    let deliver_secs = started.elapsed().as_secs_f64();
    let backend_name = backend::db::backend_name(&db);
    println!(
        "push-bench on {backend_name}, {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "  delivered {sent} of {notifications_n} notifications to {devices_n} devices on a loopback push service in {deliver_secs:.2} s: {:.0} notifications/s (encrypt, sign, POST, record)",
        sent as f64 / deliver_secs.max(1e-9)
    );

    // Planning reminders for 100,000 young people.
    let reviews: Vec<ReviewToRemind> = (0..people_n)
        .map(|i| ReviewToRemind {
            subject: format!("bench-yp-{i}"),
            young_person_id: i as i32 + 1,
            due: today + Duration::days(20 + (i % 150) as i64),
            link: None,
        })
        .collect();
    let started = Instant::now();
    let first = plan_review_reminders(&db, tz, &reviews, now).await?;
    let plan_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let again = plan_review_reminders(&db, tz, &reviews, now).await?;
    let replan_secs = started.elapsed().as_secs_f64();
    println!(
        "  planned review reminders for {people_n} young people: {} jobs in {plan_secs:.2} s ({:.0} young people/s)",
        first.planned,
        people_n as f64 / plan_secs.max(1e-9)
    );
    println!(
        "  planned again with nothing changed: {} new, {} unchanged in {replan_secs:.2} s ({:.2}x the first run)",
        again.planned,
        again.unchanged,
        replan_secs / plan_secs.max(1e-9)
    );

    sink_handle.stop(false).await;
    drop(db);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
