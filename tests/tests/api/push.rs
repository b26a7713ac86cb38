//! Web Push end to end: RFC 8291 Appendix A byte for byte; a push service of
//! our own on loopback that checks what the server sends (VAPID, TTL,
//! Urgency, Topic, the encrypted body) and answers 500, 429 and 410; quiet
//! hours; a restart in the middle of a delivery; two schedulers racing.

use backend::config::Settings;
use backend::push::ece;
use backend::push::quiet::{local_instant, zone};
use backend::push::scheduler::{self, ReviewToRemind, REVIEW_REMINDER};
use backend::push::worker::Worker;
use backend::repo::{accounts, notifications, push as repo, sessions};
use backend::secrets::Keys;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json as j, Value};
use shared::push::{NotificationPreferences, PushPayload, PushSubscriptionView};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use tests::{json, spawn_app_with, StatusCode, TestApp};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

// RFC 8291 Appendix A.
const PLAINTEXT: &str = "V2hlbiBJIGdyb3cgdXAsIEkgd2FudCB0byBiZSBhIHdhdGVybWVsb24";
const AS_PUBLIC: &str =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
const AS_PRIVATE: &str = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
const UA_PUBLIC: &str =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
const UA_PRIVATE: &str = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
const SALT: &str = "DGv6ra1nlYgDCS1FRnbzlw";
const AUTH: &str = "BTBZMqHH6r4Tts7J_aSIgg";
const EXPECTED_HEADER: &str = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
const EXPECTED_CIPHERTEXT: &str =
    "8pfeW0KbunFT06SuDKoJH9Ql87S1QUrdirN6GcG7sFz1y1sqLgVi1VhjVkHsUoEsbI_0LpXMuGvnzQ";

fn b64(s: &str) -> Vec<u8> {
    URL_SAFE_NO_PAD
        .decode(s)
        .unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn rfc8291_appendix_a_byte_for_byte() {
    let body = ece::encrypt_with(
        &b64(UA_PUBLIC),
        &b64(AUTH),
        &b64(PLAINTEXT),
        &b64(AS_PRIVATE),
        &b64(SALT),
        0,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut expected = b64(EXPECTED_HEADER);
    expected.extend(b64(EXPECTED_CIPHERTEXT));
    assert_eq!(expected.len(), 144);
    assert_eq!(
        URL_SAFE_NO_PAD.encode(&body),
        URL_SAFE_NO_PAD.encode(&expected)
    );
    // The header names the server's public key; the browser side decrypts.
    assert_eq!(&body[21..86], b64(AS_PUBLIC).as_slice());
    assert_eq!(
        ece::decrypt(&b64(UA_PRIVATE), &b64(AUTH), &expected).unwrap_or_default(),
        b64(PLAINTEXT)
    );
}

// ------------------------------------------------------------ the sink

/// One request the push service received.
#[derive(Debug, Clone)]
struct Received {
    path: String,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

/// Answers (status, extra headers) waiting for each endpoint name.
type Script = HashMap<String, VecDeque<(u16, Vec<(String, String)>)>>;

/// A push service on loopback: records every request and answers from a
/// script per path (201 when the script is empty).
#[derive(Clone)]
struct Sink {
    port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    script: Arc<Mutex<Script>>,
}

impl Sink {
    async fn start() -> Sink {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
        let sink = Sink {
            port,
            received: Arc::default(),
            script: Arc::default(),
        };
        let s = sink.clone();
        tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                let s = s.clone();
                tokio::spawn(async move { s.serve(sock).await });
            }
        });
        sink
    }

    async fn serve(&self, mut sock: tokio::net::TcpStream) {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let head_end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let mut lines = head.split("\r\n");
        let path = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .unwrap_or_default()
            .to_owned();
        let headers: HashMap<String, String> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let len: usize = headers
            .get("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let mut body = buf[head_end..].to_vec();
        while body.len() < len {
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => break,
                Ok(n) => body.extend_from_slice(&chunk[..n]),
            }
        }
        let name = path.trim_start_matches("/push/").to_owned();
        self.received
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Received {
                path: path.clone(),
                headers,
                body,
            });
        let (status, extra) = self
            .script
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_mut(&name)
            .and_then(VecDeque::pop_front)
            .unwrap_or((201, vec![]));
        let mut res = format!("HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n");
        for (k, v) in extra {
            res.push_str(&format!("{k}: {v}\r\n"));
        }
        res.push_str("\r\n");
        let _ = sock.write_all(res.as_bytes()).await;
        let _ = sock.shutdown().await;
    }

    fn endpoint(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/push/{name}", self.port)
    }

    fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn answer(&self, name: &str, responses: &[(u16, &[(&str, &str)])]) {
        let mut s = self.script.lock().unwrap_or_else(|e| e.into_inner());
        let q = s.entry(name.to_owned()).or_default();
        for (status, headers) in responses {
            q.push_back((
                *status,
                headers
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect(),
            ));
        }
    }

    fn requests(&self, name: &str) -> Vec<Received> {
        let path = format!("/push/{name}");
        self.received
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }
}

// --------------------------------------------------------------- helpers

fn push_settings(s: &mut Settings) {
    s.demo_data = true;
    s.background_jobs = false;
    s.push.allow_loopback_http = true;
}

/// The demo app, with push over loopback allowed and the background worker
/// off, and a worker to drive by hand.
async fn push_app() -> (TestApp, Worker) {
    let app = spawn_app_with(push_settings).await;
    let worker = worker_for(&app, "test-worker");
    (app, worker)
}

fn worker_for(app: &TestApp, name: &str) -> Worker {
    let mut settings = Settings::defaults(app.data_dir.path());
    push_settings(&mut settings);
    let keys = Keys::load_or_create(app.data_dir.path()).unwrap_or_else(|e| panic!("{e}"));
    Worker::new(app.db.clone(), &settings, &keys)
        .unwrap_or_else(|e| panic!("{e}"))
        .with_instance(name)
}

/// The next time the London clock shows `minute` after midnight.
fn next_london(minute: u16) -> DateTime<Utc> {
    let tz = zone("Europe/London");
    let now = Utc::now();
    let today = now.with_timezone(&tz).date_naive();
    (0..3)
        .map(|d| local_instant(tz, today + Duration::days(d), minute))
        .find(|t| *t > now + Duration::minutes(1))
        .unwrap_or(now)
}

async fn subscribe(app: &TestApp, token: &str, endpoint: &str) -> PushSubscriptionView {
    let res = app
        .send_as(
            reqwest::Method::POST,
            "/api/me/push-subscriptions",
            token,
            &j!({"endpoint": endpoint, "keys": {"p256dh": UA_PUBLIC, "auth": AUTH}, "expirationTime": null}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    json(res).await
}

async fn account_id(app: &TestApp, username: &str) -> i32 {
    accounts::by_username(&app.db, username)
        .await
        .ok()
        .flatten()
        .map(|a| a.id)
        .unwrap_or_else(|| panic!("no account {username}"))
}

async fn notify(app: &TestApp, account: i32, kind: &str, urgent: bool) {
    notifications::add(
        &app.db,
        notifications::NewNotification {
            account_id: account,
            kind,
            title: "Leo's placement at Oak House has changed",
            body: "Details that must never reach a lock screen: Leo, Oak House, Bexley.",
            link: "/my/home",
            urgent,
        },
        Utc::now(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
}

/// Everything a push service and a browser would check about one request.
fn check_request(r: &Received, sink: &Sink, vapid_public: &str, subject: &str) -> PushPayload {
    // VAPID: `vapid t=<JWT>, k=<key>`; ES256 with the server's key.
    let auth = r.headers.get("authorization").cloned().unwrap_or_default();
    let (t, k) = auth
        .strip_prefix("vapid t=")
        .and_then(|rest| rest.split_once(", k="))
        .unwrap_or_else(|| panic!("not a VAPID header: {auth}"));
    assert_eq!(k, vapid_public);
    let key = b64(k);
    assert_eq!(key.len(), 65);
    let dk = jsonwebtoken::DecodingKey::from_ec_components(
        &URL_SAFE_NO_PAD.encode(&key[1..33]),
        &URL_SAFE_NO_PAD.encode(&key[33..65]),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut v = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::ES256);
    v.set_audience(&[sink.origin()]);
    v.set_required_spec_claims(&["exp", "aud", "sub"]);
    let claims = jsonwebtoken::decode::<backend::push::vapid::Claims>(t, &dk, &v)
        .unwrap_or_else(|e| panic!("the VAPID token does not verify: {e}"))
        .claims;
    assert_eq!(claims.aud, sink.origin());
    assert_eq!(claims.sub, subject);
    let ahead = claims.exp - Utc::now().timestamp();
    assert!(ahead > 0 && ahead <= 24 * 3600, "exp {ahead} s ahead");
    // RFC 8030 headers.
    let ttl: u64 = r
        .headers
        .get("ttl")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no TTL"));
    assert!(ttl > 0);
    let topic = r.headers.get("topic").cloned().unwrap_or_default();
    assert!(
        !topic.is_empty()
            && topic.len() <= 32
            && topic
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        "topic {topic:?}"
    );
    assert!(matches!(
        r.headers.get("urgency").map(String::as_str),
        Some("normal" | "high")
    ));
    assert_eq!(
        r.headers.get("content-encoding").map(String::as_str),
        Some("aes128gcm")
    );
    assert!(r.body.len() <= 4096);
    // Decrypt as the browser does.
    let plain = ece::decrypt(&b64(UA_PRIVATE), &b64(AUTH), &r.body)
        .unwrap_or_else(|e| panic!("the body does not decrypt: {e}"));
    let text = String::from_utf8(plain).unwrap_or_default();
    for word in [
        "Leo",
        "Oak",
        "Bexley",
        "placement",
        "Alex",
        "Morgan",
        "Sam",
        "Pat",
        "Robin",
        "worker",
        "record",
        "safeguarding",
    ] {
        assert!(
            !text.to_lowercase().contains(&word.to_lowercase()),
            "the payload says {word:?}: {text}"
        );
    }
    let payload: PushPayload =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert!(payload.link.starts_with("/notifications/"));
    assert!(payload.link.ends_with(&payload.id));
    assert_eq!(
        topic,
        payload.id.replace('-', ""),
        "the Topic is the notification's"
    );
    payload
}

async fn vapid_public(app: &TestApp) -> String {
    let v: Value = json(app.get("/api/push/vapid-public-key").await).await;
    v["public_key"].as_str().unwrap_or_default().to_owned()
}

async fn delivery_statuses(app: &TestApp) -> Vec<String> {
    backend::entities::push_delivery::Entity::find()
        .all(&app.db)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|d| d.status)
        .collect()
}

// ------------------------------------------------------------------ tests

#[tokio::test]
async fn a_real_event_reaches_the_push_service_after_a_500_and_says_nothing() {
    let sink = Sink::start().await;
    let (app, worker) = push_app().await;
    let vapid = vapid_public(&app).await;
    assert_eq!(vapid.len(), 87);
    let leo = app.login("demo-child-10").await.access_token;
    let dev = subscribe(&app, &leo, &sink.endpoint("leo")).await;
    assert!(dev.this_device);
    assert_eq!(dev.service, "127.0.0.1");
    sink.answer("leo", &[(500, &[])]);

    // The event: Leo gets a new social worker. Its notification and push
    // delivery are written in the reallocation's own transaction.
    let manager = app.login("demo-manager").await.access_token;
    let leo_id = app.person_id(&manager, "Leo").await;
    let sw2 = accounts::by_username(&app.db, "demo-sw2")
        .await
        .ok()
        .flatten()
        .map(|a| a.public_id)
        .unwrap_or_default();
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/people/{leo_id}/allocations"),
            &manager,
            &j!({"relationship": "social_worker", "staff_id": sw2}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    assert_eq!(delivery_statuses(&app).await, ["pending"]);

    let t0 = next_london(12 * 60);
    let r = worker.run_once(t0).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (r.deliveries.claimed, r.deliveries.retried),
        (1, 1),
        "{r:?}"
    );
    let first = sink.requests("leo");
    assert_eq!(first.len(), 1);
    let p1 = check_request(&first[0], &sink, &vapid, "mailto:goodforme@localhost");
    assert_eq!(p1.title, "You have an update");
    assert!(!p1.urgent);
    assert_eq!(
        first[0].headers.get("urgency").map(String::as_str),
        Some("normal")
    );

    // Backing off: not yet after 10 seconds.
    let r = worker
        .run_once(t0 + Duration::seconds(10))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.claimed, 0);
    assert_eq!(sink.requests("leo").len(), 1);

    // Then the push service takes it: the same message, once.
    let r = worker
        .run_once(t0 + Duration::minutes(2))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.sent, 1, "{r:?}");
    let both = sink.requests("leo");
    assert_eq!(both.len(), 2);
    let p2 = check_request(&both[1], &sink, &vapid, "mailto:goodforme@localhost");
    assert_eq!(p1, p2);
    assert_ne!(first[0].body, both[1].body, "each try is encrypted afresh");
    assert_eq!(delivery_statuses(&app).await, ["sent"]);
    let r = worker
        .run_once(t0 + Duration::hours(3))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.claimed, 0);
    assert_eq!(sink.requests("leo").len(), 2);

    // The in-app list has it, with the details, and it can be marked read.
    let list: Vec<Value> = json(app.get_as("/api/me/notifications", &leo).await).await;
    let item = list
        .iter()
        .find(|n| n["id"] == p1.id.as_str())
        .unwrap_or_else(|| panic!("not in the list: {list:?}"));
    assert_eq!(item["kind"], "new_worker");
    assert_eq!(item["read"], false);
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/me/notifications/{}/read", p1.id),
            &leo,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let list: Vec<Value> = json(app.get_as("/api/me/notifications", &leo).await).await;
    assert!(list
        .iter()
        .any(|n| n["id"] == p1.id.as_str() && n["read"] == true));
    // Someone else cannot mark it.
    let other = app.login("demo-child-7").await.access_token;
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/me/notifications/{}/read", p1.id),
            &other,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .send_as(
            reqwest::Method::POST,
            "/api/me/notifications/read-all",
            &leo,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn retry_after_is_honoured_and_a_410_forgets_the_device() {
    let sink = Sink::start().await;
    let (app, worker) = push_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let leo_account = account_id(&app, "demo-child-10").await;
    subscribe(&app, &leo, &sink.endpoint("busy")).await;
    sink.answer("busy", &[(429, &[("Retry-After", "120")])]);
    notify(&app, leo_account, "new_worker", false).await;

    let t0 = next_london(12 * 60);
    let r = worker.run_once(t0).await.unwrap_or_default();
    assert_eq!(r.deliveries.retried, 1, "{r:?}");
    // The backoff alone would try again after 30 seconds; Retry-After says 120.
    for secs in [31, 60, 119] {
        worker
            .run_once(t0 + Duration::seconds(secs))
            .await
            .unwrap_or_default();
    }
    assert_eq!(sink.requests("busy").len(), 1);
    let r = worker
        .run_once(t0 + Duration::seconds(121))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.sent, 1, "{r:?}");
    assert_eq!(sink.requests("busy").len(), 2);

    // 410 Gone: the device is deleted, and nothing more is sent to it.
    let gone = subscribe(&app, &leo, &sink.endpoint("gone")).await;
    sink.answer("gone", &[(410, &[])]);
    notify(&app, leo_account, "new_worker", false).await;
    let r = worker
        .run_once(t0 + Duration::minutes(10))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.removed, 1, "{r:?}");
    let mine: Vec<PushSubscriptionView> =
        json(app.get_as("/api/me/push-subscriptions", &leo).await).await;
    assert!(mine.iter().all(|d| d.id != gone.id), "{mine:?}");
    assert_eq!(mine.len(), 1, "the busy device stays");
    notify(&app, leo_account, "new_worker", false).await;
    worker
        .run_once(t0 + Duration::minutes(20))
        .await
        .unwrap_or_default();
    assert_eq!(sink.requests("gone").len(), 1);
    // The busy device got the second and third notifications.
    assert_eq!(sink.requests("busy").len(), 4);

    // A 404 does the same; a 400 is given up without deleting the device.
    sink.answer("busy", &[(400, &[])]);
    notify(&app, leo_account, "new_worker", false).await;
    let r = worker
        .run_once(t0 + Duration::minutes(30))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.failed, 1, "{r:?}");
    sink.answer("busy", &[(404, &[])]);
    notify(&app, leo_account, "new_worker", false).await;
    let r = worker
        .run_once(t0 + Duration::minutes(40))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.removed, 1, "{r:?}");
    let mine: Vec<PushSubscriptionView> =
        json(app.get_as("/api/me/push-subscriptions", &leo).await).await;
    assert!(mine.is_empty());
}

#[tokio::test]
async fn quiet_hours_hold_all_but_urgent_staff_alerts() {
    let sink = Sink::start().await;
    let (app, worker) = push_app().await;
    let vapid = vapid_public(&app).await;
    let leo = app.login("demo-child-10").await.access_token;
    let leo_account = account_id(&app, "demo-child-10").await;
    let manager = app.login("demo-manager").await.access_token;
    let manager_account = account_id(&app, "demo-manager").await;
    subscribe(&app, &leo, &sink.endpoint("leo")).await;
    subscribe(&app, &manager, &sink.endpoint("manager")).await;

    // An urgent staff alert from a real event: an admin breaks the glass
    // on Leo's record, and the managers are told.
    let admin = app.login("demo-admin").await.access_token;
    let leo_id = backend::entities::young_person::Entity::find()
        .filter(backend::entities::young_person::Column::PreferredName.eq("Leo"))
        .one(&app.db)
        .await
        .ok()
        .flatten()
        .map(|y| y.public_id)
        .unwrap_or_default();
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/people/{leo_id}/break-glass"),
            &admin,
            &j!({"reason": "Police asked about a missing child tonight"}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    // For Leo: an ordinary one and an "urgent" one (urgent is only for staff).
    notify(&app, leo_account, "new_worker", false).await;
    notify(&app, leo_account, "new_worker", true).await;
    // A non-urgent one for the manager waits too.
    notify(&app, manager_account, "new_worker", false).await;

    let night = next_london(23 * 60 + 30);
    let r = worker.run_once(night).await.unwrap_or_default();
    assert_eq!((r.deliveries.sent, r.deliveries.held), (1, 3), "{r:?}");
    let alerts = sink.requests("manager");
    assert_eq!(alerts.len(), 1);
    assert!(sink.requests("leo").is_empty());
    let p = check_request(&alerts[0], &sink, &vapid, "mailto:goodforme@localhost");
    assert!(p.urgent);
    assert_eq!(p.title, "You have an urgent alert");
    assert_eq!(
        alerts[0].headers.get("urgency").map(String::as_str),
        Some("high")
    );

    // Held until 07:00 London time (GMT or BST, whichever it is then).
    let tz = zone("Europe/London");
    let morning = local_instant(
        tz,
        night.with_timezone(&tz).date_naive() + Duration::days(1),
        7 * 60,
    );
    let held: Vec<DateTime<Utc>> = backend::entities::push_delivery::Entity::find()
        .filter(backend::entities::push_delivery::Column::Status.eq("pending"))
        .all(&app.db)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|d| d.next_attempt_at)
        .collect();
    assert_eq!(held, vec![morning; 3]);
    let r = worker
        .run_once(morning - Duration::minutes(1))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.claimed, 0);
    let r = worker
        .run_once(morning + Duration::seconds(30))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.sent, 3, "{r:?}");
    assert_eq!(sink.requests("leo").len(), 2);
    assert_eq!(sink.requests("manager").len(), 2);
    for r in sink.requests("leo") {
        let p = check_request(&r, &sink, &vapid, "mailto:goodforme@localhost");
        assert!(!p.urgent, "a young person's push is never marked urgent");
    }
}

#[tokio::test]
async fn a_restart_mid_delivery_delivers_exactly_once() {
    let sink = Sink::start().await;
    let (app, worker) = push_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let leo_account = account_id(&app, "demo-child-10").await;
    subscribe(&app, &leo, &sink.endpoint("leo")).await;
    notify(&app, leo_account, "new_worker", false).await;

    // An instance claims the row and dies before it sends or records.
    let t0 = next_london(12 * 60);
    let due = repo::due_deliveries(&app.db, t0, 10)
        .await
        .unwrap_or_default();
    assert_eq!(due.len(), 1);
    let lease_end = t0 + Duration::seconds(120);
    assert!(
        repo::claim_delivery(&app.db, due[0], "crashed:1", t0, lease_end)
            .await
            .unwrap_or(false)
    );
    // Nobody else can take it while the lease runs.
    assert!(
        !repo::claim_delivery(&app.db, due[0], "other:1", t0, lease_end)
            .await
            .unwrap_or(true)
    );
    let r = worker
        .run_once(t0 + Duration::seconds(60))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.claimed, 0);
    assert!(sink.requests("leo").is_empty());

    // After the lease, two instances race for it: it is sent once.
    let other = worker_for(&app, "second-instance");
    let after = lease_end + Duration::seconds(1);
    let (a, b) = tokio::join!(worker.run_once(after), other.run_once(after));
    let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
    assert_eq!(a.deliveries.sent + b.deliveries.sent, 1, "{a:?} {b:?}");
    assert_eq!(sink.requests("leo").len(), 1);
    assert_eq!(delivery_statuses(&app).await, ["sent"]);

    // The dead instance's late word changes nothing.
    let late = repo::finish_delivery(
        &app.db,
        due[0],
        "crashed:1",
        &repo::Finish::Failed {
            status: None,
            error: "late".to_owned(),
        },
        after,
    )
    .await
    .unwrap_or(true);
    assert!(!late);
    assert_eq!(delivery_statuses(&app).await, ["sent"]);
    for later in [5, 60, 600] {
        worker
            .run_once(after + Duration::minutes(later))
            .await
            .unwrap_or_default();
    }
    assert_eq!(sink.requests("leo").len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_schedulers_racing_run_each_job_once() {
    let (app, worker) = push_app().await;
    let other = worker_for(&app, "second-instance");
    let leo = backend::entities::young_person::Entity::find()
        .filter(backend::entities::young_person::Column::PreferredName.eq("Leo"))
        .one(&app.db)
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no Leo"));
    let leo_account = leo.account_id.unwrap_or_default();
    let now = Utc::now();
    let jobs: Vec<repo::NewJob> = (0..30)
        .map(|i| repo::NewJob {
            kind: REVIEW_REMINDER.to_owned(),
            subject: format!("race-{i}"),
            due_on: now.date_naive(),
            run_at: now - Duration::minutes(5),
            payload: j!({"young_person_id": leo.id, "review_due": (now + Duration::days(14)).date_naive(), "link": "/my/review"})
                .to_string(),
        })
        .collect();
    let planned = scheduler::plan(&app.db, jobs, now)
        .await
        .unwrap_or_default();
    assert_eq!(planned, 30);
    // A job a crashed instance claimed, whose lease has run out, runs too.
    let crashed = scheduler::plan(
        &app.db,
        vec![repo::NewJob {
            kind: REVIEW_REMINDER.to_owned(),
            subject: "crashed".to_owned(),
            due_on: now.date_naive(),
            run_at: now - Duration::minutes(5),
            payload: j!({"young_person_id": leo.id, "review_due": (now + Duration::days(2)).date_naive(), "link": "/my/review"})
                .to_string(),
        }],
        now,
    )
    .await
    .unwrap_or_default();
    assert_eq!(crashed, 1);
    let stale = repo::due_jobs(&app.db, now, 100).await.unwrap_or_default();
    let crashed_id = stale.last().copied().unwrap_or_default();
    assert!(repo::claim_job(
        &app.db,
        crashed_id,
        "crashed:1",
        now - Duration::minutes(4),
        now - Duration::minutes(2)
    )
    .await
    .unwrap_or(false));

    let w1 = async {
        let mut total = scheduler::JobReport::default();
        for _ in 0..3 {
            let r = worker.run_jobs(now).await.unwrap_or_default();
            total.done += r.done;
            total.lost += r.lost;
        }
        total
    };
    let w2 = async {
        let mut total = scheduler::JobReport::default();
        for _ in 0..3 {
            let r = other.run_jobs(now).await.unwrap_or_default();
            total.done += r.done;
            total.lost += r.lost;
        }
        total
    };
    let (a, b) = tokio::join!(w1, w2);
    assert_eq!(a.done + b.done, 31, "{a:?} {b:?}");
    let reminders = backend::entities::notification::Entity::find()
        .filter(backend::entities::notification::Column::AccountId.eq(leo_account))
        .filter(backend::entities::notification::Column::Kind.eq(REVIEW_REMINDER))
        .count(&app.db)
        .await
        .unwrap_or_default();
    assert_eq!(reminders, 31, "one notification per job, none twice");
    let done = backend::entities::scheduled_job::Entity::find()
        .filter(backend::entities::scheduled_job::Column::Status.eq("done"))
        .count(&app.db)
        .await
        .unwrap_or_default();
    assert_eq!(done, 31);
    let again = worker
        .run_jobs(now + Duration::hours(1))
        .await
        .unwrap_or_default();
    assert_eq!(again.claimed, 0);
}

#[tokio::test]
async fn review_reminders_are_planned_once_and_follow_the_review() {
    let (app, worker) = push_app().await;
    let leo = backend::entities::young_person::Entity::find()
        .filter(backend::entities::young_person::Column::PreferredName.eq("Leo"))
        .one(&app.db)
        .await
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no Leo"));
    let tz = zone("Europe/London");
    // A fixed "now": 1 June 2026, 09:00 BST.
    let now = local_instant(
        tz,
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default(),
        9 * 60,
    );
    let review = |due: NaiveDate| ReviewToRemind {
        subject: leo.public_id.clone(),
        young_person_id: leo.id,
        due,
        link: None,
    };
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
    let first = scheduler::plan_review_reminders(&app.db, tz, &[review(d(7, 1))], now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(first.planned, 2);
    let twice = scheduler::plan_review_reminders(&app.db, tz, &[review(d(7, 1))], now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((twice.planned, twice.unchanged), (0, 2), "{twice:?}");
    let jobs = backend::entities::scheduled_job::Entity::find()
        .all(&app.db)
        .await
        .unwrap_or_default();
    let mut days: Vec<(NaiveDate, DateTime<Utc>)> =
        jobs.iter().map(|j| (j.due_on, j.run_at)).collect();
    days.sort();
    // 14 and 2 days before, at 10:00 BST (09:00 UTC).
    assert_eq!(
        days,
        vec![
            (d(6, 17), local_instant(tz, d(6, 17), 600)),
            (d(6, 29), local_instant(tz, d(6, 29), 600)),
        ]
    );
    assert_eq!(
        days[0].1.to_rfc3339(),
        "2026-06-17T09:00:00+00:00",
        "BST is UTC+1"
    );

    // The review moves: the old reminders are cancelled, new ones planned.
    let moved = scheduler::plan_review_reminders(&app.db, tz, &[review(d(7, 8))], now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((moved.planned, moved.cancelled), (2, 2), "{moved:?}");
    // And back again: the cancelled ones return, nothing new is created.
    let back = scheduler::plan_review_reminders(&app.db, tz, &[review(d(7, 1))], now)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (back.planned, back.moved, back.cancelled),
        (0, 2, 2),
        "{back:?}"
    );
    // Days already past are not planned; a review in December is GMT.
    let late = scheduler::plan_review_reminders(
        &app.db,
        tz,
        &[ReviewToRemind {
            subject: "winter".to_owned(),
            young_person_id: leo.id,
            due: d(12, 15),
            link: Some("/my/review".to_owned()),
        }],
        now,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(late.planned, 2);
    let winter = backend::entities::scheduled_job::Entity::find()
        .filter(backend::entities::scheduled_job::Column::Subject.eq("winter"))
        .all(&app.db)
        .await
        .unwrap_or_default();
    assert!(winter
        .iter()
        .any(|j| j.run_at.to_rfc3339() == "2026-12-13T10:00:00+00:00"));
    let soon = scheduler::plan_review_reminders(
        &app.db,
        tz,
        &[ReviewToRemind {
            subject: "soon".to_owned(),
            young_person_id: leo.id,
            due: d(6, 5),
            link: None,
        }],
        now,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(soon.planned, 1, "14 days before 5 June has passed");

    // When the day comes, Leo gets a reminder in his list.
    let r = worker
        .run_jobs(local_instant(tz, d(6, 17), 600) + Duration::minutes(1))
        .await
        .unwrap_or_default();
    assert_eq!(r.done, 2, "{r:?}");
    let leo_token = app.login("demo-child-10").await.access_token;
    let list: Vec<Value> = json(app.get_as("/api/me/notifications", &leo_token).await).await;
    assert!(
        list.iter().any(|n| n["kind"] == REVIEW_REMINDER
            && n["body"]
                .as_str()
                .unwrap_or_default()
                .contains("in 14 days, on Wednesday 1 July")),
        "{list:?}"
    );
}

#[tokio::test]
async fn devices_and_choices_are_checked_and_only_ones_own() {
    let sink = Sink::start().await;
    let (app, worker) = push_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let mia = app.login("demo-child-7").await.access_token;
    let post = |token: &str, body: Value| {
        let token = token.to_owned();
        let app = &app;
        async move {
            app.send_as(
                reqwest::Method::POST,
                "/api/me/push-subscriptions",
                &token,
                &body,
            )
            .await
        }
    };
    for (body, field) in [
        (
            j!({"endpoint": "http://push.example.org/x", "keys": {"p256dh": UA_PUBLIC, "auth": AUTH}}),
            "endpoint",
        ),
        (
            j!({"endpoint": "https://attacker.example/x", "keys": {"p256dh": UA_PUBLIC, "auth": AUTH}}),
            "endpoint",
        ),
        (
            j!({"endpoint": sink.endpoint("x"), "keys": {"p256dh": AUTH, "auth": AUTH}}),
            "keys.p256dh",
        ),
        (
            j!({"endpoint": sink.endpoint("x"), "keys": {"p256dh": UA_PUBLIC, "auth": UA_PUBLIC}}),
            "keys.auth",
        ),
    ] {
        let res = post(&leo, body).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let e: Value = json(res).await;
        assert_eq!(e["field"], field, "{e}");
    }
    let dev = subscribe(&app, &leo, &sink.endpoint("leo")).await;
    // The same browser again: updated, not duplicated.
    let res = post(
        &leo,
        j!({"endpoint": sink.endpoint("leo"), "keys": {"p256dh": UA_PUBLIC, "auth": AUTH}}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let again: PushSubscriptionView = json(res).await;
    assert_eq!(again.id, dev.id);
    // Mia cannot see or remove Leo's device.
    let hers: Vec<PushSubscriptionView> =
        json(app.get_as("/api/me/push-subscriptions", &mia).await).await;
    assert!(hers.is_empty());
    let res = app
        .send_as(
            reqwest::Method::DELETE,
            &format!("/api/me/push-subscriptions/{}", dev.id),
            &mia,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Choices: the defaults, then bad ones refused, then saved.
    let p: NotificationPreferences =
        json(app.get_as("/api/me/notification-preferences", &leo).await).await;
    assert_eq!(
        (p.quiet_hours.start.as_str(), p.quiet_hours.end.as_str()),
        ("21:00", "07:00")
    );
    assert_eq!(p.time_zone, "Europe/London");
    assert!(p.kinds.iter().all(|k| k.push));
    assert!(p.kinds.iter().any(|k| k.kind == "review_reminder"));
    assert!(p.kinds.iter().all(|k| k.kind != "break_glass"));
    for (body, field) in [
        (
            j!({"quiet_hours": {"start": "25:00", "end": "07:00"}}),
            "quiet_hours.start",
        ),
        (
            j!({"quiet_hours": {"start": "21:00", "end": "21:00"}}),
            "quiet_hours.end",
        ),
        (
            j!({"kinds": [{"kind": "no_such_kind", "push": false}]}),
            "kinds",
        ),
        (
            j!({"kinds": [{"kind": "break_glass", "push": true}]}),
            "kinds",
        ),
    ] {
        let res = app
            .send_as(
                reqwest::Method::PUT,
                "/api/me/notification-preferences",
                &leo,
                &body,
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let e: Value = json(res).await;
        assert_eq!(e["field"], field, "{e}");
    }
    let manager = app.login("demo-manager").await.access_token;
    let res = app
        .send_as(
            reqwest::Method::PUT,
            "/api/me/notification-preferences",
            &manager,
            &j!({"kinds": [{"kind": "break_glass", "push": false}]}),
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "safeguarding alerts stay on"
    );
    let res = app
        .send_as(
            reqwest::Method::PUT,
            "/api/me/notification-preferences",
            &leo,
            &j!({"kinds": [{"kind": "new_worker", "push": false}], "quiet_hours": {"start": "22:30", "end": "6:45"}}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let p: NotificationPreferences = json(res).await;
    assert_eq!(
        (p.quiet_hours.start.as_str(), p.quiet_hours.end.as_str()),
        ("22:30", "06:45")
    );
    assert!(p.kinds.iter().any(|k| k.kind == "new_worker" && !k.push));

    // A kind turned off is not pushed, but is in the list; others are.
    let leo_account = account_id(&app, "demo-child-10").await;
    notify(&app, leo_account, "new_worker", false).await;
    notify(&app, leo_account, "review_reminder", false).await;
    // 22:00 is no longer quiet for Leo.
    let r = worker
        .run_once(next_london(22 * 60))
        .await
        .unwrap_or_default();
    assert_eq!((r.deliveries.sent, r.deliveries.skipped), (1, 1), "{r:?}");
    let list: Vec<Value> = json(app.get_as("/api/me/notifications", &leo).await).await;
    assert_eq!(list.len(), 2);

    // Signing out of the device stops its pushes and forgets it.
    let res = app
        .send_as(reqwest::Method::POST, "/api/auth/logout", &leo, &j!({}))
        .await;
    assert!(res.status().is_success());
    notify(&app, leo_account, "review_reminder", false).await;
    let r = worker
        .run_once(next_london(12 * 60))
        .await
        .unwrap_or_default();
    assert_eq!(r.deliveries.removed, 1, "{r:?}");
    assert_eq!(sink.requests("leo").len(), 1);
    let leo2 = app.login("demo-child-10").await.access_token;
    let mine: Vec<PushSubscriptionView> =
        json(app.get_as("/api/me/push-subscriptions", &leo2).await).await;
    assert!(mine.is_empty());

    // A signed-out device with nothing to deliver is forgotten by the
    // worker's hourly tidy-up.
    subscribe(&app, &mia, &sink.endpoint("mia")).await;
    subscribe(&app, &leo2, &sink.endpoint("leo2")).await;
    let res = app
        .send_as(reqwest::Method::POST, "/api/auth/logout", &mia, &j!({}))
        .await;
    assert!(res.status().is_success());
    let purged = repo::purge_dead_subscriptions(&app.db, Utc::now())
        .await
        .unwrap_or_default();
    assert_eq!(purged, 1);
    let left = backend::entities::push_subscription::Entity::find()
        .count(&app.db)
        .await
        .unwrap_or_default();
    assert_eq!(left, 1, "Leo's new device stays");
}

/// For the authorization walk: a fresh device and notification of the
/// actor's own, and one of somebody else's, for the `{id}` of `path`.
/// Endpoints are on loopback port 9, where nothing listens.
pub async fn walk_fixture(app: &TestApp, username: &str, path: &str) -> (String, String) {
    let mut ids = vec![];
    for who in [username, "demo-leaver-23"] {
        let account = account_id(app, who).await;
        if path.starts_with("/api/me/push-subscriptions/") {
            let session = sessions::open_for(&app.db, account, Utc::now())
                .await
                .unwrap_or_default()
                .first()
                .map(|s| s.id)
                .unwrap_or_else(|| panic!("{who} has no open session"));
            let endpoint = format!("http://127.0.0.1:9/walk/{}", uuid::Uuid::new_v4().simple());
            let (s, _) = repo::subscribe(
                &app.db,
                repo::NewSubscription {
                    account_id: account,
                    session_id: session,
                    endpoint: &endpoint,
                    p256dh: UA_PUBLIC,
                    auth: AUTH,
                },
                10,
                Utc::now(),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
            ids.push(s.public_id);
        } else {
            notify(app, account, "walk", false).await;
            let n = notifications::for_account(&app.db, account, 1)
                .await
                .unwrap_or_default();
            ids.push(n.first().map(|n| n.public_id.clone()).unwrap_or_default());
        }
    }
    (ids[0].clone(), ids[1].clone())
}

/// A young person can delete a notification of theirs: it leaves their list
/// and is never delivered afterwards; nobody else can delete it.
#[tokio::test]
async fn a_deleted_notification_is_gone_and_never_delivered() {
    use shared::endpoints::{me::ListNotifications, push::DeleteNotification};
    let sink = Sink::start().await;
    let (app, worker) = push_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let leo_account = account_id(&app, "demo-child-10").await;
    subscribe(&app, &leo, &sink.endpoint("leo")).await;
    notify(&app, leo_account, "new_worker", false).await;
    let list: Vec<Value> = json(app.get_as(ListNotifications::PATH, &leo).await).await;
    let id = list
        .first()
        .and_then(|n| n["id"].as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no notification: {list:?}"));

    // Someone else's delete is refused as if there were nothing there.
    let other = app.login("demo-child-7").await.access_token;
    let url = DeleteNotification::url(&id);
    let res = app
        .send_as(reqwest::Method::DELETE, url.as_str(), &other, &j!({}))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let res = app
        .send_as(reqwest::Method::DELETE, url.as_str(), &leo, &j!({}))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let list: Vec<Value> = json(app.get_as(ListNotifications::PATH, &leo).await).await;
    assert!(list.iter().all(|n| n["id"] != id.as_str()), "{list:?}");
    // Its waiting delivery went with it.
    worker
        .run_once(next_london(12 * 60))
        .await
        .unwrap_or_default();
    assert!(sink.requests("leo").is_empty());
    // Deleting it again: nothing there.
    let res = app
        .send_as(reqwest::Method::DELETE, url.as_str(), &leo, &j!({}))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
