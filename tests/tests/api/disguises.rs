//! The forum's safety checks against a determined teenager, through HTTP on
//! the database the tests run on (SQLite, or PostgreSQL with
//! TEST_DATABASE_URL): personal details in disguise are held, invisible or
//! direction-changing text is refused, and forum names that pass for staff
//! or for another member are refused with a reason.

use reqwest::Method;
use serde_json::json as j;
use shared::api::ErrorBody;
use shared::forum::{FloodLimits, MyForum, PostOutcome, PostStatus};
use tests::{json, spawn_demo_app, StatusCode, TestApp};

const SENIORS: &str = "positive-journeys-seniors";

/// Lets one account post many times in a row in a space (the flood limits
/// are tested on their own, in `flood.rs`).
async fn lift_limits(app: &TestApp, space: &str) {
    let res = crate::flood::set_limits(
        app,
        space,
        FloodLimits {
            threads_per_hour: 100,
            threads_per_day: 200,
            replies_per_hour: 100,
            replies_per_day: 200,
            min_gap_secs: 0,
        },
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
}

async fn start(app: &TestApp, token: &str, title: &str, body: &str) -> reqwest::Response {
    app.send_as(
        Method::POST,
        &format!("/api/forum/spaces/{SENIORS}/threads"),
        token,
        &j!({"title": title, "body": body}),
    )
    .await
}

#[tokio::test]
async fn personal_details_in_disguise_are_held() {
    let app = spawn_demo_app().await;
    lift_limits(&app, SENIORS).await;
    let priya = app.login("demo-leaver-19").await.access_token;
    let disguises = [
        // Spaces of other kinds between the digits.
        "call me on 07700\u{a0}900\u{a0}123",
        "call me on 07700\u{2009}900\u{2009}123",
        "text 0\u{200b}7\u{200b}7\u{200b}0\u{200b}0\u{200b}9\u{200b}0\u{200b}0\u{200b}1\u{200b}2\u{200b}3",
        "my number 07700\u{2060}900\u{2060}123",
        // Digits of other scripts.
        "رقمي ٠٧٧٠٠ ٩٠٠١٢٣",
        "رقمي ۰۷۷۰۰۹۰۰۱۲۳",
        "ring ０７７００ ９００１２３",
        // Spelled and mixed.
        "oh seven seven double oh nine oh oh one two three",
        "07 seven 00 9 zero 0 123",
        "+44 (0) 7700-900-123",
        "0 7 7 0 0 . 9 0 0 . 1 2 3",
        // Email addresses.
        "email me jay＠gmail.com",
        "jay @ gmail . com",
        "jay at gmail dot com",
        "jay(at)gmail(dot)com",
        "jay [at] hotmail [dot] co [dot] uk",
        "j\u{200b}a\u{200b}y@g\u{200b}mail.com",
    ];
    let mut missed = vec![];
    for (i, disguise) in disguises.iter().enumerate() {
        // Numbered, or two disguises of one number would be the same text
        // twice (which the flood limits refuse).
        let body = &format!("Post {i}: {disguise}");
        let res = start(&app, &priya, &format!("Hello {i}"), body).await;
        assert_eq!(res.status(), StatusCode::CREATED, "{body}");
        let out: PostOutcome = json(res).await;
        if out.status != PostStatus::Pending || out.personal_details.is_empty() {
            missed.push(*disguise);
        }
        // What was written is kept as written (in NFC), not the checked form.
        assert_eq!(out.post.body, *body, "kept as written");
    }
    assert!(missed.is_empty(), "published: {missed:#?}");

    // Ordinary posts with numbers in them go up.
    for (i, body) in [
        "The trip is on 12/05/2026 at 10:30, it costs £12.50",
        "This space is for 16 to 25 year olds",
        "Bus 229 then room 101, event 3 of 12",
    ]
    .iter()
    .enumerate()
    {
        let res = start(&app, &priya, &format!("Plans {i}"), body).await;
        assert_eq!(res.status(), StatusCode::CREATED, "{body}");
        let out: PostOutcome = json(res).await;
        assert_eq!(out.status, PostStatus::Published, "{body}");
    }
}

#[tokio::test]
async fn invisible_and_direction_changing_text_is_refused() {
    let app = spawn_demo_app().await;
    lift_limits(&app, SENIORS).await;
    let priya = app.login("demo-leaver-19").await.access_token;
    for (title, body, field) in [
        ("\u{200b}\u{200b}\u{200b}", "Something to say", "title"),
        ("A title", "\u{200b}\u{feff}\u{2060}", "body"),
        ("A title", "\u{a0}\u{3000}\u{200b}", "body"),
        ("A title", "\u{fe0f}\u{ad}", "body"),
        ("A title", "\u{202e}olleh", "body"),
        ("Hi \u{2067}there", "Something to say", "title"),
        ("A title", "nul\u{0}byte", "body"),
    ] {
        let res = start(&app, &priya, title, body).await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{title:?} {body:?}"
        );
        let e: ErrorBody = json(res).await;
        assert_eq!(e.field.as_deref(), Some(field), "{title:?} {body:?}");
        assert!(
            e.message.contains("hidden") || e.message.contains("see"),
            "{}",
            e.message
        );
    }
    // A reply made only of invisible characters, and a report reason.
    let res = start(&app, &priya, "A real one", "Something to say").await;
    let out: PostOutcome = json(res).await;
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/forum/threads/{}/replies", out.post.thread_id),
            &priya,
            &j!({"body": "\u{200b}\u{200c}\u{200d}"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

async fn set_name(app: &TestApp, token: &str, name: &str) -> reqwest::Response {
    app.send_as(
        Method::PUT,
        "/api/forum/me/display-name",
        token,
        &j!({"display_name": name, "use_real_name": false}),
    )
    .await
}

#[tokio::test]
async fn forum_names_that_pass_for_someone_else_are_refused() {
    let app = spawn_demo_app().await;
    let priya = app.login("demo-leaver-19").await.access_token;
    let refused = [
        // Staff of the council (demo: Sam Patel, Dee Harper), in any spelling.
        ("Sam Patel", "works for the council"),
        ("sam_patel_99", "works for the council"),
        ("Ѕаm Раtеl", "works for the council"),
        ("Miss Harper", "works for the council"),
        // Another member (Marcus is "Bold Badger"), with look-alike letters.
        ("B0ld Badger", "another member"),
        ("Bоld Bаdger", "another member"),
        // Names that sound official.
        ("Adm1n", "staff or the council"),
        ("m0derator Mike", "staff or the council"),
        ("ＡＤＭＩＮ", "staff or the council"),
        ("Council Kid", "staff or the council"),
        // Hidden characters.
        ("Blue\u{200b}Fox", "hidden"),
        ("Blue \u{202e}Fox", "hidden"),
    ];
    for (name, why) in refused {
        let res = set_name(&app, &priya, name).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let e: ErrorBody = json(res).await;
        assert_eq!(e.field.as_deref(), Some("display_name"), "{name}");
        assert!(e.message.contains(why), "{name}: {}", e.message);
    }
    let res = set_name(&app, &priya, "Quiet Otter").await;
    assert_eq!(res.status(), StatusCode::OK);
    let me: MyForum = json(res).await;
    assert_eq!(me.display_name, "Quiet Otter");
}
