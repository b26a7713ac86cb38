#![allow(clippy::unwrap_used, clippy::expect_used)]
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

#[tokio::test]
async fn live_answers_without_asking_the_database() {
    let app = spawn_app().await;
    // Even with the database gone, the process is alive.
    app.db.clone().close().await.expect("closed");
    let res = app.get("/api/health/live").await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: shared::api::Liveness = json(res).await;
    assert_eq!(body.status, "alive");
    assert_eq!(
        app.get("/api/health/ready").await.status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
}

/// The readiness answer, waiting (a bounded time) for `want`: the worker's
/// first heartbeat comes after its first pass.
async fn ready_within(app: &tests::TestApp, want: StatusCode) -> shared::api::Readiness {
    for _ in 0..100 {
        let res = app.get("/api/health/ready").await;
        if res.status() == want {
            return json(res).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let res = app.get("/api/health/ready").await;
    panic!(
        "ready answered {} : {}",
        res.status(),
        res.text().await.unwrap_or_default()
    );
}

#[tokio::test]
async fn ready_once_the_background_worker_has_reported() {
    // Background jobs run in this instance (the default).
    let app = spawn_app().await;
    let body = ready_within(&app, StatusCode::OK).await;
    assert_eq!(body.status, "ready");
    assert_eq!(body.failed, None);
    assert!(backend::repo::ops::latest_beat(&app.db)
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn a_stale_heartbeat_is_not_ready_and_says_so() {
    let app = tests::spawn_app_with(|s| s.background_jobs = false).await;
    // No worker here and none has run: nothing to wait for.
    ready_within(&app, StatusCode::OK).await;
    // A worker elsewhere beat an hour ago and never stopped cleanly.
    let long_ago = chrono::Utc::now() - chrono::Duration::hours(1);
    backend::repo::ops::beat(&app.db, "worker-elsewhere", long_ago)
        .await
        .unwrap();
    let res = app.get("/api/health/ready").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: shared::api::Readiness = json(res).await;
    assert_eq!(body.status, "not_ready");
    assert_eq!(body.failed.as_deref(), Some("worker"));
    assert!(body.reason.unwrap_or_default().contains("seconds ago"));
    // It beats again: ready.
    backend::repo::ops::beat(&app.db, "worker-elsewhere", chrono::Utc::now())
        .await
        .unwrap();
    ready_within(&app, StatusCode::OK).await;
}

#[tokio::test]
async fn a_worker_that_stops_cleanly_leaves_no_heartbeat() {
    let app = tests::spawn_app_with(|s| s.background_jobs = false).await;
    // A worker of its own, as a separate worker process would run.
    let settings = backend::config::Settings::defaults(app.data_dir.path());
    let keys = backend::secrets::Keys::load_or_create(app.data_dir.path()).unwrap();
    let worker = backend::push::worker::Worker::new(app.db.clone(), &settings, &keys).unwrap();
    let handle = std::sync::Arc::new(worker).start();
    for _ in 0..100 {
        if backend::repo::ops::latest_beat(&app.db)
            .await
            .unwrap()
            .is_some()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(backend::repo::ops::latest_beat(&app.db)
        .await
        .unwrap()
        .is_some());
    handle.stop().await;
    assert_eq!(
        backend::repo::ops::latest_beat(&app.db).await.unwrap(),
        None
    );
    ready_within(&app, StatusCode::OK).await;
}

#[tokio::test]
async fn a_migration_not_run_is_not_ready() {
    use sea_orm::ConnectionTrait;
    let app = tests::spawn_app_with(|s| s.background_jobs = false).await;
    ready_within(&app, StatusCode::OK).await;
    // As if this build brought a migration the database has not had.
    app.db
        .execute_unprepared(
            "DELETE FROM seaql_migrations WHERE version = 'm20261206_000020_worker_heartbeat'",
        )
        .await
        .unwrap();
    let res = app.get("/api/health/ready").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: shared::api::Readiness = json(res).await;
    assert_eq!(body.failed.as_deref(), Some("migrations"));
}
