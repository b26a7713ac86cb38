//! Positive Journeys (issue 8): spaces by age and status, posts checked as
//! they are written, the moderation queue and log, reports, blocks, events
//! with places and reminders, polls, and participation figures.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use backend::entities::{forum_post, forum_report, forum_space, notification, scheduled_job};
use chrono::{Duration, Months, Utc};
use reqwest::Method;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{json as j, Value};
use shared::access::Relationship;
use shared::api::ErrorBody;
use shared::forum::{
    AnswerOutcome, BlockView, HoldReason, ModAction, ModLogPage, ModPostView, ModerationQueue,
    MyForum, MyPost, ParticipationFigures, PostOutcome, PostStatus, ReportReceipt, SignUpOutcome,
    SpaceView, StaffEventView, StaffPollView, ThreadPage, ThreadView,
};
use shared::people::{LegalStatus, Role};
use tests::{json, spawn_demo_app, StatusCode, TestApp, DEMO_PASSWORD};

const PJ: &str = "positive-journeys";
const SENIORS: &str = "positive-journeys-seniors";

/// The demo app with no wait between posts in any space: these tests post
/// several times in a row about other things (flood.rs tests the wait, and
/// the other limits stay on).
async fn demo() -> TestApp {
    let app = spawn_demo_app().await;
    forum_space::Entity::update_many()
        .col_expr(forum_space::Column::MinGapSecs, Expr::value(0))
        .exec(&app.db)
        .await
        .expect("no wait between posts");
    app
}

async fn token(app: &TestApp, username: &str) -> String {
    app.login(username).await.access_token
}

async fn error(res: reqwest::Response, status: StatusCode) -> ErrorBody {
    let got = res.status();
    let body: ErrorBody = json(res).await;
    assert_eq!(got, status, "{body:?}");
    body
}

async fn post_json(app: &TestApp, token: &str, path: &str, body: Value) -> reqwest::Response {
    app.send_as(Method::POST, path, token, &body).await
}

async fn start(app: &TestApp, token: &str, space: &str, title: &str, body: &str) -> PostOutcome {
    let res = post_json(
        app,
        token,
        &format!("/api/forum/spaces/{space}/threads"),
        j!({"title": title, "body": body}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    json(res).await
}

async fn reply(app: &TestApp, token: &str, thread: &str, body: &str) -> reqwest::Response {
    post_json(
        app,
        token,
        &format!("/api/forum/threads/{thread}/replies"),
        j!({"body": body}),
    )
    .await
}

async fn threads(app: &TestApp, token: &str, space: &str) -> ThreadPage {
    let res = app
        .get_as(&format!("/api/forum/spaces/{space}/threads"), token)
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

async fn queue(app: &TestApp, token: &str) -> ModerationQueue {
    let res = app.get_as("/api/forum/moderation/queue", token).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

async fn approve(app: &TestApp, officer: &str, post: &str, body: Value) -> ModPostView {
    let res = post_json(
        app,
        officer,
        &format!("/api/forum/moderation/posts/{post}/approve"),
        body,
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

async fn notes(app: &TestApp, token: &str) -> Vec<Value> {
    json(app.get_as("/api/me/notifications", token).await).await
}

async fn mod_log(app: &TestApp, token: &str, post: Option<&str>) -> ModLogPage {
    let path = match post {
        Some(p) => format!("/api/forum/moderation/log?post={p}&limit=50"),
        None => "/api/forum/moderation/log?limit=50".to_owned(),
    };
    let res = app.get_as(&path, token).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

async fn post_count(app: &TestApp) -> u64 {
    forum_post::Entity::find().count(&app.db).await.unwrap()
}

/// A young person of Bexley with an account (password [`DEMO_PASSWORD`]):
/// `years` old, in care from `care_from` years ago, until `care_to` years
/// ago (None: still in care); allocated to demo-sw while under 18.
async fn young_person(
    app: &TestApp,
    username: &str,
    name: &str,
    years: u32,
    care_from: u32,
    care_to: Option<u32>,
) {
    use backend::repo::{accounts, allocations, councils, people};
    let council = councils::by_slug(&app.db, "bexley").await.unwrap().unwrap();
    let today = Utc::now().date_naive();
    let ago = |y: u32| today.checked_sub_months(Months::new(y * 12)).unwrap();
    let dob = ago(years) - Duration::days(20);
    let y = people::create(&app.db, council.id, name, dob, Utc::now())
        .await
        .unwrap();
    people::add_episode(&app.db, y.id, ago(care_from), care_to.map(ago))
        .await
        .unwrap();
    people::add_legal_status(&app.db, y.id, LegalStatus::Section20, ago(care_from))
        .await
        .unwrap();
    let hash = backend::auth::password::hash(DEMO_PASSWORD.to_owned())
        .await
        .unwrap();
    let a = accounts::create(
        &app.db,
        accounts::NewAccount {
            authority_id: council.id,
            username,
            role: Role::YoungPerson,
            display_name: name,
            team_id: None,
            password_hash: Some(hash),
        },
        Utc::now(),
    )
    .await
    .unwrap();
    people::link_account(&app.db, y.id, a.id).await.unwrap();
    if years < 18 {
        let sw = accounts::by_username(&app.db, "demo-sw")
            .await
            .unwrap()
            .unwrap();
        allocations::reallocate(
            &app.db,
            y.id,
            Relationship::SocialWorker,
            sw.id,
            None,
            Utc::now() - Duration::days(30),
        )
        .await
        .unwrap();
    }
}

// ------------------------------------------------------------ done when

#[tokio::test]
async fn a_13_year_olds_phone_number_waits_then_goes_up_edited_and_she_is_told() {
    let app = demo().await;
    young_person(&app, "zara-13", "Zara", 13, 2, None).await;
    let zara = token(&app, "zara-13").await;
    let leo = token(&app, "demo-child-10").await;
    let officer = token(&app, "demo-participation").await;
    let manager = token(&app, "demo-manager").await;

    let out = start(
        &app,
        &zara,
        PJ,
        "Meet up at the park?",
        "Text me on 07700 900123 if you want to meet at the park on Saturday",
    )
    .await;
    assert_eq!(out.status, PostStatus::Pending);
    assert!(
        out.message
            .as_deref()
            .unwrap_or_default()
            .contains("phone number"),
        "{:?}",
        out.message
    );
    assert_eq!(out.personal_details.len(), 1);
    let body = &out.post.body;
    let f = &out.personal_details[0];
    assert_eq!(&body[f.start..f.end], "07700 900123");
    assert!(out.help.is_none());
    let thread_id = out.post.thread_id.clone();

    // Nobody else sees it: not in the list, not by its address.
    assert!(!threads(&app, &leo, PJ)
        .await
        .threads
        .iter()
        .any(|t| t.id == thread_id));
    let res = app
        .get_as(&format!("/api/forum/threads/{thread_id}"), &leo)
        .await;
    error(res, StatusCode::NOT_FOUND).await;
    // She sees it waiting, in the space and in her posts.
    let mine = threads(&app, &zara, PJ).await;
    let t = mine.threads.iter().find(|t| t.id == thread_id).unwrap();
    assert!(t.mine && t.status == PostStatus::Pending);
    let my_posts: Vec<MyPost> = json(app.get_as("/api/forum/me/posts", &zara).await).await;
    assert_eq!(my_posts[0].post.status, PostStatus::Pending);
    assert!(my_posts[0].status_text.contains("Waiting"));

    // In the queue, with why and where the number is.
    let q = queue(&app, &officer).await;
    let item = q.held.iter().find(|i| i.post.id == out.post.id).unwrap();
    assert_eq!(
        item.post.hold_reasons,
        vec![HoldReason::Under18, HoldReason::PersonalDetails]
    );
    assert_eq!(item.personal_details.len(), 1);
    assert_eq!(item.post.author, my_forum(&app, &zara).await.display_name);
    assert!(!item.post.author.contains("Zara"));

    // Approved, edited; the original is kept in the log.
    let edited = "Text me if you want to meet at the park on Saturday";
    let v = approve(
        &app,
        &officer,
        &out.post.id,
        j!({"body": edited, "note": "We took out your phone number to keep you safe."}),
    )
    .await;
    assert_eq!(v.status, PostStatus::Published);
    assert!(v.edited_by_moderator);
    // Approving twice: someone got there first.
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/posts/{}/approve", out.post.id),
        j!({}),
    )
    .await;
    error(res, StatusCode::CONFLICT).await;

    // She is told, in neutral words on the lock screen.
    let n = notes(&app, &zara).await;
    let told = n
        .iter()
        .find(|n| n["kind"] == "forum_post_approved")
        .unwrap();
    assert_eq!(told["title"], "You have an update");
    assert!(told["body"]
        .as_str()
        .unwrap()
        .contains("We took out your phone number"));

    // Now others see the edited version.
    let view: ThreadView = json(
        app.get_as(&format!("/api/forum/threads/{thread_id}"), &leo)
            .await,
    )
    .await;
    assert_eq!(view.posts[0].body, edited);
    assert!(view.posts[0].edited_by_moderator);
    assert!(!view.posts[0].mine);

    // The manager reads it all in the log.
    let log = mod_log(&app, &manager, Some(&out.post.id)).await;
    let actions: Vec<ModAction> = log.entries.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        vec![ModAction::ApprovedWithEdits, ModAction::AutoHeld]
    );
    let held = &log.entries[1];
    assert!(held.actor.is_none());
    assert!(
        held.reason.as_deref().unwrap().contains("phone number"),
        "{:?}",
        held.reason
    );
    let approved = &log.entries[0];
    assert_eq!(approved.actor.as_deref(), Some("Dee Harper"));
    assert_eq!(approved.actor_role, Some(Role::ParticipationOfficer));
    assert!(approved
        .original_body
        .as_deref()
        .unwrap()
        .contains("07700 900123"));
    assert_eq!(approved.new_body.as_deref(), Some(edited));
    assert_eq!(
        approved.reason.as_deref(),
        Some("We took out your phone number to keep you safe.")
    );
}

#[tokio::test]
async fn spaces_follow_age_and_status() {
    let app = demo().await;
    // A 20-year-old care leaver (in care from 14 to 18).
    young_person(&app, "sam-20", "Sam", 20, 6, Some(2)).await;
    let sam = token(&app, "sam-20").await;
    let spaces: Vec<SpaceView> = json(app.get_as("/api/forum/spaces", &sam).await).await;
    assert_eq!(
        spaces.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        vec![SENIORS]
    );
    // The under-18 space does not exist for them.
    let res = app
        .get_as(&format!("/api/forum/spaces/{PJ}/threads"), &sam)
        .await;
    error(res, StatusCode::NOT_FOUND).await;
    let before = post_count(&app).await;
    let res = post_json(
        &app,
        &sam,
        &format!("/api/forum/spaces/{PJ}/threads"),
        j!({"title": "Hello", "body": "Hello everyone"}),
    )
    .await;
    error(res, StatusCode::NOT_FOUND).await;
    assert_eq!(post_count(&app).await, before);
    // Nor do its threads.
    let leo = token(&app, "demo-child-10").await;
    let pj_thread = threads(&app, &leo, PJ).await.threads[0].id.clone();
    let res = app
        .get_as(&format!("/api/forum/threads/{pj_thread}"), &sam)
        .await;
    error(res, StatusCode::NOT_FOUND).await;
    let res = reply(&app, &sam, &pj_thread, "hi").await;
    error(res, StatusCode::NOT_FOUND).await;

    let ids = |v: Vec<SpaceView>| v.into_iter().map(|s| s.id).collect::<Vec<_>>();
    for (who, want) in [
        ("demo-child-7", vec![]),
        ("demo-child-10", vec![PJ]),
        ("demo-teen-14", vec![PJ]),
        ("demo-teen-17", vec![PJ, SENIORS]),
        ("demo-leaver-19", vec![SENIORS]),
        ("demo-leaver-23", vec![SENIORS]),
    ] {
        let t = token(&app, who).await;
        let got = ids(json(app.get_as("/api/forum/spaces", &t).await).await);
        assert_eq!(got, want, "{who}");
    }
    // Each space says who can read it, and that real names are not shown.
    let tyler = token(&app, "demo-teen-17").await;
    let me = my_forum(&app, &tyler).await;
    assert!(me.spaces[0].who_can_read.contains("Dee Harper"));
    assert!(me.spaces[0].who_can_read.contains("never your real name"));
    assert!(me.spaces.iter().all(|s| s.my_posts_are_checked_first));
    // Staff do not take part.
    let sw = token(&app, "demo-sw").await;
    error(
        app.get_as("/api/forum/spaces", &sw).await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn a_reported_post_is_removed_the_report_resolved_and_the_log_shows_it() {
    let app = demo().await;
    let marcus = token(&app, "demo-leaver-23").await;
    let tyler = token(&app, "demo-teen-17").await;
    let priya = token(&app, "demo-leaver-19").await;
    let officer = token(&app, "demo-participation").await;
    let manager = token(&app, "demo-manager").await;

    // An adult's clean post goes straight up.
    let out = start(
        &app,
        &marcus,
        SENIORS,
        "Selling my old phone",
        "Anyone want my old phone? Cheap.",
    )
    .await;
    assert_eq!(out.status, PostStatus::Published);
    assert!(out.message.is_none());
    let post = out.post.id.clone();

    // Two taps: report, no reason needed.
    let res = post_json(
        &app,
        &tyler,
        &format!("/api/forum/posts/{post}/report"),
        j!({}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let receipt: ReportReceipt = json(res).await;
    assert!(receipt.message.contains("Dee Harper"));
    // Twice: 409, nothing more stored.
    let res = post_json(
        &app,
        &tyler,
        &format!("/api/forum/posts/{post}/report"),
        j!({"reason": "again"}),
    )
    .await;
    error(res, StatusCode::CONFLICT).await;
    let res = post_json(
        &app,
        &priya,
        &format!("/api/forum/posts/{post}/report"),
        j!({"reason": "Selling things is not allowed here"}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert_eq!(
        forum_report::Entity::find().count(&app.db).await.unwrap(),
        2
    );
    // Your own: no.
    let res = post_json(
        &app,
        &marcus,
        &format!("/api/forum/posts/{post}/report"),
        j!({}),
    )
    .await;
    error(res, StatusCode::UNPROCESSABLE_ENTITY).await;

    // The queue has it with copies of what was reported.
    let q = queue(&app, &officer).await;
    let item = q.reported.iter().find(|i| i.post.id == post).unwrap();
    assert_eq!(item.reports.len(), 2);
    assert!(item.reports.iter().all(|r| r.open
        && r.snapshot_body == "Anyone want my old phone? Cheap."
        && r.snapshot_title.as_deref() == Some("Selling my old phone")));

    // Removed: reports resolved, author and reporters told.
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/posts/{post}/remove"),
        j!({"reason": "Please don't sell things here: it isn't safe to meet people you don't know."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let v: ModPostView = json(res).await;
    assert_eq!(v.status, PostStatus::Removed);
    let reports = forum_report::Entity::find().all(&app.db).await.unwrap();
    assert!(reports
        .iter()
        .all(|r| r.status == "resolved" && r.outcome.as_deref() == Some("removed")));
    assert!(reports
        .iter()
        .all(|r| r.snapshot_body == "Anyone want my old phone? Cheap."));
    assert!(queue(&app, &officer)
        .await
        .reported
        .iter()
        .all(|i| i.post.id != post));
    assert!(notes(&app, &marcus)
        .await
        .iter()
        .any(|n| n["kind"] == "forum_post_removed"
            && n["body"].as_str().unwrap().contains("don't sell things")));
    assert!(notes(&app, &tyler)
        .await
        .iter()
        .any(|n| n["kind"] == "forum_report_resolved"));
    // Gone for everyone; Marcus sees why in his posts.
    let res = app
        .get_as(
            &format!("/api/forum/threads/{}", out.post.thread_id),
            &tyler,
        )
        .await;
    error(res, StatusCode::NOT_FOUND).await;
    let mine: Vec<MyPost> = json(app.get_as("/api/forum/me/posts", &marcus).await).await;
    let m = mine.iter().find(|m| m.post.id == post).unwrap();
    assert_eq!(m.post.status, PostStatus::Removed);
    assert!(m.moderator_note.as_deref().unwrap().contains("don't sell"));
    // Removing again: 409.
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/posts/{post}/remove"),
        j!({"reason": "again"}),
    )
    .await;
    error(res, StatusCode::CONFLICT).await;

    // The log: reported twice, removed, two reports resolved; who and why.
    let log = mod_log(&app, &manager, Some(&post)).await;
    let mut actions: Vec<ModAction> = log.entries.iter().map(|e| e.action).collect();
    actions.reverse();
    assert_eq!(
        actions,
        vec![
            ModAction::Reported,
            ModAction::Reported,
            ModAction::Removed,
            ModAction::ReportResolved,
            ModAction::ReportResolved,
        ]
    );
    assert!(log
        .entries
        .iter()
        .filter(|e| e.action == ModAction::Reported)
        .all(|e| e.actor_role == Some(Role::YoungPerson)));
    let removed = log
        .entries
        .iter()
        .find(|e| e.action == ModAction::Removed)
        .unwrap();
    assert_eq!(removed.actor.as_deref(), Some("Dee Harper"));
    assert!(removed.reason.as_deref().unwrap().contains("sell things"));
    assert_eq!(removed.member.as_deref(), Some("Bold Badger"));
    // Others may not read the log.
    for who in ["demo-sw", "demo-teen-17", "demo-pa"] {
        let t = token(&app, who).await;
        error(
            app.get_as("/api/forum/moderation/log", &t).await,
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    let admin = token(&app, "demo-admin").await;
    assert_eq!(
        app.get_as("/api/forum/moderation/log", &admin)
            .await
            .status(),
        StatusCode::OK
    );
}

async fn my_forum(app: &TestApp, token: &str) -> MyForum {
    let res = app.get_as("/api/forum/me", token).await;
    assert_eq!(res.status(), StatusCode::OK);
    json(res).await
}

// ------------------------------------------------------------ safety net

#[tokio::test]
async fn a_block_word_is_refused_with_what_to_change_and_nothing_is_stored() {
    let app = demo().await;
    let marcus = token(&app, "demo-leaver-23").await;
    let before = post_count(&app).await;
    let res = post_json(
        &app,
        &marcus,
        &format!("/api/forum/spaces/{SENIORS}/threads"),
        j!({"title": "Hi", "body": "you are a retard"}),
    )
    .await;
    let e = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(e.field.as_deref(), Some("body"));
    assert!(e.message.contains("\"retard\""), "{}", e.message);
    let res = post_json(
        &app,
        &marcus,
        &format!("/api/forum/spaces/{SENIORS}/threads"),
        j!({"title": "spaz", "body": "hello"}),
    )
    .await;
    let e = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(e.field.as_deref(), Some("title"));
    // Empty and too long.
    for (body, field) in [
        (j!({"title": " ", "body": "x"}), "title"),
        (j!({"title": "x", "body": "   "}), "body"),
        (j!({"title": "x", "body": "a".repeat(4001)}), "body"),
        (j!({"title": "t".repeat(121), "body": "x"}), "title"),
    ] {
        let res = post_json(
            &app,
            &marcus,
            &format!("/api/forum/spaces/{SENIORS}/threads"),
            body,
        )
        .await;
        let e = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(e.field.as_deref(), Some(field));
    }
    assert_eq!(post_count(&app).await, before);
    // A flagged word goes up, and moderators see it.
    let out = start(&app, &marcus, SENIORS, "Ugh", "That film was so stupid").await;
    assert_eq!(out.status, PostStatus::Published);
    let officer = token(&app, "demo-participation").await;
    let q = queue(&app, &officer).await;
    let item = q.flagged.iter().find(|i| i.post.id == out.post.id).unwrap();
    assert_eq!(item.watched[0].pattern, "stupid");
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/posts/{}/keep", out.post.id),
        j!({"note": "Fine: about a film."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(queue(&app, &officer).await.flagged.is_empty());
    // Nothing left to keep.
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/posts/{}/keep", out.post.id),
        j!({}),
    )
    .await;
    error(res, StatusCode::CONFLICT).await;
}

#[tokio::test]
async fn words_that_suggest_harm_hold_the_post_alert_the_worker_and_offer_help() {
    let app = demo().await;
    let aisha = token(&app, "demo-teen-14").await;
    let out = start(
        &app,
        &aisha,
        PJ,
        "Today",
        "Nobody listens to me and I want to die",
    )
    .await;
    assert_eq!(out.status, PostStatus::Pending);
    let help = out.help.unwrap();
    assert!(help.message.contains("Childline") && help.message.contains("0800 1111"));
    assert!(help.message.contains("020 8303 7777"));
    assert_eq!(help.childline_phone, "0800 1111");
    assert_eq!(help.duty_phone, "020 8303 7777");

    // Her social worker has an urgent alert; the title names nobody.
    let sw = backend::repo::accounts::by_username(&app.db, "demo-sw")
        .await
        .unwrap()
        .unwrap();
    let alerts = notification::Entity::find()
        .filter(notification::Column::AccountId.eq(sw.id))
        .filter(notification::Column::Kind.eq("forum_harm_alert"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(alerts.len(), 1);
    assert!(alerts[0].urgent);
    assert!(!alerts[0].title.contains("Aisha"));
    assert!(alerts[0].body.contains("Aisha") && alerts[0].body.contains("want to die"));
    // Nobody else sees the post; the officer sees it first in the queue.
    let leo = token(&app, "demo-child-10").await;
    assert!(!threads(&app, &leo, PJ)
        .await
        .threads
        .iter()
        .any(|t| t.id == out.post.thread_id));
    let officer = token(&app, "demo-participation").await;
    let q = queue(&app, &officer).await;
    assert_eq!(q.held[0].post.id, out.post.id);
    assert!(q.held[0].post.suggests_harm);
    assert_eq!(q.held[0].harm[0].phrase, "want to die");
    let manager = token(&app, "demo-manager").await;
    let log = mod_log(&app, &manager, Some(&out.post.id)).await;
    let alert = log
        .entries
        .iter()
        .find(|e| e.action == ModAction::HarmAlert)
        .unwrap();
    assert!(alert.reason.as_deref().unwrap().contains("social worker"));
}

#[tokio::test]
async fn reject_lock_suspend_and_delete() {
    let app = demo().await;
    let aisha = token(&app, "demo-teen-14").await;
    let leo = token(&app, "demo-child-10").await;
    let officer = token(&app, "demo-participation").await;

    // Rejected with a kind reason she reads.
    let out = start(
        &app,
        &aisha,
        PJ,
        "Gossip",
        "Guess what happened at my house",
    )
    .await;
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/posts/{}/reject", out.post.id),
        j!({"reason": ""}),
    )
    .await;
    error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/posts/{}/reject", out.post.id),
        j!({"reason": "This could say a lot about where you live, so we didn't put it up. Talk to your worker if something is worrying you."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let mine: Vec<MyPost> = json(app.get_as("/api/forum/me/posts", &aisha).await).await;
    let m = mine.iter().find(|m| m.post.id == out.post.id).unwrap();
    assert_eq!(m.post.status, PostStatus::Rejected);
    assert!(m
        .moderator_note
        .as_deref()
        .unwrap()
        .contains("Talk to your worker"));
    assert!(notes(&app, &aisha)
        .await
        .iter()
        .any(|n| n["kind"] == "forum_post_rejected"));

    // Locked: replies answer 409 and nothing is stored.
    let thread = threads(&app, &leo, PJ).await.threads[0].id.clone();
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/threads/{thread}/lock"),
        j!({"locked": true, "reason": "This conversation has run its course."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let before = post_count(&app).await;
    let e = error(
        reply(&app, &leo, &thread, "me too").await,
        StatusCode::CONFLICT,
    )
    .await;
    assert!(e.message.contains("closed"));
    assert_eq!(post_count(&app).await, before);
    let v: ThreadView = json(
        app.get_as(&format!("/api/forum/threads/{thread}"), &leo)
            .await,
    )
    .await;
    assert!(!v.can_reply && v.thread.locked);
    // Empty reply to an open thread: 422.
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/threads/{thread}/lock"),
        j!({"locked": false, "reason": "Open again."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let e = error(
        reply(&app, &leo, &thread, " ").await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(e.field.as_deref(), Some("body"));

    // A reply by Leo (10) waits; he can delete it himself.
    let res = reply(&app, &leo, &thread, "I like this idea").await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let r: PostOutcome = json(res).await;
    assert_eq!(r.status, PostStatus::Pending);
    // Aisha cannot delete Leo's post.
    let res = app
        .send_as(
            Method::DELETE,
            &format!("/api/forum/posts/{}", r.post.id),
            &aisha,
            &j!({}),
        )
        .await;
    error(res, StatusCode::NOT_FOUND).await;
    let res = app
        .send_as(
            Method::DELETE,
            &format!("/api/forum/posts/{}", r.post.id),
            &leo,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(queue(&app, &officer)
        .await
        .held
        .iter()
        .all(|i| i.post.id != r.post.id));

    // Suspended: cannot post, told why and until when; then allowed again.
    let member = queue_author(&app, &officer, &aisha).await;
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/members/{member}/suspension"),
        j!({"days": 91, "reason": "x"}),
    )
    .await;
    error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/members/{member}/suspension"),
        j!({"days": 7, "reason": "Some of your posts upset people."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let me = my_forum(&app, &aisha).await;
    assert!(!me.can_post);
    assert_eq!(
        me.suspension_reason.as_deref(),
        Some("Some of your posts upset people.")
    );
    let res = post_json(
        &app,
        &aisha,
        &format!("/api/forum/spaces/{PJ}/threads"),
        j!({"title": "Hi", "body": "Hello"}),
    )
    .await;
    let e = error(res, StatusCode::CONFLICT).await;
    assert!(e.message.contains("upset people"));
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/moderation/members/{member}/suspension"),
        j!({"days": 0, "reason": "Thanks for talking it through."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(my_forum(&app, &aisha).await.can_post);
    let manager = token(&app, "demo-manager").await;
    let log = mod_log(&app, &manager, None).await;
    for a in [
        ModAction::Rejected,
        ModAction::Locked,
        ModAction::Unlocked,
        ModAction::Suspended,
        ModAction::SuspensionLifted,
    ] {
        assert!(log.entries.iter().any(|e| e.action == a), "{a:?}");
    }
}

/// Aisha's forum id, from a post of hers in the queue.
async fn queue_author(app: &TestApp, officer: &str, aisha: &str) -> String {
    let out = start(app, aisha, PJ, "Hello", "Hello everyone").await;
    queue(app, officer)
        .await
        .held
        .into_iter()
        .find(|i| i.post.id == out.post.id)
        .map(|i| i.post.author_id)
        .unwrap()
}

#[tokio::test]
async fn display_names_blocks_and_watched_words() {
    let app = demo().await;
    let aisha = token(&app, "demo-teen-14").await;
    let tyler = token(&app, "demo-teen-17").await;
    let leo = token(&app, "demo-child-10").await;
    let marcus = token(&app, "demo-leaver-23").await;
    let officer = token(&app, "demo-participation").await;

    // A made-up name until they choose; never their real name.
    let me = my_forum(&app, &leo).await;
    assert!(!me.display_name_chosen && !me.display_name.contains("Leo"));
    for bad in ["Leo", "leo_10", "Leo 2015", "@leo", "Stupid Fox", "ab"] {
        let res = app
            .send_as(
                Method::PUT,
                "/api/forum/me/display-name",
                &leo,
                &j!({"display_name": bad}),
            )
            .await;
        let e = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(e.field.as_deref(), Some("display_name"), "{bad}");
    }
    let res = app
        .send_as(
            Method::PUT,
            "/api/forum/me/display-name",
            &leo,
            &j!({"display_name": "Leo", "use_real_name": true}),
        )
        .await;
    let e = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(e.field.as_deref(), Some("use_real_name"));
    let res = app
        .send_as(
            Method::PUT,
            "/api/forum/me/display-name",
            &leo,
            &j!({"display_name": "Sunny Robin"}),
        )
        .await;
    error(res, StatusCode::CONFLICT).await;
    let res = app
        .send_as(
            Method::PUT,
            "/api/forum/me/display-name",
            &leo,
            &j!({"display_name": "  Green   Dragon "}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let me: MyForum = json(res).await;
    assert_eq!(me.display_name, "Green Dragon");
    assert!(me.display_name_chosen);
    // From 18, one's real name by choice.
    let res = app
        .send_as(
            Method::PUT,
            "/api/forum/me/display-name",
            &marcus,
            &j!({"display_name": "Marcus", "use_real_name": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    // Leo blocks Tyler: Tyler's posts and threads are hidden from him.
    let pj = threads(&app, &leo, PJ).await;
    let by_tyler = pj
        .threads
        .iter()
        .find(|t| t.started_by == "Quiet Falcon")
        .unwrap()
        .id
        .clone();
    let ideas = pj
        .threads
        .iter()
        .find(|t| t.title == "Ideas for the summer trip")
        .unwrap()
        .id
        .clone();
    let view: ThreadView = json(
        app.get_as(&format!("/api/forum/threads/{ideas}"), &leo)
            .await,
    )
    .await;
    let tyler_reply = view
        .posts
        .iter()
        .find(|p| p.author == "Quiet Falcon")
        .unwrap()
        .id
        .clone();
    let res = post_json(
        &app,
        &leo,
        "/api/forum/blocks",
        j!({"post_id": tyler_reply}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let b: BlockView = json(res).await;
    assert_eq!(b.display_name, "Quiet Falcon");
    // Their posts are hidden now, so blocking by one again finds nothing.
    let res = post_json(
        &app,
        &leo,
        "/api/forum/blocks",
        j!({"post_id": tyler_reply}),
    )
    .await;
    error(res, StatusCode::NOT_FOUND).await;
    let view: ThreadView = json(
        app.get_as(&format!("/api/forum/threads/{ideas}"), &leo)
            .await,
    )
    .await;
    assert!(view.posts.iter().all(|p| p.author != "Quiet Falcon"));
    assert!(threads(&app, &leo, PJ)
        .await
        .threads
        .iter()
        .all(|t| t.id != by_tyler));
    error(
        app.get_as(&format!("/api/forum/threads/{by_tyler}"), &leo)
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    // Others still see them; Tyler is not told.
    let view: ThreadView = json(
        app.get_as(&format!("/api/forum/threads/{ideas}"), &aisha)
            .await,
    )
    .await;
    assert!(view.posts.iter().any(|p| p.author == "Quiet Falcon"));
    // Someone else's block is not found; one's own is removed.
    let res = app
        .send_as(
            Method::DELETE,
            &format!("/api/forum/blocks/{}", b.id),
            &aisha,
            &j!({}),
        )
        .await;
    error(res, StatusCode::NOT_FOUND).await;
    let res = app
        .send_as(
            Method::DELETE,
            &format!("/api/forum/blocks/{}", b.id),
            &leo,
            &j!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(threads(&app, &leo, PJ)
        .await
        .threads
        .iter()
        .any(|t| t.id == by_tyler));
    let _ = tyler;

    // The officer adds a word of Bexley's own; the log says so.
    let words: Value = json(
        app.get_as("/api/forum/moderation/watched-words", &officer)
            .await,
    )
    .await;
    let mut list = words["words"].as_array().unwrap().clone();
    assert!(list.iter().any(|w| w["pattern"] == "retard"));
    list.push(j!({"pattern": "bananas", "tier": "block"}));
    let res = app
        .send_as(
            Method::PUT,
            "/api/forum/moderation/watched-words",
            &officer,
            &j!({"words": list}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = post_json(
        &app,
        &marcus,
        &format!("/api/forum/spaces/{SENIORS}/threads"),
        j!({"title": "Fruit", "body": "I love bananas"}),
    )
    .await;
    error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    let res = app
        .send_as(
            Method::PUT,
            "/api/forum/moderation/watched-words",
            &officer,
            &j!({"words": [{"pattern": "x", "tier": "flag"}, {"pattern": "X", "tier": "hold"}]}),
        )
        .await;
    let e = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(e.field.as_deref(), Some("words[1].pattern"));
    let manager = token(&app, "demo-manager").await;
    error(
        app.get_as("/api/forum/moderation/watched-words", &manager)
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let log = mod_log(&app, &manager, None).await;
    let changed = log
        .entries
        .iter()
        .find(|e| e.action == ModAction::WatchedWordsChanged)
        .unwrap();
    assert!(changed.reason.as_deref().unwrap().contains("bananas"));
}

#[tokio::test]
async fn threads_page_by_keyset_without_repeats() {
    let app = demo().await;
    let marcus = token(&app, "demo-leaver-23").await;
    for i in 0..5 {
        start(
            &app,
            &marcus,
            SENIORS,
            &format!("Thread {i}"),
            &format!("Hello {i}"),
        )
        .await;
    }
    let mut seen = vec![];
    let mut next: Option<String> = None;
    loop {
        let path = match &next {
            Some(n) => format!("/api/forum/spaces/{SENIORS}/threads?limit=2&before={n}"),
            None => format!("/api/forum/spaces/{SENIORS}/threads?limit=2"),
        };
        let page: ThreadPage = json(app.get_as(&path, &marcus).await).await;
        assert!(page.threads.len() <= 2);
        seen.extend(page.threads.iter().map(|t| t.title.clone()));
        match page.next {
            Some(n) => next = Some(n),
            None => break,
        }
    }
    // Newest first, each once: the five new ones, then the demo thread.
    assert_eq!(
        seen,
        vec![
            "Thread 4",
            "Thread 3",
            "Thread 2",
            "Thread 1",
            "Thread 0",
            "Tips for your first flat"
        ]
    );
    let res = app
        .get_as(
            &format!("/api/forum/spaces/{SENIORS}/threads?before=nonsense"),
            &marcus,
        )
        .await;
    error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
}

// ---------------------------------------------------------------- events

async fn new_event(app: &TestApp, officer: &str, places: u32, starts_in_days: i64) -> String {
    let start = Utc::now() + Duration::days(starts_in_days);
    let res = post_json(
        app,
        officer,
        "/api/forum/admin/events",
        j!({
            "space": PJ,
            "kind": "trip",
            "title": "Trip to the beach",
            "description": "A day at the seaside.",
            "location": "Meet at Bexleyheath station",
            "starts_at": start,
            "ends_at": start + Duration::hours(6),
            "places": places,
        }),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let e: StaffEventView = json(res).await;
    e.event.id
}

#[tokio::test]
async fn the_last_place_goes_to_exactly_one_person_and_reminders_are_planned() {
    let app = demo().await;
    let officer = token(&app, "demo-participation").await;
    for (u, n) in [("kid-a", "Ava"), ("kid-b", "Ben"), ("kid-c", "Cal")] {
        young_person(&app, u, n, 12, 2, None).await;
    }
    let event = new_event(&app, &officer, 2, 20).await;
    let mut tokens = vec![];
    for u in [
        "demo-child-10",
        "demo-teen-14",
        "demo-teen-17",
        "kid-a",
        "kid-b",
        "kid-c",
    ] {
        tokens.push(token(&app, u).await);
    }
    let path = format!("/api/forum/events/{event}/signup");
    let all = futures_join(&app, &tokens, &path).await;
    let won = all.iter().filter(|s| **s == StatusCode::CREATED).count();
    let full = all.iter().filter(|s| **s == StatusCode::CONFLICT).count();
    assert_eq!((won, full), (2, 4), "{all:?}");
    let staff: Vec<StaffEventView> =
        json(app.get_as("/api/forum/admin/events", &officer).await).await;
    let e = staff.iter().find(|e| e.event.id == event).unwrap();
    assert_eq!((e.signed_up, e.event.places_left), (2, Some(0)));
    let jobs = scheduled_job::Entity::find()
        .filter(scheduled_job::Column::Kind.eq("forum_event_reminder"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(jobs.len(), 2);
    assert!(jobs.iter().all(|j| j.status == "pending"));

    // The officer sees who is coming (and each read is audited).
    let rows: Vec<Value> = json(
        app.get_as(
            &format!("/api/forum/admin/events/{event}/signups"),
            &officer,
        )
        .await,
    )
    .await;
    assert_eq!(rows.len(), 2);
    // A winner cancels: the place is free again and the reminder stops.
    let winner = tokens
        .iter()
        .zip(&all)
        .find(|(_, s)| **s == StatusCode::CREATED)
        .map(|(t, _)| t.clone())
        .unwrap();
    let res = app.send_as(Method::DELETE, &path, &winner, &j!({})).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = app.send_as(Method::DELETE, &path, &winner, &j!({})).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let pending = scheduled_job::Entity::find()
        .filter(scheduled_job::Column::Kind.eq("forum_event_reminder"))
        .filter(scheduled_job::Column::Status.eq("pending"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(pending, 1);
    let loser = tokens
        .iter()
        .zip(&all)
        .find(|(_, s)| **s == StatusCode::CONFLICT)
        .map(|(t, _)| t.clone())
        .unwrap();
    let res = post_json(&app, &loser, &path, j!({"note": "I can't eat nuts"})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let s: SignUpOutcome = json(res).await;
    assert!(s.reminder_at.is_some());
    assert!(s.message.contains("Dee Harper"));
    let res = post_json(&app, &loser, &path, j!({})).await;
    error(res, StatusCode::CONFLICT).await;

    // The reminder goes out the day before.
    let mut worker = backend::push::worker::Worker::new(
        app.db.clone(),
        &backend::config::Settings::defaults(app.data_dir.path()),
        &backend::secrets::Keys::load_or_create(app.data_dir.path()).unwrap(),
    )
    .unwrap();
    backend::services::events::register_jobs(worker.registry_mut());
    let at = s.reminder_at.unwrap() + Duration::minutes(1);
    let r = worker.run_jobs(at).await.unwrap();
    assert_eq!(r.done, 2, "{r:?}");
    let n = notes(&app, &loser).await;
    let reminder = n
        .iter()
        .find(|n| n["kind"] == "forum_event_reminder")
        .unwrap();
    assert_eq!(reminder["title"], "You have an update");
    assert!(reminder["body"]
        .as_str()
        .unwrap()
        .contains("Trip to the beach"));
    // The one who cancelled got nothing.
    assert!(notes(&app, &winner)
        .await
        .iter()
        .all(|n| n["kind"] != "forum_event_reminder"));
}

async fn futures_join(app: &TestApp, tokens: &[String], path: &str) -> Vec<StatusCode> {
    let mut handles = vec![];
    for t in tokens {
        let client = app.client.clone();
        let url = app.url(path);
        let t = t.clone();
        handles.push(tokio::spawn(async move {
            client
                .post(url)
                .bearer_auth(t)
                .json(&j!({}))
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    let mut out = vec![];
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[tokio::test]
async fn events_are_for_the_right_people_and_cancelling_tells_them() {
    let app = demo().await;
    let officer = token(&app, "demo-participation").await;
    let marcus = token(&app, "demo-leaver-23").await;
    let leo = token(&app, "demo-child-10").await;
    let event = new_event(&app, &officer, 10, 5).await;
    // Not for Marcus (23): not found.
    let list: Vec<Value> = json(app.get_as("/api/forum/events", &marcus).await).await;
    assert!(list.iter().all(|e| e["id"] != event.as_str()));
    let res = post_json(
        &app,
        &marcus,
        &format!("/api/forum/events/{event}/signup"),
        j!({}),
    )
    .await;
    error(res, StatusCode::NOT_FOUND).await;
    let res = post_json(
        &app,
        &leo,
        &format!("/api/forum/events/{event}/signup"),
        j!({}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // Fewer places than signed up: 422.
    let start = Utc::now() + Duration::days(5);
    let draft = |places: u32, cancelled: bool| {
        j!({
            "space": PJ, "kind": "trip", "title": "Trip to the beach", "location": "Station",
            "starts_at": start, "ends_at": start + Duration::hours(6), "places": places,
            "cancelled": cancelled,
        })
    };
    let res = app
        .send_as(
            Method::PUT,
            &format!("/api/forum/admin/events/{event}"),
            &officer,
            &draft(0, false),
        )
        .await;
    let e = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(e.field.as_deref(), Some("places"));
    let res = app
        .send_as(
            Method::PUT,
            &format!("/api/forum/admin/events/{event}"),
            &officer,
            &draft(10, true),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(notes(&app, &leo)
        .await
        .iter()
        .any(|n| n["kind"] == "forum_event_changed"
            && n["body"].as_str().unwrap().contains("cancelled")));
    let pending = scheduled_job::Entity::find()
        .filter(scheduled_job::Column::Status.eq("pending"))
        .filter(scheduled_job::Column::Kind.eq("forum_event_reminder"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(pending, 0);
    let res = post_json(
        &app,
        &leo,
        &format!("/api/forum/events/{event}/signup"),
        j!({}),
    )
    .await;
    error(res, StatusCode::CONFLICT).await;
    // Young people cannot run events.
    let res = post_json(&app, &leo, "/api/forum/admin/events", draft(5, false)).await;
    error(res, StatusCode::NOT_FOUND).await;
}

// ----------------------------------------------------------------- polls

#[tokio::test]
async fn polls_take_one_answer_from_the_options_and_say_what_was_done() {
    let app = demo().await;
    let officer = token(&app, "demo-participation").await;
    let leo = token(&app, "demo-child-10").await;
    let aisha = token(&app, "demo-teen-14").await;
    let mia = token(&app, "demo-child-7").await;
    let res = post_json(
        &app,
        &officer,
        "/api/forum/admin/polls",
        j!({"space": PJ, "kind": "poll", "question": "Pizza or burgers?", "options": ["Pizza", "Burgers"], "closes_at": Utc::now() + Duration::days(3)}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let p: StaffPollView = json(res).await;
    let path = format!("/api/forum/polls/{}/answer", p.poll.id);
    // Mia (7) is in no space: not found.
    error(
        post_json(&app, &mia, &path, j!({"option": 0})).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    let before = backend::entities::forum_poll_answer::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    for (body, field) in [
        (j!({"option": 2}), "option"),
        (j!({}), "option"),
        (j!({"option": 0, "comment": "also chips"}), "comment"),
    ] {
        let e = error(
            post_json(&app, &leo, &path, body).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(e.field.as_deref(), Some(field));
    }
    assert_eq!(
        backend::entities::forum_poll_answer::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        before
    );
    // Results hidden until I answer.
    let list: Vec<Value> = json(app.get_as("/api/forum/polls", &leo).await).await;
    let mine = list.iter().find(|x| x["id"] == p.poll.id.as_str()).unwrap();
    assert!(mine["results"].is_null());
    let res = post_json(&app, &leo, &path, j!({"option": 1})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let a: AnswerOutcome = json(res).await;
    assert_eq!(a.poll.results.unwrap().options[1].count, 1);
    error(
        post_json(&app, &leo, &path, j!({"option": 0})).await,
        StatusCode::CONFLICT,
    )
    .await;
    // You said, we did: only once closed.
    let res = app
        .send_as(
            Method::PUT,
            &format!("/api/forum/admin/polls/{}/outcome", p.poll.id),
            &officer,
            &j!({"you_said_we_did": "Burgers it is."}),
        )
        .await;
    error(res, StatusCode::CONFLICT).await;
    let res = post_json(
        &app,
        &officer,
        &format!("/api/forum/admin/polls/{}/close", p.poll.id),
        j!({"you_said_we_did": "You said burgers, so we got burgers."}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    error(
        post_json(&app, &aisha, &path, j!({"option": 0})).await,
        StatusCode::CONFLICT,
    )
    .await;
    let list: Vec<Value> = json(app.get_as("/api/forum/polls", &aisha).await).await;
    let closed = list.iter().find(|x| x["id"] == p.poll.id.as_str()).unwrap();
    assert_eq!(closed["open"], false);
    assert_eq!(
        closed["you_said_we_did"],
        "You said burgers, so we got burgers."
    );
    assert_eq!(closed["results"]["answers"], 1);
    // The demo consultation shows its outcome too.
    assert!(list
        .iter()
        .any(|x| x["question"] == "When should review meetings be?"
            && x["you_said_we_did"]
                .as_str()
                .unwrap_or_default()
                .starts_with("You said")));
}

#[tokio::test]
async fn participation_figures_have_no_names_and_hide_small_groups() {
    let app = demo().await;
    let manager = token(&app, "demo-manager").await;
    let res = app.get_as("/api/forum/participation", &manager).await;
    assert_eq!(res.status(), StatusCode::OK);
    let f: ParticipationFigures = json(res).await;
    // Four demo young people posted: fewer than 5, so hidden.
    assert_eq!(f.took_part, None);
    assert!(f
        .by_age_band
        .iter()
        .all(|b| b.count.is_none_or(|c| c == 0 || c >= 5)));
    for i in 0..6 {
        young_person(
            &app,
            &format!("teen-{i}"),
            &format!("Teen {i}"),
            15,
            2,
            None,
        )
        .await;
        let t = token(&app, &format!("teen-{i}")).await;
        start(&app, &t, PJ, "Hello", "Hello everyone").await;
    }
    // Ten now: 8 aged 12 to 17 and 2 adults, whose band is hidden; so is
    // the teens' (the total would give the adults away).
    let f: ParticipationFigures =
        json(app.get_as("/api/forum/participation", &manager).await).await;
    assert_eq!(f.took_part, Some(10));
    let band = |f: &ParticipationFigures, label: &str| {
        f.by_age_band
            .iter()
            .find(|b| b.label == label)
            .unwrap()
            .count
    };
    assert_eq!((band(&f, "12 to 17"), band(&f, "18 to 25")), (None, None));
    assert_eq!(band(&f, "8 to 11"), Some(0));
    for i in 0..3 {
        young_person(
            &app,
            &format!("adult-{i}"),
            &format!("Adult {i}"),
            20,
            6,
            Some(2),
        )
        .await;
        let t = token(&app, &format!("adult-{i}")).await;
        start(&app, &t, SENIORS, "Hello", "Hello everyone").await;
    }
    let f: ParticipationFigures =
        json(app.get_as("/api/forum/participation", &manager).await).await;
    assert_eq!(f.took_part, Some(13));
    assert_eq!(
        (band(&f, "12 to 17"), band(&f, "18 to 25")),
        (Some(8), Some(5))
    );
    assert_eq!(f.posted, Some(13));
    assert_eq!(f.signed_up_to_events, Some(0));
    let text = serde_json::to_string(&f).unwrap();
    assert!(!text.contains("Aisha") && !text.contains("Teen 1"));
    let res = app
        .get_as(
            "/api/forum/participation?from=2026-05-01&to=2026-01-01",
            &manager,
        )
        .await;
    error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    let sw = token(&app, "demo-sw").await;
    error(
        app.get_as("/api/forum/participation", &sw).await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn spaces_are_managed_by_admins_and_the_participation_officer() {
    let app = demo().await;
    let admin = token(&app, "demo-admin").await;
    let officer = token(&app, "demo-participation").await;
    let leo = token(&app, "demo-child-10").await;
    let res = post_json(
        &app,
        &officer,
        "/api/forum/admin/spaces",
        j!({"name": "Young Carers", "rule": {"min_age": 12, "max_age": 17, "audience": "both"}}),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let s: Value = json(res).await;
    assert_eq!(s["id"], "young-carers");
    assert_eq!(s["hold_under_18"], true);
    let res = post_json(
        &app,
        &officer,
        "/api/forum/admin/spaces",
        j!({"name": "Young Carers", "rule": {"min_age": 12, "max_age": 17, "audience": "both"}}),
    )
    .await;
    error(res, StatusCode::CONFLICT).await;
    let res = app
        .send_as(
            Method::PUT,
            "/api/forum/admin/spaces/young-carers",
            &admin,
            &j!({"name": "Young Carers", "rule": {"min_age": 17, "max_age": 12, "audience": "both"}}),
        )
        .await;
    let e = error(res, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(e.field.as_deref(), Some("rule.max_age"));
    // Leo (10) is too young for it; the admin changes the rule, and he can.
    let spaces: Vec<SpaceView> = json(app.get_as("/api/forum/spaces", &leo).await).await;
    assert!(spaces.iter().all(|s| s.id != "young-carers"));
    let res = app
        .send_as(
            Method::PUT,
            "/api/forum/admin/spaces/young-carers",
            &admin,
            &j!({"name": "Young Carers", "rule": {"min_age": 8, "max_age": 17, "audience": "both"}}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let spaces: Vec<SpaceView> = json(app.get_as("/api/forum/spaces", &leo).await).await;
    assert!(spaces.iter().any(|s| s.id == "young-carers"));
    let manager = token(&app, "demo-manager").await;
    let log = mod_log(&app, &manager, None).await;
    assert!(log
        .entries
        .iter()
        .any(|e| e.action == ModAction::SpaceCreated));
    assert!(
        log.entries
            .iter()
            .any(|e| e.action == ModAction::SpaceChanged
                && e.actor.as_deref() == Some("Robin Clarke"))
    );
    error(
        app.get_as("/api/forum/admin/spaces", &manager).await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn seeding_twice_adds_nothing_twice() {
    let app = demo().await;
    backend::seed::forum::seed(&app.db).await.unwrap();
    let spaces = backend::entities::forum_space::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(spaces, 2);
    let words = backend::entities::forum_watched_word::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(
        words as usize,
        shared::text_checks::DEFAULT_WATCHED_WORDS.len()
    );
}

// ----------------------------------------------------- for the access walk

/// Ids the authorization walk puts in forum paths: a published thread in
/// Positive Journeys (for Leo, the walk's young person) with its opening
/// post, a post of Leo's own (to delete), a block of Leo's, an event and a
/// poll for his space, and a member for a suspension.
pub struct WalkIds {
    space: String,
    thread: String,
    post: String,
    own_post: String,
    block: String,
    event: String,
    poll: String,
    member: String,
}

pub async fn walk_fixture(app: &TestApp) -> WalkIds {
    let aisha = token(app, "demo-teen-14").await;
    let leo = token(app, "demo-child-10").await;
    let tyler = token(app, "demo-teen-17").await;
    let officer = token(app, "demo-participation").await;
    let opening = start(app, &aisha, PJ, "For the walk", "Hello from the walk").await;
    approve(app, &officer, &opening.post.id, j!({})).await;
    let thread = opening.post.thread_id.clone();
    let own: PostOutcome = json(reply(app, &leo, &thread, "Hi from Leo").await).await;
    let theirs: PostOutcome = json(reply(app, &tyler, &thread, "Hi from Tyler").await).await;
    approve(app, &officer, &theirs.post.id, j!({})).await;
    let block: BlockView = json(
        post_json(
            app,
            &leo,
            "/api/forum/blocks",
            j!({"post_id": theirs.post.id}),
        )
        .await,
    )
    .await;
    let member = queue(app, &officer)
        .await
        .held
        .into_iter()
        .find(|i| i.post.id == own.post.id)
        .map(|i| i.post.author_id)
        .unwrap();
    let event = new_event(app, &officer, 10, 10).await;
    let poll: StaffPollView = json(
        post_json(
            app,
            &officer,
            "/api/forum/admin/polls",
            j!({"space": PJ, "kind": "poll", "question": "Walk?", "options": ["Yes", "No"], "closes_at": Utc::now() + Duration::days(3)}),
        )
        .await,
    )
    .await;
    WalkIds {
        space: PJ.to_owned(),
        thread,
        post: opening.post.id,
        own_post: own.post.id,
        block: block.id,
        event,
        poll: poll.poll.id,
        member,
    }
}

impl WalkIds {
    /// Puts the fixture's ids into a concrete path.
    pub fn fill(&self, method: &str, path: &str, concrete: &str) -> String {
        let post = if method == "delete" && path == "/api/forum/posts/{post}" {
            &self.own_post
        } else {
            &self.post
        };
        concrete
            .replace("{space}", &self.space)
            .replace("{thread}", &self.thread)
            .replace("{post}", post)
            .replace("{block}", &self.block)
            .replace("{event}", &self.event)
            .replace("{poll}", &self.poll)
            .replace("{member}", &self.member)
    }
}

// ------------------------------------------------- stored values checked

/// A status in the database that the code does not know is a 500 with the
/// project's error body (and a log line naming the table, column and
/// value), never shown to anyone as "waiting" or any other default.
#[tokio::test]
async fn an_unknown_post_status_in_the_database_is_an_error_not_pending() {
    use sea_orm::sea_query::Expr;
    let app = demo().await;
    young_person(&app, "zara-13", "Zara", 13, 2, None).await;
    let zara = token(&app, "zara-13").await;
    let out = start(
        &app,
        &zara,
        PJ,
        "Park on Saturday?",
        "Who wants to go to the park?",
    )
    .await;
    assert_eq!(out.status, PostStatus::Pending);
    let mine: Vec<MyPost> = json(app.get_as("/api/forum/me/posts", &zara).await).await;
    assert_eq!(mine.len(), 1);

    let changed = forum_post::Entity::update_many()
        .col_expr(forum_post::Column::Status, Expr::value("pendnig"))
        .filter(forum_post::Column::PublicId.eq(out.post.id.clone()))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(changed.rows_affected, 1);

    // Her posts read every one of her rows, so the bad one is reported.
    // (Lists that filter by status in SQL, such as a thread's replies, only
    // ever select the known visible statuses, so the row is not shown.)
    let body = error(
        app.get_as("/api/forum/me/posts", &zara).await,
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    assert_eq!(body.error, "internal");
    assert!(!body.message.contains("pendnig"), "{body:?}");
    assert!(!body.message.to_lowercase().contains("waiting"), "{body:?}");
}

/// An account whose stored role is unknown is refused with a 500 (and a log
/// line), not treated as signed out or given some default role.
#[tokio::test]
async fn an_unknown_account_role_in_the_database_is_an_error() {
    use backend::entities::account;
    use sea_orm::sea_query::Expr;
    let app = demo().await;
    let sw = token(&app, "demo-sw").await;
    assert_eq!(app.get_as("/api/me", &sw).await.status(), StatusCode::OK);
    account::Entity::update_many()
        .col_expr(account::Column::Role, Expr::value("superuser"))
        .filter(account::Column::Username.eq("demo-sw"))
        .exec(&app.db)
        .await
        .unwrap();
    let body = error(
        app.get_as("/api/me", &sw).await,
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    assert_eq!(body.error, "internal");
}
