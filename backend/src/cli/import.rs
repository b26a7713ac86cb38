//! `backend import staff|young-people --council SLUG FILE.csv`.

use crate::config::Settings;
use crate::operator::import::{self, Kind, Options, Report};
use clap::{Args, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub what: What,
}

#[derive(Debug, Subcommand)]
pub enum What {
    /// Import members of staff. Columns: username, display_name, role
    /// (social_worker, personal_adviser, iro, participation_officer,
    /// team_manager, admin), and optionally team (a team's short name).
    Staff(FileArgs),
    /// Import young people. Columns: ref (your own id for the person),
    /// preferred_name, date_of_birth, care_started, legal_status
    /// (section_20, section_31, interim_care_order, placement_order,
    /// remand), and optionally care_ended, username (makes an account with
    /// a one-time code), social_worker, personal_adviser, iro (staff
    /// usernames). Dates are YYYY-MM-DD. Import the staff first.
    YoungPeople(FileArgs),
}

#[derive(Debug, Args)]
pub struct FileArgs {
    /// The council's short name (its slug), for example "bexley".
    #[arg(long)]
    pub council: String,
    /// Check every row and list every problem with its line number; change
    /// nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// A new file for the new accounts' one-time codes (only you can read
    /// it). Needed when the import makes accounts. Hand each code to its
    /// person, then delete the file.
    #[arg(long, value_name = "FILE")]
    pub codes_out: Option<PathBuf>,
    /// The CSV file. The first line names the columns, in any order.
    pub file: PathBuf,
}

pub async fn run(args: ImportArgs, settings: Settings) -> ExitCode {
    let (kind, a) = match args.what {
        What::Staff(a) => (Kind::Staff, a),
        What::YoungPeople(a) => (Kind::YoungPeople, a),
    };
    let db = match crate::db::connect(&settings.database_url).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("Could not open the database: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = crate::db::migrate(&db).await {
        eprintln!("Could not bring the database up to date: {e}");
        return ExitCode::FAILURE;
    }
    let opts = Options {
        council: &a.council,
        dry_run: a.dry_run,
        codes_out: a.codes_out.as_deref(),
    };
    let result = import::import_file(&db, kind, &a.file, &opts).await;
    let _ = db.close().await;
    match result {
        Ok(report) => print(&report, a.dry_run, a.codes_out.as_deref()),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn print(r: &Report, dry_run: bool, codes_out: Option<&std::path::Path>) -> ExitCode {
    for p in &r.problems {
        println!("{p}");
    }
    let what = match r.kind {
        Kind::Staff => "staff",
        Kind::YoungPeople => "young people",
    };
    let made: Vec<String> = [
        "staff",
        "young people",
        "accounts",
        "allocations",
        "activation codes",
    ]
    .into_iter()
    .filter(|k| r.created.contains_key(k))
    .map(|k| format!("{k} {}", r.created(k)))
    .collect();
    if !r.problems.is_empty() {
        println!(
            "{} problem(s) in {} row(s): nothing was imported. Correct the file and run again.",
            r.problems.len(),
            r.rows
        );
        return ExitCode::FAILURE;
    }
    if dry_run {
        println!(
            "Dry run of {what}: {} row(s), no problems. Would create: {}; unchanged: {}. Nothing was written.",
            r.rows,
            made.join(", "),
            r.unchanged
        );
    } else {
        println!(
            "Imported {what}: {} row(s) in {:.1} s. Created: {}; unchanged: {}.",
            r.rows,
            r.elapsed.as_secs_f64(),
            made.join(", "),
            r.unchanged
        );
        if let (Some(p), true) = (codes_out, r.created("activation codes") > 0) {
            println!(
                "The one-time codes are in {} (only you can read it). Hand them over, then delete it.",
                p.display()
            );
        }
    }
    ExitCode::SUCCESS
}
