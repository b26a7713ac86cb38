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

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(data).unwrap_or_else(|e| panic!("{e}"));
    enc.finish().unwrap_or_else(|e| panic!("{e}"))
}

fn gunzip(data: &[u8]) -> String {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(data)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{e}"));
    text
}

/// The build writes `<file>.gz` (and `.br` when it can) beside each text
/// file; a browser that takes gzip gets that copy as it is, one that does
/// not gets the file itself, and the caching rules stay the same.
#[tokio::test]
async fn precompressed_copies_go_to_browsers_that_take_them() {
    let app = spawn_app().await;
    let dist = app.data_dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dist.join(name), bytes).unwrap_or_else(|e| panic!("{e}"))
    };
    // Each copy says which it is, so the test knows the copy was sent and
    // not the file squeezed on the fly.
    let js = "export function hello() { return 'hello'; }\n".repeat(200);
    let js_name = "app-0123456789abcdef.js";
    write(js_name, js.as_bytes());
    let js_gz = gzip(format!("{js}// the .gz copy\n").as_bytes());
    write(&format!("{js_name}.gz"), &js_gz);
    let page = format!(
        "<!doctype html><title>Good for Me</title>{}",
        "<p>Hi</p>".repeat(100)
    );
    write("index.html", page.as_bytes());
    write(
        "index.html.gz",
        &gzip(format!("{page}<!-- copy -->").as_bytes()),
    );
    write("sw.js", b"const BUILD = {};\n");
    write("sw.js.gz", &gzip(b"const BUILD = {};\n// copy\n"));

    let get = |path: &str, accept: Option<&str>| {
        let mut req = app.client.get(app.url(path));
        if let Some(accept) = accept {
            req = req.header("accept-encoding", accept);
        }
        req.send()
    };
    let header = |res: &reqwest::Response, name: &str| {
        res.headers()
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect::<Vec<_>>()
            .join(", ")
    };

    // Takes gzip: the copy, byte for byte, with the original's type and
    // caching, and word that the answer depends on Accept-Encoding.
    let res = get(&format!("/{js_name}"), Some("gzip, deflate, br, zstd"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "content-encoding"), "gzip");
    assert!(header(&res, "content-type").contains("javascript"));
    assert!(header(&res, "vary")
        .to_lowercase()
        .contains("accept-encoding"));
    assert_eq!(
        header(&res, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(!header(&res, "content-disposition").contains("attachment"));
    let etag = header(&res, "etag");
    let body = res.bytes().await.unwrap_or_default();
    assert_eq!(body.as_ref(), js_gz.as_slice());
    assert!(gunzip(&body).ends_with("// the .gz copy\n"));

    // The copy's ETag works for a check-back.
    let res = app
        .client
        .get(app.url(&format!("/{js_name}")))
        .header("accept-encoding", "gzip")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);

    // Takes no encoding, or refuses gzip: the file itself.
    for accept in [None, Some("identity"), Some("gzip;q=0")] {
        let res = get(&format!("/{js_name}"), accept)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(res.status(), StatusCode::OK, "{accept:?}");
        assert_eq!(header(&res, "content-encoding"), "", "{accept:?}");
        assert!(header(&res, "vary")
            .to_lowercase()
            .contains("accept-encoding"));
        assert_eq!(res.text().await.unwrap_or_default(), js, "{accept:?}");
    }

    // The page, at / and at an app address, and the service worker keep
    // their "check every time" rules.
    for path in ["/", "/my/offer"] {
        let res = get(path, Some("gzip"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&res, "content-encoding"), "gzip", "{path}");
        assert!(
            header(&res, "content-type").starts_with("text/html"),
            "{path}"
        );
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path}");
        let body = res.bytes().await.unwrap_or_default();
        assert!(gunzip(&body).ends_with("<!-- copy -->"), "{path}");
        let res = get(path, None).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(res.text().await.unwrap_or_default(), page, "{path}");
    }
    let res = get("/sw.js", Some("gzip"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header(&res, "content-encoding"), "gzip");
    assert_eq!(header(&res, "cache-control"), "no-cache");
    assert_eq!(header(&res, "service-worker-allowed"), "/");
    assert!(header(&res, "content-type").contains("javascript"));

    // Brotli when there is a copy and the browser prefers it.
    write(&format!("{js_name}.br"), b"brotli bytes");
    let res = get(&format!("/{js_name}"), Some("br, gzip"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header(&res, "content-encoding"), "br");
    assert_eq!(
        res.bytes().await.unwrap_or_default().as_ref(),
        b"brotli bytes"
    );
    let res = get(&format!("/{js_name}"), Some("gzip"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header(&res, "content-encoding"), "gzip");

    // An original changed after its copy was made: the copy is old, so the
    // file itself goes (compressed on the fly).
    let newer = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(dist.join(js_name))
        .and_then(|f| f.set_modified(newer))
        .unwrap_or_else(|e| panic!("{e}"));
    let res = get(&format!("/{js_name}"), Some("gzip"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header(&res, "content-encoding"), "gzip");
    assert_eq!(gunzip(&res.bytes().await.unwrap_or_default()), js);

    // The API is never compressed, copy or not.
    let res = get("/api/councils", Some("gzip"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(header(&res, "content-encoding"), "");
}
