//! Generated accounts of the right roles, signed in.

use super::{BenchResult, SENDERS};
use backend::generate::{self};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};
use serde_json::json;

pub(super) struct Picks {
    pub(super) young_people: Vec<String>,
    pub(super) social_workers: Vec<String>,
    pub(super) officers: Vec<String>,
    pub(super) managers: Vec<String>,
}

/// Usernames to sign in as: young people with a shared plan and a booked
/// review they have not sent views for (spread over the councils), and
/// social workers, participation officers and team managers of the first
/// council.
pub(super) async fn pick_accounts(db: &DatabaseConnection) -> BenchResult<Picks> {
    let backend = db.get_database_backend();
    let today = chrono::Utc::now().date_naive();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => "$1",
        _ => "?",
    };
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            format!(
                "SELECT a.username AS u FROM account a \
                 JOIN young_person y ON y.account_id = a.id \
                 JOIN review r ON r.young_person_id = y.id AND r.status = 'booked' AND r.scheduled_on >= {sql} \
                 WHERE a.username LIKE 'gen-%' \
                 AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.review_id = r.id) \
                 AND EXISTS (SELECT 1 FROM plan_version p WHERE p.young_person_id = y.id AND p.status = 'shared') \
                 ORDER BY (a.id * 7919) % 10007, a.id LIMIT {SENDERS}"
            ),
            [Value::ChronoDate(Some(today))],
        ))
        .await?;
    let young_people = rows
        .iter()
        .filter_map(|r| r.try_get::<String>("", "u").ok())
        .collect();
    // Staff of the first council only, at every size: it is generated
    // first from the same seed, so it is the same council with the same
    // caseloads, teams and forum at 1,000 and at 100,000 young people, and
    // a growth figure compares like with like (another council's team
    // manager may have a team four times the size).
    let staff = |role: &str, count: usize| -> Vec<String> {
        (1..=count)
            .map(|k| generate::staff_username(1, role, k))
            .collect()
    };
    Ok(Picks {
        young_people,
        social_workers: staff("sw", 16),
        officers: staff("po", 2),
        managers: staff("tm", 3),
    })
}

async fn sign_in(client: &reqwest::Client, base: &str, username: &str) -> Option<String> {
    let body =
        serde_json::to_vec(&json!({"username": username, "password": generate::PASSWORD})).ok()?;
    let res = client
        .post(format!("{base}{}", shared::endpoints::auth::Login::PATH))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .ok()?;
    if res.status().as_u16() != 200 {
        return None;
    }
    let v: serde_json::Value = serde_json::from_slice(&res.bytes().await.ok()?).ok()?;
    v.get("access_token")?.as_str().map(str::to_owned)
}

/// Signs everyone in, a few at a time (argon2 is slow on purpose).
pub(super) async fn sign_in_all(
    client: &reqwest::Client,
    base: &str,
    usernames: &[String],
) -> BenchResult<Vec<String>> {
    let mut out = Vec::new();
    for chunk in usernames.chunks(8) {
        let mut tasks = Vec::new();
        for u in chunk {
            let (client, base, u) = (client.clone(), base.to_owned(), u.clone());
            tasks.push(tokio::spawn(
                async move { sign_in(&client, &base, &u).await },
            ));
        }
        for t in tasks {
            out.extend(t.await?);
        }
    }
    Ok(out)
}
