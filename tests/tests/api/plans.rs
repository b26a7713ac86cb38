//! Plans in plain words, children's questions, and "my people".

use reqwest::Method;
use serde_json::{json as j, Value};
use shared::api::ErrorBody;
use shared::plans::{ChildPlanView, MyPeople, PlanQueryView, Section, StaffPlanView};
use tests::{json, spawn_demo_app, StatusCode};

const JARGON: &str = "Aisha's LAC review will be held in school. The plan is that Aisha will continue to live with her foster carers and will have contact with her mother every other Saturday at the family centre, supervised by a family support worker, with the arrangements reviewed at the next meeting in the spring term if everyone agrees.";
const PLAIN: &str = "Your review meeting is at school. You will keep living with Jo and Sam. You will see your mum every other Saturday.";

#[tokio::test]
async fn a_worker_is_shown_jargon_and_long_sentences_before_sharing() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await.access_token;
    let aisha = app.person_id(&sw, "Aisha").await;
    let res = app
        .send_as(
            Method::PUT,
            &format!("/api/people/{aisha}/plan/draft"),
            &sw,
            &j!({"sections": [{"section": "where_i_live", "text": JARGON}]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: StaffPlanView = json(res).await;
    let report = &view.checks[0].report;
    assert!(!report.passes);
    assert!(
        report.jargon.iter().any(|t| t.term == "LAC review"),
        "{:?}",
        report.jargon
    );
    assert!(
        report.long_sentences.iter().any(|s| s.words >= 40),
        "{:?}",
        report.long_sentences
    );

    // Not shared while it fails, unless the worker says why.
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{aisha}/plan/share"),
            &sw,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.field.as_deref(), Some("override_reason"));
    assert!(body.message.contains("Where I live"), "{}", body.message);
    let child = app.login("demo-teen-14").await.access_token;
    let plan: Option<ChildPlanView> = json(app.get_as("/api/me/plan", &child).await).await;
    assert!(plan.is_none());

    // The plain version passes and reaches the child.
    let res = app
        .send_as(Method::PUT, &format!("/api/people/{aisha}/plan/draft"), &sw, &j!({"sections": [{"section": "where_i_live", "text": PLAIN}, {"section": "about_me", "text": "You love drawing and football."}]}))
        .await;
    let view: StaffPlanView = json(res).await;
    assert!(
        view.checks.iter().all(|c| c.report.passes),
        "{:?}",
        view.checks
    );
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{aisha}/plan/share"),
            &sw,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let plan: Option<ChildPlanView> = json(app.get_as("/api/me/plan", &child).await).await;
    let plan = plan.unwrap_or_else(|| panic!("shared plan"));
    assert_eq!(plan.version, 1);
    assert_eq!(plan.shared_by, "Sam Patel");
    assert!(plan.sections.iter().all(|s| !s.changed));
    let notes: Vec<Value> = json(app.get_as("/api/me/notifications", &child).await).await;
    assert!(notes
        .iter()
        .any(|n| n["kind"] == "plan_shared" && n["title"] == "You have an update"));

    // A second version: the child sees what changed since last time.
    app.send_as(Method::PUT, &format!("/api/people/{aisha}/plan/draft"), &sw, &j!({"sections": [{"section": "where_i_live", "text": "You will keep living with Jo and Sam. You will see your mum every Sunday now."}, {"section": "about_me", "text": "You love drawing and football."}]}))
        .await;
    app.send_as(
        Method::POST,
        &format!("/api/people/{aisha}/plan/share"),
        &sw,
        &j!({}),
    )
    .await;
    let plan: Option<ChildPlanView> = json(app.get_as("/api/me/plan", &child).await).await;
    let plan = plan.unwrap_or_else(|| panic!("v2"));
    assert_eq!(plan.version, 2);
    let live = plan
        .sections
        .iter()
        .find(|s| s.section == Section::WhereILive)
        .unwrap_or_else(|| panic!("section"));
    assert!(live.changed);
    assert!(live
        .before
        .as_deref()
        .unwrap_or_default()
        .contains("every other Saturday"));
    let about = plan
        .sections
        .iter()
        .find(|s| s.section == Section::AboutMe)
        .unwrap_or_else(|| panic!("section"));
    assert!(!about.changed);
    // Every version is kept; the first still reads as it was.
    let v1: Option<ChildPlanView> = json(app.get_as("/api/me/plan?version=1", &child).await).await;
    assert_eq!(v1.map(|p| p.version), Some(1));
    let history: Vec<Value> = json(app.get_as("/api/me/plan/history", &child).await).await;
    assert_eq!(history.len(), 2);
}

#[tokio::test]
async fn sharing_a_failing_plan_with_a_reason_is_recorded() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await.access_token;
    let tyler = app.person_id(&sw, "Tyler").await;
    app.send_as(
        Method::PUT,
        &format!("/api/people/{tyler}/plan/draft"),
        &sw,
        &j!({"sections": [{"section": "what_happens_next", "text": JARGON}]}),
    )
    .await;
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{tyler}/plan/share"),
            &sw,
            &j!({"override_reason": "Court wording that Tyler asked to see in full"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: StaffPlanView = json(res).await;
    assert_eq!(
        view.versions[0].override_reason.as_deref(),
        Some("Court wording that Tyler asked to see in full")
    );
}

#[tokio::test]
async fn i_dont_understand_reaches_the_worker_and_the_answer_comes_back() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await.access_token;
    let leo = app.person_id(&sw, "Leo").await;
    app.send_as(Method::PUT, &format!("/api/people/{leo}/plan/draft"), &sw, &j!({"sections": [{"section": "family_time", "text": "You will see your dad on Saturdays. Your care order stays the same."}]})).await;
    app.send_as(
        Method::POST,
        &format!("/api/people/{leo}/plan/share"),
        &sw,
        &j!({}),
    )
    .await;

    let child = app.login("demo-child-10").await.access_token;
    let plan: Option<ChildPlanView> = json(app.get_as("/api/me/plan", &child).await).await;
    let family = plan
        .and_then(|p| p.sections.into_iter().next())
        .unwrap_or_else(|| panic!("section"));
    assert!(
        family
            .explained
            .iter()
            .any(|t| t.term.eq_ignore_ascii_case("care order")),
        "terms that stay are explained: {:?}",
        family.explained
    );

    let res = app
        .send_as(Method::POST, "/api/me/plan/questions", &child, &j!({"section": "family_time", "kind": "dont_understand", "message": "What is a care order?"}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // A part that is not in the plan is refused.
    let res = app
        .send_as(
            Method::POST,
            "/api/me/plan/questions",
            &child,
            &j!({"section": "health", "kind": "dont_agree"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let tasks: Vec<PlanQueryView> = json(app.get_as("/api/plan-questions", &sw).await).await;
    let task = tasks
        .iter()
        .find(|q| q.young_person_name == "Leo")
        .unwrap_or_else(|| panic!("task"));
    assert_eq!(task.message.as_deref(), Some("What is a care order?"));
    assert!(task.answer.is_none());
    let notes: Vec<Value> = json(app.get_as("/api/me/notifications", &sw).await).await;
    assert!(notes.iter().any(|n| n["kind"] == "plan_query"));

    // Another social worker cannot answer it.
    let sw2 = app.login("demo-sw2").await.access_token;
    let res = app
        .send_as(
            Method::POST,
            &format!("/api/people/{leo}/plan/answer"),
            &sw2,
            &j!({"query_id": task.id, "answer": "Hi"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let res = app
        .send_as(Method::POST, &format!("/api/people/{leo}/plan/answer"), &sw, &j!({"query_id": task.id, "answer": "A care order is a decision by a judge that the council helps look after you. I will explain more when I visit on Friday."}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let mine: Vec<PlanQueryView> = json(app.get_as("/api/me/plan/questions", &child).await).await;
    assert!(mine[0]
        .answer
        .as_deref()
        .unwrap_or_default()
        .starts_with("A care order is"));
    assert_eq!(mine[0].answered_by.as_deref(), Some("Sam Patel"));
    let notes: Vec<Value> = json(app.get_as("/api/me/notifications", &child).await).await;
    assert!(notes.iter().any(|n| n["kind"] == "plan_answer"));
}

#[tokio::test]
async fn bad_plan_input_is_refused_and_text_stays_text() {
    let app = spawn_demo_app().await;
    let sw = app.login("demo-sw").await.access_token;
    let mia = app.person_id(&sw, "Mia").await;
    let put = |body: Value| {
        let (app, sw, mia) = (&app, sw.clone(), mia.clone());
        async move {
            app.send_as(
                Method::PUT,
                &format!("/api/people/{mia}/plan/draft"),
                &sw,
                &body,
            )
            .await
        }
    };
    let res = put(j!({"sections": [{"section": "about_me", "text": "  "}]})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = json(res).await;
    assert_eq!(body.field.as_deref(), Some("sections[0].text"));
    let res = put(j!({"sections": [{"section": "about_me", "text": "a ".repeat(2500)}]})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = put(j!({"sections": [{"section": "about_me", "text": "Hi."}, {"section": "about_me", "text": "Again."}]})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = put(j!({"sections": [{"section": "not_a_section", "text": "Hi."}]})).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);

    let script = "<script>alert('hi')</script> You like cats.";
    let res = put(j!({"sections": [{"section": "about_me", "text": script}]})).await;
    assert_eq!(res.status(), StatusCode::OK);
    let view: StaffPlanView = json(res).await;
    assert_eq!(
        view.draft.map(|d| d.sections[0].text.clone()).as_deref(),
        Some(script)
    );

    // Nothing was changed by the refused attempts: one draft, no versions.
    assert!(view.versions.is_empty());
}

#[tokio::test]
async fn a_reallocated_child_sees_the_new_worker_and_the_handover_note() {
    let app = spawn_demo_app().await;
    let sw2 = app.login("demo-sw2").await.access_token;
    let res = app
        .send_as(Method::PUT, "/api/me/profile", &sw2, &j!({"about_me": "I have two cats and I love baking.", "contact_how": "Text or call 07700 900000", "contact_when": "Monday to Friday, 9 to 5"}))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    // The worker's own form opens with what they wrote; a young person has
    // no profile.
    let mine: serde_json::Value = json(app.get_as("/api/me/profile", &sw2).await).await;
    assert_eq!(mine["about_me"], "I have two cats and I love baking.");
    assert_eq!(mine["contact_when"], "Monday to Friday, 9 to 5");
    let leo = app.login("demo-child-10").await.access_token;
    assert_eq!(
        app.get_as("/api/me/profile", &leo).await.status(),
        StatusCode::NOT_FOUND
    );

    let manager = app.login("demo-manager").await.access_token;
    let aisha = app.person_id(&manager, "Aisha").await;
    let sw2_id = backend::repo::accounts::by_username(&app.db, "demo-sw2")
        .await
        .ok()
        .flatten()
        .map(|a| a.public_id)
        .unwrap_or_default();
    let res = app
        .send_as(Method::POST, &format!("/api/people/{aisha}/allocations"), &manager, &j!({"relationship": "social_worker", "staff_id": sw2_id, "handover_note": "I am moving to another team. Alex is lovely and knows all about you."}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);

    let child = app.login("demo-teen-14").await.access_token;
    let people: MyPeople = json(app.get_as("/api/me/people", &child).await).await;
    let sw = people
        .workers
        .iter()
        .find(|w| w.relationship == shared::access::Relationship::SocialWorker)
        .unwrap_or_else(|| panic!("sw"));
    assert_eq!(sw.name, "Alex Morgan");
    assert_eq!(
        sw.about_me.as_deref(),
        Some("I have two cats and I love baking.")
    );
    assert!(sw.role_explained.contains("safe"));
    assert!(people
        .workers
        .iter()
        .any(|w| w.relationship == shared::access::Relationship::Iro));
    let change = &people.recent_changes[0];
    assert_eq!(change.previous_name, "Sam Patel");
    assert!(change
        .handover_note
        .as_deref()
        .unwrap_or_default()
        .contains("Alex is lovely"));
    assert_eq!(people.duty_phone, "020 8303 7777");

    // The old worker can no longer write the plan.
    let sam = app.login("demo-sw").await.access_token;
    let res = app
        .send_as(
            Method::PUT,
            &format!("/api/people/{aisha}/plan/draft"),
            &sam,
            &j!({"sections": [{"section": "about_me", "text": "Hi."}]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Managers see how many social workers a child has had.
    let rec: Value = json(app.get_as(&format!("/api/people/{aisha}"), &manager).await).await;
    assert_eq!(rec["social_workers_so_far"], 2);
}
