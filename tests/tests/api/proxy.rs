//! Behind a reverse proxy: forwarding headers count only from a trusted
//! peer (`TRUSTED_PROXIES`). The test client connects from 127.0.0.1, so
//! trusting 127.0.0.1 makes it the proxy.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use backend::client_addr::NetList;
use serde_json::json as j;
use tests::{spawn_app_with, StatusCode, TestApp, DEMO_PASSWORD};

fn trusting(list: &str) -> impl FnOnce(&mut backend::config::Settings) + '_ {
    move |s| s.trusted_proxies = NetList::parse(list).expect("a valid list")
}

/// One sign-in attempt with the given extra headers.
async fn attempt(
    app: &TestApp,
    user: &str,
    password: &str,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut req = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&j!({"username": user, "password": password}));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.send().await.expect("request sent")
}

/// Ten wrong passwords, each for a different unknown name (so only the
/// address counter fills, never an account's).
async fn ten_failures(app: &TestApp, tag: &str, headers: &[(&str, &str)]) {
    for i in 0..10 {
        let res = attempt(app, &format!("nobody-{tag}-{i}"), "wrong wrong", headers).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "try {i}");
    }
}

async fn status_from(app: &TestApp, tag: &str, headers: &[(&str, &str)]) -> StatusCode {
    attempt(app, &format!("fresh-{tag}"), "wrong wrong", headers)
        .await
        .status()
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_throttle_counts_the_forwarded_client() {
    let app = spawn_app_with(trusting("127.0.0.1")).await;
    let seven = [("X-Forwarded-For", "203.0.113.7")];
    let eight = [("X-Forwarded-For", "203.0.113.8")];
    ten_failures(&app, "a", &seven).await;
    assert_eq!(
        status_from(&app, "b", &seven).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Another client behind the same proxy is not locked out...
    assert_eq!(
        status_from(&app, "c", &eight).await,
        StatusCode::UNAUTHORIZED
    );
    // ...nor is the proxy's own address.
    assert_eq!(status_from(&app, "d", &[]).await, StatusCode::UNAUTHORIZED);
    // A client that puts a made-up address first is still counted by the
    // address the proxy appended (the right-most untrusted one).
    let chained = [("X-Forwarded-For", "198.51.100.1, 203.0.113.7")];
    assert_eq!(
        status_from(&app, "e", &chained).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The standard header names the same client.
    let fwd = [("Forwarded", "for=\"203.0.113.7:4711\";proto=https")];
    assert_eq!(
        status_from(&app, "f", &fwd).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    let fwd6 = [("Forwarded", "for=\"[2001:db8::8]\"")];
    assert_eq!(
        status_from(&app, "g", &fwd6).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn without_trusted_proxies_a_spoofed_header_changes_nothing() {
    let app = spawn_app_with(|_| {}).await;
    // Ten failures, each claiming to come from somewhere else: all counted
    // against the peer.
    for i in 0..10 {
        let claim = format!("203.0.113.{}", 10 + i);
        let res = attempt(
            &app,
            &format!("nobody-{i}"),
            "wrong wrong",
            &[
                ("X-Forwarded-For", &claim),
                ("Forwarded", &format!("for={claim}")),
            ],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "try {i}");
    }
    // The peer is throttled whatever it claims to be now.
    for claim in ["203.0.113.99", "198.51.100.1"] {
        assert_eq!(
            status_from(&app, claim, &[("X-Forwarded-For", claim)]).await,
            StatusCode::TOO_MANY_REQUESTS,
            "{claim}"
        );
    }
    assert_eq!(
        status_from(&app, "plain", &[]).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn a_proxy_that_is_not_the_peer_is_not_believed() {
    // Trusting another address is not trusting this client.
    let app = spawn_app_with(trusting("10.0.0.0/8, ::2")).await;
    ten_failures(&app, "a", &[("X-Forwarded-For", "203.0.113.7")]).await;
    assert_eq!(
        status_from(&app, "b", &[("X-Forwarded-For", "203.0.113.8")]).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn malformed_forwarding_headers_fall_back_to_the_peer() {
    let app = spawn_app_with(trusting("127.0.0.1")).await;
    // Malformed where the proxy's own entry (the client) should be.
    let bad: Vec<(&str, &str)> = vec![
        ("X-Forwarded-For", "garbage"),
        ("X-Forwarded-For", ""),
        ("X-Forwarded-For", "203.0.113.7:4711"),
        ("X-Forwarded-For", "[2001:db8::1]"),
        ("X-Forwarded-For", "203.0.113.7,,"),
        ("X-Forwarded-For", "203.0.113.9, garbage"),
        ("Forwarded", "for=_hidden"),
        ("Forwarded", "for=unknown"),
        ("Forwarded", "nonsense"),
        ("X-Forwarded-For", "unknown"),
    ];
    // Each malformed header counts against the peer: ten of them fill the
    // peer's counter...
    for (i, h) in bad.iter().enumerate() {
        let res = attempt(&app, &format!("nobody-{i}"), "wrong wrong", &[*h]).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{h:?}");
    }
    // ...so the peer itself is now throttled, while a well-formed client
    // address behind the proxy is not.
    assert_eq!(
        status_from(&app, "peer", &[]).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        status_from(&app, "ok", &[("X-Forwarded-For", "203.0.113.7")]).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn what_a_client_puts_in_front_of_the_proxys_entry_counts_against_that_client() {
    // nginx appends the client's address to the header the client sent: a
    // client that sends garbage, or forty addresses, must not get its
    // guesses counted against the proxy's address, which is everyone's.
    let app = spawn_app_with(trusting("127.0.0.1")).await;
    let forty = vec!["198.51.100.1"; 40].join(",");
    let fronts = ["garbage", "", "unknown", "203.0.113.7:4711", forty.as_str()];
    for i in 0..10 {
        let header = format!("{}, 203.0.113.50", fronts[i % fronts.len()]);
        let res = attempt(
            &app,
            &format!("nobody-{i}"),
            "wrong wrong",
            &[("X-Forwarded-For", &header)],
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{header:?}");
    }
    assert_eq!(
        status_from(&app, "x", &[("X-Forwarded-For", "203.0.113.50")]).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    for other in [vec![("X-Forwarded-For", "203.0.113.51")], vec![]] {
        assert_eq!(
            status_from(&app, "y", &other).await,
            StatusCode::UNAUTHORIZED,
            "{other:?}"
        );
    }
}

/// Whether the refresh cookie of a successful sign-in is `Secure`.
async fn secure_cookie(app: &TestApp, headers: &[(&str, &str)]) -> bool {
    let res = attempt(app, "demo-child-7", DEMO_PASSWORD, headers).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("gfm_refresh="))
        .map(str::to_owned)
        .expect("a refresh cookie");
    cookie.contains("; Secure")
}

#[tokio::test]
async fn the_secure_cookie_follows_the_scheme_only_from_a_trusted_proxy() {
    let trusted = spawn_app_with(|s| {
        s.demo_data = true;
        trusting("127.0.0.1")(s);
    })
    .await;
    assert!(secure_cookie(&trusted, &[("X-Forwarded-Proto", "https")]).await);
    assert!(secure_cookie(&trusted, &[("Forwarded", "for=203.0.113.7;proto=https")]).await);
    assert!(!secure_cookie(&trusted, &[("X-Forwarded-Proto", "http")]).await);
    assert!(!secure_cookie(&trusted, &[]).await);

    let untrusted = spawn_app_with(|s| s.demo_data = true).await;
    assert!(!secure_cookie(&untrusted, &[("X-Forwarded-Proto", "https")]).await);
    assert!(!secure_cookie(&untrusted, &[("Forwarded", "proto=https")]).await);
}
