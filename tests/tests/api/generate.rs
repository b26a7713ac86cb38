//! The synthetic-data generator (`backend::generate`, `--bin generate`)
//! writes what the schema and the API expect: a small country generated
//! into the test app's own database is read back through the API, signed in
//! as the generated staff and young people.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use backend::entities::account;
use backend::generate::{self, Options};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use shared::accounts::{Me, PersonSummary, TokenResponse, YoungPersonView};
use shared::home::MyHome;
use shared::offer::MyOffer;
use shared::people::Role;
use shared::plans::ChildPlanView;
use shared::reviews::MyReviews;
use std::collections::BTreeSet;
use tests::{json, spawn_app, StatusCode, TestApp};

/// Young people per council: two councils of a few dozen each.
const PER_COUNCIL: u64 = 30;

async fn sign_in(app: &TestApp, username: &str) -> String {
    let res = app
        .post_json(
            "/api/auth/login",
            &serde_json::json!({"username": username, "password": generate::PASSWORD}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK, "sign in as {username}");
    json::<TokenResponse>(res).await.access_token
}

async fn get<T: serde::de::DeserializeOwned>(app: &TestApp, path: &str, token: &str) -> T {
    let res = app.get_as(path, token).await;
    assert_eq!(res.status(), StatusCode::OK, "GET {path}");
    json(res).await
}

/// The generated accounts of council 1 with this role, by username.
async fn usernames(app: &TestApp, role: Role) -> Vec<String> {
    account::Entity::find()
        .filter(account::Column::Username.starts_with("gen-1-"))
        .filter(account::Column::Role.eq(role.as_str()))
        .order_by_asc(account::Column::Id)
        .all(&app.db)
        .await
        .expect("read the accounts")
        .into_iter()
        .map(|a| a.username)
        .collect()
}

#[tokio::test]
async fn a_generated_council_reads_back_through_the_api() {
    let app = spawn_app().await;
    let report = generate::run(
        &app.db,
        &Options {
            councils: 2,
            young_people: 2 * PER_COUNCIL,
            seed: 7,
            progress: false,
        },
    )
    .await
    .expect("the generator fills the test database");
    assert!(report.rows > 2 * PER_COUNCIL, "{:?}", report.tables);

    // Every kind of staff signs in, as the role the generator gave them.
    for (role, tag) in [
        (Role::SocialWorker, "sw"),
        (Role::PersonalAdviser, "pa"),
        (Role::Iro, "iro"),
        (Role::ParticipationOfficer, "po"),
        (Role::TeamManager, "tm"),
        (Role::Admin, "admin"),
    ] {
        let username = generate::staff_username(1, tag, 1);
        let token = sign_in(&app, &username).await;
        let me: Me = get(&app, "/api/me", &token).await;
        assert_eq!((me.role, me.username.as_str()), (role, username.as_str()));
        assert!(!me.display_name.trim().is_empty());
    }

    // The administrator's list is the whole council: every generated
    // young person, named, and no one from the other council.
    let admin = sign_in(&app, &generate::staff_username(1, "admin", 1)).await;
    let everyone: Vec<PersonSummary> = get(&app, "/api/people", &admin).await;
    assert_eq!(everyone.len() as u64, PER_COUNCIL);
    assert!(everyone.iter().all(|p| !p.preferred_name.trim().is_empty()));
    let ids: BTreeSet<&str> = everyone.iter().map(|p| p.id.as_str()).collect();
    let young_people = usernames(&app, Role::YoungPerson).await;
    assert_eq!(
        everyone.iter().filter(|p| p.has_account).count(),
        young_people.len()
    );
    let other_admin = sign_in(&app, &generate::staff_username(2, "admin", 1)).await;
    let theirs: Vec<PersonSummary> = get(&app, "/api/people", &other_admin).await;
    assert_eq!(theirs.len() as u64, PER_COUNCIL);
    assert!(theirs.iter().all(|p| !ids.contains(p.id.as_str())));

    // Social workers' caseloads: their allocated young people, whose
    // records, plans and offers open.
    let mut allocated = 0;
    for sw in usernames(&app, Role::SocialWorker).await {
        let token = sign_in(&app, &sw).await;
        let caseload: Vec<PersonSummary> = get(&app, "/api/people", &token).await;
        for p in &caseload {
            allocated += 1;
            assert!(ids.contains(p.id.as_str()), "{sw} sees {p:?}");
            assert!(p.basis.starts_with("allocated_"), "{p:?}");
            let record: YoungPersonView = get(&app, &format!("/api/people/{}", p.id), &token).await;
            assert_eq!(record.preferred_name, p.preferred_name);
            assert_eq!(record.has_account, p.has_account);
            assert!(record.age <= 25, "{record:?}");
            assert!(!record.episodes.is_empty(), "{record:?}");
            for tail in ["plan", "offer", "allocations"] {
                let res = app
                    .get_as(&format!("/api/people/{}/{tail}", p.id), &token)
                    .await;
                assert_eq!(res.status(), StatusCode::OK, "{sw}: {} {tail}", p.id);
            }
        }
        let res = app.get_as("/api/staff/home", &token).await;
        assert_eq!(res.status(), StatusCode::OK, "{sw}'s home");
        // Not on their list: another council's young person.
        let res = app
            .get_as(&format!("/api/people/{}", theirs[0].id), &token)
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
    assert!(allocated > 0, "no social worker has anyone on their list");

    // The young people with accounts: their own screens answer, and say
    // plausible things.
    assert!(young_people.len() >= 5, "{young_people:?}");
    let (mut with_people, mut with_plan, mut with_offer, mut with_reviews) = (0, 0, 0, 0);
    for username in &young_people {
        let token = sign_in(&app, username).await;
        let me: Me = get(&app, "/api/me", &token).await;
        assert_eq!(me.role, Role::YoungPerson);
        let id = me.young_person_id.clone().expect("a young person's record");
        assert!(
            ids.contains(id.as_str()),
            "{username}'s record is not in council 1"
        );

        let home: MyHome = get(&app, "/api/me/home", &token).await;
        with_people += usize::from(!home.people.is_empty());
        assert!(home.people.iter().all(|p| !p.name.trim().is_empty()));

        let plan: Option<ChildPlanView> = get(&app, "/api/me/plan", &token).await;
        if let Some(plan) = plan {
            with_plan += 1;
            assert!(plan.version >= 1);
            assert!(!plan.sections.is_empty(), "{username}: {plan:?}");
            assert_eq!(
                home.plan.as_ref().map(|p| p.version),
                Some(plan.version),
                "{username}: the home screen names the plan's latest version"
            );
        }

        let offer: MyOffer = get(&app, "/api/me/offer", &token).await;
        assert_eq!(offer.young_person_id, id);
        assert!(
            (8..=25).contains(&offer.age),
            "{username}: age {}",
            offer.age
        );
        assert!(!offer.duty_phone.trim().is_empty());
        with_offer += usize::from(offer.areas.iter().any(|a| !a.entries.is_empty()));

        let reviews: MyReviews = get(&app, "/api/me/reviews", &token).await;
        assert!(!reviews.about.trim().is_empty());
        with_reviews += usize::from(reviews.next.is_some() || !reviews.past.is_empty());
    }
    assert!(
        with_people > 0,
        "no young person has a worker on their home screen"
    );
    assert!(with_plan > 0, "no young person has a shared plan");
    assert!(
        with_offer > 0,
        "no young person has anything in their offer"
    );
    assert!(with_reviews > 0, "no young person has a review");
}
