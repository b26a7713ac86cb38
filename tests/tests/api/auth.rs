//! Sign-in, tokens and sessions: the cases security.md and issue 3 name.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json as j, Value};
use shared::accounts::{Me, SessionInfo, TokenResponse};
use shared::api::ErrorBody;
use shared::people::{AgeBand, CareLeaverCategory, Role};
use tests::{json, spawn_demo_app, StatusCode, TestApp, DEMO_PASSWORD};

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn forge(secret: &[u8], claims: &Value) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        claims,
        &jsonwebtoken::EncodingKey::from_secret(secret),
    )
    .unwrap_or_default()
}

fn claims_from(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap_or_default();
    let bytes = URL_SAFE_NO_PAD.decode(payload).unwrap_or_default();
    serde_json::from_slice(&bytes).unwrap_or(Value::Null)
}

async fn status_with(app: &TestApp, token: &str) -> StatusCode {
    app.get_as("/api/me", token).await.status()
}

#[tokio::test]
async fn a_young_person_signs_in_and_sees_who_they_are() {
    let app = spawn_demo_app().await;
    let t = app.login("demo-leaver-19").await;
    assert!(t.expires_in > 0 && t.expires_in <= 15 * 60);
    let me: Me = json(app.get_as("/api/me", &t.access_token).await).await;
    assert_eq!(me.role, Role::YoungPerson);
    assert_eq!(me.display_name, "Priya");
    assert_eq!(me.age_band, Some(AgeBand::From18To25));
    assert_eq!(
        me.care_leaver_category,
        Some(CareLeaverCategory::FormerRelevant)
    );
    let teen: Me = json(
        app.get_as("/api/me", &app.login("demo-teen-17").await.access_token)
            .await,
    )
    .await;
    assert_eq!(
        teen.care_leaver_category,
        Some(CareLeaverCategory::Eligible)
    );
}

#[tokio::test]
async fn unknown_usernames_and_wrong_passwords_get_the_same_answer() {
    let app = spawn_demo_app().await;
    let a = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "demo-sw", "password": "wrong password"}),
        )
        .await;
    let b = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "nobody-here", "password": "wrong password"}),
        )
        .await;
    assert_eq!(a.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(b.status(), StatusCode::UNAUTHORIZED);
    let a: ErrorBody = json(a).await;
    let b: ErrorBody = json(b).await;
    assert_eq!(a, b);
    assert!(a.message.contains("do not match"));
}

#[tokio::test]
async fn missing_fields_and_malformed_json_are_named() {
    let app = spawn_demo_app().await;
    let res = app
        .post_json("/api/auth/login", &j!({"username": "demo-sw"}))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.field.as_deref(), Some("password"));
    let res = app
        .post_json("/api/auth/login", &j!({"username": "", "password": "x"}))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.field.as_deref(), Some("username"));
    let res = app
        .post_raw(
            "/api/auth/login",
            "application/json",
            b"{\"username\": ".to_vec(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.error, "bad_request");
    let res = app
        .post_raw(
            "/api/auth/login",
            "application/json",
            vec![b' '; 200 * 1024],
        )
        .await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn bad_access_tokens_are_all_refused() {
    let app = spawn_demo_app().await;
    let good = app.login("demo-child-10").await;
    assert_eq!(status_with(&app, &good.access_token).await, StatusCode::OK);
    let c = claims_from(&good.access_token);

    // Expired.
    let mut expired = c.clone();
    expired["exp"] = j!(now() - 600);
    expired["iat"] = j!(now() - 1200);
    expired["nbf"] = j!(now() - 1200);
    assert_eq!(
        status_with(&app, &forge(&app.jwt_secret, &expired)).await,
        StatusCode::UNAUTHORIZED
    );

    // Signed with another key.
    assert_eq!(
        status_with(&app, &forge(&[9u8; 32], &c)).await,
        StatusCode::UNAUTHORIZED
    );

    // alg none.
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(c.to_string());
    assert_eq!(
        status_with(&app, &format!("{header}.{payload}.")).await,
        StatusCode::UNAUTHORIZED
    );

    // exp of the wrong JSON type.
    let mut string_exp = c.clone();
    string_exp["exp"] = j!((now() + 600).to_string());
    assert_eq!(
        status_with(&app, &forge(&app.jwt_secret, &string_exp)).await,
        StatusCode::UNAUTHORIZED
    );

    // A missing required claim.
    let mut no_aud = c.clone();
    no_aud.as_object_mut().map(|o| o.remove("aud"));
    assert_eq!(
        status_with(&app, &forge(&app.jwt_secret, &no_aud)).await,
        StatusCode::UNAUTHORIZED
    );

    // Another token type, correctly signed.
    let mut other_type = c.clone();
    other_type["typ"] = j!("refresh");
    assert_eq!(
        status_with(&app, &forge(&app.jwt_secret, &other_type)).await,
        StatusCode::UNAUTHORIZED
    );

    // The refresh token itself, used as an access token.
    assert_eq!(
        status_with(&app, &good.refresh_token).await,
        StatusCode::UNAUTHORIZED
    );

    // No token at all.
    assert_eq!(app.get("/api/me").await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn refresh_rotates_and_a_replayed_token_ends_the_whole_family() {
    let app = spawn_demo_app().await;
    let first = app.login("demo-teen-14").await;
    let res = app
        .post_json(
            "/api/auth/refresh",
            &j!({"refresh_token": first.refresh_token}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let second: TokenResponse = json(res).await;
    assert_ne!(second.refresh_token, first.refresh_token);
    assert_eq!(
        status_with(&app, &second.access_token).await,
        StatusCode::OK
    );

    // The old refresh token comes back: someone copied it.
    let replay = app
        .post_json(
            "/api/auth/refresh",
            &j!({"refresh_token": first.refresh_token}),
        )
        .await;
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
    // The whole family has ended: the newest refresh token and the access
    // token issued with it no longer work.
    let res = app
        .post_json(
            "/api/auth/refresh",
            &j!({"refresh_token": second.refresh_token}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        status_with(&app, &second.access_token).await,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn logout_ends_the_session_at_once() {
    let app = spawn_demo_app().await;
    let t = app.login("demo-child-7").await;
    let res = app
        .send_as(
            reqwest::Method::POST,
            "/api/auth/logout",
            &t.access_token,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(res.headers().get("clear-site-data").is_some());
    let removal = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("gfm_refresh="))
        .map(str::to_owned)
        .unwrap_or_default();
    assert!(
        removal.contains("Max-Age=0") && removal.contains("Path=/api/auth"),
        "{removal}"
    );
    assert_eq!(
        status_with(&app, &t.access_token).await,
        StatusCode::UNAUTHORIZED
    );
    let res = app
        .post_json("/api/auth/refresh", &j!({"refresh_token": t.refresh_token}))
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions() {
    let app = spawn_demo_app().await;
    let phone = app.login("demo-leaver-23").await;
    let laptop = app.login("demo-leaver-23").await;
    let sessions: Vec<SessionInfo> =
        json(app.get_as("/api/me/sessions", &phone.access_token).await).await;
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions.iter().filter(|s| s.current).count(), 1);

    let weak = app
        .send_as(
            reqwest::Method::POST,
            "/api/me/password",
            &phone.access_token,
            &j!({"current_password": DEMO_PASSWORD, "new_password": "password123"}),
        )
        .await;
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = json(weak).await;
    assert_eq!(body.field.as_deref(), Some("new_password"));

    let ok = app
        .send_as(
            reqwest::Method::POST,
            "/api/me/password",
            &phone.access_token,
            &j!({"current_password": DEMO_PASSWORD, "new_password": "a long walk by the river"}),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::NO_CONTENT);
    assert_eq!(status_with(&app, &phone.access_token).await, StatusCode::OK);
    assert_eq!(
        status_with(&app, &laptop.access_token).await,
        StatusCode::UNAUTHORIZED
    );
    let res = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "demo-leaver-23", "password": "a long walk by the river"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn ending_one_of_my_sessions_signs_that_device_out() {
    let app = spawn_demo_app().await;
    let phone = app.login("demo-teen-17").await;
    let other = app.login("demo-teen-17").await;
    let sessions: Vec<SessionInfo> =
        json(app.get_as("/api/me/sessions", &phone.access_token).await).await;
    let other_id = sessions
        .iter()
        .find(|s| !s.current)
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let res = app
        .send_as(
            reqwest::Method::DELETE,
            &format!("/api/me/sessions/{other_id}"),
            &phone.access_token,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        status_with(&app, &other.access_token).await,
        StatusCode::UNAUTHORIZED
    );
    // Someone else's session id is simply not found.
    let sw = app.login("demo-sw").await;
    let res = app
        .send_as(
            reqwest::Method::DELETE,
            &format!("/api/me/sessions/{other_id}"),
            &sw.access_token,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn ten_wrong_guesses_are_throttled_but_the_childs_own_phone_still_signs_in() {
    let app = spawn_demo_app().await;
    // The child's phone has signed in before: it holds the known-device cookie.
    let phone = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap_or_default();
    let res = phone
        .post(app.url("/api/auth/login"))
        .json(&j!({"username": "demo-child-10", "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::OK);

    // Someone else guesses, ten times.
    for _ in 0..10 {
        let res = app
            .post_json(
                "/api/auth/login",
                &j!({"username": "demo-child-10", "password": "guess guess"}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "demo-child-10", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!(wait > 0 && wait <= 300, "{wait}");

    // Unknown usernames are throttled just the same.
    for _ in 0..10 {
        app.post_json(
            "/api/auth/login",
            &j!({"username": "ghost", "password": "guess guess"}),
        )
        .await;
    }
    // (That address is now over its own limit too, which is the point.)
    let res = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "ghost", "password": "guess guess"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);

    // ...but the child's phone is a different device... on the same address
    // here (loopback), so the per-address limit applies to it too; what
    // matters is that the per-account limit does not. Prove it by clearing
    // only the address counter.
    backend::repo::login_failures::delete_before(
        &app.db,
        chrono::Utc::now() + chrono::Duration::seconds(1),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..10 {
        app.post_json(
            "/api/auth/login",
            &j!({"username": "demo-child-10", "password": "guess again"}),
        )
        .await;
    }
    let res = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "demo-child-10", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    // Clear the address counter only: the account counter still stands.
    backend::entities::login_failure::Entity::delete_many()
        .filter(backend::entities::login_failure::Column::ThrottleKey.like("ip:%"))
        .exec(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let res = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "demo-child-10", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "a new device is still held back"
    );
    let res = phone
        .post(app.url("/api/auth/login"))
        .json(&j!({"username": "demo-child-10", "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "the child's own phone is not locked out"
    );
}

#[tokio::test]
async fn a_worker_creates_an_account_and_the_young_person_activates_it() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw2").await;
    let riley = app.person_id(&sw.access_token, "Riley").await;
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/people/{riley}/account"),
            &sw.access_token,
            &j!({"username": "riley-b"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let code: shared::accounts::ActivationCode = json(res).await;
    assert_eq!(code.username, "riley-b");

    // A weak password is refused with the field named; the code still works.
    let res = app
        .post_json(
            "/api/auth/activate",
            &j!({"code": code.code, "password": "12345678"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.field.as_deref(), Some("password"));

    // Typed in lower case with spaces: still the same code.
    let typed = code.code.to_lowercase().replace('-', " ");
    let res = app
        .post_json(
            "/api/auth/activate",
            &j!({"code": typed, "password": "my dog is called biscuit"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let t: TokenResponse = json(res).await;
    let me: Me = json(app.get_as("/api/me", &t.access_token).await).await;
    assert_eq!(me.display_name, "Riley");

    // Single use.
    let res = app
        .post_json(
            "/api/auth/activate",
            &j!({"code": code.code, "password": "my dog is called biscuit"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = json(res).await;
    assert!(
        body.message.contains("already been used"),
        "{}",
        body.message
    );
}

#[tokio::test]
async fn an_expired_code_says_to_ask_for_a_new_one() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await;
    let leo = app.person_id(&sw.access_token, "Leo").await;
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/people/{leo}/code"),
            &sw.access_token,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let code: shared::accounts::ActivationCode = json(res).await;
    backend::entities::activation_code::Entity::update_many()
        .col_expr(
            backend::entities::activation_code::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now() - chrono::Duration::hours(1)),
        )
        .exec(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let res = app
        .post_json(
            "/api/auth/activate",
            &j!({"code": code.code, "password": "a brand new password"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = json(res).await;
    assert!(
        body.message.contains("Ask your worker for a new one"),
        "{}",
        body.message
    );
}

#[tokio::test]
async fn a_social_worker_loses_access_the_moment_the_child_is_reallocated() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await;
    let leo = app.person_id(&sw.access_token, "Leo").await;
    assert_eq!(
        app.get_as(&format!("/api/people/{leo}"), &sw.access_token)
            .await
            .status(),
        StatusCode::OK
    );

    let manager = app.login("demo-manager").await;
    let staff_id = {
        let admin = app.login("demo-admin").await;
        let staff: Vec<shared::accounts::StaffView> =
            json(app.get_as("/api/staff", &admin.access_token).await).await;
        staff
            .into_iter()
            .find(|s| s.username == "demo-sw2")
            .map(|s| s.id)
            .unwrap_or_default()
    };
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/people/{leo}/allocations"),
            &manager.access_token,
            &j!({"relationship": "social_worker", "staff_id": staff_id, "handover_note": "Alex will look after you now. I will miss our chats."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    // The very next request: gone, and it looks like it never existed.
    let res = app
        .get_as(&format!("/api/people/{leo}"), &sw.access_token)
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let list: Vec<shared::accounts::PersonSummary> =
        json(app.get_as("/api/people", &sw.access_token).await).await;
    assert!(list.iter().all(|p| p.id != leo));

    // The new worker has it; the child was told (without names in the title).
    let sw2 = app.login("demo-sw2").await;
    assert_eq!(
        app.get_as(&format!("/api/people/{leo}"), &sw2.access_token)
            .await
            .status(),
        StatusCode::OK
    );
    let child = app.login("demo-child-10").await;
    let notes: Vec<Value> = json(
        app.get_as("/api/me/notifications", &child.access_token)
            .await,
    )
    .await;
    assert!(notes
        .iter()
        .any(|n| n["kind"] == "new_worker" && n["title"] == "You have an update"));

    // The refusal is in the audit trail.
    let audit: Vec<shared::accounts::AuditRow> = json(
        app.get_as(&format!("/api/people/{leo}/audit"), &manager.access_token)
            .await,
    )
    .await;
    assert!(audit
        .iter()
        .any(|r| r.outcome == "denied" && r.actor.as_deref() == Some("Sam Patel")));
}

#[tokio::test]
async fn a_young_person_sees_who_looked_at_their_records_in_plain_words() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await;
    let aisha = app.person_id(&sw.access_token, "Aisha").await;
    app.get_as(&format!("/api/people/{aisha}"), &sw.access_token)
        .await;
    let child = app.login("demo-teen-14").await;
    let views: Vec<shared::accounts::AccessEntry> = json(
        app.get_as("/api/me/record-views", &child.access_token)
            .await,
    )
    .await;
    assert!(
        views
            .iter()
            .any(|v| v.text == "Your social worker, Sam Patel, looked at your details."),
        "{views:?}"
    );
}

#[tokio::test]
async fn disabling_a_staff_account_ends_its_sessions() {
    let app = spawn_demo_app().await;
    let iro = app.login("demo-iro").await;
    let admin = app.login("demo-admin").await;
    let staff: Vec<shared::accounts::StaffView> =
        json(app.get_as("/api/staff", &admin.access_token).await).await;
    let iro_id = staff
        .iter()
        .find(|s| s.username == "demo-iro")
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let res = app
        .send_as(
            reqwest::Method::PATCH,
            &format!("/api/staff/{iro_id}"),
            &admin.access_token,
            &j!({"disabled": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        status_with(&app, &iro.access_token).await,
        StatusCode::UNAUTHORIZED
    );
    let res = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "demo-iro", "password": DEMO_PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn break_glass_needs_a_reason_and_alerts_managers() {
    let app = spawn_demo_app().await;
    let admin = app.login("demo-admin").await;
    let people: Vec<shared::accounts::PersonSummary> =
        json(app.get_as("/api/people", &admin.access_token).await).await;
    let mia = people
        .iter()
        .find(|p| p.preferred_name == "Mia")
        .map(|p| p.id.clone())
        .unwrap_or_default();
    assert_eq!(
        app.get_as(&format!("/api/people/{mia}"), &admin.access_token)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/people/{mia}/break-glass"),
            &admin.access_token,
            &j!({"reason": "x"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/people/{mia}/break-glass"),
            &admin.access_token,
            &j!({"reason": "Police request out of hours; duty manager unreachable"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get_as(&format!("/api/people/{mia}"), &admin.access_token)
            .await
            .status(),
        StatusCode::OK
    );
    let manager = app.login("demo-manager").await;
    let notes: Vec<Value> = json(
        app.get_as("/api/me/notifications", &manager.access_token)
            .await,
    )
    .await;
    assert!(notes.iter().any(|n| n["kind"] == "break_glass"));
}

#[tokio::test]
async fn the_browser_refreshes_with_its_httponly_cookie() {
    let app = spawn_demo_app().await;
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap_or_default();
    let res = browser
        .post(app.url("/api/auth/login"))
        .json(&j!({"username": "demo-child-7", "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let set_cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect();
    assert!(
        set_cookies.iter().any(|c| c.starts_with("gfm_refresh=")
            && c.contains("HttpOnly")
            && c.contains("SameSite=Strict")),
        "{set_cookies:?}"
    );
    let first: TokenResponse = json(res).await;
    let res = browser
        .post(app.url("/api/auth/refresh"))
        .json(&j!({}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(res.status(), StatusCode::OK);
    let second: TokenResponse = json(res).await;
    assert_ne!(first.refresh_token, second.refresh_token);
}

#[tokio::test]
async fn refresh_with_nothing_to_refresh_is_204_and_a_bad_cookie_is_401() {
    let app = spawn_demo_app().await;
    // A signed-out start: no cookie, no body token. Nobody to refresh, which
    // is not an error (the app asks on every start).
    let res = app.post_json("/api/auth/refresh", &j!({})).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(res.headers().get("set-cookie").is_none());
    assert_eq!(res.bytes().await.map(|b| b.len()).unwrap_or(1), 0);

    let send = |cookie: String| {
        let url = app.url("/api/auth/refresh");
        async move {
            reqwest::Client::new()
                .post(url)
                .header("cookie", cookie)
                .json(&j!({}))
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .status()
        }
    };
    // A cookie that was never a refresh token.
    assert_eq!(
        send("gfm_refresh=not-a-real-token".into()).await,
        StatusCode::UNAUTHORIZED
    );
    // A cookie that has been rotated away: 401, and a real one still works
    // until then.
    let t = app.login("demo-child-10").await;
    let res = app
        .post_json("/api/auth/refresh", &j!({"refresh_token": t.refresh_token}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        send(format!("gfm_refresh={}", t.refresh_token)).await,
        StatusCode::UNAUTHORIZED
    );
    // A wrong token in the body is 401 too, cookie or not.
    let res = app
        .post_json("/api/auth/refresh", &j!({"refresh_token": "nope"}))
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_manager_adds_a_young_person_with_a_social_worker_from_their_team() {
    let app = spawn_demo_app().await;
    let manager = app.login("demo-manager").await.access_token;
    let team: Vec<shared::accounts::TeamMember> =
        json(app.get_as("/api/teams/mine/staff", &manager).await).await;
    let sw2 = team
        .iter()
        .find(|m| m.display_name == "Alex Morgan")
        .map(|m| m.id.clone())
        .unwrap_or_default();
    assert!(team.iter().all(|m| m.role != Role::YoungPerson));
    let res = app
        .send_as(
            reqwest::Method::POST,
            "/api/people",
            &manager,
            &j!({"preferred_name": "Sky", "date_of_birth": "2014-05-05", "care_started": "2025-01-10", "legal_status": "section20", "social_worker_id": sw2}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let sky: shared::accounts::YoungPersonView = json(res).await;
    // On the manager's list and the worker's straight away.
    assert_eq!(
        app.get_as(&format!("/api/people/{}", sky.id), &manager)
            .await
            .status(),
        StatusCode::OK
    );
    let alex = app.login("demo-sw2").await.access_token;
    assert_eq!(
        app.get_as(&format!("/api/people/{}", sky.id), &alex)
            .await
            .status(),
        StatusCode::OK
    );
    // Only managers list a team.
    let sw = app.login("demo-sw").await.access_token;
    assert_eq!(
        app.get_as("/api/teams/mine/staff", &sw).await.status(),
        StatusCode::NOT_FOUND
    );
}
