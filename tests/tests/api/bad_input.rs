//! Bad input at the edge, on every declared endpoint: a NUL (or another
//! control character, or a bidi override) in a path id, a query or any string of a JSON body is
//! a 422 naming the field, before any handler or database sees it; an id
//! that is not the shape of an id is refused the same way. Never a 500 and
//! never a 503 (PostgreSQL refuses a NUL byte with an error that used to be
//! passed off as an outage).

use serde_json::{json as j, Value};
use shared::access::can;
use shared::api::ErrorBody;
use shared::endpoints::{self, Guard, Method};
use shared::people::Role;
use tests::{json, spawn_demo_app, StatusCode, TestApp};

const SOME_ID: &str = "0b6c2f1e-4d1a-4c55-9a8e-3f0e1d2c3b4a";

/// Whether the declared guard lets this role reach the edge check (a
/// record's own rule is decided later, by the handler).
fn reaches_the_check(guard: Guard, role: Option<Role>) -> bool {
    match (guard, role) {
        (Guard::Public, _) => true,
        (_, None) => false,
        (Guard::SignedIn | Guard::Record(_), Some(_)) => true,
        (Guard::YoungPersonSelf, Some(r)) => r == Role::YoungPerson,
        (Guard::Ability(a), Some(r)) => can(r, a),
    }
}

fn fill(path: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push_str(value);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn params(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|s| s.split('}').next())
        .collect()
}

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> reqwest::Response {
    let m = reqwest::Method::from_bytes(method.as_str().as_bytes()).unwrap_or_default();
    let mut req = app.client.request(m, app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(b);
    }
    req.send().await.unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[tokio::test]
async fn a_control_character_anywhere_is_refused_on_every_endpoint() {
    let app = spawn_demo_app().await;
    let callers = [
        (Some(Role::YoungPerson), Some("demo-teen-14")),
        (Some(Role::YoungPerson), Some("demo-leaver-19")),
        (Some(Role::SocialWorker), Some("demo-sw")),
        (None, None),
    ];
    let mut failures = vec![];
    let mut cells = 0;
    for (role, username) in callers {
        let token = match username {
            Some(u) => Some(app.login(u).await.access_token),
            None => None,
        };
        for meta in endpoints::all() {
            // Signing out or in again would spoil the next requests.
            if meta.path.starts_with("/api/auth/") && meta.guard != Guard::Public {
                continue;
            }
            let mut tries: Vec<(String, Option<Value>, String)> = vec![];
            for p in params(meta.path) {
                for bad in ["%00", "x%00y", "%E2%80%AEabc", "abc%20def", "..", "%C2%85"] {
                    let value = format!("{SOME_ID}{bad}");
                    let path = meta.path.replace(&format!("{{{p}}}"), &value);
                    tries.push((fill(&path, SOME_ID), None, p.to_owned()));
                }
            }
            let clean = fill(meta.path, SOME_ID);
            tries.push((format!("{clean}?q=a%00b"), None, "q".to_owned()));
            tries.push((format!("{clean}?before=%01"), None, "before".to_owned()));
            if matches!(meta.method, Method::Post | Method::Put | Method::Patch) {
                for body in [
                    j!({"x": "a\u{0}b"}),
                    j!({"title": "fine", "body": "a\u{1b}[31m"}),
                    j!({"title": "fine", "body": "my file \u{202E}gnp.exe"}),
                    j!({"answers": [{"text": "ok"}, {"text": "\u{7f}"}]}),
                ] {
                    let field = match body.get("x") {
                        Some(_) => "x",
                        None if body.get("body").is_some() => "body",
                        None => "answers.1.text",
                    };
                    tries.push((clean.clone(), Some(body), field.to_owned()));
                }
            }
            let reaches = reaches_the_check(meta.guard, role);
            for (path, body, field) in tries {
                cells += 1;
                let res = send(&app, meta.method, &path, token.as_deref(), body.as_ref()).await;
                let status = res.status();
                let what = format!(
                    "{:?} {} {path} {body:?}: {status}",
                    role,
                    meta.method.as_str()
                );
                if status.is_server_error() || status.is_success() {
                    failures.push(what);
                    continue;
                }
                if !reaches {
                    if !matches!(status, StatusCode::UNAUTHORIZED | StatusCode::NOT_FOUND) {
                        failures.push(format!("{what} (expected 401 or 404)"));
                    }
                    continue;
                }
                // A path that is not an id at all (`..`) may not reach the
                // route: then it is an unknown address.
                if status == StatusCode::NOT_FOUND && path.contains("..") {
                    continue;
                }
                if status != StatusCode::UNPROCESSABLE_ENTITY {
                    failures.push(format!("{what} (expected 422)"));
                    continue;
                }
                let e: ErrorBody = json(res).await;
                if e.field.as_deref() != Some(field.as_str()) || e.message.is_empty() {
                    failures.push(format!("{what}: field {:?}, wanted {field}", e.field));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cells} requests were not refused as they should be:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn a_nul_in_a_post_stores_nothing_and_names_the_field() {
    let app = spawn_demo_app().await;
    let token = app.login("demo-leaver-19").await.access_token;
    let spaces: Vec<shared::forum::SpaceView> =
        json(app.get_as("/api/forum/spaces", &token).await).await;
    let space = spaces
        .first()
        .unwrap_or_else(|| panic!("a space to post in"));
    let before: Vec<shared::forum::MyPost> =
        json(app.get_as("/api/forum/me/posts", &token).await).await;
    for (title, body, field) in [
        ("Hello\u{0}", "An ordinary post", "title"),
        ("Hello", "An ordinary\u{0} post", "body"),
        ("Hello", "Bell \u{7} here", "body"),
        ("Hello \u{2066}there", "An ordinary post", "title"),
    ] {
        let res = app
            .send_as(
                reqwest::Method::POST,
                &format!("/api/forum/spaces/{}/threads", space.id),
                &token,
                &j!({"title": title, "body": body}),
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{title:?} {body:?}"
        );
        let e: ErrorBody = json(res).await;
        assert_eq!(e.field.as_deref(), Some(field));
        assert!(e.message.contains("hidden character"), "{}", e.message);
    }
    let after: Vec<shared::forum::MyPost> =
        json(app.get_as("/api/forum/me/posts", &token).await).await;
    assert_eq!(before.len(), after.len(), "nothing was stored");
    // Line breaks and tabs are what people type: still fine.
    let res = app
        .send_as(
            reqwest::Method::POST,
            &format!("/api/forum/spaces/{}/threads", space.id),
            &token,
            &j!({"title": "Two lines", "body": "First line\nSecond\tline"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
}
