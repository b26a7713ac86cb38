use tests::{json, spawn_app, StatusCode};

#[tokio::test]
async fn health_reports_the_database_it_reached() {
    let app = spawn_app().await;
    let res = app.get("/api/health").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: shared::api::Health = json(res).await;
    assert_eq!(body.status, "ok");
    let expected = if tests::postgres_server().is_some() {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(body.database, expected);
}
