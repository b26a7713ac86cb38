//! The young person's home screen: its small facts in one round trip
//! (every part by index, on this one person's rows).

use crate::repo::reviews::BOOKED;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DbErr, Statement, Value};
use shared::offer::RequestStatus;

pub struct Summary {
    pub time_zone: Option<String>,
    /// The council told young people of a change to its offer lately.
    pub offer_news: bool,
    /// Their earliest booked review: (row id, public id, date).
    pub review: Option<(i32, String, NaiveDate)>,
    pub feedback_sent: bool,
    pub draft_saved: bool,
    pub unread_notifications: i64,
    pub requests_moved_on: i64,
}

// `$n` works on both databases (SQLite numbers named parameters in the
// order they first appear, which is 1, 2, 3, ... here).
const SQL: &str = "SELECT \
    (SELECT time_zone FROM local_authority WHERE id = $1) AS time_zone, \
    r.id AS review_id, r.public_id AS review_public_id, r.scheduled_on AS review_on, \
    CASE WHEN EXISTS (SELECT 1 FROM feedback f WHERE f.review_id = r.id) \
        THEN 1 ELSE 0 END AS sent, \
    CASE WHEN EXISTS (SELECT 1 FROM feedback_draft d \
        WHERE d.young_person_id = $2 AND d.review_id = r.id) THEN 1 ELSE 0 END AS draft, \
    (SELECT COUNT(*) FROM notification n WHERE n.account_id = $3 AND n.read_at IS NULL) \
        AS unread, \
    (SELECT COUNT(*) FROM offer_request q WHERE q.young_person_id = $2 \
        AND q.status <> $4 AND q.updated_at >= $5) AS moved_on, \
    CASE WHEN EXISTS (SELECT 1 FROM entitlement e WHERE e.authority_id = $1 \
        AND e.retired = $7 AND e.example_to_edit = $7 AND e.update_noted_at >= $5) \
        THEN 1 ELSE 0 END AS offer_news \
    FROM (SELECT 1 AS one) AS x \
    LEFT JOIN (SELECT id, public_id, scheduled_on FROM review \
        WHERE young_person_id = $2 AND status = $6 \
        ORDER BY scheduled_on LIMIT 1) AS r ON 1 = 1";

pub async fn summary(
    db: &impl ConnectionTrait,
    authority_id: i32,
    yp_id: i32,
    account_id: i32,
    since: DateTime<Utc>,
) -> Result<Summary, DbErr> {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            SQL,
            [
                Value::Int(Some(authority_id)),
                Value::Int(Some(yp_id)),
                Value::Int(Some(account_id)),
                Value::String(Some(RequestStatus::Asked.as_str().to_owned())),
                Value::ChronoDateTimeUtc(Some(since)),
                Value::String(Some(BOOKED.to_owned())),
                Value::Bool(Some(false)),
            ],
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("home summary".to_owned()))?;
    let review = match row.try_get::<Option<i32>>("", "review_id")? {
        Some(id) => Some((
            id,
            row.try_get::<String>("", "review_public_id")?,
            row.try_get::<NaiveDate>("", "review_on")?,
        )),
        None => None,
    };
    Ok(Summary {
        time_zone: row.try_get("", "time_zone")?,
        offer_news: row.try_get::<i32>("", "offer_news")? != 0,
        review,
        feedback_sent: row.try_get::<i32>("", "sent")? != 0,
        draft_saved: row.try_get::<i32>("", "draft")? != 0,
        unread_notifications: row.try_get("", "unread")?,
        requests_moved_on: row.try_get("", "moved_on")?,
    })
}

/// A worker now, or one of the two newest shared versions of the plan.
pub enum Part {
    Person {
        relationship: String,
        name: String,
    },
    Plan {
        kind: String,
        sections_json: String,
        version: Option<i32>,
        shared_at: Option<DateTime<Utc>>,
    },
}

const PARTS: &str = "SELECT 'person' AS part, al.relationship AS word, ac.display_name AS body, \
        NULL AS version, NULL AS at \
    FROM allocation al JOIN account ac ON ac.id = al.staff_account_id \
    WHERE al.young_person_id = $1 AND al.starts_at <= $2 AND al.ends_at IS NULL \
    UNION ALL \
    SELECT * FROM (SELECT 'plan' AS part, p.kind AS word, p.sections_json AS body, \
        p.version AS version, COALESCE(p.shared_at, p.updated_at) AS at \
        FROM plan_version p WHERE p.young_person_id = $1 AND p.status = $3 \
        ORDER BY p.version DESC LIMIT 2) AS plans";

/// Their workers now (allocations open since before `now`) and the two
/// newest shared versions of their plan (newest first), in one round trip.
pub async fn parts(
    db: &impl ConnectionTrait,
    yp_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<Part>, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            PARTS,
            [
                Value::Int(Some(yp_id)),
                Value::ChronoDateTimeUtc(Some(now)),
                Value::String(Some(crate::repo::plans::SHARED.to_owned())),
            ],
        ))
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let word: String = r.try_get("", "word")?;
        let body: String = r.try_get("", "body")?;
        out.push(match r.try_get::<String>("", "part")?.as_str() {
            "person" => Part::Person {
                relationship: word,
                name: body,
            },
            _ => Part::Plan {
                kind: word,
                sections_json: body,
                version: r.try_get("", "version")?,
                shared_at: r.try_get("", "at")?,
            },
        });
    }
    Ok(out)
}
