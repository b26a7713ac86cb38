//! Reviews and "good for me" feedback forms (issue 6).

use chrono::{Duration, NaiveDate, Utc};
use reqwest::Method;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json as j, Value};
use shared::api::ErrorBody;
use shared::review_schedule::{ReviewKind, ReviewPolicy};
use shared::reviews::{
    AlertRoute, AlertView, FeedbackScreen, FeedbackState, FormKey, InsightsReport, MyReviews,
    ReviewListRow, ReviewRequestSent, SentFeedback, StaffFeedback, StaffReviewsView,
};
use tests::{json, spawn_demo_app, StatusCode, TestApp};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

async fn staff_id(app: &TestApp, username: &str) -> String {
    backend::repo::accounts::by_username(&app.db, username)
        .await
        .ok()
        .flatten()
        .map(|a| a.public_id)
        .unwrap_or_else(|| panic!("no account {username}"))
}

async fn account_id(app: &TestApp, username: &str) -> i32 {
    backend::repo::accounts::by_username(&app.db, username)
        .await
        .ok()
        .flatten()
        .map(|a| a.id)
        .unwrap_or_else(|| panic!("no account {username}"))
}

/// This account's notifications of one kind: (urgent, body).
async fn notes(app: &TestApp, username: &str, kind: &str) -> Vec<(bool, String)> {
    let id = account_id(app, username).await;
    backend::entities::notification::Entity::find()
        .filter(backend::entities::notification::Column::AccountId.eq(id))
        .filter(backend::entities::notification::Column::Kind.eq(kind))
        .all(&app.db)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|n| (n.urgent, n.body))
        .collect()
}

async fn feedback_rows(app: &TestApp) -> u64 {
    backend::entities::feedback::Entity::find()
        .count(&app.db)
        .await
        .unwrap_or(u64::MAX)
}

async fn answer_rows(app: &TestApp) -> u64 {
    backend::entities::feedback_answer::Entity::find()
        .count(&app.db)
        .await
        .unwrap_or(u64::MAX)
}

async fn screen(app: &TestApp, token: &str) -> FeedbackScreen {
    let res = app.get_as("/api/me/feedback", token).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A full set of answers to the 8 to 11 form.
fn leo_answers(better: &str) -> Value {
    j!([
        {"question": "where_i_live", "scale": 5, "text": "I like my room."},
        {"question": "school", "scale": 3},
        {"question": "family_time", "scale": 2, "text": "I don't see my brother enough."},
        {"question": "social_worker", "scale": 4},
        {"question": "talk_about", "text": "I want to talk about seeing my brother more."},
        {"question": "who_there", "choices": ["carer", "social_worker"]},
        {"question": "take_part", "choices": ["attend"]},
        {"question": "better", "text": better},
    ])
}

#[tokio::test]
async fn leo_fills_the_form_the_iro_answers_and_leo_sees_it_after_the_review() {
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;

    // My review: in 10 days, chaired by Chris Evans; nothing sent yet.
    let mine: MyReviews = json(app.get_as("/api/me/reviews", &leo).await).await;
    let next = mine.next.clone().unwrap_or_else(|| panic!("a review"));
    assert_eq!(next.days_to_go, 10);
    assert_eq!(next.chair.as_deref(), Some("Chris Evans, your IRO"));
    assert_eq!(next.feedback, FeedbackState::NotStarted);
    assert_eq!(next.form, FormKey::From8To11);
    assert!(mine.due.is_some());
    assert_eq!(mine.past.len(), 3, "Leo's three reviews so far");

    // The form for 8 to 11, who reads it by default, and in words.
    let s = screen(&app, &leo).await;
    assert_eq!(s.form.key, FormKey::From8To11);
    assert_eq!(s.review.id, next.id);
    assert!(s.draft.is_none() && s.sent.is_none());
    let defaults: Vec<&str> = s
        .reader_options
        .iter()
        .filter(|o| o.default)
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(defaults.len(), 2, "{defaults:?}");
    assert!(defaults.contains(&"Chris Evans") && defaults.contains(&"Sam Patel"));
    assert!(
        s.who_will_see
            .starts_with("Only Chris Evans (your IRO) and Sam Patel (your social worker) will see"),
        "{}",
        s.who_will_see
    );
    // Faces have keys the app can draw; every question can be skipped.
    let faces = &s.form.questions[0].options;
    assert_eq!(faces.len(), 5);
    assert_eq!(faces[0].picture.as_deref(), Some("very_sad"));

    // Half-way: a draft on the server.
    let form_id = s.form.id.clone();
    let review_id = s.review.id.clone();
    let res = app
        .send_as(
            Method::PUT,
            "/api/me/feedback/draft",
            &leo,
            &j!({"review_id": review_id, "form_id": form_id, "answers": [
                {"question": "where_i_live", "scale": 5},
                {"question": "school", "scale": 3, "text": "Maths is hard."},
            ]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let first: Value = json(res).await;
    // Another device sees it; the last write wins.
    let s = screen(&app, &leo).await;
    assert_eq!(s.draft.as_ref().map(|d| d.answers.len()), Some(2));
    let mine: MyReviews = json(app.get_as("/api/me/reviews", &leo).await).await;
    assert_eq!(
        mine.next.map(|n| n.feedback),
        Some(FeedbackState::DraftSaved)
    );
    let res = app
        .send_as(
            Method::PUT,
            "/api/me/feedback/draft",
            &leo,
            &j!({"review_id": review_id, "form_id": form_id, "answers": [
                {"question": "where_i_live", "scale": 4},
                {"question": "school", "scale": 3},
                {"question": "health", "scale": 5},
            ]}),
        )
        .await;
    let second: Value = json(res).await;
    assert!(second["updated_at"].as_str() >= first["updated_at"].as_str());
    let s = screen(&app, &leo).await;
    let draft = s.draft.unwrap_or_else(|| panic!("draft"));
    assert_eq!(draft.answers.len(), 3);
    assert_eq!(draft.answers[0].scale, Some(4));

    // Send it.
    let submission = uuid();
    let res = app
        .send_as(
            Method::POST,
            "/api/me/feedback",
            &leo,
            &j!({"submission_id": submission, "review_id": review_id, "form_id": form_id,
                 "answers": leo_answers("More time with my brother.")}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let sent: SentFeedback = json(res).await;
    assert_eq!(sent.readers.len(), 2);
    assert!(sent.support.is_none());
    assert!(sent.who_will_see.contains("Chris Evans (your IRO)"));
    let s = screen(&app, &leo).await;
    assert!(s.draft.is_none(), "the draft goes once sent");
    assert_eq!(s.sent.as_ref().map(|x| x.id.clone()), Some(sent.id.clone()));
    assert_eq!(s.sent_answers.len(), 8);

    // The IRO reads it before the meeting, question by question.
    let iro = app.login("demo-iro").await.access_token;
    let leo_id = app.person_id(&iro, "Leo").await;
    assert!(!notes(&app, "demo-iro", "review_feedback").await.is_empty());
    let list: Vec<StaffFeedback> = json(
        app.get_as(&format!("/api/people/{leo_id}/feedback"), &iro)
            .await,
    )
    .await;
    assert_eq!(list.len(), 1);
    let f = &list[0];
    assert_eq!(f.form_version, 1);
    let talk = f
        .answered
        .iter()
        .find(|a| a.key == "talk_about")
        .unwrap_or_else(|| panic!("talk_about"));
    assert_eq!(
        talk.text.as_deref(),
        Some("I want to talk about seeing my brother more.")
    );
    let home = f
        .answered
        .iter()
        .find(|a| a.key == "where_i_live")
        .unwrap_or_else(|| panic!("home"));
    assert_eq!(home.scale_label.as_deref(), Some("Really happy"));
    assert!(f
        .skipped
        .contains(&"How do you feel about your health?".to_owned()));
    let who = f
        .answered
        .iter()
        .find(|a| a.key == "who_there")
        .unwrap_or_else(|| panic!("who"));
    assert_eq!(
        who.choices,
        vec!["The people I live with", "My social worker"]
    );
    // The reviews list shows the views are in.
    let rows: Vec<ReviewListRow> = json(app.get_as("/api/reviews", &iro).await).await;
    let row = rows
        .iter()
        .find(|r| r.young_person_id == leo_id)
        .unwrap_or_else(|| panic!("Leo in the list"));
    assert!(row.feedback_sent);
    assert_eq!(row.booked_id.as_deref(), Some(review_id.as_str()));

    // You said, we did.
    let answer = "You said you want to see your brother more. We have set up a visit every month.";
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{leo_id}/feedback/answer"),
            &iro,
            &j!({"feedback_id": f.id, "answer": answer}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let answered: StaffFeedback = json(res).await;
    assert!(!answered.answer_shown_to_child);
    // Not before the review.
    let s = screen(&app, &leo).await;
    assert!(s.sent.and_then(|x| x.you_said_we_did).is_none());

    // The review is held; the IRO writes what was decided, plainly.
    let held_on = Utc::now().date_naive() - Duration::days(1);
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{leo_id}/reviews/outcome"),
            &iro,
            &j!({"review_id": review_id, "held_on": held_on,
                 "outcomes": "We talked about school and your brother.",
                 "decisions": "You will see your brother once a month. Your carer will help with maths."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: StaffReviewsView = json(res).await;
    let done = view
        .reviews
        .iter()
        .find(|r| r.id == review_id)
        .unwrap_or_else(|| panic!("review"));
    assert_eq!(done.checks.len(), 2);
    assert!(
        done.checks.iter().all(|c| c.report.passes),
        "{:?}",
        done.checks
    );
    assert!(done.feedback_sent && done.feedback_answered);

    // Now Leo sees it, with what was decided.
    let mine: MyReviews = json(app.get_as("/api/me/reviews", &leo).await).await;
    assert!(mine.next.is_none());
    let last = &mine.past[0];
    assert_eq!(last.id, review_id);
    let ysd = last
        .you_said_we_did
        .clone()
        .unwrap_or_else(|| panic!("you said, we did"));
    assert_eq!(ysd.answer, answer);
    assert_eq!(ysd.by, "Chris Evans");
    assert!(last
        .decisions
        .as_deref()
        .unwrap_or_default()
        .contains("once a month"));
    let told = notes(&app, "demo-child-10", "review_outcome").await;
    assert!(told
        .iter()
        .any(|(_, b)| b.contains("answer to what you said")));
    let s: FeedbackScreen = json(
        app.get_as(&format!("/api/me/feedback?review_id={review_id}"), &leo)
            .await,
    )
    .await;
    assert_eq!(
        s.sent.and_then(|x| x.you_said_we_did).map(|y| y.answer),
        Some(answer.to_owned())
    );
}

#[tokio::test]
async fn the_calendar_file_says_only_my_review_meeting_and_the_place() {
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let res = app.get_as("/api/me/reviews/next.ics", &leo).await;
    assert_eq!(res.status(), StatusCode::OK);
    let ct = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(ct.starts_with("text/calendar"), "{ct}");
    let ics = res.text().await.unwrap_or_default();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.contains("SUMMARY:My review meeting\r\n"));
    assert!(ics.contains("LOCATION:At home\\, in the living room\r\n"));
    let day = (Utc::now().date_naive() + Duration::days(10))
        .format("%Y%m%d")
        .to_string();
    assert!(
        ics.contains(&format!("DTSTART;TZID=Europe/London:{day}T160000")),
        "{ics}"
    );
    for secret in ["Leo", "Chris", "Sam", "IRO", "care"] {
        assert!(!ics.contains(secret), "{secret} in {ics}");
    }
    // Someone with no review booked: nothing to add.
    let priya = app.login("demo-leaver-19").await.access_token;
    let res = app.get_as("/api/me/reviews/next.ics", &priya).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_second_send_with_the_same_id_stores_one_answer() {
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let s = screen(&app, &leo).await;
    let submission = uuid();
    let body = j!({"submission_id": submission, "review_id": s.review.id, "form_id": s.form.id,
                   "answers": leo_answers("Nothing, thanks.")});
    // Twice at once, as a phone on a bad connection might.
    let (a, b) = tokio::join!(
        app.send_as(Method::POST, "/api/me/feedback", &leo, &body),
        app.send_as(Method::POST, "/api/me/feedback", &leo, &body),
    );
    assert_eq!(a.status(), StatusCode::CREATED);
    assert_eq!(b.status(), StatusCode::CREATED);
    let a: SentFeedback = json(a).await;
    let b: SentFeedback = json(b).await;
    assert_eq!(a, b);
    // And again later: the same answer, marked as a replay.
    let c = app
        .send_as(Method::POST, "/api/me/feedback", &leo, &body)
        .await;
    assert_eq!(c.status(), StatusCode::CREATED);
    assert_eq!(
        c.headers()
            .get("idempotent-replayed")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    let c: SentFeedback = json(c).await;
    assert_eq!(c, a);
    assert_eq!(feedback_rows(&app).await, 1);
    assert_eq!(answer_rows(&app).await, 8);
    assert_eq!(notes(&app, "demo-iro", "review_feedback").await.len(), 1);
    // A different id for the same review: already sent.
    let res = app
        .send_as(
            Method::POST,
            "/api/me/feedback",
            &leo,
            &j!({"submission_id": uuid(), "review_id": s.review.id, "form_id": s.form.id, "answers": []}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // A draft after sending is refused too.
    let res = app
        .send_as(
            Method::PUT,
            "/api/me/feedback/draft",
            &leo,
            &j!({"review_id": s.review.id, "form_id": s.form.id, "answers": []}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(feedback_rows(&app).await, 1);
}

#[tokio::test]
async fn bad_answers_are_refused_with_the_field_named_and_nothing_stored() {
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let s = screen(&app, &leo).await;
    let send = |answers: Value, extra: Value| {
        let mut body = j!({"submission_id": uuid(), "review_id": s.review.id,
                           "form_id": s.form.id, "answers": answers});
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            for (k, v) in e {
                b.insert(k.clone(), v.clone());
            }
        }
        let app = &app;
        let leo = leo.clone();
        async move {
            let res = app
                .send_as(Method::POST, "/api/me/feedback", &leo, &body)
                .await;
            let status = res.status();
            let body: ErrorBody = json(res).await;
            (status, body.field.unwrap_or_default(), body.message)
        }
    };
    // Valid answers first, then one bad one: nothing at all is kept.
    let mut answers = leo_answers("ok");
    if let Some(list) = answers.as_array_mut() {
        list.push(j!({"question": "pets", "scale": 3}));
    }
    let (status, field, _) = send(answers, j!({})).await;
    assert_eq!(
        (status, field.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "answers.pets")
    );
    let (status, field, message) = send(
        j!([{"question": "better", "text": "a".repeat(1001)}]),
        j!({}),
    )
    .await;
    assert_eq!(
        (status, field.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "answers.better.text")
    );
    assert!(message.contains("1000"), "{message}");
    let (status, field, _) = send(j!([{"question": "school", "scale": 7}]), j!({})).await;
    assert_eq!(
        (status, field.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "answers.school.scale")
    );
    let (status, field, _) = send(
        j!([{"question": "who_there", "choices": ["dragon"]}]),
        j!({}),
    )
    .await;
    assert_eq!(
        (status, field.as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "answers.who_there.choices"
        )
    );
    let (status, field, _) = send(j!([]), j!({"submission_id": "twice"})).await;
    assert_eq!(
        (status, field.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "submission_id")
    );
    let (status, field, _) = send(j!([]), j!({"form_id": "no-such-form"})).await;
    assert_eq!(
        (status, field.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "form_id")
    );
    // Only my own workers can be chosen to read it.
    let pa = staff_id(&app, "demo-pa").await;
    let (status, field, _) = send(j!([]), j!({"readers": [pa]})).await;
    assert_eq!(
        (status, field.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "readers")
    );
    let (status, field, _) = send(j!([]), j!({"readers": []})).await;
    assert_eq!(
        (status, field.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "readers")
    );

    // Someone else's review does not exist for me.
    let iro = app.login("demo-iro").await.access_token;
    let aisha = app.person_id(&iro, "Aisha").await;
    let theirs: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{aisha}/reviews"), &iro)
            .await,
    )
    .await;
    let other_review = theirs.reviews[0].id.clone();
    let (status, _, _) = send(j!([]), j!({"review_id": other_review})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let res = app
        .get_as(&format!("/api/me/feedback?review_id={other_review}"), &leo)
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .send_as(
            Method::PUT,
            "/api/me/feedback/draft",
            &leo,
            &j!({"review_id": other_review, "form_id": s.form.id, "answers": []}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // A review that has happened takes no new views.
    let leo_id = app.person_id(&iro, "Leo").await;
    let past: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{leo_id}/reviews"), &iro)
            .await,
    )
    .await;
    let old = past
        .reviews
        .iter()
        .find(|r| r.held_on.is_some())
        .map(|r| r.id.clone())
        .unwrap_or_default();
    let (status, field, _) = send(j!([]), j!({"review_id": old})).await;
    assert_eq!(
        (status, field.as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "review_id")
    );
    // Nothing of any of it was kept.
    assert_eq!(feedback_rows(&app).await, 0);
    assert_eq!(answer_rows(&app).await, 0);
    assert!(screen(&app, &leo).await.sent.is_none());
}

#[tokio::test]
async fn words_that_suggest_harm_raise_an_alert_and_a_kind_message() {
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let s = screen(&app, &leo).await;
    let tz = backend::push::quiet::zone("Europe/London");
    let before = shared::reviews::out_of_hours(Utc::now().with_timezone(&tz).naive_local());
    let res = app
        .send_as(
            Method::POST,
            "/api/me/feedback",
            &leo,
            &j!({"submission_id": uuid(), "review_id": s.review.id, "form_id": s.form.id,
                 "answers": leo_answers("Sometimes I want to die")}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let after = shared::reviews::out_of_hours(Utc::now().with_timezone(&tz).naive_local());
    let sent: SentFeedback = json(res).await;
    let support = sent.support.unwrap_or_else(|| panic!("a kind message"));
    assert!(support.message.contains("Childline") && support.message.contains("0800 1111"));
    assert_eq!(support.childline_phone, "0800 1111");
    assert_eq!(support.duty_phone, "020 8303 7777");
    assert!(support.message.contains("020 8303 7777"));

    // The alert: tracked, for the social worker and the team manager.
    let sw = app.login("demo-sw").await.access_token;
    let open: Vec<AlertView> = json(app.get_as("/api/safeguarding-alerts", &sw).await).await;
    assert_eq!(open.len(), 1);
    let alert = &open[0];
    assert_eq!(alert.young_person_name, "Leo");
    assert_eq!(alert.source, "feedback");
    assert!(
        alert.phrases.iter().any(|p| p == "want to die"),
        "{:?}",
        alert.phrases
    );
    assert!(alert.excerpt.contains("Sometimes I want to die"));
    // Sent at once: the social worker in office hours, else the duty team.
    let expected = if before && after {
        Some(AlertRoute::DutyTeam)
    } else if !before && !after {
        Some(AlertRoute::NamedWorker)
    } else {
        None // the clock passed 9:00 or 17:00 just now
    };
    if let Some(route) = expected {
        assert_eq!(alert.routed_to, route);
    }
    let sw_alerts = notes(&app, "demo-sw", "safeguarding_alert").await;
    let manager_alerts = notes(&app, "demo-manager", "safeguarding_alert").await;
    match alert.routed_to {
        AlertRoute::NamedWorker => {
            assert!(sw_alerts.iter().any(|(urgent, _)| *urgent));
            assert!(manager_alerts.is_empty());
            assert_eq!(alert.alerted, vec!["Sam Patel"]);
        }
        AlertRoute::DutyTeam => {
            assert!(manager_alerts.iter().any(|(urgent, _)| *urgent));
            // The social worker hears too, without being woken.
            assert!(sw_alerts.iter().all(|(urgent, _)| !urgent) && !sw_alerts.is_empty());
        }
    }
    assert!(manager_alerts
        .iter()
        .chain(&sw_alerts)
        .all(|(_, body)| !body.contains("want to die")));
    let manager = app.login("demo-manager").await.access_token;
    let theirs: Vec<AlertView> = json(app.get_as("/api/safeguarding-alerts", &manager).await).await;
    assert_eq!(theirs.len(), 1);
    // Never participation officers; not admins, IROs or young people.
    for who in [
        "demo-participation",
        "demo-admin",
        "demo-iro",
        "demo-child-10",
    ] {
        let t = app.login(who).await.access_token;
        let res = app.get_as("/api/safeguarding-alerts", &t).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{who}");
        let res = app
            .send_as(
                Method::POST,
                "/api/safeguarding-alerts/response",
                &t,
                &j!({"alert_id": alert.id, "response": "Seen."}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{who}");
    }
    // The IRO's copy is marked.
    let iro = app.login("demo-iro").await.access_token;
    let leo_id = app.person_id(&iro, "Leo").await;
    let list: Vec<StaffFeedback> = json(
        app.get_as(&format!("/api/people/{leo_id}/feedback"), &iro)
            .await,
    )
    .await;
    assert!(list[0].suggests_harm);

    // Someone records what was done: the alert closes.
    let res = app
        .send_as(
            Method::POST,
            "/api/safeguarding-alerts/response",
            &sw,
            &j!({"alert_id": alert.id, "response": " "}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .send_as(
            Method::POST,
            "/api/safeguarding-alerts/response",
            &sw,
            &j!({"alert_id": alert.id, "response": "Called Leo and his carer today. Leo is safe; visiting tomorrow."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let closed: AlertView = json(res).await;
    assert_eq!(closed.response.map(|r| r.by), Some("Sam Patel".to_owned()));
    let res = app
        .send_as(
            Method::POST,
            "/api/safeguarding-alerts/response",
            &manager,
            &j!({"alert_id": alert.id, "response": "Also called."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let open: Vec<AlertView> = json(app.get_as("/api/safeguarding-alerts", &sw).await).await;
    assert!(open.is_empty());
    let all: Vec<AlertView> =
        json(app.get_as("/api/safeguarding-alerts?all=true", &sw).await).await;
    assert_eq!(all.len(), 1);

    // Asking for an earlier review: reaches the IRO and social worker, and
    // harm words there raise an alert too.
    let res = app
        .send_as(
            Method::POST,
            "/api/me/reviews/requests",
            &leo,
            &j!({"message": "he hits me when nobody is looking"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let asked: ReviewRequestSent = json(res).await;
    assert_eq!(
        asked.told,
        "We told Chris Evans (your IRO) and Sam Patel (your social worker). They will talk to you about it."
    );
    assert!(asked.support.is_some());
    assert!(!notes(&app, "demo-iro", "review_request").await.is_empty());
    let open: Vec<AlertView> = json(app.get_as("/api/safeguarding-alerts", &sw).await).await;
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].source, "review_request");
    let view: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{leo_id}/reviews"), &iro)
            .await,
    )
    .await;
    assert_eq!(view.requests.len(), 1);
    let mine: MyReviews = json(app.get_as("/api/me/reviews", &leo).await).await;
    assert!(mine.asked_for_earlier);
    // Bringing the review forward answers the request.
    let res = app
        .send_as(
            Method::PATCH,
            &format!("/api/people/{leo_id}/reviews"),
            &iro,
            &j!({"review_id": s.review.id, "date": Utc::now().date_naive() + Duration::days(3),
                 "brought_forward": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let mine: MyReviews = json(app.get_as("/api/me/reviews", &leo).await).await;
    assert!(!mine.asked_for_earlier);
    assert_eq!(mine.next.map(|n| n.days_to_go), Some(3));
    assert!(notes(&app, "demo-child-10", "review_changed")
        .await
        .iter()
        .any(|(_, b)| b.contains("has changed")));
}

/// A new young person in care from a fixed date, with demo-iro as IRO and
/// demo-sw as social worker.
async fn new_child(app: &TestApp, name: &str, dob: &str, care_started: &str) -> String {
    let admin = app.login("demo-admin").await.access_token;
    let res = app
        .send_as(
            Method::POST,
            "/api/people",
            &admin,
            &j!({"preferred_name": name, "date_of_birth": dob, "care_started": care_started,
                 "legal_status": "section20"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Value = json(res).await;
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    for (rel, who) in [("iro", "demo-iro"), ("social_worker", "demo-sw")] {
        let staff = staff_id(app, who).await;
        let res = app
            .send_as(
                Method::POST,
                &format!("/api/people/{id}/allocations"),
                &admin,
                &j!({"relationship": rel, "staff_id": staff}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    id
}

async fn record_held(app: &TestApp, iro: &str, id: &str, day: NaiveDate) {
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{id}/reviews"),
            iro,
            &j!({"date": day, "place": "At home"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let view: StaffReviewsView = json(res).await;
    let booked = view.reviews[0].id.clone();
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{id}/reviews/outcome"),
            iro,
            &j!({"review_id": booked, "held_on": day, "outcomes": "We talked about your home.",
                 "decisions": "You will stay where you are."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_schedule_shown_matches_hand_worked_dates_across_bank_holidays() {
    let app = spawn_demo_app().await;
    let iro = app.login("demo-iro").await.access_token;
    let admin = app.login("demo-admin").await.access_token;
    // Looked after from Friday 19 Dec 2025. 20 working days, skipping
    // Christmas Day, Boxing Day and New Year's Day: Mon 22 (1), Tue 23 (2),
    // Wed 24 (3), Mon 29 (4), Tue 30 (5), Wed 31 (6), Fri 2 Jan (7),
    // 5-9 Jan (8-12), 12-16 Jan (13-17), Mon 19 (18), Tue 20 (19),
    // Wed 21 Jan 2026 (20). Bexley promises a month: Monday 19 January.
    let sky = new_child(&app, "Sky", "2016-05-01", "2025-12-19").await;
    let view: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{sky}/reviews"), &iro)
            .await,
    )
    .await;
    let sched = view.schedule.unwrap_or_else(|| panic!("a schedule"));
    assert_eq!(sched.policy, ReviewPolicy::BEXLEY);
    assert_eq!(
        (sched.next.due, sched.next.kind),
        (d(2026, 1, 19), ReviewKind::First)
    );
    assert_eq!(sched.next.overdue, Utc::now().date_naive() > d(2026, 1, 19));
    // The council setting: the law alone gives Wednesday 21 January.
    let res = app
        .send_as(
            Method::PUT,
            "/api/reviews/settings",
            &admin,
            &j!({"first_review_within_calendar_month": false}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{sky}/reviews"), &iro)
            .await,
    )
    .await;
    assert_eq!(view.schedule.map(|s| s.next.due), Some(d(2026, 1, 21)));
    let res = app
        .send_as(
            Method::PUT,
            "/api/reviews/settings",
            &admin,
            &j!({"first_review_within_calendar_month": true}),
        )
        .await;
    let policy: ReviewPolicy = json(res).await;
    assert_eq!(policy, ReviewPolicy::BEXLEY);
    // Only administrators set it.
    let res = app
        .send_as(
            Method::PUT,
            "/api/reviews/settings",
            &iro,
            &j!({"first_review_within_calendar_month": false}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // First review held on 19 January: the second is due 3 months later.
    record_held(&app, &iro, &sky, d(2026, 1, 19)).await;
    let view: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{sky}/reviews"), &iro)
            .await,
    )
    .await;
    let sched = view.schedule.unwrap_or_else(|| panic!("a schedule"));
    assert_eq!(
        (sched.next.due, sched.next.kind),
        (d(2026, 4, 19), ReviewKind::Second)
    );
    // Held early, on Friday 17 April: the next 6 months from then.
    record_held(&app, &iro, &sky, d(2026, 4, 17)).await;
    let view: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{sky}/reviews"), &iro)
            .await,
    )
    .await;
    let sched = view.schedule.unwrap_or_else(|| panic!("a schedule"));
    assert_eq!(
        (sched.next.due, sched.next.kind),
        (d(2026, 10, 17), ReviewKind::Subsequent)
    );
    let overdue = Utc::now().date_naive() > d(2026, 10, 17);
    assert_eq!(sched.next.overdue, overdue);

    // Over Easter: from Tuesday 1 April 2025, Good Friday and Easter Monday
    // skipped, 20 working days is Thursday 1 May (a month is the same day).
    let robin = new_child(&app, "Robin", "2013-02-02", "2025-04-01").await;
    let view: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{robin}/reviews"), &iro)
            .await,
    )
    .await;
    assert_eq!(view.schedule.map(|s| s.next.due), Some(d(2025, 5, 1)));

    // Overdue reviews head the IRO's and the manager's lists.
    let rows: Vec<ReviewListRow> = json(app.get_as("/api/reviews?overdue=true", &iro).await).await;
    assert!(rows.iter().all(|r| r.overdue));
    assert!(rows.iter().any(|r| r.young_person_id == robin));
    assert!(rows.iter().any(|r| r.name == "Mia"), "Mia's is overdue");
    assert_eq!(rows.iter().any(|r| r.young_person_id == sky), overdue);
    let manager = app.login("demo-manager").await.access_token;
    let rows: Vec<ReviewListRow> = json(app.get_as("/api/reviews", &manager).await).await;
    assert!(rows[0].overdue);
    let first_not_overdue = rows.iter().position(|r| !r.overdue).unwrap_or(rows.len());
    assert!(rows[first_not_overdue..].iter().all(|r| !r.overdue));
    assert!(rows.iter().any(|r| r.young_person_id == robin && r.overdue));
    // The demo child shows the same dates to herself.
    let mia = app.login("demo-child-7").await.access_token;
    let mine: MyReviews = json(app.get_as("/api/me/reviews", &mia).await).await;
    assert!(mine.due.is_some_and(|d| d.overdue));
    // A meeting that ends before it starts is refused, the field named.
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{robin}/reviews"),
            &iro,
            &j!({"date": Utc::now().date_naive() + Duration::days(5), "place": "At school",
                 "start_time": "15:30", "end_time": "15:00"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let err: ErrorBody = json(res).await;
    assert_eq!(err.field.as_deref(), Some("end_time"));
}

#[tokio::test]
async fn outcomes_in_jargon_need_a_reason() {
    let app = spawn_demo_app().await;
    let iro = app.login("demo-iro").await.access_token;
    let leo = app.person_id(&iro, "Leo").await;
    let view: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{leo}/reviews"), &iro)
            .await,
    )
    .await;
    let booked = view
        .reviews
        .iter()
        .find(|r| r.held_on.is_none())
        .map(|r| r.id.clone())
        .unwrap_or_default();
    let jargon = "The LAC review considered the placement plan and the contact arrangements, and the care plan was endorsed subject to the recommendations of the independent reviewing officer being actioned within the statutory timescales agreed by the multi-agency network.";
    let held_on = Utc::now().date_naive() - Duration::days(1);
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{leo}/reviews/outcome"),
            &iro,
            &j!({"review_id": booked, "held_on": held_on, "outcomes": jargon, "decisions": "You will stay at home."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let err: ErrorBody = json(res).await;
    assert_eq!(err.field.as_deref(), Some("override_reason"));
    assert!(
        err.message.contains("what was talked about"),
        "{}",
        err.message
    );
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{leo}/reviews/outcome"),
            &iro,
            &j!({"review_id": booked, "held_on": held_on, "outcomes": jargon, "decisions": "You will stay at home.",
                 "override_reason": "The court asked for these exact words."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: StaffReviewsView = json(res).await;
    let r = view
        .reviews
        .iter()
        .find(|r| r.id == booked)
        .unwrap_or_else(|| panic!("review"));
    let outcomes = r
        .checks
        .iter()
        .find(|c| c.part == "outcomes")
        .unwrap_or_else(|| panic!("check"));
    assert!(!outcomes.report.passes);
    assert!(!outcomes.report.jargon.is_empty());
    // Someone else's review does not exist here.
    let aisha = app.person_id(&iro, "Aisha").await;
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{aisha}/reviews/outcome"),
            &iro,
            &j!({"review_id": booked, "held_on": held_on, "outcomes": "x", "decisions": "y"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // A social worker reads reviews but does not record them.
    let sw = app.login("demo-sw").await.access_token;
    let res = app.get_as(&format!("/api/people/{leo}/reviews"), &sw).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{leo}/reviews"),
            &sw,
            &j!({"date": held_on, "place": "At home"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// A young person with an account, a review in a week, and a token.
async fn child_with_review(app: &TestApp, n: usize) -> (String, String) {
    let id = new_child(app, &format!("Kid {n}"), "2016-03-03", "2024-01-08").await;
    let admin = app.login("demo-admin").await.access_token;
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{id}/account"),
            &admin,
            &j!({"username": format!("kid-{n}")}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let code: shared::accounts::ActivationCode = json(res).await;
    let res = app
        .post_json(
            "/api/auth/activate",
            &j!({"code": code.code, "password": "a long and happy password"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let token: shared::accounts::TokenResponse = json(res).await;
    let iro = app.login("demo-iro").await.access_token;
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{id}/reviews"),
            &iro,
            &j!({"date": Utc::now().date_naive() + Duration::days(7), "place": "At home"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    (id, token.access_token)
}

#[tokio::test]
async fn managers_see_anonymous_totals_and_small_groups_are_hidden() {
    let app = spawn_demo_app().await;
    let manager = app.login("demo-manager").await.access_token;
    let mut kids = vec![];
    for n in 0..5 {
        kids.push(child_with_review(&app, n).await);
    }
    let send = |token: String, scale: u8, with_school: bool| {
        let app = &app;
        async move {
            let s = screen(app, &token).await;
            let mut answers = vec![
                j!({"question": "where_i_live", "scale": scale}),
                j!({"question": "who_there", "choices": ["carer"]}),
                j!({"question": "better", "text": "A secret only I would write"}),
            ];
            if with_school {
                answers.push(j!({"question": "school", "scale": 2}));
            }
            let res = app
                .send_as(
                    Method::POST,
                    "/api/me/feedback",
                    &token,
                    &j!({"submission_id": uuid(), "review_id": s.review.id, "form_id": s.form.id, "answers": answers}),
                )
                .await;
            assert_eq!(res.status(), StatusCode::CREATED);
        }
    };
    for (i, (_, token)) in kids.iter().take(4).enumerate() {
        send(token.clone(), 4, i < 3).await;
    }
    let month =
        shared::reviews::period_label(Utc::now().date_naive(), shared::reviews::Period::Month);
    let report = || {
        let manager = manager.clone();
        let app = &app;
        async move {
            let res = app.get_as("/api/feedback/insights", &manager).await;
            assert_eq!(res.status(), StatusCode::OK);
            let text = res.text().await.unwrap_or_default();
            assert!(!text.contains("secret"), "words are never counted");
            serde_json::from_str::<InsightsReport>(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
        }
    };
    let cell = |r: &InsightsReport, question: &str| {
        r.questions
            .iter()
            .find(|q| q.form == FormKey::From8To11 && q.question == question)
            .and_then(|q| q.cells.iter().find(|c| c.period == month).cloned())
            .unwrap_or_else(|| panic!("{question} {month}"))
    };
    // Four young people: hidden, and it says so.
    let r = report().await;
    assert_eq!(r.min_group, 5);
    let home = cell(&r, "where_i_live");
    assert!(home.suppressed);
    assert!(home.answers.is_none() && home.average.is_none() && home.faces.is_none());
    assert!(home
        .note
        .as_deref()
        .unwrap_or_default()
        .contains("Fewer than 5"));
    let priority = r
        .priorities
        .iter()
        .find(|p| p.priority == shared::reviews::Priority::BeingLookedAfter)
        .and_then(|p| p.cells.iter().find(|c| c.period == month))
        .unwrap_or_else(|| panic!("priority cell"));
    assert!(priority.suppressed);
    assert!(r.questions.iter().all(|q| q.question != "better"));

    // The fifth: shown, without names.
    send(kids[4].1.clone(), 2, false).await;
    let r = report().await;
    let home = cell(&r, "where_i_live");
    assert!(!home.suppressed);
    assert_eq!(home.young_people, Some(5));
    assert_eq!(home.faces, Some(vec![0, 1, 0, 4, 0]));
    assert_eq!(home.average, Some(3.6));
    let who = cell(&r, "who_there");
    assert!(!who.suppressed);
    assert_eq!(
        who.choices
            .unwrap_or_default()
            .iter()
            .find(|c| c.key == "carer")
            .map(|c| c.count),
        Some(5)
    );
    // Only three answered about school: still hidden.
    assert!(cell(&r, "school").suppressed);
    let priority = r
        .priorities
        .iter()
        .find(|p| p.priority == shared::reviews::Priority::BeingLookedAfter)
        .and_then(|p| p.cells.iter().find(|c| c.period == month))
        .unwrap_or_else(|| panic!("priority cell"));
    assert!(!priority.suppressed);
    assert_eq!(priority.young_people, Some(5));
    // By quarter too; not for workers or participation officers.
    let res = app
        .get_as("/api/feedback/insights?period=quarter", &manager)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    for who in ["demo-sw", "demo-iro", "demo-participation", "demo-child-10"] {
        let t = app.login(who).await.access_token;
        let res = app.get_as("/api/feedback/insights", &t).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{who}");
    }
    let res = app
        .get_as(
            "/api/feedback/insights?from=2026-05-01&to=2026-01-01",
            &manager,
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn forms_are_versioned_data_and_old_answers_keep_their_questions() {
    let app = spawn_demo_app().await;
    let admin = app.login("demo-admin").await.access_token;
    // Seeding again (every start-up) adds nothing and keeps the council's
    // own choice of promise.
    let res = app
        .send_as(
            Method::PUT,
            "/api/reviews/settings",
            &admin,
            &j!({"first_review_within_calendar_month": false}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    backend::seed::forms::seed(&app.db)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let families: Vec<shared::reviews::FormFamily> =
        json(app.get_as("/api/feedback/forms", &admin).await).await;
    assert_eq!(families.len(), 4);
    assert!(families.iter().all(|f| f.versions.len() == 1));
    let policy: ReviewPolicy = json(app.get_as("/api/reviews/settings", &admin).await).await;
    assert_eq!(policy, ReviewPolicy::STATUTORY);
    let leo = app.login("demo-child-10").await.access_token;
    let s = screen(&app, &leo).await;
    // Leo sends on version 1.
    let res = app
        .send_as(
            Method::POST,
            "/api/me/feedback",
            &leo,
            &j!({"submission_id": uuid(), "review_id": s.review.id, "form_id": s.form.id,
                 "answers": [{"question": "where_i_live", "scale": 3}]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // The administrator rewords the first question: version 2.
    let mut def = j!({
        "key": "from8_to11",
        "title": s.form.title,
        "intro": s.form.intro,
        "questions": s.form.questions,
    });
    def["questions"][0]["prompt"] = j!("How do you feel about your home?");
    let res = app
        .send_as(Method::POST, "/api/feedback/forms", &admin, &def)
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let v2: Value = json(res).await;
    assert_eq!(v2["version"], 2);
    // A broken form is refused with the part named.
    def["questions"][0]["options"] = j!([]);
    let res = app
        .send_as(Method::POST, "/api/feedback/forms", &admin, &def)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let err: ErrorBody = json(res).await;
    assert_eq!(err.field.as_deref(), Some("questions[0].options"));
    // Leo's answer still reads with the question he was asked.
    let iro = app.login("demo-iro").await.access_token;
    let leo_id = app.person_id(&iro, "Leo").await;
    let list: Vec<StaffFeedback> = json(
        app.get_as(&format!("/api/people/{leo_id}/feedback"), &iro)
            .await,
    )
    .await;
    assert_eq!(list[0].form_version, 1);
    assert_eq!(
        list[0].answered[0].prompt,
        "How do you feel about where you live?"
    );
    // Only administrators revise forms.
    let res = app.get_as("/api/feedback/forms", &iro).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_young_person_chooses_how_to_take_part_and_the_iro_is_told() {
    use shared::reviews::Participation;
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let mine: MyReviews = json(app.get_as("/api/me/reviews", &leo).await).await;
    let next = mine.next.unwrap_or_else(|| panic!("a review"));
    assert_eq!(next.participation, Participation::NotDecided);
    let choose = |review_id: String, participation: &'static str| {
        let (app, leo) = (&app, &leo);
        async move {
            app.send_as(
                Method::PUT,
                "/api/me/reviews/participation",
                leo,
                &j!({"review_id": review_id, "participation": participation}),
            )
            .await
        }
    };

    // "I want to chair it": the screen comes back with the choice, the
    // IRO is told (without the choice in the notification), and sees it.
    let res = choose(next.id.clone(), "chair").await;
    assert_eq!(res.status(), StatusCode::OK);
    let mine: MyReviews = json(res).await;
    let now = mine.next.unwrap_or_else(|| panic!("still booked"));
    assert_eq!(now.participation, Participation::Chair);
    assert_eq!(now.participation_words, Participation::Chair.plain());
    let told = notes(&app, "demo-iro", "review_participation").await;
    assert_eq!(told.len(), 1);
    assert!(told[0]
        .1
        .starts_with("Leo has said how they want to take part"));
    let iro = app.login("demo-iro").await.access_token;
    let leo_id = app.person_id(&iro, "Leo").await;
    let view: StaffReviewsView = json(
        app.get_as(&format!("/api/people/{leo_id}/reviews"), &iro)
            .await,
    )
    .await;
    let booked = view
        .reviews
        .iter()
        .find(|r| r.id == next.id)
        .unwrap_or_else(|| panic!("the review"));
    assert_eq!(booked.participation, Participation::Chair);

    // Bad input: a choice that does not exist, no review, someone else's.
    let res = choose(next.id.clone(), "dance").await;
    assert!(res.status().is_client_error(), "{}", res.status());
    let res = choose(String::new(), "attend").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.field.as_deref(), Some("review_id"));
    let tyler = app.login("demo-teen-17").await.access_token;
    let res = app
        .send_as(
            Method::PUT,
            "/api/me/reviews/participation",
            &tyler,
            &j!({"review_id": next.id, "participation": "attend"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "not Tyler's review");
    let sam = app.login("demo-sw").await.access_token;
    let res = app
        .send_as(
            Method::PUT,
            "/api/me/reviews/participation",
            &sam,
            &j!({"review_id": next.id, "participation": "attend"}),
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "staff have no review of their own"
    );

    // Answering "How do you want to take part?" on the form is the same
    // choice: sending it changes the review too.
    let s = screen(&app, &leo).await;
    let res = app
        .send_as(
            Method::POST,
            "/api/me/feedback",
            &leo,
            &j!({"submission_id": uuid(), "review_id": s.review.id, "form_id": s.form.id,
                 "answers": [{"question": "take_part", "choices": ["send_views"]}]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let mine: MyReviews = json(app.get_as("/api/me/reviews", &leo).await).await;
    assert_eq!(
        mine.next.map(|n| n.participation),
        Some(Participation::SendViews)
    );
    assert_eq!(
        notes(&app, "demo-iro", "review_participation").await.len(),
        2
    );

    // Once held, the choice can no longer change.
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{leo_id}/reviews/outcome"),
            &iro,
            &j!({"review_id": next.id, "held_on": Utc::now().date_naive() - Duration::days(1),
                 "outcomes": "We talked about school.", "decisions": "You will stay at home."}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = choose(next.id.clone(), "attend").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);

    // Nothing booked now: the form screen says so with null, not an error
    // (a review named that is not Leo's is still "not found").
    let res = app.get_as("/api/me/feedback", &leo).await;
    assert_eq!(res.status(), StatusCode::OK);
    let none: Option<FeedbackScreen> = json(res).await;
    assert!(none.is_none());
    let res = app
        .get_as(&format!("/api/me/feedback?review_id={}", next.id), &leo)
        .await;
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "a held review of mine still opens"
    );
    let res = app
        .get_as("/api/me/feedback?review_id=no-such-review", &leo)
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// A review status in the database that the code does not know is a 500
/// with the project's error body (and a log line naming the table, column
/// and value), never read as "booked".
#[tokio::test]
async fn an_unknown_review_status_in_the_database_is_an_error_not_booked() {
    use backend::entities::review;
    use sea_orm::sea_query::Expr;
    let app = spawn_demo_app().await;
    let leo = app.login("demo-child-10").await.access_token;
    let mine: MyReviews = json(app.get_as("/api/me/reviews", &leo).await).await;
    assert!(mine.next.is_some());

    let changed = review::Entity::update_many()
        .col_expr(review::Column::Status, Expr::value("postponed"))
        .filter(review::Column::Status.eq("booked"))
        .exec(&app.db)
        .await
        .unwrap_or_else(|e| panic!("update the reviews: {e}"));
    assert!(changed.rows_affected >= 1);

    let res = app.get_as("/api/me/reviews", &leo).await;
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.error, "internal");
    assert!(!body.message.contains("postponed"), "{body:?}");
}
