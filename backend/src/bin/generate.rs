//! Fills a database with made-up people at scale (issue 10):
//!
//! ```sh
//! cargo run --release -p backend --bin generate -- \
//!     --database-url sqlite://data/scale.db --councils 150 --young-people 180000 [--seed 1]
//! ```
//!
//! Migrates and seeds the reference data as the server does, then adds the
//! councils (Bexley first), their staff and young people with everything
//! their records hold (see `backend::generate`). Every generated account
//! signs in with the password `good-for-me-generated`; usernames are
//! `gen-<council>-<n>` for young people and `gen-<council>-<role>-<k>` for
//! staff (sw, pa, iro, po, tm, admin). Needs an empty (or never generated
//! into) database.

use backend::generate::{self, Options};
use std::process::ExitCode;

type GenResult<T> = Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: generate --database-url URL --councils N --young-people N [--seed S]";

struct Args {
    database_url: String,
    options: Options,
}

fn parse(args: impl Iterator<Item = String>) -> GenResult<Args> {
    let mut url = None;
    let mut councils = None;
    let mut young_people = None;
    let mut seed = 1u64;
    let mut args = args.peekable();
    while let Some(a) = args.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
            None => (a.clone(), None),
        };
        if name == "--help" || name == "-h" {
            return Err(USAGE.into());
        }
        let mut value = || -> GenResult<String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}").into())
        };
        match name.as_str() {
            "--database-url" => url = Some(value()?),
            "--councils" => councils = Some(value()?.replace('_', "").parse::<u32>()?),
            "--young-people" => young_people = Some(value()?.replace('_', "").parse::<u64>()?),
            "--seed" => seed = value()?.parse()?,
            other => return Err(format!("unknown argument {other}\n{USAGE}").into()),
        }
    }
    let mut database_url = url
        .or_else(|| std::env::var("DATABASE_URL").ok())
        .ok_or_else(|| format!("--database-url is needed\n{USAGE}"))?;
    if database_url.starts_with("sqlite:") && !database_url.contains("mode=") {
        database_url.push_str(if database_url.contains('?') {
            "&mode=rwc"
        } else {
            "?mode=rwc"
        });
    }
    let young_people = young_people.ok_or_else(|| format!("--young-people is needed\n{USAGE}"))?;
    let councils = councils.unwrap_or_else(|| {
        u32::try_from(young_people.div_ceil(generate::YOUNG_PEOPLE_PER_COUNCIL))
            .unwrap_or(u32::MAX)
            .max(1)
    });
    Ok(Args {
        database_url,
        options: Options {
            councils,
            young_people,
            seed,
            progress: true,
        },
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate failed: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> GenResult<()> {
    let args = parse(std::env::args().skip(1))?;
    let db = backend::db::connect(&args.database_url).await?;
    let o = &args.options;
    println!(
        "generating {} councils and {} young people into {} (seed {})",
        o.councils,
        o.young_people,
        backend::db::backend_name(&db),
        o.seed
    );
    let report = generate::run(&db, o).await?;
    for (table, rows) in &report.tables {
        println!("  {table:<22} {rows:>10}");
    }
    println!(
        "{} rows in {:.1} s ({:.0} rows/s batched; councils and their offers, forms and forum spaces took {:.1} s)",
        report.rows,
        report.seconds,
        report.rows_per_second(),
        report.reference_seconds
    );
    println!(
        "sign in as gen-1-<n> (young people) or gen-1-sw-1, gen-1-po-1, ... with the password {}",
        generate::PASSWORD
    );
    db.close().await?;
    Ok(())
}
