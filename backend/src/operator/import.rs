//! Importing a council's staff and young people from CSV (issue 17).
//!
//! Every row is checked before anything is written, and every problem is
//! reported with its line number; a run with any problem writes nothing.
//! Rows are matched by a stable key (staff: `username`; young people: `ref`,
//! the council's own id), so importing the same file again changes nothing
//! and says "unchanged". People already here are never changed by an
//! import. Records are made by the same repo functions as the app's pages,
//! in chunks, inside one transaction.

use crate::entities::{account, young_person};
use crate::error::ApiError;
use crate::repo::{accounts, allocations, councils, people};
use crate::services::{auth, free_text, people as people_rules};
use chrono::{NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};
use shared::access::Relationship;
use shared::accounts::ActivationCode;
use shared::limits::{
    PERSON_NAME_MAX_CHARS, STAFF_NAME_MAX_CHARS, USERNAME_MAX_CHARS, USERNAME_MIN_CHARS,
};
use shared::people::{LegalStatus, Role};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// The longest council reference (`ref`) accepted.
pub const REF_MAX_CHARS: usize = 60;

/// The staff file's columns: (name, required).
pub const STAFF_COLUMNS: &[(&str, bool)] = &[
    ("username", true),
    ("display_name", true),
    ("role", true),
    ("team", false),
];

/// The young people's file's columns: (name, required).
pub const YOUNG_PEOPLE_COLUMNS: &[(&str, bool)] = &[
    ("ref", true),
    ("preferred_name", true),
    ("date_of_birth", true),
    ("care_started", true),
    ("legal_status", true),
    ("care_ended", false),
    ("username", false),
    ("social_worker", false),
    ("personal_adviser", false),
    ("iro", false),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Staff,
    YoungPeople,
}

impl Kind {
    pub fn columns(self) -> &'static [(&'static str, bool)] {
        match self {
            Kind::Staff => STAFF_COLUMNS,
            Kind::YoungPeople => YOUNG_PEOPLE_COLUMNS,
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            Kind::Staff => "import_staff",
            Kind::YoungPeople => "import_young_people",
        }
    }
}

pub struct Options<'a> {
    pub council: &'a str,
    pub dry_run: bool,
    /// Where the new accounts' one-time codes go (created with mode 0600).
    pub codes_out: Option<&'a Path>,
}

/// One problem; `line` is the file's line (1 is the header), `None` for
/// the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<u64>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

#[derive(Debug)]
pub struct Report {
    pub kind: Kind,
    /// Data rows read (the header not counted).
    pub rows: usize,
    /// What was (or, on a dry run, would be) made, by kind of record.
    pub created: BTreeMap<&'static str, usize>,
    /// Rows already here, just as the file says.
    pub unchanged: usize,
    pub problems: Vec<Problem>,
    /// True only when the transaction committed.
    pub written: bool,
    pub elapsed: Duration,
}

impl Report {
    pub fn created(&self, what: &str) -> usize {
        self.created.get(what).copied().unwrap_or(0)
    }
}

/// Failures that are not about the file's rows.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("There is no council with the slug {0:?}.")]
    NoCouncil(String),
    #[error("Could not read {path}: {why}")]
    Read { path: String, why: String },
    #[error("Could not write the codes file {path}: {why}")]
    CodesFile { path: String, why: String },
    #[error(transparent)]
    Api(#[from] ApiError),
}

impl From<sea_orm::DbErr> for ImportError {
    fn from(e: sea_orm::DbErr) -> Self {
        ImportError::Api(e.into())
    }
}

/// Reads `path` and imports it (see [`import`]).
pub async fn import_file(
    db: &DatabaseConnection,
    kind: Kind,
    path: &Path,
    opts: &Options<'_>,
) -> Result<Report, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError::Read {
        path: path.display().to_string(),
        why: e.to_string(),
    })?;
    import(db, kind, &bytes, opts).await
}

/// Checks every row, then (unless a dry run, and only with no problem at
/// all) writes every new record in one transaction.
pub async fn import(
    db: &DatabaseConnection,
    kind: Kind,
    bytes: &[u8],
    opts: &Options<'_>,
) -> Result<Report, ImportError> {
    let started = Instant::now();
    let council = councils::by_slug(db, opts.council)
        .await?
        .ok_or_else(|| ImportError::NoCouncil(opts.council.to_owned()))?;
    let mut report = Report {
        kind,
        rows: 0,
        created: BTreeMap::new(),
        unchanged: 0,
        problems: vec![],
        written: false,
        elapsed: Duration::ZERO,
    };
    let Some(rows) = read_rows(kind, bytes, &mut report.problems) else {
        report.elapsed = started.elapsed();
        return Ok(report);
    };
    report.rows = rows.len();
    match kind {
        Kind::Staff => staff(db, council.id, &rows, opts, &mut report).await?,
        Kind::YoungPeople => young_people(db, council.id, &rows, opts, &mut report).await?,
    }
    report.elapsed = started.elapsed();
    Ok(report)
}

/// One data row: its line and its values by column name (trimmed).
struct Row {
    line: u64,
    values: HashMap<&'static str, String>,
}

impl Row {
    /// The value, `None` when blank or the column is absent.
    fn get(&self, col: &str) -> Option<&str> {
        self.values
            .get(col)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// The header checked and the rows read; `None` when the file cannot be
/// read as rows at all (the reasons are in `problems`).
fn read_rows(kind: Kind, bytes: &[u8], problems: &mut Vec<Problem>) -> Option<Vec<Row>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Windows line ends become "\n" first: the csv reader counts a record
    // that follows "\r\n" as starting on the line before.
    let mut unix = Vec::with_capacity(bytes.len());
    let mut it = bytes.iter().peekable();
    while let Some(b) = it.next() {
        if *b == b'\r' && it.peek() == Some(&&b'\n') {
            continue;
        }
        unix.push(*b);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(unix.as_slice());
    let file_problem = |problems: &mut Vec<Problem>, m: String| {
        problems.push(Problem {
            line: None,
            message: m,
        });
    };
    let headers = match reader.headers() {
        Ok(h) if h.iter().any(|c| !c.trim().is_empty()) => h.clone(),
        Ok(_) => {
            file_problem(
                problems,
                "The file is empty: the first line must name the columns.".to_owned(),
            );
            return None;
        }
        Err(e) => {
            file_problem(problems, format!("The header line cannot be read: {e}."));
            return None;
        }
    };
    let columns = kind.columns();
    let names: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    let mut index: Vec<Option<&'static str>> = vec![];
    let mut unknown = vec![];
    let mut seen: Vec<&str> = vec![];
    for n in &names {
        let known = columns.iter().find(|(c, _)| c == n).map(|(c, _)| *c);
        match known {
            Some(c) if seen.contains(&c) => {
                file_problem(problems, format!("The column {c:?} is named twice."));
            }
            Some(c) => seen.push(c),
            None => unknown.push(format!("{n:?}")),
        }
        index.push(known);
    }
    let missing: Vec<String> = columns
        .iter()
        .filter(|(c, required)| *required && !seen.contains(c))
        .map(|(c, _)| format!("{c:?}"))
        .collect();
    if !missing.is_empty() {
        file_problem(
            problems,
            format!("Missing columns: {}.", missing.join(", ")),
        );
    }
    if !unknown.is_empty() {
        let allowed: Vec<&str> = columns.iter().map(|(c, _)| *c).collect();
        file_problem(
            problems,
            format!(
                "Unknown columns: {}. The columns are: {}.",
                unknown.join(", "),
                allowed.join(", ")
            ),
        );
    }
    if !problems.is_empty() {
        return None;
    }
    let mut rows = vec![];
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                problems.push(Problem {
                    line,
                    message: format!("This line cannot be read: {e}."),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        // A blank line (Excel leaves some at the end) is not a row.
        if record.iter().all(|v| v.trim().is_empty()) {
            continue;
        }
        if record.len() != names.len() {
            problems.push(Problem {
                line: Some(line),
                message: format!(
                    "This row has {} values; the header names {} columns.",
                    record.len(),
                    names.len()
                ),
            });
            continue;
        }
        let values = index
            .iter()
            .zip(record.iter())
            .filter_map(|(col, v)| col.map(|c| (c, v.trim().to_owned())))
            .collect();
        rows.push(Row { line, values });
    }
    Some(rows)
}

/// Collects one row's problems.
struct RowCheck<'a> {
    line: u64,
    problems: &'a mut Vec<Problem>,
    bad: bool,
}

impl RowCheck<'_> {
    fn problem(&mut self, message: impl Into<String>) {
        self.bad = true;
        self.problems.push(Problem {
            line: Some(self.line),
            message: message.into(),
        });
    }

    fn required<'r>(&mut self, row: &'r Row, col: &str) -> Option<&'r str> {
        let v = row.get(col);
        if v.is_none() {
            self.problem(format!("{col} is empty."));
        }
        v
    }

    fn date(&mut self, col: &str, v: Option<&str>) -> Option<NaiveDate> {
        let v = v?;
        match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.problem(format!(
                    "{col} {v:?} is not a real date (write it as YYYY-MM-DD, like 2011-02-28)."
                ));
                None
            }
        }
    }

    fn text(&mut self, col: &str, v: Option<&str>, max: usize, what: &str) -> Option<String> {
        match free_text::required(col, v?, max, what) {
            Ok(t) => Some(t),
            Err(e) => {
                self.problem(format!("{col}: {e}"));
                None
            }
        }
    }

    fn username(&mut self, col: &str, v: Option<&str>) -> Option<String> {
        let u = v?.to_lowercase();
        let n = u.chars().count();
        let ok = (USERNAME_MIN_CHARS..=USERNAME_MAX_CHARS).contains(&n)
            && u.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
        if ok {
            Some(u)
        } else {
            self.problem(format!(
                "{col} {u:?}: use {USERNAME_MIN_CHARS} to {USERNAME_MAX_CHARS} letters, numbers, dots, dashes or underscores."
            ));
            None
        }
    }
}

/// The CSV's words for a legal status (`section_20` or `section20`).
fn legal_status(v: &str) -> Option<LegalStatus> {
    let v = v.to_lowercase().replace(['-', ' '], "_");
    Some(match v.as_str() {
        "section_20" | "section20" => LegalStatus::Section20,
        "section_31" | "section31" => LegalStatus::Section31,
        "interim_care_order" => LegalStatus::InterimCareOrder,
        "placement_order" => LegalStatus::PlacementOrder,
        "remand" => LegalStatus::Remand,
        "care_ended" => LegalStatus::CareEnded,
        _ => return None,
    })
}

fn role_words() -> String {
    Role::ALL
        .into_iter()
        .filter(|r| *r != Role::YoungPerson)
        .map(Role::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

async fn staff(
    db: &DatabaseConnection,
    authority_id: i32,
    rows: &[Row],
    opts: &Options<'_>,
    report: &mut Report,
) -> Result<(), ImportError> {
    let teams: HashMap<String, i32> = accounts::teams_of(db, authority_id)
        .await?
        .into_iter()
        .map(|t| (t.slug, t.id))
        .collect();
    let existing = accounts_named_in(db, rows).await?;
    struct New {
        username: String,
        name: String,
        role: Role,
        team_id: Option<i32>,
    }
    let mut new: Vec<New> = vec![];
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for row in rows {
        let mut c = RowCheck {
            line: row.line,
            problems: &mut report.problems,
            bad: false,
        };
        let username = c.required(row, "username");
        let username = c.username("username", username);
        let name = c.required(row, "display_name");
        let name = c.text("display_name", name, STAFF_NAME_MAX_CHARS, "a name");
        let role = match c.required(row, "role") {
            // Spelt as `staff add` takes it too (social-worker).
            Some(v) => match super::staff::parse_role(&v.to_lowercase())
                .ok()
                .filter(|r| *r != Role::YoungPerson)
            {
                Some(r) => Some(r),
                None => {
                    c.problem(format!("role {v:?} is not one of: {}.", role_words()));
                    None
                }
            },
            None => None,
        };
        let team_id = match row.get("team") {
            Some(slug) => match teams.get(&slug.to_lowercase()) {
                Some(id) => Some(Some(*id)),
                None => {
                    c.problem(format!("team {slug:?} is not a team of this council."));
                    None
                }
            },
            None => Some(None),
        };
        if let Some(u) = &username {
            if let Some(first) = first_line.get(u) {
                c.problem(format!("username {u:?} is also on line {first}."));
            } else {
                first_line.insert(u.clone(), row.line);
            }
        }
        let (Some(username), Some(name), Some(role), Some(team_id)) =
            (username, name, role, team_id)
        else {
            continue;
        };
        if c.bad {
            continue;
        }
        match existing.get(&username) {
            Some(a)
                if a.authority_id == authority_id
                    && a.role == role.as_str()
                    && a.display_name == name
                    && a.team_id == team_id =>
            {
                report.unchanged += 1;
            }
            Some(a) if a.authority_id == authority_id && a.role != Role::YoungPerson.as_str() => {
                c.problem(format!(
                    "username {username:?} is already a member of staff here with a different name, role or team; an import does not change people already here."
                ));
            }
            Some(_) => c.problem(format!("username {username:?} is already taken.")),
            None => new.push(New {
                username,
                name,
                role,
                team_id,
            }),
        }
    }
    report.created.insert("staff", new.len());
    report.created.insert("activation codes", new.len());
    // Nothing new (the same file again): nothing to write, not even an
    // audit row.
    if opts.dry_run || !report.problems.is_empty() || new.is_empty() {
        return Ok(());
    }
    let accounts_new: Vec<accounts::NewAccount<'_>> = new
        .iter()
        .map(|n| accounts::NewAccount {
            authority_id,
            username: &n.username,
            role: n.role,
            display_name: &n.name,
            team_id: n.team_id,
            password_hash: None,
        })
        .collect();
    let codes_file = open_codes_file(opts, !new.is_empty(), &mut report.problems)?;
    if !report.problems.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let made = accounts::create_many(&txn, &accounts_new, now).await?;
    let codes = auth::issue_first_codes(&txn, &made, "activate").await?;
    let names: Vec<&str> = new.iter().map(|n| n.name.as_str()).collect();
    record_audit(&txn, authority_id, Kind::Staff, report).await?;
    finish(txn, codes_file, &codes, &names).await?;
    report.written = true;
    Ok(())
}

/// A young person's row, checked.
struct NewYoung {
    external_ref: String,
    name: String,
    dob: NaiveDate,
    care_started: NaiveDate,
    care_ended: Option<NaiveDate>,
    status: LegalStatus,
    username: Option<String>,
    workers: Vec<(Relationship, i32)>,
}

async fn young_people(
    db: &DatabaseConnection,
    authority_id: i32,
    rows: &[Row],
    opts: &Options<'_>,
    report: &mut Report,
) -> Result<(), ImportError> {
    let today = Utc::now().date_naive();
    let here = people::all_of_authority(db, authority_id).await?;
    let by_ref: HashMap<&str, &young_person::Model> = here
        .iter()
        .filter_map(|p| p.external_ref.as_deref().map(|r| (r, p)))
        .collect();
    let by_name_dob: HashMap<(&str, NaiveDate), &young_person::Model> = here
        .iter()
        .map(|p| ((p.preferred_name.as_str(), p.date_of_birth), p))
        .collect();
    // Workers by username: this council's enabled staff.
    let staff: HashMap<String, account::Model> = accounts::staff(db, authority_id)
        .await?
        .into_iter()
        .filter(|(a, _)| a.disabled_at.is_none())
        .map(|(a, _)| (a.username.clone(), a))
        .collect();
    let taken = accounts_named_in(db, rows).await?;
    let statuses = "section_20, section_31, interim_care_order, placement_order, remand";
    let mut new: Vec<NewYoung> = vec![];
    let mut ref_line: HashMap<String, u64> = HashMap::new();
    let mut person_line: HashMap<(String, NaiveDate), u64> = HashMap::new();
    let mut username_line: HashMap<String, u64> = HashMap::new();
    for row in rows {
        let mut c = RowCheck {
            line: row.line,
            problems: &mut report.problems,
            bad: false,
        };
        let external_ref = match c.required(row, "ref") {
            Some(r) if r.chars().count() > REF_MAX_CHARS => {
                c.problem(format!("ref is longer than {REF_MAX_CHARS} characters."));
                None
            }
            Some(r) if r.chars().any(char::is_control) => {
                c.problem("ref has hidden (control) characters.");
                None
            }
            other => other.map(str::to_owned),
        };
        let name = c.required(row, "preferred_name");
        let name = c.text("preferred_name", name, PERSON_NAME_MAX_CHARS, "a name");
        let dob = c.required(row, "date_of_birth");
        let dob = c.date("date_of_birth", dob);
        let started = c.required(row, "care_started");
        let started = c.date("care_started", started);
        let ended = c.date("care_ended", row.get("care_ended"));
        let status = match c.required(row, "legal_status") {
            Some(v) => match legal_status(v) {
                Some(LegalStatus::CareEnded) => {
                    c.problem("legal_status: give the status while in care; care_ended says when care ended.");
                    None
                }
                Some(s) => Some(s),
                None => {
                    c.problem(format!("legal_status {v:?} is not one of: {statuses}."));
                    None
                }
            },
            None => None,
        };
        let username = c.username("username", row.get("username"));
        let mut workers = vec![];
        for rel in [
            Relationship::SocialWorker,
            Relationship::PersonalAdviser,
            Relationship::Iro,
        ] {
            let col = rel.as_str();
            let Some(u) = row.get(col) else { continue };
            let u = u.to_lowercase();
            match staff.get(&u) {
                Some(a) if a.role == rel.staff_role().as_str() => workers.push((rel, a.id)),
                Some(_) => c.problem(format!("{col} {u:?} is not a {} here.", rel.plain())),
                None => c.problem(format!(
                    "{col} {u:?} is not a member of staff of this council (import staff first)."
                )),
            }
        }
        if let (Some(dob), Some(started)) = (dob, started) {
            for (field, message) in people_rules::date_problems(dob, started, ended, today) {
                c.problem(format!("{field}: {message}"));
            }
        }
        if let Some(r) = &external_ref {
            match ref_line.get(r) {
                Some(first) => c.problem(format!("ref {r:?} is also on line {first}.")),
                None => {
                    ref_line.insert(r.clone(), row.line);
                }
            }
        }
        if let (Some(n), Some(d)) = (&name, dob) {
            match person_line.get(&(n.clone(), d)) {
                Some(first) => c.problem(format!(
                    "The same name and date of birth as line {first}: is this the same person?"
                )),
                None => {
                    person_line.insert((n.clone(), d), row.line);
                }
            }
        }
        let (Some(external_ref), Some(name), Some(dob), Some(started), Some(status)) =
            (external_ref, name, dob, started, status)
        else {
            continue;
        };
        if c.bad {
            continue;
        }
        if let Some(p) = by_ref.get(external_ref.as_str()) {
            if p.preferred_name == name && p.date_of_birth == dob {
                report.unchanged += 1;
            } else {
                c.problem(format!(
                    "ref {external_ref:?} is already here with a different name or date of birth; an import does not change people already here."
                ));
            }
            continue;
        }
        if let Some(p) = by_name_dob.get(&(name.as_str(), dob)) {
            let under = match &p.external_ref {
                Some(r) => format!("under ref {r:?}"),
                None => "(added in the app, with no ref)".to_owned(),
            };
            c.problem(format!(
                "A young person with this name and date of birth is already here {under}."
            ));
            continue;
        }
        if let Some(u) = &username {
            if taken.contains_key(u) {
                c.problem(format!("username {u:?} is already taken."));
                continue;
            }
            match username_line.get(u) {
                Some(first) => {
                    c.problem(format!("username {u:?} is also on line {first}."));
                    continue;
                }
                None => {
                    username_line.insert(u.clone(), row.line);
                }
            }
        }
        new.push(NewYoung {
            external_ref,
            name,
            dob,
            care_started: started,
            care_ended: ended,
            status,
            username,
            workers,
        });
    }
    let with_account: Vec<&NewYoung> = new.iter().filter(|n| n.username.is_some()).collect();
    report.created.insert("young people", new.len());
    report.created.insert("accounts", with_account.len());
    report
        .created
        .insert("activation codes", with_account.len());
    report.created.insert(
        "allocations",
        new.iter().map(|n| n.workers.len()).sum::<usize>(),
    );
    // Nothing new (the same file again): nothing to write, not even an
    // audit row.
    if opts.dry_run || !report.problems.is_empty() || new.is_empty() {
        return Ok(());
    }
    let codes_file = open_codes_file(opts, !with_account.is_empty(), &mut report.problems)?;
    if !report.problems.is_empty() {
        return Ok(());
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let new_accounts: Vec<accounts::NewAccount<'_>> = with_account
        .iter()
        .filter_map(|n| {
            n.username.as_deref().map(|u| accounts::NewAccount {
                authority_id,
                username: u,
                role: Role::YoungPerson,
                display_name: &n.name,
                team_id: None,
                password_hash: None,
            })
        })
        .collect();
    let made_accounts = accounts::create_many(&txn, &new_accounts, now).await?;
    let account_of: HashMap<&str, i32> = made_accounts
        .iter()
        .map(|a| (a.username.as_str(), a.id))
        .collect();
    let records: Vec<people::NewPerson<'_>> = new
        .iter()
        .map(|n| people::NewPerson {
            authority_id,
            preferred_name: &n.name,
            date_of_birth: n.dob,
            external_ref: Some(&n.external_ref),
            account_id: n
                .username
                .as_deref()
                .and_then(|u| account_of.get(u).copied()),
        })
        .collect();
    let made = people::create_many(&txn, &records, now).await?;
    let mut episodes = Vec::with_capacity(new.len());
    let mut statuses = Vec::with_capacity(new.len());
    let mut allocs = vec![];
    for (n, y) in new.iter().zip(&made) {
        episodes.push((y.id, n.care_started, n.care_ended));
        statuses.push((y.id, n.status, n.care_started));
        if let Some(end) = n.care_ended {
            statuses.push((y.id, LegalStatus::CareEnded, end));
        }
        allocs.extend(n.workers.iter().map(|(rel, staff)| (y.id, *rel, *staff)));
    }
    people::add_episodes(&txn, &episodes).await?;
    people::add_legal_statuses(&txn, &statuses).await?;
    allocations::start_many(&txn, &allocs, now).await?;
    let codes = auth::issue_first_codes(&txn, &made_accounts, "activate").await?;
    let names: Vec<&str> = with_account.iter().map(|n| n.name.as_str()).collect();
    record_audit(&txn, authority_id, Kind::YoungPeople, report).await?;
    finish(txn, codes_file, &codes, &names).await?;
    report.written = true;
    Ok(())
}

/// The accounts (of any council) whose usernames the file's rows give, by
/// username: a username is unique across the deployment.
async fn accounts_named_in(
    db: &impl ConnectionTrait,
    rows: &[Row],
) -> Result<HashMap<String, account::Model>, DbErr> {
    let wanted: Vec<String> = rows
        .iter()
        .filter_map(|r| r.get("username").map(str::to_lowercase))
        .collect();
    let wanted_refs: Vec<&str> = wanted.iter().map(String::as_str).collect();
    Ok(accounts::by_usernames(db, &wanted_refs)
        .await?
        .into_iter()
        .map(|a| (a.username.clone(), a))
        .collect())
}

async fn record_audit(
    txn: &sea_orm::DatabaseTransaction,
    authority_id: i32,
    kind: Kind,
    report: &Report,
) -> Result<(), ImportError> {
    let summary = format!(
        "{} rows: {}; unchanged {}",
        report.rows,
        report
            .created
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", "),
        report.unchanged
    );
    // Who ran it: the login name (or sudo's user), as every operator command.
    super::record(
        txn,
        authority_id,
        &super::Operator::from_env(),
        kind.audit_action(),
        &summary,
    )
    .await?;
    Ok(())
}

/// The codes file, made before anything is written (mode 0600, never over
/// an existing file); a problem when codes are due and there is nowhere to
/// put them.
/// The codes file being written: removed again unless the import commits
/// (codes of an import that did not happen would not work).
struct CodesFile {
    file: Option<std::fs::File>,
    path: std::path::PathBuf,
    keep: bool,
}

impl Drop for CodesFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

fn open_codes_file(
    opts: &Options<'_>,
    needed: bool,
    problems: &mut Vec<Problem>,
) -> Result<Option<CodesFile>, ImportError> {
    if !needed {
        return Ok(None);
    }
    let Some(path) = opts.codes_out else {
        problems.push(Problem {
            line: None,
            message: "New accounts get one-time codes: name a file for them with --codes-out FILE."
                .to_owned(),
        });
        return Ok(None);
    };
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    match o.open(path) {
        Ok(f) => Ok(Some(CodesFile {
            file: Some(f),
            path: path.to_owned(),
            keep: false,
        })),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            problems.push(Problem {
                line: None,
                message: format!(
                    "The codes file {} already exists: name a new file.",
                    path.display()
                ),
            });
            Ok(None)
        }
        Err(e) => Err(ImportError::CodesFile {
            path: path.display().to_string(),
            why: e.to_string(),
        }),
    }
}

/// Writes the codes, then commits; if anything fails the codes file goes.
async fn finish(
    txn: sea_orm::DatabaseTransaction,
    codes_file: Option<CodesFile>,
    codes: &[ActivationCode],
    names: &[&str],
) -> Result<(), ImportError> {
    let Some(mut codes_file) = codes_file else {
        txn.commit().await?;
        return Ok(());
    };
    let path = codes_file.path.display().to_string();
    let io_err = |e: std::io::Error| ImportError::CodesFile {
        path: path.clone(),
        why: e.to_string(),
    };
    let csv_err = |e: csv::Error| ImportError::CodesFile {
        path: path.clone(),
        why: e.to_string(),
    };
    if let Some(file) = codes_file.file.take() {
        let mut w = csv::Writer::from_writer(std::io::BufWriter::new(file));
        w.write_record(["username", "name", "code", "expires_at"])
            .map_err(csv_err)?;
        for (c, name) in codes.iter().zip(names) {
            w.write_record([
                c.username.as_str(),
                name,
                c.code.as_str(),
                &c.expires_at.to_rfc3339(),
            ])
            .map_err(csv_err)?;
        }
        let mut inner = w.into_inner().map_err(|e| io_err(e.into_error()))?;
        inner.flush().map_err(io_err)?;
        inner.get_ref().sync_all().map_err(io_err)?;
    }
    txn.commit().await?;
    codes_file.keep = true;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn lines_are_counted_with_any_line_end_and_a_byte_order_mark() {
        for csv in [
            "\u{feff}username,display_name,role\r\na,A,iro\r\nb,B,iro\r\n",
            "username,display_name,role\na,A,iro\nb,B,iro\n",
        ] {
            let mut problems = vec![];
            let rows = read_rows(Kind::Staff, csv.as_bytes(), &mut problems).unwrap();
            assert!(problems.is_empty(), "{problems:?}");
            let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, vec![2, 3], "{csv:?}");
            assert_eq!(rows[0].get("username"), Some("a"));
        }
    }
}
