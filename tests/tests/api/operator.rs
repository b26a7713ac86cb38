//! The operator's commands (issue 17), called as library functions against
//! a fresh installation with no council, then checked through the API; and
//! once through the real binary.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use backend::entities::{account, audit_event, local_authority, team};
use backend::operator::council::{BankHolidays, CouncilSetup, ReviewPromise, VisitPolicy};
use backend::operator::{self, Operator, OperatorError};
use backend::startup::Application;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json as j;
use shared::accounts::{NewStaff, StaffView, TokenResponse};
use shared::api::{SetupState, Team};
use shared::offer::{AdminOffer, PublicOffer};
use shared::people::{Role, TeamKind};
use tests::{json, spawn_app, spawn_empty_app, test_settings, StatusCode, TestApp};

const PASSWORD: &str = "a long enough password 2026";

fn op() -> Operator {
    Operator::named("test-operator")
}

fn north_somerset() -> CouncilSetup {
    CouncilSetup {
        slug: "north-somerset".to_owned(),
        name: "North Somerset Council".to_owned(),
        time_zone: "Europe/London".to_owned(),
        duty_phone: "01275 888 808".to_owned(),
        bank_holidays: BankHolidays::EnglandAndWales,
        review_promise: ReviewPromise::Statutory,
        visit_policy: VisitPolicy::Statutory,
    }
}

fn leaving_care() -> Team {
    Team {
        slug: "leaving-care".to_owned(),
        name: "Leaving Care Team".to_owned(),
        kind: TeamKind::LeavingCare,
    }
}

fn admin() -> NewStaff {
    NewStaff {
        username: "ns-admin".to_owned(),
        display_name: "Ada Lovelace".to_owned(),
        role: Role::Admin,
        team: Some("leaving-care".to_owned()),
    }
}

/// Rows that a command could write, to show a re-run or a refusal wrote none.
async fn counts(db: &DatabaseConnection) -> [u64; 4] {
    [
        local_authority::Entity::find().count(db).await.unwrap(),
        team::Entity::find().count(db).await.unwrap(),
        account::Entity::find().count(db).await.unwrap(),
        audit_event::Entity::find().count(db).await.unwrap(),
    ]
}

async fn needs_setup(app: &TestApp) -> bool {
    let res = app.get("/api/setup").await;
    assert_eq!(res.status(), StatusCode::OK);
    json::<SetupState>(res).await.needs_setup
}

#[tokio::test]
async fn from_no_council_to_an_administrator_signed_in() {
    let app = spawn_empty_app().await;
    assert!(
        needs_setup(&app).await,
        "a fresh installation has no council"
    );
    let list: Vec<shared::api::Council> = json(app.get("/api/councils").await).await;
    assert!(list.is_empty(), "no demo council without demo data");

    let created = operator::council::create(&app.db, &north_somerset(), &op())
        .await
        .unwrap();
    assert!(created.created());
    assert!(!needs_setup(&app).await);
    let c: shared::api::Council = json(app.get("/api/councils/north-somerset").await).await;
    assert_eq!(c.name, "North Somerset Council");
    assert!(
        operator::team::add(&app.db, "north-somerset", &leaving_care(), &op())
            .await
            .unwrap()
            .created()
    );
    let added = operator::staff::add(&app.db, "north-somerset", &admin(), &op())
        .await
        .unwrap();
    assert!(added.created());
    let code = added.value().code.clone().expect("a one-time code");

    // The administrator activates with the printed code and signs in.
    let res = app
        .post_json(
            "/api/auth/activate",
            &j!({"code": code.code, "password": PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app
        .post_json(
            "/api/auth/login",
            &j!({"username": "ns-admin", "password": PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let token = json::<TokenResponse>(res).await.access_token;
    let staff: Vec<StaffView> = json(app.get_as("/api/staff", &token).await).await;
    assert_eq!(staff.len(), 1);
    assert_eq!(staff[0].username, "ns-admin");
    assert_eq!(staff[0].team.as_deref(), Some("leaving-care"));
    assert!(staff[0].activated);
    // The new council has its feedback forms and forum spaces, and no offer.
    let offer: PublicOffer = json(app.get("/api/councils/north-somerset/offer").await).await;
    assert!(offer.sections.iter().all(|s| s.entries.is_empty()));

    // Each command once more: nothing changes, no new code.
    let before = counts(&app.db).await;
    assert!(
        !operator::council::create(&app.db, &north_somerset(), &op())
            .await
            .unwrap()
            .created()
    );
    assert!(
        !operator::team::add(&app.db, "north-somerset", &leaving_care(), &op())
            .await
            .unwrap()
            .created()
    );
    let again = operator::staff::add(&app.db, "north-somerset", &admin(), &op())
        .await
        .unwrap();
    assert!(!again.created());
    assert!(again.value().code.is_none());
    assert_eq!(counts(&app.db).await, before);

    // Each change has its audit row, with the operator as actor.
    let rows = audit_event::Entity::find()
        .filter(audit_event::Column::ActorRole.eq("operator"))
        .all(&app.db)
        .await
        .unwrap();
    let actions: Vec<_> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions, ["council.create", "team.add", "staff.add"]);
    assert!(rows.iter().all(|r| r.actor_account_id.is_none()
        && r.reason
            .as_deref()
            .is_some_and(|w| w.contains("test-operator"))));

    // Other values for what exists: refused, saying what differs.
    let mut other = north_somerset();
    other.time_zone = "Europe/Dublin".to_owned();
    match operator::council::create(&app.db, &other, &op()).await {
        Err(OperatorError::Differs(why)) => assert!(why.contains("Europe/Dublin"), "{why}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let mut other = admin();
    other.role = Role::SocialWorker;
    assert!(matches!(
        operator::staff::add(&app.db, "north-somerset", &other, &op()).await,
        Err(OperatorError::Differs(_))
    ));

    // Switched off: signed out, and cannot sign in.
    assert!(
        operator::staff::deactivate(&app.db, "north-somerset", "ns-admin", &op())
            .await
            .unwrap()
            .created()
    );
    assert_eq!(
        app.get_as("/api/staff", &token).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert!(
        !operator::staff::deactivate(&app.db, "north-somerset", "ns-admin", &op())
            .await
            .unwrap()
            .created()
    );
    assert_eq!(counts(&app.db).await[3], before[3] + 1);
}

#[tokio::test]
async fn bad_input_is_refused_plainly_and_writes_nothing() {
    let app = spawn_empty_app().await;
    let before = counts(&app.db).await;
    let mut bad = north_somerset();
    bad.time_zone = "Mars/Olympus".to_owned();
    match operator::council::create(&app.db, &bad, &op()).await {
        Err(OperatorError::Invalid(why)) => assert!(why.contains("time zone"), "{why}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let mut bad = north_somerset();
    bad.bank_holidays = BankHolidays::Scotland;
    assert!(matches!(
        operator::council::create(&app.db, &bad, &op()).await,
        Err(OperatorError::Invalid(_))
    ));
    let mut bad = north_somerset();
    bad.slug = "North Somerset!".to_owned();
    assert!(matches!(
        operator::council::create(&app.db, &bad, &op()).await,
        Err(OperatorError::Invalid(_))
    ));
    match operator::team::add(&app.db, "nowhere", &leaving_care(), &op()).await {
        Err(OperatorError::NotFound(why)) => assert!(why.contains("nowhere"), "{why}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    match operator::staff::parse_role("wizard") {
        Err(OperatorError::Invalid(why)) => assert!(why.contains("team-manager"), "{why}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert!(operator::staff::parse_role("young-person").is_err());
    assert_eq!(
        operator::staff::parse_role("team-manager").unwrap(),
        Role::TeamManager
    );
    assert!(matches!(
        operator::staff::add(&app.db, "nowhere", &admin(), &op()).await,
        Err(OperatorError::NotFound(_))
    ));
    assert!(matches!(
        operator::offer::from_template(&app.db, "nowhere", &op()).await,
        Err(OperatorError::NotFound(_))
    ));
    assert_eq!(counts(&app.db).await, before, "nothing written");

    // A team that does not exist: refused, no account.
    operator::council::create(&app.db, &north_somerset(), &op())
        .await
        .unwrap();
    let before = counts(&app.db).await;
    assert!(matches!(
        operator::staff::add(&app.db, "north-somerset", &admin(), &op()).await,
        Err(OperatorError::Invalid(_))
    ));
    assert!(matches!(
        operator::team::parse_kind("kitchen"),
        Err(OperatorError::Invalid(_))
    ));
    assert_eq!(counts(&app.db).await, before, "nothing written");
}

#[tokio::test]
async fn the_template_offer_is_examples_hidden_from_young_people_until_saved() {
    let app = spawn_empty_app().await;
    operator::council::create(&app.db, &north_somerset(), &op())
        .await
        .unwrap();
    let added = operator::offer::from_template(&app.db, "north-somerset", &op())
        .await
        .unwrap();
    assert!(added > 30, "{added}");
    assert_eq!(
        operator::offer::from_template(&app.db, "north-somerset", &op())
            .await
            .unwrap(),
        0,
        "a second run adds nothing"
    );
    let public: PublicOffer = json(app.get("/api/councils/north-somerset/offer").await).await;
    assert!(
        public.sections.iter().all(|s| s.entries.is_empty()),
        "no example reaches the public page"
    );

    operator::team::add(&app.db, "north-somerset", &leaving_care(), &op())
        .await
        .unwrap();
    let code = operator::staff::add(&app.db, "north-somerset", &admin(), &op())
        .await
        .unwrap()
        .value()
        .code
        .clone()
        .unwrap();
    let tokens: TokenResponse = json(
        app.post_json(
            "/api/auth/activate",
            &j!({"code": code.code, "password": PASSWORD}),
        )
        .await,
    )
    .await;
    let admin_offer: AdminOffer = json(
        app.get_as("/api/offer/entitlements", &tokens.access_token)
            .await,
    )
    .await;
    assert_eq!(admin_offer.entitlements.len(), added);
    assert!(admin_offer.entitlements.iter().all(|e| e.example_to_edit));

    // Saved by an administrator: checked, and shown from now on.
    let body = crate::offer::he_bursary_body(&admin_offer);
    let res = app
        .send_as(
            reqwest::Method::PUT,
            "/api/offer/entitlements/he-bursary",
            &tokens.access_token,
            &body,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let public: PublicOffer = json(app.get("/api/councils/north-somerset/offer").await).await;
    let shown: Vec<_> = public
        .sections
        .iter()
        .flat_map(|s| s.entries.iter())
        .map(|e| e.entitlement.id.as_str())
        .collect();
    assert_eq!(shown, ["he-bursary"]);
    // Bexley's own offer is untouched by another council's copy.
    let bexley = spawn_app().await;
    let b: PublicOffer = json(bexley.get("/api/councils/bexley/offer").await).await;
    assert!(b.sections.iter().map(|s| s.entries.len()).sum::<usize>() > 30);
}

#[tokio::test]
async fn rotating_the_jwt_key_keeps_old_tokens_and_signs_new_ones_with_the_new_key() {
    let app = tests::spawn_demo_app().await;
    let old = app.login("demo-admin").await.access_token;
    let settings = test_settings(app.data_dir.path(), app.database_url.clone());
    operator::keys::rotate_jwt(&app.db, &settings, &op())
        .await
        .unwrap();
    // Another instance started after the rotation (as a restart would).
    let restarted = Application::build(settings).await.expect("it starts");
    let new_secret = restarted.state().keys.jwt.expose().to_vec();
    assert_ne!(new_secret, app.jwt_secret, "a new key");
    let base = format!("http://127.0.0.1:{}", restarted.port());
    tokio::spawn(restarted.run_until_stopped());
    let client = reqwest::Client::new();
    let me = |token: String| {
        let client = client.clone();
        let url = format!("{base}/api/me");
        async move {
            client
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(me(old.clone()).await, StatusCode::OK, "the old token works");
    let res = client
        .post(format!("{base}/api/auth/login"))
        .json(&j!({"username": "demo-admin", "password": tests::DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    let fresh = json::<TokenResponse>(res).await.access_token;
    assert_eq!(me(fresh.clone()).await, StatusCode::OK);
    // Signed with the new key: the instance that still has only the old
    // key refuses it, and the new key verifies it.
    assert_eq!(
        app.get_as("/api/me", &fresh).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let mut v = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    v.set_audience(&["good-for-me-api"]);
    assert!(jsonwebtoken::decode::<serde_json::Value>(
        &fresh,
        &jsonwebtoken::DecodingKey::from_secret(&new_secret),
        &v
    )
    .is_ok());
    // Written to the council's audit trail.
    let rows = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("keys.rotate_jwt"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn config_check_refuses_weak_secrets_in_production() {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let dir = tempfile::tempdir().unwrap();
    let mut s = backend::config::Settings::defaults(dir.path());
    // Nothing generated yet: missing.
    let r = operator::config_check::check(&s, true);
    assert!(r
        .settings
        .iter()
        .any(|(k, v)| k == "JWT_SECRET" && v == "missing"));
    assert!(r
        .problems
        .iter()
        .any(|p| p.contains("JWT_SECRET is missing")));

    // A 16-byte key in a file others can read, demo data on.
    let vapid = backend::secrets::Keys::load_or_create(tempfile::tempdir().unwrap().path())
        .unwrap()
        .vapid_private;
    let path = dir.path().join("secrets.toml");
    std::fs::write(
        &path,
        format!(
            "jwt_secret = \"{}\"\nvapid_private_key = \"{}\"\n",
            b64.encode([1u8; 16]),
            b64.encode(vapid.expose())
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    s.demo_data = true;
    let r = operator::config_check::check(&s, true);
    let all = r.problems.join("\n");
    assert!(all.contains("16 bytes"), "{all}");
    assert!(all.contains("DEMO_DATA"), "{all}");
    assert!(all.contains("VAPID_SUBJECT"), "{all}");
    #[cfg(unix)]
    assert!(all.contains("chmod 600"), "{all}");
    // No secret value is ever printed.
    let printed = format!("{:?}", r.settings);
    assert!(!printed.contains(&b64.encode([1u8; 16])), "{printed}");
    assert!(r
        .settings
        .iter()
        .any(|(k, v)| k == "JWT_SECRET" && v == "generated"));
    // Outside production mode nothing is refused.
    assert!(operator::config_check::check(&s, false).problems.is_empty());

    // Strong keys generated owner-only, a real contact, no demo data: ready.
    let good = tempfile::tempdir().unwrap();
    backend::secrets::Keys::load_or_create(good.path()).unwrap();
    let mut s = backend::config::Settings::defaults(good.path());
    s.vapid_subject = "mailto:it@north-somerset.gov.uk".to_owned();
    let r = operator::config_check::check(&s, true);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

/// The real binary: `backend council create` on a fresh SQLite file, then
/// again, then a refusal, `council list` and a `--help`. The binary is
/// `$BACKEND_BIN`, else `backend` beside the test executable when it was
/// built after the backend library it links (scripts/test.sh builds it first); otherwise the test
/// says it is skipped, rather than run a binary older than the code.
#[tokio::test]
async fn the_binary_runs_a_command() {
    let Some(bin) = server_binary() else {
        eprintln!("skipped: no backend binary beside the tests (run cargo build -p backend)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let mut child = std::process::Command::new(&bin)
            .args(args)
            .env("DATA_DIR", dir.path())
            .env_remove("DATABASE_URL")
            .env_remove("GFM_CONFIG")
            .env_remove("DEMO_DATA")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // A binary from before the commands would start a server instead.
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(60) {
                let _ = child.kill();
                panic!("{} {args:?} did not finish in 60 s", bin.display());
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        child.wait_with_output().unwrap()
    };
    let create = [
        "council",
        "create",
        "--slug",
        "north-somerset",
        "--name",
        "North Somerset Council",
        "--time-zone",
        "Europe/London",
        "--duty-phone",
        "01275 888 808",
        "--bank-holidays",
        "england-and-wales",
    ];
    let out = run(&create);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Created the council north-somerset"));
    let out = run(&create);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing changed"));
    let out = run(&[
        "team",
        "add",
        "--council",
        "nowhere",
        "--slug",
        "x1",
        "--name",
        "X",
        "--kind",
        "other",
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("There is no council \"nowhere\""));
    let out = run(&["council", "list"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("North Somerset Council"));
    let out = run(&["staff", "add", "--help"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("one-time activation code"));
}

fn server_binary() -> Option<std::path::PathBuf> {
    if let Some(bin) = std::env::var_os("BACKEND_BIN") {
        return Some(bin.into());
    }
    let exe = std::env::current_exe().ok()?;
    // target/debug/deps/api-<hash> -> target/debug/backend
    let deps = exe.parent()?;
    let bin = deps.parent()?.join("backend");
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    // Fresh when linked after the newest build of the backend library.
    let newest_lib = std::fs::read_dir(deps)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("libbackend-") && name.ends_with(".rlib")
        })
        .filter_map(|e| modified(&e.path()))
        .max()?;
    (modified(&bin)? >= newest_lib).then_some(bin)
}
