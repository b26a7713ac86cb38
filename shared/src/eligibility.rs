//! The local offer for care leavers (Children and Social Work Act 2017, s.2):
//! its entitlements, the money they give, and who each one is for.
//!
//! Who an entitlement is for is *data*: a [`Rule`] stored as JSON and edited
//! by an administrator, because councils and years differ. The functions here
//! are pure (no clock, no I/O), so the server and the offline WASM app give a
//! young person the same answer. "Today" is always passed in.
//!
//! The care-leaver category is an input ([`PersonFacts::category`]): it is
//! computed elsewhere (`care_status`) from date of birth and care episodes.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::people::CareLeaverCategory;

/// The oldest age a rule may mention. Support ends at 25; 30 leaves room for
/// council extras without letting typos such as 180 through.
pub const MAX_AGE: u32 = 30;

/// How deep `all`, `any` and `not` may nest. Real offers need 2 or 3 levels;
/// deeper rules are too hard for an administrator to check by eye.
pub const MAX_DEPTH: usize = 8;

/// The largest `looked_after_months` a rule may ask for (30 years).
pub const MAX_LOOKED_AFTER_MONTHS: u32 = MAX_AGE * 12;

// ---------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------

/// An amount of money in whole pence, so sums are exact (no floating point).
///
/// In JSON it is a bare integer of pence: `300000` is £3,000.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money {
    pub pence: i64,
}

impl Money {
    pub const ZERO: Money = Money { pence: 0 };

    pub const fn from_pence(pence: i64) -> Money {
        Money { pence }
    }

    /// Whole pounds; saturates rather than overflowing, as a `const fn` cannot fail.
    pub const fn from_pounds(pounds: i64) -> Money {
        Money {
            pence: pounds.saturating_mul(100),
        }
    }

    /// `None` on overflow. Used to check that instalments add up to the total.
    pub fn checked_mul(self, times: u32) -> Option<Money> {
        self.pence
            .checked_mul(i64::from(times))
            .map(Money::from_pence)
    }

    /// Reads an amount an administrator typed: `3000`, `£3,000`, `1,200.50`,
    /// `0.99`, `.5` (50p). Refuses negatives, more than 2 decimal places,
    /// commas in the wrong place and anything that is not a number.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(MoneyError::Empty);
        }
        let mut s = trimmed;
        let mut negative = false;
        if let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest.trim_start();
        }
        if let Some(rest) = s.strip_prefix('£') {
            s = rest.trim_start();
        }
        if let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest.trim_start();
        }
        let not_a_number = || MoneyError::NotANumber(trimmed.to_string());

        let (whole, frac) = match s.split_once('.') {
            Some((w, f)) => (w, f),
            None => (s, ""),
        };
        if !whole.chars().all(|c| c.is_ascii_digit() || c == ',')
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return Err(not_a_number());
        }
        if whole.is_empty() && frac.is_empty() {
            return Err(not_a_number());
        }
        if whole.contains(',') {
            let mut groups = whole.split(',');
            let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
            if !first_ok || !groups.all(|g| g.len() == 3) {
                return Err(MoneyError::BadCommas);
            }
        }
        if frac.len() > 2 {
            return Err(MoneyError::TooManyDecimalPlaces);
        }
        if negative {
            return Err(MoneyError::Negative);
        }
        let digits: String = whole.chars().filter(|c| *c != ',').collect();
        let pounds: i64 = if digits.is_empty() {
            0
        } else {
            // Only digits remain, so the only possible failure is overflow.
            digits.parse().map_err(|_| MoneyError::TooLarge)?
        };
        let pence_part: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().map_err(|_| not_a_number())? * 10,
            _ => frac.parse::<i64>().map_err(|_| not_a_number())?,
        };
        pounds
            .checked_mul(100)
            .and_then(|p| p.checked_add(pence_part))
            .map(Money::from_pence)
            .ok_or(MoneyError::TooLarge)
    }
}

impl FromStr for Money {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Money, MoneyError> {
        Money::parse(s)
    }
}

/// UK style: `£3,000` for whole pounds, `£1,200.50` otherwise, `-£5` if negative.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.pence.unsigned_abs();
        let sign = if self.pence < 0 { "-" } else { "" };
        let pounds = group_thousands(abs / 100);
        let pence = abs % 100;
        if pence == 0 {
            write!(f, "{sign}£{pounds}")
        } else {
            write!(f, "{sign}£{pounds}.{pence:02}")
        }
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Money {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
            .description(Some("An amount of money in pence: 300000 is £3,000."))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Money {}

/// Why an amount typed by an administrator was refused. `Display` gives words
/// to show next to the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    Negative,
    TooManyDecimalPlaces,
    BadCommas,
    /// Holds what was typed, so the message can quote it.
    NotANumber(String),
    TooLarge,
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::Empty => {
                f.write_str("Enter an amount in pounds, such as 3000 or £1,200.50.")
            }
            MoneyError::Negative => f.write_str("The amount cannot be negative. Enter £0 or more."),
            MoneyError::TooManyDecimalPlaces => f.write_str(
                "Use at most 2 digits after the decimal point (pence), such as £1,200.50.",
            ),
            MoneyError::BadCommas => f.write_str(
                "Commas must separate groups of three digits, such as £3,000 or £1,200.50.",
            ),
            MoneyError::NotANumber(input) => write!(
                f,
                "\"{input}\" is not an amount of money. Use digits only, such as 3000 or £1,200.50."
            ),
            MoneyError::TooLarge => {
                f.write_str("That amount is too large. Check the number of digits.")
            }
        }
    }
}

impl std::error::Error for MoneyError {}

/// How an entitlement is paid, which also says what [`Entitlement::amount`]
/// means (a one-off sum, a yearly amount, ...).
///
/// JSON: `{"kind":"once"}`, `{"kind":"yearly"}`, `{"kind":"not_money"}`,
/// `{"kind":"instalments","count":3,"amount":100000,"days_in":[60,120,300]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Payment {
    /// One payment of the whole amount.
    Once,
    /// The amount is split into `count` payments of `amount` each.
    Instalments {
        count: u32,
        amount: Money,
        /// When each payment is made, in days after the thing starts (for
        /// the apprenticeship bursary: 60, 120 and 300 days into the
        /// apprenticeship). Empty when there is no fixed schedule; otherwise
        /// one entry per payment, in order. Typed days rather than free text
        /// so the app can one day show the dates.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        days_in: Vec<u32>,
    },
    /// The amount is paid every week.
    Weekly,
    /// The amount is paid every month.
    Monthly,
    /// The amount is paid (at most) once a year, such as the 16-19 bursary.
    Yearly,
    /// Not a payment: a service, a discount or an exemption (council tax,
    /// a personal adviser, the Care Leaver Oyster photocard).
    NotMoney,
}

/// Whether [`Entitlement::amount`] is the exact figure, a ceiling ("up to
/// £1,200 a year") or a floor ("at least £3,000"), so the app never promises
/// more, or less, than the council does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AmountIs {
    #[default]
    Exactly,
    UpTo,
    AtLeast,
}

// ---------------------------------------------------------------------------
// Facts about the person
// ---------------------------------------------------------------------------

/// What the rules may look at about one young person, on one day.
///
/// Collected from their record by the caller; the rules never see anything
/// else (no names, no case notes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonFacts {
    /// Age in whole years on the day the facts describe (see [`age_on`]).
    /// Must agree with `dob` on that day: rules compare ages, and
    /// [`coming_up`] works forward from `dob`.
    pub age_years: u32,
    /// Date of birth, used to find future birthdays.
    pub dob: NaiveDate,
    /// Care-leaver category, computed from care episodes (never typed in).
    pub category: CareLeaverCategory,
    /// Looked after (in care) today. Used only to project a child under 16
    /// forward: if they stay in care they will become eligible at 16.
    #[serde(default)]
    pub in_care_now: bool,
    /// In any education or training: school, college, a course or
    /// university. [`Rule::InEducation`] also counts `in_higher_education`,
    /// so callers cannot forget to set both.
    pub in_education: bool,
    /// On a higher education course (university, degree apprenticeships
    /// excluded: those are `in_apprenticeship`).
    pub in_higher_education: bool,
    /// Doing an apprenticeship.
    pub in_apprenticeship: bool,
    /// In paid work (any hours).
    pub in_work: bool,
    /// Living with former foster carers after 18 under a Staying Put
    /// arrangement.
    pub staying_put: bool,
    /// Lives inside the council's own area (matters for council tax, which
    /// a council can only waive for its own residents).
    pub lives_in_borough: bool,
    /// Total whole months looked after, over all care episodes (rounded
    /// down). The Junior ISA needs 12 or more.
    pub months_looked_after: u32,
}

/// Age in whole years on `on`. Before the date of birth it is 0.
///
/// Someone born on 29 February has their birthday on 1 March in other years.
pub fn age_on(dob: NaiveDate, on: NaiveDate) -> u32 {
    if on <= dob {
        return 0;
    }
    let years = u32::try_from(on.year() - dob.year()).unwrap_or(0);
    match birthday(dob, years) {
        Some(b) if b > on => years.saturating_sub(1),
        _ => years,
    }
}

/// The date someone born on `dob` turns `years` old. A 29 February birthday
/// falls on 1 March in years that are not leap years.
pub fn birthday(dob: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = dob.year().checked_add(i32::try_from(years).ok()?)?;
    NaiveDate::from_ymd_opt(year, dob.month(), dob.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

/// Who an entitlement is for. Stored as JSON, edited by an administrator.
///
/// Each rule is an object with a `kind`. Ages: `min` is the youngest age
/// that counts (included); `under` is the age it stops at (NOT included).
/// So `{"kind":"age","min":18,"under":25}` means 18 to 24: it ends on the
/// 25th birthday. Either may be left out for "18 or over" or "under 21".
///
/// ```json
/// {"kind": "all", "rules": [
///   {"kind": "category", "any_of": ["former_relevant", "relevant"]},
///   {"kind": "age", "min": 18, "under": 25},
///   {"kind": "any", "rules": [
///     {"kind": "in_higher_education"},
///     {"kind": "in_apprenticeship"}
///   ]},
///   {"kind": "not", "rule": {"kind": "staying_put"}}
/// ]}
/// ```
///
/// Other kinds: `{"kind":"everyone"}`, `{"kind":"in_education"}`,
/// `{"kind":"in_work"}`, `{"kind":"lives_in_borough"}`,
/// `{"kind":"looked_after_months","min":12}`. Categories are `none`,
/// `eligible`, `relevant`, `former_relevant`, `qualifying`. Unknown kinds
/// and unknown fields are refused (a mistyped `"max"` must not silently
/// widen a rule), except that serde ignores extra fields on kinds that have
/// none, such as `in_work`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// Open to everyone the offer is for (such as "help to understand your
    /// history"). Explicit, so an empty `all` can be refused as a mistake.
    Everyone,
    /// Age in whole years: at least `min` (included) and below `under`
    /// (not included).
    Age {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        under: Option<u32>,
    },
    /// The person's care-leaver category is one of these.
    Category {
        any_of: Vec<CareLeaverCategory>,
    },
    /// In any education or training, including university.
    InEducation,
    /// At university or on another higher education course.
    InHigherEducation,
    InApprenticeship,
    InWork,
    /// Living with former foster carers under Staying Put.
    StayingPut,
    /// Lives in the council's own area.
    LivesInBorough,
    /// Looked after for at least `min` months in total.
    LookedAfterMonths {
        min: u32,
    },
    /// Every rule inside must be true.
    All {
        #[cfg_attr(feature = "openapi", schema(no_recursion))]
        rules: Vec<Rule>,
    },
    /// At least one rule inside must be true.
    Any {
        #[cfg_attr(feature = "openapi", schema(no_recursion))]
        rules: Vec<Rule>,
    },
    /// The rule inside must be false.
    Not {
        #[cfg_attr(feature = "openapi", schema(no_recursion))]
        rule: Box<Rule>,
    },
}

/// Does `rule` apply to the person described by `facts`?
pub fn evaluate(rule: &Rule, facts: &PersonFacts) -> bool {
    match rule {
        Rule::Everyone => true,
        Rule::Age { min, under } => {
            min.is_none_or(|m| facts.age_years >= m) && under.is_none_or(|u| facts.age_years < u)
        }
        Rule::Category { any_of } => any_of.contains(&facts.category),
        Rule::InEducation => facts.in_education || facts.in_higher_education,
        Rule::InHigherEducation => facts.in_higher_education,
        Rule::InApprenticeship => facts.in_apprenticeship,
        Rule::InWork => facts.in_work,
        Rule::StayingPut => facts.staying_put,
        Rule::LivesInBorough => facts.lives_in_borough,
        Rule::LookedAfterMonths { min } => facts.months_looked_after >= *min,
        Rule::All { rules } => rules.iter().all(|r| evaluate(r, facts)),
        Rule::Any { rules } => rules.iter().any(|r| evaluate(r, facts)),
        Rule::Not { rule } => !evaluate(rule, facts),
    }
}

/// One plain-English reason, shown with a tick (`met`) or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reason {
    /// True when this part of the rule is true for the person.
    pub met: bool,
    /// A sentence written to the young person: "You are 19, and this is
    /// for people aged 18 to 24."
    pub text: String,
}

/// Why `rule` does or does not apply, as sentences a young person can read.
///
/// For "all of" every part is listed (so they can see what they already
/// meet); for "any of" only the part that applies, or every part with a
/// lead sentence when none does. `not` is pushed inwards (De Morgan) so each
/// sentence is about one plain fact.
pub fn explain(rule: &Rule, facts: &PersonFacts) -> Vec<Reason> {
    let mut out = Vec::new();
    explain_into(rule, facts, false, &mut out);
    out
}

fn explain_into(rule: &Rule, facts: &PersonFacts, negated: bool, out: &mut Vec<Reason>) {
    match (rule, negated) {
        (Rule::Not { rule }, _) => explain_into(rule, facts, !negated, out),
        (Rule::All { rules }, false) | (Rule::Any { rules }, true) => {
            for r in rules {
                explain_into(r, facts, negated, out);
            }
        }
        (Rule::Any { rules }, false) | (Rule::All { rules }, true) => {
            // True when any part (negated if needed) is true.
            if let Some(r) = rules.iter().find(|r| evaluate(r, facts) != negated) {
                explain_into(r, facts, negated, out);
            } else {
                if rules.len() > 1 {
                    out.push(Reason {
                        met: false,
                        text: "This needs just one of the following, and none of them is true for you at the moment.".to_string(),
                    });
                }
                for r in rules {
                    explain_into(r, facts, negated, out);
                }
            }
        }
        (leaf, _) => out.push(leaf_reason(leaf, facts, negated)),
    }
}

fn leaf_reason(rule: &Rule, facts: &PersonFacts, negated: bool) -> Reason {
    let met = evaluate(rule, facts) != negated;
    let not = if negated { "not " } else { "" };
    let text = match rule {
        Rule::Everyone => {
            if negated {
                "This is not open to anyone at the moment.".to_string()
            } else {
                "This is open to everyone.".to_string()
            }
        }
        Rule::Age { min, under } => format!(
            "You are {}, and this is {not}for people {}.",
            facts.age_years,
            age_range_text(*min, *under)
        ),
        Rule::Category { any_of } => {
            let mut groups: Vec<&str> = Vec::new();
            for c in any_of {
                let g = category_group(*c);
                if !groups.contains(&g) {
                    groups.push(g);
                }
            }
            let groups = join_words(&groups, "or");
            let you = category_you_are(facts.category);
            match (negated, met) {
                (false, true) => format!("You are {you}, and this is for {groups}."),
                (false, false) => format!("This is for {groups}, and you are {you}."),
                (true, _) => format!("This is not for {groups}, and you are {you}."),
            }
        }
        Rule::LookedAfterMonths { min } => {
            let have = months(facts.months_looked_after);
            let need = months(*min);
            match (negated, met) {
                (false, true) => format!(
                    "You have spent {have} in care in total, and this is for people who have spent at least {need} in care."
                ),
                (false, false) => format!(
                    "This is for people who have spent at least {need} in care, and you have spent {have} in care in total."
                ),
                (true, _) => format!(
                    "This is for people who have spent less than {need} in care, and you have spent {have} in care in total."
                ),
            }
        }
        flag => {
            let (who, yes, no) = flag_words(flag);
            match (negated, met) {
                (false, true) => format!("{}.", capitalise(yes)),
                (false, false) => format!("This is for {who}, and {no}."),
                (true, true) => format!("{}.", capitalise(no)),
                (true, false) => format!("This is not for {who}, and {yes}."),
            }
        }
    };
    Reason { met, text }
}

/// (the group it is for, "you are ..." when true, "you are not ..." when false)
fn flag_words(rule: &Rule) -> (&'static str, &'static str, &'static str) {
    match rule {
        Rule::InEducation => (
            "people in education or training",
            "you are in education or training",
            "you are not in education or training at the moment",
        ),
        Rule::InHigherEducation => (
            "people at university or on a higher education course",
            "you are at university or on a higher education course",
            "you are not at university or on a higher education course at the moment",
        ),
        Rule::InApprenticeship => (
            "people doing an apprenticeship",
            "you are doing an apprenticeship",
            "you are not doing an apprenticeship at the moment",
        ),
        Rule::InWork => (
            "people in work",
            "you are in work",
            "you are not in work at the moment",
        ),
        Rule::StayingPut => (
            "people living with their former foster carers (Staying Put)",
            "you are living with your former foster carers (Staying Put)",
            "you are not living with former foster carers under Staying Put",
        ),
        Rule::LivesInBorough => (
            "people who live in the council's area",
            "you live in the council's area",
            "you do not live in the council's area",
        ),
        // Not reached: every other kind has its own words.
        _ => (
            "people this applies to",
            "this applies to you",
            "this does not apply to you",
        ),
    }
}

/// Who `rule` is for, in one plain sentence for the administrator who
/// writes it (the editor shows it live): "For people aged 18 to 24, and
/// (people at university or on a higher education course, or people doing
/// an apprenticeship)."
pub fn describe(rule: &Rule) -> String {
    format!("For {}.", describe_part(rule, false))
}

fn describe_part(rule: &Rule, nested: bool) -> String {
    let group = |rules: &[Rule], word: &str| {
        let parts: Vec<String> = rules.iter().map(|r| describe_part(r, true)).collect();
        let joined = parts.join(&format!(", {word} "));
        if nested && parts.len() > 1 {
            format!("({joined})")
        } else {
            joined
        }
    };
    match rule {
        Rule::Everyone => "everyone the offer is for".to_string(),
        Rule::Age { min, under } => format!("people {}", age_range_text(*min, *under)),
        Rule::Category { any_of } => {
            let mut groups: Vec<&str> = Vec::new();
            for c in any_of {
                let g = category_group(*c);
                if !groups.contains(&g) {
                    groups.push(g);
                }
            }
            join_words(&groups, "or")
        }
        Rule::LookedAfterMonths { min } => {
            format!("people who have spent at least {} in care", months(*min))
        }
        Rule::All { rules } => group(rules, "and"),
        Rule::Any { rules } => group(rules, "or"),
        Rule::Not { rule } => format!("not {}", describe_part(rule, true)),
        flag => flag_words(flag).0.to_string(),
    }
}

/// "aged 18 to 24" for min 18, under 25.
fn age_range_text(min: Option<u32>, under: Option<u32>) -> String {
    match (min, under) {
        (Some(m), Some(u)) if u == m + 1 => format!("aged {m}"),
        (Some(m), Some(u)) if u > m => format!("aged {m} to {}", u - 1),
        (Some(m), Some(u)) => format!("aged at least {m} and under {u}"),
        (Some(m), None) => format!("aged {m} or over"),
        (None, Some(u)) => format!("under {u}"),
        (None, None) => "of any age".to_string(),
    }
}

/// The category as the person hears it about themselves ("You are ...").
fn category_you_are(c: CareLeaverCategory) -> &'static str {
    match c {
        CareLeaverCategory::None => "not counted as a care leaver",
        CareLeaverCategory::Eligible => {
            "16 or 17 and still in care (the law calls this \"eligible\")"
        }
        CareLeaverCategory::Relevant => {
            "16 or 17 and have left care (the law calls this \"relevant\")"
        }
        CareLeaverCategory::FormerRelevant => {
            "a care leaver aged 18 or over (the law calls this \"former relevant\")"
        }
        CareLeaverCategory::Qualifying => {
            "someone who was in care after turning 16, but not for long enough to be \"eligible\" (the law calls this \"qualifying\")"
        }
    }
}

/// The category as a group of people ("This is for ...").
fn category_group(c: CareLeaverCategory) -> &'static str {
    match c {
        CareLeaverCategory::None => "people who are not care leavers",
        CareLeaverCategory::Eligible => "16 and 17 year olds still in care",
        CareLeaverCategory::Relevant => "16 and 17 year olds who have left care",
        CareLeaverCategory::FormerRelevant => "care leavers aged 18 to 25",
        CareLeaverCategory::Qualifying => {
            "people who were in care for a shorter time after turning 16"
        }
    }
}

fn months(n: u32) -> String {
    if n == 1 {
        "1 month".to_string()
    } else {
        format!("{n} months")
    }
}

/// "a", "a or b", "a, b or c".
fn join_words<S: AsRef<str>>(items: &[S], last: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() {
                if last == "or" {
                    " or "
                } else {
                    " and "
                }
            } else {
                ", "
            });
        }
        out.push_str(item.as_ref());
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------
// Coming up: when a too-young person becomes eligible
// ---------------------------------------------------------------------------

/// When an entitlement will start to apply, found by [`coming_up_detail`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComingUp {
    /// The birthday on which it starts.
    pub date: NaiveDate,
    /// The age they turn that day.
    pub age: u32,
    /// True when it only starts if a child now under 16 is still in care
    /// when they turn 16 (and so becomes "eligible").
    pub if_still_in_care: bool,
}

impl ComingUp {
    /// "From your 18th birthday, 3 March 2027." with ", if you are still in
    /// care when you turn 16" when that matters.
    pub fn note(&self) -> String {
        let mut s = format!(
            "From your {} birthday, {}",
            ordinal(self.age),
            long_date(self.date)
        );
        if self.if_still_in_care {
            s.push_str(", if you are still in care when you turn 16");
        }
        s.push('.');
        s
    }
}

/// The date `rule` starts to apply if only the person's age is stopping
/// them, assuming every other fact stays the same. `None` if it applies
/// already, or age alone will never make it apply (too old, or another fact
/// is missing).
pub fn coming_up(rule: &Rule, facts: &PersonFacts, today: NaiveDate) -> Option<NaiveDate> {
    coming_up_detail(rule, facts, today).map(|c| c.date)
}

/// As [`coming_up`], with the age and whether it depends on staying in care.
///
/// Only birthdays are tried: age and (projected) category are the only facts
/// that change with time here, and both change on birthdays. The category is
/// projected simply (see [`projected_category`]).
pub fn coming_up_detail(rule: &Rule, facts: &PersonFacts, today: NaiveDate) -> Option<ComingUp> {
    if evaluate(rule, facts) {
        return None;
    }
    let now = age_on(facts.dob, today);
    for age in now.saturating_add(1)..=MAX_AGE {
        let date = birthday(facts.dob, age)?;
        if date <= today {
            continue;
        }
        let (category, assumes_care) = projected_category(facts, now, age);
        let future = PersonFacts {
            age_years: age,
            category,
            ..facts.clone()
        };
        if evaluate(rule, &future) {
            // Only warn about staying in care if the projection mattered.
            let if_still_in_care = assumes_care
                && !evaluate(
                    rule,
                    &PersonFacts {
                        category: facts.category,
                        ..future
                    },
                );
            return Some(ComingUp {
                date,
                age,
                if_still_in_care,
            });
        }
    }
    None
}

/// The category someone aged `now` will have at age `then`, and whether that
/// assumes they stay in care. A deliberately simple projection:
///
/// * eligible or relevant: former relevant from 18 (the law says so whether
///   or not they are still in care);
/// * not a care leaver, in care, under 16: eligible at 16 and former
///   relevant at 18, *if* still in care at 16 (ignores the 13-week rule);
/// * everyone else keeps their category: a 16 or 17 year old in care who is
///   not yet eligible becomes so after enough time in care, not on a
///   birthday, and `care_status` will update them when it happens.
pub fn projected_category(facts: &PersonFacts, now: u32, then: u32) -> (CareLeaverCategory, bool) {
    use CareLeaverCategory as C;
    match facts.category {
        C::Eligible | C::Relevant if then >= 18 => (C::FormerRelevant, false),
        C::None if facts.in_care_now && now < 16 => {
            if then >= 18 {
                (C::FormerRelevant, true)
            } else if then >= 16 {
                (C::Eligible, true)
            } else {
                (C::None, false)
            }
        }
        other => (other, false),
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "3 March 2027": written out so nobody misreads 03/04 as 4 March.
fn long_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
    format!("{} {} {}", d.day(), month, d.year())
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/// A rule (or entitlement) an administrator must fix before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleError {
    /// Where the fault is, such as `rule.rules[1].under`; matches the JSON
    /// of [`Entitlement`], so it can go in `ErrorBody::field`.
    pub path: String,
    /// What is wrong and what to change, in plain words.
    pub message: String,
}

impl RuleError {
    fn new(path: impl Into<String>, message: impl Into<String>) -> RuleError {
        RuleError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for RuleError {}

/// Refuses rules that are malformed or could never match anyone, naming
/// the field at fault (paths start at `rule`). Returns the first problem.
///
/// Checks: ages within 0..=30 and `min` below `under`; an age rule needs one
/// of them; non-empty `any`, `all` and category lists; `all` whose ages,
/// categories or yes/no facts contradict each other; `not everyone`;
/// nesting deeper than [`MAX_DEPTH`].
pub fn validate(rule: &Rule) -> Result<(), RuleError> {
    validate_at(rule, "rule", 1)
}

fn validate_at(rule: &Rule, path: &str, depth: usize) -> Result<(), RuleError> {
    if depth > MAX_DEPTH {
        return Err(RuleError::new(
            path,
            format!("Rules can be nested at most {MAX_DEPTH} deep. Simplify this part, for example by joining an \"all\" inside another \"all\"."),
        ));
    }
    match rule {
        Rule::Everyone
        | Rule::InEducation
        | Rule::InHigherEducation
        | Rule::InApprenticeship
        | Rule::InWork
        | Rule::StayingPut
        | Rule::LivesInBorough => Ok(()),
        Rule::Age { min, under } => validate_age(*min, *under, path),
        Rule::Category { any_of } => {
            if any_of.is_empty() {
                Err(RuleError::new(
                    format!("{path}.any_of"),
                    "Choose at least one care-leaver category, or nobody could match.",
                ))
            } else {
                Ok(())
            }
        }
        Rule::LookedAfterMonths { min } => {
            if *min > MAX_LOOKED_AFTER_MONTHS {
                Err(RuleError::new(
                    format!("{path}.min"),
                    format!("{min} months is more than {MAX_AGE} years. Enter the number of months in care, such as 12."),
                ))
            } else {
                Ok(())
            }
        }
        Rule::All { rules } => {
            if rules.is_empty() {
                return Err(RuleError::new(
                    format!("{path}.rules"),
                    "An \"all\" rule needs at least one rule inside it. To offer this to everyone, use {\"kind\":\"everyone\"}.",
                ));
            }
            for (i, r) in rules.iter().enumerate() {
                validate_at(r, &format!("{path}.rules[{i}]"), depth + 1)?;
            }
            check_all_consistent(rules, path)
        }
        Rule::Any { rules } => {
            if rules.is_empty() {
                return Err(RuleError::new(
                    format!("{path}.rules"),
                    "An \"any\" rule needs at least one rule inside it, or nobody could match.",
                ));
            }
            for (i, r) in rules.iter().enumerate() {
                validate_at(r, &format!("{path}.rules[{i}]"), depth + 1)?;
            }
            Ok(())
        }
        Rule::Not { rule } => {
            let inner = format!("{path}.rule");
            if **rule == Rule::Everyone {
                return Err(RuleError::new(
                    inner,
                    "\"Not everyone\" matches nobody. Remove the \"not\", or choose a different rule.",
                ));
            }
            validate_at(rule, &inner, depth + 1)
        }
    }
}

fn validate_age(min: Option<u32>, under: Option<u32>, path: &str) -> Result<(), RuleError> {
    if min.is_none() && under.is_none() {
        return Err(RuleError::new(
            path,
            "An age rule needs \"min\" (the youngest age, included), \"under\" (the age it stops at, not included), or both.",
        ));
    }
    if let Some(m) = min {
        if m > MAX_AGE {
            return Err(RuleError::new(
                format!("{path}.min"),
                format!("\"min\" is {m}; use an age from 0 to {MAX_AGE}."),
            ));
        }
    }
    if let Some(u) = under {
        if u > MAX_AGE {
            return Err(RuleError::new(
                format!("{path}.under"),
                format!("\"under\" is {u}; use an age from 1 to {MAX_AGE}."),
            ));
        }
        if u == 0 {
            return Err(RuleError::new(
                format!("{path}.under"),
                format!(
                    "Nobody is under 0, so nobody could match. Use an age from 1 to {MAX_AGE}."
                ),
            ));
        }
        if let Some(m) = min {
            if m >= u {
                return Err(RuleError::new(
                    format!("{path}.under"),
                    format!("Nobody is {m} or over and also under {u}, so nobody could match. Make \"under\" bigger than \"min\": for people aged 18 to 24, use min 18 and under 25."),
                ));
            }
        }
    }
    Ok(())
}

/// The parts of an `all` that must all hold, with their paths: nested `all`s
/// are flattened, since `all [a, all [b, c]]` needs a, b and c.
fn conjuncts<'a>(rules: &'a [Rule], path: &str, out: &mut Vec<(String, &'a Rule)>) {
    for (i, r) in rules.iter().enumerate() {
        let p = format!("{path}.rules[{i}]");
        match r {
            Rule::All { rules } => conjuncts(rules, &p, out),
            other => out.push((p, other)),
        }
    }
}

fn check_all_consistent(rules: &[Rule], path: &str) -> Result<(), RuleError> {
    let mut parts = Vec::new();
    conjuncts(rules, path, &mut parts);

    // Ages: intersect [min, under).
    let mut lo: u32 = 0;
    let mut hi: u32 = u32::MAX;
    let mut first_age: Option<String> = None;
    // Categories: intersect the lists.
    let mut allowed: Option<Vec<CareLeaverCategory>> = None;
    let mut first_category: Option<String> = None;
    // Yes/no facts: required true, required false.
    let mut yes: Vec<(&Rule, String)> = Vec::new();
    let mut no: Vec<(&Rule, String)> = Vec::new();

    for (p, r) in &parts {
        match r {
            Rule::Age { min, under } => {
                let before = (lo, hi);
                lo = lo.max(min.unwrap_or(0));
                hi = hi.min(under.unwrap_or(u32::MAX));
                let earlier = first_age.get_or_insert_with(|| p.clone()).clone();
                if lo >= hi {
                    return Err(RuleError::new(
                        p.clone(),
                        format!(
                            "This age rule cannot be true together with {earlier}: nobody can be {} and also {}. Change one of them.",
                            age_range_text(bound(before.0, 0), bound(before.1, u32::MAX)),
                            age_range_text(*min, *under)
                        ),
                    ));
                }
            }
            Rule::Category { any_of } => {
                let now: Vec<CareLeaverCategory> = match &allowed {
                    None => any_of.clone(),
                    Some(prev) => prev
                        .iter()
                        .copied()
                        .filter(|c| any_of.contains(c))
                        .collect(),
                };
                let earlier = first_category.get_or_insert_with(|| p.clone()).clone();
                if now.is_empty() {
                    return Err(RuleError::new(
                        p.clone(),
                        format!("These categories share none with {earlier}, so nobody could match. Change one of them."),
                    ));
                }
                allowed = Some(now);
            }
            Rule::Not { rule } if is_flag(rule) => {
                if let Some((_, q)) = yes.iter().find(|(f, _)| f == &rule.as_ref()) {
                    return Err(RuleError::new(
                        p.clone(),
                        format!("This says \"not\" the same thing {q} requires, so nobody could match. Remove one of them."),
                    ));
                }
                no.push((rule.as_ref(), p.clone()));
            }
            flag if is_flag(flag) => {
                if let Some((_, q)) = no.iter().find(|(f, _)| f == flag) {
                    return Err(RuleError::new(
                        p.clone(),
                        format!("This requires the very thing {q} rules out, so nobody could match. Remove one of them."),
                    ));
                }
                yes.push((flag, p.clone()));
            }
            _ => {}
        }
    }
    Ok(())
}

fn bound(v: u32, open: u32) -> Option<u32> {
    (v != open).then_some(v)
}

fn is_flag(rule: &Rule) -> bool {
    matches!(
        rule,
        Rule::InEducation
            | Rule::InHigherEducation
            | Rule::InApprenticeship
            | Rule::InWork
            | Rule::StayingPut
            | Rule::LivesInBorough
    )
}

// ---------------------------------------------------------------------------
// The offer
// ---------------------------------------------------------------------------

/// The areas a local offer must cover (Children and Social Work Act 2017,
/// s.2; financial literacy added in 2026). The app groups entitlements by
/// these, under plain titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferArea {
    HealthAndWellbeing,
    Relationships,
    EducationAndTraining,
    Employment,
    Accommodation,
    ParticipationInSociety,
    FinancialLiteracy,
}

impl OfferArea {
    /// In the order the Act lists them, which is the order the app shows.
    pub const ALL: [OfferArea; 7] = [
        OfferArea::HealthAndWellbeing,
        OfferArea::Relationships,
        OfferArea::EducationAndTraining,
        OfferArea::Employment,
        OfferArea::Accommodation,
        OfferArea::ParticipationInSociety,
        OfferArea::FinancialLiteracy,
    ];

    /// The stored form, the same as the JSON form.
    pub fn as_str(self) -> &'static str {
        match self {
            OfferArea::HealthAndWellbeing => "health_and_wellbeing",
            OfferArea::Relationships => "relationships",
            OfferArea::EducationAndTraining => "education_and_training",
            OfferArea::Employment => "employment",
            OfferArea::Accommodation => "accommodation",
            OfferArea::ParticipationInSociety => "participation_in_society",
            OfferArea::FinancialLiteracy => "financial_literacy",
        }
    }

    pub fn parse(s: &str) -> Option<OfferArea> {
        OfferArea::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The heading a young person sees.
    pub fn title(self) -> &'static str {
        match self {
            OfferArea::HealthAndWellbeing => "Health and wellbeing",
            OfferArea::Relationships => "Family, friends and relationships",
            OfferArea::EducationAndTraining => "Education and training",
            OfferArea::Employment => "Jobs and work",
            OfferArea::Accommodation => "Your home",
            OfferArea::ParticipationInSociety => "Joining in and having your say",
            OfferArea::FinancialLiteracy => "Money skills",
        }
    }

    /// The Act's own words, for staff and for the published offer.
    pub fn statutory_name(self) -> &'static str {
        match self {
            OfferArea::HealthAndWellbeing => "Health and well-being",
            OfferArea::Relationships => "Relationships",
            OfferArea::EducationAndTraining => "Education and training",
            OfferArea::Employment => "Employment",
            OfferArea::Accommodation => "Accommodation",
            OfferArea::ParticipationInSociety => "Participation in society",
            OfferArea::FinancialLiteracy => "Financial literacy",
        }
    }
}

/// One entitlement of the council's local offer, as the API sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entitlement {
    /// Stable id, such as `setting-up-home`.
    pub id: String,
    pub area: OfferArea,
    /// Short name: "Setting-up-home allowance".
    pub title: String,
    /// One sentence: what it is.
    pub summary: String,
    /// Everything else, in plain words.
    pub detail: String,
    /// The total, per `payment`; `None` when there is no fixed amount or it
    /// is not money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// Whether `amount` is exact, a maximum or a minimum.
    #[serde(default)]
    pub amount_is: AmountIs,
    pub payment: Payment,
    /// What to do to get it, step by step.
    pub how_to_claim: String,
    /// Who to ask: a team, a phone number.
    pub contact: String,
    /// Who it is for.
    pub rule: Rule,
    /// When the council last checked this, so people can judge the figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<NaiveDate>,
}

impl Entitlement {
    /// The amount in words: "At least £3,000, paid once.", "Up to £1,200 a
    /// year.", "£3,000, paid as 3 payments of £1,000: 60, 120 and 300 days
    /// in." `None` when it is not money.
    pub fn amount_text(&self) -> Option<String> {
        let with_kind = |m: Money| match self.amount_is {
            AmountIs::Exactly => m.to_string(),
            AmountIs::UpTo => format!("up to {m}"),
            AmountIs::AtLeast => format!("at least {m}"),
        };
        let text = match (&self.payment, self.amount) {
            (Payment::NotMoney, _) => return None,
            (Payment::Once, Some(m)) => format!("{}, paid once", with_kind(m)),
            (Payment::Once, None) => "paid once".to_string(),
            (Payment::Weekly, Some(m)) => format!("{} a week", with_kind(m)),
            (Payment::Weekly, None) => "paid every week".to_string(),
            (Payment::Monthly, Some(m)) => format!("{} a month", with_kind(m)),
            (Payment::Monthly, None) => "paid every month".to_string(),
            (Payment::Yearly, Some(m)) => format!("{} a year", with_kind(m)),
            (Payment::Yearly, None) => "paid once a year".to_string(),
            (
                Payment::Instalments {
                    count,
                    amount,
                    days_in,
                },
                total,
            ) => {
                let mut s = match total {
                    Some(t) => format!("{}, paid as ", with_kind(t)),
                    None => "paid as ".to_string(),
                };
                let noun = if *count == 1 { "payment" } else { "payments" };
                s.push_str(&format!("{count} {noun} of {amount}"));
                if !days_in.is_empty() {
                    let days: Vec<String> = days_in.iter().map(u32::to_string).collect();
                    s.push_str(&format!(": {} days in", join_words(&days, "and")));
                }
                s
            }
        };
        Some(format!("{}.", capitalise(&text)))
    }

    /// Checks what an administrator entered before it is saved: a title,
    /// sensible amounts and schedule, and a valid [`Rule`] (see
    /// [`validate`]). Paths are JSON field names, such as `payment.days_in`.
    pub fn validate(&self) -> Result<(), RuleError> {
        if self.title.trim().is_empty() {
            return Err(RuleError::new(
                "title",
                "Give this entitlement a title, such as \"Setting-up-home allowance\".",
            ));
        }
        if let Some(m) = self.amount {
            if m.pence < 0 {
                return Err(RuleError::new("amount", MoneyError::Negative.to_string()));
            }
            if self.payment == Payment::NotMoney {
                return Err(RuleError::new(
                    "amount",
                    "This is not paid as money, so leave the amount empty, or choose how it is paid.",
                ));
            }
        }
        if let Payment::Instalments {
            count,
            amount,
            days_in,
        } = &self.payment
        {
            if *count == 0 {
                return Err(RuleError::new(
                    "payment.count",
                    "Say how many payments there are: 1 or more.",
                ));
            }
            if amount.pence <= 0 {
                return Err(RuleError::new(
                    "payment.amount",
                    "Enter how much each payment is: more than £0.",
                ));
            }
            if !days_in.is_empty() && days_in.len() != *count as usize {
                return Err(RuleError::new(
                    "payment.days_in",
                    format!(
                        "There are {count} payments but {} days listed. Give one day for each payment, or none.",
                        days_in.len()
                    ),
                ));
            }
            if days_in.windows(2).any(|w| w[0] >= w[1]) {
                return Err(RuleError::new(
                    "payment.days_in",
                    "List the days in order, earliest first, with no day twice (such as 60, 120, 300).",
                ));
            }
            if let (Some(total), AmountIs::Exactly) = (self.amount, self.amount_is) {
                if amount.checked_mul(*count) != Some(total) {
                    let sum = amount
                        .checked_mul(*count)
                        .map_or_else(|| "too much".to_string(), |m| m.to_string());
                    return Err(RuleError::new(
                        "payment.amount",
                        format!("{count} payments of {amount} make {sum}, but the amount is {total}. Change one so they match."),
                    ));
                }
            }
        }
        validate(&self.rule)
    }
}

/// One entitlement as it looks to one young person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyOfferItem {
    pub entitlement_id: String,
    /// Whether it is for them today.
    pub applies: bool,
    /// Why, or why not, in their words.
    pub reasons: Vec<Reason>,
    /// When it will be for them, if only their age stands in the way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coming_up: Option<NaiveDate>,
    /// `coming_up` in words: "From your 18th birthday, 3 March 2027."
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coming_up_note: Option<String>,
}

/// Works out one entitlement for one person on `today`.
pub fn my_offer_item(
    entitlement: &Entitlement,
    facts: &PersonFacts,
    today: NaiveDate,
) -> MyOfferItem {
    let applies = evaluate(&entitlement.rule, facts);
    let soon = if applies {
        None
    } else {
        coming_up_detail(&entitlement.rule, facts, today)
    };
    MyOfferItem {
        entitlement_id: entitlement.id.clone(),
        applies,
        reasons: explain(&entitlement.rule, facts),
        coming_up: soon.as_ref().map(|c| c.date),
        coming_up_note: soon.as_ref().map(ComingUp::note),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use CareLeaverCategory as C;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// A care leaver born 10 May 2006 with every fact off.
    fn person(today: NaiveDate, category: CareLeaverCategory) -> PersonFacts {
        let dob = d(2006, 5, 10);
        PersonFacts {
            age_years: age_on(dob, today),
            dob,
            category,
            in_care_now: false,
            in_education: false,
            in_higher_education: false,
            in_apprenticeship: false,
            in_work: false,
            staying_put: false,
            lives_in_borough: false,
            months_looked_after: 0,
        }
    }

    fn age(min: Option<u32>, under: Option<u32>) -> Rule {
        Rule::Age { min, under }
    }

    fn cats(any_of: &[CareLeaverCategory]) -> Rule {
        Rule::Category {
            any_of: any_of.to_vec(),
        }
    }

    fn all(rules: Vec<Rule>) -> Rule {
        Rule::All { rules }
    }

    fn not(rule: Rule) -> Rule {
        Rule::Not {
            rule: Box::new(rule),
        }
    }

    fn he_bursary() -> Rule {
        all(vec![
            cats(&[C::FormerRelevant, C::Relevant]),
            Rule::InHigherEducation,
            age(None, Some(25)),
        ])
    }

    fn council_tax() -> Rule {
        all(vec![
            age(Some(18), Some(25)),
            cats(&[C::FormerRelevant]),
            Rule::LivesInBorough,
        ])
    }

    /// 16 to 18 inclusive: `under` 19 is exclusive, so at 19 exactly they are out.
    fn bursary_16_19() -> Rule {
        all(vec![age(Some(16), Some(19)), Rule::InEducation])
    }

    fn setting_up_home() -> Rule {
        all(vec![cats(&[C::FormerRelevant]), age(Some(18), Some(25))])
    }

    // --- money ---

    #[test]
    fn money_formats_uk_style() {
        assert_eq!(Money::from_pounds(3000).to_string(), "£3,000");
        assert_eq!(Money::from_pence(120_050).to_string(), "£1,200.50");
        assert_eq!(Money::from_pence(99).to_string(), "£0.99");
        assert_eq!(Money::from_pence(0).to_string(), "£0");
        assert_eq!(Money::from_pence(5).to_string(), "£0.05");
        assert_eq!(Money::from_pounds(200).to_string(), "£200");
        assert_eq!(Money::from_pounds(1_234_567).to_string(), "£1,234,567");
        assert_eq!(Money::from_pounds(-5).to_string(), "-£5");
    }

    #[test]
    fn money_parses_admin_input() {
        let ok = |s: &str| Money::parse(s).unwrap().pence;
        assert_eq!(ok("3000"), 300_000);
        assert_eq!(ok("£3,000"), 300_000);
        assert_eq!(ok(" £ 3,000 "), 300_000);
        assert_eq!(ok("1,200.50"), 120_050);
        assert_eq!(ok("1200.5"), 120_050);
        assert_eq!(ok("0.99"), 99);
        assert_eq!(ok(".5"), 50);
        assert_eq!(ok("12,345,678"), 1_234_567_800);
        assert_eq!("£2,000".parse::<Money>().unwrap(), Money::from_pounds(2000));
    }

    #[test]
    fn money_refuses_bad_input_clearly() {
        assert_eq!(Money::parse(""), Err(MoneyError::Empty));
        assert_eq!(Money::parse("-5"), Err(MoneyError::Negative));
        assert_eq!(Money::parse("-£5"), Err(MoneyError::Negative));
        assert_eq!(Money::parse("£-5.00"), Err(MoneyError::Negative));
        assert_eq!(Money::parse("1.234"), Err(MoneyError::TooManyDecimalPlaces));
        assert_eq!(Money::parse("30,00"), Err(MoneyError::BadCommas));
        assert_eq!(Money::parse(",300"), Err(MoneyError::BadCommas));
        assert_eq!(
            Money::parse("three pounds"),
            Err(MoneyError::NotANumber("three pounds".into()))
        );
        assert!(matches!(
            Money::parse("1.2.3"),
            Err(MoneyError::NotANumber(_))
        ));
        assert!(matches!(Money::parse("£"), Err(MoneyError::NotANumber(_))));
        assert!(matches!(Money::parse("3k"), Err(MoneyError::NotANumber(_))));
        assert_eq!(
            Money::parse("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
        let msg = Money::parse("abc").unwrap_err().to_string();
        assert!(msg.contains("\"abc\" is not an amount of money"), "{msg}");
        assert!(MoneyError::TooManyDecimalPlaces
            .to_string()
            .contains("2 digits"));
    }

    #[test]
    fn money_is_an_integer_of_pence_in_json() {
        assert_eq!(
            serde_json::to_string(&Money::from_pounds(3000)).unwrap(),
            "300000"
        );
        let m: Money = serde_json::from_str("120050").unwrap();
        assert_eq!(m, Money::from_pence(120_050));
    }

    #[test]
    fn payment_json_shape() {
        let p = Payment::Instalments {
            count: 3,
            amount: Money::from_pounds(1000),
            days_in: vec![60, 120, 300],
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"instalments","count":3,"amount":100000,"days_in":[60,120,300]}"#
        );
        assert_eq!(serde_json::from_str::<Payment>(&json).unwrap(), p);
        assert_eq!(
            serde_json::from_str::<Payment>(r#"{"kind":"not_money"}"#).unwrap(),
            Payment::NotMoney
        );
    }

    // --- dates ---

    #[test]
    fn birthdays_and_ages() {
        let dob = d(2008, 2, 29);
        assert_eq!(birthday(dob, 18), Some(d(2026, 3, 1)));
        assert_eq!(birthday(dob, 16), Some(d(2024, 2, 29)));
        assert_eq!(age_on(dob, d(2026, 2, 28)), 17);
        assert_eq!(age_on(dob, d(2026, 3, 1)), 18);
        assert_eq!(age_on(dob, d(2024, 2, 28)), 15);
        assert_eq!(age_on(dob, d(2024, 2, 29)), 16);
        assert_eq!(age_on(dob, d(2000, 1, 1)), 0);
    }

    #[test]
    fn boundary_birthdays_16_18_21_25() {
        let dob = d(2006, 5, 10);
        for n in [16u32, 18, 21, 25] {
            let on = birthday(dob, n).unwrap();
            let before = on.pred_opt().unwrap();
            let mut f = person(before, C::FormerRelevant);
            assert_eq!(f.age_years, n - 1, "day before {n}th");
            assert!(!evaluate(&age(Some(n), None), &f), "min {n}, day before");
            assert!(evaluate(&age(None, Some(n)), &f), "under {n}, day before");
            f.age_years = age_on(dob, on);
            assert_eq!(f.age_years, n, "on {n}th");
            assert!(evaluate(&age(Some(n), None), &f), "min {n}, on the day");
            assert!(!evaluate(&age(None, Some(n)), &f), "under {n}, on the day");
        }
    }

    // --- each rule kind ---

    #[test]
    fn each_rule_kind_evaluates() {
        let today = d(2025, 9, 1);
        let mut f = person(today, C::FormerRelevant);
        assert_eq!(f.age_years, 19);
        assert!(evaluate(&Rule::Everyone, &f));
        assert!(evaluate(&age(Some(18), Some(25)), &f));
        assert!(!evaluate(&age(Some(16), Some(19)), &f));
        assert!(evaluate(&cats(&[C::Relevant, C::FormerRelevant]), &f));
        assert!(!evaluate(&cats(&[C::Eligible]), &f));

        let flags = [
            Rule::InEducation,
            Rule::InHigherEducation,
            Rule::InApprenticeship,
            Rule::InWork,
            Rule::StayingPut,
            Rule::LivesInBorough,
        ];
        for r in &flags {
            assert!(!evaluate(r, &f), "{r:?} off");
        }
        f.in_education = true;
        f.in_apprenticeship = true;
        f.in_work = true;
        f.staying_put = true;
        f.lives_in_borough = true;
        assert!(!evaluate(&Rule::InHigherEducation, &f));
        f.in_higher_education = true;
        for r in &flags {
            assert!(evaluate(r, &f), "{r:?} on");
        }
        // Higher education counts as education even if in_education was not set.
        f.in_education = false;
        assert!(evaluate(&Rule::InEducation, &f));

        let isa = Rule::LookedAfterMonths { min: 12 };
        f.months_looked_after = 11;
        assert!(!evaluate(&isa, &f));
        f.months_looked_after = 12;
        assert!(evaluate(&isa, &f));

        assert!(evaluate(&all(vec![Rule::InWork, isa.clone()]), &f));
        assert!(!evaluate(
            &all(vec![Rule::InWork, cats(&[C::Eligible])]),
            &f
        ));
        let any = Rule::Any {
            rules: vec![cats(&[C::Eligible]), Rule::InWork],
        };
        assert!(evaluate(&any, &f));
        assert!(!evaluate(&not(any.clone()), &f));
        assert!(evaluate(&not(not(any)), &f));
    }

    // --- the scenarios in the brief ---

    #[test]
    fn nineteen_year_old_at_university() {
        let today = d(2025, 9, 1);
        let mut f = person(today, C::FormerRelevant);
        f.in_education = true;
        f.in_higher_education = true;
        f.lives_in_borough = true;
        assert_eq!(f.age_years, 19);
        assert!(evaluate(&he_bursary(), &f));
        assert!(evaluate(&council_tax(), &f));
        // 16-19 bursary: `under` 19 is exclusive, so at 19 exactly they are out.
        assert!(!evaluate(&bursary_16_19(), &f));
        let reasons = explain(&bursary_16_19(), &f);
        assert_eq!(
            reasons[0],
            Reason {
                met: false,
                text: "You are 19, and this is for people aged 16 to 18.".into()
            }
        );
        assert!(reasons[1].met);
        // The day before their 19th birthday they still had it.
        let f18 = PersonFacts {
            age_years: 18,
            ..f.clone()
        };
        assert!(evaluate(&bursary_16_19(), &f18));
        // Moving out of the borough loses the council tax exemption only.
        f.lives_in_borough = false;
        assert!(!evaluate(&council_tax(), &f));
        assert!(evaluate(&he_bursary(), &f));
    }

    #[test]
    fn explain_uses_plain_words() {
        let today = d(2025, 9, 1);
        let f = person(today, C::FormerRelevant);
        let r = explain(&age(Some(18), Some(25)), &f);
        assert_eq!(
            r[0].text,
            "You are 19, and this is for people aged 18 to 24."
        );
        assert!(r[0].met);

        let r = explain(&he_bursary(), &f);
        assert_eq!(r.len(), 3);
        assert!(r[0].met && !r[1].met && r[2].met);
        assert!(r[0]
            .text
            .starts_with("You are a care leaver aged 18 or over"));
        assert_eq!(
            r[1].text,
            "This is for people at university or on a higher education course, and you are not at university or on a higher education course at the moment."
        );
        assert_eq!(r[2].text, "You are 19, and this is for people under 25.");

        let r = explain(&cats(&[C::Eligible, C::Relevant]), &f);
        assert!(r[0].text.starts_with(
            "This is for 16 and 17 year olds still in care or 16 and 17 year olds who have left care, and you are a care leaver"
        ));

        let r = explain(&Rule::LookedAfterMonths { min: 12 }, &f);
        assert_eq!(r[0].text, "This is for people who have spent at least 12 months in care, and you have spent 0 months in care in total.");
    }

    #[test]
    fn explain_any_and_not() {
        let today = d(2025, 9, 1);
        let mut f = person(today, C::FormerRelevant);
        let any = Rule::Any {
            rules: vec![Rule::InHigherEducation, Rule::InApprenticeship],
        };
        let r = explain(&any, &f);
        assert_eq!(r.len(), 3);
        assert!(r.iter().all(|x| !x.met));
        assert!(r[0].text.contains("just one of the following"));

        f.in_apprenticeship = true;
        let r = explain(&any, &f);
        assert_eq!(
            r,
            vec![Reason {
                met: true,
                text: "You are doing an apprenticeship.".into()
            }]
        );

        // not(any[a, b]) explains as "not a" and "not b".
        let neet = not(Rule::Any {
            rules: vec![Rule::InWork, Rule::InApprenticeship],
        });
        let r = explain(&neet, &f);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0],
            Reason {
                met: true,
                text: "You are not in work at the moment.".into()
            }
        );
        assert_eq!(
            r[1],
            Reason {
                met: false,
                text: "This is not for people doing an apprenticeship, and you are doing an apprenticeship.".into()
            }
        );
        assert!(!evaluate(&neet, &f));

        let r = explain(&not(age(Some(21), None)), &f);
        assert_eq!(
            r[0].text,
            "You are 19, and this is not for people aged 21 or over."
        );
        assert!(r[0].met);
    }

    #[test]
    fn seventeen_year_old_sees_setting_up_home_from_18th_birthday() {
        let today = d(2024, 1, 15);
        let mut f = person(today, C::Relevant);
        assert_eq!(f.age_years, 17);
        assert!(!evaluate(&setting_up_home(), &f));
        let c = coming_up_detail(&setting_up_home(), &f, today).unwrap();
        assert_eq!(c.date, d(2024, 5, 10));
        assert_eq!(c.age, 18);
        assert!(!c.if_still_in_care);
        assert_eq!(c.note(), "From your 18th birthday, 10 May 2024.");
        assert_eq!(
            coming_up(&setting_up_home(), &f, today),
            Some(d(2024, 5, 10))
        );

        // Still in care (eligible): the same.
        f.category = C::Eligible;
        f.in_care_now = true;
        assert_eq!(
            coming_up(&setting_up_home(), &f, today),
            Some(d(2024, 5, 10))
        );
    }

    #[test]
    fn fifteen_year_old_in_care_sees_what_leaving_care_brings() {
        let today = d(2021, 6, 1);
        let mut f = person(today, C::None);
        f.in_care_now = true;
        assert_eq!(f.age_years, 15);
        let c = coming_up_detail(&setting_up_home(), &f, today).unwrap();
        assert_eq!(c.date, d(2024, 5, 10));
        assert!(c.if_still_in_care);
        assert_eq!(
            c.note(),
            "From your 18th birthday, 10 May 2024, if you are still in care when you turn 16."
        );
        // Something only for eligible 16-17 year olds: from the 16th birthday.
        let eligible_only = cats(&[C::Eligible]);
        let c = coming_up_detail(&eligible_only, &f, today).unwrap();
        assert_eq!(
            (c.date, c.age, c.if_still_in_care),
            (d(2022, 5, 10), 16, true)
        );
        // A pure age rule does not depend on staying in care.
        let c = coming_up_detail(&age(Some(18), None), &f, today).unwrap();
        assert!(!c.if_still_in_care);
        // Not in care: no projection.
        f.in_care_now = false;
        assert_eq!(coming_up(&setting_up_home(), &f, today), None);
    }

    #[test]
    fn coming_up_is_none_when_age_is_not_the_only_obstacle() {
        let today = d(2024, 1, 15);
        let f = person(today, C::Relevant);
        // Applies already.
        assert_eq!(coming_up(&cats(&[C::Relevant]), &f, today), None);
        // Needs university too.
        assert_eq!(coming_up(&he_bursary(), &f, today), None);
        // Too old.
        let old = person(d(2032, 1, 1), C::FormerRelevant);
        assert_eq!(coming_up(&setting_up_home(), &old, d(2032, 1, 1)), None);
        // On the birthday itself it applies, so nothing is coming up.
        let on = person(d(2024, 5, 10), C::FormerRelevant);
        assert_eq!(coming_up(&setting_up_home(), &on, d(2024, 5, 10)), None);
    }

    #[test]
    fn coming_up_from_a_leap_day_birth() {
        let dob = d(2008, 2, 29);
        let today = d(2025, 6, 1);
        let f = PersonFacts {
            age_years: age_on(dob, today),
            dob,
            ..person(today, C::Relevant)
        };
        assert_eq!(
            coming_up(&setting_up_home(), &f, today),
            Some(d(2026, 3, 1))
        );
    }

    // --- validation ---

    #[test]
    fn validate_accepts_the_offer() {
        for r in [
            he_bursary(),
            council_tax(),
            bursary_16_19(),
            setting_up_home(),
        ] {
            assert_eq!(validate(&r), Ok(()));
        }
        assert_eq!(validate(&not(not(Rule::InWork))), Ok(()));
        assert_eq!(validate(&Rule::Everyone), Ok(()));
    }

    fn err_path(r: &Rule) -> String {
        validate(r).unwrap_err().path
    }

    #[test]
    fn validate_names_the_field_at_fault() {
        assert_eq!(err_path(&age(Some(25), Some(18))), "rule.under");
        assert_eq!(err_path(&age(Some(18), Some(18))), "rule.under");
        assert_eq!(err_path(&age(None, None)), "rule");
        assert_eq!(err_path(&age(Some(31), None)), "rule.min");
        assert_eq!(err_path(&age(None, Some(40))), "rule.under");
        assert_eq!(err_path(&age(None, Some(0))), "rule.under");
        assert_eq!(err_path(&cats(&[])), "rule.any_of");
        assert_eq!(err_path(&Rule::Any { rules: vec![] }), "rule.rules");
        assert_eq!(err_path(&all(vec![])), "rule.rules");
        assert_eq!(err_path(&Rule::LookedAfterMonths { min: 400 }), "rule.min");
        assert_eq!(err_path(&not(Rule::Everyone)), "rule.rule");
        assert_eq!(
            err_path(&all(vec![Rule::InWork, age(Some(21), Some(18))])),
            "rule.rules[1].under"
        );
        let e = validate(&all(vec![Rule::InWork, age(Some(25), Some(18))])).unwrap_err();
        assert!(
            e.message.contains("Make \"under\" bigger than \"min\""),
            "{e}"
        );
        assert_eq!(
            err_path(&Rule::Any {
                rules: vec![Rule::InWork, not(all(vec![cats(&[])]))]
            }),
            "rule.rules[1].rule.rules[0].any_of"
        );
    }

    #[test]
    fn validate_finds_contradictions_inside_all() {
        let r = all(vec![
            age(Some(16), Some(19)),
            Rule::InWork,
            age(Some(21), None),
        ]);
        let e = validate(&r).unwrap_err();
        assert_eq!(e.path, "rule.rules[2]");
        assert!(e.message.contains("rule.rules[0]"), "{e}");
        assert!(
            e.message.contains("aged 16 to 18") && e.message.contains("aged 21 or over"),
            "{e}"
        );

        // Nested `all` is flattened.
        let r = all(vec![
            age(None, Some(18)),
            all(vec![Rule::InWork, age(Some(18), None)]),
        ]);
        assert_eq!(err_path(&r), "rule.rules[1].rules[1]");

        // Touching ranges are fine: 16..19 and 18..25 share 18.
        assert_eq!(
            validate(&all(vec![age(Some(16), Some(19)), age(Some(18), Some(25))])),
            Ok(())
        );

        let r = all(vec![
            cats(&[C::Eligible, C::Relevant]),
            cats(&[C::FormerRelevant]),
        ]);
        assert_eq!(err_path(&r), "rule.rules[1]");
        let r = all(vec![
            cats(&[C::Eligible, C::Relevant]),
            cats(&[C::Relevant]),
        ]);
        assert_eq!(validate(&r), Ok(()));

        let r = all(vec![Rule::StayingPut, not(Rule::StayingPut)]);
        assert_eq!(err_path(&r), "rule.rules[1]");
        let r = all(vec![not(Rule::InWork), Rule::InWork]);
        assert_eq!(err_path(&r), "rule.rules[1]");
    }

    #[test]
    fn validate_limits_nesting() {
        let mut r = Rule::InWork;
        for _ in 0..7 {
            r = not(r);
        }
        // 7 `not`s plus the leaf: 8 levels.
        assert_eq!(validate(&r), Ok(()));
        let r9 = not(r);
        let e = validate(&r9).unwrap_err();
        assert_eq!(e.path, format!("rule{}", ".rule".repeat(8)));
        assert!(e.message.contains("at most 8 deep"));
    }

    // --- JSON ---

    #[test]
    fn nested_rule_json_round_trip() {
        let json = r#"{"kind":"all","rules":[{"kind":"category","any_of":["former_relevant","relevant"]},{"kind":"age","min":18,"under":25},{"kind":"any","rules":[{"kind":"in_higher_education"},{"kind":"in_apprenticeship"}]},{"kind":"not","rule":{"kind":"staying_put"}},{"kind":"looked_after_months","min":12}]}"#;
        let rule: Rule = serde_json::from_str(json).unwrap();
        assert_eq!(
            rule,
            all(vec![
                cats(&[C::FormerRelevant, C::Relevant]),
                age(Some(18), Some(25)),
                Rule::Any {
                    rules: vec![Rule::InHigherEducation, Rule::InApprenticeship]
                },
                not(Rule::StayingPut),
                Rule::LookedAfterMonths { min: 12 },
            ])
        );
        assert_eq!(serde_json::to_string(&rule).unwrap(), json);
        assert_eq!(validate(&rule), Ok(()));

        // Open-ended ages leave the missing bound out.
        assert_eq!(
            serde_json::to_string(&age(None, Some(21))).unwrap(),
            r#"{"kind":"age","under":21}"#
        );
    }

    #[test]
    fn rule_json_refuses_unknown_fields_and_kinds() {
        // "max" is not a field: refusing it stops a typo widening the rule to "18 or over".
        assert!(serde_json::from_str::<Rule>(r#"{"kind":"age","min":18,"max":25}"#).is_err());
        // serde cannot refuse extra fields on kinds without fields; they are ignored.
        assert_eq!(
            serde_json::from_str::<Rule>(r#"{"kind":"in_work","extra":1}"#).unwrap(),
            Rule::InWork
        );
        assert!(serde_json::from_str::<Rule>(r#"{"kind":"wealthy"}"#).is_err());
        assert!(
            serde_json::from_str::<Rule>(r#"{"kind":"category","any_of":["orphan"]}"#).is_err()
        );
    }

    // --- entitlements ---

    fn apprenticeship_bursary() -> Entitlement {
        Entitlement {
            id: "apprenticeship-bursary".into(),
            area: OfferArea::Employment,
            title: "Apprenticeship bursary".into(),
            summary: "Money to help you through your apprenticeship.".into(),
            detail: "Paid in three parts.".into(),
            amount: Some(Money::from_pounds(3000)),
            amount_is: AmountIs::Exactly,
            payment: Payment::Instalments {
                count: 3,
                amount: Money::from_pounds(1000),
                days_in: vec![60, 120, 300],
            },
            how_to_claim: "Ask your personal adviser.".into(),
            contact: "Leaving Care team, 020 8303 7777".into(),
            rule: all(vec![
                cats(&[C::FormerRelevant, C::Relevant]),
                Rule::InApprenticeship,
                age(None, Some(25)),
            ]),
            updated_at: Some(d(2025, 4, 1)),
        }
    }

    #[test]
    fn entitlement_amount_text() {
        let e = apprenticeship_bursary();
        assert_eq!(
            e.amount_text().unwrap(),
            "£3,000, paid as 3 payments of £1,000: 60, 120 and 300 days in."
        );
        let yearly = Entitlement {
            amount: Some(Money::from_pounds(1200)),
            amount_is: AmountIs::UpTo,
            payment: Payment::Yearly,
            ..e.clone()
        };
        assert_eq!(yearly.amount_text().unwrap(), "Up to £1,200 a year.");
        let home = Entitlement {
            amount_is: AmountIs::AtLeast,
            payment: Payment::Once,
            ..e.clone()
        };
        assert_eq!(home.amount_text().unwrap(), "At least £3,000, paid once.");
        let tax = Entitlement {
            amount: None,
            payment: Payment::NotMoney,
            ..e
        };
        assert_eq!(tax.amount_text(), None);
    }

    #[test]
    fn entitlement_validate() {
        let e = apprenticeship_bursary();
        assert_eq!(e.validate(), Ok(()));
        let bad = |f: &dyn Fn(&mut Entitlement)| {
            let mut x = apprenticeship_bursary();
            f(&mut x);
            x.validate().unwrap_err().path
        };
        assert_eq!(bad(&|x| x.title = " ".into()), "title");
        assert_eq!(bad(&|x| x.amount = Some(Money::from_pence(-1))), "amount");
        assert_eq!(
            bad(&|x| x.amount = Some(Money::from_pounds(2000))),
            "payment.amount"
        );
        assert_eq!(
            bad(&|x| x.payment = Payment::Instalments {
                count: 3,
                amount: Money::from_pounds(1000),
                days_in: vec![60, 120]
            }),
            "payment.days_in"
        );
        assert_eq!(
            bad(&|x| x.payment = Payment::Instalments {
                count: 3,
                amount: Money::from_pounds(1000),
                days_in: vec![120, 60, 300]
            }),
            "payment.days_in"
        );
        assert_eq!(bad(&|x| x.payment = Payment::NotMoney), "amount");
        assert_eq!(bad(&|x| x.rule = age(Some(30), Some(20))), "rule.under");
    }

    #[test]
    fn my_offer_item_for_a_seventeen_year_old() {
        let today = d(2024, 1, 15);
        let f = person(today, C::Relevant);
        let e = Entitlement {
            id: "setting-up-home".into(),
            rule: setting_up_home(),
            ..apprenticeship_bursary()
        };
        let item = my_offer_item(&e, &f, today);
        assert!(!item.applies);
        assert_eq!(item.entitlement_id, "setting-up-home");
        assert_eq!(item.coming_up, Some(d(2024, 5, 10)));
        assert_eq!(
            item.coming_up_note.as_deref(),
            Some("From your 18th birthday, 10 May 2024.")
        );
        assert_eq!(item.reasons.len(), 2);

        let json = serde_json::to_value(&item).unwrap();
        assert_eq!(json["coming_up"], "2024-05-10");
        let back: MyOfferItem = serde_json::from_value(json).unwrap();
        assert_eq!(back, item);
    }

    #[test]
    fn entitlement_json_round_trip() {
        let e = apprenticeship_bursary();
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains(r#""area":"employment""#));
        assert!(json.contains(r#""amount":300000"#));
        let back: Entitlement = serde_json::from_str(&json).unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn offer_areas_round_trip_and_have_titles() {
        for a in OfferArea::ALL {
            assert_eq!(OfferArea::parse(a.as_str()), Some(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.as_str())
            );
            assert!(!a.title().is_empty() && !a.statutory_name().is_empty());
        }
        assert_eq!(OfferArea::parse("money"), None);
    }

    #[test]
    fn ordinals() {
        let s: Vec<String> = [1, 2, 3, 11, 12, 13, 16, 18, 21, 22, 23, 25]
            .map(ordinal)
            .to_vec();
        assert_eq!(
            s,
            [
                "1st", "2nd", "3rd", "11th", "12th", "13th", "16th", "18th", "21st", "22nd",
                "23rd", "25th"
            ]
        );
    }
}

#[cfg(test)]
mod describe_tests {
    #![allow(clippy::expect_used)]

    use super::*;

    fn rule(json: &str) -> Rule {
        serde_json::from_str(json).expect("test rule")
    }

    #[test]
    fn describes_a_flat_rule() {
        assert_eq!(
            describe(&rule(r#"{"kind":"age","min":18,"under":25}"#)),
            "For people aged 18 to 24."
        );
        assert_eq!(describe(&Rule::Everyone), "For everyone the offer is for.");
    }

    #[test]
    fn brackets_groups_inside_groups() {
        let r = rule(
            r#"{"kind":"all","rules":[
                {"kind":"category","any_of":["former_relevant","relevant"]},
                {"kind":"age","min":18,"under":25},
                {"kind":"any","rules":[{"kind":"in_higher_education"},{"kind":"in_apprenticeship"}]},
                {"kind":"not","rule":{"kind":"staying_put"}}]}"#,
        );
        assert_eq!(
            describe(&r),
            "For care leavers aged 18 to 25 or 16 and 17 year olds who have left care, and people aged 18 to 24, \
             and (people at university or on a higher education course, or people doing an apprenticeship), \
             and not people living with their former foster carers (Staying Put)."
        );
    }

    #[test]
    fn months_in_care() {
        assert_eq!(
            describe(&rule(r#"{"kind":"looked_after_months","min":12}"#)),
            "For people who have spent at least 12 months in care."
        );
    }
}
