//! Demo people (DEMO_DATA=1 only): young people of several ages and
//! statuses, their workers, an IRO, a participation officer, a manager and
//! an admin. All share the password in [`DEMO_PASSWORD`]. Dates are set
//! relative to today so that ages and categories stay true.

use crate::auth::password;
use crate::entities::account;
use crate::error::ApiError;
use crate::repo::{accounts, allocations, circumstances, councils, people};
use chrono::{Duration, Months, NaiveDate, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::access::Relationship;
use shared::offer::Circumstances;
use shared::people::{LegalStatus, Role};

pub const DEMO_PASSWORD: &str = "good-for-me-demo";

struct Child {
    username: Option<&'static str>,
    name: &'static str,
    years: u32,
    extra_days: i64,
    /// Years ago care began, and ended (None: still in care).
    care_years_ago: (u32, Option<u32>),
    status: LegalStatus,
    social_worker: Option<&'static str>,
    personal_adviser: Option<&'static str>,
}

fn years_ago(today: NaiveDate, years: u32, extra_days: i64) -> NaiveDate {
    today
        .checked_sub_months(Months::new(years * 12))
        .unwrap_or(today)
        - Duration::days(extra_days)
}

const CHILDREN: &[Child] = &[
    Child {
        username: Some("demo-child-7"),
        name: "Mia",
        years: 7,
        extra_days: 40,
        care_years_ago: (2, None),
        status: LegalStatus::Section31,
        social_worker: Some("demo-sw"),
        personal_adviser: None,
    },
    Child {
        username: Some("demo-child-10"),
        name: "Leo",
        years: 10,
        extra_days: 100,
        care_years_ago: (1, None),
        status: LegalStatus::Section20,
        social_worker: Some("demo-sw"),
        personal_adviser: None,
    },
    Child {
        username: Some("demo-teen-14"),
        name: "Aisha",
        years: 14,
        extra_days: 200,
        care_years_ago: (3, None),
        status: LegalStatus::Section31,
        social_worker: Some("demo-sw"),
        personal_adviser: None,
    },
    Child {
        username: Some("demo-teen-17"),
        name: "Tyler",
        years: 17,
        extra_days: 200,
        care_years_ago: (3, None),
        status: LegalStatus::Section31,
        social_worker: Some("demo-sw"),
        personal_adviser: Some("demo-pa"),
    },
    Child {
        username: Some("demo-leaver-19"),
        name: "Priya",
        years: 19,
        extra_days: 60,
        care_years_ago: (5, Some(1)),
        status: LegalStatus::Section31,
        social_worker: None,
        personal_adviser: Some("demo-pa"),
    },
    Child {
        username: Some("demo-leaver-23"),
        name: "Marcus",
        years: 23,
        extra_days: 10,
        care_years_ago: (8, Some(5)),
        status: LegalStatus::Section20,
        social_worker: None,
        personal_adviser: Some("demo-pa"),
    },
    Child {
        username: None,
        name: "Riley",
        years: 12,
        extra_days: 30,
        care_years_ago: (1, None),
        status: LegalStatus::Section20,
        social_worker: Some("demo-sw2"),
        personal_adviser: None,
    },
    Child {
        username: None,
        name: "Jordan",
        years: 9,
        extra_days: 150,
        care_years_ago: (2, None),
        status: LegalStatus::Section31,
        social_worker: Some("demo-sw2"),
        personal_adviser: None,
    },
];

/// What the demo young people are doing now, for the local offer's rules:
/// Priya is at university and lives in Bexley, Marcus works, Tyler is at
/// college.
fn demo_circumstances(name: &str) -> Option<Circumstances> {
    let none = Circumstances::default();
    match name {
        "Priya" => Some(Circumstances {
            in_education: true,
            in_higher_education: true,
            lives_in_borough: true,
            ..none
        }),
        "Marcus" => Some(Circumstances {
            in_work: true,
            ..none
        }),
        "Tyler" => Some(Circumstances {
            in_education: true,
            ..none
        }),
        _ => None,
    }
}

const STAFF: &[(&str, &str, Role, Option<&str>)] = &[
    ("demo-sw", "Sam Patel", Role::SocialWorker, Some("lac-1")),
    ("demo-sw2", "Alex Morgan", Role::SocialWorker, Some("lac-1")),
    (
        "demo-pa",
        "Jo Okafor",
        Role::PersonalAdviser,
        Some("leaving-care"),
    ),
    ("demo-iro", "Chris Evans", Role::Iro, Some("safeguarding")),
    (
        "demo-participation",
        "Dee Harper",
        Role::ParticipationOfficer,
        Some("participation"),
    ),
    (
        "demo-manager",
        "Pat Singh",
        Role::TeamManager,
        Some("lac-1"),
    ),
    (
        "demo-admin",
        "Robin Clarke",
        Role::Admin,
        Some("management"),
    ),
];

pub async fn seed(db: &DatabaseConnection) -> Result<(), ApiError> {
    if accounts::by_username(db, "demo-admin").await?.is_some() {
        return Ok(());
    }
    let council = councils::by_slug(db, "bexley")
        .await?
        .ok_or_else(|| ApiError::Internal("Bexley is not seeded".to_owned()))?;
    let hash = password::hash(DEMO_PASSWORD.to_owned()).await?;
    let now = Utc::now();
    let today = now.date_naive();
    let txn = db.begin().await?;
    let mut staff: Vec<(&str, account::Model)> = Vec::new();
    for (username, name, role, team) in STAFF {
        let team_id = match team {
            Some(slug) => accounts::team_by_slug(&txn, council.id, slug)
                .await?
                .map(|t| t.id),
            None => None,
        };
        let a = accounts::create(
            &txn,
            accounts::NewAccount {
                authority_id: council.id,
                username,
                role: *role,
                display_name: name,
                team_id,
                password_hash: Some(hash.clone()),
            },
            now,
        )
        .await?;
        staff.push((username, a));
    }
    let staff_id = |u: &str| staff.iter().find(|(n, _)| *n == u).map(|(_, a)| a.id);
    // Allocations began a while ago, so that "from when" reads naturally.
    let since = now - Duration::days(90);
    for c in CHILDREN {
        let dob = years_ago(today, c.years, c.extra_days);
        let y = people::create(&txn, council.id, c.name, dob, now).await?;
        if let Some(facts) = demo_circumstances(c.name) {
            circumstances::set(&txn, y.id, &facts, None, now).await?;
        }
        let start = years_ago(today, c.care_years_ago.0, 0);
        let end = c.care_years_ago.1.map(|e| years_ago(today, e, 0));
        people::add_episode(&txn, y.id, start, end).await?;
        people::add_legal_status(&txn, y.id, c.status, start).await?;
        if let Some(end) = end {
            people::add_legal_status(&txn, y.id, LegalStatus::CareEnded, end).await?;
        }
        if let Some(u) = c.username {
            let a = accounts::create(
                &txn,
                accounts::NewAccount {
                    authority_id: council.id,
                    username: u,
                    role: Role::YoungPerson,
                    display_name: c.name,
                    team_id: None,
                    password_hash: Some(hash.clone()),
                },
                now,
            )
            .await?;
            people::link_account(&txn, y.id, a.id).await?;
        }
        let mut links = vec![];
        if let Some(sw) = c.social_worker.and_then(staff_id) {
            links.push((Relationship::SocialWorker, sw));
        }
        if let Some(pa) = c.personal_adviser.and_then(staff_id) {
            links.push((Relationship::PersonalAdviser, pa));
        }
        if c.years < 18 {
            if let Some(iro) = staff_id("demo-iro") {
                links.push((Relationship::Iro, iro));
            }
        }
        for (rel, id) in links {
            allocations::reallocate(&txn, y.id, rel, id, None, since).await?;
        }
    }
    // Reviews (issue 6): Leo's next one in 10 days, past ones for others.
    crate::seed::forms::demo_reviews(&txn, council.id).await?;
    // Positive Journeys (issue 8): approved threads, events and polls.
    crate::seed::forum::demo(&txn, council.id).await?;
    txn.commit().await?;
    // Not the password: logs must never hold one (scripts/check-logs.sh).
    tracing::info!("demo people added (their password is in the README)");
    Ok(())
}
