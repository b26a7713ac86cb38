//! Money in whole pence (parsed from what an administrator types, shown UK
//! style), and how an entitlement is paid.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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

/// How an entitlement is paid, which also says what [`Entitlement::amount`](super::Entitlement::amount)
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

/// Whether [`Entitlement::amount`](super::Entitlement::amount) is the exact figure, a ceiling ("up to
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

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
}
