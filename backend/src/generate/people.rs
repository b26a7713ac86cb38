//! One council's staff and young people, and everything their records
//! hold, as rows for [`super::bulk`].

use super::bulk::{
    at, at_or_null, big, big_or_null, day, day_or_null, fix_sequence, flag, int, int_or_null,
    max_id, text, text_or_null, Sink, Table,
};
use super::rng::Rng;
use super::text as words;
use super::{staff_username, username, Council, GenerateError};
use chrono::{DateTime, Duration, Months, NaiveDate, NaiveTime, Utc};
use sea_orm::DatabaseConnection;
use shared::access::{Action, Relation, Relationship};
use shared::care_status::{care_summary, CareEpisode, CareSummary};
use shared::forum::{display_name_key, HoldReason, ModAction, PostStatus};
use shared::offer::RequestStatus;
use shared::people::{LegalStatus, Role};
use shared::plans::{Section, SectionText};
use shared::reviews::{FormKey, Participation, Question, QuestionKind};

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

impl Tables {
    fn new() -> Tables {
        Tables {
            account: Table::new(
                "account",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "username",
                    "password_hash",
                    "role",
                    "display_name",
                    "team_id",
                    "disabled_at",
                    "password_changed_at",
                    "created_at",
                ],
            ),
            staff_profile: Table::new(
                "staff_profile",
                &[
                    "account_id",
                    "about_me",
                    "contact_how",
                    "contact_when",
                    "updated_at",
                ],
            ),
            young_person: Table::new(
                "young_person",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "account_id",
                    "preferred_name",
                    "date_of_birth",
                    "created_at",
                ],
            ),
            care_episode: Table::new(
                "care_episode",
                &["id", "young_person_id", "start_date", "end_date"],
            ),
            legal_status: Table::new(
                "legal_status",
                &["id", "young_person_id", "status", "start_date"],
            ),
            allocation: Table::new(
                "allocation",
                &[
                    "id",
                    "young_person_id",
                    "staff_account_id",
                    "relationship",
                    "starts_at",
                    "ends_at",
                    "handover_note",
                ],
            ),
            circumstances: Table::new(
                "circumstances",
                &[
                    "id",
                    "young_person_id",
                    "in_education",
                    "in_higher_education",
                    "in_apprenticeship",
                    "in_work",
                    "staying_put",
                    "lives_in_borough",
                    "updated_at",
                    "updated_by",
                ],
            ),
            plan_version: Table::new(
                "plan_version",
                &[
                    "id",
                    "young_person_id",
                    "kind",
                    "status",
                    "version",
                    "sections_json",
                    "next_date",
                    "written_by",
                    "updated_at",
                    "shared_at",
                    "shared_by",
                    "override_reason",
                ],
            ),
            review: Table::new(
                "review",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "young_person_id",
                    "kind",
                    "status",
                    "scheduled_on",
                    "start_minute",
                    "end_minute",
                    "place",
                    "invited_json",
                    "participation",
                    "brought_forward",
                    "chair_account_id",
                    "held_on",
                    "outcomes",
                    "decisions",
                    "override_reason",
                    "outcomes_at",
                    "outcomes_by",
                    "created_by",
                    "created_at",
                    "updated_at",
                ],
            ),
            feedback: Table::new(
                "feedback",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "young_person_id",
                    "review_id",
                    "form_id",
                    "submission_id",
                    "suggests_harm",
                    "submitted_at",
                    "response",
                    "responded_by",
                    "responded_at",
                ],
            ),
            feedback_answer: Table::new(
                "feedback_answer",
                &[
                    "id",
                    "feedback_id",
                    "question_key",
                    "scale",
                    "choices_json",
                    "text",
                ],
            ),
            feedback_reader: Table::new(
                "feedback_reader",
                &["id", "feedback_id", "account_id", "relationship"],
            ),
            review_request: Table::new(
                "review_request",
                &[
                    "id",
                    "public_id",
                    "young_person_id",
                    "message",
                    "asked_at",
                    "resolved_at",
                    "resolved_by",
                ],
            ),
            offer_request: Table::new(
                "offer_request",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "young_person_id",
                    "entitlement_id",
                    "sent_to",
                    "status",
                    "message",
                    "answer",
                    "open_key",
                    "created_at",
                    "updated_at",
                ],
            ),
            offer_request_event: Table::new(
                "offer_request_event",
                &[
                    "id",
                    "request_id",
                    "status",
                    "message",
                    "actor_account_id",
                    "at",
                ],
            ),
            forum_member: Table::new(
                "forum_member",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "young_person_id",
                    "display_name",
                    "name_key",
                    "name_chosen",
                    "suspended_until",
                    "suspension_reason",
                    "created_at",
                    "updated_at",
                ],
            ),
            forum_thread: Table::new(
                "forum_thread",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "space_id",
                    "author_member_id",
                    "title",
                    "status",
                    "locked",
                    "lock_reason",
                    "created_at",
                    "last_post_at",
                ],
            ),
            forum_post: Table::new(
                "forum_post",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "thread_id",
                    "space_id",
                    "author_member_id",
                    "opening",
                    "body",
                    "status",
                    "hold_reasons",
                    "flagged",
                    "flag_open",
                    "suggests_harm",
                    "edited",
                    "moderator_note",
                    "decided_by",
                    "decided_at",
                    "created_at",
                    "published_at",
                ],
            ),
            forum_report: Table::new(
                "forum_report",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "post_id",
                    "reporter_young_person_id",
                    "reason",
                    "snapshot_title",
                    "snapshot_body",
                    "snapshot_author",
                    "status",
                    "outcome",
                    "created_at",
                    "resolved_at",
                    "resolved_by",
                ],
            ),
            forum_moderation_log: Table::new(
                "forum_moderation_log",
                &[
                    "id",
                    "public_id",
                    "authority_id",
                    "at",
                    "actor_account_id",
                    "actor_role",
                    "actor_name",
                    "action",
                    "post_id",
                    "thread_id",
                    "member_id",
                    "reason",
                    "original_title",
                    "original_body",
                    "new_title",
                    "new_body",
                ],
            ),
            audit_event: Table::new(
                "audit_event",
                &[
                    "id",
                    "authority_id",
                    "at",
                    "actor_account_id",
                    "actor_role",
                    "young_person_id",
                    "action",
                    "basis",
                    "allocation_id",
                    "outcome",
                    "reason",
                ],
            ),
            notification: Table::new(
                "notification",
                &[
                    "id",
                    "public_id",
                    "account_id",
                    "kind",
                    "title",
                    "body",
                    "link",
                    "urgent",
                    "created_at",
                    "read_at",
                ],
            ),
        }
    }

    /// Parents before children, the order rows are written in.
    fn in_order(&mut self) -> [&mut Table; 22] {
        [
            &mut self.account,
            &mut self.staff_profile,
            &mut self.young_person,
            &mut self.care_episode,
            &mut self.legal_status,
            &mut self.allocation,
            &mut self.circumstances,
            &mut self.plan_version,
            &mut self.review,
            &mut self.feedback,
            &mut self.feedback_answer,
            &mut self.feedback_reader,
            &mut self.review_request,
            &mut self.offer_request,
            &mut self.offer_request_event,
            &mut self.forum_member,
            &mut self.forum_thread,
            &mut self.forum_post,
            &mut self.forum_report,
            &mut self.forum_moderation_log,
            &mut self.audit_event,
            &mut self.notification,
        ]
    }
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

    fn staff(&mut self, c: &Council, in_care: usize, advised: usize) -> StaffOf {
        let mut out = StaffOf::default();
        let lac = ["lac-1", "lac-2", "lac-3"];
        let groups: [(Role, &str, usize); 6] = [
            (
                Role::SocialWorker,
                "sw",
                in_care.div_ceil(PER_SOCIAL_WORKER).max(1),
            ),
            (
                Role::PersonalAdviser,
                "pa",
                advised.div_ceil(PER_PERSONAL_ADVISER).max(1),
            ),
            (Role::Iro, "iro", in_care.div_ceil(PER_IRO).max(1)),
            (Role::ParticipationOfficer, "po", 2),
            (Role::TeamManager, "tm", 4),
            (Role::Admin, "admin", 1),
        ];
        for (role, tag, count) in groups {
            for k in 1..=count {
                let team = match role {
                    Role::SocialWorker => lac[k % lac.len()],
                    Role::PersonalAdviser => "leaving-care",
                    Role::Iro => "safeguarding",
                    Role::ParticipationOfficer => "participation",
                    Role::TeamManager if k == 4 => "leaving-care",
                    Role::TeamManager => lac[(k - 1) % lac.len()],
                    _ => "management",
                };
                let name = format!("{} {}", self.name(), self.rng.pick(words::SURNAMES));
                let id = self.t.account.id32();
                let created = self.ago(60, 2000);
                let public_id = self.rng.uuid();
                self.t.account.push([
                    int(id),
                    text(public_id),
                    int(c.id),
                    text(staff_username(c.number, tag, k)),
                    text(self.hash.clone()),
                    text(role.as_str()),
                    text(name.clone()),
                    int_or_null(c.teams.get(team).copied()),
                    at_or_null(None),
                    at(created),
                    at(created),
                ]);
                if matches!(role, Role::SocialWorker | Role::PersonalAdviser)
                    && self.rng.chance(0.5)
                {
                    self.t.staff_profile.push([
                        int(id),
                        text(self.rng.pick(words::ABOUT_ME)),
                        text("A text or a call"),
                        text("Monday to Friday, 9 to 5"),
                        at(created),
                    ]);
                }
                let s = Staff { id, name, role };
                match role {
                    Role::SocialWorker => out.sw.push(s),
                    Role::PersonalAdviser => out.pa.push(s),
                    Role::Iro => out.iro.push(s),
                    Role::ParticipationOfficer => out.po.push(s),
                    _ => {}
                }
            }
        }
        out
    }

    /// Age, status and care history.
    fn plan_person(&mut self) -> Person {
        let today = self.today;
        let group = self.rng.weighted(&[45, 45, 4, 6]);
        let (age, status) = match group {
            0 => {
                let band = self.rng.weighted(&[5, 13, 18, 39, 25]);
                let (lo, hi) = [(0, 1), (1, 5), (5, 10), (10, 16), (16, 18)][band];
                (self.rng.range(lo, hi), Status::InCare)
            }
            1 => (
                18 + self.rng.weighted(&[16, 16, 15, 14, 12, 10, 9]) as i64,
                Status::LeftAt18,
            ),
            2 => (self.rng.range(17, 22), Status::Qualifying),
            _ => (self.rng.range(16, 20), Status::LeftAt16),
        };
        let dob = today
            .checked_sub_months(Months::new(12 * age as u32))
            .unwrap_or(today)
            - Duration::days(self.rng.range(0, 365));
        let mut status = status;
        let sixteenth = years(dob, 16);
        if status == Status::LeftAt16 && sixteenth + Duration::days(40) >= today {
            status = Status::InCare;
        }
        let legal = |rng: &mut Rng, age_at_start: i64| -> LegalStatus {
            match rng.weighted(&[55, 30, 8, 4, 3]) {
                1 => LegalStatus::Section20,
                2 => LegalStatus::InterimCareOrder,
                3 if age_at_start < 5 => LegalStatus::PlacementOrder,
                4 if age_at_start >= 12 => LegalStatus::Remand,
                _ => LegalStatus::Section31,
            }
        };
        let mut episodes = Vec::new();
        match status {
            Status::InCare => {
                let age_days = (today - dob).num_days().max(1);
                let length = self.rng.range(20.min(age_days), age_days.min(8 * 365) + 1);
                let start = today - Duration::days(length);
                if (start - dob).num_days() > 500 && self.rng.chance(0.15) {
                    let room = (start - dob).num_days() - 300;
                    let s0 = dob + Duration::days(self.rng.range(0, room));
                    let e0 = s0 + Duration::days(self.rng.range(30, 180));
                    let l = legal(&mut self.rng, (s0 - dob).num_days() / 365);
                    episodes.push((s0, Some(e0), l));
                }
                let l = legal(&mut self.rng, (start - dob).num_days() / 365);
                episodes.push((start, None, l));
            }
            Status::LeftAt18 | Status::LeftAt16 => {
                let start = years(dob, self.rng.range(10, 15) as u32)
                    + Duration::days(self.rng.range(0, 365));
                let end = if status == Status::LeftAt18 {
                    years(dob, 18)
                } else {
                    let latest = (today - sixteenth).num_days().min(700);
                    sixteenth + Duration::days(self.rng.range(30, latest.max(31)))
                };
                let l = legal(&mut self.rng, (start - dob).num_days() / 365);
                episodes.push((start, Some(end.min(today)), l));
            }
            Status::Qualifying => {
                let start = sixteenth + Duration::days(self.rng.range(0, 200));
                let end = start + Duration::days(self.rng.range(20, 80));
                episodes.push((
                    start.min(today),
                    Some(end.min(today)),
                    LegalStatus::Section20,
                ));
            }
        }
        Person {
            dob,
            status,
            episodes,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn allocate(
        &mut self,
        yp: i32,
        staff: &Staff,
        rel: Relationship,
        starts: DateTime<Utc>,
        ends: Option<DateTime<Utc>>,
    ) -> i32 {
        let id = self.t.allocation.id32();
        let note = ends.map(|_| self.rng.pick(words::HANDOVER).to_owned());
        self.t.allocation.push([
            int(id),
            int(yp),
            int(staff.id),
            text(rel.as_str()),
            at(starts),
            at_or_null(ends),
            text_or_null(note),
        ]);
        id
    }

    fn pick_staff(&mut self, pool: &[Staff]) -> Option<Staff> {
        pool.get(self.rng.index(pool.len())).cloned()
    }

    /// One young person and everything about them.
    fn person(
        &mut self,
        c: &Council,
        staff: &StaffOf,
        p: &Person,
        number: u64,
        members: &mut Vec<(Member, CareSummary)>,
    ) {
        let today = self.today;
        let now = self.now;
        let care: Vec<CareEpisode> = p
            .episodes
            .iter()
            .map(|(s, e, _)| CareEpisode { start: *s, end: *e })
            .collect();
        let summary = care_summary(p.dob, &care, today, false);
        let age = i64::from(summary.age);
        let first_start = p.episodes.first().map_or(today, |e| e.0);
        let last = p.episodes.last().map_or((today, None), |e| (e.0, e.1));

        // The account, for most from 8.
        let name = self.name();
        let account = if age >= 8 && self.rng.chance(0.8) {
            let id = self.t.account.id32();
            let created = self.ago(1, 700);
            let public_id = self.rng.uuid();
            self.t.account.push([
                int(id),
                text(public_id),
                int(c.id),
                text(username(c.number, number)),
                text(self.hash.clone()),
                text(Role::YoungPerson.as_str()),
                text(name),
                int_or_null(None),
                at_or_null(None),
                at(created),
                at(created),
            ]);
            Some(id)
        } else {
            None
        };
        let yp = self.t.young_person.id32();
        let public_id = self.rng.uuid();
        self.t.young_person.push([
            int(yp),
            text(public_id),
            int(c.id),
            int_or_null(account),
            text(name),
            day(p.dob),
            at(morning(first_start, 0)),
        ]);
        for (start, end, legal) in &p.episodes {
            let id = self.t.care_episode.id32();
            self.t
                .care_episode
                .push([int(id), int(yp), day(*start), day_or_null(*end)]);
            let id = self.t.legal_status.id32();
            self.t
                .legal_status
                .push([int(id), int(yp), text(legal_text(*legal)), day(*start)]);
            if let Some(end) = end {
                let id = self.t.legal_status.id32();
                self.t.legal_status.push([
                    int(id),
                    int(yp),
                    text(legal_text(LegalStatus::CareEnded)),
                    day(*end),
                ]);
            }
        }

        // Allocations now, and before.
        let in_care = p.status == Status::InCare;
        let mut sw = None;
        let mut pa = None;
        let mut iro = None;
        if in_care || (p.status == Status::LeftAt16 && age < 18 && self.rng.chance(0.5)) {
            if let Some(s) = self.pick_staff(&staff.sw) {
                let since = morning(last.0, 0).max(self.ago(30, 900));
                if self.rng.chance(0.4) && since > morning(last.0, 60 * 24 * 10) {
                    if let Some(before) = self.pick_staff(&staff.sw) {
                        self.allocate(
                            yp,
                            &before,
                            Relationship::SocialWorker,
                            morning(last.0, 0),
                            Some(since),
                        );
                    }
                }
                let a = self.allocate(yp, &s, Relationship::SocialWorker, since, None);
                sw = Some((s, a));
            }
        } else if p.status == Status::LeftAt18 && self.rng.chance(0.7) {
            // Their social worker until they left care.
            if let (Some(s), Some(end)) = (self.pick_staff(&staff.sw), last.1) {
                let from = morning(last.0, 0).max(morning(end, 0) - Duration::days(700));
                self.allocate(
                    yp,
                    &s,
                    Relationship::SocialWorker,
                    from,
                    Some(morning(end, 0)),
                );
            }
        }
        if in_care && age < 18 {
            if let Some(s) = self.pick_staff(&staff.iro) {
                let a = self.allocate(yp, &s, Relationship::Iro, morning(last.0, 30), None);
                iro = Some((s, a));
            }
        }
        let wants_pa = match p.status {
            Status::InCare => {
                age >= 16
                    && (today >= shared::care_status::personal_adviser_due(p.dob)
                        || self.rng.chance(0.3))
            }
            Status::LeftAt16 | Status::LeftAt18 => true,
            Status::Qualifying => self.rng.chance(0.5),
        };
        if wants_pa {
            if let Some(s) = self.pick_staff(&staff.pa) {
                let earliest = morning(years(p.dob, 16), 0).min(now - Duration::days(1));
                let since = earliest.max(self.ago(10, 1200));
                if !in_care && self.rng.chance(0.3) && since > earliest + Duration::days(30) {
                    if let Some(before) = self.pick_staff(&staff.pa) {
                        self.allocate(
                            yp,
                            &before,
                            Relationship::PersonalAdviser,
                            earliest,
                            Some(since),
                        );
                    }
                }
                let a = self.allocate(yp, &s, Relationship::PersonalAdviser, since, None);
                pa = Some((s, a));
            }
        }

        // Circumstances, from 16.
        if age >= 16 && self.rng.chance(0.8) {
            let id = self.t.circumstances.id32();
            let adult = age >= 18;
            let higher = adult && age >= 19 && self.rng.chance(0.15);
            let work = adult && !higher && self.rng.chance(0.35);
            let apprenticeship = !higher && !work && self.rng.chance(0.06);
            let education = higher
                || (!work && !apprenticeship && self.rng.chance(if adult { 0.3 } else { 0.75 }));
            let by = pa.as_ref().or(sw.as_ref()).map(|(s, _)| s.id);
            let updated = self.ago(5, 300);
            self.t.circumstances.push([
                int(id),
                int(yp),
                flag(education),
                flag(higher),
                flag(apprenticeship),
                flag(work),
                flag((18..=20).contains(&age) && self.rng.chance(0.2)),
                flag(self.rng.chance(0.6)),
                at(updated),
                int_or_null(by),
            ]);
        }

        // Plans: every shared version, and sometimes a draft.
        let writer = if in_care {
            sw.as_ref().or(pa.as_ref())
        } else {
            pa.as_ref().or(sw.as_ref())
        }
        .map(|(s, _)| s.clone());
        if let Some(w) = &writer {
            let since = if in_care {
                last.0
            } else {
                last.0.max(years(p.dob, 16))
            };
            self.plans(yp, age, w, since);
        }

        // Reviews: held ones with what was decided, and the next booked.
        let chair = if in_care && age < 18 {
            iro.as_ref().map(|(s, _)| s.clone())
        } else {
            pa.as_ref().map(|(s, _)| s.clone())
        };
        let readers: Vec<(Staff, Relationship)> = [
            iro.as_ref().map(|(s, _)| (s.clone(), Relationship::Iro)),
            sw.as_ref()
                .map(|(s, _)| (s.clone(), Relationship::SocialWorker)),
        ]
        .into_iter()
        .flatten()
        .chain(
            pa.as_ref()
                .filter(|_| iro.is_none() && sw.is_none())
                .map(|(s, _)| (s.clone(), Relationship::PersonalAdviser)),
        )
        .collect();
        let form = c
            .forms
            .iter()
            .find(|(k, _, _)| *k == FormKey::for_person(summary.age_band, summary.looked_after_now))
            .map(|(_, id, q)| (*id, q.clone()));
        if let Some(chair) = &chair {
            let first_due = if in_care {
                last.0
            } else {
                years(p.dob, 18).max(last.1.unwrap_or(last.0))
            };
            self.reviews(
                c,
                yp,
                account,
                in_care,
                first_due,
                chair,
                &readers,
                form.as_ref(),
                name,
            );
        }

        // Requests about the local offer.
        let leaver = shared::forum::is_care_leaver(summary.category);
        let to = pa
            .as_ref()
            .map(|(s, _)| (s.clone(), Relationship::PersonalAdviser))
            .or_else(|| {
                sw.as_ref()
                    .map(|(s, _)| (s.clone(), Relationship::SocialWorker))
            });
        if let (true, Some((worker, rel))) = (leaver && self.rng.chance(0.3), to) {
            self.offer_requests(c, yp, account, &worker, rel);
        }

        // The forum.
        if account.is_some() && (8..=24).contains(&age) && self.rng.chance(0.3) {
            self.members_in_council += 1;
            let display = format!(
                "{} {} {}",
                self.rng.pick(words::ADJECTIVES),
                self.rng.pick(words::ANIMALS),
                9 + self.members_in_council
            );
            let id = self.t.forum_member.id32();
            let created = self.ago(10, 500);
            let public_id = self.rng.uuid();
            self.t.forum_member.push([
                int(id),
                text(public_id),
                int(c.id),
                int(yp),
                text(display.clone()),
                text(display_name_key(&display)),
                flag(self.rng.chance(0.5)),
                at_or_null(None),
                text_or_null(None),
                at(created),
                at(created),
            ]);
            members.push((
                Member {
                    id,
                    young_person_id: yp,
                    name: display,
                    under_18: age < 18,
                },
                summary,
            ));
        }

        // Who looked at the record, and the young person's own visits.
        let workers: Vec<(Staff, Relationship, i32)> = [
            sw.as_ref()
                .map(|(s, a)| (s.clone(), Relationship::SocialWorker, *a)),
            pa.as_ref()
                .map(|(s, a)| (s.clone(), Relationship::PersonalAdviser, *a)),
            iro.as_ref()
                .map(|(s, a)| (s.clone(), Relationship::Iro, *a)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let actions = [
            Action::ReadProfile,
            Action::ReadPlan,
            Action::ReadReviews,
            Action::ReadOffer,
            Action::ReadAllocations,
        ];
        for (s, rel, alloc) in &workers {
            for _ in 0..self.rng.range(1, 4) {
                let action = actions[self.rng.index(actions.len())];
                self.audit(
                    c.id,
                    Some(s.id),
                    s.role.as_str(),
                    yp,
                    action,
                    relation_basis(*rel),
                    Some(*alloc),
                    "allowed",
                );
            }
        }
        if let Some(acc) = account {
            for _ in 0..self.rng.range(1, 5) {
                let action = actions[1 + self.rng.index(3)];
                self.audit(
                    c.id,
                    Some(acc),
                    Role::YoungPerson.as_str(),
                    yp,
                    action,
                    Relation::Own.basis(),
                    None,
                    "allowed",
                );
            }
            for _ in 0..self.rng.range(0, 4) {
                let (kind, title, body, link) = [
                    (
                        "review_reminder",
                        "Your review is coming up",
                        "Your review meeting is soon. You can say what you think before it.",
                        "/my/review",
                    ),
                    (
                        "plan_shared",
                        "Your plan has changed",
                        "Your worker shared a new version of your plan.",
                        "/my/plan",
                    ),
                    (
                        "offer_request",
                        "Your request has moved on",
                        "There is news about something you asked for.",
                        "/my/offer/requests",
                    ),
                ][self.rng.index(3)];
                self.notify(acc, kind, title, body, link);
            }
        }
        if self.rng.chance(0.02) {
            if let Some(other) = self.pick_staff(&staff.sw) {
                self.audit(
                    c.id,
                    Some(other.id),
                    other.role.as_str(),
                    yp,
                    Action::ReadProfile,
                    Relation::Unrelated.basis(),
                    None,
                    "denied",
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn audit(
        &mut self,
        authority: i32,
        actor: Option<i32>,
        role: &str,
        yp: i32,
        action: Action,
        basis: &str,
        allocation: Option<i32>,
        outcome: &str,
    ) {
        let id = self.t.audit_event.id();
        let when = self.ago(0, 180);
        self.t.audit_event.push([
            big(id),
            int(authority),
            at(when),
            int_or_null(actor),
            text(role),
            int_or_null(Some(yp)),
            text(action.as_str()),
            text(basis),
            int_or_null(allocation),
            text(outcome),
            text_or_null(None),
        ]);
    }

    fn notify(&mut self, account: i32, kind: &str, title: &str, body: &str, link: &str) {
        let id = self.t.notification.id();
        let created = self.ago(0, 120);
        let read = self.rng.chance(0.6).then(|| created + Duration::hours(3));
        let public_id = self.rng.uuid();
        self.t.notification.push([
            big(id),
            text(public_id),
            int(account),
            text(kind),
            text(title),
            text(body),
            text(link),
            flag(false),
            at(created),
            at_or_null(read),
        ]);
    }

    fn plans(&mut self, yp: i32, age: i64, writer: &Staff, since: NaiveDate) {
        let kind = if age >= 16 {
            "pathway_plan"
        } else {
            "care_plan"
        };
        let mut sections: Vec<SectionText> = Vec::new();
        for (i, (section, bank)) in Section::ALL.iter().zip(words::PLAN_TEXT).enumerate() {
            if i < 2 || self.rng.chance(0.7) {
                sections.push(SectionText {
                    section: *section,
                    text: self.rng.pick(bank).to_owned(),
                });
            }
        }
        let versions = 1 + self.rng.weighted(&[40, 35, 25]);
        // The newest version was shared in the last 200 days, each one
        // before it 2 to 8 months earlier, none before `since`.
        let earliest = morning(since, 0).min(self.now - Duration::days(1));
        let mut dates = Vec::with_capacity(versions);
        let mut d = self.ago(5, 200).max(earliest);
        for _ in 0..versions {
            dates.push(d);
            d = (d - Duration::days(self.rng.range(60, 250))).max(earliest);
        }
        dates.reverse();
        for (v, shared_at) in dates.into_iter().enumerate() {
            if v > 0 {
                // Each version changes a section or two.
                for _ in 0..self.rng.range(1, 3) {
                    let i = self.rng.index(sections.len());
                    let bank = sections
                        .get(i)
                        .and_then(|s| Section::ALL.iter().position(|x| *x == s.section))
                        .and_then(|k| words::PLAN_TEXT.get(k).copied())
                        .unwrap_or(words::PLAN_TEXT[0]);
                    let new = self.rng.pick(bank).to_owned();
                    if let Some(s) = sections.get_mut(i) {
                        s.text = new;
                    }
                }
            }
            let version = i32::try_from(v).unwrap_or(0) + 1;
            self.plan_row(
                yp,
                kind,
                "shared",
                Some(version),
                &sections,
                writer,
                shared_at,
            );
        }
        if self.rng.chance(0.15) {
            let updated = self.ago(0, 20);
            self.plan_row(yp, kind, "draft", None, &sections, writer, updated);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn plan_row(
        &mut self,
        yp: i32,
        kind: &str,
        status: &str,
        version: Option<i32>,
        sections: &[SectionText],
        writer: &Staff,
        when: DateTime<Utc>,
    ) {
        let id = self.t.plan_version.id32();
        let shared = version.is_some();
        let next = self.today + Duration::days(self.rng.range(20, 180));
        self.t.plan_version.push([
            int(id),
            int(yp),
            text(kind),
            text(status),
            int_or_null(version),
            text(serde_json::to_string(sections).unwrap_or_else(|_| "[]".to_owned())),
            day_or_null(Some(next)),
            int(writer.id),
            at(when),
            at_or_null(shared.then_some(when)),
            int_or_null(shared.then_some(writer.id)),
            text_or_null(None),
        ]);
    }

    #[allow(clippy::too_many_arguments)]
    fn reviews(
        &mut self,
        c: &Council,
        yp: i32,
        account: Option<i32>,
        in_care: bool,
        start: NaiveDate,
        chair: &Staff,
        readers: &[(Staff, Relationship)],
        form: Option<&(i32, Vec<Question>)>,
        yp_name: &str,
    ) {
        let today = self.today;
        // Due dates: 20 working days-ish, 3 months, then every 6 months
        // (pathway plans: every 6 months).
        let mut due = Vec::new();
        let mut d = if in_care {
            start + Duration::days(20)
        } else {
            start + Duration::days(182)
        };
        let mut k = 0;
        while d < today - Duration::days(5) {
            due.push((k, d));
            d += Duration::days(if in_care && k == 0 { 91 } else { 182 });
            k += 1;
        }
        let kind_of = |k: usize| -> &'static str {
            match (in_care, k) {
                (false, _) => "pathway_plan",
                (true, 0) => "first",
                (true, 1) => "second",
                _ => "subsequent",
            }
        };
        let skip = due.len().saturating_sub(6);
        for (k, date) in due.into_iter().skip(skip) {
            let held_on = date - Duration::days(self.rng.range(0, 10));
            let id = self.review_row(c, yp, kind_of(k), "held", held_on, chair, Some(held_on));
            if let (Some(_), Some(form)) = (account, form) {
                if held_on > today - Duration::days(730) && self.rng.chance(0.4) {
                    let sent = morning(held_on, 8 * 60) - Duration::days(self.rng.range(1, 7));
                    let answered = self.rng.chance(0.5).then(|| sent + Duration::days(5));
                    self.feedback(
                        c,
                        yp,
                        id,
                        form,
                        readers,
                        sent,
                        answered.map(|a| (chair, a)),
                        yp_name,
                        held_on,
                    );
                }
            }
        }
        if self.rng.chance(if in_care { 0.85 } else { 0.6 }) {
            // Booked a little before it is due (or soon, when overdue).
            let next = (d - Duration::days(self.rng.range(14, 28)))
                .max(today + Duration::days(self.rng.range(1, 30)));
            let id = self.review_row(c, yp, kind_of(k), "booked", next, chair, None);
            if let (Some(_), Some(form)) = (account, form) {
                if self.rng.chance(0.1) {
                    let sent = self.ago(1, 5);
                    self.feedback(c, yp, id, form, readers, sent, None, yp_name, next);
                }
            }
            if in_care && self.rng.chance(0.03) {
                let id = self.t.review_request.id32();
                let asked = self.ago(1, 20);
                let public_id = self.rng.uuid();
                self.t.review_request.push([
                    int(id),
                    text(public_id),
                    int(yp),
                    text_or_null(Some("Can my review be sooner please?".to_owned())),
                    at(asked),
                    at_or_null(None),
                    int_or_null(None),
                ]);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn review_row(
        &mut self,
        c: &Council,
        yp: i32,
        kind: &str,
        status: &str,
        on: NaiveDate,
        chair: &Staff,
        held: Option<NaiveDate>,
    ) -> i32 {
        let id = self.t.review.id32();
        let created = morning(on, 0) - Duration::days(self.rng.range(14, 60));
        let created = created.min(self.now);
        let start = 9 * 60 + 30 * self.rng.range(0, 16) as i32;
        let invited: &[&str] = if kind == "pathway_plan" {
            &["You", "Your personal adviser"]
        } else {
            &["You", "Your carers", "Your social worker", "Your IRO"]
        };
        let participation = if held.is_some() {
            Participation::Attend
        } else {
            [
                Participation::NotDecided,
                Participation::Attend,
                Participation::SendViews,
            ][self.rng.index(3)]
        };
        let outcomes_at = held.map(|h| morning(h, 9 * 60));
        let public_id = self.rng.uuid();
        self.t.review.push([
            int(id),
            text(public_id),
            int(c.id),
            int(yp),
            text(kind),
            text(status),
            day(on),
            int_or_null(Some(start)),
            int_or_null(Some(start + 60)),
            text(self.rng.pick(words::PLACES)),
            text(serde_json::to_string(invited).unwrap_or_else(|_| "[]".to_owned())),
            text(participation.as_str()),
            flag(false),
            int_or_null(Some(chair.id)),
            day_or_null(held),
            text_or_null(held.map(|_| self.rng.pick(words::REVIEW_OUTCOMES).to_owned())),
            text_or_null(held.map(|_| self.rng.pick(words::REVIEW_DECISIONS).to_owned())),
            text_or_null(None),
            at_or_null(outcomes_at),
            int_or_null(held.map(|_| chair.id)),
            int(chair.id),
            at(created),
            at(outcomes_at.unwrap_or(created)),
        ]);
        id
    }

    #[allow(clippy::too_many_arguments)]
    fn feedback(
        &mut self,
        c: &Council,
        yp: i32,
        review: i32,
        form: &(i32, Vec<Question>),
        readers: &[(Staff, Relationship)],
        sent: DateTime<Utc>,
        answer: Option<(&Staff, DateTime<Utc>)>,
        yp_name: &str,
        on: NaiveDate,
    ) {
        if readers.is_empty() {
            return;
        }
        let id = self.t.feedback.id32();
        let public_id = self.rng.uuid();
        let submission = self.rng.uuid();
        self.t.feedback.push([
            int(id),
            text(public_id),
            int(c.id),
            int(yp),
            int(review),
            int(form.0),
            text(submission),
            flag(false),
            at(sent),
            text_or_null(answer.map(|_| self.rng.pick(words::REPLIES).to_owned())),
            int_or_null(answer.map(|(s, _)| s.id)),
            at_or_null(answer.map(|(_, a)| a)),
        ]);
        for q in &form.1 {
            if !self.rng.chance(0.75) {
                continue;
            }
            let (scale, choices, words_) = match q.kind {
                QuestionKind::Faces => (Some(self.rng.range(1, 6) as i32), None, None),
                QuestionKind::OneChoice | QuestionKind::ManyChoices => {
                    let Some(o) = q.options.get(self.rng.index(q.options.len())) else {
                        continue;
                    };
                    (None, Some(vec![o.key.clone()]), None)
                }
                QuestionKind::Text => (
                    None,
                    None,
                    Some(self.rng.pick(words::FEEDBACK_TEXT).to_owned()),
                ),
            };
            let aid = self.t.feedback_answer.id32();
            self.t.feedback_answer.push([
                int(aid),
                int(id),
                text(q.key.clone()),
                int_or_null(scale),
                text_or_null(choices.and_then(|c| serde_json::to_string(&c).ok())),
                text_or_null(words_),
            ]);
        }
        for (s, rel) in readers {
            let rid = self.t.feedback_reader.id32();
            self.t
                .feedback_reader
                .push([int(rid), int(id), int(s.id), text(rel.as_str())]);
            self.notify(
                s.id,
                "review_feedback",
                "New views before a review",
                &format!(
                    "{yp_name} sent their views for their review on {}.",
                    on.format("%A %-d %B")
                ),
                "/staff/reviews",
            );
        }
    }

    fn offer_requests(
        &mut self,
        c: &Council,
        yp: i32,
        account: Option<i32>,
        worker: &Staff,
        rel: Relationship,
    ) {
        let n = 1 + self.rng.index(3);
        let mut used: Vec<i32> = Vec::new();
        for _ in 0..n {
            let Some(&(ent, money)) = c.entitlements.get(self.rng.index(c.entitlements.len()))
            else {
                return;
            };
            if used.contains(&ent) {
                continue;
            }
            used.push(ent);
            let status = [
                RequestStatus::Asked,
                RequestStatus::InProgress,
                RequestStatus::Agreed,
                RequestStatus::Paid,
                RequestStatus::TurnedDown,
            ][self.rng.weighted(&[30, 25, 20, 15, 10])];
            let status = if status == RequestStatus::Paid && !money {
                RequestStatus::Agreed
            } else {
                status
            };
            let id = self.t.offer_request.id32();
            let created = self.ago(3, 400);
            let steps: &[RequestStatus] = match status {
                RequestStatus::Asked => &[],
                RequestStatus::InProgress => &[RequestStatus::InProgress],
                RequestStatus::Agreed => &[RequestStatus::InProgress, RequestStatus::Agreed],
                RequestStatus::Paid => &[
                    RequestStatus::InProgress,
                    RequestStatus::Agreed,
                    RequestStatus::Paid,
                ],
                RequestStatus::TurnedDown => &[RequestStatus::TurnedDown],
            };
            let updated = created + Duration::days(2 * steps.len() as i64);
            let message = self.rng.pick(words::OFFER_MESSAGES).to_owned();
            let answer =
                (!steps.is_empty()).then(|| self.rng.pick(words::OFFER_ANSWERS).to_owned());
            let public_id = self.rng.uuid();
            self.t.offer_request.push([
                int(id),
                text(public_id),
                int(c.id),
                int(yp),
                int(ent),
                text(rel.as_str()),
                text(status.as_str()),
                text_or_null(Some(message.clone())),
                text_or_null(answer.clone()),
                text_or_null(
                    status
                        .is_open(money)
                        .then(|| crate::repo::offer_requests::open_key(yp, ent)),
                ),
                at(created),
                at(updated.min(self.now)),
            ]);
            let eid = self.t.offer_request_event.id();
            self.t.offer_request_event.push([
                big(eid),
                int(id),
                text(RequestStatus::Asked.as_str()),
                text_or_null(Some(message)),
                int_or_null(account),
                at(created),
            ]);
            for (i, s) in steps.iter().enumerate() {
                let eid = self.t.offer_request_event.id();
                let when = (created + Duration::days(2 * (i as i64 + 1))).min(self.now);
                self.t.offer_request_event.push([
                    big(eid),
                    int(id),
                    text(s.as_str()),
                    text_or_null(answer.clone()),
                    int_or_null(Some(worker.id)),
                    at(when),
                ]);
            }
            if status == RequestStatus::Asked {
                self.notify(
                    worker.id,
                    "offer_request",
                    "A question about the local offer",
                    "A young person asked about something in the local offer.",
                    "/staff/offer/requests",
                );
            }
        }
    }

    /// Threads and posts among this chunk's members, space by space.
    fn forum(&mut self, c: &Council, staff: &StaffOf, members: &[(Member, CareSummary)]) {
        let officer = staff.po.first().cloned();
        for space in &c.spaces {
            let Some(rule) = crate::services::forum::rule_of(space) else {
                continue;
            };
            let here: Vec<&Member> = members
                .iter()
                .filter(|(_, s)| rule.admits(s))
                .map(|(m, _)| m)
                .collect();
            if here.is_empty() {
                continue;
            }
            let threads = here.len().div_ceil(3);
            for _ in 0..threads {
                let Some(author) = here.get(self.rng.index(here.len())).copied() else {
                    continue;
                };
                let title = self.rng.pick(words::THREAD_TITLES);
                let opening = self.post_status(author, space.hold_under_18);
                let created = if opening == PostStatus::Pending {
                    self.ago(0, 3)
                } else {
                    self.ago(4, 300)
                };
                let thread = self.t.forum_thread.id();
                let public_id = self.rng.uuid();
                let mut posts = vec![(author, opening, created, true)];
                if opening == PostStatus::Published {
                    let mut when = created;
                    for _ in 0..self.rng.index(7) {
                        let Some(by) = here.get(self.rng.index(here.len())).copied() else {
                            continue;
                        };
                        let st = self.post_status(by, space.hold_under_18);
                        when += Duration::minutes(self.rng.range(10, 60 * 24 * 3));
                        let at_ = if st == PostStatus::Pending {
                            self.ago(0, 3)
                        } else {
                            when.min(self.now - Duration::hours(1))
                        };
                        posts.push((by, st, at_, false));
                    }
                }
                let last = posts
                    .iter()
                    .filter(|(_, s, _, _)| *s == PostStatus::Published)
                    .map(|(_, _, a, _)| *a)
                    .max()
                    .unwrap_or(created);
                self.t.forum_thread.push([
                    big(thread),
                    text(public_id),
                    int(c.id),
                    int(space.id),
                    int(author.id),
                    text(title),
                    text(opening.as_str()),
                    flag(false),
                    text_or_null(None),
                    at(created),
                    at(last),
                ]);
                for (by, st, when, is_opening) in posts {
                    self.post(
                        c,
                        space.id,
                        thread,
                        title,
                        by,
                        st,
                        when,
                        is_opening,
                        officer.as_ref(),
                        &here,
                    );
                }
            }
        }
    }

    fn post_status(&mut self, author: &Member, hold_under_18: bool) -> PostStatus {
        match self.rng.weighted(&[92, 4, 2, 1, 1]) {
            1 if author.under_18 && hold_under_18 => PostStatus::Pending,
            2 => PostStatus::Rejected,
            3 => PostStatus::Removed,
            4 => PostStatus::Deleted,
            _ => PostStatus::Published,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn post(
        &mut self,
        c: &Council,
        space: i32,
        thread: i64,
        title: &str,
        by: &Member,
        st: PostStatus,
        created: DateTime<Utc>,
        opening: bool,
        officer: Option<&Staff>,
        here: &[&Member],
    ) {
        let id = self.t.forum_post.id();
        let body = self.rng.pick(words::POSTS);
        let checked = by.under_18;
        let decided = match st {
            PostStatus::Pending | PostStatus::Deleted => None,
            PostStatus::Published if !checked => None,
            _ => officer.map(|o| (o, created + Duration::minutes(self.rng.range(5, 240)))),
        };
        let published_at = match st {
            PostStatus::Published | PostStatus::Removed => Some(if checked {
                decided.map_or(created, |(_, d)| d)
            } else {
                created
            }),
            _ => None,
        };
        let flagged = st == PostStatus::Published && self.rng.chance(0.03);
        let flag_open = flagged && self.rng.chance(0.5);
        let hold = if st == PostStatus::Pending || (checked && decided.is_some()) {
            HoldReason::join(&[HoldReason::Under18])
        } else {
            String::new()
        };
        let note = (st == PostStatus::Rejected)
            .then(|| "Please keep names and places private.".to_owned());
        let public_id = self.rng.uuid();
        self.t.forum_post.push([
            big(id),
            text(public_id),
            int(c.id),
            big(thread),
            int(space),
            int(by.id),
            flag(opening),
            text(body),
            text(st.as_str()),
            text(hold),
            flag(flagged),
            flag(flag_open),
            flag(false),
            flag(false),
            text_or_null(note.clone()),
            int_or_null(decided.map(|(o, _)| o.id)),
            at_or_null(decided.map(|(_, d)| d)),
            at(created),
            at_or_null(published_at),
        ]);
        if let Some((o, when)) = decided {
            let action = match st {
                PostStatus::Rejected => ModAction::Rejected,
                PostStatus::Removed => ModAction::Removed,
                _ => ModAction::Approved,
            };
            let lid = self.t.forum_moderation_log.id();
            let public_id = self.rng.uuid();
            self.t.forum_moderation_log.push([
                big(lid),
                text(public_id),
                int(c.id),
                at(when),
                int_or_null(Some(o.id)),
                text_or_null(Some(Role::ParticipationOfficer.as_str().to_owned())),
                text_or_null(Some(o.name.clone())),
                text(action.as_str()),
                big_or_null(Some(id)),
                big_or_null(Some(thread)),
                int_or_null(Some(by.id)),
                text_or_null(note),
                text_or_null(None),
                text_or_null(None),
                text_or_null(None),
                text_or_null(None),
            ]);
        }
        // Now and then someone reports a post that is up.
        if st == PostStatus::Published && self.rng.chance(0.015) {
            let Some(reporter) = here.get(self.rng.index(here.len())).copied() else {
                return;
            };
            if reporter.id == by.id {
                return;
            }
            let rid = self.t.forum_report.id();
            let when = (created + Duration::hours(self.rng.range(1, 48))).min(self.now);
            let open = self.rng.chance(0.6);
            let resolver = officer.filter(|_| !open);
            let public_id = self.rng.uuid();
            self.t.forum_report.push([
                big(rid),
                text(public_id),
                int(c.id),
                big(id),
                int(reporter.young_person_id),
                text_or_null(Some("I don't think this is kind.".to_owned())),
                text_or_null(opening.then(|| title.to_owned())),
                text(body),
                text(by.name.clone()),
                text(if open { "open" } else { "resolved" }),
                text_or_null((!open).then(|| "kept".to_owned())),
                at(when),
                at_or_null(resolver.map(|_| when + Duration::hours(5))),
                int_or_null(resolver.map(|o| o.id)),
            ]);
        }
    }
}
