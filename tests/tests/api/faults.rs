//! Faults (issue 10) that an HTTP test can stage in one process: the push
//! service down for an hour, on the worker's own clock. The faults that
//! need a process killed, a database restarted or a disk filled are in
//! `scripts/faults.sh`.

use backend::config::Settings;
use backend::push::quiet::{local_instant, zone};
use backend::push::worker::Worker;
use backend::repo::{accounts, notifications};
use backend::secrets::Keys;
use chrono::{DateTime, Duration, Utc};
use sea_orm::EntityTrait;
use serde_json::json as j;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tests::{spawn_app_with, StatusCode, TestApp};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

// RFC 8291 Appendix A's browser key and auth secret: any valid pair will do.
const UA_PUBLIC: &str =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
const AUTH: &str = "BTBZMqHH6r4Tts7J_aSIgg";

/// A push service on loopback that can be down: while it is, it drops
/// every connection without an answer (as a crashed or unreachable service
/// would); up, it takes each message with 201 and counts it by device.
#[derive(Clone, Default)]
struct PushService {
    down: Arc<AtomicBool>,
    taken: Arc<Mutex<HashMap<String, usize>>>,
    refused: Arc<Mutex<usize>>,
}

impl PushService {
    async fn start(&self) -> u16 {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        let me = self.clone();
        tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                let me = me.clone();
                tokio::spawn(async move { me.serve(sock).await });
            }
        });
        port
    }

    async fn serve(&self, mut sock: tokio::net::TcpStream) {
        if self.down.load(Ordering::SeqCst) {
            *self.refused.lock().unwrap_or_else(|e| e.into_inner()) += 1;
            return;
        }
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let (head_end, len) = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..i]).to_ascii_lowercase();
                let len = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                break (i + 4, len);
            }
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        while buf.len() < head_end + len {
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let path = String::from_utf8_lossy(&buf[..head_end])
            .split(' ')
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        *self
            .taken
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(path)
            .or_default() += 1;
        let _ = sock
            .write_all(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .await;
        let _ = sock.shutdown().await;
    }

    fn taken(&self) -> HashMap<String, usize> {
        self.taken.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

fn push_settings(s: &mut Settings) {
    s.demo_data = true;
    s.background_jobs = false;
    s.push.allow_loopback_http = true;
}

fn worker_for(app: &TestApp) -> Worker {
    let mut settings = Settings::defaults(app.data_dir.path());
    push_settings(&mut settings);
    let keys = Keys::load_or_create(app.data_dir.path()).unwrap_or_else(|e| panic!("{e}"));
    Worker::new(app.db.clone(), &settings, &keys)
        .unwrap_or_else(|e| panic!("{e}"))
        .with_instance("faults")
}

/// The next 10:00 in London at least a minute away: hours of daytime ahead,
/// so quiet hours hold nothing back.
fn next_morning() -> DateTime<Utc> {
    let tz = zone("Europe/London");
    let now = Utc::now();
    let today = now.with_timezone(&tz).date_naive();
    (0..3)
        .map(|d| local_instant(tz, today + Duration::days(d), 10 * 60))
        .find(|t| *t > now + Duration::minutes(1))
        .unwrap_or(now)
}

async fn notify(app: &TestApp, account: i32, n: usize, at: DateTime<Utc>) {
    for i in 0..n {
        notifications::add(
            &app.db,
            notifications::NewNotification {
                account_id: account,
                kind: "plan_shared",
                title: "You have an update",
                body: &format!("Update {i}"),
                link: "/my/plan",
                urgent: false,
            },
            at,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    }
}

#[tokio::test]
async fn the_push_service_down_for_an_hour_loses_nothing_and_sends_nothing_twice() {
    let service = PushService::default();
    let port = service.start().await;
    let app = spawn_app_with(push_settings).await;
    let worker = worker_for(&app);
    let people = ["demo-child-10", "demo-teen-14", "demo-leaver-19"];
    let mut accounts_by_path = HashMap::new();
    for (i, username) in people.iter().enumerate() {
        let token = app.login(username).await.access_token;
        let res = app
            .send_as(
                reqwest::Method::POST,
                "/api/me/push-subscriptions",
                &token,
                &j!({"endpoint": format!("http://127.0.0.1:{port}/device/{i}"),
                     "keys": {"p256dh": UA_PUBLIC, "auth": AUTH}}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let account = accounts::by_username(&app.db, username)
            .await
            .ok()
            .flatten()
            .map(|a| a.id)
            .unwrap_or_else(|| panic!("no account {username}"));
        accounts_by_path.insert(format!("/device/{i}"), account);
    }

    // The service goes down; four notifications each are waiting, and two
    // more each arrive half-way through the hour.
    let t0 = next_morning();
    service.down.store(true, Ordering::SeqCst);
    for account in accounts_by_path.values() {
        notify(&app, *account, 4, t0).await;
    }
    let mut t = t0;
    while t < t0 + Duration::hours(1) {
        if t == t0 + Duration::minutes(30) {
            for account in accounts_by_path.values() {
                notify(&app, *account, 2, t).await;
            }
        }
        let r = worker.run_once(t).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            r.deliveries.sent, 0,
            "nothing gets through while it is down"
        );
        assert_eq!(r.deliveries.failed, 0, "nothing is given up at {t}");
        t += Duration::minutes(1);
    }
    assert!(
        *service.refused.lock().unwrap_or_else(|e| e.into_inner()) >= 3 * 6,
        "every message was tried while the service was down"
    );

    // Back after an hour: the worker carries on by its own clock (a pass a
    // minute) until the last retry has come round.
    service.down.store(false, Ordering::SeqCst);
    while t < t0 + Duration::hours(3) {
        worker.run_once(t).await.unwrap_or_else(|e| panic!("{e}"));
        t += Duration::minutes(1);
    }
    let taken = service.taken();
    for path in accounts_by_path.keys() {
        assert_eq!(
            taken.get(path).copied(),
            Some(6),
            "every message reached {path} exactly once: {taken:?}"
        );
    }
    let statuses: Vec<String> = backend::entities::push_delivery::Entity::find()
        .all(&app.db)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|d| d.status)
        .collect();
    assert_eq!(statuses.len(), 18);
    assert!(statuses.iter().all(|s| s == "sent"), "{statuses:?}");

    // And nothing more goes out later.
    worker
        .run_once(t + Duration::days(1))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(service.taken(), taken);
}
