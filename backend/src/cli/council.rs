use super::{connect, refused};
use crate::config::Settings;
use crate::operator::council::{self, BankHolidays, CouncilSetup, ReviewPromise, VisitPolicy};
use crate::operator::{Operator, Outcome};
use clap::{Args, Subcommand, ValueEnum};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum CouncilCommand {
    /// Create a council with its feedback forms and forum spaces (no local offer: see `offer from-template`). Running it again with the same values changes nothing; with other values it refuses and says what differs.
    Create(CreateArgs),
    /// List the councils set up here.
    List,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Region {
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Promise {
    /// First review within 20 working days of coming into care.
    Statutory,
    /// First review within a calendar month, as Bexley promises.
    WithinAMonth,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Visits {
    /// The regulations' visit intervals.
    Statutory,
    /// Social workers visit monthly, as Bexley promises.
    Bexley,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Short name used in addresses: small letters, digits and dashes, such as "north-somerset".
    #[arg(long)]
    slug: String,
    /// The council's name as young people read it.
    #[arg(long)]
    name: String,
    /// IANA time zone, such as Europe/London.
    #[arg(long)]
    time_zone: String,
    /// The phone number young people call for help, day or night.
    #[arg(long)]
    duty_phone: String,
    /// Whose bank holidays count when working days are counted.
    #[arg(long, value_enum)]
    bank_holidays: Region,
    /// The council's promise for the first review.
    #[arg(long, value_enum, default_value = "statutory")]
    review_promise: Promise,
    /// How often social workers visit.
    #[arg(long, value_enum, default_value = "statutory")]
    visit_policy: Visits,
}

pub async fn run(c: CouncilCommand, settings: &Settings, operator: &Operator) -> ExitCode {
    let db = match connect(settings).await {
        Ok(db) => db,
        Err(code) => return code,
    };
    match c {
        CouncilCommand::Create(a) => {
            let setup = CouncilSetup {
                slug: a.slug,
                name: a.name,
                time_zone: a.time_zone,
                duty_phone: a.duty_phone,
                bank_holidays: match a.bank_holidays {
                    Region::EnglandAndWales => BankHolidays::EnglandAndWales,
                    Region::Scotland => BankHolidays::Scotland,
                    Region::NorthernIreland => BankHolidays::NorthernIreland,
                },
                review_promise: match a.review_promise {
                    Promise::Statutory => ReviewPromise::Statutory,
                    Promise::WithinAMonth => ReviewPromise::WithinAMonth,
                },
                visit_policy: match a.visit_policy {
                    Visits::Statutory => VisitPolicy::Statutory,
                    Visits::Bexley => VisitPolicy::Bexley,
                },
            };
            match council::create(&db, &setup, operator).await {
                Ok(Outcome::Created(r)) => {
                    println!("Created the council {r}.");
                    println!("Next: add a team (`backend team add --council {} ...`) and an administrator (`backend staff add --council {} ... --role admin`).", r.slug, r.slug);
                    ExitCode::SUCCESS
                }
                Ok(Outcome::Existed(r)) => {
                    println!("The council already exists with these values; nothing changed: {r}.");
                    ExitCode::SUCCESS
                }
                Err(e) => refused(&e),
            }
        }
        CouncilCommand::List => {
            match council::list(&db).await {
                Ok(list) if list.is_empty() => {
                    println!("No council is set up yet. Create one with `backend council create --help`.");
                    ExitCode::SUCCESS
                }
                Ok(list) => {
                    for r in list {
                        println!("{r}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => refused(&e),
            }
        }
    }
}
