//! Flood limits: how often a young person may post in a space (per space,
//! set by the participation officer), the wait between posts, the same
//! text twice, reports and requests, what the officer sees, and that the
//! limits hold when requests arrive at once.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use reqwest::Method;
use serde_json::{json as j, Value};
use shared::api::ErrorBody;
use shared::forum::{AdminSpaceView, FloodHitView, FloodKind, FloodLimits, LimitKind, PostOutcome};
use tests::{json, spawn_demo_app, StatusCode, TestApp};

/// The care leavers' space, for 16 to 25.
pub const SENIORS: &str = "positive-journeys-seniors";

async fn token(app: &TestApp, username: &str) -> String {
    app.login(username).await.access_token
}

/// Sets a space's limits as the participation officer does on the
/// moderation screens (every other setting sent back as it is).
pub async fn set_limits(app: &TestApp, slug: &str, limits: FloodLimits) -> reqwest::Response {
    let officer = token(app, "demo-participation").await;
    let spaces: Vec<AdminSpaceView> =
        json(app.get_as("/api/forum/admin/spaces", &officer).await).await;
    let s = spaces
        .into_iter()
        .find(|s| s.id == slug)
        .expect("the space");
    app.send_as(
        Method::PUT,
        &format!("/api/forum/admin/spaces/{slug}"),
        &officer,
        &j!({
            "name": s.name,
            "description": s.description,
            "rule": s.rule,
            "hold_under_18": s.hold_under_18,
            "archived": s.archived,
            "limits": limits,
        }),
    )
    .await
}

/// No wait between posts in these spaces (the other limits as they are):
/// for tests that post several times in a row about something else.
pub async fn no_wait_between_posts(app: &TestApp, slugs: &[&str]) {
    for slug in slugs {
        let res = set_limits(
            app,
            slug,
            FloodLimits {
                min_gap_secs: 0,
                ..FloodLimits::default()
            },
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
}

async fn start(
    app: &TestApp,
    token: &str,
    space: &str,
    title: &str,
    body: &str,
) -> reqwest::Response {
    app.send_as(
        Method::POST,
        &format!("/api/forum/spaces/{space}/threads"),
        token,
        &j!({"title": title, "body": body}),
    )
    .await
}

async fn reply(app: &TestApp, token: &str, thread: &str, body: &str) -> reqwest::Response {
    app.send_as(
        Method::POST,
        &format!("/api/forum/threads/{thread}/replies"),
        token,
        &j!({"body": body}),
    )
    .await
}

/// A 429's wait and words.
async fn too_many(res: reqwest::Response) -> (u64, String) {
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let secs: u64 = res
        .headers()
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let body: ErrorBody = json(res).await;
    assert_eq!(body.error, "posting_limit");
    (secs, body.message)
}

async fn hits(app: &TestApp) -> Vec<FloodHitView> {
    let officer = token(app, "demo-participation").await;
    let res = app
        .get_as("/api/forum/moderation/flood-hits", &officer)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

async fn forum_name(app: &TestApp, token: &str) -> String {
    let me: Value = json(app.get_as("/api/forum/me", token).await).await;
    me["display_name"]
        .as_str()
        .expect("a forum name")
        .to_owned()
}

#[tokio::test]
async fn the_sixth_conversation_in_an_hour_waits_and_the_officer_sees_it() {
    let app = spawn_demo_app().await;
    // The defaults (5 an hour) except the wait between posts.
    no_wait_between_posts(&app, &[SENIORS]).await;
    let marcus = token(&app, "demo-leaver-23").await;
    for i in 0..5 {
        let res = start(
            &app,
            &marcus,
            SENIORS,
            &format!("Flat tip {i}"),
            &format!("Tip number {i} for a first flat"),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED, "conversation {i}");
    }
    let (secs, message) =
        too_many(start(&app, &marcus, SENIORS, "One more", "And one more thing").await).await;
    assert!((3500..=3600).contains(&secs), "{secs}");
    assert_eq!(
        message,
        "You've started a lot of conversations in the last hour. You can start another one in 1 hour."
    );
    // Nothing was stored for the refused one.
    let page: Value = json(
        app.get_as(&format!("/api/forum/spaces/{SENIORS}/threads"), &marcus)
            .await,
    )
    .await;
    assert!(!page.to_string().contains("One more"));

    // Another member is not affected.
    let priya = token(&app, "demo-leaver-19").await;
    let res = start(&app, &priya, SENIORS, "Hello", "Anyone else at uni?").await;
    assert_eq!(res.status(), StatusCode::CREATED);

    // A second refusal adds to the same hit.
    too_many(start(&app, &marcus, SENIORS, "Again", "Trying again now").await).await;
    let name = forum_name(&app, &marcus).await;
    let list = hits(&app).await;
    assert_eq!(list.len(), 1, "{list:?}");
    let h = &list[0];
    assert_eq!(h.member, name);
    assert!(h.member_id.is_some());
    assert_eq!(h.kind, FloodKind::Thread);
    assert_eq!(h.limit, LimitKind::PerHour);
    assert_eq!(h.space.as_deref(), Some("Positive Journeys Seniors"));
    assert_eq!(h.attempts, 2);
    assert_eq!(
        h.summary,
        "Tried to start too many conversations in an hour in Positive Journeys Seniors (2 tries refused)"
    );
    // Only those who moderate see the list.
    let res = app
        .get_as("/api/forum/moderation/flood-hits", &marcus)
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_thirty_first_reply_in_an_hour_waits() {
    let app = spawn_demo_app().await;
    no_wait_between_posts(&app, &[SENIORS]).await;
    let marcus = token(&app, "demo-leaver-23").await;
    let t: PostOutcome =
        json(start(&app, &marcus, SENIORS, "Budgeting", "How do you budget?").await).await;
    let thread = t.post.thread_id.clone();
    for i in 0..30 {
        let res = reply(&app, &marcus, &thread, &format!("Idea number {i}")).await;
        assert_eq!(res.status(), StatusCode::CREATED, "reply {i}");
    }
    let (secs, message) = too_many(reply(&app, &marcus, &thread, "Idea thirty one").await).await;
    assert!(secs > 3500, "{secs}");
    assert!(
        message.starts_with(
            "You've written a lot of replies in the last hour. You can reply again in"
        ),
        "{message}"
    );
}

#[tokio::test]
async fn posting_again_straight_away_waits_and_the_same_text_is_refused() {
    let app = spawn_demo_app().await;
    // The defaults: 15 seconds between posts.
    let marcus = token(&app, "demo-leaver-23").await;
    let t: PostOutcome = json(
        start(
            &app,
            &marcus,
            SENIORS,
            "Jobs",
            "Where do you look for jobs?",
        )
        .await,
    )
    .await;
    let (secs, message) =
        too_many(reply(&app, &marcus, &t.post.thread_id, "Also apprenticeships").await).await;
    assert!((1..=15).contains(&secs), "{secs}");
    assert_eq!(
        message,
        format!("Please wait {secs} seconds before posting again.")
    );
    let list = hits(&app).await;
    assert_eq!(list[0].limit, LimitKind::Gap);
    assert_eq!(list[0].kind, FloodKind::Reply);

    // The same words again (case and punctuation aside), in a reply or a
    // new conversation: 422 on the body.
    no_wait_between_posts(&app, &[SENIORS]).await;
    for res in [
        reply(
            &app,
            &marcus,
            &t.post.thread_id,
            "where do you look for JOBS",
        )
        .await,
        start(
            &app,
            &marcus,
            SENIORS,
            "Jobs again",
            "Where do you look for jobs??",
        )
        .await,
    ] {
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: ErrorBody = json(res).await;
        assert_eq!(body.field.as_deref(), Some("body"));
        assert_eq!(
            body.message,
            "You've already posted this. Try writing something new."
        );
    }
    // Someone else may say the same.
    let priya = token(&app, "demo-leaver-19").await;
    let res = reply(
        &app,
        &priya,
        &t.post.thread_id,
        "Where do you look for jobs?",
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_space_s_own_limits_are_shown_checked_and_used() {
    let app = spawn_demo_app().await;
    let officer = token(&app, "demo-participation").await;
    let spaces: Vec<AdminSpaceView> =
        json(app.get_as("/api/forum/admin/spaces", &officer).await).await;
    assert!(spaces.iter().all(|s| s.limits == FloodLimits::default()));

    for (limits, field) in [
        (
            FloodLimits {
                threads_per_hour: 0,
                ..FloodLimits::default()
            },
            "limits.threads_per_hour",
        ),
        (
            FloodLimits {
                replies_per_hour: 100_000,
                ..FloodLimits::default()
            },
            "limits.replies_per_hour",
        ),
        (
            FloodLimits {
                threads_per_day: 2,
                ..FloodLimits::default()
            },
            "limits.threads_per_day",
        ),
        (
            FloodLimits {
                min_gap_secs: 100_000,
                ..FloodLimits::default()
            },
            "limits.min_gap_secs",
        ),
    ] {
        let res = set_limits(&app, SENIORS, limits).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: ErrorBody = json(res).await;
        assert_eq!(body.field.as_deref(), Some(field));
    }
    let two = FloodLimits {
        threads_per_hour: 2,
        min_gap_secs: 0,
        ..FloodLimits::default()
    };
    let res = set_limits(&app, SENIORS, two).await;
    assert_eq!(res.status(), StatusCode::OK);
    let s: AdminSpaceView = json(res).await;
    assert_eq!(s.limits, two);

    let marcus = token(&app, "demo-leaver-23").await;
    for i in 0..2 {
        let res = start(
            &app,
            &marcus,
            SENIORS,
            &format!("Q{i}"),
            &format!("Question {i}"),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    too_many(start(&app, &marcus, SENIORS, "Q2", "Question 2").await).await;

    // A space made without limits gets the defaults.
    let res = app
        .send_as(
            Method::POST,
            "/api/forum/admin/spaces",
            &officer,
            &j!({"name": "Music", "rule": {"min_age": 16, "max_age": 25, "audience": "care_leavers"}}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: AdminSpaceView = json(res).await;
    assert_eq!(made.limits, FloodLimits::default());
}

#[tokio::test]
async fn limits_hold_when_requests_arrive_at_once() {
    let app = spawn_demo_app().await;
    no_wait_between_posts(&app, &[SENIORS]).await;
    let marcus = token(&app, "demo-leaver-23").await;
    let bodies: Vec<(String, String)> = (0..20)
        .map(|i| (format!("Burst {i}"), format!("Burst message {i}")))
        .collect();
    let answers = futures::future::join_all(
        bodies
            .iter()
            .map(|(t, b)| start(&app, &marcus, SENIORS, t, b)),
    )
    .await;
    let statuses: Vec<StatusCode> = answers.iter().map(reqwest::Response::status).collect();
    let made = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((made, refused), (5, 15), "{statuses:?}");
}

#[tokio::test]
async fn reports_and_requests_have_limits_too() {
    let app = spawn_demo_app().await;
    // Priya writes eleven replies; Marcus reports them all.
    let wide = FloodLimits {
        min_gap_secs: 0,
        ..FloodLimits::default()
    };
    assert_eq!(
        set_limits(&app, SENIORS, wide).await.status(),
        StatusCode::OK
    );
    let priya = token(&app, "demo-leaver-19").await;
    let t: PostOutcome = json(start(&app, &priya, SENIORS, "Rent", "Rent is going up").await).await;
    let mut posts = vec![];
    for i in 0..11 {
        let p: PostOutcome =
            json(reply(&app, &priya, &t.post.thread_id, &format!("Rent point {i}")).await).await;
        posts.push(p.post.id);
    }
    let marcus = token(&app, "demo-leaver-23").await;
    for (i, post) in posts.iter().enumerate() {
        let res = app
            .send_as(
                Method::POST,
                &format!("/api/forum/posts/{post}/report"),
                &marcus,
                &j!({"reason": "Testing"}),
            )
            .await;
        if i < 10 {
            assert_eq!(res.status(), StatusCode::CREATED, "report {i}");
        } else {
            let (_, message) = too_many(res).await;
            assert!(
                message.starts_with("You've sent a lot of reports in the last hour."),
                "{message}"
            );
        }
    }
    assert!(hits(&app)
        .await
        .iter()
        .any(|h| h.kind == FloodKind::Report && h.limit == LimitKind::PerHour));

    // Requests about the local offer: ten an hour.
    let offer: Value = json(app.get_as("/api/me/offer", &priya).await).await;
    let ids: Vec<String> = offer["not_claimed_yet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert!(ids.len() > 10, "{ids:?}");
    for (i, id) in ids.iter().take(11).enumerate() {
        let res = app
            .send_as(
                Method::POST,
                "/api/me/offer/requests",
                &priya,
                &j!({"entitlement_id": id}),
            )
            .await;
        if i < 10 {
            assert_eq!(res.status(), StatusCode::CREATED, "request {i}");
        } else {
            let (secs, message) = too_many(res).await;
            assert!(secs > 3500);
            assert!(
                message.starts_with("You've sent a lot of requests in the last hour."),
                "{message}"
            );
        }
    }
    // Hits on requests about case records are not the officer's to see.
    assert!(hits(&app).await.iter().all(|h| h.kind.is_forum()));

    // Asking for an earlier review: the same words twice are refused.
    let tyler = token(&app, "demo-teen-17").await;
    let ask = |m: &'static str| {
        let app = &app;
        let tyler = tyler.clone();
        async move {
            app.send_as(
                Method::POST,
                "/api/me/reviews/requests",
                &tyler,
                &j!({"message": m}),
            )
            .await
        }
    };
    assert_eq!(
        ask("Can it be before my exams?").await.status(),
        StatusCode::CREATED
    );
    let res = ask("can it be before my exams").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.field.as_deref(), Some("message"));
    assert_eq!(
        body.message,
        "You've already sent this. Try writing something new."
    );
}

/// The issue's flood (one account, many conversations at once): one goes
/// up (the wait between posts), the rest wait, and the officer's list gets
/// one row, not hundreds.
#[tokio::test]
async fn a_burst_like_the_issue_s_leaves_one_post_and_one_hit() {
    use futures::stream::{self, StreamExt};
    let app = spawn_demo_app().await;
    let marcus = token(&app, "demo-leaver-23").await;
    let started = std::time::Instant::now();
    let statuses: Vec<StatusCode> = stream::iter(0..300)
        .map(|i| {
            let (app, marcus) = (&app, &marcus);
            async move {
                start(
                    app,
                    marcus,
                    SENIORS,
                    &format!("Spam {i}"),
                    &format!("Spam body {i}"),
                )
                .await
                .status()
            }
        })
        .buffer_unordered(32)
        .collect()
        .await;
    let took = started.elapsed();
    let made = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    let waited = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    eprintln!("300 conversations, 32 at a time: {made} made, {waited} refused, {took:?}");
    // The default wait between posts lets only the first through at once.
    assert_eq!((made, waited), (1, 299), "{statuses:?}");
    let list = hits(&app).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!((list[0].limit, list[0].attempts), (LimitKind::Gap, 299));
    assert!(list[0].first_at <= list[0].last_at);
}
