use serde_json::Value;
use shared::endpoints::Meta;
use std::collections::BTreeSet;
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

/// The server registers exactly the endpoints `shared::endpoints` declares,
/// each once: nothing served that is not declared, nothing declared that is
/// not served.
#[test]
fn the_server_serves_exactly_the_declared_endpoints() {
    let mut document = backend::routes::register::Document::default();
    backend::routes::api(&mut document);
    let key = |m: &Meta| (m.method.as_str(), m.path);
    let served: Vec<_> = document.served.iter().map(key).collect();
    let declared: Vec<_> = shared::endpoints::all().map(key).collect();
    let once: BTreeSet<_> = served.iter().collect();
    assert_eq!(once.len(), served.len(), "an endpoint is registered twice");
    let declared_set: BTreeSet<_> = declared.iter().collect();
    assert_eq!(
        declared_set.len(),
        declared.len(),
        "an endpoint is declared twice"
    );
    let missing: Vec<_> = declared_set.difference(&once).collect();
    let extra: Vec<_> = once.difference(&declared_set).collect();
    assert!(missing.is_empty(), "declared but not served: {missing:?}");
    assert!(extra.is_empty(), "served but not declared: {extra:?}");
    // The ids the OpenAPI document and the app use are unique too.
    let ids: BTreeSet<_> = shared::endpoints::all().map(|m| m.id).collect();
    assert_eq!(ids.len(), declared.len(), "two endpoints share an id");
}

/// Each handler's OpenAPI words (method, path, request and response types)
/// agree with its declaration.
#[test]
fn every_handler_agrees_with_its_declaration() {
    let mut document = backend::routes::register::Document::default();
    backend::routes::api(&mut document);
    assert!(
        document.disagreements.is_empty(),
        "{}",
        document.disagreements.join("\n")
    );
}

/// The document passes `openapi-spec-validator`, the standard check client
/// generators and API gateways rely on (unique operation ids among others).
#[test]
fn the_document_passes_a_standard_validator() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let validator = std::env::var("OPENAPI_VALIDATOR").map_or_else(
        |_| root.join(".tools/openapi/bin/openapi-spec-validator"),
        std::path::PathBuf::from,
    );
    assert!(
        validator.exists(),
        "{} is missing: scripts/openapi-validator.sh installs it",
        validator.display()
    );
    let doc = backend::startup::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| panic!("{e}"));
    let file = tempfile::Builder::new()
        .suffix(".json")
        .tempfile()
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(file.path(), doc).unwrap_or_else(|e| panic!("{e}"));
    let out = std::process::Command::new(&validator)
        .arg(file.path())
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", validator.display()));
    assert!(
        out.status.success(),
        "openapi-spec-validator refuses the document:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
