use tests::{spawn_app, StatusCode};

#[tokio::test]
async fn app_pages_fall_back_to_index_and_missing_files_are_404() {
    let app = spawn_app().await;
    let dist = app.data_dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>Good for Me</title>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dist.join("app.css"), "body{}").unwrap_or_else(|e| panic!("{e}"));

    let res = app.get("/").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap_or_default().contains("Good for Me"));

    let res = app.get("/my/offer").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap_or_default().contains("Good for Me"));

    let res = app.get("/app.css").await;
    assert_eq!(res.status(), StatusCode::OK);

    let res = app.get("/missing.js").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// The app's files go gzipped to a browser that asks (the WASM is most of a
/// phone's first download); images stay as they are, and the API is never
/// compressed (its answers mix personal data with what the caller sent).
#[tokio::test]
async fn app_files_are_gzipped_but_api_answers_and_images_are_not() {
    let app = spawn_app().await;
    let dist = app.data_dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap_or_else(|e| panic!("{e}"));
    let page = format!(
        "<!doctype html><title>Good for Me</title>{}",
        "<p>Hello</p>".repeat(200)
    );
    std::fs::write(dist.join("index.html"), &page).unwrap_or_else(|e| panic!("{e}"));
    let js = "export function hello() { return 'hello'; }\n".repeat(200);
    std::fs::write(dist.join("app-0123456789abcdef.js"), &js).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dist.join("icon.png"), vec![7u8; 4096]).unwrap_or_else(|e| panic!("{e}"));

    let get = |path: &str| {
        app.client
            .get(app.url(path))
            .header("accept-encoding", "gzip")
            .send()
    };
    let encoding = |res: &reqwest::Response| {
        res.headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };

    for (path, raw) in [
        ("/app-0123456789abcdef.js", js.len()),
        ("/my/offer", page.len()),
    ] {
        let res = get(path).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(encoding(&res).as_deref(), Some("gzip"), "{path}");
        let sent = res.bytes().await.unwrap_or_default().len();
        assert!(sent < raw / 4, "{path}: {sent} bytes for {raw}");
    }

    let res = get("/icon.png").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(encoding(&res), None);

    let res = get("/api/councils").await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(encoding(&res), None);
}
