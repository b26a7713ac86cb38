//! `backend council create` and `council list`: a council with its
//! reference data (feedback forms, forum spaces, watched words, review
//! promise), never an offer (`offer from-template` is its own step).

use super::{record, Operator, OperatorError, Outcome};
use crate::entities::local_authority;
use crate::repo::{councils, reviews};
use crate::seed;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set, TransactionTrait};
use std::fmt;

/// Whose bank holidays count when working days are counted (first review
/// within 20 working days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankHolidays {
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

impl BankHolidays {
    pub fn as_str(self) -> &'static str {
        match self {
            BankHolidays::EnglandAndWales => "england-and-wales",
            BankHolidays::Scotland => "scotland",
            BankHolidays::NorthernIreland => "northern-ireland",
        }
    }
    pub fn parse(s: &str) -> Option<BankHolidays> {
        [
            BankHolidays::EnglandAndWales,
            BankHolidays::Scotland,
            BankHolidays::NorthernIreland,
        ]
        .into_iter()
        .find(|b| b.as_str() == s)
    }
}

/// The council's review promise: the statutory timescales (first review
/// within 20 working days), or Bexley's "first review within a calendar
/// month" (`/admin/review-promise` changes it later).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewPromise {
    Statutory,
    WithinAMonth,
}

impl ReviewPromise {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewPromise::Statutory => "statutory",
            ReviewPromise::WithinAMonth => "within-a-month",
        }
    }
}

/// How often workers visit (`shared::review_schedule::VisitPolicy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitPolicy {
    /// The regulations and nothing more.
    Statutory,
    /// Social workers monthly, as Bexley promises.
    Bexley,
}

impl VisitPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            VisitPolicy::Statutory => "statutory",
            VisitPolicy::Bexley => "bexley",
        }
    }
    pub fn policy(self) -> shared::review_schedule::VisitPolicy {
        match self {
            VisitPolicy::Statutory => shared::review_schedule::VisitPolicy::STATUTORY,
            VisitPolicy::Bexley => shared::review_schedule::VisitPolicy::BEXLEY,
        }
    }
}

/// Everything `council create` takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilSetup {
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    pub duty_phone: String,
    pub bank_holidays: BankHolidays,
    pub review_promise: ReviewPromise,
    pub visit_policy: VisitPolicy,
}

/// A council as stored, for printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouncilRecord {
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    pub duty_phone: String,
    pub bank_holidays: String,
    pub review_promise: ReviewPromise,
    pub visit_policy: String,
}

impl fmt::Display for CouncilRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): time zone {}, duty phone {}, bank holidays {}, review promise {}, visits {}",
            self.slug,
            self.name,
            self.time_zone,
            self.duty_phone,
            self.bank_holidays,
            self.review_promise.as_str(),
            self.visit_policy
        )
    }
}

fn invalid(why: impl Into<String>) -> OperatorError {
    OperatorError::Invalid(why.into())
}

/// Checks and tidies the input; nothing is written when it fails.
fn check(s: &CouncilSetup) -> Result<CouncilSetup, OperatorError> {
    let slug = s.slug.trim().to_owned();
    if !(2..=40).contains(&slug.len())
        || !slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || slug.starts_with('-')
        || slug.ends_with('-')
    {
        return Err(invalid(
            "--slug: use 2 to 40 small letters, digits and dashes, such as \"bexley\" or \"north-somerset\".",
        ));
    }
    let name = s.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(invalid(
            "--name: give the council's name, up to 120 characters.",
        ));
    }
    let time_zone = s.time_zone.trim().to_owned();
    if time_zone.parse::<chrono_tz::Tz>().is_err() {
        return Err(invalid(format!(
            "--time-zone: \"{time_zone}\" is not a time zone name. Use one such as Europe/London."
        )));
    }
    let duty_phone = s.duty_phone.trim().to_owned();
    let digits = duty_phone.chars().filter(char::is_ascii_digit).count();
    if !(3..=15).contains(&digits)
        || !duty_phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-".contains(c))
    {
        return Err(invalid(
            "--duty-phone: give the phone number young people call for help, day or night, such as \"020 8303 7777\".",
        ));
    }
    if s.bank_holidays != BankHolidays::EnglandAndWales {
        // Working-day deadlines would be counted on the wrong days.
        return Err(invalid(format!(
            "--bank-holidays: only England and Wales bank holidays are built in so far, so review dates for a council in {} would be counted wrongly. Nothing was created.",
            s.bank_holidays.as_str()
        )));
    }
    Ok(CouncilSetup {
        slug,
        name,
        time_zone,
        duty_phone,
        ..s.clone()
    })
}

async fn record_of(
    db: &DatabaseConnection,
    m: &local_authority::Model,
) -> Result<CouncilRecord, OperatorError> {
    let within_a_month = reviews::setting(db, m.id)
        .await?
        .is_some_and(|s| s.first_review_within_calendar_month);
    Ok(CouncilRecord {
        slug: m.slug.clone(),
        name: m.name.clone(),
        time_zone: m.time_zone.clone(),
        duty_phone: m.duty_phone.clone(),
        bank_holidays: m.bank_holiday_region.clone(),
        review_promise: if within_a_month {
            ReviewPromise::WithinAMonth
        } else {
            ReviewPromise::Statutory
        },
        visit_policy: m.visit_policy.clone(),
    })
}

/// Creates the council and its reference data. Run again with the same
/// values it changes nothing (and completes reference data a stopped run
/// left out); with other values it refuses and says what differs.
pub async fn create(
    db: &DatabaseConnection,
    setup: &CouncilSetup,
    operator: &Operator,
) -> Result<Outcome<CouncilRecord>, OperatorError> {
    let s = check(setup)?;
    if let Some(existing) = councils::by_slug(db, &s.slug).await? {
        let r = record_of(db, &existing).await?;
        let mut differs = Vec::new();
        let mut compare = |what: &str, stored: &str, given: &str| {
            if stored != given {
                differs.push(format!("{what}: it is \"{stored}\", you gave \"{given}\""));
            }
        };
        compare("name", &r.name, &s.name);
        compare("time zone", &r.time_zone, &s.time_zone);
        compare("duty phone", &r.duty_phone, &s.duty_phone);
        compare("bank holidays", &r.bank_holidays, s.bank_holidays.as_str());
        compare(
            "review promise",
            r.review_promise.as_str(),
            s.review_promise.as_str(),
        );
        compare("visit policy", &r.visit_policy, s.visit_policy.as_str());
        if !differs.is_empty() {
            return Err(OperatorError::Differs(format!(
                "The council \"{}\" already exists with other values; nothing was changed.\n  {}",
                s.slug,
                differs.join("\n  ")
            )));
        }
        // A run stopped after the council was stored left its reference
        // data to this one.
        reference_data(db, &existing).await?;
        return Ok(Outcome::Existed(r));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    let council = local_authority::ActiveModel {
        slug: Set(s.slug.clone()),
        name: Set(s.name.clone()),
        duty_phone: Set(s.duty_phone.clone()),
        time_zone: Set(s.time_zone.clone()),
        bank_holiday_region: Set(s.bank_holidays.as_str().to_owned()),
        visit_policy: Set(s.visit_policy.as_str().to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    reviews::set_setting(
        &txn,
        council.id,
        s.review_promise == ReviewPromise::WithinAMonth,
        None,
        now,
    )
    .await?;
    record(
        &txn,
        council.id,
        operator,
        "council.create",
        &format!("council {} created", s.slug),
    )
    .await?;
    txn.commit().await?;
    reference_data(db, &council).await?;
    Ok(Outcome::Created(record_of(db, &council).await?))
}

/// The council's feedback forms, forum spaces and watched words, each only
/// where it has none.
async fn reference_data(
    db: &DatabaseConnection,
    council: &local_authority::Model,
) -> Result<(), OperatorError> {
    seed::forms::seed_council(db, council.id).await?;
    seed::forum::seed_council(db, council).await?;
    Ok(())
}

/// Every council set up here.
pub async fn list(db: &DatabaseConnection) -> Result<Vec<CouncilRecord>, OperatorError> {
    let mut out = Vec::new();
    for c in councils::list(db).await? {
        out.push(record_of(db, &c).await?);
    }
    Ok(out)
}

/// Bexley as the demo council: its record, teams and published offer,
/// through the same `create` an operator runs. Only with demo data (and
/// for tests, which assume Bexley).
pub async fn demo_bexley(db: &DatabaseConnection) -> Result<(), OperatorError> {
    let b = seed::reference::bexley();
    let setup = CouncilSetup {
        slug: b.slug,
        name: b.name,
        time_zone: b.time_zone,
        duty_phone: b.duty_phone,
        bank_holidays: BankHolidays::EnglandAndWales,
        review_promise: ReviewPromise::WithinAMonth,
        visit_policy: VisitPolicy::Bexley,
    };
    let operator = Operator::named("demo data");
    match create(db, &setup, &operator).await {
        Ok(_) => {}
        // A Bexley seeded before these settings existed, or changed by its
        // administrators since: leave it as it is.
        Err(OperatorError::Differs(_)) => {}
        Err(e) => return Err(e),
    }
    let council = super::council_by_slug(db, "bexley").await?;
    for t in seed::reference::bexley_teams() {
        councils::ensure_team(db, council.id, &t).await?;
    }
    seed::offer::seed(db).await?;
    Ok(())
}
