use backend::repo::councils;
use shared::api::{Council, Team};
use shared::people::TeamKind;
use tests::{json, spawn_app, StatusCode};

#[tokio::test]
async fn bexley_is_seeded_with_its_teams() {
    let app = spawn_app().await;
    let all: Vec<Council> = json(app.get("/api/councils").await).await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].slug, "bexley");
    assert_eq!(all[0].duty_phone, "020 8303 7777");
    let teams: Vec<Team> = json(app.get("/api/councils/bexley/teams").await).await;
    assert!(teams.iter().any(|t| t.kind == TeamKind::LeavingCare));
    assert_eq!(
        teams
            .iter()
            .filter(|t| t.kind == TeamKind::LookedAfterChildren)
            .count(),
        3
    );
}

#[tokio::test]
async fn two_councils_data_never_mix() {
    let app = spawn_app().await;
    let other = councils::ensure(
        &app.db,
        &Council {
            slug: "greenwich".to_owned(),
            name: "Royal Borough of Greenwich".to_owned(),
            duty_phone: "020 8921 3172".to_owned(),
            time_zone: "Europe/London".to_owned(),
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    councils::ensure_team(
        &app.db,
        other.id,
        &Team {
            slug: "greenwich-only".to_owned(),
            name: "A team only Greenwich has".to_owned(),
            kind: TeamKind::Other,
        },
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));

    let bexley: Vec<Team> = json(app.get("/api/councils/bexley/teams").await).await;
    assert!(bexley.iter().all(|t| t.slug != "greenwich-only"));
    let greenwich: Vec<Team> = json(app.get("/api/councils/greenwich/teams").await).await;
    assert_eq!(greenwich.len(), 1);
    assert_eq!(greenwich[0].slug, "greenwich-only");

    let all: Vec<Council> = json(app.get("/api/councils").await).await;
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn an_unknown_council_is_not_found() {
    let app = spawn_app().await;
    let res = app.get("/api/councils/atlantis").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body: shared::api::ErrorBody = json(res).await;
    assert_eq!(body.error, "not_found");
}
