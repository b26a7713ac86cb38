//! The authorization walk: every documented endpoint x every role x (own
//! record, someone else's, another council's), expected outcomes computed
//! from the same rules the server uses (`shared::access`), and each
//! endpoint's guard as it is declared in `shared::endpoints` (the same
//! declaration the server registers the route from). A new endpoint without a
//! sample body here fails this test.

use backend::repo::{councils, people};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json as j, Value};
use shared::access::{allowed, can, Relation, Relationship};
use shared::endpoints::{self, Guard};
use shared::people::{LegalStatus, Role};
use tests::{json, spawn_demo_app, StatusCode, TestApp};

struct Actor {
    role: Role,
    username: &'static str,
    /// Whose record counts as "own" for this role, and the relation the
    /// rules should see.
    own: &'static str,
    own_relation: Relation,
    /// Someone in the same council this actor has no link with.
    other: &'static str,
}

const ACTORS: &[Actor] = &[
    Actor {
        role: Role::YoungPerson,
        username: "demo-child-10",
        own: "Leo",
        own_relation: Relation::Own,
        other: "Riley",
    },
    Actor {
        role: Role::SocialWorker,
        username: "demo-sw",
        own: "Leo",
        own_relation: Relation::Allocated(Relationship::SocialWorker),
        other: "Riley",
    },
    Actor {
        role: Role::PersonalAdviser,
        username: "demo-pa",
        own: "Priya",
        own_relation: Relation::Allocated(Relationship::PersonalAdviser),
        other: "Leo",
    },
    Actor {
        role: Role::Iro,
        username: "demo-iro",
        own: "Leo",
        own_relation: Relation::Allocated(Relationship::Iro),
        other: "Marcus",
    },
    Actor {
        role: Role::TeamManager,
        username: "demo-manager",
        own: "Leo",
        own_relation: Relation::ManagesTeam,
        other: "Marcus",
    },
    Actor {
        role: Role::ParticipationOfficer,
        username: "demo-participation",
        own: "Leo",
        own_relation: Relation::Unrelated,
        other: "Riley",
    },
    Actor {
        role: Role::Admin,
        username: "demo-admin",
        own: "Leo",
        own_relation: Relation::Unrelated,
        other: "Riley",
    },
];

/// Bodies chosen to pass the access check and then fail validation, so the
/// walk changes nothing it would later depend on.
fn sample_body(method: &str, path: &str) -> Option<Value> {
    Some(match (method, path) {
        (_, p) if method == "get" || method == "delete" => {
            let _ = p;
            j!({})
        }
        ("post", "/api/auth/logout") => j!({}),
        ("post", "/api/me/password") => {
            j!({"current_password": "not it", "new_password": "whatever you like"})
        }
        // Languages (issue 9): one the app does not speak.
        ("put", "/api/me/language") => j!({"language": "klingon"}),
        ("post", "/api/people") => {
            j!({"preferred_name": "", "date_of_birth": "2015-01-01", "care_started": "2020-01-01", "legal_status": "section20"})
        }
        ("post", "/api/people/{id}/care-episodes") => j!({"start": "1900-01-01"}),
        ("post", "/api/people/{id}/account") => j!({"username": "x"}),
        ("post", "/api/people/{id}/code") => j!({}),
        ("post", "/api/people/{id}/allocations") => {
            j!({"relationship": "social_worker", "staff_id": "no-such-staff"})
        }
        ("post", "/api/people/{id}/break-glass") => j!({"reason": "too short"}),
        ("put", "/api/people/{id}/plan/draft") => j!({"sections": []}),
        ("post", "/api/people/{id}/plan/share") => j!({}),
        ("post", "/api/people/{id}/plan/answer") => j!({"query_id": "none", "answer": "x"}),
        ("post", "/api/me/plan/questions") => {
            j!({"section": "about_me", "kind": "dont_understand"})
        }
        ("put", "/api/me/profile") => j!({"about_me": "x".repeat(3000)}),
        ("post", "/api/staff") => {
            j!({"username": "x", "display_name": "X", "role": "social_worker"})
        }
        ("patch", "/api/staff/{id}") => j!({"disabled": false}),
        ("post", "/api/staff/{id}/code") => j!({}),
        // Push (issue 7): a plain-http endpoint and an impossible time fail
        // validation; marking read changes only the caller's own list.
        ("post", "/api/me/push-subscriptions") => {
            j!({"endpoint": "http://push.invalid/x", "keys": {"p256dh": "x", "auth": "y"}})
        }
        ("put", "/api/me/notification-preferences") => {
            j!({"quiet_hours": {"start": "25:00", "end": "07:00"}})
        }
        ("post", "/api/me/notifications/{id}/read") => j!({}),
        ("post", "/api/me/notifications/read-all") => j!({}),
        // Local offer (issue 4): an empty entitlement id, an empty change,
        // a status a worker cannot set, and drafts with no section all fail
        // validation after the access check.
        ("post", "/api/me/offer/requests") => j!({"entitlement_id": ""}),
        ("patch", "/api/people/{id}/circumstances") => j!({}),
        ("patch", "/api/offer/requests/{id}") => j!({"status": "asked"}),
        ("post", "/api/offer/entitlements") => j!({}),
        ("put", "/api/offer/entitlements/{id}") => j!({}),
        // Reviews and feedback (issue 6): empty ids, empty words, a message
        // over the limit and a submission id that is not a UUID all fail
        // validation after the access check.
        ("post", "/api/me/reviews/requests") => j!({"message": "x".repeat(3000)}),
        ("put", "/api/me/reviews/participation") => {
            j!({"review_id": "", "participation": "attend"})
        }
        ("put", "/api/me/feedback/draft") => j!({"review_id": "", "form_id": ""}),
        ("post", "/api/me/feedback") => {
            j!({"submission_id": "not-a-uuid", "review_id": "", "form_id": ""})
        }
        ("post", "/api/people/{id}/reviews") => j!({"date": "2026-01-01", "place": ""}),
        ("patch", "/api/people/{id}/reviews") => j!({"review_id": ""}),
        ("post", "/api/people/{id}/reviews/outcome") => {
            j!({"review_id": "", "held_on": "2026-01-01", "outcomes": "", "decisions": ""})
        }
        ("post", "/api/people/{id}/feedback/answer") => j!({"feedback_id": "", "answer": ""}),
        ("put", "/api/reviews/settings") => j!({}),
        ("post", "/api/feedback/forms") => {
            j!({"key": "under8", "title": "", "intro": "", "questions": []})
        }
        ("post", "/api/safeguarding-alerts/response") => j!({"alert_id": "", "response": ""}),
        // Positive Journeys (issue 8): empty or over-long text, an answer
        // outside the options, a bad number of days and an impossible age
        // rule fail validation after the access check. Forum ids come from
        // `crate::forum::walk_fixture` (see `fill` below); deleting Leo's
        // own post and block, and cancelling a sign-up he never made, are
        // the only changes, and nothing later depends on them.
        ("put", "/api/forum/me/display-name") => j!({"display_name": ""}),
        ("post", "/api/forum/spaces/{space}/threads") => j!({"title": "", "body": ""}),
        ("post", "/api/forum/threads/{thread}/replies") => j!({"body": ""}),
        ("post", "/api/forum/posts/{post}/report") => j!({"reason": "x".repeat(600)}),
        ("post", "/api/forum/blocks") => j!({"post_id": ""}),
        ("post", "/api/forum/events/{event}/signup") => j!({"note": "x".repeat(600)}),
        ("post", "/api/forum/polls/{poll}/answer") => j!({"option": 99}),
        ("post", "/api/forum/moderation/posts/{post}/approve") => j!({"body": ""}),
        ("post", "/api/forum/moderation/posts/{post}/reject") => j!({"reason": ""}),
        ("post", "/api/forum/moderation/posts/{post}/remove") => j!({"reason": ""}),
        ("post", "/api/forum/moderation/posts/{post}/keep") => j!({"note": "x".repeat(600)}),
        ("post", "/api/forum/moderation/threads/{thread}/lock") => {
            j!({"locked": true, "reason": ""})
        }
        ("post", "/api/forum/moderation/members/{member}/suspension") => {
            j!({"days": -1, "reason": "x"})
        }
        ("put", "/api/forum/moderation/watched-words") => {
            j!({"words": [{"pattern": "", "tier": "block"}]})
        }
        ("post", "/api/forum/admin/spaces") | ("put", "/api/forum/admin/spaces/{space}") => {
            j!({"name": "", "rule": {"min_age": 8, "max_age": 17, "audience": "in_care"}})
        }
        ("post", "/api/forum/admin/events") | ("put", "/api/forum/admin/events/{event}") => {
            j!({"kind": "meeting", "title": "", "location": "x", "starts_at": "2030-01-01T10:00:00Z", "ends_at": "2030-01-01T12:00:00Z"})
        }
        ("post", "/api/forum/admin/polls") => {
            j!({"kind": "poll", "question": "", "closes_at": "2030-01-01T10:00:00Z"})
        }
        ("post", "/api/forum/admin/polls/{poll}/close") => {
            j!({"you_said_we_did": "x".repeat(5000)})
        }
        ("put", "/api/forum/admin/polls/{poll}/outcome") => j!({"you_said_we_did": ""}),
        _ => return None,
    })
}

async fn person(app: &TestApp, name: &str) -> String {
    backend::entities::young_person::Entity::find()
        .filter(backend::entities::young_person::Column::PreferredName.eq(name))
        .one(&app.db)
        .await
        .ok()
        .flatten()
        .map(|p| p.public_id)
        .unwrap_or_else(|| panic!("no demo person {name}"))
}

async fn staff_id(app: &TestApp, username: &str) -> String {
    backend::repo::accounts::by_username(&app.db, username)
        .await
        .ok()
        .flatten()
        .map(|a| a.public_id)
        .unwrap_or_else(|| panic!("no account {username}"))
}

#[tokio::test]
async fn every_endpoint_role_and_record() {
    let app = spawn_demo_app().await;
    // Another council with a young person of its own.
    let other_council = councils::ensure(
        &app.db,
        &shared::api::Council {
            slug: "elsewhere".to_owned(),
            name: "Elsewhere Council".to_owned(),
            duty_phone: "0000".to_owned(),
            time_zone: "Europe/London".to_owned(),
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let far = people::create(
        &app.db,
        other_council.id,
        "Far Away",
        chrono::NaiveDate::from_ymd_opt(2012, 3, 4).unwrap_or_default(),
        chrono::Utc::now(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    people::add_episode(
        &app.db,
        far.id,
        chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default(),
        None,
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    people::add_legal_status(
        &app.db,
        far.id,
        LegalStatus::Section20,
        chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default(),
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));

    let mut cells = 0;
    let mut failures = vec![];
    let demo_sw_id = staff_id(&app, "demo-sw").await;
    let forum_ids = crate::forum::walk_fixture(&app).await;
    let others_session = {
        let t = app.login("demo-leaver-23").await.access_token;
        let list: Vec<shared::accounts::SessionInfo> =
            json(app.get_as("/api/me/sessions", &t).await).await;
        list.into_iter().map(|s| s.id).next().unwrap_or_default()
    };

    for actor in ACTORS {
        let mut token = app.login(actor.username).await.access_token;
        let own = person(&app, actor.own).await;
        let other = person(&app, actor.other).await;
        for meta in endpoints::all() {
            let method = meta.method.as_str().to_lowercase();
            let path = meta.path;
            let guard = meta.guard;
            if guard == Guard::Public {
                continue;
            }
            let body = sample_body(&method, path)
                .unwrap_or_else(|| panic!("{method} {path}: add a sample body to the access walk"));
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes())
                .unwrap_or(reqwest::Method::GET);
            let subjects: Vec<(&str, String, Option<Relation>)> = match guard {
                Guard::Record(_) => vec![
                    ("own", own.clone(), Some(actor.own_relation)),
                    ("other's", other.clone(), Some(Relation::Unrelated)),
                    ("another council's", far.public_id.clone(), None),
                ],
                _ if path == "/api/me/push-subscriptions/{id}"
                    || path == "/api/me/notifications/{id}/read"
                    || path == "/api/me/notifications/{id}" =>
                {
                    // A device or notification of the actor's own, and
                    // one of somebody else's.
                    let (mine, theirs) =
                        crate::push::walk_fixture(&app, actor.username, path).await;
                    vec![
                        ("own", mine, None),
                        ("other's", theirs, Some(Relation::Unrelated)),
                    ]
                }
                _ if path == "/api/me/sessions/{id}" => {
                    // A spare session of the actor's own, and one of
                    // somebody else's.
                    let spare = app.login(actor.username).await.access_token;
                    let mine: Vec<shared::accounts::SessionInfo> =
                        json(app.get_as("/api/me/sessions", &spare).await).await;
                    let spare_id = mine
                        .iter()
                        .find(|s| s.current)
                        .map(|s| s.id.clone())
                        .unwrap_or_default();
                    vec![
                        ("own", spare_id, None),
                        ("other's", others_session.clone(), Some(Relation::Unrelated)),
                    ]
                }
                _ => vec![(
                    "-",
                    if path.starts_with("/api/staff/") {
                        demo_sw_id.clone()
                    } else {
                        "bexley".to_owned()
                    },
                    None,
                )],
            };
            for (label, id, relation) in subjects {
                let concrete = forum_ids.fill(
                    &method,
                    path,
                    &path.replace("{id}", &id).replace("{slug}", "bexley"),
                );
                let res = app.send_as(m.clone(), &concrete, &token, &body).await;
                let status = res.status();
                let expect_allowed = match guard {
                    Guard::SignedIn => relation.is_none(),
                    Guard::Public => true,
                    Guard::YoungPersonSelf => actor.role == Role::YoungPerson,
                    Guard::Ability(a) => can(actor.role, a),
                    Guard::Record(action) => {
                        relation.is_some_and(|r| allowed(actor.role, r, action))
                    }
                };
                cells += 1;
                let ok = if expect_allowed {
                    status != StatusCode::NOT_FOUND
                        && status != StatusCode::UNAUTHORIZED
                        && !status.is_server_error()
                } else {
                    status == StatusCode::NOT_FOUND
                };
                if !ok {
                    failures.push(format!(
                        "{:?} {method} {path} ({label}): expected {}, got {status}",
                        actor.role,
                        if expect_allowed { "allowed" } else { "404" }
                    ));
                }
            }
            // Logging out ends the walk's session; sign in again.
            if path == "/api/auth/logout" {
                token = app.login(actor.username).await.access_token;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cells} cells wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(cells > 150, "only {cells} cells walked");
}

#[tokio::test]
async fn protected_endpoints_refuse_callers_without_a_token() {
    let app = spawn_demo_app().await;
    let doc: Value = json(app.get("/api/openapi.json").await).await;
    for meta in endpoints::all() {
        let method = meta.method.as_str().to_lowercase();
        let path = meta.path;
        let ops = &doc["paths"][path];
        if meta.guard == Guard::Public {
            continue;
        }
        let body = sample_body(&method, path).unwrap_or(j!({}));
        let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes())
            .unwrap_or(reqwest::Method::GET);
        let concrete = path.replace("{id}", "00000000-0000-0000-0000-000000000000");
        let res = app
            .client
            .request(m, app.url(&concrete))
            .json(&body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
        // The document says so too.
        assert!(
            ops[&method]["security"].is_array(),
            "{method} {path} does not declare its auth in the OpenAPI document"
        );
    }
}
