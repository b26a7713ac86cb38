//! `GET /api/me/home`: the young person's home screen in one request.

use reqwest::Method;
use serde_json::{json as j, Value};
use shared::access::Relationship;
use shared::home::MyHome;
use shared::plans::Section;
use shared::reviews::{FeedbackScreen, FeedbackState};
use tests::{json, spawn_demo_app, StatusCode, TestApp};

async fn home(app: &TestApp, token: &str) -> MyHome {
    let res = app.get_as("/api/me/home", token).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

async fn share(app: &TestApp, sw: &str, person: &str, about_me: &str) {
    let res = app
        .send_as(
            Method::PUT,
            &format!("/api/people/{person}/plan/draft"),
            sw,
            &j!({"sections": [
                {"section": "where_i_live", "text": "You will keep living with Jo and Sam."},
                {"section": "about_me", "text": about_me},
            ]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{person}/plan/share"),
            sw,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn leo_sees_his_review_his_people_and_then_that_his_form_is_done() {
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let h = home(&app, &leo).await;
    let review = h.next_review.clone().unwrap_or_else(|| panic!("a review"));
    assert_eq!(review.days_to_go, 10);
    assert_eq!(review.feedback, FeedbackState::NotStarted);
    assert!(!review.form_done);
    let names: Vec<(Relationship, &str)> = h
        .people
        .iter()
        .map(|p| (p.relationship, p.name.as_str()))
        .collect();
    assert!(
        names.contains(&(Relationship::SocialWorker, "Sam Patel")),
        "{names:?}"
    );
    assert!(
        names.contains(&(Relationship::Iro, "Chris Evans")),
        "{names:?}"
    );
    assert!(h.people.iter().all(|p| !p.role_explained.is_empty()));
    // The same review as the review screen's.
    let s: FeedbackScreen = json(app.get_as("/api/me/feedback", &leo).await).await;
    assert_eq!(s.review.id, review.id);

    let res = app
        .send_as(
            Method::POST,
            "/api/me/feedback",
            &leo,
            &j!({"submission_id": uuid::Uuid::new_v4().to_string(),
                 "review_id": s.review.id, "form_id": s.form.id,
                 "answers": [{"question": "where_i_live", "scale": 5}]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let review = home(&app, &leo)
        .await
        .next_review
        .unwrap_or_else(|| panic!("still booked"));
    assert_eq!(review.feedback, FeedbackState::Sent);
    assert!(review.form_done);

    // Staff have no home screen of this kind.
    let sw = app.login("demo-sw").await.access_token;
    assert_eq!(
        app.get_as("/api/me/home", &sw).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/me/home").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn aisha_sees_her_plans_latest_change_and_her_unread_count() {
    let app = spawn_demo_app().await;
    let aisha = app.login("demo-teen-14").await.access_token;
    let sw = app.login("demo-sw").await.access_token;
    let id = app.person_id(&sw, "Aisha").await;
    let before = home(&app, &aisha).await;
    assert!(before.plan.is_none(), "nothing shared with Aisha yet");

    share(&app, &sw, &id, "You love drawing and football.").await;
    let h = home(&app, &aisha).await;
    let plan = h.plan.unwrap_or_else(|| panic!("shared"));
    assert_eq!(plan.version, 1);
    assert!(plan.changed.is_empty(), "a first version changes nothing");
    assert_eq!(h.unread_notifications, before.unread_notifications + 1);

    share(
        &app,
        &sw,
        &id,
        "You love drawing, football and your new bike.",
    )
    .await;
    let h = home(&app, &aisha).await;
    let plan = h.plan.unwrap_or_else(|| panic!("shared"));
    assert_eq!(plan.version, 2);
    assert_eq!(plan.changed, vec![Section::AboutMe]);
    assert_eq!(h.unread_notifications, before.unread_notifications + 2);

    let res = app
        .send_as(
            Method::POST,
            "/api/me/notifications/read-all",
            &aisha,
            &j!({}),
        )
        .await;
    assert!(res.status().is_success());
    assert_eq!(home(&app, &aisha).await.unread_notifications, 0);
}

#[tokio::test]
async fn what_is_new_in_the_offer_is_only_what_is_for_me() {
    let app = spawn_demo_app().await;
    let admin = app.login("demo-admin").await.access_token;
    let priya = app.login("demo-leaver-19").await.access_token;
    let leo = app.login("demo-child-10").await.access_token;
    assert!(!home(&app, &priya)
        .await
        .offer_news
        .iter()
        .any(|n| n.id == "he-bursary"));

    // The higher education bursary goes up: for Priya (at university), not
    // for Leo (10).
    let list: Value = json(app.get_as("/api/offer/entitlements", &admin).await).await;
    let e = list["entitlements"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["entry"]["id"] == "he-bursary"))
        .map(|e| e["entry"].clone())
        .unwrap_or_else(|| panic!("the HE bursary"));
    let body = j!({
        "section": e["section"], "area": e["area"], "title": e["title"],
        "summary": e["summary"], "detail": e["detail"], "amount": "£2,500",
        "amount_is": e["amount_is"], "payment": e["payment"],
        "how_to_claim": e["how_to_claim"], "what_to_bring": e["what_to_bring"],
        "contact": e["contact"], "rule": e["rule"],
        "change_note": "New figure agreed.",
    });
    let res = app
        .send_as(
            Method::PUT,
            "/api/offer/entitlements/he-bursary",
            &admin,
            &body,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    let news = home(&app, &priya).await.offer_news;
    let he = news
        .iter()
        .find(|n| n.id == "he-bursary")
        .unwrap_or_else(|| panic!("news for Priya: {news:?}"));
    assert_eq!(
        he.update_note.as_deref(),
        Some("The amount changed from £2,000 to £2,500.")
    );
    assert!(!home(&app, &leo)
        .await
        .offer_news
        .iter()
        .any(|n| n.id == "he-bursary"));
}
