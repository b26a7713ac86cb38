use shared::api::ErrorBody;
use tests::{json, spawn_app, StatusCode};

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/api/health", "/api/nope", "/", "/some/page"] {
        let res = app.get(path).await;
        let h = res.headers();
        let csp = h
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("'unsafe-eval'"), "{path}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(
            h.get("x-content-type-options").map(|v| v.as_bytes()),
            Some(&b"nosniff"[..]),
            "{path}"
        );
        assert!(h.get("referrer-policy").is_some(), "{path}");
        assert!(h.get("strict-transport-security").is_some(), "{path}");
    }
}

#[tokio::test]
async fn api_answers_are_never_stored_by_caches() {
    let app = spawn_app().await;
    for path in ["/api/health", "/api/councils", "/api/nope"] {
        let res = app.get(path).await;
        assert_eq!(
            res.headers().get("cache-control").map(|v| v.as_bytes()),
            Some(&b"no-store"[..]),
            "{path}"
        );
    }
}

#[tokio::test]
async fn an_unknown_api_path_answers_json_404() {
    let app = spawn_app().await;
    let res = app.get("/api/does-not-exist").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.error, "unknown_endpoint");
    assert!(!body.message.is_empty());
}
