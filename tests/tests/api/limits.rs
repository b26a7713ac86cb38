//! The app and the server agree on every length limit: for each entry of
//! `shared::limits::FORMS` (which the app's fields read), the server refuses
//! one character too many (and one too few, where there is a minimum),
//! naming the field, and takes exactly the most.

use chrono::{Duration, Utc};
use reqwest::Method;
use serde_json::{json as j, Value};
use shared::api::ErrorBody;
use shared::limits::{FormLimits, FORMS};
use std::collections::HashMap;
use tests::{json, spawn_demo_app, StatusCode, TestApp};

/// Words that fail the plain-language check, so a reason is asked for.
const JARGON: &str = "Aisha's LAC review will be held in school. The plan is that Aisha will continue to live with her foster carers and will have contact with her mother every other Saturday at the family centre, supervised by a family support worker, with the arrangements reviewed at the next meeting in the spring term if everyone agrees.";
const PLAIN: &str = "You love drawing and football.";

/// Who may use each form in the demo council. A form missing here fails
/// the test, so a new entry in `FORMS` gets a user too.
fn user_of(form: &str) -> &'static str {
    match form {
        "profile-form"
        | "plan-editor"
        | "plan-reason-form"
        | "plan-answer-form"
        | "alert-response-form" => "demo-sw",
        // Aisha's IRO runs her reviews and answers her feedback.
        "book-review" | "move-review" | "record-outcome" | "answer-form" => "demo-iro",
        "plan-question-form"
        | "review-earlier-form"
        | "forum-name-form"
        | "forum-start-form"
        | "forum-reply-form"
        | "event-signup-form"
        | "poll-answer-form" => "demo-teen-14",
        "forum-report-form" => "demo-child-10",
        "offer-search" | "offer-ask-form" => "demo-leaver-19",
        "request-answer-form" => "demo-pa",
        "reallocate-form" => "demo-manager",
        "entitlement-form" | "new-person" | "create-account" | "break-glass-form"
        | "add-staff-form" => "demo-admin",
        "event-form" | "poll-form" | "poll-outcome-form" | "space-form" | "mod-edit-form"
        | "mod-reason-form" | "mod-keep-form" | "mod-suspend-form" | "mod-lock-form"
        | "words-form" => "demo-participation",
        other => panic!("no demo user for the form {other}: add one in user_of"),
    }
}

async fn send(
    app: &TestApp,
    method: &str,
    path: &str,
    token: &str,
    body: &Value,
) -> reqwest::Response {
    let method = Method::from_bytes(method.as_bytes()).unwrap_or(Method::POST);
    if method == Method::GET {
        return app.get_as(path, token).await;
    }
    app.send_as(method, path, token, body).await
}

async fn ok(res: reqwest::Response, what: &str) -> Value {
    let status = res.status();
    let body: Value = json(res).await;
    assert!(status.is_success(), "{what}: {status} {body}");
    body
}

/// The ids and texts a form's endpoint and body name, made as the form's
/// user would find them.
async fn fixture(app: &TestApp, form: &str) -> HashMap<&'static str, String> {
    let mut ids: HashMap<&'static str, String> = HashMap::new();
    let sw = app.login("demo-sw").await.access_token;
    let aisha = app.person_id(&sw, "Aisha").await;
    let now = Utc::now();
    let today = now.date_naive();
    ids.insert("person", aisha.clone());
    ids.insert("today", today.to_string());
    ids.insert("tomorrow", (today + Duration::days(1)).to_string());
    ids.insert("later", (now + Duration::days(3)).to_rfc3339());
    ids.insert(
        "later_still",
        (now + Duration::days(3) + Duration::hours(2)).to_rfc3339(),
    );
    ids.insert("jargon", JARGON.to_owned());
    ids.insert("entitlement", "he-bursary".to_owned());
    let draft = |text: &str| j!({"sections": [{"section": "about_me", "text": text}]});
    let plan = format!("/api/people/{aisha}/plan");
    match form {
        "plan-reason-form" => {
            ok(
                send(app, "PUT", &format!("{plan}/draft"), &sw, &draft(JARGON)).await,
                "draft",
            )
            .await;
        }
        "plan-question-form" | "plan-answer-form" => {
            ok(
                send(app, "PUT", &format!("{plan}/draft"), &sw, &draft(PLAIN)).await,
                "draft",
            )
            .await;
            ok(
                send(app, "POST", &format!("{plan}/share"), &sw, &j!({})).await,
                "share",
            )
            .await;
            if form == "plan-answer-form" {
                let child = app.login("demo-teen-14").await.access_token;
                let q = ok(
                    send(app, "POST", "/api/me/plan/questions", &child, &j!({"section": "about_me", "kind": "dont_understand", "message": "What does it mean?"})).await,
                    "question",
                )
                .await;
                ids.insert("query", q["id"].as_str().unwrap_or_default().to_owned());
            }
        }
        "request-answer-form" => {
            let priya = app.login("demo-leaver-19").await.access_token;
            let r = ok(
                send(
                    app,
                    "POST",
                    "/api/me/offer/requests",
                    &priya,
                    &j!({"entitlement_id": "he-bursary"}),
                )
                .await,
                "request",
            )
            .await;
            ids.insert("request", r["id"].as_str().unwrap_or_default().to_owned());
        }
        "move-review" | "record-outcome" => {
            let iro = app.login("demo-iro").await.access_token;
            let path = format!("/api/people/{aisha}/reviews");
            // Booked here unless the demo data has one already (then 409).
            send(
                app,
                "POST",
                &path,
                &iro,
                &j!({"date": today + Duration::days(7), "place": "At school"}),
            )
            .await;
            let view = ok(app.get_as(&path, &iro).await, "reviews").await;
            let review = view["reviews"]
                .as_array()
                .and_then(|rs| rs.iter().find(|r| r["status"] != "cancelled"))
                .and_then(|r| r["id"].as_str())
                .unwrap_or_default()
                .to_owned();
            assert!(!review.is_empty(), "no review for Aisha: {view}");
            ids.insert("review", review);
        }
        "create-account" => {
            let admin = app.login("demo-admin").await.access_token;
            let p = ok(
                send(app, "POST", "/api/people", &admin, &j!({"preferred_name": "Robin", "date_of_birth": "2012-01-01", "care_started": "2020-01-01", "legal_status": "section20"})).await,
                "new person",
            )
            .await;
            ids.insert(
                "new_person",
                p["id"].as_str().unwrap_or_default().to_owned(),
            );
        }
        "reallocate-form" => {
            let admin = app.login("demo-admin").await.access_token;
            let staff: Vec<shared::accounts::StaffView> =
                json(app.get_as("/api/staff", &admin).await).await;
            let sw2 = staff
                .into_iter()
                .find(|s| s.username == "demo-sw2")
                .map(|s| s.id)
                .unwrap_or_default();
            ids.insert("social_worker", sw2);
        }
        _ => {}
    }
    if form.starts_with("forum-")
        || form.starts_with("mod-")
        || form.starts_with("poll-")
        || form == "event-signup-form"
        || form == "event-form"
    {
        let walk = crate::forum::walk_fixture(app).await;
        for key in ["space", "thread", "post", "event", "poll", "member"] {
            let brace = format!("{{{key}}}");
            ids.insert(key, walk.fill("post", "", &brace));
        }
        // Leo's reply, held for a moderator.
        ids.insert(
            "held_post",
            walk.fill("delete", "/api/forum/posts/{post}", "{post}"),
        );
        if form == "poll-answer-form" {
            let officer = app.login("demo-participation").await.access_token;
            let p = ok(
                send(app, "POST", "/api/forum/admin/polls", &officer, &j!({"space": ids["space"], "kind": "poll", "question": "Walk?", "options": ["Yes", "No"], "allows_comment": true, "closes_at": now + Duration::days(3)})).await,
                "poll",
            )
            .await;
            ids.insert(
                "comment_poll",
                p["poll"]["id"].as_str().unwrap_or_default().to_owned(),
            );
        }
    } else {
        ids.insert("space", "positive-journeys".to_owned());
    }
    ids
}

fn fill(template: &str, ids: &HashMap<&'static str, String>) -> String {
    let mut out = template.to_owned();
    for (k, v) in ids {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Sends the form with the field holding `chars` characters.
async fn try_length(
    app: &TestApp,
    token: &str,
    l: &FormLimits,
    ids: &HashMap<&'static str, String>,
    chars: usize,
) -> (StatusCode, Value) {
    let value = l.value(chars);
    let (method, path) = l.endpoint.split_once(' ').unwrap_or(("POST", l.endpoint));
    let mut path = fill(path, ids);
    let body = if method == "GET" {
        path = path.replace('@', &value.replace(' ', "+"));
        Value::Null
    } else {
        let quoted = serde_json::to_string(&value).unwrap_or_default();
        // Ids and texts first: a value never holds braces.
        let text = fill(l.body, ids).replace("\"@\"", &quoted);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}: {text}", l.form))
    };
    let res = send(app, method, &path, token, &body).await;
    let status = res.status();
    let text = res.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn names_field(body: &Value, field: &str) -> bool {
    serde_json::from_value::<ErrorBody>(body.clone())
        .ok()
        .and_then(|e| e.field)
        .as_deref()
        == Some(field)
}

#[tokio::test]
async fn the_server_enforces_every_limit_the_app_shows() {
    let mut forms: Vec<&str> = vec![];
    for l in FORMS {
        if !forms.contains(&l.form) {
            forms.push(l.form);
        }
    }
    let only = std::env::var("LIMITS_FORM").ok();
    for form in forms {
        if only.as_deref().is_some_and(|o| o != form) {
            continue;
        }
        // A fresh council for each form: one form's saves never meet another's.
        let app = spawn_demo_app().await;
        let ids = fixture(&app, form).await;
        let token = app.login(user_of(form)).await.access_token;
        let fields: Vec<&FormLimits> = FORMS.iter().filter(|l| l.form == form).collect();
        // Refusals first (they change nothing), then the longest allowed.
        for l in &fields {
            let what = format!("{} {}", l.form, l.field);
            if let Some(max) = l.max {
                let (status, body) = try_length(&app, &token, l, &ids, max + 1).await;
                assert_eq!(
                    status,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "{what}: {max}+1 chars: {body}"
                );
                assert!(names_field(&body, l.field), "{what}: {max}+1 chars: {body}");
            }
            if let Some(min) = l.min {
                let (status, body) = try_length(&app, &token, l, &ids, min - 1).await;
                assert_eq!(
                    status,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "{what}: {min}-1 chars: {body}"
                );
                assert!(names_field(&body, l.field), "{what}: {min}-1 chars: {body}");
            }
        }
        for l in &fields {
            let what = format!("{} {}", l.form, l.field);
            let Some(n) = l.max.or(l.min) else { continue };
            let (status, body) = try_length(&app, &token, l, &ids, n).await;
            assert!(
                !(status == StatusCode::UNPROCESSABLE_ENTITY && names_field(&body, l.field)),
                "{what}: {n} chars refused: {body}"
            );
            eprintln!("{what}: {n} chars: {status}");
        }
    }
}
