//! Each person's language (issue 9): kept on the server, so it follows the
//! person to every device they sign in on.

use reqwest::Method;
use serde_json::json as j;
use shared::accounts::Me;
use shared::api::ErrorBody;
use shared::language::{Language, LanguageChoice, UNKNOWN_LANGUAGE};
use tests::{json, spawn_demo_app, StatusCode, TestApp};

async fn me(app: &TestApp, token: &str) -> Me {
    json(app.get_as("/api/me", token).await).await
}

async fn choose(app: &TestApp, token: &str, language: &str) -> reqwest::Response {
    app.send_as(
        Method::PUT,
        "/api/me/language",
        token,
        &j!({ "language": language }),
    )
    .await
}

#[tokio::test]
async fn a_young_persons_language_is_kept_and_follows_them_to_a_new_sign_in() {
    let app = spawn_demo_app().await;
    let phone = app.login("demo-teen-14").await.access_token;
    // Nobody has chosen yet: the app follows the phone's language.
    assert_eq!(me(&app, &phone).await.language, None);

    let res = choose(&app, &phone, "ar").await;
    assert_eq!(res.status(), StatusCode::OK);
    let kept: LanguageChoice = json(res).await;
    assert_eq!(kept.language, "ar");
    assert_eq!(me(&app, &phone).await.language, Some(Language::Ar));

    // Another device, a new sign-in: the same language.
    let laptop = app.login("demo-teen-14").await.access_token;
    assert_eq!(me(&app, &laptop).await.language, Some(Language::Ar));

    // Someone else's setting is their own.
    let tyler = app.login("demo-teen-17").await.access_token;
    assert_eq!(me(&app, &tyler).await.language, None);

    // And back to English.
    assert_eq!(choose(&app, &laptop, "en").await.status(), StatusCode::OK);
    assert_eq!(me(&app, &phone).await.language, Some(Language::En));
}

#[tokio::test]
async fn only_languages_the_app_speaks_are_taken_and_a_refusal_changes_nothing() {
    let app = spawn_demo_app().await;
    let t = app.login("demo-teen-14").await.access_token;
    assert_eq!(choose(&app, &t, "ar").await.status(), StatusCode::OK);
    for bad in ["fr", "AR", "arabic", "", "en-GB", "ar; DROP TABLE account"] {
        let res = choose(&app, &t, bad).await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{bad:?} was taken"
        );
        let body: ErrorBody = json(res).await;
        assert_eq!(body.error, "validation");
        assert_eq!(body.field.as_deref(), Some("language"));
        assert_eq!(body.message, UNKNOWN_LANGUAGE);
    }
    assert_eq!(me(&app, &t).await.language, Some(Language::Ar));

    // Not a string, or no language at all: the request cannot be read.
    for body in [j!({"language": 1}), j!({})] {
        let res = app
            .send_as(Method::PUT, "/api/me/language", &t, &body)
            .await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{body}");
    }
    assert_eq!(me(&app, &t).await.language, Some(Language::Ar));
}

#[tokio::test]
async fn signing_in_is_needed_and_staff_choose_too() {
    let app = spawn_demo_app().await;
    let res = app
        .client
        .put(app.url("/api/me/language"))
        .json(&j!({"language": "ar"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("request not sent: {e}"));
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let sw = app.login("demo-sw").await.access_token;
    assert_eq!(choose(&app, &sw, "ar").await.status(), StatusCode::OK);
    assert_eq!(me(&app, &sw).await.language, Some(Language::Ar));
}

#[tokio::test]
async fn the_choice_is_documented() {
    let app = spawn_demo_app().await;
    let doc: serde_json::Value = json(app.get("/api/openapi.json").await).await;
    let op = &doc["paths"]["/api/me/language"]["put"];
    assert!(
        op.is_object(),
        "PUT /api/me/language is not in the OpenAPI document"
    );
    assert!(op["responses"]["422"].is_object());
}

/// "Who has looked at my records" sends its parts too, so the app can say
/// each line in the young person's language.
#[tokio::test]
async fn who_looked_comes_in_parts_the_app_can_translate() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await.access_token;
    let aisha = app.person_id(&sw, "Aisha").await;
    app.get_as(&format!("/api/people/{aisha}"), &sw).await;
    let child = app.login("demo-teen-14").await.access_token;
    let views: Vec<shared::accounts::AccessEntry> =
        json(app.get_as("/api/me/record-views", &child).await).await;
    let line = views
        .iter()
        .find(|v| v.action == "read_profile")
        .unwrap_or_else(|| panic!("no read_profile line in {views:?}"));
    assert_eq!(line.basis, "allocated_social_worker");
    assert_eq!(line.name, "Sam Patel");
    assert_eq!(
        line.text,
        "Your social worker, Sam Patel, looked at your details."
    );
}

/// "My people" says what each worker does in the server's words
/// (`explain_role`); the app finds their translation by those words.
#[tokio::test]
async fn what_each_worker_does_has_a_translation() {
    let en = include_str!("../../../frontend/locales/en/people.ftl");
    let ar = include_str!("../../../frontend/locales/ar/people.ftl");
    for r in shared::access::Relationship::ALL {
        let words = backend::services::plans::explain_role(r);
        let key = en
            .lines()
            .filter_map(|l| l.split_once(" = "))
            .find(|(k, v)| k.starts_with("worker-role-") && *v == words)
            .map(|(k, _)| k)
            .unwrap_or_else(|| panic!("no worker-role- message for {words:?}"));
        assert!(
            ar.lines().any(|l| l.starts_with(&format!("{key} = "))),
            "no Arabic for {key}"
        );
    }
}

/// The server's fixed messages a young person can meet have a translation
/// in the app (`frontend/locales/en/errors.ftl`, keys `server-…`), found by
/// their exact English words: a change on either side fails here.
#[tokio::test]
async fn the_servers_words_for_young_people_have_translations() {
    let en = include_str!("../../../frontend/locales/en/errors.ftl");
    let ar = include_str!("../../../frontend/locales/ar/errors.ftl");
    let english: Vec<(&str, &str)> = en
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(k, _)| k.starts_with("server-"))
        .collect();
    let translated = |message: &str| {
        let key = english
            .iter()
            .find(|(_, v)| *v == message)
            .map(|(k, _)| *k)
            .unwrap_or_else(|| panic!("no server- message for {message:?}"));
        assert!(
            ar.lines().any(|l| l.starts_with(&format!("{key} = "))),
            "no Arabic for {key}"
        );
    };
    translated(backend::services::auth::WRONG_LOGIN);
    translated(UNKNOWN_LANGUAGE);
    for kind in [
        shared::forum::FloodKind::Reply,
        shared::forum::FloodKind::PlanQuestion,
    ] {
        translated(&shared::forum::flood_message(
            kind,
            shared::forum::LimitKind::Duplicate,
            0,
        ));
    }
    for (password, username) in [
        ("short", ""),
        (&"x".repeat(200)[..], ""),
        ("password1", ""),
        ("aisha-is-me", "aisha-is-me"),
    ] {
        let problem = shared::accounts::password_rules::problem(password, username)
            .unwrap_or_else(|| panic!("{password} was allowed"));
        translated(problem);
    }

    // And what the server really answers on the young person's own forms.
    let app = spawn_demo_app().await;
    let wrong = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "demo-teen-14", "password": "not the password"}),
        )
        .await;
    translated(&json::<ErrorBody>(wrong).await.message);
    for (username, password) in [("", "x"), ("demo-teen-14", "")] {
        let res = app
            .post_json(
                "/api/auth/login",
                &j!({"username": username, "password": password}),
            )
            .await;
        translated(&json::<ErrorBody>(res).await.message);
    }
    let code = app
        .post_json(
            "/api/auth/activate",
            &j!({"code": "ABCD-EFGH-JKMN", "password": "purple tiger jumps"}),
        )
        .await;
    translated(&json::<ErrorBody>(code).await.message);
    let t = app.login("demo-teen-14").await.access_token;
    let res = app
        .send_as(
            Method::POST,
            "/api/me/password",
            &t,
            &j!({"current_password": "not it", "new_password": "purple tiger jumps"}),
        )
        .await;
    translated(&json::<ErrorBody>(res).await.message);
    let res = app
        .send_as(
            Method::POST,
            "/api/me/plan/questions",
            &t,
            &j!({"section": "about_me", "kind": "dont_agree", "message": "x".repeat(2001)}),
        )
        .await;
    translated(&json::<ErrorBody>(res).await.message);
    let res = app
        .send_as(
            Method::POST,
            "/api/me/offer/requests",
            &t,
            &j!({"entitlement_id": ""}),
        )
        .await;
    translated(&json::<ErrorBody>(res).await.message);
}
