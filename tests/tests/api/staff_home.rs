//! `GET /api/staff/home`: a member of staff's home screen in one request.
//! Every count must match the list its link opens, for every role, and move
//! when the work does.

use chrono::{Duration, NaiveDate};
use reqwest::Method;
use serde_json::{json as j, Value};
use shared::forum::{ModerationQueue, PostOutcome};
use shared::home::{MyHome, StaffHome, REVIEW_DUE_SOON_DAYS};
use shared::offer::{OfferRequestView, RequestStatus};
use shared::plans::PlanQueryView;
use shared::reviews::{AlertView, FeedbackScreen, ReviewListRow};
use tests::{json, spawn_demo_app, StatusCode, TestApp};

const STAFF: [&str; 6] = [
    "demo-sw",
    "demo-pa",
    "demo-iro",
    "demo-manager",
    "demo-admin",
    "demo-participation",
];

async fn staff_home(app: &TestApp, token: &str) -> StaffHome {
    let res = app.get_as("/api/staff/home", token).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

async fn list<T: serde::de::DeserializeOwned>(app: &TestApp, token: &str, path: &str) -> T {
    let res = app.get_as(path, token).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    json(res).await
}

/// The council's today, as Leo's home screen counts his days to go.
async fn council_today(app: &TestApp) -> NaiveDate {
    let leo = app.login("demo-child-10").await.access_token;
    let home: MyHome = list(app, &leo, "/api/me/home").await;
    let r = home
        .next_review
        .unwrap_or_else(|| panic!("Leo has a review"));
    r.date - Duration::days(r.days_to_go)
}

/// Each part of `username`'s home against the list its link opens.
async fn matches_its_lists(app: &TestApp, username: &str, today: NaiveDate) -> StaffHome {
    let t = app.login(username).await.access_token;
    let h = staff_home(app, &t).await;
    let status = |path: &'static str| {
        let t = t.clone();
        async move { app.get_as(path, &t).await.status() }
    };

    match h.caseload {
        Some(n) => {
            let people: Vec<Value> = list(app, &t, "/api/people").await;
            assert_eq!(n as usize, people.len(), "{username}: caseload");
        }
        None => assert_eq!(status("/api/people").await, StatusCode::NOT_FOUND),
    }

    match h.reviews {
        Some(c) => {
            let rows: Vec<ReviewListRow> = list(app, &t, "/api/reviews").await;
            let overdue: Vec<ReviewListRow> = list(app, &t, "/api/reviews?overdue=true").await;
            assert_eq!(c.overdue as usize, overdue.len(), "{username}: overdue");
            let soon = today + Duration::days(REVIEW_DUE_SOON_DAYS);
            let due_soon = rows
                .iter()
                .filter(|r| !r.overdue && r.next_due.is_some_and(|d| d.due <= soon))
                .count();
            assert_eq!(c.due_soon as usize, due_soon, "{username}: due soon");
            let booked_soon = rows
                .iter()
                .filter(|r| r.booked_date.is_some_and(|d| d >= today && d <= soon))
                .count();
            assert_eq!(c.booked_soon as usize, booked_soon, "{username}: booked");
        }
        None => assert_eq!(status("/api/reviews").await, StatusCode::NOT_FOUND),
    }

    match h.offer_requests {
        Some(c) => {
            let rows: Vec<OfferRequestView> = list(app, &t, "/api/offer/requests").await;
            assert_eq!(c.open as usize, rows.len(), "{username}: requests");
            let new = rows
                .iter()
                .filter(|r| r.status == RequestStatus::Asked)
                .count();
            assert_eq!(c.new as usize, new, "{username}: new requests");
        }
        None => assert_eq!(status("/api/offer/requests").await, StatusCode::NOT_FOUND),
    }

    if let Some(n) = h.plan_questions {
        let rows: Vec<PlanQueryView> = list(app, &t, "/api/plan-questions").await;
        let waiting = rows.iter().filter(|q| q.answer.is_none()).count();
        assert_eq!(n as usize, waiting, "{username}: plan questions");
    }

    match h.safeguarding_alerts {
        Some(n) => {
            let rows: Vec<AlertView> = list(app, &t, "/api/safeguarding-alerts").await;
            assert_eq!(n as usize, rows.len(), "{username}: alerts");
        }
        None => assert_eq!(
            status("/api/safeguarding-alerts").await,
            StatusCode::NOT_FOUND
        ),
    }

    match h.moderation {
        Some(c) => {
            let q: ModerationQueue = list(app, &t, "/api/forum/moderation/queue").await;
            assert_eq!(c.waiting as usize, q.held.len(), "{username}: waiting");
            let harm = q.held.iter().filter(|i| i.post.suggests_harm).count();
            assert_eq!(c.suggests_harm as usize, harm, "{username}: harm");
            assert_eq!(
                c.reported as usize,
                q.reported.len(),
                "{username}: reported"
            );
            assert_eq!(c.flagged as usize, q.flagged.len(), "{username}: flagged");
        }
        None => assert_eq!(
            status("/api/forum/moderation/queue").await,
            StatusCode::NOT_FOUND
        ),
    }
    h
}

async fn check_everyone(app: &TestApp) -> Vec<StaffHome> {
    let today = council_today(app).await;
    let mut out = vec![];
    for u in STAFF {
        out.push(matches_its_lists(app, u, today).await);
    }
    out
}

#[tokio::test]
async fn each_role_gets_its_own_parts_and_every_count_matches_its_list() {
    let app = spawn_demo_app().await;
    let homes = check_everyone(&app).await;
    let [sw, pa, iro, manager, admin, officer] = homes.as_slice() else {
        panic!("six homes");
    };
    // Sam works with Mia, Leo, Aisha and Tyler; Jo with Tyler, Priya and
    // Marcus.
    assert_eq!(sw.caseload, Some(4));
    assert_eq!(pa.caseload, Some(3));
    for h in [sw, pa, iro] {
        assert_eq!(h.feedback_to_read, Some(vec![]));
        assert!(h.reviews.is_some() && h.plan_questions.is_some());
        assert!(h.moderation.is_none());
    }
    assert!(sw.offer_requests.is_some() && sw.safeguarding_alerts.is_some());
    // The IRO chairs meetings: Leo's and Tyler's are booked.
    let r = iro.reviews.unwrap_or_default();
    assert!(r.booked_soon >= 1 && r.overdue >= 1, "{r:?}");
    assert!(iro.offer_requests.is_none() && iro.safeguarding_alerts.is_none());
    // A manager sees the team's reviews, and reads nobody's views.
    assert!(manager.reviews.is_some() && manager.feedback_to_read.is_none());
    // An administrator: names only, nothing of anyone's case.
    assert!(admin.caseload.is_some());
    assert_eq!(
        StaffHome {
            caseload: None,
            ..admin.clone()
        },
        StaffHome::default()
    );
    // The participation officer: the moderation queue only.
    assert!(officer.moderation.is_some());
    assert_eq!(
        StaffHome {
            moderation: None,
            ..officer.clone()
        },
        StaffHome::default()
    );

    // Young people have their own home; nobody signed out has any.
    let leo = app.login("demo-child-10").await.access_token;
    assert_eq!(
        app.get_as("/api/staff/home", &leo).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/staff/home").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_counts_move_with_the_work() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await.access_token;
    let iro = app.login("demo-iro").await.access_token;
    let officer = app.login("demo-participation").await.access_token;
    let leo = app.login("demo-child-10").await.access_token;
    let aisha = app.login("demo-teen-14").await.access_token;
    let before_sw = staff_home(&app, &sw).await;
    let before_po = staff_home(&app, &officer).await;

    // Leo sends his "good for me" form: Sam and Chris (the readers he gets
    // by default) each have his views to read.
    let s: FeedbackScreen = list(&app, &leo, "/api/me/feedback").await;
    let res = app
        .send_as(
            Method::POST,
            "/api/me/feedback",
            &leo,
            &j!({"submission_id": uuid::Uuid::new_v4().to_string(),
                 "review_id": s.review.id, "form_id": s.form.id,
                 "answers": [{"question": "where_i_live", "scale": 4}]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let leo_id = app.person_id(&sw, "Leo").await;
    for t in [&sw, &iro] {
        let waiting = staff_home(&app, t).await.feedback_to_read;
        let w = waiting
            .as_deref()
            .and_then(|w| w.first())
            .unwrap_or_else(|| panic!("Leo's views wait: {waiting:?}"));
        assert_eq!((w.name.as_str(), w.waiting), ("Leo", 1));
        assert_eq!(w.young_person_id, leo_id);
    }

    // Aisha asks about her plan and about something in her offer.
    let res = app
        .send_as(
            Method::PUT,
            &format!(
                "/api/people/{}/plan/draft",
                app.person_id(&sw, "Aisha").await
            ),
            &sw,
            &j!({"sections": [{"section": "about_me", "text": "You love drawing and football."}]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .send_as(
            Method::POST,
            &format!(
                "/api/people/{}/plan/share",
                app.person_id(&sw, "Aisha").await
            ),
            &sw,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .send_as(
            Method::POST,
            "/api/me/plan/questions",
            &aisha,
            &j!({"section": "about_me", "kind": "dont_understand"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let offer: Value = list(&app, &aisha, "/api/me/offer").await;
    let ids: Vec<String> = offer["areas"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|a| a["entries"].as_array().cloned().unwrap_or_default())
        .filter(|e| e["for_me"]["applies"] == true)
        .filter_map(|e| e["entry"]["id"].as_str().map(str::to_owned))
        .collect();
    let mut asked = false;
    for id in &ids {
        let res = app
            .send_as(
                Method::POST,
                "/api/me/offer/requests",
                &aisha,
                &j!({"entitlement_id": id}),
            )
            .await;
        if res.status() == StatusCode::CREATED {
            asked = true;
            break;
        }
    }
    assert!(asked, "Aisha could ask about one of {ids:?}");

    // Tyler starts a conversation in Positive Journeys: it waits for the
    // participation officer.
    let tyler = app.login("demo-teen-17").await.access_token;
    let res = app
        .send_as(
            Method::POST,
            "/api/forum/spaces/positive-journeys/threads",
            &tyler,
            &j!({"title": "Hello", "body": "Hello everyone, I am new here."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let _: PostOutcome = json(res).await;

    let after_sw = staff_home(&app, &sw).await;
    assert_eq!(
        after_sw.plan_questions,
        before_sw.plan_questions.map(|n| n + 1)
    );
    let (b, a) = (
        before_sw.offer_requests.unwrap_or_default(),
        after_sw.offer_requests.unwrap_or_default(),
    );
    assert_eq!((a.open, a.new), (b.open + 1, b.new + 1));
    let (b, a) = (
        before_po.moderation.unwrap_or_default(),
        staff_home(&app, &officer)
            .await
            .moderation
            .unwrap_or_default(),
    );
    assert_eq!(a.waiting, b.waiting + 1);
    // And still every count matches its list.
    check_everyone(&app).await;

    // Chris answers Leo ("you said, we did"): nothing waits for either
    // reader.
    let f: Vec<Value> = list(&app, &sw, &format!("/api/people/{leo_id}/feedback")).await;
    let feedback_id = f
        .first()
        .and_then(|f| f["id"].as_str())
        .unwrap_or_else(|| panic!("Leo's views: {f:?}"))
        .to_owned();
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{leo_id}/feedback/answer"),
            &iro,
            &j!({"feedback_id": feedback_id, "answer": "Thank you. We will talk about your room at the review."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    for t in [&sw, &iro] {
        assert_eq!(staff_home(&app, t).await.feedback_to_read, Some(vec![]));
    }
}
