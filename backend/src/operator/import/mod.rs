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

mod staff;
mod young_people;

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
        Kind::Staff => staff::import(db, council.id, &rows, opts, &mut report).await?,
        Kind::YoungPeople => young_people::import(db, council.id, &rows, opts, &mut report).await?,
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
