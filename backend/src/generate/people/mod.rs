//! One council's staff and young people, and everything their records
//! hold, as rows for [`super::bulk`].

mod forum;
mod person;
mod records;
mod staff;
mod tables;

use super::bulk::{fix_sequence, max_id, Sink, Table};
use super::rng::Rng;
use super::text as words;
use super::{Council, GenerateError};
use chrono::{DateTime, Duration, Months, NaiveDate, NaiveTime, Utc};
use sea_orm::DatabaseConnection;
use shared::access::{Relation, Relationship};
use shared::care_status::CareSummary;
use shared::people::{LegalStatus, Role};

/// Young people handled (and written) together.
const CHUNK: usize = 2_000;

/// Young people per worker, roughly as in England.
const PER_SOCIAL_WORKER: usize = 15;
const PER_PERSONAL_ADVISER: usize = 22;
const PER_IRO: usize = 60;

struct Tables {
    account: Table,
    staff_profile: Table,
    young_person: Table,
    care_episode: Table,
    legal_status: Table,
    allocation: Table,
    circumstances: Table,
    plan_version: Table,
    review: Table,
    feedback: Table,
    feedback_answer: Table,
    feedback_reader: Table,
    review_request: Table,
    offer_request: Table,
    offer_request_event: Table,
    forum_member: Table,
    forum_thread: Table,
    forum_post: Table,
    forum_report: Table,
    forum_moderation_log: Table,
    audit_event: Table,
    notification: Table,
}

/// A member of staff.
#[derive(Clone)]
struct Staff {
    id: i32,
    name: String,
    role: Role,
}

#[derive(Default)]
struct StaffOf {
    sw: Vec<Staff>,
    pa: Vec<Staff>,
    iro: Vec<Staff>,
    po: Vec<Staff>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Looked after now.
    InCare,
    /// Left care at 16 or 17 (relevant, or former relevant from 18).
    LeftAt16,
    /// Left care at 18 (former relevant).
    LeftAt18,
    /// Looked after for a short while after 16 (qualifying).
    Qualifying,
}

struct Person {
    dob: NaiveDate,
    status: Status,
    /// (start, end, legal status at the start)
    episodes: Vec<(NaiveDate, Option<NaiveDate>, LegalStatus)>,
}

/// A young person in the forum, for threads and posts.
#[derive(Clone)]
struct Member {
    id: i32,
    young_person_id: i32,
    name: String,
    under_18: bool,
}

pub(crate) struct Gen {
    sink: Sink,
    db: DatabaseConnection,
    rng: Rng,
    hash: String,
    now: DateTime<Utc>,
    today: NaiveDate,
    t: Tables,
    /// Forum members made in this council so far (for unique names).
    members_in_council: usize,
}

fn years(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(12 * n)).unwrap_or(d)
}

fn morning(d: NaiveDate, minutes: i64) -> DateTime<Utc> {
    d.and_time(NaiveTime::MIN).and_utc() + Duration::minutes(9 * 60 + minutes)
}

fn legal_text(s: LegalStatus) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn relation_basis(rel: Relationship) -> &'static str {
    Relation::Allocated(rel).basis()
}

impl Gen {
    pub async fn new(
        db: &DatabaseConnection,
        seed: u64,
        hash: String,
        now: DateTime<Utc>,
    ) -> Result<Gen, GenerateError> {
        let mut t = Tables::new();
        for table in t.in_order() {
            if table.name != "staff_profile" {
                table.next_id = max_id(db, table.name).await? + 1;
            }
        }
        Ok(Gen {
            sink: Sink::start(db),
            db: db.clone(),
            rng: Rng::new(seed),
            hash,
            now,
            today: now.date_naive(),
            t,
            members_in_council: 0,
        })
    }

    pub fn rows_sent(&mut self) -> u64 {
        self.t.in_order().iter().map(|t| t.written).sum()
    }

    /// Writes what is left, waits for it, and moves PostgreSQL's id
    /// sequences on. Answers rows by table.
    pub async fn finish(mut self) -> Result<Vec<(&'static str, u64)>, GenerateError> {
        self.flush().await?;
        self.sink.finish().await?;
        let mut out = Vec::new();
        for table in self.t.in_order() {
            if table.name != "staff_profile" {
                fix_sequence(&self.db, table.name).await?;
            }
            out.push((table.name, table.written));
        }
        Ok(out)
    }

    async fn flush(&mut self) -> Result<(), GenerateError> {
        let sink = &mut self.sink;
        for table in self.t.in_order() {
            table.flush(sink).await?;
        }
        Ok(())
    }

    fn name(&mut self) -> &'static str {
        self.rng.pick(words::FIRST_NAMES)
    }

    fn ago(&mut self, min_days: i64, max_days: i64) -> DateTime<Utc> {
        self.now
            - Duration::days(self.rng.range(min_days, max_days))
            - Duration::minutes(self.rng.range(0, 600))
    }

    /// One council: its staff, then its young people in chunks.
    pub async fn council(&mut self, c: &Council, n: u64) -> Result<(), GenerateError> {
        self.members_in_council = 0;
        let people: Vec<Person> = (0..n).map(|_| self.plan_person()).collect();
        let in_care = people.iter().filter(|p| p.status == Status::InCare).count();
        let advised = people.len() - in_care + in_care / 6;
        let staff = self.staff(c, in_care, advised);
        self.flush().await?;
        let mut number = 0u64;
        for chunk in people.chunks(CHUNK) {
            let mut members: Vec<(Member, CareSummary)> = Vec::new();
            for p in chunk {
                number += 1;
                self.person(c, &staff, p, number, &mut members);
            }
            self.forum(c, &staff, &members);
            self.flush().await?;
        }
        Ok(())
    }
}
