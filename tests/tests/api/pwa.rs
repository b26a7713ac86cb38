//! The installable app (issue 9): the service worker and the manifest are
//! served so browsers use them and pick up new versions, and sign-out tells
//! the browser to drop everything it kept.

use tests::{spawn_app, spawn_demo_app, StatusCode};

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

fn write(dir: &std::path::Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
}

#[tokio::test]
async fn the_service_worker_is_checked_on_every_start_and_covers_the_app() {
    let app = spawn_app().await;
    let dist = app.data_dir.path().join("dist");
    write(
        &dist,
        "index.html",
        "<!doctype html><title>Good for Me</title>",
    );
    write(&dist, "sw.js", "const BUILD = {};");
    write(&dist, "manifest.webmanifest", r#"{"name":"Good for Me"}"#);
    write(&dist, "frontend-0123456789abcdef.js", "export {}");
    write(&dist, "icons/icon-192.png", "png");

    let res = app.get("/sw.js").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "cache-control"), "no-cache");
    assert_eq!(header(&res, "service-worker-allowed"), "/");
    assert!(header(&res, "content-type").contains("javascript"));
    // The worker runs under the same strict policy, and may be a worker.
    let csp = header(&res, "content-security-policy");
    assert!(csp.contains("worker-src 'self'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");

    let res = app.get("/manifest.webmanifest").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "content-type"), "application/manifest+json");
    assert_eq!(header(&res, "cache-control"), "no-cache");

    // Content-hashed files never change: kept for a year.
    let res = app.get("/frontend-0123456789abcdef.js").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        header(&res, "cache-control"),
        "public, max-age=31536000, immutable"
    );

    // The page itself is always checked, so a new version shows at once.
    for path in ["/", "/notifications", "/account/notifications"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path}");
    }
    let res = app.get("/icons/icon-192.png").await;
    assert_eq!(header(&res, "cache-control"), "no-cache");

    // No worker built: a plain 404, not the app's page.
    std::fs::remove_file(dist.join("sw.js")).unwrap_or_else(|e| panic!("{e}"));
    let res = app.get("/sw.js").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&res, "service-worker-allowed"), "");
}

#[tokio::test]
async fn signing_out_tells_the_browser_to_forget_what_it_kept() {
    let app = spawn_demo_app().await;
    let tokens = app.login("demo-teen-17").await;
    let res = app
        .send_as(
            reqwest::Method::POST,
            "/api/auth/logout",
            &tokens.access_token,
            &serde_json::json!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let clear = header(&res, "clear-site-data");
    assert!(clear.contains("\"cache\""), "{clear}");
    assert!(clear.contains("\"storage\""), "{clear}");
    // The signed-out token no longer reads anything.
    let res = app.get_as("/api/me", &tokens.access_token).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}
