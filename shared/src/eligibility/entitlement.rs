//! The local offer's entitlements: the areas the Act names, an entitlement
//! as an administrator writes it, and how one looks to one young person.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::coming_up::{coming_up_detail, ComingUp};
use super::explain::{explain, Reason};
use super::money::{AmountIs, Money, MoneyError, Payment};
use super::rule::{evaluate, PersonFacts, Rule};
use super::validate::{validate, RuleError};
use super::words::{capitalise, join_words};

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
    use crate::eligibility::fixtures::*;
    use crate::people::CareLeaverCategory as C;

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
}
