use serde_json::Value;
use tests::{json, spawn_app, StatusCode};

#[tokio::test]
async fn the_document_is_openapi_3_1_and_lists_every_route() {
    let app = spawn_app().await;
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status(), StatusCode::OK);
    let doc: Value = json(res).await;
    assert!(doc["openapi"]
        .as_str()
        .unwrap_or_default()
        .starts_with("3.1"));
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    for p in [
        "/api/health",
        "/api/openapi.json",
        "/api/councils",
        "/api/councils/{slug}",
        "/api/councils/{slug}/teams",
    ] {
        assert!(paths.contains_key(p), "missing {p}");
    }
}

/// Every documented operation is really served: calling it never reaches
/// the API's catch-all 404 for unknown routes (the handler may still answer
/// 401, 404 for a missing record, 405 and so on).
#[tokio::test]
async fn every_documented_operation_is_served() {
    let app = spawn_app().await;
    let doc: Value = json(app.get("/api/openapi.json").await).await;
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    assert!(!paths.is_empty());
    for (path, ops) in paths {
        let concrete = path
            .split('/')
            .map(|seg| {
                if seg.starts_with('{') {
                    "00000000-0000-0000-0000-000000000000"
                } else {
                    seg
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        for method in ops
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
        {
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes())
                .unwrap_or(reqwest::Method::GET);
            let res = app
                .client
                .request(m.clone(), app.url(&concrete))
                .header("Content-Type", "application/json")
                .body("{}")
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            let status = res.status();
            let text = res.text().await.unwrap_or_default();
            let unrouted = status == StatusCode::NOT_FOUND && text.contains("\"unknown_endpoint\"");
            assert!(!unrouted, "{m} {path} is documented but not routed");
        }
    }
}
