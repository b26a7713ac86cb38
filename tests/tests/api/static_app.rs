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
