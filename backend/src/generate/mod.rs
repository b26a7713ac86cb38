//! Synthetic data at the scale of a whole country (issue 10): councils,
//! their staff, and young people of every age and status with care
//! episodes, allocations and their history, plans with versions, reviews,
//! feedback, offer requests, forum posts, audit rows and notifications.
//!
//! Everything is made up: names are first names and surnames picked at
//! random, phone numbers are in Ofcom's range for drama (020 7946 0xxx).
//! Rows go in as multi-row INSERTs in batches inside transactions, with
//! every constraint and index the application relies on left on. Every
//! generated account has the password [`PASSWORD`], hashed once.
//!
//! `cargo run --release -p backend --bin generate -- --help`

mod bulk;
mod people;
mod rng;
mod text;

use crate::entities::{account, forum_space, team};
use crate::error::ApiError;
use crate::repo::{councils, offer as offer_repo};
use crate::seed;
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, TransactionTrait,
};
use shared::api::Council as CouncilInfo;
use shared::eligibility::Payment;
use shared::forum::{display_name_key, Audience};
use shared::reviews::{FormKey, Question};
use std::collections::HashMap;
use std::time::Instant;

pub use bulk::SinkError;

/// The password of every generated account.
pub const PASSWORD: &str = "good-for-me-generated";

/// About how many young people one council looks after or supports.
pub const YOUNG_PEOPLE_PER_COUNCIL: u64 = 1_200;

/// A young person's username: `gen-<council>-<n>`.
pub fn username(council: u32, n: u64) -> String {
    format!("gen-{council}-{n}")
}

/// A member of staff's: `gen-<council>-<role>-<k>` (role: sw, pa, iro, po,
/// tm, admin).
pub fn staff_username(council: u32, role: &str, k: usize) -> String {
    format!("gen-{council}-{role}-{k}")
}

#[derive(Debug, Clone)]
pub struct Options {
    pub councils: u32,
    pub young_people: u64,
    pub seed: u64,
    /// Print a line as each council is done.
    pub progress: bool,
}

#[derive(Debug, Clone)]
pub struct Report {
    /// Rows written, by table, in the order written.
    pub tables: Vec<(&'static str, u64)>,
    pub rows: u64,
    /// Councils, teams, offers, forms and forum spaces (row by row).
    pub reference_seconds: f64,
    /// Everything else (batched).
    pub bulk_seconds: f64,
    pub seconds: f64,
}

impl Report {
    pub fn rows_per_second(&self) -> f64 {
        self.rows as f64 / self.bulk_seconds.max(1e-9)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("{0}")]
    App(#[from] ApiError),
    #[error("writing rows: {0}")]
    Sink(#[from] SinkError),
    #[error("{0}")]
    Refused(String),
}

/// A council and what its people's records point at.
pub(crate) struct Council {
    pub number: u32,
    pub id: i32,
    pub teams: HashMap<String, i32>,
    /// Entitlements (row id, whether money).
    pub entitlements: Vec<(i32, bool)>,
    /// The newest version of each feedback form: row id and questions.
    pub forms: Vec<(FormKey, i32, Vec<Question>)>,
    pub spaces: Vec<forum_space::Model>,
}

/// Migrates and seeds the reference data (as the server does at start-up),
/// then adds `councils` councils (Bexley first, when seeded) and
/// `young_people` young people shared among them.
pub async fn run(db: &DatabaseConnection, o: &Options) -> Result<Report, GenerateError> {
    let started = Instant::now();
    crate::db::migrate(db).await?;
    // Bexley, the demo council, first (the scale benchmark's staff are its).
    crate::operator::council::demo_bexley(db)
        .await
        .map_err(|e| GenerateError::Refused(e.to_string()))?;
    seed::forms::seed(db).await?;
    seed::forum::seed(db).await?;
    let already = account::Entity::find()
        .filter(account::Column::Username.starts_with("gen-"))
        .count(db)
        .await?;
    if already > 0 {
        return Err(GenerateError::Refused(
            "this database already has generated people (usernames gen-...): use a fresh one"
                .to_owned(),
        ));
    }
    let hash = crate::auth::password::hash(PASSWORD.to_owned()).await?;
    let now = Utc::now();

    let councils = make_councils(db, o.councils.max(1), now).await?;
    // Version 1 of each feedback form for the new councils.
    seed::forms::seed(db).await?;
    let mut loaded = Vec::with_capacity(councils.len());
    for (number, id) in councils {
        loaded.push(load_council(db, number, id).await?);
    }
    let reference_seconds = started.elapsed().as_secs_f64();

    let bulk_started = Instant::now();
    let mut g = people::Gen::new(db, o.seed, hash, now).await?;
    let n = loaded.len() as u64;
    let total = o.young_people;
    let mut done = 0u64;
    for (i, c) in loaded.iter().enumerate() {
        let share = total / n + u64::from((i as u64) < total % n);
        g.council(c, share).await?;
        done += share;
        if o.progress && (i + 1 == loaded.len() || (i + 1) % 10 == 0) {
            let secs = bulk_started.elapsed().as_secs_f64();
            println!(
                "  {} of {} councils, {done} young people, {} rows in {secs:.1} s ({:.0} rows/s)",
                i + 1,
                loaded.len(),
                g.rows_sent(),
                g.rows_sent() as f64 / secs.max(1e-9)
            );
        }
    }
    let tables = g.finish().await?;
    if db.get_database_backend() == DbBackend::Postgres {
        // What autovacuum would soon do after a load this size.
        db.execute_unprepared("ANALYZE").await?;
    }
    let bulk_seconds = bulk_started.elapsed().as_secs_f64();
    Ok(Report {
        rows: tables.iter().map(|(_, n)| n).sum(),
        tables,
        reference_seconds,
        bulk_seconds,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Councils numbered 1..=n: Bexley first (seeded at start-up), then made-up
/// ones with Bexley's teams, a copy of its offer, its forum spaces and the
/// default watched words.
async fn make_councils(
    db: &DatabaseConnection,
    n: u32,
    now: DateTime<Utc>,
) -> Result<Vec<(u32, i32)>, GenerateError> {
    let mut out = Vec::new();
    let mut number = 1u32;
    if let Some(bexley) = councils::by_slug(db, "bexley").await? {
        out.push((1, bexley.id));
        number = 2;
    }
    while number <= n {
        let info = CouncilInfo {
            slug: format!("gen-{number:03}"),
            name: format!("Generated Borough {number:03}"),
            duty_phone: format!("020 7946 0{:03}", number % 1000),
            time_zone: "Europe/London".to_owned(),
        };
        let txn = db.begin().await?;
        let c = councils::ensure(&txn, &info).await?;
        for t in seed::reference::bexley_teams() {
            councils::ensure_team(&txn, c.id, &t).await?;
        }
        copy_offer(&txn, c.id, &info, now).await?;
        add_forum(&txn, c.id, &info, now).await?;
        if number.is_multiple_of(2) {
            crate::repo::reviews::set_setting(&txn, c.id, true, None, now).await?;
        }
        txn.commit().await?;
        out.push((number, c.id));
        number += 1;
    }
    Ok(out)
}

/// Bexley's words, for another council.
fn localise(s: &str, c: &CouncilInfo) -> String {
    s.replace("London Borough of Bexley", &c.name)
        .replace("Bexley", &c.name)
        .replace("020 8303 7777", &c.duty_phone)
}

async fn copy_offer(
    db: &impl ConnectionTrait,
    authority_id: i32,
    c: &CouncilInfo,
    now: DateTime<Utc>,
) -> Result<(), GenerateError> {
    let mut sections = Vec::new();
    for (i, (slug, title)) in seed::offer::BEXLEY_SECTIONS.iter().enumerate() {
        sections.push(
            offer_repo::ensure_section(
                db,
                authority_id,
                slug,
                title,
                i32::try_from(i).unwrap_or(0),
            )
            .await?,
        );
    }
    for (position, mut d) in seed::offer::bexley_offer().into_iter().enumerate() {
        let Some(slug) = d.id.clone() else { continue };
        let Some(section) = sections.iter().find(|s| s.slug == d.section) else {
            continue;
        };
        for field in [
            &mut d.title,
            &mut d.summary,
            &mut d.detail,
            &mut d.how_to_claim,
            &mut d.what_to_bring,
            &mut d.contact,
        ] {
            *field = localise(field, c);
        }
        let v = crate::services::offer::values(&d, section.id)?;
        let position = i32::try_from(position).unwrap_or(0) + 1;
        let row = offer_repo::insert(db, authority_id, &slug, position, v, None, now).await?;
        offer_repo::add_version(
            db,
            offer_repo::NewVersion {
                authority_id,
                entitlement_id: row.id,
                version: 1,
                changed_by: None,
                note: Some("Copied from Bexley's published local offer (generated council)."),
                before_json: None,
                after_json: serde_json::to_string(&d)
                    .map_err(|e| GenerateError::Refused(e.to_string()))?,
            },
            now,
        )
        .await?;
    }
    Ok(())
}

async fn add_forum(
    db: &impl ConnectionTrait,
    authority_id: i32,
    c: &CouncilInfo,
    now: DateTime<Utc>,
) -> Result<(), GenerateError> {
    use crate::repo::forum::{insert_space, replace_watched_words, SpaceWrite};
    let spaces = [
        (
            seed::forum::POSITIVE_JOURNEYS,
            "Positive Journeys",
            "The Children in Care Council. Share ideas, ask questions and help make things better for children in care. Be kind: everyone here is in care too.",
            8,
            17,
            Audience::InCare,
        ),
        (
            seed::forum::SENIORS,
            "Positive Journeys Seniors",
            "The care leavers' forum, for 16 to 25. Talk about leaving care, the local offer, money, college and work.",
            16,
            25,
            Audience::CareLeavers,
        ),
    ];
    for (slug, name, description, min_age, max_age, audience) in spaces {
        insert_space(
            db,
            authority_id,
            slug,
            SpaceWrite {
                name,
                description: &localise(description, c),
                min_age,
                max_age,
                audience: audience.as_str(),
                hold_under_18: true,
                archived: false,
            },
            None,
            now,
        )
        .await?;
    }
    let words: Vec<_> = shared::text_checks::default_watched_words()
        .into_iter()
        .map(|w| {
            let key = display_name_key(&w.pattern);
            (w, key)
        })
        .collect();
    replace_watched_words(db, authority_id, &words, None, now).await?;
    Ok(())
}

async fn load_council(
    db: &DatabaseConnection,
    number: u32,
    id: i32,
) -> Result<Council, GenerateError> {
    let teams = team::Entity::find()
        .filter(team::Column::AuthorityId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.slug, t.id))
        .collect();
    let entitlements = offer_repo::entitlements(db, id, false)
        .await?
        .into_iter()
        .map(|e| {
            let money = serde_json::from_str::<Payment>(&e.payment)
                .map(|p| p != Payment::NotMoney)
                .unwrap_or(false);
            (e.id, money)
        })
        .collect();
    let mut forms = Vec::new();
    for key in FormKey::ALL {
        if let Some(f) = crate::repo::feedback::latest_form(db, id, key.as_str()).await? {
            let questions = crate::services::feedback::questions_of(&f)?;
            forms.push((key, f.id, questions));
        }
    }
    let spaces = crate::repo::forum::spaces(db, id, false).await?;
    Ok(Council {
        number,
        id,
        teams,
        entitlements,
        forms,
        spaces,
    })
}
