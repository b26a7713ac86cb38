//! `GET /metrics`: only for allowed addresses or the token, 404 otherwise;
//! series by route template; nothing about a person in any label.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use backend::client_addr::NetList;
use backend::secrets::Secret;
use tests::{spawn_app_with, StatusCode, TestApp};

const TOKEN: &str = "metrics-token-for-tests-0123456789";

async fn scrape(app: &TestApp, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut req = app.client.get(app.url("/metrics"));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.expect("request sent")
}

async fn text(app: &TestApp) -> String {
    let res = scrape(app, &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .starts_with("text/plain; version=0.0.4"));
    res.text().await.unwrap()
}

/// The value of the series whose line starts with `prefix`, or 0.
fn value(text: &str, prefix: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

#[tokio::test]
async fn refused_with_a_plain_404_unless_allowed() {
    let app = spawn_app_with(|s| s.metrics_token = Some(Secret::new(TOKEN.into()))).await;
    for headers in [
        vec![],
        vec![("Authorization", "Bearer not-the-token")],
        vec![("Authorization", "Bearer ")],
        vec![("Authorization", TOKEN)],
        // A spoofed address is no way in either.
        vec![("X-Forwarded-For", "127.0.0.1")],
    ] {
        let res = scrape(&app, &headers).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{headers:?}");
        assert!(res.text().await.unwrap().is_empty());
    }
    let bearer = format!("Bearer {TOKEN}");
    let res = scrape(&app, &[("Authorization", &bearer)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("goodforme_http_requests_total"));
}

#[tokio::test]
async fn an_allowed_address_may_scrape_by_the_client_address_rules() {
    let app = spawn_app_with(|s| s.metrics_allow = NetList::parse("127.0.0.0/8").unwrap()).await;
    let body = text(&app).await;
    for series in [
        "goodforme_db_pool_connections{state=\"open\"}",
        "goodforme_push_outbox_pending",
        "goodforme_push_outbox_oldest_age_seconds",
        "goodforme_scheduler_lag_seconds",
        "goodforme_safeguarding_alerts_overdue",
        "goodforme_worker_heartbeat_age_seconds",
    ] {
        assert!(body.contains(series), "{series} missing:\n{body}");
    }
    assert!(value(&body, "goodforme_db_pool_connections{state=\"open\"}") >= 1.0);

    // Behind a trusted proxy, the forwarded client is what is allowed.
    let app = spawn_app_with(|s| {
        s.trusted_proxies = NetList::parse("127.0.0.1").unwrap();
        s.metrics_allow = NetList::parse("192.0.2.0/24").unwrap();
    })
    .await;
    let ok = scrape(&app, &[("X-Forwarded-For", "192.0.2.10")]).await;
    assert_eq!(ok.status(), StatusCode::OK);
    let outside = scrape(&app, &[("X-Forwarded-For", "203.0.113.7")]).await;
    assert_eq!(outside.status(), StatusCode::NOT_FOUND);
    // The proxy itself is not on the list.
    assert_eq!(scrape(&app, &[]).await.status(), StatusCode::NOT_FOUND);

    // From an untrusted peer, the header is ignored.
    let app = spawn_app_with(|s| s.metrics_allow = NetList::parse("192.0.2.0/24").unwrap()).await;
    let spoofed = scrape(&app, &[("X-Forwarded-For", "192.0.2.10")]).await;
    assert_eq!(spoofed.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn requests_are_counted_by_route_template_and_status() {
    let app = spawn_app_with(|s| s.metrics_allow = NetList::parse("127.0.0.1").unwrap()).await;
    let series =
        "goodforme_http_requests_total{method=\"GET\",route=\"/api/councils/{slug}\",status=\"200\"}";
    let missing =
        "goodforme_http_requests_total{method=\"GET\",route=\"/api/councils/{slug}\",status=\"404\"}";
    let before = value(&text(&app).await, series);
    for _ in 0..3 {
        assert_eq!(
            app.get("/api/councils/bexley").await.status(),
            StatusCode::OK
        );
    }
    let gone = app.get("/api/councils/no-such-council-here").await.status();
    assert_eq!(gone, StatusCode::NOT_FOUND);
    let body = text(&app).await;
    assert_eq!(value(&body, series), before + 3.0, "{body}");
    assert_eq!(value(&body, missing), 1.0, "{body}");
    assert!(body.contains(
        "goodforme_http_request_duration_seconds_count{method=\"GET\",route=\"/api/councils/{slug}\",status=\"200\"} 3"
    ));
    // The paths asked for never become labels.
    assert!(!body.contains("bexley"));
    assert!(!body.contains("no-such-council-here"));
    // Nor do made-up paths: they share one label.
    app.get("/api/made-up-1").await;
    app.get("/made-up-2.js").await;
    let body = text(&app).await;
    assert!(!body.contains("made-up"), "{body}");
}

#[tokio::test]
async fn no_label_holds_an_id_a_name_or_a_username() {
    let app = spawn_app_with(|s| {
        s.demo_data = true;
        s.metrics_allow = NetList::parse("127.0.0.1").unwrap();
    })
    .await;
    let sw = app.login("demo-sw").await;
    let id = app.person_id(&sw.access_token, "Mia").await;
    let res = app
        .get_as(&format!("/api/people/{id}"), &sw.access_token)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let wrong = app
        .post_json(
            "/api/auth/login",
            &serde_json::json!({"username": "demo-child-7", "password": "wrong wrong"}),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let body = text(&app).await;
    assert!(body.contains("route=\"/api/people/{id}\""), "{body}");
    assert!(value(&body, "goodforme_signin_failures_total") >= 1.0);
    for line in body.lines().filter(|l| !l.starts_with('#')) {
        let labels = line.split_once('{').map(|(_, rest)| rest).unwrap_or("");
        assert!(!labels.contains(&id), "{line}");
        assert!(!has_uuid(labels), "{line}");
        for who in ["Mia", "Sam Patel", "demo-sw", "demo-child-7"] {
            assert!(!labels.contains(who), "{who} in {line}");
        }
    }
}

/// Anything shaped like a uuid (8-4-4-4-12 hex).
fn has_uuid(s: &str) -> bool {
    s.as_bytes().windows(36).any(|w| {
        w.iter().enumerate().all(|(i, b)| {
            if [8, 13, 18, 23].contains(&i) {
                *b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
    })
}

#[tokio::test]
async fn throttled_sign_ins_are_counted() {
    let app = spawn_app_with(|s| s.metrics_allow = NetList::parse("127.0.0.1").unwrap()).await;
    for i in 0..11 {
        app.post_json(
            "/api/auth/login",
            &serde_json::json!({"username": format!("nobody-{i}"), "password": "wrong wrong"}),
        )
        .await;
    }
    let body = text(&app).await;
    assert_eq!(
        value(&body, "goodforme_signin_failures_total "),
        10.0,
        "{body}"
    );
    assert_eq!(
        value(&body, "goodforme_signin_throttled_total "),
        1.0,
        "{body}"
    );
}
