//! Everywhere a young person writes, words that suggest harm are caught:
//! a request about the local offer, a question about the plan, a report's
//! reason and a note when signing up for an event. Each raises an alert for
//! a worker and answers the young person with help now (Childline, the duty
//! desk and 999). Feedback, requests for an earlier review, posts and poll
//! answers have their own tests.

use chrono::{Duration, Utc};
use reqwest::Method;
use serde_json::{json as j, Value};
use shared::forum::{PostOutcome, ReportReceipt, SignUpOutcome};
use shared::offer::OfferRequestView;
use shared::plans::PlanQueryView;
use shared::push::NotificationView;
use shared::reviews::{AlertView, SupportMessage};
use tests::{json, spawn_demo_app, StatusCode, TestApp};

fn assert_kind_help(support: Option<&SupportMessage>, what: &str) {
    let s = support.unwrap_or_else(|| panic!("{what}: help for the young person"));
    assert!(s.message.contains("0800 1111"), "{what}: {}", s.message);
    assert!(s.message.contains("999"), "{what}: {}", s.message);
    assert_eq!(s.childline_phone, "0800 1111");
    assert!(!s.duty_phone.is_empty());
}

async fn alerts(app: &TestApp, username: &str) -> Vec<AlertView> {
    let t = app.login(username).await.access_token;
    let res = app.get_as("/api/safeguarding-alerts", &t).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

/// Someone's notifications of a kind.
async fn notes(app: &TestApp, username: &str, kind: &str) -> usize {
    let t = app.login(username).await.access_token;
    let list: Vec<NotificationView> = json(app.get_as("/api/me/notifications", &t).await).await;
    list.iter().filter(|n| n.kind == kind).count()
}

#[tokio::test]
async fn a_request_about_the_local_offer() {
    let app = spawn_demo_app().await;
    let priya = app.login("demo-leaver-19").await.access_token;
    let marcus = app.login("demo-leaver-23").await.access_token;
    // First an ordinary one: no help, no alert.
    let res = app
        .send_as(
            Method::POST,
            "/api/me/offer/requests",
            &marcus,
            &j!({"entitlement_id": "driving-lessons", "message": "I start in September."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let plain: OfferRequestView = json(res).await;
    assert!(plain.support.is_none());
    assert!(alerts(&app, "demo-pa").await.is_empty());

    let res = app
        .send_as(
            Method::POST,
            "/api/me/offer/requests",
            &priya,
            &j!({"entitlement_id": "he-bursary",
                 "message": "i need this money. honestly i dont want to be here anymore"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let sent: OfferRequestView = json(res).await;
    assert_kind_help(sent.support.as_ref(), "offer request");
    let open = alerts(&app, "demo-pa").await;
    let alert = open
        .iter()
        .find(|a| a.source == "offer_request")
        .unwrap_or_else(|| panic!("an alert: {open:?}"));
    assert_eq!(alert.young_person_name, "Priya");
    assert!(alert.excerpt.contains("dont want to be here"));
    // The list of requests does not carry the help again.
    let mine: Vec<OfferRequestView> =
        json(app.get_as("/api/me/offer/requests", &priya).await).await;
    assert!(mine.iter().all(|r| r.support.is_none()));
}

#[tokio::test]
async fn a_question_about_my_plan() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await.access_token;
    let leo = app.person_id(&sw, "Leo").await;
    app.send_as(
        Method::PUT,
        &format!("/api/people/{leo}/plan/draft"),
        &sw,
        &j!({"sections": [{"section": "family_time", "text": "You will see your dad on Saturdays."}]}),
    )
    .await;
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{leo}/plan/share"),
            &sw,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let child = app.login("demo-child-10").await.access_token;
    let res = app
        .send_as(
            Method::POST,
            "/api/me/plan/questions",
            &child,
            &j!({"section": "family_time", "kind": "dont_agree",
                 "message": "I dont want to see my dad. He hits me when nobody is looking"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let asked: PlanQueryView = json(res).await;
    assert_kind_help(asked.support.as_ref(), "plan question");
    let open = alerts(&app, "demo-sw").await;
    assert!(
        open.iter()
            .any(|a| a.source == "plan_question" && a.young_person_name == "Leo"),
        "{open:?}"
    );
}

#[tokio::test]
async fn a_report_reason_and_a_sign_up_note() {
    let app = spawn_demo_app().await;
    let aisha = app.login("demo-teen-14").await.access_token;
    let tyler = app.login("demo-teen-17").await.access_token;
    let officer = app.login("demo-participation").await.access_token;

    // A post by Tyler, put up, that Aisha reports.
    let res = app
        .send_as(
            Method::POST,
            "/api/forum/spaces/positive-journeys/threads",
            &tyler,
            &j!({"title": "Weekend", "body": "Anyone going to the trip?"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let post: PostOutcome = json(res).await;
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/forum/moderation/posts/{}/approve", post.post.id),
            &officer,
            &j!({}),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let before = notes(&app, "demo-sw", "forum_harm_alert").await;
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/forum/posts/{}/report", post.post.id),
            &aisha,
            &j!({"reason": "he keeps messaging me and i'm scared to go home"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: ReportReceipt = json(res).await;
    let help = receipt
        .help
        .unwrap_or_else(|| panic!("help for a worrying reason"));
    assert!(help.message.contains("0800 1111") && help.message.contains("999"));
    let after = notes(&app, "demo-sw", "forum_harm_alert").await;
    assert_eq!(after, before + 1, "Aisha's social worker is alerted");

    // A sign-up note.
    let start = Utc::now() + Duration::days(10);
    let res = app
        .send_as(
            Method::POST,
            "/api/forum/admin/events",
            &officer,
            &j!({"space": "positive-journeys", "kind": "trip", "title": "Trip to the beach",
                 "description": "A day at the seaside.", "location": "Bexleyheath station",
                 "starts_at": start, "ends_at": start + Duration::hours(6), "places": 10}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let event: Value = json(res).await;
    let id = event["event"]["id"].as_str().unwrap_or_default().to_owned();
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/forum/events/{id}/signup"),
            &aisha,
            &j!({"note": "I need to get away, my mums boyfriend hurts me"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let done: SignUpOutcome = json(res).await;
    assert!(done.help.is_some(), "help for a worrying note");
    let later = notes(&app, "demo-sw", "forum_harm_alert").await;
    assert_eq!(later, after + 1);

    // An ordinary note: no help.
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/forum/events/{id}/signup"),
            &tyler,
            &j!({"note": "Can I bring my own lunch?"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let done: SignUpOutcome = json(res).await;
    assert!(done.help.is_none());
}
