//! Helpers for the integration tests: the real application on a random port
//! with a fresh database of its own, on SQLite by default or on PostgreSQL
//! when `TEST_DATABASE_URL` names a server (a fresh database is created there
//! for each test).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use backend::config::{sqlite_url, Settings};
use backend::startup::Application;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use reqwest::StatusCode;

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    pub data_dir: tempfile::TempDir,
    /// The database the app uses (to start another instance on it).
    pub database_url: String,
    /// The key access tokens are signed with, to forge bad ones in tests.
    pub jwt_secret: Vec<u8>,
}

/// `TEST_DATABASE_URL=postgres://user@host:port/postgres` runs on PostgreSQL.
pub fn postgres_server() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| backend::config::is_postgres_url(u))
}

async fn fresh_database_url(data_dir: &std::path::Path) -> String {
    match postgres_server() {
        None => sqlite_url(&data_dir.join("test.db")),
        Some(server) => {
            let name = format!("gfm_test_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(&server).await.expect("reach PostgreSQL");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create a test database");
            let _ = admin.close().await;
            let (base, _) = server.rsplit_once('/').expect("a database in the URL");
            format!("{base}/{name}")
        }
    }
}

pub fn test_settings(data_dir: &std::path::Path, database_url: String) -> Settings {
    let mut s = Settings::defaults(data_dir);
    s.bind_addr = "127.0.0.1:0".to_owned();
    s.database_url = database_url;
    s.workers = Some(2);
    s.public_dir = data_dir.join("dist");
    s
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// The app with Bexley set up (as `backend council create` would, through
/// the same operator function), with its teams and offer, but no people
/// unless the tweak asks for demo data.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Settings)) -> TestApp {
    spawn(tweak, true).await
}

/// A fresh installation: no council at all, as after the first start of a
/// real deployment.
pub async fn spawn_empty_app() -> TestApp {
    spawn(|_| {}, false).await
}

/// A fresh database of its own: its URL and the directory it lives in.
pub async fn fresh_database() -> (tempfile::TempDir, String) {
    let data_dir = tempfile::tempdir().expect("a temporary directory");
    let url = fresh_database_url(data_dir.path()).await;
    (data_dir, url)
}

async fn spawn(tweak: impl FnOnce(&mut Settings), with_bexley: bool) -> TestApp {
    let (data_dir, url) = fresh_database().await;
    let mut settings = test_settings(data_dir.path(), url);
    tweak(&mut settings);
    let database_url = settings.database_url.clone();
    let demo = settings.demo_data;
    let app = Application::build(settings).await.expect("the app starts");
    if with_bexley && !demo {
        backend::operator::council::demo_bexley(&app.state().db)
            .await
            .expect("Bexley is set up");
    }
    let base = format!("http://127.0.0.1:{}", app.port());
    let db = app.state().db.clone();
    let jwt_secret = app.state().keys.jwt.expose().to_vec();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        base,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client"),
        db,
        data_dir,
        database_url,
        jwt_secret,
    }
}

/// The demo people's shared password.
pub const DEMO_PASSWORD: &str = "good-for-me-demo";

pub async fn spawn_demo_app() -> TestApp {
    spawn_app_with(|s| s.demo_data = true).await
}

impl TestApp {
    /// Signs in and answers the token response (panics on failure).
    pub async fn login(&self, username: &str) -> shared::accounts::TokenResponse {
        let res = self
            .post_json(
                "/api/auth/login",
                &serde_json::json!({"username": username, "password": DEMO_PASSWORD}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK, "login as {username}");
        json(res).await
    }

    pub async fn get_as(&self, path: &str, token: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn send_as(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: &Value,
    ) -> reqwest::Response {
        self.client
            .request(method, self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// The public id of a demo young person, by preferred name.
    pub async fn person_id(&self, token: &str, name: &str) -> String {
        let list: Vec<shared::accounts::PersonSummary> =
            json(self.get_as("/api/people", token).await).await;
        list.into_iter()
            .find(|p| p.preferred_name == name)
            .map(|p| p.id)
            .unwrap_or_else(|| panic!("{name} is not in this caseload"))
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("Content-Type", content_type)
            .body(body)
            .send()
            .await
            .expect("request sent")
    }
}

/// Reads a JSON body, failing the test with the body text when it is not.
pub async fn json<T: DeserializeOwned>(res: reqwest::Response) -> T {
    let text = res.text().await.expect("a body");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("unexpected body ({e}): {text}"))
}
